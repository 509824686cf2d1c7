import { Duration, RemovalPolicy } from 'aws-cdk-lib';
import * as s3 from 'aws-cdk-lib/aws-s3';
import { Construct } from 'constructs';
import { DeploymentStage, DeploymentStageOptions } from './deployment-stage';
import { ACCESS_LOGS_GLACIER_AFTER, checkAccessLogsExpiration } from './private/access-logs';
import { pendingScope } from './private/validation';
import { StagePolicy } from './stage-policy';

/** Properties of an `AccessLogsBucket`. */
export interface AccessLogsBucketProps extends DeploymentStageOptions {
  /**
   * When log objects expire. Must be later than the Glacier transition (`AccessLogsBucket.GLACIER_AFTER`).
   *
   * @default - logs are kept (Standard-IA after 30 days, Glacier after 90)
   */
  readonly expiration?: Duration;

  /**
   * The removal policy.
   *
   * @default - the stage's: RETAIN in PROD, DESTROY in DEV
   */
  readonly removalPolicy?: RemovalPolicy;

  /**
   * Whether the bucket empties itself when the stack deletes it.
   *
   * @default - true in DEV when the removal policy is DESTROY, else false
   */
  readonly autoDeleteObjects?: boolean;
}

/**
 * A bucket for access logs (S3 server access logs, load balancer access logs): SSE-S3 (the only
 * encryption both log deliveries support), TLS-only (TLS 1.2 or later), every kind of public
 * access blocked, ACLs disabled (bucket owner enforced), versioned, with a lifecycle to cheaper
 * tiers, and removal by stage.
 *
 * The log delivery's permission is added by whoever sends the logs (SecureBucket for S3 server
 * access logs, `ApplicationLoadBalancer.logAccessLogs()` for an ALB).
 *
 * @example
 * new AccessLogsBucket(this, 'AccessLogs', { expiration: Duration.days(365) });
 */
export class AccessLogsBucket extends s3.Bucket {
  /** When log objects move to S3 Standard-IA. */
  public static readonly INFREQUENT_ACCESS_AFTER = Duration.days(30);
  /** When log objects move to S3 Glacier Flexible Retrieval. */
  public static readonly GLACIER_AFTER = ACCESS_LOGS_GLACIER_AFTER;
  /** When noncurrent versions move to Glacier (when no expiration is set). */
  public static readonly NONCURRENT_GLACIER_AFTER = Duration.days(30);
  /** When incomplete multipart uploads are aborted. */
  public static readonly ABORT_INCOMPLETE_MULTIPART_AFTER = Duration.days(7);
  /** The oldest TLS version accepted. */
  public static readonly MIN_TLS_VERSION = 1.2;

  /** The deployment stage the construct was built for: the `stage` prop, else the CDK context key `env`, else PROD. */
  public readonly stage: DeploymentStage;

  constructor(scope: Construct, id: string, props: AccessLogsBucketProps = {}) {
    checkAccessLogsExpiration(pendingScope(scope, id), 'expiration', props.expiration);
    const policy = StagePolicy.of(scope, props.stage);
    const removalPolicy = policy.removalPolicyOr(props.removalPolicy);
    super(scope, id, {
      encryption: s3.BucketEncryption.S3_MANAGED,
      blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
      enforceSSL: true,
      minimumTLSVersion: AccessLogsBucket.MIN_TLS_VERSION,
      objectOwnership: s3.ObjectOwnership.BUCKET_OWNER_ENFORCED,
      versioned: true,
      removalPolicy,
      autoDeleteObjects: props.autoDeleteObjects ?? policy.autoDeleteObjectsFor(removalPolicy),
    });
    this.stage = policy.stage;
    const exp = props.expiration;
    this.addLifecycleRule({
      id: 'AccessLogsTiering',
      abortIncompleteMultipartUploadAfter: AccessLogsBucket.ABORT_INCOMPLETE_MULTIPART_AFTER,
      transitions: [
        { storageClass: s3.StorageClass.INFREQUENT_ACCESS, transitionAfter: AccessLogsBucket.INFREQUENT_ACCESS_AFTER },
        { storageClass: s3.StorageClass.GLACIER, transitionAfter: AccessLogsBucket.GLACIER_AFTER },
      ],
      expiration: exp,
      // log objects are never overwritten: noncurrent versions only come from expiry, so they go a day later
      ...(exp
        ? { noncurrentVersionExpiration: Duration.days(1) }
        : { noncurrentVersionTransitions: [{ storageClass: s3.StorageClass.GLACIER, transitionAfter: AccessLogsBucket.NONCURRENT_GLACIER_AFTER }] }),
    });
  }
}
