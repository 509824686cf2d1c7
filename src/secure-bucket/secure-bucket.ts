import { Duration, RemovalPolicy, Stack, aws_iam as iam, aws_kms as kms, aws_s3 as s3 } from 'aws-cdk-lib';
import { Construct, IConstruct } from 'constructs';
import { USER_PREFIX_KEY_ACTIONS, USER_PREFIX_OBJECT_ACTIONS, USER_PREFIX_ROOT } from './perms';
import { DeploymentStage, DeploymentStageOptions } from '../core/deployment-stage';
import { MIN_INFREQUENT_ACCESS_DAYS, validateCorsRule, validateLifecycleRule } from './private/rules';
import { AccessLogsBucket } from '../core/access-logs-bucket';
import { checkAccessLogsExpiration } from '../core/private/access-logs';
import { ConstructValidationError, addWarning } from '../core/private/errors';
import { isUnresolved, pendingScope } from '../core/private/validation';
import { StagePolicy } from '../core/stage-policy';

/**
 * Which storage classes the default lifecycle rule moves current objects through (COST-3).
 */
export enum StorageTiering {
  /**
   * The patterns document's lifecycle: Standard-IA after `infrequentAccessAfter` (30 days), then
   * Glacier Flexible Retrieval after `glacierAfter` (90 days). For data whose access fades with age.
   */
  INFREQUENT_ACCESS_THEN_GLACIER = 'INFREQUENT_ACCESS_THEN_GLACIER',
  /**
   * S3 Intelligent-Tiering from the first day: S3 moves each object between access tiers by its own
   * access pattern. For unknown or changing access patterns (the document's cost table).
   */
  INTELLIGENT_TIERING = 'INTELLIGENT_TIERING',
}

/**
 * Properties of a SecureBucket: every `s3.BucketProps` (with secure defaults) plus the stage and the
 * shorthand props of the default lifecycle rule and CORS rule. Every prop is optional.
 */
export interface SecureBucketProps extends s3.BucketProps, DeploymentStageOptions {
  /**
   * The storage classes the default lifecycle rule moves current objects through (COST-3).
   *
   * @default StorageTiering.INFREQUENT_ACCESS_THEN_GLACIER
   */
  readonly storageTiering?: StorageTiering;

  /**
   * Age at which current objects move to Standard-IA (with `INFREQUENT_ACCESS_THEN_GLACIER`).
   * S3 requires at least 30 days.
   *
   * @default Duration.days(30)
   */
  readonly infrequentAccessAfter?: Duration;

  /**
   * Age at which current objects move to Glacier Flexible Retrieval (with
   * `INFREQUENT_ACCESS_THEN_GLACIER`). Must be at least 30 days after `infrequentAccessAfter`
   * (S3 refuses a shorter stay in Standard-IA).
   *
   * @default Duration.days(90)
   */
  readonly glacierAfter?: Duration;

  /**
   * Age at which current objects expire. Deleting data is opt-in: the document's
   * `Duration.days(365)` applies only when you set it. Must be later than the last transition.
   * On a versioned bucket an expired object becomes a noncurrent version (see
   * `noncurrentVersionExpiration`).
   *
   * @default - current objects never expire
   */
  readonly expiration?: Duration;

  /**
   * Time after becoming noncurrent at which old versions move to Glacier Flexible Retrieval.
   *
   * @default Duration.days(30)
   */
  readonly noncurrentVersionTransitionAfter?: Duration;

  /**
   * Time after becoming noncurrent at which old versions are deleted. Deleting data is opt-in.
   * Must be later than `noncurrentVersionTransitionAfter`.
   *
   * @default - noncurrent versions are kept
   */
  readonly noncurrentVersionExpiration?: Duration;

  /**
   * Time after which incomplete multipart uploads are aborted and their parts deleted.
   *
   * @default Duration.days(7)
   */
  readonly abortIncompleteMultipartUploadAfter?: Duration;

  /**
   * Browser origins allowed to upload and download with presigned URLs (S3-5). Builds one CORS rule:
   * methods GET, PUT and HEAD, request header `Content-Type`, exposed header `ETag` (needed to
   * complete a multipart upload). Each origin must be an explicit `https://host[:port]`;
   * `http://localhost[:port]` is accepted only in the DEV stage; `*` is refused.
   * Rules given in `cors` are checked the same way and added after this one.
   *
   * @default - no CORS rule
   */
  readonly corsAllowedOrigins?: string[];

  /**
   * Age at which the access-log objects the construct's log bucket holds expire.
   * Must be later than 90 days (their Glacier transition). Has no effect (a warning says so) when
   * you pass `serverAccessLogsBucket`.
   *
   * @default - access logs are kept
   */
  readonly accessLogsExpiration?: Duration;
}

const DEFAULT_IA_AFTER = Duration.days(MIN_INFREQUENT_ACCESS_DAYS);
const DEFAULT_GLACIER_AFTER = Duration.days(90);
const DEFAULT_NONCURRENT_TRANSITION = Duration.days(30);
const DEFAULT_ABORT_MULTIPART = Duration.days(7);
const MIN_TLS_VERSION = AccessLogsBucket.MIN_TLS_VERSION;

/** The settings of the construct that are decided before `super()`. */
interface Resolved {
  readonly stage: DeploymentStage;
  readonly bucketProps: s3.BucketProps;
}

/**
 * An S3 bucket whose defaults are the S3 checklist of the AWS cloud patterns document.
 *
 * - S3-1: versioning on.
 * - S3-2: SSE-S3 by default; SSE-KMS (`encryption: BucketEncryption.KMS`, with a rotating key unless
 *   you pass `encryptionKey`) always gets an S3 bucket key.
 * - S3-3: all four Block Public Access flags, a TLS-only bucket policy with TLS 1.2 as the minimum,
 *   ACLs disabled (bucket owner enforced), server access logs to a log bucket the construct creates
 *   (`AccessLogs`: SSE-S3, TLS-only, private, versioned, with a lifecycle) unless you pass one.
 * - S3-4 / COST-3: Standard-IA at 30 days and Glacier at 90 (or Intelligent-Tiering), noncurrent
 *   versions to Glacier after 30 days, incomplete multipart uploads aborted after 7 days. Nothing is
 *   deleted unless you ask (`expiration`, `noncurrentVersionExpiration`).
 * - S3-5: no CORS unless asked; only explicit https origins and the methods uploads and downloads need.
 * - CDK-2: RETAIN in PROD; in DEV the bucket and its log bucket are destroyed with their objects.
 * - IAM-2: `grantReadWriteOwnPrefix` limits a principal to `uploads/${aws:userid}/*`.
 *
 * Misuse (a wildcard CORS origin, an Infrequent Access transition before 30 days, KMS options without
 * KMS encryption, ...) throws at synth time with the construct path, the prop and the value.
 *
 * @example
 * const assets = new patterns.SecureBucket(this, 'Assets');
 *
 * const uploads = new patterns.SecureBucket(this, 'Uploads', {
 *   encryption: s3.BucketEncryption.KMS,
 *   storageTiering: patterns.StorageTiering.INTELLIGENT_TIERING,
 *   corsAllowedOrigins: ['https://app.example.com'],
 * });
 */
export class SecureBucket extends s3.Bucket {
  /** The root of the per-user prefixes: user `u` owns `uploads/<u>/` (the document's layout). */
  public static readonly USER_PREFIX_ROOT = USER_PREFIX_ROOT;

  /**
   * Builds the props handed to `s3.Bucket`: validates what the user passed and fills in the
   * secure defaults. Runs before `super()`, so errors name the path the bucket is about to have.
   */
  private static resolve(scope: Construct, id: string, props: SecureBucketProps): Resolved {
    const self = pendingScope(scope, id);
    const policy = StagePolicy.of(scope, props.stage);
    const stage = policy.stage;
    const dev = !policy.isProd;

    // S3-2: encryption
    const encryption = props.encryption ?? (props.encryptionKey ? s3.BucketEncryption.KMS : s3.BucketEncryption.S3_MANAGED);
    if (encryption === s3.BucketEncryption.UNENCRYPTED) {
      throw new ConstructValidationError(self, {
        prop: 'encryption',
        received: encryption,
        allowed: 'S3_MANAGED (the default), KMS, KMS_MANAGED, DSSE or DSSE_MANAGED',
      });
    }
    const customerKey = encryption === s3.BucketEncryption.KMS || encryption === s3.BucketEncryption.DSSE;
    if (props.encryptionKey && !customerKey) {
      throw new ConstructValidationError(self, {
        prop: 'encryptionKey',
        received: `a key, with encryption ${encryption}`,
        allowed: 'only with encryption KMS or DSSE',
        hint: 'Set `encryption: BucketEncryption.KMS` to use your key',
      });
    }
    const kmsEncryption = encryption === s3.BucketEncryption.KMS || encryption === s3.BucketEncryption.KMS_MANAGED;
    if (props.bucketKeyEnabled !== undefined && !kmsEncryption) {
      throw new ConstructValidationError(self, {
        prop: 'bucketKeyEnabled',
        received: `${props.bucketKeyEnabled}, with encryption ${encryption}`,
        allowed: 'only with encryption KMS or KMS_MANAGED (S3 bucket keys reduce SSE-KMS requests)',
        hint: 'Set `encryption: BucketEncryption.KMS`, or drop `bucketKeyEnabled`',
      });
    }

    // S3-3: public access, TLS
    const bpa = props.blockPublicAccess;
    if (bpa && !(bpa.blockPublicAcls && bpa.blockPublicPolicy && bpa.ignorePublicAcls && bpa.restrictPublicBuckets)) {
      throw new ConstructValidationError(self, {
        prop: 'blockPublicAccess',
        received: {
          blockPublicAcls: bpa.blockPublicAcls ?? false,
          blockPublicPolicy: bpa.blockPublicPolicy ?? false,
          ignorePublicAcls: bpa.ignorePublicAcls ?? false,
          restrictPublicBuckets: bpa.restrictPublicBuckets ?? false,
        },
        allowed: 'BlockPublicAccess.BLOCK_ALL (all four flags true)',
        hint: 'Serve public content through CloudFront with origin access control instead',
      });
    }
    if (props.publicReadAccess) {
      throw new ConstructValidationError(self, {
        prop: 'publicReadAccess',
        received: true,
        allowed: 'false: a SecureBucket is never public',
      });
    }
    const enforceSSL = props.enforceSSL ?? true;
    if (!enforceSSL && props.minimumTLSVersion !== undefined) {
      throw new ConstructValidationError(self, {
        prop: 'minimumTLSVersion',
        received: props.minimumTLSVersion,
        allowed: 'only with enforceSSL: true',
      });
    }
    const minimumTLSVersion = enforceSSL ? props.minimumTLSVersion ?? MIN_TLS_VERSION : undefined;
    if (minimumTLSVersion !== undefined && !isUnresolved(minimumTLSVersion) && minimumTLSVersion < MIN_TLS_VERSION) {
      throw new ConstructValidationError(self, {
        prop: 'minimumTLSVersion',
        received: minimumTLSVersion,
        allowed: `${MIN_TLS_VERSION} or higher`,
      });
    }

    // S3-4 / COST-3: lifecycle
    const lifecycleRules = SecureBucket.lifecycle(self, props);
    checkAccessLogsExpiration(self, 'accessLogsExpiration', props.serverAccessLogsBucket ? undefined : props.accessLogsExpiration);

    // S3-5: CORS
    const cors: s3.CorsRule[] = [];
    if (props.corsAllowedOrigins && props.corsAllowedOrigins.length === 0) {
      throw new ConstructValidationError(self, {
        prop: 'corsAllowedOrigins',
        received: [],
        allowed: "at least one explicit https:// origin such as 'https://app.example.com'",
        hint: 'Leave `corsAllowedOrigins` out for no CORS rule (S3 refuses a rule without origins)',
      });
    }
    if (props.corsAllowedOrigins) {
      cors.push({
        id: 'PresignedUploadsAndDownloads',
        allowedOrigins: props.corsAllowedOrigins,
        allowedMethods: [s3.HttpMethods.GET, s3.HttpMethods.PUT, s3.HttpMethods.HEAD],
        allowedHeaders: ['Content-Type'],
        exposedHeaders: ['ETag'],
        maxAge: 3600,
      });
    }
    cors.push(...(props.cors ?? []));
    cors.forEach((rule, i) => {
      if (props.corsAllowedOrigins && i === 0) {
        // the construct's own rule is the user's corsAllowedOrigins list: name that list, not the rule
        validateCorsRule(self, 'corsAllowedOrigins', rule, dev, 'corsAllowedOrigins');
      } else {
        validateCorsRule(self, props.corsAllowedOrigins ? `cors[${i - 1}]` : `cors[${i}]`, rule, dev);
      }
    });

    // CDK-2: stage-driven removal
    const removalPolicy = policy.removalPolicyOr(props.removalPolicy);
    const autoDeleteObjects = props.autoDeleteObjects ?? policy.autoDeleteObjectsFor(removalPolicy);
    if (props.autoDeleteObjects === true && removalPolicy !== RemovalPolicy.DESTROY) {
      throw new ConstructValidationError(self, {
        prop: 'autoDeleteObjects',
        received: true,
        allowed: `only with removalPolicy DESTROY (the removal policy is ${removalPolicy}${props.removalPolicy ? '' : `, the ${stage} stage's default`})`,
        hint: 'Set `removalPolicy: RemovalPolicy.DESTROY` too, or leave `autoDeleteObjects` out',
      });
    }
    if (props.bucketName !== undefined && !isUnresolved(props.bucketName)) {
      try {
        s3.Bucket.validateBucketName(props.bucketName);
      } catch (e) {
        throw new ConstructValidationError(self, {
          prop: 'bucketName',
          received: props.bucketName,
          allowed: 'a valid S3 bucket name: 3 to 63 characters of a-z, 0-9, dots and hyphens, starting and ending with a letter or digit, not an IP address',
          hint: (e as Error).message.split('\n')[0],
        });
      }
    }

    return {
      stage,
      bucketProps: {
        ...props,
        versioned: props.versioned ?? true,
        encryption,
        bucketKeyEnabled: kmsEncryption ? props.bucketKeyEnabled ?? true : undefined,
        blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
        enforceSSL,
        minimumTLSVersion,
        objectOwnership: props.objectOwnership ?? s3.ObjectOwnership.BUCKET_OWNER_ENFORCED,
        lifecycleRules,
        cors: cors.length > 0 ? cors : undefined,
        removalPolicy,
        autoDeleteObjects,
        // access logging is configured after super(): without a target bucket the L2 would log into
        // the bucket itself, and with one it may switch the target to ACLs (feature flag dependent)
        serverAccessLogsBucket: undefined,
        serverAccessLogsPrefix: undefined,
        targetObjectKeyFormat: undefined,
      },
    };
  }

  /** The user's lifecycle rules (validated), or the default rule built from the shorthand props. */
  private static lifecycle(self: IConstruct, props: SecureBucketProps): s3.LifecycleRule[] {
    const shorthand: (keyof SecureBucketProps)[] = [
      'storageTiering',
      'infrequentAccessAfter',
      'glacierAfter',
      'expiration',
      'noncurrentVersionTransitionAfter',
      'noncurrentVersionExpiration',
      'abortIncompleteMultipartUploadAfter',
    ];
    if (props.lifecycleRules) {
      const given = shorthand.filter((p) => props[p] !== undefined);
      if (given.length > 0) {
        throw new ConstructValidationError(self, {
          prop: given[0],
          received: props[given[0]],
          allowed: 'not together with `lifecycleRules`: the shorthand props shape the default rule, which your rules replace',
          hint: 'Put the setting into your own lifecycle rule',
        });
      }
      props.lifecycleRules.forEach((rule, i) => validateLifecycleRule(self, rule, (field) => `lifecycleRules[${i}].${field}`));
      return props.lifecycleRules;
    }

    const tiering = props.storageTiering ?? StorageTiering.INFREQUENT_ACCESS_THEN_GLACIER;
    let transitions: s3.Transition[];
    if (tiering === StorageTiering.INTELLIGENT_TIERING) {
      for (const p of ['infrequentAccessAfter', 'glacierAfter'] as const) {
        if (props[p] !== undefined) {
          throw new ConstructValidationError(self, {
            prop: p,
            received: props[p],
            allowed: 'only with storageTiering INFREQUENT_ACCESS_THEN_GLACIER (Intelligent-Tiering moves objects itself)',
          });
        }
      }
      transitions = [{ storageClass: s3.StorageClass.INTELLIGENT_TIERING, transitionAfter: Duration.days(0) }];
    } else {
      transitions = [
        { storageClass: s3.StorageClass.INFREQUENT_ACCESS, transitionAfter: props.infrequentAccessAfter ?? DEFAULT_IA_AFTER },
        { storageClass: s3.StorageClass.GLACIER, transitionAfter: props.glacierAfter ?? DEFAULT_GLACIER_AFTER },
      ];
    }
    const rule: s3.LifecycleRule = {
      id: 'SecureBucketDefault',
      abortIncompleteMultipartUploadAfter: props.abortIncompleteMultipartUploadAfter ?? DEFAULT_ABORT_MULTIPART,
      transitions,
      expiration: props.expiration,
      noncurrentVersionTransitions: [
        {
          storageClass: s3.StorageClass.GLACIER,
          transitionAfter: props.noncurrentVersionTransitionAfter ?? DEFAULT_NONCURRENT_TRANSITION,
        },
      ],
      noncurrentVersionExpiration: props.noncurrentVersionExpiration,
    };
    SecureBucket.validateShorthand(self, props, rule);
    return [rule];
  }

  /** Same checks as for user rules, but errors name the shorthand prop the user set. */
  private static validateShorthand(self: IConstruct, props: SecureBucketProps, rule: s3.LifecycleRule): void {
    const names: Record<string, string> = {
      'transitions[0].transitionAfter': 'infrequentAccessAfter',
      'transitions[1].transitionAfter': 'glacierAfter',
      'noncurrentVersionTransitions[0].transitionAfter': 'noncurrentVersionTransitionAfter',
    };
    validateLifecycleRule(self, rule, (field) => names[field] ?? field);
    const abort = props.abortIncompleteMultipartUploadAfter;
    if (abort && !isUnresolved(abort) && abort.toDays({ integral: false }) < 1) {
      throw new ConstructValidationError(self, {
        prop: 'abortIncompleteMultipartUploadAfter',
        received: abort,
        allowed: 'at least 1 day (S3 counts whole days)',
      });
    }
  }

  /** The deployment stage the construct was built for: the `stage` prop, else the CDK context key `env`, else PROD. */
  public readonly stage: DeploymentStage;

  /**
   * Where the server access logs go: the log bucket the construct created (`AccessLogs`), or the
   * `serverAccessLogsBucket` you passed.
   */
  public readonly accessLogsBucket: s3.IBucket;

  /** Set once the constructor has run: rules added later are validated by the overrides below. */
  private readonly validateAdditions: boolean;

  constructor(scope: Construct, id: string, props: SecureBucketProps = {}) {
    const resolved = SecureBucket.resolve(scope, id, props);
    super(scope, id, resolved.bucketProps);
    this.stage = resolved.stage;
    const { removalPolicy, autoDeleteObjects } = resolved.bucketProps;

    // a key the L2 created for us: rotated, and destroyed with a dev stack
    if (!props.encryptionKey && this.encryptionKey instanceof kms.Key) {
      (this.encryptionKey.node.defaultChild as kms.CfnKey).enableKeyRotation = true;
      this.encryptionKey.applyRemovalPolicy(removalPolicy!);
    }

    this.accessLogsBucket = props.serverAccessLogsBucket ?? this.createAccessLogsBucket(props, removalPolicy!, autoDeleteObjects!);
    this.logTo(this.accessLogsBucket, props);
    if (props.serverAccessLogsBucket && props.accessLogsExpiration !== undefined) {
      addWarning(
        this,
        'SecureBucket.accessLogsExpirationIgnored',
        `${this.node.path}: accessLogsExpiration has no effect with serverAccessLogsBucket; set the expiration in the lifecycle rules of the log bucket you pass`,
      );
    }

    if (props.versioned === false) {
      addWarning(this, 'SecureBucket.unversioned', `${this.node.path}: versioning is off (S3-1); overwritten or deleted objects cannot be recovered`);
    }
    if (props.enforceSSL === false) {
      addWarning(this, 'SecureBucket.sslNotEnforced', `${this.node.path}: enforceSSL is false (S3-3); requests over plain HTTP are not denied`);
    }
    if (props.objectOwnership !== undefined && props.objectOwnership !== s3.ObjectOwnership.BUCKET_OWNER_ENFORCED) {
      addWarning(this, 'SecureBucket.aclsEnabled', `${this.node.path}: objectOwnership is ${props.objectOwnership} (S3-3); ACLs are enabled, so access is no longer decided by policies alone`);
    }
    this.validateAdditions = true;
  }

  /**
   * Adds a lifecycle rule, after checking it like the construct's own: an Infrequent Access
   * transition of at least 30 days, Glacier after Infrequent Access, expiration after the last transition.
   */
  public addLifecycleRule(rule: s3.LifecycleRule): void {
    if (this.validateAdditions) {
      validateLifecycleRule(this, rule, (field) => `addLifecycleRule(rule).${field}`);
    }
    super.addLifecycleRule(rule);
  }

  /**
   * Adds a CORS rule, after checking it like `corsAllowedOrigins`: explicit https origins only
   * (`http://localhost` in DEV), no `*`, methods GET, PUT, POST and HEAD.
   */
  public addCorsRule(rule: s3.CorsRule): void {
    if (this.validateAdditions) {
      validateCorsRule(this, 'addCorsRule(rule)', rule, this.stage === DeploymentStage.DEV);
    }
    super.addCorsRule(rule);
  }

  /**
   * Grants `grantee` read and write access to its own prefix only: `uploads/${aws:userid}/*` (IAM-2,
   * the document's per-user grant). `aws:userid` is the caller's unique id (`AIDA…` for an IAM
   * user, `AROA…:<session name>` for an assumed role, so give each end user their own session name).
   * Allows s3:GetObject, s3:PutObject (which covers multipart create, part upload and complete) and
   * s3:AbortMultipartUpload, plus kms:Decrypt and kms:GenerateDataKey on the bucket's key when it has one.
   */
  public grantReadWriteOwnPrefix(grantee: iam.IGrantable): iam.Grant {
    const grant = iam.Grant.addToPrincipalOrResource({
      grantee,
      actions: USER_PREFIX_OBJECT_ACTIONS,
      resourceArns: [this.arnForObjects(`${USER_PREFIX_ROOT}\${aws:userid}/*`)],
      resource: this,
    });
    if (this.encryptionKey) {
      return grant.combine(this.encryptionKey.grant(grantee, ...USER_PREFIX_KEY_ACTIONS));
    }
    return grant;
  }

  private createAccessLogsBucket(props: SecureBucketProps, removalPolicy: RemovalPolicy, autoDeleteObjects: boolean): s3.Bucket {
    return new AccessLogsBucket(this, 'AccessLogs', {
      stage: this.stage,
      removalPolicy,
      autoDeleteObjects,
      expiration: props.accessLogsExpiration,
    });
  }

  /** Sends server access logs to `target`, and lets S3's log delivery write there for this bucket only. */
  private logTo(target: s3.IBucket, props: SecureBucketProps): void {
    if (target.encryptionKey) {
      throw new ConstructValidationError(this, {
        prop: 'serverAccessLogsBucket',
        received: `a bucket encrypted with KMS key ${target.encryptionKey.node.path}`,
        allowed: 'a bucket with SSE-S3 default encryption (S3 server access logging supports no other)',
      });
    }
    const prefix = props.serverAccessLogsPrefix;
    (this.node.defaultChild as s3.CfnBucket).loggingConfiguration = {
      destinationBucketName: target.bucketName,
      logFilePrefix: prefix,
      targetObjectKeyFormat: props.targetObjectKeyFormat?._render(),
    };
    const added = target.addToResourcePolicy(
      new iam.PolicyStatement({
        sid: 'AllowServerAccessLogDelivery',
        effect: iam.Effect.ALLOW,
        principals: [new iam.ServicePrincipal('logging.s3.amazonaws.com')],
        actions: ['s3:PutObject'],
        resources: [target.arnForObjects(prefix && !isUnresolved(prefix) ? `${prefix}*` : '*')],
        conditions: {
          ArnLike: { 'aws:SourceArn': this.bucketArn },
          StringEquals: { 'aws:SourceAccount': Stack.of(this).account },
        },
      }),
    );
    if (!added.statementAdded) {
      addWarning(
        this,
        'SecureBucket.logDeliveryPolicyNotAdded',
        `${this.node.path}: the server access logs bucket is imported, so its policy was not changed; allow logging.s3.amazonaws.com to s3:PutObject there for this bucket`,
      );
    }
  }
}
