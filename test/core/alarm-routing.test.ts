/**
 * AlarmRouting (DESIGN.md decision 12): where every alarm of the library goes, resolved per scope
 * like the stage: the construct's prop > a setting on a scope above > the context key > one
 * encrypted topic per stack.
 */
import { App, Duration, Stack } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import * as cloudwatchActions from 'aws-cdk-lib/aws-cloudwatch-actions';
import * as events from 'aws-cdk-lib/aws-events';
import * as targets from 'aws-cdk-lib/aws-events-targets';
import * as kms from 'aws-cdk-lib/aws-kms';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import * as sns from 'aws-cdk-lib/aws-sns';
import * as subscriptions from 'aws-cdk-lib/aws-sns-subscriptions';
import * as sqs from 'aws-cdk-lib/aws-sqs';
import { AccountGuardrails, AlarmRouting, DeadLetterQueue, DeploymentStage, EventBusWithArchive, PowertoolsFunction } from '../../src';

const ENV = { account: '123456789012', region: 'eu-west-1' };
const OTHER_TOPIC = 'arn:aws:sns:eu-west-1:123456789012:oncall';

function stack(context: Record<string, unknown> = {}, app = new App({ context })): Stack {
  return new Stack(app, `S${app.node.children.length}`, { env: ENV });
}

/** Two depth alarms, as two constructs of the library would create them. */
function twoAlarms(scope: Stack, actions?: cloudwatch.IAlarmAction[]): void {
  const queue = new sqs.Queue(scope, 'Q');
  DeadLetterQueue.depthAlarm(scope, 'A1', queue, { alarmActions: actions });
  DeadLetterQueue.depthAlarm(scope, 'A2', queue);
}

function alarmActions(s: Stack, logicalIdPrefix: string): unknown {
  const alarms = Template.fromStack(s).findResources('AWS::CloudWatch::Alarm');
  const id = Object.keys(alarms).find((k) => k.startsWith(logicalIdPrefix))!;
  return alarms[id].Properties.AlarmActions;
}

const DEFAULT_TOPIC_REF = [{ Ref: 'CloudPatternsAlarmTopicE7D6DBBB' }];

describe('the default: one encrypted topic per stack', () => {
  test('an alarm with no prop, setting or context goes to the stack\'s alarm topic', () => {
    const s = stack();
    twoAlarms(s);
    expect(alarmActions(s, 'A1')).toEqual(DEFAULT_TOPIC_REF);
    expect(alarmActions(s, 'A2')).toEqual(alarmActions(s, 'A1'));
  });

  test('one topic and one key per stack, however many alarms; none in a stack without alarms', () => {
    const app = new App();
    const a = stack({}, app);
    twoAlarms(a);
    new DeadLetterQueue(a, 'Dlq');
    DeadLetterQueue.depthAlarm(a, 'A3', new sqs.Queue(a, 'Q2'));
    const b = stack({}, app);
    DeadLetterQueue.depthAlarm(b, 'B1', new sqs.Queue(b, 'Q'));
    const empty = stack({}, app);
    new sqs.Queue(empty, 'Q');
    for (const [s, n] of [[a, 1], [b, 1], [empty, 0]] as const) {
      const t = Template.fromStack(s);
      t.resourceCountIs('AWS::SNS::Topic', n);
      t.resourceCountIs('AWS::KMS::Key', n);
    }
    expect(alarmActions(b, 'B1')).toEqual(DEFAULT_TOPIC_REF);
  });

  test('the topic and key have stable construct ids directly under the stack (their logical ids never change)', () => {
    const s = stack();
    twoAlarms(s);
    expect(AlarmRouting.TOPIC_ID).toBe('CloudPatternsAlarmTopic');
    expect(AlarmRouting.KEY_ID).toBe('CloudPatternsAlarmTopicKey');
    const t = Template.fromStack(s);
    expect(Object.keys(t.findResources('AWS::SNS::Topic'))).toEqual(['CloudPatternsAlarmTopicE7D6DBBB']);
    expect(Object.keys(t.findResources('AWS::KMS::Key'))).toEqual(['CloudPatternsAlarmTopicKeyE798651C']);
    // the same in another app, another stack name: the id depends on the construct path only
    const other = new Stack(new App(), 'Elsewhere', { env: ENV });
    DeadLetterQueue.depthAlarm(other, 'X', new sqs.Queue(other, 'Q'));
    expect(Object.keys(Template.fromStack(other).findResources('AWS::SNS::Topic'))).toEqual(Object.keys(t.findResources('AWS::SNS::Topic')));
  });

  test('the key rotates and lets CloudWatch use it to publish (kms:Decrypt, kms:GenerateDataKey*)', () => {
    const s = stack();
    twoAlarms(s);
    const t = Template.fromStack(s);
    t.hasResourceProperties('AWS::KMS::Key', {
      EnableKeyRotation: true,
      KeyPolicy: {
        Statement: Match.arrayWith([Match.objectLike({
          Sid: 'CloudWatchAlarmsUseTheKey',
          Effect: 'Allow',
          Principal: { Service: 'cloudwatch.amazonaws.com' },
          Action: ['kms:Decrypt', 'kms:GenerateDataKey*'],
          Resource: '*',
        })]),
      },
    });
    t.hasResourceProperties('AWS::SNS::Topic', {
      KmsMasterKeyId: { 'Fn::GetAtt': ['CloudPatternsAlarmTopicKeyE798651C', 'Arn'] },
    });
  });

  test('the key follows the stage: DESTROY when only DEV constructs use it, RETAIN once a PROD one does; context env=dev when no prop', () => {
    const keyPolicy = (st: Stack) => Object.values<any>(Template.fromStack(st).findResources('AWS::KMS::Key'))[0].DeletionPolicy;
    const app = new App();
    const dev = stack({}, app);
    new PowertoolsFunction(dev, 'Fn', { serviceName: 'x', code: lambda.Code.fromInline('x'), handler: 'index.handler', stage: DeploymentStage.DEV });
    const mixed = stack({}, app);
    DeadLetterQueue.depthAlarm(mixed, 'A1', new DeadLetterQueue(mixed, 'Q1', { stage: DeploymentStage.DEV }));
    DeadLetterQueue.depthAlarm(mixed, 'A2', new sqs.Queue(mixed, 'Q2'), { stage: DeploymentStage.PROD });
    const byContext = stack({ env: 'dev' });
    twoAlarms(byContext);
    const prod = stack();
    twoAlarms(prod);
    expect([keyPolicy(dev), keyPolicy(mixed), keyPolicy(byContext), keyPolicy(prod)]).toEqual(['Delete', 'Retain', 'Delete', 'Retain']);
  });

  test('the topic policy is TLS-only and lets CloudWatch of this account publish', () => {
    const s = stack();
    twoAlarms(s);
    const t = Template.fromStack(s);
    t.resourceCountIs('AWS::SNS::TopicPolicy', 1);
    t.hasResourceProperties('AWS::SNS::TopicPolicy', {
      PolicyDocument: {
        Statement: Match.arrayWith([
          Match.objectLike({
            Effect: 'Deny',
            Action: 'sns:Publish',
            Condition: { Bool: { 'aws:SecureTransport': 'false' } },
          }),
          Match.objectLike({
            Sid: 'CloudWatchAlarmsPublish',
            Effect: 'Allow',
            Principal: { Service: 'cloudwatch.amazonaws.com' },
            Action: 'sns:Publish',
            Condition: { StringEquals: { 'aws:SourceAccount': '123456789012' } },
          }),
        ]),
      },
    });
  });
});

describe('the context key cdk-cloud-patterns:alarmTopicArn', () => {
  test('imports the topic, creates none, and sends every alarm there', () => {
    const s = stack({ [AlarmRouting.CONTEXT_KEY]: OTHER_TOPIC });
    twoAlarms(s);
    expect(alarmActions(s, 'A1')).toEqual([OTHER_TOPIC]);
    expect(alarmActions(s, 'A2')).toEqual([OTHER_TOPIC]);
    Template.fromStack(s).resourceCountIs('AWS::SNS::Topic', 0);
    Template.fromStack(s).resourceCountIs('AWS::KMS::Key', 0);
  });

  test('accepts an ARN of another partition', () => {
    const arn = 'arn:aws-us-gov:sns:us-gov-west-1:123456789012:oncall';
    const s = stack({ [AlarmRouting.CONTEXT_KEY]: arn });
    twoAlarms(s);
    expect(alarmActions(s, 'A1')).toEqual([arn]);
  });

  test.each([
    ['arn:aws:sqs:eu-west-1:123456789012:oncall', "'arn:aws:sqs:eu-west-1:123456789012:oncall'"],
    ['arn:aws:sns:eu-west-1:123456789012:oncall.fifo', "'arn:aws:sns:eu-west-1:123456789012:oncall.fifo'"],
    ['oncall', "'oncall'"],
    [42, '42'],
  ])('rejects %p with the path, the key, the value and what is allowed', (value, rendered) => {
    const s = stack({ [AlarmRouting.CONTEXT_KEY]: value });
    const queue = new sqs.Queue(s, 'Q');
    expect(() => DeadLetterQueue.depthAlarm(s, 'A1', queue)).toThrow(
      `[${s.stackName}/A1] context 'cdk-cloud-patterns:alarmTopicArn': received ${rendered}; ` +
      'allowed: the ARN of a standard SNS topic (arn:<partition>:sns:<region>:<account>:<name>) or a token; leave it unset for one alarm topic per stack',
    );
  });
});

describe('a setting on a scope (stack, stage, app)', () => {
  test('setDestination on the app wins over the context key and the default', () => {
    const app = new App({ context: { [AlarmRouting.CONTEXT_KEY]: OTHER_TOPIC } });
    const shared = new Stack(app, 'Shared', { env: ENV });
    const topic = new sns.Topic(shared, 'OnCall');
    AlarmRouting.setDestination(app, topic);
    const s = stack({}, app);
    twoAlarms(s);
    expect(alarmActions(s, 'A1')).toEqual([{ 'Fn::ImportValue': expect.stringContaining('OnCall') }]);
    Template.fromStack(s).resourceCountIs('AWS::SNS::Topic', 0);
  });

  test('the nearest scope wins: a stack\'s setting over the app\'s', () => {
    const app = new App();
    AlarmRouting.setActions(app, [new cloudwatchActions.SnsAction(sns.Topic.fromTopicArn(new Stack(app, 'X', { env: ENV }), 'T', OTHER_TOPIC))]);
    const s = stack({}, app);
    const mine = 'arn:aws:sns:eu-west-1:123456789012:mine';
    AlarmRouting.setDestination(s, sns.Topic.fromTopicArn(s, 'Mine', mine));
    twoAlarms(s);
    const other = stack({}, app);
    twoAlarms(other);
    expect(alarmActions(s, 'A1')).toEqual([mine]);
    expect(alarmActions(other, 'A1')).toEqual([OTHER_TOPIC]);
  });

  test('setDestination lets CloudWatch publish to the topic and use its key (AccountGuardrails\' alert topic)', () => {
    const s = stack();
    const guardrails = new AccountGuardrails(s, 'Guardrails', { team: 'platform', createAlertTopic: true, alertEmails: ['ops@example.com'] });
    AlarmRouting.setDestination(s, guardrails.alertTopicRef!);
    twoAlarms(s);
    const t = Template.fromStack(s);
    expect(alarmActions(s, 'A1')).toEqual([{ Ref: expect.stringMatching(/^GuardrailsAlertTopic/) }]);
    t.resourceCountIs('AWS::SNS::Topic', 1);
    t.hasResourceProperties('AWS::SNS::TopicPolicy', {
      PolicyDocument: { Statement: Match.arrayWith([Match.objectLike({ Sid: 'CloudWatchAlarmsPublish', Principal: { Service: 'cloudwatch.amazonaws.com' } })]) },
    });
    t.hasResourceProperties('AWS::KMS::Key', {
      KeyPolicy: { Statement: Match.arrayWith([Match.objectLike({ Sid: 'CloudWatchAlarmsUseTheKey', Action: ['kms:Decrypt', 'kms:GenerateDataKey*'] })]) },
    });
  });

  test('one topic set on several scopes gets the CloudWatch statements once', () => {
    const app = new App();
    const s = stack({}, app);
    const other = stack({}, app);
    const topic = new sns.Topic(s, 'OnCall', { masterKey: new kms.Key(s, 'K') });
    AlarmRouting.setDestination(s, topic);
    AlarmRouting.setDestination(other, topic);
    twoAlarms(s);
    const t = Template.fromStack(s);
    const topicStatements = Object.values<any>(t.findResources('AWS::SNS::TopicPolicy'))[0].Properties.PolicyDocument.Statement;
    expect(topicStatements.filter((st: any) => st.Sid === 'CloudWatchAlarmsPublish')).toHaveLength(1);
    const keyStatements = Object.values<any>(t.findResources('AWS::KMS::Key'))[0].Properties.KeyPolicy.Statement;
    expect(keyStatements.filter((st: any) => st.Sid === 'CloudWatchAlarmsUseTheKey')).toHaveLength(1);
  });

  test('a destination set after alarms were routed under the scope is an error, not a silent miss', () => {
    const s = stack();
    twoAlarms(s);
    expect(() => AlarmRouting.setDestination(s, sns.Topic.fromTopicArn(s, 'Late', OTHER_TOPIC))).toThrow(
      `[${s.stackName}] AlarmRouting destination: received 'a destination set after ${s.stackName}/A1 was routed'; ` +
      'allowed: a destination set before the constructs whose alarms it receives are created',
    );
  });

  test('setActions refuses an empty list', () => {
    const s = stack();
    expect(() => AlarmRouting.setActions(s, [])).toThrow(
      `[${s.stackName}] AlarmRouting actions: received []; allowed: at least one alarm action (to silence one construct's alarms, pass alarmActions: [] to it)`,
    );
  });
});

describe('the construct\'s own alarmActions prop', () => {
  test('wins over a setting, the context key and the default; [] means none on purpose', () => {
    const s = stack({ [AlarmRouting.CONTEXT_KEY]: OTHER_TOPIC });
    AlarmRouting.setDestination(s, sns.Topic.fromTopicArn(s, 'Set', 'arn:aws:sns:eu-west-1:123456789012:set'));
    const own = sns.Topic.fromTopicArn(s, 'Own', 'arn:aws:sns:eu-west-1:123456789012:own');
    const queue = new sqs.Queue(s, 'Q');
    DeadLetterQueue.depthAlarm(s, 'A1', queue, { alarmActions: [new cloudwatchActions.SnsAction(own)] });
    DeadLetterQueue.depthAlarm(s, 'A2', queue);
    DeadLetterQueue.depthAlarm(s, 'A3', queue, { alarmActions: [] });
    expect(alarmActions(s, 'A1')).toEqual(['arn:aws:sns:eu-west-1:123456789012:own']);
    expect(alarmActions(s, 'A2')).toEqual(['arn:aws:sns:eu-west-1:123456789012:set']);
    expect(alarmActions(s, 'A3')).toBeUndefined();
  });

  test('wins over the default, and then no default topic is created', () => {
    const s = stack();
    const own = sns.Topic.fromTopicArn(s, 'Own', OTHER_TOPIC);
    DeadLetterQueue.depthAlarm(s, 'A1', new sqs.Queue(s, 'Q'), { alarmActions: [new cloudwatchActions.SnsAction(own)] });
    expect(alarmActions(s, 'A1')).toEqual([OTHER_TOPIC]);
    Template.fromStack(s).resourceCountIs('AWS::SNS::Topic', 0);
  });
});

describe('subscriptions are given once', () => {
  test('subscribe adds one subscription to the stack\'s alarm topic, however many alarms', () => {
    const s = stack();
    AlarmRouting.subscribeEmail(s, 'oncall@example.com');
    twoAlarms(s);
    DeadLetterQueue.depthAlarm(s, 'A3', new sqs.Queue(s, 'Q2'));
    const t = Template.fromStack(s);
    t.resourceCountIs('AWS::SNS::Subscription', 1);
    t.hasResourceProperties('AWS::SNS::Subscription', {
      Protocol: 'email',
      Endpoint: 'oncall@example.com',
      TopicArn: { Ref: 'CloudPatternsAlarmTopicE7D6DBBB' },
    });
    t.resourceCountIs('AWS::SNS::Topic', 1);
  });

  test('subscribe goes to the destination set on a scope above, and to the context key\'s topic', () => {
    const app = new App();
    const s = stack({}, app);
    const topic = new sns.Topic(s, 'OnCall');
    AlarmRouting.setDestination(app, topic);
    AlarmRouting.subscribe(s, new subscriptions.UrlSubscription('https://chat.example.com/hooks/oncall'));
    Template.fromStack(s).hasResourceProperties('AWS::SNS::Subscription', {
      Protocol: 'https', TopicArn: { Ref: Match.stringLikeRegexp('^OnCall[0-9A-F]{8}$') },
    });
    const c = stack({ [AlarmRouting.CONTEXT_KEY]: OTHER_TOPIC });
    AlarmRouting.subscribe(c, new subscriptions.EmailSubscription('oncall@example.com'));
    Template.fromStack(c).hasResourceProperties('AWS::SNS::Subscription', { TopicArn: OTHER_TOPIC });
  });

  test('subscribe refuses a destination of plain actions', () => {
    const s = stack();
    AlarmRouting.setActions(s, [new cloudwatchActions.SnsAction(sns.Topic.fromTopicArn(s, 'T', OTHER_TOPIC))]);
    expect(() => AlarmRouting.subscribe(s, new subscriptions.EmailSubscription('oncall@example.com'))).toThrow(
      `[${s.stackName}] AlarmRouting destination: received 'actions set with setActions'; allowed: a destination that is an SNS topic`,
    );
  });
});

describe('every alarm a construct creates goes through the one resolver', () => {
  const code = lambda.Code.fromInline('exports.handler = async () => {}');

  function allAlarmActions(s: Stack): Record<string, unknown> {
    const alarms = Template.fromStack(s).findResources('AWS::CloudWatch::Alarm');
    return Object.fromEntries(Object.entries(alarms).map(([id, r]) => [id, r.Properties.AlarmActions]));
  }

  test('PowertoolsFunction (DLQ depth and latency) and EventBusWithArchive (bus, target and schedule DLQs): the stack\'s topic by default', () => {
    const s = stack();
    const fn = new PowertoolsFunction(s, 'Fn', { serviceName: 'orders', code, handler: 'index.handler', latencyBudget: Duration.seconds(1) });
    const bus = new EventBusWithArchive(s, 'Bus');
    bus.addTarget(new events.Rule(s, 'Rule', { eventBus: bus, eventPattern: { source: ['a'] } }), new targets.LambdaFunction(fn));
    bus.addSchedule('Daily', { expression: 'rate(1 day)', source: 'a', detailType: 'b' });
    const actions = allAlarmActions(s);
    expect(Object.keys(actions).length).toBe(5);
    expect(Object.values(actions)).toEqual(Array(5).fill(DEFAULT_TOPIC_REF));
    Template.fromStack(s).resourceCountIs('AWS::SNS::Topic', 1);
  });

  test('their own alarmActions prop wins on every alarm they create', () => {
    const s = stack();
    const own = [new cloudwatchActions.SnsAction(sns.Topic.fromTopicArn(s, 'Own', OTHER_TOPIC))];
    const fn = new PowertoolsFunction(s, 'Fn', { serviceName: 'orders', code, handler: 'index.handler', latencyBudget: Duration.seconds(1), alarmActions: own });
    const bus = new EventBusWithArchive(s, 'Bus', { alarmActions: own });
    bus.addTarget(new events.Rule(s, 'Rule', { eventBus: bus, eventPattern: { source: ['a'] } }), new targets.LambdaFunction(fn));
    bus.addSchedule('Daily', { expression: 'rate(1 day)', source: 'a', detailType: 'b' });
    const actions = allAlarmActions(s);
    expect(Object.keys(actions).length).toBe(5);
    expect(Object.values(actions)).toEqual(Array(5).fill([OTHER_TOPIC]));
    Template.fromStack(s).resourceCountIs('AWS::SNS::Topic', 0);
  });
});
