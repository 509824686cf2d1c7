import { Duration, RemovalPolicy } from 'aws-cdk-lib';
import * as logs from 'aws-cdk-lib/aws-logs';
import { IConstruct } from 'constructs';
import { DeploymentStage } from './deployment-stage';
import { ConstructValidationError } from './private/errors';
import { isUnresolved } from './private/validation';

/**
 * What a deployment stage decides, in one place (DESIGN.md §2, §10): every construct of the
 * library reads its removal policy, deletion protection, auto-delete, log retention and alarm
 * defaults from here, so PROD keeps data and DEV can be torn down.
 *
 * The stage of a construct is resolved once, here (`StagePolicy.resolve`): the construct's own
 * `stage` prop, else the CDK context key `env` (`cdk synth -c env=prod`, as in the patterns
 * document's OrdersStack), else `DeploymentStage.PROD`. No stage given means PROD, so data is kept
 * unless someone says `dev`.
 *
 * Platform teams extending the library use it for their own resources:
 *
 * @example
 * const policy = StagePolicy.of(this);
 * new s3.Bucket(this, 'Reports', { removalPolicy: policy.removalPolicy });
 */
export class StagePolicy {
  /** The CDK context key read when no `stage` prop is given. */
  public static readonly CONTEXT_KEY = 'env';
  /** Log retention in PROD. */
  public static readonly PROD_LOG_RETENTION = logs.RetentionDays.ONE_YEAR;
  /** Log retention in DEV. */
  public static readonly DEV_LOG_RETENTION = logs.RetentionDays.ONE_MONTH;
  /** How long a message waits in a dead-letter queue before SQS drops it (the SQS maximum). */
  public static readonly DEAD_LETTER_RETENTION = Duration.days(14);

  /**
   * The policy for `scope`: the stage given, else the context key `env`, else PROD.
   *
   * @param scope the construct asking; its context is searched upwards
   * @param stage the stage the user passed as a prop, if any
   */
  public static of(scope: IConstruct, stage?: DeploymentStage): StagePolicy {
    return new StagePolicy(StagePolicy.resolve(scope, stage));
  }

  /**
   * The stage for `scope`: `stage` if given, else the context key `env`, else PROD.
   *
   * @param scope the construct asking; its context is searched upwards
   * @param stage the stage the user passed as a prop, if any
   */
  public static resolve(scope: IConstruct, stage?: DeploymentStage): DeploymentStage {
    if (stage !== undefined) {
      return stage;
    }
    const value: unknown = scope.node.tryGetContext(StagePolicy.CONTEXT_KEY);
    if (value === undefined || value === null || isUnresolved(value)) {
      return DeploymentStage.PROD;
    }
    const normalised = String(value).trim().toLowerCase();
    if (normalised === 'prod' || normalised === 'production') {
      return DeploymentStage.PROD;
    }
    if (normalised === 'dev' || normalised === 'development') {
      return DeploymentStage.DEV;
    }
    throw new ConstructValidationError(scope, {
      prop: `context '${StagePolicy.CONTEXT_KEY}'`,
      received: value,
      allowed: "'prod' (or 'production') or 'dev' (or 'development'); leave it unset for prod",
    });
  }

  /** The resolved stage. */
  public readonly stage: DeploymentStage;
  /** Whether the stage is PROD. */
  public readonly isProd: boolean;
  /** The removal policy of stateful resources: RETAIN in PROD, DESTROY in DEV. */
  public readonly removalPolicy: RemovalPolicy;
  /** Whether deletion protection is on: true in PROD. */
  public readonly deletionProtection: boolean;
  /** Whether buckets empty themselves when the stack is deleted: true in DEV only. */
  public readonly autoDeleteObjects: boolean;
  /** The retention of log groups: one year in PROD, one month in DEV. */
  public readonly logRetention: logs.RetentionDays;

  private constructor(stage: DeploymentStage) {
    this.stage = stage;
    this.isProd = stage === DeploymentStage.PROD;
    this.removalPolicy = this.isProd ? RemovalPolicy.RETAIN : RemovalPolicy.DESTROY;
    this.deletionProtection = this.isProd;
    this.autoDeleteObjects = !this.isProd;
    this.logRetention = this.isProd ? StagePolicy.PROD_LOG_RETENTION : StagePolicy.DEV_LOG_RETENTION;
  }

  /**
   * The removal policy to use: the user's, else the stage's.
   *
   * @param userChoice the removal policy the user passed, if any
   */
  public removalPolicyOr(userChoice?: RemovalPolicy): RemovalPolicy {
    return userChoice ?? this.removalPolicy;
  }

  /**
   * Deletion protection for a resource with `removalPolicy`: on in PROD unless the user chose
   * DESTROY on purpose (protection would then make the stack undeletable).
   *
   * @param removalPolicy the resource's removal policy
   */
  public deletionProtectionFor(removalPolicy: RemovalPolicy): boolean {
    return this.isProd && removalPolicy !== RemovalPolicy.DESTROY;
  }

  /**
   * Whether a bucket with `removalPolicy` empties itself on deletion: only in DEV, and only when it
   * is destroyed with the stack.
   *
   * @param removalPolicy the bucket's removal policy
   */
  public autoDeleteObjectsFor(removalPolicy: RemovalPolicy): boolean {
    return this.autoDeleteObjects && removalPolicy === RemovalPolicy.DESTROY;
  }
}
