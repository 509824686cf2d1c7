import { Duration, RemovalPolicy, aws_cloudwatch as cloudwatch, aws_sqs as sqs } from 'aws-cdk-lib';
import { Construct } from 'constructs';

/** An encrypted, TLS-only dead-letter queue kept 14 days, with an alarm on its depth (core's DeadLetterQueue). */
export function plainDeadLetterQueue(scope: Construct, id: string): sqs.Queue {
  // plain:start
  const queue = new sqs.Queue(scope, id, {
    retentionPeriod: Duration.days(14),
    encryption: sqs.QueueEncryption.SQS_MANAGED,
    enforceSSL: true,
    removalPolicy: RemovalPolicy.RETAIN,
  });
  new cloudwatch.Alarm(scope, `${id}Alarm`, {
    metric: queue.metricApproximateNumberOfMessagesVisible({ period: Duration.minutes(1), statistic: 'Maximum' }),
    threshold: 0,
    evaluationPeriods: 1,
    comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_THRESHOLD,
    treatMissingData: cloudwatch.TreatMissingData.NOT_BREACHING,
  });
  return queue;
  // plain:end
}
