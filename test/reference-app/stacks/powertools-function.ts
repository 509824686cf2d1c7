import * as lambda from 'aws-cdk-lib/aws-lambda';
import { PatternHandlers, PowertoolsFunction } from '../../../src';
import { Acknowledgement, ReferenceStackSpec } from '../stack-spec';

const PYTHON_HANDLER = [
  'from aws_lambda_powertools import Logger, Metrics',
  'logger = Logger()',
  'metrics = Metrics()',
  '',
  '@metrics.log_metrics(capture_cold_start_metric=True)',
  'def handler(event, context):',
  '    logger.info("Processing order")',
  '    return {"statusCode": 200}',
  '',
].join('\n');

/**
 * What every PowertoolsFunction acknowledges, for the function at construct path `id` (relative to
 * its stack). Shared by every reference stack that deploys a function.
 */
export function functionAcknowledgements(id: string): Acknowledgement[] {
  return [
    {
      path: `${id}/ServiceRole/DefaultPolicy/Resource`,
      id: 'HIPAA.Security-IAMNoInlinePolicy',
      reason: 'The role\'s policy is the CDK grant policy attached to this one role only, with least-privilege statements scoped to the function\'s own log group and queue; a customer-managed policy would carry the same statements.',
    },
    {
      path: `${id}/ServiceRole/DefaultPolicy/Resource`,
      id: 'NIST.800.53.R5-IAMNoInlinePolicy',
      reason: 'The role\'s policy is the CDK grant policy attached to this one role only, with least-privilege statements scoped to the function\'s own log group and queue; a customer-managed policy would carry the same statements.',
    },
    {
      path: `${id}/ServiceRole/DefaultPolicy/Resource`,
      id: 'PCI.DSS.321-IAMNoInlinePolicy',
      reason: 'The role\'s policy is the CDK grant policy attached to this one role only, with least-privilege statements scoped to the function\'s own log group and queue; a customer-managed policy would carry the same statements.',
    },
    ...['HIPAA.Security', 'NIST.800.53.R5', 'PCI.DSS.321'].map((pack) => ({
      path: `${id}/Resource`,
      id: `${pack}-LambdaInsideVPC`,
      reason: 'The reference function reaches only public AWS endpoints; regulated workloads pass `vpc` (and `vpcSubnets`) to place it in private subnets.',
    })),
    ...['HIPAA.Security', 'NIST.800.53.R5', 'PCI.DSS.321'].map((pack) => ({
      path: `${id}/LogGroup/Resource`,
      id: `${pack}-CloudWatchLogGroupEncrypted`,
      reason: 'CloudWatch Logs encrypts log data at rest with its own keys; regulated workloads pass `logGroupEncryptionKey` for a customer-managed KMS key.',
    })),
  ];
}

/**
 * PowertoolsFunction with its defaults: a Node.js function running the shipped orders-api handler
 * (its table comes from the SingleTable stack in a real app; here only its name) and a Python
 * function (inline code) on the newest Python runtime Powertools publishes a layer for. aws-cdk-lib
 * already lists python3.15, which that layer lacks: the construct acknowledges AwsSolutions-L1 and
 * Serverless-LambdaLatestVersion on the function itself (issue #21), so nothing is listed here.
 */
export const powertoolsFunctionStack: ReferenceStackSpec = {
  name: 'PowertoolsFunction',
  build: (stack, stage) => {
    new PowertoolsFunction(stack, 'OrdersApi', {
      serviceName: 'orders',
      code: PatternHandlers.ordersApi(),
      handler: 'index.handler',
      environment: { TABLE_NAME: 'orders' },
      stage,
    });
    new PowertoolsFunction(stack, 'OrdersPython', {
      serviceName: 'orders-py',
      runtime: lambda.Runtime.PYTHON_3_14,
      code: lambda.Code.fromInline(PYTHON_HANDLER),
      handler: 'index.handler',
      stage,
    });
  },
  acknowledgements: [
    ...functionAcknowledgements('OrdersApi'),
    ...functionAcknowledgements('OrdersPython'),
  ],
};
