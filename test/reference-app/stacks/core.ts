import { Duration, aws_sqs as sqs } from 'aws-cdk-lib';
import { AccessAnalyzer, CostAnomalyMonitor } from '../../../src';
import { ReferenceStackSpec } from '../stack-spec';

/**
 * The foundation's own stack: the opt-in account guardrails (IAM Access Analyzer, Cost Anomaly
 * Detection) and a queue pair, tagged by PatternTags, so the rule packs, cfn-lint and the tag check
 * have something to judge before any construct exists.
 */
export const coreStack: ReferenceStackSpec = {
  name: 'Core',
  build: (stack) => {
    new AccessAnalyzer(stack, 'AccessAnalyzer');
    new CostAnomalyMonitor(stack, 'CostAnomalies', { emails: ['finops@example.com'] });
    const dlq = new sqs.Queue(stack, 'SmokeDlq', {
      retentionPeriod: Duration.days(14),
      encryption: sqs.QueueEncryption.SQS_MANAGED,
      enforceSSL: true,
    });
    new sqs.Queue(stack, 'SmokeQueue', {
      retentionPeriod: Duration.days(4),
      encryption: sqs.QueueEncryption.SQS_MANAGED,
      enforceSSL: true,
      deadLetterQueue: { queue: dlq, maxReceiveCount: 3 },
    });
  },
  acknowledgements: [
    {
      path: 'SmokeDlq/Resource',
      id: 'Serverless-SQSRedrivePolicy',
      reason:
        'This queue is itself the dead-letter queue of SmokeQueue; giving a DLQ its own DLQ only moves the failed messages one queue further.',
    },
  ],
};
