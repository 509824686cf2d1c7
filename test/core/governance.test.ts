import { App, CfnParameter, Duration, Stack, aws_sns as sns } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import { AccessAnalyzer, AccessAnalyzerKind, AnomalyAlertFrequency, CostAnomalyMonitor } from '../../src';

const newStack = () => new Stack(new App(), 'S');

describe('AccessAnalyzer', () => {
  test('[IAM-4] is opt-in: an account analyzer with no unused-access configuration by default', () => {
    const stack = newStack();
    const analyzer = new AccessAnalyzer(stack, 'Analyzer');
    const template = Template.fromStack(stack);
    template.resourceCountIs('AWS::AccessAnalyzer::Analyzer', 1);
    template.hasResourceProperties('AWS::AccessAnalyzer::Analyzer', { Type: 'ACCOUNT', AnalyzerConfiguration: Match.absent() });
    expect(stack.resolve(analyzer.analyzerArn)).toEqual({ 'Fn::GetAtt': [expectLogicalId(template, 'AWS::AccessAnalyzer::Analyzer'), 'Arn'] });
  });

  test('[IAM-4] an unused-access analyzer reports access unused for 90 days by default, or the given age', () => {
    const stack = newStack();
    new AccessAnalyzer(stack, 'Unused', { kind: AccessAnalyzerKind.ACCOUNT_UNUSED_ACCESS });
    new AccessAnalyzer(stack, 'Org', { kind: AccessAnalyzerKind.ORGANIZATION_UNUSED_ACCESS, unusedAccessAge: Duration.days(30), analyzerName: 'org' });
    const template = Template.fromStack(stack);
    template.hasResourceProperties('AWS::AccessAnalyzer::Analyzer', {
      Type: 'ACCOUNT_UNUSED_ACCESS',
      AnalyzerConfiguration: { UnusedAccessConfiguration: { UnusedAccessAge: 90 } },
    });
    template.hasResourceProperties('AWS::AccessAnalyzer::Analyzer', {
      Type: 'ORGANIZATION_UNUSED_ACCESS',
      AnalyzerName: 'org',
      AnalyzerConfiguration: { UnusedAccessConfiguration: { UnusedAccessAge: 30 } },
    });
  });

  test('fails for an unused-access age outside 1..365 days', () => {
    expect(() => new AccessAnalyzer(newStack(), 'A', { kind: AccessAnalyzerKind.ACCOUNT_UNUSED_ACCESS, unusedAccessAge: Duration.days(400) })).toThrow(
      '[S/A] unusedAccessAge: received 400 days; allowed: between 1 and 365 days',
    );
  });

  test('fails for an unused-access age on an external-access analyzer', () => {
    expect(() => new AccessAnalyzer(newStack(), 'A', { unusedAccessAge: Duration.days(30) })).toThrow(
      '[S/A] unusedAccessAge: received 30 days; allowed: only with kind ACCOUNT_UNUSED_ACCESS or ORGANIZATION_UNUSED_ACCESS. kind is ACCOUNT',
    );
  });
});

describe('CostAnomalyMonitor', () => {
  test('[COST-5] monitors spend per AWS service and e-mails a daily alert at 100 USD by default', () => {
    const stack = newStack();
    new CostAnomalyMonitor(stack, 'Anomalies', { emails: ['finops@example.com'] });
    const template = Template.fromStack(stack);
    template.hasResourceProperties('AWS::CE::AnomalyMonitor', { MonitorType: 'DIMENSIONAL', MonitorDimension: 'SERVICE' });
    template.hasResourceProperties('AWS::CE::AnomalySubscription', {
      Frequency: 'DAILY',
      Subscribers: [{ Type: 'EMAIL', Address: 'finops@example.com' }],
      MonitorArnList: [{ 'Fn::GetAtt': [expectLogicalId(template, 'AWS::CE::AnomalyMonitor'), 'MonitorArn'] }],
    });
    const expression = JSON.parse(Object.values(template.findResources('AWS::CE::AnomalySubscription'))[0].Properties.ThresholdExpression);
    expect(expression).toEqual({
      Dimensions: { Key: 'ANOMALY_TOTAL_IMPACT_ABSOLUTE', Values: ['100'], MatchOptions: ['GREATER_THAN_OR_EQUAL'] },
    });
  });

  test('[COST-5] monitors per value of a cost allocation tag, alerting an SNS topic immediately', () => {
    const stack = newStack();
    const topic = new sns.Topic(stack, 'Alerts');
    new CostAnomalyMonitor(stack, 'Anomalies', { topic, costAllocationTag: 'Team', costAllocationTagValues: ['payments'], thresholdUsd: 25 });
    const template = Template.fromStack(stack);
    const monitor = Object.values(template.findResources('AWS::CE::AnomalyMonitor'))[0].Properties;
    expect(monitor.MonitorType).toBe('CUSTOM');
    expect(JSON.parse(monitor.MonitorSpecification)).toEqual({ Tags: { Key: 'Team', Values: ['payments'], MatchOptions: ['EQUALS'] } });
    template.hasResourceProperties('AWS::CE::AnomalySubscription', {
      Frequency: 'IMMEDIATE',
      Subscribers: [{ Type: 'SNS', Address: { Ref: expectLogicalId(template, 'AWS::SNS::Topic') } }],
    });
  });

  test('fails without any subscriber', () => {
    expect(() => new CostAnomalyMonitor(newStack(), 'M')).toThrow(
      '[S/M] emails/topic: received undefined; allowed: at least one e-mail address or an SNS topic',
    );
  });

  test('fails for IMMEDIATE alerts to e-mail subscribers', () => {
    expect(() => new CostAnomalyMonitor(newStack(), 'M', { emails: ['a@example.com'], frequency: AnomalyAlertFrequency.IMMEDIATE })).toThrow(
      "[S/M] frequency: received 'IMMEDIATE'; allowed: DAILY or WEEKLY when e-mail subscribers are given",
    );
  });

  test('fails for a threshold of 0, a malformed e-mail, and tag values without a tag', () => {
    expect(() => new CostAnomalyMonitor(newStack(), 'M', { emails: ['a@example.com'], thresholdUsd: 0 })).toThrow(
      '[S/M] thresholdUsd: received 0; allowed: a number of US dollars above 0',
    );
    expect(() => new CostAnomalyMonitor(newStack(), 'M', { emails: ['not-an-address'] })).toThrow(
      "[S/M] emails: received 'not-an-address'; allowed: e-mail addresses",
    );
    expect(() => new CostAnomalyMonitor(newStack(), 'M', { emails: ['a@example.com'], costAllocationTagValues: ['x'] })).toThrow(
      '[S/M] costAllocationTagValues: received ["x"]; allowed: only together with costAllocationTag',
    );
    expect(() => new CostAnomalyMonitor(newStack(), 'M', { emails: ['a@example.com'], costAllocationTag: 'Team' })).toThrow(
      "[S/M] costAllocationTagValues: received undefined; allowed: at least one value of the 'Team' tag to monitor",
    );
  });

  test('a token threshold is not rejected and is rendered into the expression', () => {
    const stack = newStack();
    // a real parameter: @aws-cdk/core:validateAgainstDefaultRules rejects a Ref to nothing at synth
    const threshold = new CfnParameter(stack, 'Threshold', { type: 'Number' });
    new CostAnomalyMonitor(stack, 'M', { emails: ['a@example.com'], thresholdUsd: threshold.valueAsNumber });
    const sub = Object.values(Template.fromStack(stack).findResources('AWS::CE::AnomalySubscription'))[0].Properties;
    expect(JSON.stringify(sub.ThresholdExpression)).toContain('Threshold');
  });
});

function expectLogicalId(template: Template, type: string): string {
  const ids = Object.keys(template.findResources(type));
  expect(ids).toHaveLength(1);
  return ids[0];
}
