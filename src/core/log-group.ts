import { ArnFormat, RemovalPolicy, Stack } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as kms from 'aws-cdk-lib/aws-kms';
import * as logs from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';
import { DeploymentStage, DeploymentStageOptions } from './deployment-stage';
import { StagePolicy } from './stage-policy';

/** Properties of a `StageLogGroup`. */
export interface StageLogGroupProps extends DeploymentStageOptions {
  /**
   * How long log events are kept.
   *
   * @default - the stage's: `StagePolicy.PROD_LOG_RETENTION` (one year) in PROD, `StagePolicy.DEV_LOG_RETENTION` (one month) in DEV
   */
  readonly retention?: logs.RetentionDays;

  /**
   * A KMS key to encrypt the log group with (regulated workloads). When the key belongs to this
   * app, its policy is extended to let CloudWatch Logs in this region use it for this account's
   * log groups; an imported key's policy is yours to manage.
   *
   * @default - CloudWatch Logs' own encryption
   */
  readonly encryptionKey?: kms.IKey;

  /**
   * The removal policy.
   *
   * @default - the stage's: RETAIN in PROD (logs are evidence), DESTROY in DEV
   */
  readonly removalPolicy?: RemovalPolicy;

  /**
   * The log group's name.
   *
   * @default - a name CloudFormation generates
   */
  readonly logGroupName?: string;
}

/**
 * A CloudWatch Logs log group with the stage's retention and removal policy, and the key policy
 * CloudWatch Logs needs when a KMS key is given (LAM-8; used by Lambda functions and ECS
 * containers of the library).
 *
 * @example
 * new StageLogGroup(this, 'Logs', { stage: DeploymentStage.DEV });
 */
export class StageLogGroup extends logs.LogGroup {
  /**
   * Lets CloudWatch Logs in this region use `key` for log groups of this account. A no-op for
   * imported keys, whose policy you manage. Key policies name the key itself as `*`; the
   * `kms:EncryptionContext:aws:logs:arn` condition limits it to this account's log groups (naming
   * one log group would be a dependency cycle: the log group needs the key first).
   *
   * @param scope any construct of the stack the log groups are in
   * @param key the key to open to CloudWatch Logs
   */
  public static allowLogsToUseKey(scope: Construct, key: kms.IKey): void {
    const stack = Stack.of(scope);
    key.addToResourcePolicy(new iam.PolicyStatement({
      actions: ['kms:Encrypt*', 'kms:Decrypt*', 'kms:ReEncrypt*', 'kms:GenerateDataKey*', 'kms:Describe*'],
      principals: [new iam.ServicePrincipal(`logs.${stack.region}.amazonaws.com`)],
      resources: ['*'],
      conditions: {
        ArnLike: {
          'kms:EncryptionContext:aws:logs:arn': stack.formatArn({
            service: 'logs',
            resource: 'log-group',
            resourceName: '*',
            arnFormat: ArnFormat.COLON_RESOURCE_NAME,
          }),
        },
      },
    }));
  }

  /** The deployment stage the construct was built for: the `stage` prop, else the CDK context key `env`, else PROD. */
  public readonly stage: DeploymentStage;

  constructor(scope: Construct, id: string, props: StageLogGroupProps = {}) {
    const policy = StagePolicy.of(scope, props.stage);
    super(scope, id, {
      logGroupName: props.logGroupName,
      retention: props.retention ?? policy.logRetention,
      removalPolicy: policy.removalPolicyOr(props.removalPolicy),
      encryptionKey: props.encryptionKey,
    });
    this.stage = policy.stage;
    if (props.encryptionKey) {
      StageLogGroup.allowLogsToUseKey(this, props.encryptionKey);
    }
  }
}
