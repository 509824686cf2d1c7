import { App, Stack } from 'aws-cdk-lib';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import { DeploymentStage, PowertoolsFunction, PowertoolsFunctionProps } from '../../src';

/** The two kinds of stack every test runs in: an explicit region and an environment-agnostic one. */
export const STACK_KINDS: Array<[string, { account: string; region: string } | undefined]> = [
  ['explicit region (eu-west-1)', { account: '123456789012', region: 'eu-west-1' }],
  ['environment-agnostic', undefined],
];

/** The two languages: Node.js (TypeScript Powertools) and Python. */
export const LANGUAGES: Array<[string, lambda.Runtime, string]> = [
  ['Node.js', lambda.Runtime.NODEJS_24_X, 'exports.handler = async () => ({ statusCode: 200 });'],
  ['Python', lambda.Runtime.PYTHON_3_13, 'def handler(event, context):\n    return {"statusCode": 200}\n'],
];

export function newStack(env?: { account: string; region: string }): Stack {
  return new Stack(new App(), 'TestStack', { env });
}

/** The minimal call, with optional overrides. */
export function newFunction(
  stack: Stack,
  overrides: Partial<PowertoolsFunctionProps> = {},
  runtime?: lambda.Runtime,
  id = 'Orders',
): PowertoolsFunction {
  const code = runtime?.family === lambda.RuntimeFamily.PYTHON ? LANGUAGES[1][2] : LANGUAGES[0][2];
  return new PowertoolsFunction(stack, id, {
    serviceName: 'orders',
    code: lambda.Code.fromInline(code),
    handler: 'index.handler',
    runtime,
    ...overrides,
  });
}

export const PROD = DeploymentStage.PROD;
export const DEV = DeploymentStage.DEV;

/**
 * Creates the single table the orders-api handler writes to (PK/SK strings, on-demand) with the
 * unmocked SDK client, and closes the client.
 */
export async function createOrdersTable(clientConfig: object, tableName: string): Promise<void> {
  // outside jest (the benchmark) there is no mock to bypass
  const sdk: typeof import('@aws-sdk/client-dynamodb') = typeof jest === 'undefined'
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- a static import would be jest's counting mock
    ? require('@aws-sdk/client-dynamodb')
    : jest.requireActual('@aws-sdk/client-dynamodb');
  const admin = new sdk.DynamoDBClient(clientConfig);
  await admin.send(new sdk.CreateTableCommand({
    TableName: tableName,
    BillingMode: 'PAY_PER_REQUEST',
    AttributeDefinitions: [{ AttributeName: 'PK', AttributeType: 'S' }, { AttributeName: 'SK', AttributeType: 'S' }],
    KeySchema: [{ AttributeName: 'PK', KeyType: 'HASH' }, { AttributeName: 'SK', KeyType: 'RANGE' }],
  }));
  admin.destroy();
}
