import { Duration, aws_sqs as sqs } from 'aws-cdk-lib';
import { ReferenceStackSpec } from '../stack-spec';

/**
 * The foundation's own stack: a queue tagged by PatternTags, so the rule packs, cfn-lint and the
 * tag check have something to judge before any construct exists. Encrypted, TLS-only.
 */
export const coreStack: ReferenceStackSpec = {
  name: 'Core',
  build: (stack) => {
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
