/**
 * The rollback alarms of FargateBlueGreenService on their own (src/fargate-service/private/rollback-alarms.ts).
 */
import { App, Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as elbv2 from 'aws-cdk-lib/aws-elasticloadbalancingv2';
import { Construct } from 'constructs';
import { createRollbackAlarms } from '../../src/fargate-service/private/rollback-alarms';

function alarms(percent: number) {
  const stack = new Stack(new App(), 'Stack');
  const vpc = new ec2.Vpc(stack, 'Vpc', { natGateways: 0 });
  const listener = new elbv2.ApplicationLoadBalancer(stack, 'Alb', { vpc }).addListener('Listener', { port: 80, open: false });
  const tg = (id: string) => {
    const group = new elbv2.ApplicationTargetGroup(stack, id, { vpc, port: 80, targetType: elbv2.TargetType.IP });
    listener.addTargetGroups(id, { targetGroups: [group] }); // metrics need a load balancer
    return group;
  };
  const scope = new Construct(stack, 'Api');
  const [errors, unhealthy] = createRollbackAlarms(scope, { blueTargetGroup: tg('Blue'), greenTargetGroup: tg('Green') }, percent);
  return { errors, unhealthy, template: Template.fromStack(stack) };
}

test('the 5xx-rate alarm fires at `percent` over both target groups, 2 of 3 minutes, missing data not breaching', () => {
  const { errors, template } = alarms(7.5);
  expect(errors.node.path).toBe('Stack/Api/Target5xxAlarm');
  const alarm = template.findResources('AWS::CloudWatch::Alarm')[Stack.of(errors).getLogicalId(errors.node.defaultChild as any)].Properties;
  expect(alarm).toMatchObject({
    Threshold: 7.5,
    ComparisonOperator: 'GreaterThanOrEqualToThreshold',
    EvaluationPeriods: 3,
    DatapointsToAlarm: 2,
    TreatMissingData: 'notBreaching',
  });
  const expression = alarm.Metrics.find((m: any) => m.Expression).Expression;
  expect(expression).toBe('100 * (FILL(b5xx, 0) + FILL(g5xx, 0)) / (FILL(breq, 0) + FILL(greq, 0))');
  expect(alarm.Metrics.filter((m: any) => m.MetricStat).map((m: any) => m.Id).sort()).toEqual(['b5xx', 'breq', 'g5xx', 'greq']);
});

test('the unhealthy-host alarm fires on one unhealthy target in either target group', () => {
  const { unhealthy, template } = alarms(5);
  expect(unhealthy.node.path).toBe('Stack/Api/UnhealthyHostsAlarm');
  const alarm = template.findResources('AWS::CloudWatch::Alarm')[Stack.of(unhealthy).getLogicalId(unhealthy.node.defaultChild as any)].Properties;
  expect(alarm).toMatchObject({ Threshold: 1, ComparisonOperator: 'GreaterThanOrEqualToThreshold', EvaluationPeriods: 3, DatapointsToAlarm: 2 });
  expect(alarm.Metrics.find((m: any) => m.Expression).Expression).toBe('MAX([FILL(bu, 0), FILL(gu, 0)])');
});
