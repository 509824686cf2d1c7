import { Duration, aws_cloudwatch as cloudwatch, aws_elasticloadbalancingv2 as elbv2 } from 'aws-cdk-lib';
import { Construct } from 'constructs';

/**
 * The two alarms that roll a deployment back (ECS-1, ECS-4), over both target groups because the
 * production target group alternates between releases: the targets' 5xx rate at or above
 * `percent`, and any unhealthy target. Two of three one-minute periods, missing data not breaching.
 *
 * @param scope the service construct (ids `Target5xxAlarm` and `UnhealthyHostsAlarm`)
 */
export function createRollbackAlarms(
  scope: Construct,
  targets: { readonly blueTargetGroup: elbv2.ApplicationTargetGroup; readonly greenTargetGroup: elbv2.ApplicationTargetGroup },
  percent: number,
): [cloudwatch.Alarm, cloudwatch.Alarm] {
  const period = Duration.minutes(1);
  const tgs = { b: targets.blueTargetGroup, g: targets.greenTargetGroup };
  const errors = new cloudwatch.MathExpression({
    label: 'Target 5xx rate (%) over both target groups',
    expression: '100 * (FILL(b5xx, 0) + FILL(g5xx, 0)) / (FILL(breq, 0) + FILL(greq, 0))',
    usingMetrics: {
      b5xx: tgs.b.metrics.httpCodeTarget(elbv2.HttpCodeTarget.TARGET_5XX_COUNT, { period, statistic: 'Sum' }),
      g5xx: tgs.g.metrics.httpCodeTarget(elbv2.HttpCodeTarget.TARGET_5XX_COUNT, { period, statistic: 'Sum' }),
      breq: tgs.b.metrics.requestCount({ period, statistic: 'Sum' }),
      greq: tgs.g.metrics.requestCount({ period, statistic: 'Sum' }),
    },
    period,
  });
  const unhealthy = new cloudwatch.MathExpression({
    label: 'Unhealthy targets over both target groups',
    expression: 'MAX([FILL(bu, 0), FILL(gu, 0)])',
    usingMetrics: {
      bu: tgs.b.metrics.unhealthyHostCount({ period, statistic: 'Maximum' }),
      gu: tgs.g.metrics.unhealthyHostCount({ period, statistic: 'Maximum' }),
    },
    period,
  });
  return [
    new cloudwatch.Alarm(scope, 'Target5xxAlarm', {
      metric: errors,
      threshold: percent,
      comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
      evaluationPeriods: 3,
      datapointsToAlarm: 2,
      treatMissingData: cloudwatch.TreatMissingData.NOT_BREACHING,
      alarmDescription: `The targets answer ${percent} % or more of requests with 5xx: a deployment in progress rolls back (ECS-4).`,
    }),
    new cloudwatch.Alarm(scope, 'UnhealthyHostsAlarm', {
      metric: unhealthy,
      threshold: 1,
      comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
      evaluationPeriods: 3,
      datapointsToAlarm: 2,
      treatMissingData: cloudwatch.TreatMissingData.NOT_BREACHING,
      alarmDescription: 'A target fails the load balancer health check: a deployment in progress rolls back (ECS-1, ECS-4).',
    }),
  ];
}
