import { Stack, aws_iam as iam } from 'aws-cdk-lib';
import * as ecs from 'aws-cdk-lib/aws-ecs';
import * as targets from 'aws-cdk-lib/aws-events-targets';
import * as s3 from 'aws-cdk-lib/aws-s3';
import * as secretsmanager from 'aws-cdk-lib/aws-secretsmanager';
import {
  AccountGuardrails,
  DeploymentStage,
  EventBusWithArchive,
  FargateBlueGreenService,
  GitHubOidcRole,
  PatternHandlers,
  PowertoolsFunction,
  PresignedUrlIssuer,
  SecureBucket,
  SingleTable,
} from '../../../src';
import { ORDERS_MODEL } from '../../single-table/model';
import { Acknowledgement, ReferenceStackSpec } from '../stack-spec';
import { eventBusStack } from './event-bus';
import { certificate, REFERENCE_IMAGE, serviceAcknowledgements } from './fargate-service';
import { functionAcknowledgements } from './powertools-function';
import { ACCESS_LOGS_KMS_REASON, issuerAcknowledgements, REPLICATION_REASON } from './secure-bucket';
import { BACKUP_PLAN_REASON } from './single-table';

const REGULATED_PACKS = ['HIPAA.Security', 'NIST.800.53.R5', 'PCI.DSS.321'];

/**
 * The whole patterns document as one stack: the seven constructs composed the way a team would,
 * with the fewest lines. The code between the `patterns-document:start`/`:end` markers is what the
 * reference app page (test/reference-app/README.md) shows and what `projenrc/count-lines.ts` counts, next to the same system in plain
 * aws-cdk-lib (test/reference-app/plain-patterns-document.ts).
 */
export function buildPatternsDocument(stack: Stack, stage: DeploymentStage): void {
  // patterns-document:start
  const table = new SingleTable(stack, 'Orders', { stage, ...ORDERS_MODEL });
  const bus = new EventBusWithArchive(stack, 'AppBus', { stage });
  const api = new PowertoolsFunction(stack, 'OrdersApi', {
    serviceName: 'orders',
    code: PatternHandlers.ordersApi(),
    handler: PatternHandlers.HANDLER,
    environment: { TABLE_NAME: table.tableName, EVENT_BUS_NAME: bus.eventBusName },
    stage,
  });
  table.grantLeadingKeys(api, { keyPrefix: 'USER#' });
  bus.grantPutEventsTo(api);
  const orderEvents = new PowertoolsFunction(stack, 'OrderEvents', {
    serviceName: 'order-events',
    code: PatternHandlers.orderEvents(),
    handler: PatternHandlers.HANDLER,
    stage,
  });
  bus.addRule('OrderCreated', {
    eventPattern: { source: ['com.example.orders'], detailType: ['OrderCreated'] },
    targets: [new targets.LambdaFunction(orderEvents.liveAlias)],
  });
  bus.addSchedule('DailyReport', { expression: 'cron(0 8 * * ? *)', source: 'com.example.reports', detailType: 'DailyReportRequested' });
  const uploads = new SecureBucket(stack, 'Uploads', {
    stage,
    encryption: s3.BucketEncryption.KMS,
    corsAllowedOrigins: ['https://app.example.com'],
  });
  new PresignedUrlIssuer(stack, 'UploadUrls', { bucket: uploads, stage });
  const dbSecret = secretsmanager.Secret.fromSecretNameV2(stack, 'DbSecret', 'orders/db');
  const service = new FargateBlueGreenService(stack, 'Service', {
    stage,
    image: ecs.ContainerImage.fromRegistry(REFERENCE_IMAGE),
    containerPort: 80,
    certificate: certificate(stack),
    secrets: { DB_PASSWORD: ecs.Secret.fromSecretsManager(dbSecret) },
  });
  iam.Grant.addToPrincipal({ grantee: service.taskRole, actions: ['s3:GetObject'], resourceArns: [uploads.arnForObjects('uploads/*')] });
  uploads.encryptionKey?.grantDecrypt(service.taskRole);
  new GitHubOidcRole(stack, 'Deploy', { repository: 'myorg/myrepo', branches: ['main'], stage }).grantCdkBootstrapRoles();
  new AccountGuardrails(stack, 'Guardrails', { stage, team: 'platform', alertEmails: ['finops@example.com'] });
  // patterns-document:end
}

const TASK_POLICY = 'Service/TaskRole/DefaultPolicy/Resource';

/** Findings of the composition itself (the single-construct stacks have no such grant). */
const compositionAcknowledgements: Acknowledgement[] = [
  {
    path: TASK_POLICY,
    id: 'AwsSolutions-IAM5[Resource::<Uploads4F6EB0FD.Arn>/uploads/*]',
    reason:
      'The service reads the uploaded objects of every user (it processes them), so it may s3:GetObject under uploads/ of this one bucket, and nothing else in it.',
  },
  ...REGULATED_PACKS.map((pack) => ({
    path: TASK_POLICY,
    id: `${pack}-IAMNoInlinePolicy`,
    reason:
      'The CDK grant policy of the service\'s task role only: s3:GetObject under uploads/ of the Uploads bucket and kms:Decrypt on its key; a customer-managed policy would carry the same statements.',
  })),
];

/**
 * The patterns document as one app (issue 16): an orders API on a single table (its own leading
 * keys only), publishing to a bus with an archive and a schedule, a rule targeting a second
 * function, uploads through presigned URLs, a blue/green container service reading a secret and the
 * uploads, deployed from GitHub Actions without keys, in an account with guardrails. It acknowledges
 * only what the single-construct stacks acknowledge for the same constructs, plus the task role's grant.
 */
export const patternsDocumentStack: ReferenceStackSpec = {
  name: 'PatternsDocument',
  build: buildPatternsDocument,
  acknowledgements: [
    { path: 'Orders/Table', id: 'HIPAA.Security-DynamoDBInBackupPlan', reason: BACKUP_PLAN_REASON },
    { path: 'Orders/Table', id: 'NIST.800.53.R5-DynamoDBInBackupPlan', reason: BACKUP_PLAN_REASON },
    ...functionAcknowledgements('OrdersApi'),
    // the bus, its rule's function and its schedule have the ids of the EventBus stack
    ...eventBusStack.acknowledgements,
    ...REGULATED_PACKS.flatMap((pack) => [
      ...['Uploads', 'Uploads/AccessLogs'].map((path) => ({ path: `${path}/Resource`, id: `${pack}-S3BucketReplicationEnabled`, reason: REPLICATION_REASON })),
      { path: 'Uploads/AccessLogs/Resource', id: `${pack}-S3DefaultEncryptionKMS`, reason: ACCESS_LOGS_KMS_REASON },
    ]),
    ...issuerAcknowledgements,
    ...serviceAcknowledgements('Service', { logsEncrypted: false, waf: false }),
    ...compositionAcknowledgements,
  ],
};
