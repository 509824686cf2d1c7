import { App, Duration, RemovalPolicy, Stack, Token } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import * as cw_actions from 'aws-cdk-lib/aws-cloudwatch-actions';
import * as kms from 'aws-cdk-lib/aws-kms';
import * as logs from 'aws-cdk-lib/aws-logs';
import * as sns from 'aws-cdk-lib/aws-sns';
import { AwsSolutionsChecks, ServerlessChecks } from 'cdk-nag';
import { AccessLogsBucket, DeadLetterQueue, DeploymentStage, StageLogGroup, StagePolicy } from '../../src';
import { jsonText } from '../../src/core/private/json';
import { checkDuration, checkNonEmpty, checkNumber, containsUnresolved, isUnresolved, pendingScope } from '../../src/core/private/validation';

function stack(context?: Record<string, string>): Stack {
  return new Stack(new App({ context }), 'S', { env: { account: '123456789012', region: 'eu-west-1' } });
}

describe('StagePolicy', () => {
  test('[CDK-2] PROD retains and protects, DEV destroys and auto-deletes', () => {
    const prod = StagePolicy.of(stack(), DeploymentStage.PROD);
    expect([prod.removalPolicy, prod.deletionProtection, prod.autoDeleteObjects, prod.logRetention])
      .toEqual([RemovalPolicy.RETAIN, true, false, logs.RetentionDays.ONE_YEAR]);
    const dev = StagePolicy.of(stack(), DeploymentStage.DEV);
    expect([dev.removalPolicy, dev.deletionProtection, dev.autoDeleteObjects, dev.logRetention])
      .toEqual([RemovalPolicy.DESTROY, false, true, logs.RetentionDays.ONE_MONTH]);
  });

  test('[CDK-2] no stage means PROD; the context key env decides otherwise', () => {
    expect(StagePolicy.of(stack()).isProd).toBe(true);
    expect(StagePolicy.of(stack({ env: 'dev' })).isProd).toBe(false);
  });

  test('[CDK-2] an explicit removal policy wins; deletion protection follows it, auto-delete only when destroyed in DEV', () => {
    const prod = StagePolicy.of(stack(), DeploymentStage.PROD);
    expect(prod.removalPolicyOr(RemovalPolicy.DESTROY)).toBe(RemovalPolicy.DESTROY);
    expect(prod.deletionProtectionFor(RemovalPolicy.DESTROY)).toBe(false);
    expect(prod.deletionProtectionFor(RemovalPolicy.SNAPSHOT)).toBe(true);
    const dev = StagePolicy.of(stack(), DeploymentStage.DEV);
    expect(dev.autoDeleteObjectsFor(RemovalPolicy.RETAIN)).toBe(false);
    expect(dev.autoDeleteObjectsFor(RemovalPolicy.DESTROY)).toBe(true);
  });
});

describe('DeadLetterQueue', () => {
  test('[LAM-5] SSE-SQS, TLS-only, 14 days, retained in PROD; no AwsSolutions or Serverless finding', () => {
    const s = stack();
    new DeadLetterQueue(s, 'Dlq');
    const t = Template.fromStack(s);
    t.hasResource('AWS::SQS::Queue', {
      DeletionPolicy: 'Retain',
      Properties: { SqsManagedSseEnabled: true, MessageRetentionPeriod: 1209600 },
    });
    t.hasResourceProperties('AWS::SQS::QueuePolicy', {
      PolicyDocument: { Statement: [Match.objectLike({ Effect: 'Deny', Condition: { Bool: { 'aws:SecureTransport': 'false' } } })] },
    });
    expect(new AwsSolutionsChecks().validateScope(s).violations).toEqual([]);
    expect(new ServerlessChecks().validateScope(s).violations).toEqual([]);
  });

  test('[LAM-5] a KMS key, a retention and DEV destroy are honoured', () => {
    const s = stack();
    const key = new kms.Key(s, 'Key');
    new DeadLetterQueue(s, 'Dlq', { stage: DeploymentStage.DEV, encryptionKey: key, retentionPeriod: Duration.days(4) });
    Template.fromStack(s).hasResource('AWS::SQS::Queue', {
      DeletionPolicy: 'Delete',
      Properties: { KmsMasterKeyId: { 'Fn::GetAtt': [Match.stringLikeRegexp('^Key'), 'Arn'] }, MessageRetentionPeriod: 345600 },
    });
  });

  test('[LAM-5] depthAlarm fires on the first visible message and runs the given actions', () => {
    const s = stack();
    const dlq = new DeadLetterQueue(s, 'Dlq');
    const topic = new sns.Topic(s, 'Topic');
    DeadLetterQueue.depthAlarm(s, 'DlqAlarm', dlq, { alarmActions: [new cw_actions.SnsAction(topic)] });
    Template.fromStack(s).hasResourceProperties('AWS::CloudWatch::Alarm', {
      MetricName: 'ApproximateNumberOfMessagesVisible',
      Statistic: 'Maximum',
      Period: 60,
      Threshold: 0,
      ComparisonOperator: 'GreaterThanThreshold',
      EvaluationPeriods: 1,
      TreatMissingData: 'notBreaching',
      AlarmActions: [{ Ref: Match.stringLikeRegexp('^Topic') }],
    });
  });
});

describe('StageLogGroup', () => {
  test('[LAM-8] retention and removal by stage', () => {
    const s = stack();
    new StageLogGroup(s, 'Prod');
    new StageLogGroup(s, 'Dev', { stage: DeploymentStage.DEV });
    const t = Template.fromStack(s);
    t.hasResource('AWS::Logs::LogGroup', { DeletionPolicy: 'Retain', Properties: { RetentionInDays: 365 } });
    t.hasResource('AWS::Logs::LogGroup', { DeletionPolicy: 'Delete', Properties: { RetentionInDays: 30 } });
  });

  test('[LAM-8] a KMS key is opened to CloudWatch Logs of this region, for this account\'s log groups only', () => {
    const s = stack();
    const key = new kms.Key(s, 'Key');
    new StageLogGroup(s, 'Logs', { encryptionKey: key, retention: logs.RetentionDays.ONE_WEEK });
    const t = Template.fromStack(s);
    t.hasResourceProperties('AWS::Logs::LogGroup', { RetentionInDays: 7, KmsKeyId: { 'Fn::GetAtt': [Match.stringLikeRegexp('^Key'), 'Arn'] } });
    t.hasResourceProperties('AWS::KMS::Key', {
      KeyPolicy: {
        Statement: Match.arrayWith([Match.objectLike({
          Principal: { Service: 'logs.eu-west-1.amazonaws.com' },
          Condition: { ArnLike: { 'kms:EncryptionContext:aws:logs:arn': Match.anyValue() } },
        })]),
      },
    });
  });
});

describe('AccessLogsBucket', () => {
  test('[S3-3] SSE-S3, TLS 1.2, all public access blocked, owner enforced, versioned, tiered; retained in PROD', () => {
    const s = stack();
    new AccessLogsBucket(s, 'Logs');
    const t = Template.fromStack(s);
    t.hasResource('AWS::S3::Bucket', {
      DeletionPolicy: 'Retain',
      Properties: {
        BucketEncryption: { ServerSideEncryptionConfiguration: [{ ServerSideEncryptionByDefault: { SSEAlgorithm: 'AES256' } }] },
        PublicAccessBlockConfiguration: { BlockPublicAcls: true, BlockPublicPolicy: true, IgnorePublicAcls: true, RestrictPublicBuckets: true },
        OwnershipControls: { Rules: [{ ObjectOwnership: 'BucketOwnerEnforced' }] },
        VersioningConfiguration: { Status: 'Enabled' },
        LifecycleConfiguration: {
          Rules: [Match.objectLike({
            Id: 'AccessLogsTiering',
            AbortIncompleteMultipartUpload: { DaysAfterInitiation: 7 },
            Transitions: [{ StorageClass: 'STANDARD_IA', TransitionInDays: 30 }, { StorageClass: 'GLACIER', TransitionInDays: 90 }],
          })],
        },
      },
    });
    t.hasResourceProperties('AWS::S3::BucketPolicy', {
      PolicyDocument: { Statement: Match.arrayWith([Match.objectLike({ Effect: 'Deny', Condition: { NumericLessThan: { 's3:TlsVersion': 1.2 } } })]) },
    });
  });

  test('[S3-4] an expiration before the Glacier transition is refused, naming the path and prop', () => {
    expect(() => new AccessLogsBucket(stack(), 'Logs', { expiration: Duration.days(60) })).toThrow(
      "[S/Logs] expiration: received 60 days; allowed: later than the log bucket's Glacier transition (90 days)",
    );
  });

  test('[CDK-2] DEV destroys the bucket with its objects', () => {
    const s = stack();
    new AccessLogsBucket(s, 'Logs', { stage: DeploymentStage.DEV, expiration: Duration.days(365) });
    const t = Template.fromStack(s);
    t.hasResource('AWS::S3::Bucket', { DeletionPolicy: 'Delete' });
    t.resourceCountIs('Custom::S3AutoDeleteObjects', 1);
  });
});

describe('validation helpers', () => {
  const scope = pendingScope(stack(), 'Thing');

  test('isUnresolved covers strings, numbers, lists and durations', () => {
    expect(isUnresolved(Token.asString({ Ref: 'X' }))).toBe(true);
    expect(isUnresolved(Token.asNumber({ Ref: 'X' }))).toBe(true);
    expect(isUnresolved(Token.asList({ Ref: 'X' }))).toBe(true);
    expect(isUnresolved(Duration.seconds(Token.asNumber({ Ref: 'X' })))).toBe(true);
    expect([isUnresolved('a'), isUnresolved(3), isUnresolved(Duration.days(1)), isUnresolved(undefined)]).toEqual([false, false, false, false]);
  });

  test('containsUnresolved looks into lists and objects, keys included', () => {
    expect(containsUnresolved({ a: [{ b: Token.asString({ Ref: 'X' }) }] })).toBe(true);
    expect(containsUnresolved({ [Token.asString({ Ref: 'X' })]: 'v' })).toBe(true);
    expect(containsUnresolved([1, Token.asNumber({ Ref: 'X' })])).toBe(true);
    expect(containsUnresolved({ a: ['b', 2, { c: null }], d: undefined })).toBe(false);
  });

  test('jsonText renders what Stack.toJsonString renders, as a plain string unless a token is in it', () => {
    const s = stack();
    const plain = { Dimensions: { Key: 'K', Values: ['100', 'a "quoted" \\ value'], MatchOptions: ['EQUALS'] }, Skipped: undefined };
    const text = jsonText(s, plain);
    expect(Token.isUnresolved(text)).toBe(false);
    expect(text).toEqual(s.resolve(s.toJsonString(plain)));
    const withToken = { Tags: { Key: 'Team', Values: [Token.asString({ Ref: 'X' })] } };
    const rendered = jsonText(s, withToken);
    expect(Token.isUnresolved(rendered)).toBe(true);
    expect(s.resolve(rendered)).toEqual(s.resolve(s.toJsonString(withToken)));
  });

  test('checkNumber names path, prop, value and range; skips tokens', () => {
    expect(() => checkNumber(scope, 0, { prop: 'days', min: 1, max: 365 })).toThrow('[S/Thing] days: received 0; allowed: an integer from 1 to 365');
    expect(() => checkNumber(scope, 1.5, { prop: 'days', min: 1 })).toThrow('[S/Thing] days: received 1.5; allowed: an integer of at least 1');
    expect(() => checkNumber(scope, Token.asNumber({ Ref: 'X' }), { prop: 'days', min: 1 })).not.toThrow();
    expect(() => checkNumber(scope, 365, { prop: 'days', min: 1, max: 365 })).not.toThrow();
  });

  test('checkDuration names the range; skips tokens', () => {
    expect(() => checkDuration(scope, Duration.seconds(30), { prop: 'maxEventAge', min: Duration.minutes(1), max: Duration.hours(24) }))
      .toThrow('[S/Thing] maxEventAge: received 30 seconds; allowed: from 1 minute to 1 day');
    expect(() => checkDuration(scope, Duration.seconds(Token.asNumber({ Ref: 'X' })), { prop: 'maxEventAge', min: Duration.minutes(1) })).not.toThrow();
  });

  test('checkNonEmpty refuses blank strings only', () => {
    expect(() => checkNonEmpty(scope, 'name', '  ')).toThrow("[S/Thing] name: received '  '; allowed: a non-empty string");
    expect(() => checkNonEmpty(scope, 'name', 'x')).not.toThrow();
    expect(() => checkNonEmpty(scope, 'name', undefined)).not.toThrow();
  });
});
