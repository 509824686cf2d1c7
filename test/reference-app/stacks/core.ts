import { aws_sqs as sqs } from 'aws-cdk-lib';
import { ReferenceStackSpec } from '../spec';

/**
 * The foundation's own stack: a queue tagged by PatternTags, so the rule packs, cfn-lint and the
 * tag check have something to judge before any construct exists. Encrypted, TLS-only.
 */
export const coreStack: ReferenceStackSpec = {
  name: 'Core',
  build: (stack) => {
    const dlq = new sqs.Queue(stack, 'SmokeDlq', {
      encryption: sqs.QueueEncryption.SQS_MANAGED,
      enforceSSL: true,
    });
    new sqs.Queue(stack, 'SmokeQueue', {
      encryption: sqs.QueueEncryption.SQS_MANAGED,
      enforceSSL: true,
      deadLetterQueue: { queue: dlq, maxReceiveCount: 3 },
    });
  },
  acknowledgements: [],
};
