/**
 * Props models of the constructs (issue 16): every prop, legal and illegal values, tokens where a
 * token is allowed. Each builds its construct with id `SUBJECT`.
 */
import { Duration, RemovalPolicy, TimeZone, Token, aws_codedeploy as codedeploy, aws_dynamodb as dynamodb, aws_ecs as ecs, aws_s3 as s3 } from 'aws-cdk-lib';
import * as acm from 'aws-cdk-lib/aws-certificatemanager';
import * as cloudwatchActions from 'aws-cdk-lib/aws-cloudwatch-actions';
import * as events from 'aws-cdk-lib/aws-events';
import * as targets from 'aws-cdk-lib/aws-events-targets';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as kms from 'aws-cdk-lib/aws-kms';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import * as logs from 'aws-cdk-lib/aws-logs';
import * as scheduler from 'aws-cdk-lib/aws-scheduler';
import * as sns from 'aws-cdk-lib/aws-sns';
import * as sqs from 'aws-cdk-lib/aws-sqs';
import * as fc from 'fast-check';
import { ConstructModel, SUBJECT } from './harness';
import {
  AccessAnalyzerKind,
  AccountGuardrails,
  AccountGuardrailsProps,
  AnomalyAlertFrequency,
  BlueGreenController,
  BlueGreenTraffic,
  DeadLetterQueue,
  DeploymentStage,
  EventBusWithArchive,
  EventSchemaOptions,
  EventSchemaType,
  FargateBlueGreenService,
  FargateBlueGreenServiceProps,
  GitHubOidcRole,
  GitHubOidcRoleProps,
  PowertoolsFunction,
  PowertoolsFunctionProps,
  SecureBucket,
  SecureBucketProps,
  SingleTable,
  SingleTableProps,
  StagePolicy,
  StorageTiering,
} from '../../src';

// most props are left out in a case, so that templates (not only errors) come out often
const opt = <T>(a: fc.Arbitrary<T>): fc.Arbitrary<T | undefined> =>
  fc.oneof({ arbitrary: fc.constant(undefined), weight: 3 }, { arbitrary: a, weight: 1 });
const tokenNumber = fc.constant(0).map(() => Token.asNumber({ Ref: 'NumParam' }));
const tokenString = fc.constant(0).map(() => Token.asString({ Ref: 'Param' }));
const name = fc.oneof(
  fc.stringMatching(/^[a-z][a-z0-9-]{0,20}$/),
  fc.constantFrom('', '   ', 'orders', 'a'.repeat(300)),
  tokenString,
);
const seconds = (max: number) => fc.oneof(fc.integer({ min: 0, max }), tokenNumber).map((n) => Duration.seconds(n));

// ---------------------------------------------------------------------------------------------
const RUNTIMES = [
  lambda.Runtime.NODEJS_20_X, lambda.Runtime.NODEJS_22_X, lambda.Runtime.NODEJS_24_X,
  lambda.Runtime.PYTHON_3_12, lambda.Runtime.PYTHON_3_13, lambda.Runtime.PYTHON_3_14,
  lambda.Runtime.JAVA_21,
];

export const powertoolsFunctionModel: ConstructModel<Omit<PowertoolsFunctionProps, 'code' | 'handler'>> = {
  name: 'PowertoolsFunction',
  props: fc.record({
    serviceName: name,
    metricsNamespace: opt(name),
    runtime: opt(fc.constantFrom(...RUNTIMES)),
    architecture: opt(fc.constantFrom(lambda.Architecture.ARM_64, lambda.Architecture.X86_64)),
    timeout: opt(seconds(1000)),
    memorySize: opt(fc.oneof(fc.integer({ min: 1, max: 12000 }), tokenNumber)),
    latencyBudget: opt(seconds(1000)),
    reservedConcurrentExecutions: opt(fc.oneof(fc.integer({ min: -1, max: 2000 }), tokenNumber)),
    provisionedConcurrentExecutions: opt(fc.oneof(fc.integer({ min: -1, max: 200 }), tokenNumber)),
    retryAttempts: opt(fc.integer({ min: -1, max: 5 })),
    maxEventAge: opt(seconds(30000)),
    tracing: opt(fc.constantFrom(lambda.Tracing.ACTIVE, lambda.Tracing.PASS_THROUGH, lambda.Tracing.DISABLED)),
    loggingFormat: opt(fc.constantFrom(lambda.LoggingFormat.JSON, lambda.LoggingFormat.TEXT)),
    applicationLogLevelV2: opt(fc.constantFrom(...Object.values(lambda.ApplicationLogLevel))),
    systemLogLevelV2: opt(fc.constantFrom(...Object.values(lambda.SystemLogLevel))),
    powertoolsLayerEnabled: opt(fc.boolean()),
    powertoolsLayerVersion: opt(fc.integer({ min: -1, max: 40 })),
    deadLetterQueueEnabled: opt(fc.boolean()),
    logRetention: opt(fc.constantFrom(logs.RetentionDays.ONE_WEEK, logs.RetentionDays.ONE_YEAR, logs.RetentionDays.INFINITE)),
    environment: opt(fc.dictionary(
      fc.constantFrom('TABLE_NAME', 'API_KEY', 'DB_PASSWORD', 'SECRET_ARN', 'LOG_LEVEL', 'bad-name', 'TOKEN_TTL'),
      fc.oneof(fc.constantFrom('x', 'hunter2', 'arn:aws:secretsmanager:eu-west-1:123456789012:secret:s', ''), tokenString),
      { maxKeys: 3 },
    )),
  }, { requiredKeys: ['serviceName'] }),
  build(stack, props, stage) {
    const family = props.runtime?.family ?? lambda.RuntimeFamily.NODEJS;
    const code = family === lambda.RuntimeFamily.PYTHON ? lambda.Code.fromInline('def handler(e, c):\n    return {}\n')
      : family === lambda.RuntimeFamily.NODEJS ? lambda.Code.fromInline('exports.handler = async () => ({});')
        : lambda.Code.fromBucket(s3.Bucket.fromBucketName(stack, 'CodeBucket', 'code-bucket'), 'app.jar');
    new PowertoolsFunction(stack, SUBJECT, { ...props, stage, code, handler: family === lambda.RuntimeFamily.JAVA ? 'App::handle' : 'index.handler' });
  },
};

// ---------------------------------------------------------------------------------------------
export const secureBucketModel: ConstructModel<SecureBucketProps> = {
  name: 'SecureBucket',
  props: fc.record({
    versioned: opt(fc.boolean()),
    encryption: opt(fc.constantFrom(...Object.values(s3.BucketEncryption))),
    bucketKeyEnabled: opt(fc.boolean()),
    enforceSSL: opt(fc.boolean()),
    minimumTLSVersion: opt(fc.constantFrom(1.0, 1.1, 1.2, 1.3)),
    storageTiering: opt(fc.constantFrom(...Object.values(StorageTiering))),
    infrequentAccessAfter: opt(fc.integer({ min: 0, max: 400 }).map((d) => Duration.days(d))),
    glacierAfter: opt(fc.integer({ min: 0, max: 400 }).map((d) => Duration.days(d))),
    expiration: opt(fc.integer({ min: 0, max: 1000 }).map((d) => Duration.days(d))),
    noncurrentVersionTransitionAfter: opt(fc.integer({ min: 0, max: 400 }).map((d) => Duration.days(d))),
    noncurrentVersionExpiration: opt(fc.integer({ min: 0, max: 400 }).map((d) => Duration.days(d))),
    abortIncompleteMultipartUploadAfter: opt(fc.integer({ min: 0, max: 30 }).map((d) => Duration.days(d))),
    accessLogsExpiration: opt(fc.integer({ min: 0, max: 1000 }).map((d) => Duration.days(d))),
    corsAllowedOrigins: opt(fc.array(fc.constantFrom('https://app.example.com', '*', 'http://evil.example', 'http://localhost:3000', 'https://a.b:8443'), { maxLength: 3 })),
    objectOwnership: opt(fc.constantFrom(...Object.values(s3.ObjectOwnership))),
    removalPolicy: opt(fc.constantFrom(RemovalPolicy.RETAIN, RemovalPolicy.DESTROY)),
    autoDeleteObjects: opt(fc.boolean()),
    bucketName: opt(fc.oneof(fc.stringMatching(/^[a-z0-9][a-z0-9.-]{1,30}[a-z0-9]$/), fc.constantFrom('Bad_Name', 'ab'))),
  }, { requiredKeys: [] }),
  build(stack, props, stage) {
    new SecureBucket(stack, SUBJECT, { ...props, stage });
  },
  overridesRemoval: (props) => props.removalPolicy !== undefined,
};

// ---------------------------------------------------------------------------------------------
const capacity = fc.record({ minCapacity: fc.integer({ min: -1, max: 50 }), maxCapacity: fc.integer({ min: -1, max: 100 }) });

export const singleTableModel: ConstructModel<SingleTableProps> = {
  name: 'SingleTable',
  props: fc.record({
    tableName: opt(fc.oneof(fc.stringMatching(/^[A-Za-z0-9_.-]{3,40}$/), fc.constantFrom('ab', 'bad name!'), tokenString)),
    timeToLiveAttribute: opt(fc.constantFrom('ttl', 'expiresAt', '', 'PK')),
    pointInTimeRecovery: opt(fc.boolean()),
    deletionProtection: opt(fc.boolean()),
    removalPolicy: opt(fc.constantFrom(RemovalPolicy.RETAIN, RemovalPolicy.DESTROY, RemovalPolicy.SNAPSHOT)),
    billingMode: opt(fc.constantFrom(dynamodb.BillingMode.PAY_PER_REQUEST, dynamodb.BillingMode.PROVISIONED)),
    readCapacity: opt(capacity),
    writeCapacity: opt(capacity),
    targetUtilizationPercent: opt(fc.integer({ min: 0, max: 100 })),
    encryption: opt(fc.constantFrom(
      dynamodb.TableEncryption.DEFAULT, dynamodb.TableEncryption.AWS_MANAGED, dynamodb.TableEncryption.CUSTOMER_MANAGED,
    )),
    stream: opt(fc.constantFrom(...Object.values(dynamodb.StreamViewType))),
    contributorInsights: opt(fc.boolean()),
    backup: opt(fc.boolean()),
    globalIndexes: opt(fc.array(fc.record({
      indexName: fc.constantFrom('GSI1', 'GSI2', 'x'),
      partitionKey: fc.constant({ name: 'GSI1PK', type: dynamodb.AttributeType.STRING }),
    }), { maxLength: 2 })),
    entities: opt(fc.array(fc.record({
      name: fc.constantFrom('User', 'Order', ''),
      partitionKey: fc.constantFrom('USER#{userId}', 'ORDER#{orderId}', ''),
      sortKey: fc.constantFrom('PROFILE', 'ORDER#{orderId}', '#META'),
    }), { maxLength: 2 })),
  }, { requiredKeys: [] }),
  build(stack, props, stage) {
    new SingleTable(stack, SUBJECT, { ...props, stage });
  },
  overridesRemoval: (props) => props.removalPolicy !== undefined || props.deletionProtection !== undefined,
};

// ---------------------------------------------------------------------------------------------
const refName = fc.oneof(
  { arbitrary: fc.constantFrom('main', 'release/1.x', 'feat:x', 'develop'), weight: 6 },
  { arbitrary: fc.stringMatching(/^[A-Za-z0-9._/-]{1,20}$/), weight: 2 },
  { arbitrary: fc.constantFrom('*', '', 'v1.*'), weight: 1 },
);

export const gitHubOidcRoleModel: ConstructModel<GitHubOidcRoleProps> = {
  name: 'GitHubOidcRole',
  props: fc.record({
    repository: fc.oneof(
      { arbitrary: fc.constantFrom('myorg/myrepo', 'my-org/my.repo'), weight: 6 },
      { arbitrary: fc.constantFrom('*/repo', 'org/*', 'org', 'org/repo/extra', '/repo', 'org/', 'bad org/repo'), weight: 1 },
      fc.tuple(fc.stringMatching(/^[A-Za-z0-9-]{1,39}$/), fc.stringMatching(/^[A-Za-z0-9._-]{1,40}$/)).map(([o, r]) => `${o}/${r}`),
    ),
    branches: fc.oneof({ arbitrary: fc.array(refName, { minLength: 1, maxLength: 3 }), weight: 4 }, { arbitrary: fc.constant(undefined), weight: 1 }),
    branchPatterns: opt(fc.array(refName, { maxLength: 2 })),
    allBranches: opt(fc.boolean()),
    tags: opt(fc.array(refName, { maxLength: 2 })),
    tagPatterns: opt(fc.array(refName, { maxLength: 2 })),
    allTags: opt(fc.boolean()),
    environments: opt(fc.array(fc.constantFrom('production', 'staging', 'a:b', ''), { maxLength: 2 })),
    pullRequests: opt(fc.boolean()),
    ownerId: opt(fc.integer({ min: -1, max: 10_000_000 })),
    repositoryId: opt(fc.integer({ min: -1, max: 10_000_000 })),
    jobWorkflowRefs: opt(fc.array(fc.constantFrom('myorg/myrepo/.github/workflows/deploy.yml@refs/heads/main', ''), { maxLength: 1 })),
    maxSessionDuration: opt(fc.integer({ min: 0, max: 50_000 }).map((n) => Duration.seconds(n))),
    roleName: opt(fc.constantFrom('deploy', 'x'.repeat(70), 'bad name')),
    description: opt(fc.constantFrom('deploys', 'd'.repeat(1100))),
    roleArnOutput: opt(fc.boolean()),
  }, { requiredKeys: ['repository'] }),
  build(stack, props, stage) {
    new GitHubOidcRole(stack, SUBJECT, { ...props, stage });
  },
};

// ---------------------------------------------------------------------------------------------
export const accountGuardrailsModel: ConstructModel<AccountGuardrailsProps> = {
  name: 'AccountGuardrails',
  props: fc.record({
    team: fc.oneof({ arbitrary: fc.stringMatching(/^[a-z][a-z0-9-]{0,20}$/), weight: 8 }, { arbitrary: fc.constantFrom('', 'pay|ments', 'x'.repeat(300)), weight: 1 }),
    service: opt(fc.constantFrom('orders', 'bad\u0000', '')),
    alertEmails: fc.oneof(
      { arbitrary: fc.array(fc.constantFrom('ops@example.com', 'finops@example.com'), { minLength: 1, maxLength: 3 }), weight: 6 },
      { arbitrary: fc.array(fc.constantFrom('ops@example.com', 'not-an-email', ''), { maxLength: 3 }), weight: 1 },
      { arbitrary: fc.constant(undefined), weight: 1 },
    ),
    createAlertTopic: opt(fc.boolean()),
    anomalyThresholdUsd: opt(fc.oneof(fc.integer({ min: -10, max: 10_000 }), tokenNumber)),
    anomalyThresholdPercent: opt(fc.integer({ min: -5, max: 150 })),
    anomalyAlertFrequency: opt(fc.constantFrom(...Object.values(AnomalyAlertFrequency))),
    accessAnalyzerKind: opt(fc.constantFrom(...Object.values(AccessAnalyzerKind))),
    accessAnalyzerName: opt(fc.constantFrom('account-analyzer', '', 'bad name!')),
    unusedAccessAge: opt(fc.integer({ min: 0, max: 400 }).map((d) => Duration.days(d))),
    failOnMissingTags: opt(fc.boolean()),
    monthlyBudgetUsd: opt(fc.oneof(fc.integer({ min: -5, max: 100_000 }), tokenNumber)),
  }, { requiredKeys: ['team'] }),
  build(stack, props, stage) {
    new AccountGuardrails(stack, SUBJECT, { ...props, stage } as AccountGuardrailsProps);
  },
};

// ---------------------------------------------------------------------------------------------
/** A key or queue a case hands the construct: none, one the stack creates, or an imported one. */
type Given = 'new' | 'imported';
const given = opt(fc.constantFrom<Given>('new', 'imported'));

interface RuleCase {
  readonly id: string;
  readonly pattern: 'source' | 'empty' | 'none';
  readonly enabled?: boolean;
  readonly ruleName?: string;
  readonly description?: string;
  readonly targets: Array<'queue' | 'function' | 'queueWithOwnDlq'>;
  readonly deadLetterQueue?: Given;
  readonly retryAttempts?: number;
  readonly maxEventAge?: Duration;
}

interface ScheduleCase {
  readonly id: string;
  readonly expression: string;
  readonly timeZone?: TimeZone;
  readonly target: 'function' | 'bus' | 'both';
  readonly source?: string;
  readonly detailType?: string;
  readonly input?: string;
  readonly role?: Given;
  readonly timeWindow?: number;
  readonly scheduleName?: string;
  readonly description?: string;
  readonly enabled?: boolean;
  readonly deadLetterQueue?: Given;
  readonly retryAttempts?: number;
  readonly maxEventAge?: Duration;
}

/** A schema a case registers: registerSchema's options and the construct id. */
type SchemaCase = EventSchemaOptions & { readonly id: string };

export interface EventBusCase {
  readonly eventBusName?: string;
  readonly description?: string;
  readonly kmsKey?: Given;
  readonly logConfig?: events.LogConfig;
  readonly deadLetterQueue?: Given;
  readonly archiveRetention?: Duration;
  readonly archiveName?: string;
  readonly archiveKmsKey?: Given;
  readonly archiveRemovalPolicy?: RemovalPolicy;
  readonly schemaRegistryName?: string;
  readonly schemaDiscovery?: boolean;
  readonly putEventsAccounts?: string[];
  readonly alarmActions?: boolean;
  readonly rules?: RuleCase[];
  readonly schedules?: ScheduleCase[];
  readonly schemas?: SchemaCase[];
}

const eventText = fc.oneof(
  { arbitrary: fc.constantFrom('com.example.orders', 'OrderCreated'), weight: 6 },
  { arbitrary: fc.constantFrom('', '  ', 'x'.repeat(300)), weight: 1 },
  { arbitrary: tokenString, weight: 1 },
);
const deliveryRetry = opt(fc.oneof(fc.integer({ min: -1, max: 200 }), tokenNumber));
const deliveryAge = opt(fc.oneof(fc.integer({ min: 0, max: 90_000 }).map((n) => Duration.seconds(n)), tokenNumber.map((n) => Duration.seconds(n)),
  fc.constant(Duration.millis(60_500))));
const DRAFT4_DOC = JSON.stringify({ $schema: 'http://json-schema.org/draft-04/schema#', type: 'object', properties: { orderId: { type: 'string' } } });
const OPENAPI_DOC = JSON.stringify({ openapi: '3.0.0', info: { title: 'Order', version: '1.0.0' }, paths: {}, components: { schemas: { Order: { type: 'object' } } } });

export const eventBusWithArchiveModel: ConstructModel<EventBusCase> = {
  name: 'EventBusWithArchive',
  props: fc.record({
    eventBusName: opt(fc.oneof(name, fc.constantFrom('default', 'aws.orders', 'orders.bus_1', 'bad name'))),
    description: opt(fc.oneof(fc.constantFrom('Application events', '', 'd'.repeat(513)), tokenString)),
    kmsKey: given,
    logConfig: opt(fc.record({
      includeDetail: opt(fc.constantFrom(...Object.values(events.IncludeDetail))),
      level: opt(fc.constantFrom(...Object.values(events.Level))),
    }, { requiredKeys: [] })),
    deadLetterQueue: given,
    archiveRetention: opt(fc.oneof(
      fc.integer({ min: 0, max: 4000 }).map((d) => Duration.days(d)),
      fc.integer({ min: 1, max: 100 }).map((h) => Duration.hours(h)),
      tokenNumber.map((n) => Duration.days(n)),
    )),
    archiveName: opt(fc.oneof(fc.stringMatching(/^[A-Za-z0-9._-]{1,48}$/), fc.constantFrom('', 'x'.repeat(49), 'bad name'), tokenString)),
    archiveKmsKey: given,
    archiveRemovalPolicy: opt(fc.constantFrom(
      RemovalPolicy.RETAIN, RemovalPolicy.DESTROY, RemovalPolicy.SNAPSHOT, RemovalPolicy.RETAIN_ON_UPDATE_OR_DELETE,
    )),
    schemaRegistryName: opt(fc.oneof(fc.stringMatching(/^[A-Za-z0-9._-]{1,20}$/), fc.constantFrom('', 'bad name', 'x'.repeat(70), 'aws.events'), tokenString)),
    schemaDiscovery: opt(fc.boolean()),
    putEventsAccounts: opt(fc.array(fc.oneof(
      { arbitrary: fc.constantFrom('111111111111', '222222222222'), weight: 4 },
      { arbitrary: fc.constantFrom('', '1234', '*', 'not-an-account'), weight: 1 },
      { arbitrary: tokenString, weight: 1 },
    ), { maxLength: 3 })),
    alarmActions: opt(fc.boolean()),
    rules: opt(fc.uniqueArray(fc.record({
      id: fc.constantFrom('OrderCreated', 'OrderShipped'),
      pattern: fc.constantFrom<RuleCase['pattern']>('source', 'source', 'empty', 'none'),
      enabled: opt(fc.boolean()),
      ruleName: opt(fc.oneof(fc.stringMatching(/^[A-Za-z0-9._-]{1,20}$/), fc.constantFrom('', 'bad name', 'x'.repeat(70)))),
      description: opt(fc.constantFrom('routes orders', '', 'd'.repeat(513))),
      targets: fc.array(fc.constantFrom<RuleCase['targets'][number]>('queue', 'function', 'queueWithOwnDlq'), { maxLength: 3 }),
      deadLetterQueue: given,
      retryAttempts: deliveryRetry,
      maxEventAge: deliveryAge,
    }, { requiredKeys: ['id', 'pattern', 'targets'] }), { maxLength: 2, selector: (r) => r.id })),
    schedules: opt(fc.uniqueArray(fc.record({
      id: fc.constantFrom('Daily', 'Hourly'),
      expression: fc.oneof(
        { arbitrary: fc.constantFrom('cron(0 8 * * ? *)', 'rate(1 hour)', 'rate(5 minutes)', 'at(2030-01-01T00:00:00)'), weight: 6 },
        { arbitrary: fc.constantFrom('rate(0 minutes)', 'rate(1 hours)', 'cron(0 8 * * *)', 'cron(0 8 * * 1 *)', 'at(2030-02-30T00:00:00)', 'every day', ''), weight: 2 },
        { arbitrary: tokenString, weight: 1 },
      ),
      timeZone: opt(fc.constantFrom(TimeZone.ETC_UTC, TimeZone.EUROPE_BERLIN, TimeZone.AMERICA_NEW_YORK)),
      target: fc.constantFrom<ScheduleCase['target']>('function', 'bus', 'bus', 'both'),
      source: opt(eventText),
      detailType: opt(eventText),
      input: opt(fc.oneof(fc.constantFrom('{}', '{"report":"daily"}', 'not json', ''), tokenString)),
      role: given,
      timeWindow: opt(fc.integer({ min: 0, max: 1440 })),
      scheduleName: opt(fc.oneof(fc.stringMatching(/^[A-Za-z0-9._-]{1,20}$/), fc.constantFrom('', 'bad name', 'x'.repeat(70)))),
      description: opt(fc.constantFrom('daily report', '', 'd'.repeat(513))),
      enabled: opt(fc.boolean()),
      deadLetterQueue: given,
      retryAttempts: deliveryRetry,
      maxEventAge: deliveryAge,
    }, { requiredKeys: ['id', 'expression', 'target'] }), { maxLength: 2, selector: (r) => r.id })),
    schemas: opt(fc.uniqueArray(fc.record({
      id: fc.constantFrom('OrderSchema', 'ShipSchema'),
      source: eventText,
      detailType: eventText,
      content: fc.oneof(
        { arbitrary: fc.constantFrom(DRAFT4_DOC, OPENAPI_DOC), weight: 4 },
        { arbitrary: fc.constantFrom('{}', 'not json', '{"type":"nonsense"}', ''), weight: 1 },
        { arbitrary: tokenString, weight: 1 },
      ),
      type: opt(fc.constantFrom(...Object.values(EventSchemaType))),
      schemaName: opt(fc.oneof(fc.stringMatching(/^[A-Za-z0-9._@-]{1,30}$/), fc.constantFrom('', 'bad name', 'x'.repeat(400)))),
      description: opt(fc.constantFrom('orders', '', 'd'.repeat(300))),
    }, { requiredKeys: ['id', 'source', 'detailType', 'content'] }), { maxLength: 2, selector: (r) => r.id })),
  }, { requiredKeys: [] }),
  build(stack, c, stage) {
    const removalPolicy = stage === DeploymentStage.PROD ? RemovalPolicy.RETAIN : RemovalPolicy.DESTROY;
    let n = 0;
    const key = (g: Given | undefined) => g === undefined ? undefined
      : g === 'new' ? new kms.Key(stack, `Key${n++}`, { enableKeyRotation: true, removalPolicy })
        : kms.Key.fromKeyArn(stack, `Key${n++}`, 'arn:aws:kms:eu-west-1:123456789012:key/11111111-2222-3333-4444-555555555555');
    const queue = (g: Given | undefined) => g === undefined ? undefined
      : g === 'new' ? new DeadLetterQueue(stack, `Queue${n++}`, { stage })
        : sqs.Queue.fromQueueArn(stack, `Queue${n++}`, 'arn:aws:sqs:eu-west-1:123456789012:given-dlq');
    const role = (g: Given | undefined) => g === undefined ? undefined
      : g === 'new' ? new iam.Role(stack, `Role${n++}`, { assumedBy: new iam.ServicePrincipal('scheduler.amazonaws.com') })
        : iam.Role.fromRoleArn(stack, `Role${n++}`, 'arn:aws:iam::123456789012:role/given-scheduler-role');
    // sameEnvironment: in an environment-agnostic stack aws-cdk-lib cannot tell the account (see the report)
    const fn = lambda.Function.fromFunctionAttributes(stack, 'Fn', {
      functionArn: 'arn:aws:lambda:eu-west-1:123456789012:function:processor',
      sameEnvironment: true,
    });
    const bus = new EventBusWithArchive(stack, SUBJECT, {
      stage,
      eventBusName: c.eventBusName,
      description: c.description,
      kmsKey: key(c.kmsKey),
      logConfig: c.logConfig,
      deadLetterQueue: queue(c.deadLetterQueue),
      archiveRetention: c.archiveRetention,
      archiveName: c.archiveName,
      archiveKmsKey: key(c.archiveKmsKey),
      archiveRemovalPolicy: c.archiveRemovalPolicy,
      schemaRegistryName: c.schemaRegistryName,
      schemaDiscovery: c.schemaDiscovery,
      putEventsAccounts: c.putEventsAccounts,
      alarmActions: c.alarmActions ? [new cloudwatchActions.SnsAction(sns.Topic.fromTopicArn(stack, 'Alerts', 'arn:aws:sns:eu-west-1:123456789012:alerts'))] : undefined,
    });
    for (const r of c.rules ?? []) {
      bus.addRule(r.id, {
        eventPattern: r.pattern === 'source' ? { source: ['com.example.orders'] } : r.pattern === 'empty' ? {} : undefined,
        enabled: r.enabled,
        ruleName: r.ruleName,
        description: r.description,
        targets: r.targets.map((t) => t === 'function' ? new targets.LambdaFunction(fn)
          : new targets.SqsQueue(sqs.Queue.fromQueueArn(stack, `Target${n++}`, 'arn:aws:sqs:eu-west-1:123456789012:orders'),
            t === 'queueWithOwnDlq' ? { deadLetterQueue: sqs.Queue.fromQueueArn(stack, `Own${n++}`, 'arn:aws:sqs:eu-west-1:123456789012:own-dlq') } : {})),
        deadLetterQueue: queue(r.deadLetterQueue),
        retryAttempts: r.retryAttempts,
        maxEventAge: r.maxEventAge,
      });
    }
    for (const s of c.schedules ?? []) {
      bus.addSchedule(s.id, {
        expression: s.expression,
        timeZone: s.timeZone,
        targetFunction: s.target === 'bus' ? undefined : fn,
        source: s.target === 'function' ? undefined : s.source,
        detailType: s.target === 'function' ? undefined : s.detailType,
        input: s.input,
        role: role(s.role),
        timeWindow: s.timeWindow === undefined ? undefined
          : s.timeWindow === 0 ? scheduler.TimeWindow.off() : scheduler.TimeWindow.flexible(Duration.minutes(s.timeWindow)),
        scheduleName: s.scheduleName,
        description: s.description,
        enabled: s.enabled,
        deadLetterQueue: queue(s.deadLetterQueue),
        retryAttempts: s.retryAttempts,
        maxEventAge: s.maxEventAge,
      });
    }
    for (const s of c.schemas ?? []) {
      bus.registerSchema(s.id, s);
    }
  },
  overridesRemoval: (c) => c.archiveRemovalPolicy !== undefined,
};

// ---------------------------------------------------------------------------------------------
/** The props of a case; the resources a prop takes are made in `build` from a flag. */
type FargateCase = Omit<FargateBlueGreenServiceProps, 'image' | 'certificate' | 'logsEncryptionKey' | 'stage'> & {
  readonly withCertificate?: boolean;
  readonly withLogsKey?: boolean;
};
const port = fc.oneof(
  { arbitrary: fc.constantFrom(80, 8080, 443, 3000), weight: 6 },
  { arbitrary: fc.integer({ min: -1, max: 70000 }), weight: 1 },
  { arbitrary: tokenNumber, weight: 1 },
);
const tasks = fc.oneof(fc.integer({ min: -1, max: 12 }), tokenNumber);
const minutes = (max: number) => fc.oneof(fc.integer({ min: 0, max }).map((m) => Duration.minutes(m)), seconds(120));

export const fargateBlueGreenServiceModel: ConstructModel<FargateCase> = {
  name: 'FargateBlueGreenService',
  props: fc.record({
    containerPort: port,
    containerName: opt(fc.constantFrom('App', 'web', '', 'bad name', 'a'.repeat(300))),
    environment: opt(fc.dictionary(
      fc.constantFrom('LOG_LEVEL', 'DB_PASSWORD', 'API_KEY', 'DB_SECRET_ARN', 'TOKEN_TTL'),
      fc.oneof(fc.constantFrom('x', 'hunter2', 'arn:aws:secretsmanager:eu-west-1:123456789012:secret:s', ''), tokenString),
      { maxKeys: 3 },
    )),
    healthCheckPath: opt(fc.oneof(fc.constantFrom('/', '/health', 'health', '', '/a b'), tokenString)),
    healthCheck: opt(fc.record({
      command: fc.constantFrom(['CMD-SHELL', 'curl -f http://localhost/ || exit 1'], ['CMD', 'true']),
      interval: opt(fc.integer({ min: 1, max: 400 }).map((n) => Duration.seconds(n))),
      retries: opt(fc.integer({ min: 0, max: 12 })),
    })),
    user: opt(fc.constantFrom('1000', '1000:1000', 'nginx', '')),
    readonlyRootFilesystem: opt(fc.boolean()),
    // no tokens: the harness's number parameter defaults to 10, which no Fargate size accepts, and the
    // template validation judges the default (the construct skips token sizes: see its unit tests)
    cpu: opt(fc.constantFrom(256, 512, 1024, 2048, 4096, 8192, 16384, 100)),
    memoryLimitMiB: opt(fc.constantFrom(512, 1024, 2048, 3072, 4096, 8192, 16384, 30720, 122880, 100)),
    cpuArchitecture: opt(fc.constantFrom(ecs.CpuArchitecture.X86_64, ecs.CpuArchitecture.ARM64)),
    spot: opt(fc.boolean()),
    enableExecuteCommand: opt(fc.boolean()),
    withLogsKey: opt(fc.boolean()),
    minTasks: opt(tasks),
    maxTasks: opt(tasks),
    desiredTasks: opt(tasks),
    cpuTargetPercent: opt(fc.oneof(fc.integer({ min: 0, max: 101 }), tokenNumber)),
    requestsPerTarget: opt(fc.oneof(fc.integer({ min: 0, max: 5000 }), tokenNumber)),
    natGateways: opt(fc.integer({ min: -1, max: 3 })),
    containerInsights: opt(fc.constantFrom(...Object.values(ecs.ContainerInsights))),
    internetFacing: opt(fc.boolean()),
    withCertificate: opt(fc.boolean()),
    testListenerPort: opt(port),
    webAclArn: opt(fc.oneof(fc.constant('arn:aws:wafv2:eu-west-1:123456789012:regional/webacl/api/11111111-2222-3333-4444-555555555555'), tokenString)),
    deploymentController: opt(fc.constantFrom(BlueGreenController.ECS_NATIVE, BlueGreenController.CODE_DEPLOY)),
    traffic: opt(fc.oneof(
      fc.constant(0).map(() => BlueGreenTraffic.allAtOnce()),
      fc.tuple(fc.oneof(fc.double({ min: -1, max: 101, noNaN: true }), fc.integer({ min: 0, max: 100 }), tokenNumber), minutes(1500))
        .map(([p, t]) => BlueGreenTraffic.linear(p, t)),
      fc.tuple(fc.oneof(fc.double({ min: -1, max: 101, noNaN: true }), fc.integer({ min: 0, max: 100 }), tokenNumber), minutes(1500))
        .map(([p, t]) => BlueGreenTraffic.canary(p, t)),
    )),
    bakeTime: opt(minutes(1500)),
    codeDeployConfig: opt(fc.constantFrom(
      codedeploy.EcsDeploymentConfig.ALL_AT_ONCE,
      codedeploy.EcsDeploymentConfig.CANARY_10PERCENT_5MINUTES,
      codedeploy.EcsDeploymentConfig.LINEAR_10PERCENT_EVERY_1MINUTES,
    )),
    codeDeployTerminationWait: opt(minutes(3000)),
    rollback5xxPercent: opt(fc.oneof(fc.double({ min: -1, max: 101, noNaN: true }), tokenNumber)),
  }, { requiredKeys: ['containerPort'] }),
  build(stack, props, stage) {
    const { withCertificate, withLogsKey, ...rest } = props;
    new FargateBlueGreenService(stack, SUBJECT, {
      ...rest,
      stage,
      image: ecs.ContainerImage.fromRegistry('public.ecr.aws/nginx/nginx:1.27'),
      certificate: withCertificate
        ? acm.Certificate.fromCertificateArn(stack, 'Cert', 'arn:aws:acm:eu-west-1:123456789012:certificate/11111111-2222-3333-4444-555555555555')
        : undefined,
      logsEncryptionKey: withLogsKey
        ? new kms.Key(stack, 'LogsKey', { enableKeyRotation: true, removalPolicy: StagePolicy.of(stack, stage).removalPolicy })
        : undefined,
    });
  },
};

export const MODELS: ConstructModel<any>[] = [
  powertoolsFunctionModel,
  secureBucketModel,
  singleTableModel,
  gitHubOidcRoleModel,
  accountGuardrailsModel,
  eventBusWithArchiveModel,
  fargateBlueGreenServiceModel,
];
