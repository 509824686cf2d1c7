import { App, CfnParameter, Stack, aws_sns as sns } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { AnomalyAlertFrequency, CostAnomalyMonitor } from '../../src';

const newStack = () => new Stack(new App(), 'S');

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

  test('[COST-5] alerts at a percentage of the expected spend instead of an absolute amount', () => {
    const stack = newStack();
    new CostAnomalyMonitor(stack, 'M', { emails: ['a@example.com'], thresholdPercent: 20 });
    const sub = Object.values(Template.fromStack(stack).findResources('AWS::CE::AnomalySubscription'))[0].Properties;
    expect(JSON.parse(sub.ThresholdExpression)).toEqual({
      Dimensions: { Key: 'ANOMALY_TOTAL_IMPACT_PERCENTAGE', Values: ['20'], MatchOptions: ['GREATER_THAN_OR_EQUAL'] },
    });
  });

  test('fails for a percentage over 100, of 0, or given together with an absolute threshold', () => {
    expect(() => new CostAnomalyMonitor(newStack(), 'M', { emails: ['a@example.com'], thresholdPercent: 101 })).toThrow(
      '[S/M] thresholdPercent: received 101; allowed: a percentage of the expected spend above 0 and at most 100',
    );
    expect(() => new CostAnomalyMonitor(newStack(), 'M', { emails: ['a@example.com'], thresholdPercent: 0 })).toThrow(
      '[S/M] thresholdPercent: received 0; allowed: a percentage of the expected spend above 0 and at most 100',
    );
    expect(() => new CostAnomalyMonitor(newStack(), 'M', { emails: ['a@example.com'], thresholdPercent: 10, thresholdUsd: 50 })).toThrow(
      '[S/M] thresholdUsd/thresholdPercent: received {"thresholdUsd":50,"thresholdPercent":10}; allowed: one of the two',
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
