import { App, Annotations as CoreAnnotations, Duration, Lazy, RemovalPolicy, Stack, TimeZone } from 'aws-cdk-lib';
import { Annotations, Match, Template } from 'aws-cdk-lib/assertions';
import * as events from 'aws-cdk-lib/aws-events';
import * as targets from 'aws-cdk-lib/aws-events-targets';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as kms from 'aws-cdk-lib/aws-kms';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import * as sqs from 'aws-cdk-lib/aws-sqs';
import { DeadLetterQueue, DeploymentStage, EventBusWithArchive, EventBusWithArchiveProps, EventSchemaType } from '../../src';
import { allows, policyGrants, templateGrants } from '../util/iam-policy';
import { renderedArn } from '../util/partition';

function newStack(context?: Record<string, string>): Stack {
  return new Stack(new App({ context }), 'Stack', { env: { account: '123456789012', region: 'us-east-1' } });
}

function build(props?: EventBusWithArchiveProps, stack = newStack()) {
  const bus = new EventBusWithArchive(stack, 'AppBus', props);
  return { stack, bus, template: () => Template.fromStack(stack) };
}

function fn(stack: Stack, id = 'Processor'): lambda.Function {
  return new lambda.Function(stack, id, { runtime: lambda.Runtime.NODEJS_22_X, handler: 'index.handler', code: lambda.Code.fromInline('exports.handler = async () => {}') });
}

const ref = (stack: Stack, c: { node: { defaultChild?: unknown } } | any) => stack.getLogicalId((c.node.defaultChild ?? c) as any);
/** EventBridge may `sqs:SendMessage` to `queue`, only on behalf of `source` (the bus or the rule); the statement is `sid`. */
function expectEventBridgeMaySend(template: Template, stack: Stack, queue: sqs.IQueue, sid: string, source: { node: unknown }): void {
  template.hasResourceProperties('AWS::SQS::QueuePolicy', {
    Queues: [{ Ref: ref(stack, queue) }],
    PolicyDocument: {
      Statement: Match.arrayWith([{
        Sid: sid,
        Effect: 'Allow',
        Principal: { Service: 'events.amazonaws.com' },
        Action: 'sqs:SendMessage',
        Resource: { 'Fn::GetAtt': [ref(stack, queue), 'Arn'] },
        Condition: { ArnEquals: { 'aws:SourceArn': { 'Fn::GetAtt': [ref(stack, source), 'Arn'] } } },
      }]),
    },
  });
}
const DRAFT4 = 'http://json-schema.org/draft-04/schema#';
const ORDER_SCHEMA = JSON.stringify({
  $schema: DRAFT4,
  type: 'object',
  required: ['orderId'],
  properties: { orderId: { type: 'string' }, amount: { type: 'number', minimum: 0 } },
});

test('the minimal call works: an events.EventBus with its archive, dead-letter queue, registry and no warnings', () => {
  const { stack, bus, template } = build();
  expect(bus).toBeInstanceOf(events.EventBus);
  const t = template();
  t.resourceCountIs('AWS::Events::EventBus', 1);
  t.resourceCountIs('AWS::Events::Archive', 1);
  t.resourceCountIs('AWS::SQS::Queue', 1);
  t.resourceCountIs('AWS::CloudWatch::Alarm', 1);
  t.resourceCountIs('AWS::EventSchemas::Registry', 1);
  t.resourceCountIs('AWS::EventSchemas::Discoverer', 0);
  t.resourceCountIs('AWS::Events::EventBusPolicy', 0);
  expect(Annotations.fromStack(stack).findWarning('*', Match.anyValue())).toHaveLength(0);
});

describe('[EVB-1] a custom bus', () => {
  test('[EVB-1] the bus is always a custom bus with a generated name by default', () => {
    const { stack, bus, template } = build();
    const props = template().toJSON().Resources[ref(stack, bus)].Properties;
    expect(props.Name).toMatch(/^StackAppBus/);
    expect(props.Name).not.toBe('default');
  });

  test('[EVB-1] eventBusName, description and kmsKey are passed to the bus', () => {
    const stack = newStack();
    const key = new kms.Key(stack, 'Key');
    const { bus, template } = build({ eventBusName: 'app-events', description: 'Application events', kmsKey: key }, stack);
    template().hasResourceProperties('AWS::Events::EventBus', {
      Name: 'app-events',
      Description: 'Application events',
      KmsKeyIdentifier: { 'Fn::GetAtt': [ref(stack, key), 'Arn'] },
    });
    expect(bus.encryptionKey).toBe(key);
  });

  test.each([
    ['default'],
    ['aws.orders'],
    ['has space'],
    ['with/slash'],
    ['x'.repeat(257)],
  ])('[EVB-1] fails for a bus name EventBridge refuses: %s', (name) => {
    expect(() => build({ eventBusName: name })).toThrow(
      `[Stack/AppBus] eventBusName: received '${name}'; allowed: 1 to 256 of A-Z a-z 0-9 . - _, not 'default' and not starting with 'aws.'`,
    );
  });

  test('[EVB-1] a bus name that is a token is not checked', () => {
    expect(() => build({ eventBusName: Lazy.string({ produce: () => 'default' }) })).not.toThrow();
  });
});

describe('[EVB-1] the bus-level dead-letter queue', () => {
  test('[EVB-1] the bus has an encrypted TLS-only dead-letter queue, RETAIN in PROD, with a depth alarm', () => {
    const { stack, bus, template } = build();
    const t = template();
    const queueId = ref(stack, bus.deadLetterQueue);
    expect(bus.deadLetterQueue).toBeInstanceOf(DeadLetterQueue);
    t.hasResourceProperties('AWS::Events::EventBus', { DeadLetterConfig: { Arn: { 'Fn::GetAtt': [queueId, 'Arn'] } } });
    t.hasResource('AWS::SQS::Queue', { Properties: { SqsManagedSseEnabled: true, MessageRetentionPeriod: 1209600 }, DeletionPolicy: 'Retain' });
    t.hasResourceProperties('AWS::CloudWatch::Alarm', {
      MetricName: 'ApproximateNumberOfMessagesVisible',
      Threshold: 0,
      Dimensions: [{ Name: 'QueueName', Value: { 'Fn::GetAtt': [queueId, 'QueueName'] } }],
    });
  });

  test('[EVB-1] EventBridge may send to the bus dead-letter queue, only for this bus (the policy aws-cdk-lib does not write)', () => {
    const { stack, bus, template } = build();
    expectEventBridgeMaySend(template(), stack, bus.deadLetterQueue, 'AllowEventBridgeBusDeadLetters', bus);
  });

  test('[EVB-1] a dead-letter queue given is used, with the policy and alarm; none is created', () => {
    const stack = newStack();
    const queue = new sqs.Queue(stack, 'Mine', { enforceSSL: true });
    const { bus, template } = build({ deadLetterQueue: queue }, stack);
    const t = template();
    expect(bus.deadLetterQueue).toBe(queue);
    t.resourceCountIs('AWS::SQS::Queue', 1);
    t.hasResourceProperties('AWS::Events::EventBus', { DeadLetterConfig: { Arn: { 'Fn::GetAtt': [ref(stack, queue), 'Arn'] } } });
    t.hasResourceProperties('AWS::SQS::QueuePolicy', {
      Queues: [{ Ref: ref(stack, queue) }],
      PolicyDocument: { Statement: Match.arrayWith([Match.objectLike({ Sid: 'AllowEventBridgeBusDeadLetters' })]) },
    });
  });

  test('[EVB-1] an imported dead-letter queue is used, with a warning that its policy must allow EventBridge', () => {
    const stack = newStack();
    const queue = sqs.Queue.fromQueueArn(stack, 'Imported', 'arn:aws:sqs:us-east-1:123456789012:failures');
    build({ deadLetterQueue: queue }, stack);
    Annotations.fromStack(stack).hasWarning('/Stack/AppBus', Match.stringLikeRegexp(
      'The dead-letter queue Stack/Imported is imported: its policy cannot be changed here.*\\[ack: cdk-cloud-patterns:EventBusWithArchive.deadLetterQueuePolicyNotAdded\\]',
    ));
  });

  test('[EVB-1] alarmActions are attached to every dead-letter alarm', () => {
    const stack = newStack();
    const action = { bind: () => ({ alarmActionArn: 'arn:aws:sns:us-east-1:123456789012:pager' }) };
    const { bus } = build({ alarmActions: [action] }, stack);
    bus.addRule('R', { eventPattern: { source: ['x'] }, targets: [new targets.LambdaFunction(fn(stack))] });
    const alarms = Template.fromStack(stack).findResources('AWS::CloudWatch::Alarm');
    expect(Object.values(alarms).map((a: any) => a.Properties.AlarmActions)).toEqual([
      ['arn:aws:sns:us-east-1:123456789012:pager'],
      ['arn:aws:sns:us-east-1:123456789012:pager'],
    ]);
  });
});

describe('[EVB-1] the resource policy', () => {
  test('[EVB-1] putEventsAccounts allows PutEvents on this bus to those accounts only', () => {
    const { stack, bus, template } = build({ putEventsAccounts: ['111122223333'] });
    template().hasResourceProperties('AWS::Events::EventBusPolicy', {
      EventBusName: { Ref: ref(stack, bus) },
      StatementId: 'cdk-AllowPutEventsFrom111122223333',
      Statement: {
        Effect: 'Allow',
        Action: 'events:PutEvents',
        Principal: { AWS: renderedArn(stack, ':iam::111122223333:root') },
        Resource: { 'Fn::GetAtt': [ref(stack, bus), 'Arn'] },
      },
    });
  });

  test('[EVB-1] fails for an account that is not a 12-digit id', () => {
    expect(() => build({ putEventsAccounts: ['*'] })).toThrow("[Stack/AppBus] putEventsAccounts: received '*'; allowed: a 12-digit AWS account id");
  });

  test('[EVB-1] fails for a statement open to every principal', () => {
    const { bus } = build();
    expect(() => bus.addToResourcePolicy(new iam.PolicyStatement({ sid: 'Open', principals: [new iam.AnyPrincipal()], actions: ['events:PutEvents'], resources: [bus.eventBusArn] }))).toThrow(
      '[Stack/AppBus] addToResourcePolicy(statement).principals: received {"AWS":"*"}; allowed: named principals (accounts, roles, services); the bus policy is never open to every principal. Use putEventsAccounts for cross-account publishing',
    );
  });

  test('[EVB-1] grantPutEventsTo grants events:PutEvents on this bus only', () => {
    const stack = newStack();
    const { bus } = build(undefined, stack);
    const role = new iam.Role(stack, 'Publisher', { assumedBy: new iam.ServicePrincipal('lambda.amazonaws.com') });
    bus.grantPutEventsTo(role);
    Template.fromStack(stack).hasResourceProperties('AWS::IAM::Policy', {
      PolicyDocument: { Statement: [{ Effect: 'Allow', Action: 'events:PutEvents', Resource: { 'Fn::GetAtt': [ref(stack, bus), 'Arn'] } }] },
    });
  });
});

describe('[EVB-3] the archive', () => {
  test('[EVB-3] the archive keeps every event of the bus 30 days by default', () => {
    const { stack, bus, template } = build();
    template().hasResourceProperties('AWS::Events::Archive', {
      SourceArn: { 'Fn::GetAtt': [ref(stack, bus), 'Arn'] },
      EventPattern: { account: ['123456789012'] },
      RetentionDays: 30,
    });
    expect(EventBusWithArchive.DEFAULT_ARCHIVE_RETENTION.toDays()).toBe(30);
  });

  test('[EVB-3] archiveRetention and archiveName override the defaults', () => {
    const { template } = build({ archiveRetention: Duration.days(90), archiveName: 'app-events-archive' });
    template().hasResourceProperties('AWS::Events::Archive', { RetentionDays: 90, ArchiveName: 'app-events-archive' });
  });

  test.each([
    [Duration.days(0), '0 days'],
    [Duration.hours(12), '12 hours'],
    [Duration.hours(36), '1 day 12 hours'],
  ])('[EVB-3] fails for an archive retention of %s', (retention, shown) => {
    expect(() => build({ archiveRetention: retention })).toThrow(`[Stack/AppBus/Archive] archiveRetention: received ${shown}; allowed: at least 1 day, in whole days`);
  });

  test('[EVB-3] a negative retention cannot even be expressed (aws-cdk-lib refuses the Duration)', () => {
    expect(() => build({ archiveRetention: Duration.days(-1) })).toThrow('Duration amounts cannot be negative. Received: -1');
  });

  test('[EVB-3] fails for an archive name EventBridge refuses', () => {
    expect(() => build({ archiveName: 'x'.repeat(49) })).toThrow(`[Stack/AppBus/Archive] archiveName: received '${'x'.repeat(49)}'; allowed: 1 to 48 of A-Z a-z 0-9 . - _`);
  });

  test('[CDK-2] the archive is RETAINed in PROD (the default stage)', () => {
    const { template } = build();
    template().hasResource('AWS::Events::Archive', { DeletionPolicy: 'Retain', UpdateReplacePolicy: 'Retain' });
  });

  test('[CDK-2] the archive is destroyed with a DEV stack, by prop or by context', () => {
    build({ stage: DeploymentStage.DEV }).template().hasResource('AWS::Events::Archive', { DeletionPolicy: 'Delete' });
    build(undefined, newStack({ env: 'dev' })).template().hasResource('AWS::Events::Archive', { DeletionPolicy: 'Delete' });
  });

  test('[CDK-2] archiveRemovalPolicy overrides the stage', () => {
    build({ stage: DeploymentStage.DEV, archiveRemovalPolicy: RemovalPolicy.RETAIN }).template().hasResource('AWS::Events::Archive', { DeletionPolicy: 'Retain' });
  });

  test('[EVB-3] the archive is encrypted with the bus key, or archiveKmsKey', () => {
    const stack = newStack();
    const busKey = new kms.Key(stack, 'BusKey');
    const archiveKey = new kms.Key(stack, 'ArchiveKey');
    build({ kmsKey: busKey }, stack);
    new EventBusWithArchive(stack, 'Other', { archiveKmsKey: archiveKey });
    const archives = Object.values(Template.fromStack(stack).findResources('AWS::Events::Archive')).map((a: any) => a.Properties.KmsKeyIdentifier);
    expect(archives).toEqual([{ 'Fn::GetAtt': [ref(stack, busKey), 'Arn'] }, { 'Fn::GetAtt': [ref(stack, archiveKey), 'Arn'] }]);
  });

  test('[EVB-3] archive() keeps the kmsKey that aws-cdk-lib drops (aws-cdk issue 38298) and defaults to 30 days', () => {
    const stack = newStack();
    const key = new kms.Key(stack, 'Key');
    const { bus } = build(undefined, stack);
    const extra = bus.archive('OrdersArchive', { eventPattern: { source: ['com.example.orders'] }, kmsKey: key });
    Template.fromStack(stack).hasResourceProperties('AWS::Events::Archive', {
      EventPattern: { source: ['com.example.orders'] },
      KmsKeyIdentifier: { 'Fn::GetAtt': [ref(stack, key), 'Arn'] },
      RetentionDays: 30,
    });
    expect(extra.node.path).toBe('Stack/AppBus/OrdersArchive');
    expect(() => bus.archive('Bad', { eventPattern: { source: ['x'] }, retention: Duration.hours(1) })).toThrow(
      '[Stack/AppBus/Bad] archive(props).retention: received 1 hour; allowed: at least 1 day, in whole days',
    );
  });

  test('[EVB-3] grantStartReplay grants StartReplay on the archive and DescribeReplay/CancelReplay on replays', () => {
    const stack = newStack();
    const { bus } = build(undefined, stack);
    const role = new iam.Role(stack, 'Operator', { assumedBy: new iam.AccountRootPrincipal() });
    bus.grantStartReplay(role);
    expect(templateGrants(Template.fromStack(stack))).toEqual(policyGrants([
      ...allows(['events:StartReplay', 'events:DescribeArchive'], { 'Fn::GetAtt': [ref(stack, bus.eventArchive), 'Arn'] }),
      ...allows(['events:DescribeReplay', 'events:CancelReplay'], renderedArn(stack, ':events:us-east-1:123456789012:replay/*')),
    ].map((g) => ({ Effect: g.effect, Action: g.action, Resource: g.resource }))));
    expect(stack.resolve(bus.archiveArn)).toEqual({ 'Fn::GetAtt': [ref(stack, bus.eventArchive), 'Arn'] });
  });
});

describe('[EVB-2] targets have a dead-letter queue and a bounded retry policy', () => {
  function withRule(options: Parameters<EventBusWithArchive['addRule']>[1] = {}) {
    const stack = newStack();
    const { bus } = build(undefined, stack);
    const processor = fn(stack);
    const rule = bus.addRule('OrderCreated', {
      eventPattern: { source: ['com.example.orders'], detailType: ['OrderCreated'] },
      targets: [new targets.LambdaFunction(processor)],
      ...options,
    });
    return { stack, bus, rule, processor };
  }

  const ruleTargets = (stack: Stack) => Template.fromStack(stack).findResources('AWS::Events::Rule');

  test('[EVB-2] every target of addRule gets a dead-letter queue, 3 retries and a 1 hour maximum event age', () => {
    const { stack, rule } = withRule();
    const queue = rule.node.findChild('Target0DeadLetterQueue') as DeadLetterQueue;
    expect(queue).toBeInstanceOf(DeadLetterQueue);
    Template.fromStack(stack).hasResourceProperties('AWS::Events::Rule', {
      EventBusName: { Ref: Match.stringLikeRegexp('^AppBus') },
      Targets: [Match.objectLike({
        Id: 'Target0',
        DeadLetterConfig: { Arn: { 'Fn::GetAtt': [ref(stack, queue), 'Arn'] } },
        RetryPolicy: { MaximumRetryAttempts: 3, MaximumEventAgeInSeconds: 3600 },
      })],
    });
    expect(rule.node.path).toBe('Stack/AppBus/OrderCreated');
  });

  test('[EVB-2] EventBridge may send to the target dead-letter queue only for this rule, and an alarm watches it', () => {
    const { stack, rule } = withRule();
    const queue = rule.node.findChild('Target0DeadLetterQueue') as DeadLetterQueue;
    const t = Template.fromStack(stack);
    expectEventBridgeMaySend(t, stack, queue, 'AllowEventBridgeTarget0DeadLetters', rule);
    t.hasResourceProperties('AWS::CloudWatch::Alarm', { Dimensions: [{ Name: 'QueueName', Value: { 'Fn::GetAtt': [ref(stack, queue), 'QueueName'] } }] });
  });

  test('[EVB-2] retryAttempts, maxEventAge and deadLetterQueue override the defaults', () => {
    const stack = newStack();
    const mine = new sqs.Queue(stack, 'Mine', { enforceSSL: true });
    const { bus } = build(undefined, stack);
    const rule = bus.addRule('R', { eventPattern: { source: ['x'] }, targets: [new targets.LambdaFunction(fn(stack))], retryAttempts: 0, maxEventAge: Duration.minutes(5), deadLetterQueue: mine });
    expect(rule.node.tryFindChild('Target0DeadLetterQueue')).toBeUndefined();
    Template.fromStack(stack).hasResourceProperties('AWS::Events::Rule', {
      Targets: [Match.objectLike({ DeadLetterConfig: { Arn: { 'Fn::GetAtt': [ref(stack, mine), 'Arn'] } }, RetryPolicy: { MaximumRetryAttempts: 0, MaximumEventAgeInSeconds: 300 } })],
    });
  });

  test('[EVB-2] addTarget adds a second target with its own dead-letter queue', () => {
    const { stack, bus, rule } = withRule();
    bus.addTarget(rule, new targets.LambdaFunction(fn(stack, 'Second')));
    expect(rule.node.findChild('Target1DeadLetterQueue')).toBeInstanceOf(DeadLetterQueue);
    const [props] = Object.values(ruleTargets(stack)).map((r: any) => r.Properties.Targets);
    expect(props.map((t: any) => [t.Id, !!t.DeadLetterConfig, t.RetryPolicy])).toEqual([
      ['Target0', true, { MaximumRetryAttempts: 3, MaximumEventAgeInSeconds: 3600 }],
      ['Target1', true, { MaximumRetryAttempts: 3, MaximumEventAgeInSeconds: 3600 }],
    ]);
    expect(Annotations.fromStack(stack).findWarning('*', Match.anyValue())).toHaveLength(0);
  });

  test('[EVB-2] a dead-letter queue and retries configured on the target itself are kept (the event age still bounded), and no queue is created', () => {
    const stack = newStack();
    const own = new sqs.Queue(stack, 'Own', { enforceSSL: true });
    const { bus } = build(undefined, stack);
    const rule = bus.addRule('R', { eventPattern: { source: ['x'] }, targets: [new targets.LambdaFunction(fn(stack), { deadLetterQueue: own, retryAttempts: 5 })] });
    expect(rule.node.tryFindChild('Target0DeadLetterQueue')).toBeUndefined();
    Template.fromStack(stack).hasResourceProperties('AWS::Events::Rule', {
      Targets: [Match.objectLike({ DeadLetterConfig: { Arn: { 'Fn::GetAtt': [ref(stack, own), 'Arn'] } }, RetryPolicy: { MaximumRetryAttempts: 5, MaximumEventAgeInSeconds: 3600 } })],
    });
  });

  test('[EVB-2] a target added with plain rule.addTarget and no dead-letter queue is reported at synth', () => {
    const { stack, rule } = withRule();
    rule.addTarget(new targets.LambdaFunction(fn(stack, 'Sneaky')));
    Annotations.fromStack(stack).hasWarning('/Stack/AppBus/OrderCreated', Match.stringLikeRegexp(
      'Target Target1 of Stack/AppBus/OrderCreated has no dead-letter queue.*\\[ack: cdk-cloud-patterns:EventBusWithArchive.targetWithoutDeadLetterQueue\\]',
    ));
    expect(Annotations.fromStack(stack).findWarning('*', Match.anyValue())).toHaveLength(1);
  });

  test('[EVB-2] the warning can be acknowledged', () => {
    const { stack, rule } = withRule();
    rule.addTarget(new targets.LambdaFunction(fn(stack, 'Sneaky')));
    CoreAnnotations.of(rule).acknowledgeWarning('cdk-cloud-patterns:EventBusWithArchive.targetWithoutDeadLetterQueue', 'tested elsewhere');
    expect(Annotations.fromStack(stack).findWarning('*', Match.anyValue())).toHaveLength(0);
  });

  test.each([
    [{ retryAttempts: 186 }, 'retryAttempts: received 186; allowed: an integer from 0 to 185'],
    [{ retryAttempts: -1 }, 'retryAttempts: received -1; allowed: an integer from 0 to 185'],
    [{ retryAttempts: 1.5 }, 'retryAttempts: received 1.5; allowed: an integer from 0 to 185'],
    [{ maxEventAge: Duration.seconds(59) }, 'maxEventAge: received 59 seconds; allowed: from 1 minute to 1 day, in whole seconds'],
    [{ maxEventAge: Duration.hours(25) }, 'maxEventAge: received 1 day 1 hour; allowed: from 1 minute to 1 day, in whole seconds'],
  ])('[EVB-2] fails for target delivery options %j', (options, message) => {
    expect(() => withRule(options)).toThrow(`[Stack/AppBus/OrderCreated] ${message}`);
  });
});

describe('[EVB-4] the schema registry', () => {
  test('[EVB-4] the bus has a schema registry', () => {
    const { stack, bus, template } = build({ schemaRegistryName: 'app-events' });
    template().hasResourceProperties('AWS::EventSchemas::Registry', { RegistryName: 'app-events', Description: 'Event schemas of Stack/AppBus' });
    expect(stack.resolve(bus.schemaRegistryName)).toEqual({ 'Fn::GetAtt': [ref(stack, bus.schemaRegistry), 'RegistryName'] });
  });

  test('[EVB-4] registerSchema registers a JSON Schema Draft 4 document named <source>@<detailType>', () => {
    const { stack, bus } = build();
    bus.registerSchema('OrderCreatedSchema', { source: 'com.example.orders', detailType: 'OrderCreated', content: ORDER_SCHEMA });
    Template.fromStack(stack).hasResourceProperties('AWS::EventSchemas::Schema', {
      RegistryName: { 'Fn::GetAtt': [ref(stack, bus.schemaRegistry), 'RegistryName'] },
      SchemaName: 'com.example.orders@OrderCreated',
      Type: 'JSONSchemaDraft4',
      Content: ORDER_SCHEMA,
      Description: "The 'OrderCreated' events of 'com.example.orders' on Stack/AppBus",
    });
  });

  test('[EVB-4] registerSchema takes an OpenAPI 3 document, a name and a description', () => {
    const { stack, bus } = build();
    const openApi = JSON.stringify({
      openapi: '3.0.0',
      info: { title: 'OrderCreated', version: '1.0.0' },
      paths: {},
      components: { schemas: { AWSEvent: { type: 'object', properties: { detail: { $ref: '#/components/schemas/OrderCreated' } } }, OrderCreated: { type: 'object', nullable: false } } },
    });
    bus.registerSchema('S', { source: 'com.example.orders', detailType: 'Order Created', content: openApi, type: EventSchemaType.OPEN_API_3, description: 'v1' });
    bus.registerSchema('Named', { source: 'a', detailType: 'b', content: ORDER_SCHEMA, schemaName: 'orders-v2' });
    const t = Template.fromStack(stack);
    t.hasResourceProperties('AWS::EventSchemas::Schema', { Type: 'OpenApi3', SchemaName: 'com.example.orders@Order-Created', Description: 'v1' });
    t.hasResourceProperties('AWS::EventSchemas::Schema', { SchemaName: 'orders-v2' });
  });

  test.each([
    ['{not json', '/: not JSON'],
    ['[]', '/: a schema must be an object, got []'],
    [JSON.stringify({ type: 'strnig' }), '/type: must be one or a list of array, boolean, integer, null, number, object, string, got "strnig"'],
    [JSON.stringify({ properties: { id: { type: 'string' }, n: { minimum: 'zero' } } }), '/properties/n/minimum: must be a number, got "zero"'],
    [JSON.stringify({ required: 'id' }), '/required: must be a non-empty array of unique property names, got "id"'],
    [JSON.stringify({ $schema: 'http://json-schema.org/draft-07/schema#' }), "/$schema: must be 'http://json-schema.org/draft-04/schema#' (JSON Schema Draft 4)"],
    [JSON.stringify({ pattern: '(' }), '/pattern: is not a valid regular expression: "("'],
  ])('[EVB-4] fails for a schema that is not valid JSON Schema: %s', (content, problem) => {
    const { bus } = build();
    let message = '';
    try {
      bus.registerSchema('Bad', { source: 'com.example.orders', detailType: 'OrderCreated', content });
    } catch (e) {
      message = (e as Error).message;
    }
    expect(message.startsWith(`[Stack/AppBus/Bad] content: received '${content}'; allowed: a JSON Schema Draft 4 document (`)).toBe(true);
    expect(message).toContain(problem);
  });

  test('[EVB-4] fails for an OpenAPI document that is not OpenAPI 3', () => {
    const { bus } = build();
    expect(() => bus.registerSchema('Bad', { source: 'a', detailType: 'b', type: EventSchemaType.OPEN_API_3, content: JSON.stringify({ swagger: '2.0' }) })).toThrow(
      "[Stack/AppBus/Bad] content: received '{\"swagger\":\"2.0\"}'; allowed: an OpenAPI 3 document (/openapi: must be an OpenAPI 3 version such as '3.0.0', got nothing; /info: must be an object with a string title and a string version; /components/schemas: must define at least one schema (the event, e.g. AWSEvent))",
    );
  });

  test.each([
    ['source', { source: '', detailType: 'OrderCreated' }, "''"],
    ['source', { source: '  ', detailType: 'OrderCreated' }, "'  '"],
    ['detailType', { source: 'com.example.orders', detailType: '' }, "''"],
  ])('[EVB-4] fails for a schema with an empty %s', (prop, names, shown) => {
    const { bus } = build();
    expect(() => bus.registerSchema('Bad', { ...names, content: ORDER_SCHEMA })).toThrow(`[Stack/AppBus/Bad] ${prop}: received ${shown}; allowed: a non-empty string`);
  });

  test('[EVB-4] schemaDiscovery adds a discoverer on this bus', () => {
    const { stack, bus, template } = build({ schemaDiscovery: true });
    template().hasResourceProperties('AWS::EventSchemas::Discoverer', { SourceArn: { 'Fn::GetAtt': [ref(stack, bus), 'Arn'] }, CrossAccount: false });
    expect(bus.discoverer).toBeDefined();
  });

  test('[EVB-4] fails for schema discovery on a bus with a customer-managed key', () => {
    const stack = newStack();
    const key = new kms.Key(stack, 'Key');
    expect(() => build({ schemaDiscovery: true, kmsKey: key }, stack)).toThrow(
      '[Stack/AppBus] schemaDiscovery: received true; allowed: false when kmsKey is given: EventBridge does not discover schemas on a bus encrypted with a customer-managed key. Register schemas with registerSchema() instead',
    );
  });
});

describe('[EVB-5] schedules', () => {
  test('[EVB-5] a schedule publishing to the bus: cron in UTC, window off, 3 retries, a dead-letter queue and its own role', () => {
    const { stack, bus } = build();
    const schedule = bus.addSchedule('DailyReport', { expression: 'cron(0 8 * * ? *)', source: 'com.example.reports', detailType: 'DailyReportRequested' });
    const t = Template.fromStack(stack);
    const group = bus.node.findChild('DailyReport');
    const role = group.node.findChild('Role') as iam.Role;
    const queue = group.node.findChild('DeadLetterQueue') as DeadLetterQueue;
    expect(queue).toBeInstanceOf(DeadLetterQueue);
    expect(schedule.node.path).toBe('Stack/AppBus/DailyReport/Schedule');
    t.hasResourceProperties('AWS::Scheduler::Schedule', {
      ScheduleExpression: 'cron(0 8 * * ? *)',
      ScheduleExpressionTimezone: 'Etc/UTC',
      FlexibleTimeWindow: { Mode: 'OFF' },
      State: 'ENABLED',
      Target: {
        Arn: { 'Fn::GetAtt': [ref(stack, bus), 'Arn'] },
        RoleArn: { 'Fn::GetAtt': [ref(stack, role), 'Arn'] },
        DeadLetterConfig: { Arn: { 'Fn::GetAtt': [ref(stack, queue), 'Arn'] } },
        RetryPolicy: { MaximumRetryAttempts: 3, MaximumEventAgeInSeconds: 3600 },
        EventBridgeParameters: { Source: 'com.example.reports', DetailType: 'DailyReportRequested' },
        Input: '{}',
      },
    });
    // least privilege: PutEvents on this bus, SendMessage on its own queue, nothing else
    t.hasResourceProperties('AWS::IAM::Policy', {
      Roles: [{ Ref: ref(stack, role) }],
      PolicyDocument: {
        Statement: [
          { Effect: 'Allow', Action: 'events:PutEvents', Resource: { 'Fn::GetAtt': [ref(stack, bus), 'Arn'] } },
          { Effect: 'Allow', Action: 'sqs:SendMessage', Resource: { 'Fn::GetAtt': [ref(stack, queue), 'Arn'] } },
        ],
      },
    });
    t.hasResourceProperties('AWS::IAM::Role', {
      AssumeRolePolicyDocument: {
        Statement: [{
          Effect: 'Allow',
          Action: 'sts:AssumeRole',
          Principal: { Service: 'scheduler.amazonaws.com' },
          Condition: {
            StringEquals: {
              'aws:SourceAccount': '123456789012',
              'aws:SourceArn': renderedArn(stack, ':scheduler:us-east-1:123456789012:schedule-group/default'),
            },
          },
        }],
      },
    });
    t.hasResourceProperties('AWS::CloudWatch::Alarm', { Dimensions: [{ Name: 'QueueName', Value: { 'Fn::GetAtt': [ref(stack, queue), 'QueueName'] } }] });
  });

  test('[EVB-5] a schedule invoking a function: rate, time zone, input, and a role per schedule', () => {
    const stack = newStack();
    const { bus } = build(undefined, stack);
    const report = fn(stack, 'Report');
    bus.addSchedule('Hourly', { expression: 'rate(1 hour)', targetFunction: report, input: '{"kind":"hourly"}' });
    bus.addSchedule('Nightly', { expression: 'cron(0 2 * * ? *)', timeZone: TimeZone.EUROPE_BERLIN, targetFunction: report, retryAttempts: 1, maxEventAge: Duration.minutes(10) });
    const t = Template.fromStack(stack);
    t.hasResourceProperties('AWS::Scheduler::Schedule', {
      ScheduleExpression: 'rate(1 hour)',
      Target: Match.objectLike({ Arn: { 'Fn::GetAtt': [ref(stack, report), 'Arn'] }, Input: '{"kind":"hourly"}' }),
    });
    t.hasResourceProperties('AWS::Scheduler::Schedule', {
      ScheduleExpressionTimezone: 'Europe/Berlin',
      Target: Match.objectLike({ RetryPolicy: { MaximumRetryAttempts: 1, MaximumEventAgeInSeconds: 600 } }),
    });
    const roles = t.findResources('AWS::IAM::Role', { Properties: { AssumeRolePolicyDocument: { Statement: [Match.objectLike({ Principal: { Service: 'scheduler.amazonaws.com' } })] } } });
    expect(Object.keys(roles)).toHaveLength(2);
    const hourlyRole = bus.node.findChild('Hourly').node.findChild('Role') as iam.Role;
    t.hasResourceProperties('AWS::IAM::Policy', {
      Roles: [{ Ref: ref(stack, hourlyRole) }],
      PolicyDocument: {
        Statement: Match.arrayWith([{
          Effect: 'Allow',
          Action: 'lambda:InvokeFunction',
          Resource: [{ 'Fn::GetAtt': [ref(stack, report), 'Arn'] }, { 'Fn::Join': ['', [{ 'Fn::GetAtt': [ref(stack, report), 'Arn'] }, ':*']] }],
        }]),
      },
    });
  });

  test('[EVB-5] a role and a dead-letter queue given are used', () => {
    const stack = newStack();
    const { bus } = build(undefined, stack);
    const role = new iam.Role(stack, 'MyRole', { assumedBy: new iam.ServicePrincipal('scheduler.amazonaws.com') });
    const queue = new sqs.Queue(stack, 'MyQueue', { enforceSSL: true });
    bus.addSchedule('S', { expression: 'at(2027-01-01T00:00:00)', source: 'a', detailType: 'b', role, deadLetterQueue: queue });
    expect(bus.node.findChild('S').node.tryFindChild('Role')).toBeUndefined();
    expect(bus.node.findChild('S').node.tryFindChild('DeadLetterQueue')).toBeUndefined();
    Template.fromStack(stack).hasResourceProperties('AWS::Scheduler::Schedule', {
      ScheduleExpression: 'at(2027-01-01T00:00:00)',
      Target: Match.objectLike({ RoleArn: { 'Fn::GetAtt': [ref(stack, role), 'Arn'] }, DeadLetterConfig: { Arn: { 'Fn::GetAtt': [ref(stack, queue), 'Arn'] } } }),
    });
  });

  const ALLOWED = "allowed: 'cron(<minutes> <hours> <day-of-month> <month> <day-of-week> <year>)', 'rate(<value> minute|minutes|hour|hours|day|days)' or 'at(yyyy-mm-ddThh:mm:ss)'";
  test.each([
    ['0 8 * * ? *', 'not a cron(...), rate(...) or at(...) expression'],
    ['every day', 'not a cron(...), rate(...) or at(...) expression'],
    ['cron(0 8 * * *)', 'a cron expression has 6 fields (minutes hours day-of-month month day-of-week year), got 5'],
    ['cron(0 8 * * * *)', "exactly one of day-of-month and day-of-week must be '?'"],
    ['rate(5 minute)', "a rate above 1 takes the plural unit ('minutes')"],
    ['rate(1 hours)', "a rate of 1 takes the singular unit ('hour')"],
    ['rate(0 minutes)', 'a rate must be at least 1'],
    ['rate(1 week)', 'a rate is rate(<positive integer> <unit>)'],
    ['at(2027-02-30T00:00:00)', 'the date or time of at(...) does not exist'],
    ['at(tomorrow)', 'a one-time schedule is at(yyyy-mm-ddThh:mm:ss)'],
  ])('[EVB-5] fails for the schedule expression %s', (expression, hint) => {
    const { bus } = build();
    expect(() => bus.addSchedule('S', { expression, source: 'a', detailType: 'b' })).toThrow(`[Stack/AppBus/S] expression: received '${expression}'; ${ALLOWED}. ${hint}`);
  });

  test('[EVB-5] fails for retry attempts outside 0-185 and an event age outside 60 s-24 h', () => {
    const { bus } = build();
    expect(() => bus.addSchedule('S', { expression: 'rate(1 day)', source: 'a', detailType: 'b', retryAttempts: 200 })).toThrow(
      '[Stack/AppBus/S] retryAttempts: received 200; allowed: an integer from 0 to 185',
    );
    expect(() => bus.addSchedule('T', { expression: 'rate(1 day)', source: 'a', detailType: 'b', maxEventAge: Duration.days(2) })).toThrow(
      '[Stack/AppBus/T] maxEventAge: received 2 days; allowed: from 1 minute to 1 day, in whole seconds',
    );
  });

  test('[EVB-5] fails without a target, with two targets, or with input that is not JSON', () => {
    const stack = newStack();
    const { bus } = build(undefined, stack);
    expect(() => bus.addSchedule('A', { expression: 'rate(1 day)', detailType: 'b' })).toThrow(
      '[Stack/AppBus/A] source: received undefined; allowed: a non-empty string when the schedule publishes to the bus (no targetFunction)',
    );
    expect(() => bus.addSchedule('B', { expression: 'rate(1 day)', source: 'a', detailType: 'b', targetFunction: fn(stack) })).toThrow(
      "[Stack/AppBus/B] targetFunction: received 'Stack/Processor'; allowed: either targetFunction, or source and detailType (an event to this bus), not both",
    );
    expect(() => bus.addSchedule('C', { expression: 'rate(1 day)', source: 'a', detailType: 'b', input: 'hello' })).toThrow(
      "[Stack/AppBus/C] input: received 'hello'; allowed: JSON text",
    );
  });

  test('[EVB-5] an expression that is a token is not checked', () => {
    const { bus } = build();
    expect(() => bus.addSchedule('S', { expression: Lazy.string({ produce: () => 'nonsense' }), source: 'a', detailType: 'b' })).not.toThrow();
  });
});
