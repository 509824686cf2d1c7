import { Tags, aws_accessanalyzer as accessanalyzer, aws_ce as ce } from 'aws-cdk-lib';
import { Construct } from 'constructs';

/** CDK-1 in plain aws-cdk-lib: the Env, Team and Service tags on everything in `scope` (once per stack). */
export function plainRequiredTags(scope: Construct, team: string, service: string): void {
  // plain:start
  Tags.of(scope).add('Env', 'prod');
  Tags.of(scope).add('Team', team);
  Tags.of(scope).add('Service', service);
  // plain:end
}

/**
 * AccountGuardrails' checklist (IAM-4, COST-5) in plain aws-cdk-lib: an account Access Analyzer
 * and a cost anomaly monitor per service with daily e-mail alerts above a threshold (with
 * `plainRequiredTags` for CDK-1).
 */
export function plainAccountGuardrails(scope: Construct, id: string, alertEmails: string[]): void {
  // plain:start
  new accessanalyzer.CfnAnalyzer(scope, `${id}AccessAnalyzer`, { type: 'ACCOUNT' });
  const monitor = new ce.CfnAnomalyMonitor(scope, `${id}CostMonitor`, {
    monitorName: `${id}-services`,
    monitorType: 'DIMENSIONAL',
    monitorDimension: 'SERVICE',
  });
  new ce.CfnAnomalySubscription(scope, `${id}CostAlerts`, {
    subscriptionName: `${id}-cost-anomalies`,
    frequency: 'DAILY',
    monitorArnList: [monitor.attrMonitorArn],
    subscribers: alertEmails.map((address) => ({ type: 'EMAIL', address })),
    thresholdExpression: JSON.stringify({ Dimensions: { Key: 'ANOMALY_TOTAL_IMPACT_ABSOLUTE', Values: ['100'], MatchOptions: ['GREATER_THAN_OR_EQUAL'] } }),
  });
  // plain:end
}
