import { Duration, Token, aws_iam as iam, aws_lambda as lambda, aws_s3 as s3 } from 'aws-cdk-lib';
import { Construct } from 'constructs';
import { DeploymentStage } from '../core/deployment-stage';
import { PatternHandlers } from '../core/handlers';
import { ConstructValidationError } from '../core/private/errors';
import { acknowledgeInherent, wildcardResourceFindingId } from '../core/private/rule-packs';
import { PowertoolsFunction, PowertoolsFunctionOptions, PowertoolsRuntimes } from '../powertools-function';
import { USER_PREFIX_KEY_ACTIONS, USER_PREFIX_OBJECT_ACTIONS, USER_PREFIX_ROOT } from './perms';
import {
  DEFAULT_ALLOWED_CONTENT_TYPES,
  DEFAULT_DOWNLOAD_EXPIRY_SECONDS,
  DEFAULT_UPLOAD_EXPIRY_SECONDS,
  MAX_URL_EXPIRY_SECONDS,
  PRESIGN_ENV,
} from '../contracts/presign';
import { isUnresolved, requireProps } from '../core/private/validation';

/**
 * Properties of a `PresignedUrlIssuer`.
 *
 * Every `PowertoolsFunctionOptions` prop (and so every `lambda.FunctionOptions` prop and `stage`)
 * is passed to the function; its defaults are `PowertoolsFunction`'s, except that no concurrency
 * is reserved unless you ask for it:
 *
 * - `runtime`: `PowertoolsRuntimes.newestNodejs()` (a Node.js runtime the Powertools layer
 *   supports; the shipped handler is JavaScript, so a Python runtime is an error)
 * - `architecture`: `lambda.Architecture.ARM_64`
 * - `memorySize`: `PowertoolsFunction.DEFAULT_MEMORY_SIZE` (512 MiB)
 * - `timeout`: `PowertoolsFunction.DEFAULT_TIMEOUT` (10 seconds)
 * - `reservedConcurrentExecutions`: none (`stageReservedConcurrency` defaults to false here)
 */
export interface PresignedUrlIssuerProps extends PowertoolsFunctionOptions {
  /** The bucket the URLs are for; usually a `SecureBucket`. */
  readonly bucket: s3.IBucket;

  /**
   * The service name of the function (Powertools logs and metrics).
   *
   * @default 'presigned-urls'
   */
  readonly serviceName?: string;

  /**
   * Content types an upload may declare (`type/subtype`, no wildcards). The type is signed into
   * the URL: S3 refuses the PUT if the browser sends another.
   *
   * @default ['image/jpeg', 'image/png', 'image/webp', 'application/pdf', 'application/zip']
   */
  readonly allowedContentTypes?: string[];

  /**
   * Default and longest lifetime of a download (GET) URL: the patterns document's 1 hour.
   * At most 12 hours (URLs signed with the function's temporary credentials stop working when
   * those expire).
   *
   * @default Duration.hours(1)
   */
  readonly downloadUrlExpiry?: Duration;

  /**
   * Default and longest lifetime of an upload (PUT) URL and of each multipart part URL: the
   * patterns document's 5 minutes. At most 12 hours.
   *
   * @default Duration.minutes(5)
   */
  readonly uploadUrlExpiry?: Duration;
}

const CONTENT_TYPE = /^[a-z0-9][a-z0-9!#$&^_.+-]{0,126}\/[a-z0-9][a-z0-9!#$&^_.+-]{0,126}$/;
const MAX_EXPIRY = Duration.seconds(MAX_URL_EXPIRY_SECONDS);

/**
 * Deploys the shipped presigned-URL handler (S3-6) for a bucket, with least privilege.
 *
 * The function issues presigned GET and PUT URLs and runs the multipart flow (create, a URL per
 * part, complete, abort), always under the caller's own prefix `uploads/<caller id>/`. It learns the
 * caller from the authorizer of the API Gateway HTTP API route (or function URL) in front of it:
 * `requestContext.authorizer.iam.userId` (IAM authorization: the caller's `aws:userid`) or
 * `requestContext.authorizer.jwt.claims.sub` (a JWT authorizer, e.g. Cognito). A user id in the body
 * is ignored. Requests without an authorizer identity get a 401.
 *
 * The function's role may only `s3:GetObject`, `s3:PutObject` and `s3:AbortMultipartUpload` on
 * `uploads/*` of the bucket (plus `kms:Decrypt` and `kms:GenerateDataKey` on its key, if any): a
 * presigned URL carries the signer's permissions, so the role needs every user's prefix, and the
 * handler confines each caller to their own.
 *
 * @example
 * const bucket = new patterns.SecureBucket(this, 'Uploads', {
 *   corsAllowedOrigins: ['https://app.example.com'],
 * });
 * const issuer = new patterns.PresignedUrlIssuer(this, 'UploadUrls', {
 *   bucket,
 *   allowedContentTypes: ['image/jpeg', 'image/png'],
 * });
 * // route POST /upload-urls of an HTTP API with a JWT authorizer to issuer.function
 */
export class PresignedUrlIssuer extends Construct {
  /** The default service name of the function. */
  public static readonly DEFAULT_SERVICE_NAME = 'presigned-urls';
  /** The content types an upload may declare when `allowedContentTypes` is not given (the handler's default). */
  public static readonly DEFAULT_ALLOWED_CONTENT_TYPES: string[] = [...DEFAULT_ALLOWED_CONTENT_TYPES];

  /** The deployment stage the construct was built for: the `stage` prop, else the CDK context key `env`, else PROD. */
  public readonly stage: DeploymentStage;

  /** The function that issues the URLs; integrate it with your HTTP API route. */
  public readonly function: PowertoolsFunction;

  /** The bucket the URLs are for. */
  public readonly bucket: s3.IBucket;

  /**
   * The policy of the function's role that holds the object permissions under the user prefix root
   * (`uploads/*`), apart from the role's default policy so that the wildcard the construct needs is
   * acknowledged there alone and yours (grants to `function`) stay reported.
   */
  public readonly objectPolicy: iam.ManagedPolicy;

  constructor(scope: Construct, id: string, props: PresignedUrlIssuerProps) {
    super(scope, id);
    const { bucket, serviceName, allowedContentTypes, downloadUrlExpiry, uploadUrlExpiry, ...functionOptions } =
      requireProps(this, props, { bucket: 'an s3.IBucket, e.g. a SecureBucket' });
    this.bucket = bucket;
    if (props.runtime && props.runtime.family !== lambda.RuntimeFamily.NODEJS) {
      throw new ConstructValidationError(this, {
        prop: 'runtime',
        received: props.runtime.name,
        allowed: `a Node.js runtime (${PowertoolsRuntimes.nodejsRuntimeNames().join(', ')}): the shipped handler is JavaScript`,
      });
    }

    const types = allowedContentTypes?.map((t, i) => this.checkContentType(t, i));
    if (types && types.length === 0) {
      throw new ConstructValidationError(this, {
        prop: 'allowedContentTypes',
        received: [],
        allowed: "at least one content type, e.g. ['image/jpeg']",
      });
    }
    const download = this.checkExpiry('downloadUrlExpiry', downloadUrlExpiry ?? Duration.seconds(DEFAULT_DOWNLOAD_EXPIRY_SECONDS));
    const upload = this.checkExpiry('uploadUrlExpiry', uploadUrlExpiry ?? Duration.seconds(DEFAULT_UPLOAD_EXPIRY_SECONDS));

    this.function = new PowertoolsFunction(this, 'Function', {
      ...functionOptions,
      // no reservation the user did not ask for (issue #21): the pool is the account's
      stageReservedConcurrency: functionOptions.stageReservedConcurrency ?? false,
      serviceName: serviceName ?? PresignedUrlIssuer.DEFAULT_SERVICE_NAME,
      code: PatternHandlers.presign(),
      handler: 'index.handler',
      environment: {
        ...functionOptions.environment,
        BUCKET_NAME: bucket.bucketName,
        [PRESIGN_ENV.downloadExpirySeconds]: download,
        [PRESIGN_ENV.uploadExpirySeconds]: upload,
        ...(types ? { [PRESIGN_ENV.allowedContentTypes]: types.join(',') } : {}),
      },
    });
    this.stage = this.function.stage;
    // escape hatches, Aspects and tools that read `node.defaultChild` find the function's AWS::Lambda::Function
    this.node.defaultChild = this.function.node.defaultChild;

    const userPrefixes = bucket.arnForObjects(`${USER_PREFIX_ROOT}*`);
    this.objectPolicy = new iam.ManagedPolicy(this, 'ObjectPolicy', {
      description: `Presigned URLs of ${this.node.path} under ${USER_PREFIX_ROOT}`,
      statements: [new iam.PolicyStatement({ actions: USER_PREFIX_OBJECT_ACTIONS, resources: [userPrefixes] })],
    });
    if (this.function.role) {
      this.objectPolicy.attachToRole(this.function.role);
    }
    this.function.node.defaultChild?.node.addDependency(this.objectPolicy);
    const findingId = wildcardResourceFindingId(this.objectPolicy, userPrefixes);
    if (findingId) {
      acknowledgeInherent(this.objectPolicy, {
        id: findingId,
        reason: `A presigned URL carries its signer's permissions and the signer serves every user, so its role needs every user's prefix under ${USER_PREFIX_ROOT}; the handler confines each caller to ${USER_PREFIX_ROOT}<their id>/. This policy holds only that statement.`,
      });
    }
    bucket.encryptionKey?.grant(this.function, ...USER_PREFIX_KEY_ACTIONS);
  }

  private checkContentType(type: string, i: number): string {
    if (isUnresolved(type)) {
      return type;
    }
    const normalised = type.trim().toLowerCase();
    if (!CONTENT_TYPE.test(normalised)) {
      throw new ConstructValidationError(this, {
        prop: `allowedContentTypes[${i}]`,
        received: type,
        allowed: "a media type 'type/subtype' such as 'image/jpeg' (no wildcards, no parameters)",
      });
    }
    return normalised;
  }

  private checkExpiry(prop: string, expiry: Duration): string {
    if (isUnresolved(expiry)) {
      return Token.asString(expiry.toSeconds());
    }
    const seconds = expiry.toSeconds({ integral: false });
    if (!Number.isInteger(seconds) || seconds < 1 || seconds > MAX_EXPIRY.toSeconds()) {
      throw new ConstructValidationError(this, {
        prop,
        received: expiry,
        allowed: 'whole seconds from 1 second to 12 hours',
      });
    }
    return String(seconds);
  }
}
