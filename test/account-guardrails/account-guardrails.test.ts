import { App, Duration, FeatureFlags, Stack, Token, aws_sns as sns, aws_sqs as sqs, Tags } from 'aws-cdk-lib';
import { Annotations, Match, Template } from 'aws-cdk-lib/assertions';
import { AccessAnalyzerKind, AccountGuardrails, AccountGuardrailsProps, AnomalyAlertFrequency, DeploymentStage } from '../../src';
import { policyGrants } from '../util/iam-policy';

const ENV = { account: '123456789012', region: 'us-east-1' };
const newStack = () => new Stack(new App(), 'S', { env: ENV });
const MINIMAL: AccountGuardrailsProps = { team: 'payments', alertEmails: ['ops@example.com'] };

function build(props: Partial<AccountGuardrailsProps> = {}, stack = newStack()) {
  const guardrails = new AccountGuardrails(stack, 'Guardrails', { ...MINIMAL, ...props } as AccountGuardrailsProps);
  return { stack, guardrails, template: Template.fromStack(stack) };
}

function thresholdOf(template: Template): unknown {
  return JSON.parse(Object.values(template.findResources('AWS::CE::AnomalySubscription'))[0].Properties.ThresholdExpression);
}

function onlyLogicalId(template: Template, type: string): string {
  const ids = Object.keys(template.findResources(type));
  expect(ids).toHaveLength(1);
  return ids[0];
}

describe('defaults (the minimal call)', () => {
  test('[IAM-4] creates an account analyzer for external access', () => {
    const { stack, guardrails, template } = build();
    template.resourceCountIs('AWS::AccessAnalyzer::Analyzer', 1);
    template.hasResourceProperties('AWS::AccessAnalyzer::Analyzer', { Type: 'ACCOUNT', AnalyzerConfiguration: Match.absent() });
    expect(guardrails.accessAnalyzer).toBeDefined();
    expect(stack.resolve(guardrails.accessAnalyzerArn)).toEqual({ 'Fn::GetAtt': [onlyLogicalId(template, 'AWS::AccessAnalyzer::Analyzer'), 'Arn'] });
  });

  test('[COST-5] monitors spend per AWS service and e-mails the alert targets a daily alert at 100 USD', () => {
    const { stack, guardrails, template } = build();
    template.resourceCountIs('AWS::CE::AnomalyMonitor', 1);
    template.hasResourceProperties('AWS::CE::AnomalyMonitor', { MonitorType: 'DIMENSIONAL', MonitorDimension: 'SERVICE' });
    template.hasResourceProperties('AWS::CE::AnomalySubscription', {
      Frequency: 'DAILY',
      Subscribers: [{ Type: 'EMAIL', Address: 'ops@example.com' }],
      MonitorArnList: [{ 'Fn::GetAtt': [onlyLogicalId(template, 'AWS::CE::AnomalyMonitor'), 'MonitorArn'] }],
    });
    expect(thresholdOf(template)).toEqual({
      Dimensions: { Key: 'ANOMALY_TOTAL_IMPACT_ABSOLUTE', Values: ['100'], MatchOptions: ['GREATER_THAN_OR_EQUAL'] },
    });
    expect(stack.resolve(guardrails.anomalyMonitorArn)).toEqual({ 'Fn::GetAtt': [onlyLogicalId(template, 'AWS::CE::AnomalyMonitor'), 'MonitorArn'] });
  });

  test('[CDK-1] applies Env, Team and Service to every taggable resource in the scope', () => {
    const stack = newStack();
    new sqs.Queue(stack, 'Work');
    const { template } = build({}, stack);
    const tags = template.findResources('AWS::SQS::Queue', {})[onlyLogicalId(template, 'AWS::SQS::Queue')].Properties.Tags;
    expect(tags).toEqual(expect.arrayContaining([
      { Key: 'Env', Value: 'prod' },
      { Key: 'Team', Value: 'payments' },
      { Key: 'Service', Value: 'account-guardrails' },
    ]));
  });

  test('[CDK-1] the tag check warns about a taggable resource without the tags, with an acknowledgeable id', () => {
    const stack = newStack();
    const queue = new sqs.Queue(stack, 'Untagged');
    Tags.of(queue).remove('Team');
    build({}, stack);
    Annotations.fromStack(stack).hasWarning(
      '/S/Untagged/Resource',
      Match.stringLikeRegexp('AWS::SQS::Queue Untagged.* is missing the tag\\(s\\) Team \\(CDK-1\\).*\\[ack: cdk-cloud-patterns:RequiredTagsCheck.missingTags\\]'),
    );
    expect(Annotations.fromStack(stack).findError('*', Match.anyValue())).toHaveLength(0);
  });

  test('[CDK-1] creates no topic, key or budget, and warns about nothing', () => {
    const { stack, template } = build();
    template.resourceCountIs('AWS::SNS::Topic', 0);
    template.resourceCountIs('AWS::KMS::Key', 0);
    template.resourceCountIs('AWS::Budgets::Budget', 0);
    expect(Annotations.fromStack(stack).findWarning('*', Match.anyValue())).toHaveLength(0);
  });
});

describe('overrides', () => {
  test('[CDK-1] failOnMissingTags reports a resource without the tags as an error', () => {
    const stack = newStack();
    const queue = new sqs.Queue(stack, 'Untagged');
    Tags.of(queue).remove('Service');
    new AccountGuardrails(stack, 'Guardrails', { ...MINIMAL, failOnMissingTags: true });
    if (FeatureFlags.of(stack).isEnabled('@aws-cdk/core:annotationsInValidationReport')) {
      // with the recommended flags an error annotation fails synthesis itself
      expect(() => Annotations.fromStack(stack)).toThrow(/Untagged20FDDAA7 is missing the tag\(s\) Service/);
    } else {
      Annotations.fromStack(stack).hasError('/S/Untagged/Resource', Match.stringLikeRegexp('is missing the tag\\(s\\) Service'));
    }
  });

  test('[CDK-1] the Service tag and the stage are props', () => {
    const stack = newStack();
    new sqs.Queue(stack, 'Work');
    const { template } = build({ service: 'orders', stage: DeploymentStage.DEV }, stack);
    const tags = template.findResources('AWS::SQS::Queue')[onlyLogicalId(template, 'AWS::SQS::Queue')].Properties.Tags;
    expect(tags).toEqual(expect.arrayContaining([{ Key: 'Env', Value: 'dev' }, { Key: 'Service', Value: 'orders' }]));
  });

  test('[CDK-2] the stage is resolved once and handed down: the Env tag, the analyzer, the monitor and the alert queue all get it', () => {
    const app = new App({ context: { env: 'prod' } });
    const stack = new Stack(app, 'S', { env: ENV });
    const { guardrails, template } = build({ stage: DeploymentStage.DEV, createAlertTopic: true }, stack);
    expect(guardrails.stage).toBe(DeploymentStage.DEV);
    expect(guardrails.accessAnalyzer?.stage).toBe(DeploymentStage.DEV);
    expect(guardrails.costAnomalyMonitor?.stage).toBe(DeploymentStage.DEV);
    expect(guardrails.alertDeadLetterQueue?.stage).toBe(DeploymentStage.DEV);
    const queue = template.findResources('AWS::SQS::Queue')[onlyLogicalId(template, 'AWS::SQS::Queue')];
    expect(queue.DeletionPolicy).toBe('Delete');
    expect(queue.Properties.Tags).toEqual(expect.arrayContaining([{ Key: 'Env', Value: 'dev' }]));
  });

  test('[IAM-4] an organization analyzer, or an unused-access analyzer with the given age', () => {
    build({ accessAnalyzerKind: AccessAnalyzerKind.ORGANIZATION, accessAnalyzerName: 'org' }).template.hasResourceProperties(
      'AWS::AccessAnalyzer::Analyzer', { Type: 'ORGANIZATION', AnalyzerName: 'org' });
    build({ accessAnalyzerKind: AccessAnalyzerKind.ACCOUNT_UNUSED_ACCESS, unusedAccessAge: Duration.days(30) }).template.hasResourceProperties(
      'AWS::AccessAnalyzer::Analyzer', { Type: 'ACCOUNT_UNUSED_ACCESS', AnalyzerConfiguration: { UnusedAccessConfiguration: { UnusedAccessAge: 30 } } });
  });

  test('[IAM-4] accessAnalyzerArn imports the existing analyzer instead of creating one', () => {
    const arn = 'arn:aws:access-analyzer:us-east-1:123456789012:analyzer/existing';
    const { stack, guardrails, template } = build({ accessAnalyzerArn: arn });
    template.resourceCountIs('AWS::AccessAnalyzer::Analyzer', 0);
    expect(guardrails.accessAnalyzer).toBeUndefined();
    expect(guardrails.accessAnalyzerArn).toBe(arn);
    expect(Annotations.fromStack(stack).findWarning('*', Match.anyValue())).toHaveLength(0);
  });

  test('[IAM-4] analyzer props given with an imported analyzer have no effect and say so (AccountGuardrails.analyzerPropsIgnored)', () => {
    const { stack } = build({
      accessAnalyzerArn: 'arn:aws:access-analyzer:us-east-1:123456789012:analyzer/existing',
      accessAnalyzerKind: AccessAnalyzerKind.ORGANIZATION,
    });
    Annotations.fromStack(stack).hasWarning('/S/Guardrails', Match.stringLikeRegexp(
      '^accessAnalyzerKind has no effect: accessAnalyzerArn imports an existing analyzer.*\\[ack: cdk-cloud-patterns:AccountGuardrails.analyzerPropsIgnored\\]'));
  });

  test('[COST-5] anomalyMonitorArn subscribes to the existing monitor instead of creating one', () => {
    const arn = 'arn:aws:ce::123456789012:anomalymonitor/0e7bd7d1-5d3c-4c3e-9f2a-1a2b3c4d5e6f';
    const { guardrails, template } = build({ anomalyMonitorArn: arn });
    template.resourceCountIs('AWS::CE::AnomalyMonitor', 0);
    template.hasResourceProperties('AWS::CE::AnomalySubscription', { MonitorArnList: [arn], Frequency: 'DAILY' });
    expect(guardrails.costAnomalyMonitor).toBeUndefined();
    expect(guardrails.anomalyMonitorArn).toBe(arn);
  });

  test('[COST-5] the threshold is an absolute amount or a percentage of the expected spend', () => {
    expect(thresholdOf(build({ anomalyThresholdUsd: 40 }).template)).toEqual({
      Dimensions: { Key: 'ANOMALY_TOTAL_IMPACT_ABSOLUTE', Values: ['40'], MatchOptions: ['GREATER_THAN_OR_EQUAL'] },
    });
    expect(thresholdOf(build({ anomalyThresholdPercent: 15 }).template)).toEqual({
      Dimensions: { Key: 'ANOMALY_TOTAL_IMPACT_PERCENTAGE', Values: ['15'], MatchOptions: ['GREATER_THAN_OR_EQUAL'] },
    });
  });

  test('[COST-5] createAlertTopic: a TLS-only topic encrypted with a rotating key that Cost Anomaly Detection may use', () => {
    const { stack, guardrails, template } = build({ createAlertTopic: true });
    const keyId = onlyLogicalId(template, 'AWS::KMS::Key');
    template.hasResourceProperties('AWS::KMS::Key', { EnableKeyRotation: true });
    const keyStatements = Object.values(template.findResources('AWS::KMS::Key'))[0].Properties.KeyPolicy.Statement;
    expect(policyGrants(keyStatements).filter((g) => g.sid === 'CostAlertsUseTheKey')).toEqual(policyGrants([{
      Sid: 'CostAlertsUseTheKey',
      Effect: 'Allow',
      Principal: { Service: 'costalerts.amazonaws.com' },
      Action: ['kms:GenerateDataKey*', 'kms:Decrypt'],
      Resource: '*',
    }]));
    template.hasResource('AWS::KMS::Key', { DeletionPolicy: 'Retain' });
    template.hasResourceProperties('AWS::SNS::Topic', { KmsMasterKeyId: { 'Fn::GetAtt': [keyId, 'Arn'] } });
    const topicId = onlyLogicalId(template, 'AWS::SNS::Topic');
    const policy = Object.values(template.findResources('AWS::SNS::TopicPolicy'))[0].Properties.PolicyDocument.Statement;
    const allows = policy.filter((s: any) => s.Effect === 'Allow');
    expect(allows).toEqual([{
      Sid: 'CostAlertsPublish',
      Effect: 'Allow',
      Principal: { Service: 'costalerts.amazonaws.com' },
      Action: 'sns:Publish',
      Resource: { Ref: topicId },
      Condition: { StringEquals: { 'aws:SourceAccount': '123456789012' } },
    }]);
    expect(policy).toEqual(expect.arrayContaining([expect.objectContaining({
      Effect: 'Deny',
      Condition: { Bool: { 'aws:SecureTransport': 'false' } },
    })]));
    expect(guardrails.alertTopicRef).toBe(guardrails.alertTopic);
    expect(stack.resolve(guardrails.alertTopicKey!.keyArn)).toEqual({ 'Fn::GetAtt': [keyId, 'Arn'] });
  });

  test('[COST-5] createAlertTopic subscribes the e-mails to the topic and alerts it IMMEDIATE, after its policy exists', () => {
    const { template } = build({ createAlertTopic: true });
    const topicId = onlyLogicalId(template, 'AWS::SNS::Topic');
    template.hasResourceProperties('AWS::SNS::Subscription', { Protocol: 'email', Endpoint: 'ops@example.com', TopicArn: { Ref: topicId } });
    template.hasResourceProperties('AWS::CE::AnomalySubscription', { Frequency: 'IMMEDIATE', Subscribers: [{ Type: 'SNS', Address: { Ref: topicId } }] });
    const sub = Object.values(template.findResources('AWS::CE::AnomalySubscription'))[0];
    expect(sub.DependsOn).toEqual(expect.arrayContaining([onlyLogicalId(template, 'AWS::SNS::TopicPolicy')]));
  });

  test('[COST-5] the created key is destroyed with a DEV stack', () => {
    build({ createAlertTopic: true, stage: DeploymentStage.DEV }).template.hasResource('AWS::KMS::Key', { DeletionPolicy: 'Delete' });
  });

  test('[COST-5] a given topic receives the alerts and gets the publish statement; with e-mails the alerts are DAILY', () => {
    const stack = newStack();
    const topic = new sns.Topic(stack, 'Ops');
    const { guardrails, template } = build({ alertTopic: topic }, stack);
    template.hasResourceProperties('AWS::CE::AnomalySubscription', {
      Frequency: 'DAILY',
      Subscribers: [{ Type: 'EMAIL', Address: 'ops@example.com' }, { Type: 'SNS', Address: { Ref: onlyLogicalId(template, 'AWS::SNS::Topic') } }],
    });
    template.hasResourceProperties('AWS::SNS::TopicPolicy', {
      PolicyDocument: { Statement: Match.arrayWith([Match.objectLike({ Sid: 'CostAlertsPublish', Principal: { Service: 'costalerts.amazonaws.com' } })]) },
    });
    expect(guardrails.alertTopic).toBeUndefined();
    expect(guardrails.alertTopicRef).toBe(topic);
    template.resourceCountIs('AWS::KMS::Key', 0);
  });

  test('[COST-5] a given topic alone is alerted IMMEDIATE; an explicit frequency wins', () => {
    const stack = newStack();
    const topic = new sns.Topic(stack, 'Ops');
    build({ alertEmails: undefined, alertTopic: topic }, stack).template.hasResourceProperties('AWS::CE::AnomalySubscription', { Frequency: 'IMMEDIATE' });
    build({ anomalyAlertFrequency: AnomalyAlertFrequency.WEEKLY }).template.hasResourceProperties('AWS::CE::AnomalySubscription', { Frequency: 'WEEKLY' });
  });

  test('[COST-5] an imported topic cannot get the publish statement: AccountGuardrails.topicPolicyNotAdded', () => {
    const stack = newStack();
    const topic = sns.Topic.fromTopicArn(stack, 'Ops', 'arn:aws:sns:us-east-1:123456789012:ops');
    build({ alertTopic: topic }, stack);
    Annotations.fromStack(stack).hasWarning('/S/Guardrails', Match.stringLikeRegexp(
      'let costalerts.amazonaws.com publish to it.*\\[ack: cdk-cloud-patterns:AccountGuardrails.topicPolicyNotAdded\\]'));
  });

  test('[COST-5] monthlyBudgetUsd adds a monthly cost budget notifying the same e-mails at 80% actual and 100% forecasted', () => {
    const { guardrails, template } = build({ monthlyBudgetUsd: 500 });
    const subscribers = [{ SubscriptionType: 'EMAIL', Address: 'ops@example.com' }];
    template.hasResourceProperties('AWS::Budgets::Budget', {
      Budget: { BudgetType: 'COST', TimeUnit: 'MONTHLY', BudgetLimit: { Amount: 500, Unit: 'USD' } },
      NotificationsWithSubscribers: [
        { Notification: { NotificationType: 'ACTUAL', ComparisonOperator: 'GREATER_THAN', Threshold: 80, ThresholdType: 'PERCENTAGE' }, Subscribers: subscribers },
        { Notification: { NotificationType: 'FORECASTED', ComparisonOperator: 'GREATER_THAN', Threshold: 100, ThresholdType: 'PERCENTAGE' }, Subscribers: subscribers },
      ],
    });
    expect(guardrails.budget).toBeDefined();
  });

  test('[COST-5] with a created topic the budget notifies the topic, which lets AWS Budgets publish and use the key', () => {
    const { template } = build({ monthlyBudgetUsd: 500, createAlertTopic: true });
    const topicId = onlyLogicalId(template, 'AWS::SNS::Topic');
    const budget = Object.values(template.findResources('AWS::Budgets::Budget'))[0];
    expect(budget.Properties.NotificationsWithSubscribers[0].Subscribers).toEqual([{ SubscriptionType: 'SNS', Address: { Ref: topicId } }]);
    expect(budget.DependsOn).toEqual(expect.arrayContaining([onlyLogicalId(template, 'AWS::SNS::TopicPolicy')]));
    const principals = [{ Service: 'budgets.amazonaws.com' }, { Service: 'costalerts.amazonaws.com' }];
    const principalsOf = (statements: any[], sid: string) =>
      [...new Set(policyGrants(statements).filter((g) => g.sid === sid).map((g) => JSON.stringify(g.principal)))].sort().map((p) => JSON.parse(p));
    const topicStatements = Object.values(template.findResources('AWS::SNS::TopicPolicy'))[0].Properties.PolicyDocument.Statement;
    expect(principalsOf(topicStatements, 'CostAlertsPublish')).toEqual(principals);
    const keyStatements = Object.values(template.findResources('AWS::KMS::Key'))[0].Properties.KeyPolicy.Statement;
    expect(principalsOf(keyStatements, 'CostAlertsUseTheKey')).toEqual(principals);
  });

  test('tokens are not validated', () => {
    const stack = newStack();
    // construction only: the Refs name no parameter, which @aws-cdk/core:validateAgainstDefaultRules rejects at synth
    expect(() => new AccountGuardrails(stack, 'Guardrails', {
      ...MINIMAL,
      team: Token.asString({ Ref: 'Team' }),
      alertEmails: [Token.asString({ Ref: 'Email' })],
      anomalyThresholdUsd: Token.asNumber({ Ref: 'Threshold' }),
      monthlyBudgetUsd: Token.asNumber({ Ref: 'Budget' }),
      unusedAccessAge: Duration.days(Token.asNumber({ Ref: 'Age' })),
      accessAnalyzerKind: AccessAnalyzerKind.ACCOUNT_UNUSED_ACCESS,
      anomalyMonitorArn: Token.asString({ Ref: 'Monitor' }),
    } as AccountGuardrailsProps)).not.toThrow();
  });
});

describe('bad input', () => {
  const fails = (props: Partial<AccountGuardrailsProps>, message: string) =>
    expect(() => new AccountGuardrails(newStack(), 'Guardrails', { ...MINIMAL, ...props } as AccountGuardrailsProps)).toThrow(message);

  test('fails without an alert target', () => {
    fails({ alertEmails: [] },
      '[S/Guardrails] alertEmails/alertTopic: received undefined; allowed: at least one e-mail address, an SNS topic, or createAlertTopic: true');
  });

  test('fails for createAlertTopic together with alertTopic', () => {
    const stack = newStack();
    const topic = new sns.Topic(stack, 'Ops');
    expect(() => new AccountGuardrails(stack, 'Guardrails', { ...MINIMAL, alertTopic: topic, createAlertTopic: true })).toThrow(
      '[S/Guardrails] createAlertTopic: received true; allowed: false when alertTopic is given');
  });

  test('fails for a non-positive threshold', () => {
    fails({ anomalyThresholdUsd: 0 }, '[S/Guardrails] anomalyThresholdUsd: received 0; allowed: a number of US dollars above 0');
    fails({ anomalyThresholdUsd: -5 }, '[S/Guardrails] anomalyThresholdUsd: received -5; allowed: a number of US dollars above 0');
    fails({ anomalyThresholdPercent: 0 }, '[S/Guardrails] anomalyThresholdPercent: received 0; allowed: a percentage of the expected spend above 0 and at most 100');
  });

  test('fails for a percentage over 100, and for both kinds of threshold', () => {
    fails({ anomalyThresholdPercent: 150 }, '[S/Guardrails] anomalyThresholdPercent: received 150; allowed: a percentage of the expected spend above 0 and at most 100');
    fails({ anomalyThresholdPercent: 10, anomalyThresholdUsd: 10 },
      '[S/Guardrails] anomalyThresholdUsd/anomalyThresholdPercent: received {"anomalyThresholdUsd":10,"anomalyThresholdPercent":10}; allowed: one of the two');
  });

  test('fails for an e-mail that is not an address', () => {
    fails({ alertEmails: ['ops@example.com', 'ops-team'] }, "[S/Guardrails] alertEmails: received 'ops-team'; allowed: e-mail addresses");
  });

  test('fails for more than 10 e-mails delivered directly, and points to the topic', () => {
    const many = Array.from({ length: 11 }, (_, i) => `ops${i}@example.com`);
    expect(() => build({ alertEmails: many })).toThrow(/alertEmails: received .*; allowed: at most 10 addresses .*\. Use createAlertTopic: true/);
    expect(() => build({ alertEmails: many, createAlertTopic: true })).not.toThrow();
  });

  test('fails for IMMEDIATE alerts to e-mail subscribers', () => {
    fails({ anomalyAlertFrequency: AnomalyAlertFrequency.IMMEDIATE },
      "[S/Guardrails] anomalyAlertFrequency: received 'IMMEDIATE'; allowed: DAILY or WEEKLY when e-mail subscribers are given");
  });

  test('fails for a team or service tag value with characters AWS tags do not allow', () => {
    fails({ team: 'payments!' }, "[S/Guardrails] team: received 'payments!'; allowed: a 'Team' tag value of letters, digits, spaces and _ . : / = + - @ only");
    fails({ service: 'orders#1' }, "[S/Guardrails] service: received 'orders#1'; allowed: a 'Service' tag value of letters, digits, spaces and _ . : / = + - @ only");
    fails({ team: '' }, "[S/Guardrails] team: received ''; allowed: a non-empty value for the 'Team' tag");
    expect(() => build({ team: 'Zahlungsverkehr Übersee: team-1/@eu' })).not.toThrow();
  });

  test('fails for a team or service tag value longer than 256 characters', () => {
    fails({ team: 't'.repeat(257) }, "allowed: a 'Team' tag value of at most 256 characters (received 257)");
    fails({ service: 's'.repeat(300) }, "allowed: a 'Service' tag value of at most 256 characters (received 300)");
    // the construct's own check accepts 256 (construction only: with @aws-cdk/core:validateAgainstDefaultRules,
    // aws-cdk-lib's CloudFormation schema check at synth allows an AccessAnalyzer tag value 255 characters)
    expect(() => new AccountGuardrails(newStack(), 'Guardrails', { ...MINIMAL, team: 't'.repeat(256) } as AccountGuardrailsProps)).not.toThrow();
  });

  test('fails for an unused-access age outside 1 to 365 days', () => {
    const kind = AccessAnalyzerKind.ACCOUNT_UNUSED_ACCESS;
    fails({ accessAnalyzerKind: kind, unusedAccessAge: Duration.days(0) }, '[S/Guardrails] unusedAccessAge: received 0 days; allowed: between 1 and 365 days');
    fails({ accessAnalyzerKind: kind, unusedAccessAge: Duration.days(366) }, '[S/Guardrails] unusedAccessAge: received 366 days; allowed: between 1 and 365 days');
  });

  test('fails for an unused-access age on an external-access analyzer', () => {
    fails({ unusedAccessAge: Duration.days(30) },
      '[S/Guardrails/AccessAnalyzer] unusedAccessAge: received 30 days; allowed: only with kind ACCOUNT_UNUSED_ACCESS or ORGANIZATION_UNUSED_ACCESS');
  });

  test('fails for ARNs that are not an analyzer or a monitor', () => {
    fails({ accessAnalyzerArn: 'arn:aws:iam::123456789012:role/x' },
      "[S/Guardrails] accessAnalyzerArn: received 'arn:aws:iam::123456789012:role/x'; allowed: an analyzer ARN");
    fails({ anomalyMonitorArn: 'monitor-1' }, "[S/Guardrails] anomalyMonitorArn: received 'monitor-1'; allowed: an anomaly monitor ARN");
  });

  test('fails for a non-positive monthly budget', () => {
    fails({ monthlyBudgetUsd: 0 }, '[S/Guardrails] monthlyBudgetUsd: received 0; allowed: a number of US dollars above 0');
  });
});

test('[COST-5] the e-mail subscriptions of the created topic keep undeliverable alerts in an encrypted dead-letter queue', () => {
  const { guardrails, template } = build({ createAlertTopic: true });
  const queueId = onlyLogicalId(template, 'AWS::SQS::Queue');
  template.hasResourceProperties('AWS::SQS::Queue', { SqsManagedSseEnabled: true, MessageRetentionPeriod: 1209600 });
  template.hasResourceProperties('AWS::SNS::Subscription', { Protocol: 'email', RedrivePolicy: { deadLetterTargetArn: { 'Fn::GetAtt': [queueId, 'Arn'] } } });
  expect(guardrails.alertDeadLetterQueue).toBeDefined();
  expect(build({ createAlertTopic: true, alertEmails: [] }).template.findResources('AWS::SQS::Queue')).toEqual({});
});
