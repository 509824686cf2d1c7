/**
 * The patterns document's system (test/reference-app/stacks/patterns-document.ts) written in plain
 * aws-cdk-lib, with the defaults the library's constructs choose for PROD written out: what a team
 * writes without the library. It compiles and synthesizes (test/reference-app/line-counts.test.ts);
 * the code between the markers here and in test/benchmarks/plain/ (one function per construct's
 * checklist, which the synthesis benchmark also builds n times) is what `projenrc/count-lines.ts`
 * counts for test/reference-app/README.md.
 *
 * It covers the resources the constructs create by default (table, backup plan, bus, archive,
 * schedule, dead-letter queues and their alarms with the stack's alarm topic as their action, functions with log groups, aliases and failure
 * destinations, the two buckets, the VPC with flow logs, the ECS-native blue/green service behind
 * an HTTPS load balancer, the OIDC role, the account guardrails). It leaves out what the
 * constructs add beyond resources: input validation, the stage switch, warnings and acknowledgements.
 */
import {
  Duration,
  Stack,
  aws_certificatemanager as acm,
  aws_ecs as ecs,
  aws_events as events,
  aws_events_targets as targets,
  aws_iam as iam,
  aws_scheduler as scheduler,
  aws_scheduler_targets as schedulerTargets,
  aws_secretsmanager as secretsmanager,
} from 'aws-cdk-lib';
import { PatternHandlers } from '../../src';
import { plainAccountGuardrails, plainRequiredTags } from '../benchmarks/plain/account-guardrails';
import { plainAlarmTopic } from '../benchmarks/plain/alarm-topic';
import { plainDeadLetterQueue } from '../benchmarks/plain/dead-letter-queue';
import { plainEventBus } from '../benchmarks/plain/event-bus';
import { plainFargateService } from '../benchmarks/plain/fargate-service';
import { plainCdkBootstrapRoles, plainGitHubOidcProvider, plainGitHubOidcRole } from '../benchmarks/plain/github-oidc';
import { plainPowertoolsFunction, plainPowertoolsLayer } from '../benchmarks/plain/powertools-function';
import { plainSecureBucket } from '../benchmarks/plain/secure-bucket';
import { plainLeadingKeysGrant, plainSingleTable } from '../benchmarks/plain/single-table';

export function buildPlainPatternsDocument(stack: Stack): void {
  // plain-patterns-document:start
  const table = plainSingleTable(stack, 'OrdersTable', ['GSI1']);
  const bus = plainEventBus(stack, 'AppBus');
  const layer = plainPowertoolsLayer(stack, 'PowertoolsLayer');
  const api = plainPowertoolsFunction(stack, 'OrdersApi', {
    serviceName: 'orders',
    code: PatternHandlers.ordersApi(),
    environment: { TABLE_NAME: table.tableName, EVENT_BUS_NAME: bus.eventBusName },
    layer,
  });
  plainLeadingKeysGrant(api, table.tableArn, 'USER#');
  bus.grantPutEventsTo(api);

  const orderEvents = plainPowertoolsFunction(stack, 'OrderEvents', { serviceName: 'order-events', code: PatternHandlers.orderEvents(), layer });
  new events.Rule(stack, 'OrderCreated', {
    eventBus: bus,
    eventPattern: { source: ['com.example.orders'], detailType: ['OrderCreated'] },
    targets: [new targets.LambdaFunction(orderEvents, {
      deadLetterQueue: plainDeadLetterQueue(stack, 'OrderCreatedDeadLetterQueue'),
      retryAttempts: 3,
      maxEventAge: Duration.hours(1),
    })],
  });
  new scheduler.Schedule(stack, 'DailyReport', {
    schedule: scheduler.ScheduleExpression.expression('cron(0 8 * * ? *)'),
    target: new schedulerTargets.EventBridgePutEvents({ eventBus: bus, source: 'com.example.reports', detailType: 'DailyReportRequested', detail: scheduler.ScheduleTargetInput.fromObject({}) }, {
      deadLetterQueue: plainDeadLetterQueue(stack, 'DailyReportDeadLetterQueue'),
      retryAttempts: 3,
      maxEventAge: Duration.hours(1),
    }),
  });

  const uploads = plainSecureBucket(stack, 'Uploads', { kms: true, corsAllowedOrigins: ['https://app.example.com'] });
  const issuer = plainPowertoolsFunction(stack, 'UploadUrls', { serviceName: 'presigned-urls', code: PatternHandlers.presign(), environment: { BUCKET_NAME: uploads.bucketName }, layer });
  issuer.addToRolePolicy(new iam.PolicyStatement({
    actions: ['s3:GetObject', 's3:PutObject', 's3:AbortMultipartUpload'],
    resources: [uploads.arnForObjects('uploads/*')],
  }));
  uploads.encryptionKey!.grant(issuer, 'kms:Decrypt', 'kms:GenerateDataKey');

  const { taskRole } = plainFargateService(stack, 'Service', {
    image: ecs.ContainerImage.fromRegistry('public.ecr.aws/nginx/nginx:1.27'),
    certificate: acm.Certificate.fromCertificateArn(stack, 'Certificate',
      'arn:aws:acm:us-east-1:123456789012:certificate/11111111-2222-3333-4444-555555555555'),
    secrets: { DB_PASSWORD: ecs.Secret.fromSecretsManager(secretsmanager.Secret.fromSecretNameV2(stack, 'DbSecret', 'orders/db')) },
  });
  taskRole.addToPrincipalPolicy(new iam.PolicyStatement({ actions: ['s3:GetObject'], resources: [uploads.arnForObjects('uploads/*')] }));
  uploads.encryptionKey!.grantDecrypt(taskRole);

  const deploy = plainGitHubOidcRole(stack, 'Deploy', plainGitHubOidcProvider(stack, 'GitHubOidcProvider'), 'myorg/myrepo', ['main']);
  plainCdkBootstrapRoles(stack, 'CdkBootstrapRoles', deploy);

  plainRequiredTags(stack, 'platform', 'account-guardrails');
  plainAccountGuardrails(stack, 'Guardrails', ['finops@example.com']);
  plainAlarmTopic(stack, 'AlarmTopic');
  // plain-patterns-document:end
}
