import { Duration, RemovalPolicy, Stack, aws_iam as iam, aws_kms as kms, aws_s3 as s3 } from 'aws-cdk-lib';
import { Construct } from 'constructs';

/** What SecureBucket and its access-log bucket share: versioned, TLS 1.2-only, no public access, owner-enforced, tiered. */
function bucketProps(id: string): s3.BucketProps {
  // plain:start
  return {
    enforceSSL: true,
    minimumTLSVersion: 1.2,
    blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
    objectOwnership: s3.ObjectOwnership.BUCKET_OWNER_ENFORCED,
    versioned: true,
    lifecycleRules: [{
      id,
      abortIncompleteMultipartUploadAfter: Duration.days(7),
      transitions: [
        { storageClass: s3.StorageClass.INFREQUENT_ACCESS, transitionAfter: Duration.days(30) },
        { storageClass: s3.StorageClass.GLACIER, transitionAfter: Duration.days(90) },
      ],
      noncurrentVersionTransitions: [{ storageClass: s3.StorageClass.GLACIER, transitionAfter: Duration.days(30) }],
    }],
    removalPolicy: RemovalPolicy.RETAIN,
  };
  // plain:end
}

/** A bucket for access logs (core's AccessLogsBucket): SSE-S3 and the shared settings. */
export function plainAccessLogsBucket(scope: Construct, id: string): s3.Bucket {
  // plain:start
  return new s3.Bucket(scope, id, { ...bucketProps('AccessLogsTiering'), encryption: s3.BucketEncryption.S3_MANAGED });
  // plain:end
}

/** What a plain SecureBucket may be given. */
export interface PlainBucketProps {
  /** SSE-KMS with a bucket key and a rotated key of its own; SSE-S3 if false. */
  readonly kms?: boolean;
  readonly corsAllowedOrigins?: string[];
}

/**
 * SecureBucket's checklist (S3-1…5) in plain aws-cdk-lib: SSE-S3 (or SSE-KMS with a bucket key),
 * CORS only for the given origins, and server access logs into a bucket of its own whose policy
 * admits only this bucket's log delivery.
 */
export function plainSecureBucket(scope: Construct, id: string, props: PlainBucketProps = {}): s3.Bucket {
  // plain:start
  const accessLogs = plainAccessLogsBucket(scope, `${id}AccessLogs`);
  const encryptionKey = props.kms ? new kms.Key(scope, `${id}Key`, { enableKeyRotation: true, removalPolicy: RemovalPolicy.RETAIN }) : undefined;
  const bucket = new s3.Bucket(scope, id, {
    ...bucketProps('SecureBucketDefault'),
    encryption: encryptionKey ? s3.BucketEncryption.KMS : s3.BucketEncryption.S3_MANAGED,
    encryptionKey,
    bucketKeyEnabled: encryptionKey ? true : undefined,
    cors: props.corsAllowedOrigins && [{
      allowedOrigins: props.corsAllowedOrigins,
      allowedMethods: [s3.HttpMethods.GET, s3.HttpMethods.PUT],
      allowedHeaders: ['*'],
      maxAge: 3000,
    }],
  });
  (bucket.node.defaultChild as s3.CfnBucket).loggingConfiguration = { destinationBucketName: accessLogs.bucketName };
  accessLogs.addToResourcePolicy(new iam.PolicyStatement({
    sid: 'AllowServerAccessLogDelivery',
    principals: [new iam.ServicePrincipal('logging.s3.amazonaws.com')],
    actions: ['s3:PutObject'],
    resources: [accessLogs.arnForObjects('*')],
    conditions: { ArnLike: { 'aws:SourceArn': bucket.bucketArn }, StringEquals: { 'aws:SourceAccount': Stack.of(scope).account } },
  }));
  return bucket;
  // plain:end
}
