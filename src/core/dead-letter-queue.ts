import { Duration, RemovalPolicy } from 'aws-cdk-lib';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import * as kms from 'aws-cdk-lib/aws-kms';
import * as sqs from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { AlarmRouting } from './alarm-routing';
import { DeploymentStage, DeploymentStageOptions } from './deployment-stage';
import { acknowledgeInherent } from './private/rule-packs';
import { StagePolicy } from './stage-policy';

/** Properties of a `DeadLetterQueue`. */
export interface DeadLetterQueueProps extends DeploymentStageOptions {
  /**
   * A KMS key to encrypt the queue with (SSE-KMS). The services that send to the queue
   * (Lambda, EventBridge, Scheduler) must be allowed to use it.
   *
   * @default - SQS-managed server-side encryption (SSE-SQS)
   */
  readonly encryptionKey?: kms.IKey;

  /**
   * How long a failed message is kept.
   *
   * @default StagePolicy.DEAD_LETTER_RETENTION (14 days, the SQS maximum)
   */
  readonly retentionPeriod?: Duration;

  /**
   * The removal policy.
   *
   * @default - the stage's: RETAIN in PROD (failed messages are data), DESTROY in DEV
   */
  readonly removalPolicy?: RemovalPolicy;
}

/** Options of a dead-letter queue's depth alarm. */
export interface DepthAlarmOptions extends DeploymentStageOptions {
  /**
   * What the alarm says when it fires.
   *
   * @default - "Messages are waiting in <queue path>"
   */
  readonly alarmDescription?: string;

  /**
   * Actions (for example an SNS topic action) run when the alarm fires; `[]` means none, on purpose.
   *
   * @default - the destination `AlarmRouting` resolves for the alarm's scope (a setting on the stack
   * or app, else the context key, else the stack's alarm topic)
   */
  readonly alarmActions?: cloudwatch.IAlarmAction[];
}

/**
 * An encrypted, TLS-only SQS dead-letter queue: the end of every failure path of the library
 * (Lambda async invocations, EventBridge bus and targets, Scheduler schedules).
 *
 * SSE-SQS (or a KMS key), `aws:SecureTransport` enforced, 14 days retention, RETAIN in PROD. A
 * dead-letter queue has no dead-letter queue of its own: the construct acknowledges that rule-pack
 * finding (AwsSolutions-SQS3, Serverless-SQSRedrivePolicy) on this queue alone, with its reason.
 * Pair it with `DeadLetterQueue.depthAlarm()` so a failed message never waits unnoticed.
 *
 * @example
 * const dlq = new DeadLetterQueue(this, 'Failures');
 * DeadLetterQueue.depthAlarm(this, 'FailuresAlarm', dlq);
 */
export class DeadLetterQueue extends sqs.Queue {
  /**
   * An alarm that fires as soon as one message is visible in `queue` (maximum of
   * ApproximateNumberOfMessagesVisible over one minute > 0; missing data is not breaching).
   *
   * @param scope where the alarm is created
   * @param id the alarm's construct id
   * @param queue the queue to watch (created by the library or your own)
   * @param options description and actions
   */
  public static depthAlarm(scope: Construct, id: string, queue: sqs.IQueue, options: DepthAlarmOptions = {}): cloudwatch.Alarm {
    const alarm = new cloudwatch.Alarm(scope, id, {
      alarmDescription: options.alarmDescription ?? `Messages are waiting in ${queue.node.path}`,
      metric: queue.metricApproximateNumberOfMessagesVisible({
        statistic: 'Maximum',
        period: Duration.minutes(1),
      }),
      threshold: 0,
      comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_THRESHOLD,
      evaluationPeriods: 1,
      treatMissingData: cloudwatch.TreatMissingData.NOT_BREACHING,
    });
    AlarmRouting.route(alarm, options.alarmActions, options.stage ?? (queue instanceof DeadLetterQueue ? queue.stage : undefined));
    return alarm;
  }

  /** The deployment stage the construct was built for: the `stage` prop, else the CDK context key `env`, else PROD. */
  public readonly stage: DeploymentStage;

  constructor(scope: Construct, id: string, props: DeadLetterQueueProps = {}) {
    const policy = StagePolicy.of(scope, props.stage);
    super(scope, id, {
      encryption: props.encryptionKey ? sqs.QueueEncryption.KMS : sqs.QueueEncryption.SQS_MANAGED,
      encryptionMasterKey: props.encryptionKey,
      enforceSSL: true,
      retentionPeriod: props.retentionPeriod ?? StagePolicy.DEAD_LETTER_RETENTION,
      removalPolicy: policy.removalPolicyOr(props.removalPolicy),
    });
    this.stage = policy.stage;
    const reason = 'This queue is a dead-letter queue, the end of the failure path; an alarm watches its depth. ' +
      'A dead-letter queue of the dead-letter queue would only move the messages.';
    acknowledgeInherent(this,
      { id: 'AwsSolutions-SQS3', reason },
      { id: 'Serverless-SQSRedrivePolicy', reason },
    );
  }
}
