/**
 * Every distinct failure the property tests (test/robustness) found, as its minimal case: before the
 * fix each one crashed inside aws-cdk-lib or produced a template CloudFormation rejects.
 */
import { App, Duration, Lazy, RemovalPolicy, Stack, Token, aws_dynamodb as dynamodb, aws_s3 as s3 } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import * as ecs from 'aws-cdk-lib/aws-ecs';
import * as targets from 'aws-cdk-lib/aws-events-targets';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import * as sqs from 'aws-cdk-lib/aws-sqs';
import {
  AccountGuardrails, BlueGreenController, BlueGreenTraffic, DeploymentStage, EventBusWithArchive, EventBusWithArchiveProps,
  FargateBlueGreenService, FargateBlueGreenServiceProps, GitHubOidcRole, PowertoolsFunction, PowertoolsFunctionProps, SecureBucket, SingleTable,
} from '../../src';

const stack = () => new Stack(new App(), 'R', { env: { account: '123456789012', region: 'eu-west-1' } });
const fn = (props: Partial<PowertoolsFunctionProps>) => () => new PowertoolsFunction(stack(), 'Subject', {
  serviceName: 'orders',
  code: lambda.Code.fromInline('exports.handler = async () => ({});'),
  handler: 'index.handler',
  ...props,
});

describe('PowertoolsFunction', () => {
  test.each([
    [{ retryAttempts: 3 }, "[R/Subject] retryAttempts: received 3; allowed: an integer from 0 to 2 (Lambda's limit for asynchronous retries)"],
    [{ maxEventAge: Duration.seconds(0) }, '[R/Subject] maxEventAge: received 0 seconds; allowed: from 1 minute to 6 hours, in whole seconds'],
    [{ provisionedConcurrentExecutions: 0 }, '[R/Subject] provisionedConcurrentExecutions: received 0; allowed: an integer of at least 1'],
    [{ memorySize: 1 }, '[R/Subject] memorySize: received 1; allowed: an integer from 128 to 10240 (MiB)'],
    [{ timeout: Duration.seconds(0) }, '[R/Subject] timeout: received 0 seconds; allowed: at least 1 second, in whole seconds'],
    [{ reservedConcurrentExecutions: -1 }, '[R/Subject] reservedConcurrentExecutions: received -1; allowed: an integer of at least 0'],
    [{ latencyBudget: Duration.seconds(Token.asNumber({ Ref: 'Budget' })) },
      "[R/Subject] latencyBudget: received 'a token in a unit other than milliseconds'; allowed: a concrete duration, or Duration.millis(<token>)"],
    [{ loggingFormat: lambda.LoggingFormat.TEXT, applicationLogLevelV2: lambda.ApplicationLogLevel.INFO },
      "[R/Subject] applicationLogLevelV2: received 'INFO'; allowed: only with loggingFormat JSON (Lambda's log-level controls apply to JSON logs)"],
  ])('[LAM-4] %j is the library\'s error, not aws-cdk-lib\'s or CloudFormation\'s', (props, message) => {
    expect(fn(props as Partial<PowertoolsFunctionProps>)).toThrow(message);
  });
});

describe('SecureBucket', () => {
  test('[CDK-2] autoDeleteObjects: true with the PROD default removal policy (RETAIN)', () => {
    expect(() => new SecureBucket(stack(), 'Subject', { autoDeleteObjects: true })).toThrow(
      "[R/Subject] autoDeleteObjects: received true; allowed: only with removalPolicy DESTROY (the removal policy is retain, the prod stage's default)",
    );
  });

  test('[S3-5] a duplicate origin after a token is named by its own index (core checkUnique)', () => {
    const token = Lazy.string({ produce: () => 'https://token.example.com' });
    expect(() => new SecureBucket(stack(), 'Subject', { corsAllowedOrigins: [token, 'https://app.example.com', 'https://app.example.com'] })).toThrow(
      "[R/Subject] corsAllowedOrigins[2]: received 'https://app.example.com'; allowed: each origin once (S3 refuses a CORS rule that lists an origin twice)",
    );
  });

  test('[S3-5] an origin listed twice in a `cors` rule or in addCorsRule', () => {
    const rule = { allowedMethods: [s3.HttpMethods.GET], allowedOrigins: ['https://a.example.com', 'https://a.example.com'] };
    expect(() => new SecureBucket(stack(), 'Subject', { cors: [rule] })).toThrow(
      "[R/Subject] cors[0].allowedOrigins[1]: received 'https://a.example.com'; allowed: each origin once (S3 refuses a CORS rule that lists an origin twice)",
    );
    const bucket = new SecureBucket(stack(), 'Subject');
    expect(() => bucket.addCorsRule(rule)).toThrow(
      "[R/Subject] addCorsRule(rule).allowedOrigins[1]: received 'https://a.example.com'; allowed: each origin once (S3 refuses a CORS rule that lists an origin twice)",
    );
  });

  test('[S3-3] a bucket name S3 refuses', () => {
    expect(() => new SecureBucket(stack(), 'Subject', { bucketName: 'd5-.82c' })).toThrow(
      "[R/Subject] bucketName: received 'd5-.82c'; allowed: a valid S3 bucket name",
    );
  });

  test('[S3-5] an origin listed twice (CloudFormation rejects non-unique AllowedOrigins)', () => {
    expect(() => new SecureBucket(stack(), 'Subject', { corsAllowedOrigins: ['https://app.example.com', 'https://app.example.com'] })).toThrow(
      "[R/Subject] corsAllowedOrigins[1]: received 'https://app.example.com'; allowed: each origin once (S3 refuses a CORS rule that lists an origin twice)",
    );
  });
});

describe('SingleTable', () => {
  test('[CDK-2] removalPolicy SNAPSHOT (no such DeletionPolicy for AWS::DynamoDB::Table)', () => {
    expect(() => new SingleTable(stack(), 'Subject', { removalPolicy: RemovalPolicy.SNAPSHOT })).toThrow(
      "[R/Subject] removalPolicy: received 'SNAPSHOT'; allowed: RETAIN, RETAIN_ON_UPDATE_OR_DELETE or DESTROY",
    );
  });

  test('[CDK-2] backup: true in DEV: the plan\'s vault goes with the table (it was retained)', () => {
    const s = stack();
    new SingleTable(s, 'Subject', { stage: DeploymentStage.DEV, backup: true });
    Template.fromStack(s).hasResource('AWS::Backup::BackupVault', { DeletionPolicy: 'Delete' });
  });

  test('[CDK-2] backup in PROD keeps its vault', () => {
    const s = stack();
    new SingleTable(s, 'Subject', { stage: DeploymentStage.PROD });
    Template.fromStack(s).hasResource('AWS::Backup::BackupVault', { DeletionPolicy: 'Retain' });
  });
});

describe('GitHubOidcRole', () => {
  test('[IAM-3] a role name IAM refuses', () => {
    expect(() => new GitHubOidcRole(stack(), 'Subject', { repository: 'myorg/myrepo', branches: ['main'], roleName: 'bad name' })).toThrow(
      "[R/Subject] roleName: received 'bad name'; allowed: a role name of 1 to 64 characters: letters, digits and _ + = , . @ - (what IAM accepts)",
    );
  });
});

describe('AccountGuardrails', () => {
  test.each([['bad name!'], ['']])('[IAM-4] an analyzer name IAM Access Analyzer refuses: %j', (name) => {
    expect(() => new AccountGuardrails(stack(), 'Subject', { team: 'payments', alertEmails: ['ops@example.com'], accessAnalyzerName: name })).toThrow(
      `[R/Subject/AccessAnalyzer] analyzerName: received '${name}'; allowed: a name of 1 to 255 characters`,
    );
  });
});

test('[IAM-3] GitHubOidcRole: a description IAM refuses (over 1000 characters)', () => {
  expect(() => new GitHubOidcRole(stack(), 'Subject', { repository: 'myorg/myrepo', branches: ['main'], description: 'd'.repeat(1001) })).toThrow(
    "[R/Subject] description: received '1001 characters'; allowed: at most 1000 characters (what IAM accepts)",
  );
});

test('[COST-5] AccountGuardrails: an address listed twice (was a construct-id clash inside the topic)', () => {
  expect(() => new AccountGuardrails(stack(), 'Subject', { team: 'payments', alertEmails: ['ops@example.com', 'ops@example.com'], createAlertTopic: true })).toThrow(
    "[R/Subject] alertEmails[1]: received 'ops@example.com'; allowed: each address once",
  );
});

test('[COST-5] AccountGuardrails: an address listed twice in another case, after a token, is named by its own index', () => {
  const token = Lazy.string({ produce: () => 'finops@example.com' });
  expect(() => new AccountGuardrails(stack(), 'Subject', { team: 'payments', alertEmails: [token, 'ops@example.com', 'OPS@example.com'], createAlertTopic: true })).toThrow(
    "[R/Subject] alertEmails[2]: received 'OPS@example.com'; allowed: each address once",
  );
});

test('[CDK-2] SingleTable: the key dynamodb.Table creates for CUSTOMER_MANAGED is destroyed with a DEV table (it was retained)', () => {
  const s = stack();
  new SingleTable(s, 'Subject', { stage: DeploymentStage.DEV, encryption: dynamodb.TableEncryption.CUSTOMER_MANAGED });
  Template.fromStack(s).hasResource('AWS::KMS::Key', { DeletionPolicy: 'Delete' });
});

describe('FargateBlueGreenService', () => {
  const service = (props: Partial<FargateBlueGreenServiceProps>, s = stack()) => new FargateBlueGreenService(s, 'Subject', {
    image: ecs.ContainerImage.fromRegistry('public.ecr.aws/nginx/nginx:1.27'),
    containerPort: 80,
    ...props,
  });
  const minutesToken = Token.asNumber({ Ref: 'NumParam' });

  test.each([
    [{ containerName: '' }, "[R/Subject] containerName: received ''; allowed: up to 255 letters, digits, hyphens and underscores"],
    [{ healthCheck: { command: ['CMD', 'true'], interval: Duration.seconds(1) } }, '[R/Subject] healthCheck.interval: received 1 second; allowed: from 5 seconds to 5 minutes, in whole seconds'],
    [{ healthCheck: { command: ['CMD', 'true'], retries: 0 } }, '[R/Subject] healthCheck.retries: received 0; allowed: an integer from 1 to 10'],
    [{ bakeTime: Duration.seconds(minutesToken) },
      "[R/Subject] bakeTime: received 'a token in a unit other than minutes'; allowed: a concrete duration, or Duration.minutes(<token>): the value is rendered in minutes and a token cannot be converted"],
    [{ traffic: BlueGreenTraffic.linear(10, Duration.seconds(minutesToken)) },
      "[R/Subject] traffic (linear stepBakeTime): received 'a token in a unit other than minutes'; allowed: a concrete duration, or Duration.minutes(<token>): the value is rendered in minutes and a token cannot be converted"],
    [{ deploymentController: BlueGreenController.CODE_DEPLOY, codeDeployTerminationWait: Duration.seconds(minutesToken) },
      "[R/Subject] codeDeployTerminationWait: received 'a token in a unit other than minutes'; allowed: a concrete duration, or Duration.minutes(<token>): the value is rendered in minutes and a token cannot be converted"],
  ])('[ECS-4] %j is the library\'s error, not aws-cdk-lib\'s', (props, message) => {
    expect(() => service(props as Partial<FargateBlueGreenServiceProps>)).toThrow(message);
  });

  test('[ECS-2] enableExecuteCommand: true: ECS Exec logs to the container log group, not to "*"', () => {
    const s = stack();
    const svc = service({ enableExecuteCommand: true }, s);
    const taskRole = s.resolve((svc.taskRole.node.defaultChild as any).ref);
    const statements = Object.values<any>(Template.fromStack(s).findResources('AWS::IAM::Policy'))
      .filter((p) => JSON.stringify(p.Properties.Roles) === JSON.stringify([taskRole]))
      .flatMap((p) => p.Properties.PolicyDocument.Statement);
    const logWrites = statements.find((st) => [st.Action].flat().includes('logs:DescribeLogStreams'));
    expect(logWrites.Resource).not.toEqual('*');
    expect(JSON.stringify(logWrites.Resource)).toContain(s.resolve((svc.logGroup.node.defaultChild as any).ref).Ref);
  });
});

describe('EventBusWithArchive', () => {
  const bus = (props: EventBusWithArchiveProps = {}, s = stack()) => new EventBusWithArchive(s, 'Subject', props);
  const queueTarget = (s: Stack) => new targets.SqsQueue(sqs.Queue.fromQueueArn(s, 'Target', 'arn:aws:sqs:eu-west-1:123456789012:orders'));

  test.each([DeploymentStage.PROD, DeploymentStage.DEV])('[CDK-2] the bus itself follows the stage\'s removal policy in %s (it was always deleted)', (stage) => {
    const s = stack();
    bus({ stage }, s);
    Template.fromStack(s).hasResource('AWS::Events::EventBus', { DeletionPolicy: stage === DeploymentStage.PROD ? 'Retain' : 'Delete' });
  });

  test.each([
    [{ archiveRemovalPolicy: RemovalPolicy.SNAPSHOT },
      "[R/Subject] archiveRemovalPolicy: received 'SNAPSHOT'; allowed: RETAIN, RETAIN_ON_UPDATE_OR_DELETE or DESTROY (CloudFormation has no snapshot policy for EventBridge archives)"],
    [{ description: 'd'.repeat(513) }, "[R/Subject] description: received '513 characters'; allowed: at most 512 characters"],
    [{ putEventsAccounts: ['111111111111', '111111111111'] },
      "[R/Subject] putEventsAccounts[1]: received '111111111111'; allowed: each account once (one bus-policy statement per account)"],
  ])('[EVB-1] %j is the library\'s error, not aws-cdk-lib\'s or CloudFormation\'s', (props, message) => {
    expect(() => bus(props as EventBusWithArchiveProps)).toThrow(message);
  });

  test('[EVB-1] two token accounts in putEventsAccounts (was a construct-id clash of their statements)', () => {
    const s = stack();
    bus({ putEventsAccounts: [Token.asString({ Ref: 'A' }), Token.asString({ Ref: 'B' })] }, s);
    Template.fromStack(s).resourceCountIs('AWS::Events::EventBusPolicy', 2);
  });

  test.each([
    [{}, '[R/Subject/Rule] eventPattern: received undefined; allowed: an event pattern with at least one field (a rule on the bus matches events by its pattern)'],
    [{ eventPattern: {} }, '[R/Subject/Rule] eventPattern: received {}; allowed: an event pattern with at least one field (a rule on the bus matches events by its pattern)'],
    [{ eventPattern: { source: ['a'] }, ruleName: '' }, "[R/Subject/Rule] ruleName: received ''; allowed: 1 to 64 of A-Z a-z 0-9 . - _ (what EventBridge accepts)"],
    [{ eventPattern: { source: ['a'] }, description: 'd'.repeat(513) }, "[R/Subject/Rule] description: received '513 characters'; allowed: at most 512 characters"],
  ])('[EVB-2] addRule(%j) is the library\'s error', (options, message) => {
    const s = stack();
    expect(() => bus({}, s).addRule('Rule', { ...options, targets: [queueTarget(s)] })).toThrow(message);
  });

  test.each([
    [{ retryAttempts: Token.asNumber({ Ref: 'N' }) },
      "[R/Subject/Daily] retryAttempts: received 'a token'; allowed: a concrete value for a schedule (aws-cdk-lib checks a schedule target's retry policy when it is created)"],
    [{ maxEventAge: Duration.seconds(Token.asNumber({ Ref: 'N' })) },
      "[R/Subject/Daily] maxEventAge: received 'a token'; allowed: a concrete value for a schedule (aws-cdk-lib checks a schedule target's retry policy when it is created)"],
    [{ scheduleName: 'bad name' }, "[R/Subject/Daily] scheduleName: received 'bad name'; allowed: 1 to 64 of A-Z a-z 0-9 . - _ (what EventBridge Scheduler accepts)"],
    [{ scheduleName: 'x'.repeat(70) }, `[R/Subject/Daily] scheduleName: received '${'x'.repeat(70)}'; allowed: 1 to 64 of A-Z a-z 0-9 . - _ (what EventBridge Scheduler accepts)`],
    [{ description: 'd'.repeat(513) }, "[R/Subject/Daily] description: received '513 characters'; allowed: at most 512 characters"],
  ])('[EVB-5] addSchedule(%j) is the library\'s error', (options, message) => {
    expect(() => bus().addSchedule('Daily', { expression: 'rate(1 hour)', source: 'com.example.reports', detailType: 'Daily', ...options })).toThrow(message);
  });
});
