import * as s3 from 'aws-cdk-lib/aws-s3';
import { DeploymentStage, PresignedUrlIssuer, SecureBucket } from '../../../src';
import { Acknowledgement, ReferenceStackSpec } from '../stack-spec';
import { functionAcknowledgements } from './powertools-function';

const REGULATED_PACKS = ['HIPAA.Security', 'NIST.800.53.R5', 'PCI.DSS.321'];

/** The buckets of this stack: the two SecureBuckets and the log bucket each one creates. */
const BUCKETS = ['Assets', 'Assets/AccessLogs', 'Uploads', 'Uploads/AccessLogs'];

export const REPLICATION_REASON =
  'Cross-region replication needs a destination bucket in a second region, which a single-stack construct cannot create; regulated workloads pass `replicationRules` (an s3.BucketProps option SecureBucket accepts) with their own destination.';
const ASSETS_KMS_REASON =
  'SSE-S3 is the default (S3-2) and encrypts every object at rest; regulated workloads set `encryption: BucketEncryption.KMS` (SSE-KMS with a rotating key and a bucket key), as the `Uploads` bucket of this stack does, which meets the rule.';
export const ACCESS_LOGS_KMS_REASON =
  'S3 server access logging delivers only to buckets whose default encryption is SSE-S3 (SSE-KMS targets are not supported), so the log bucket uses SSE-S3.';

/** Findings of the presigned-URL issuer's function (a PowertoolsFunction) no default can fix. */
const ISSUER = 'UploadUrls/Function';
export const ISSUER_CONCURRENCY_REASON =
  'PresignedUrlIssuer reserves no concurrency unless asked (a reservation takes from the account\'s pool whether the function is busy or not, issue #21); regulated workloads pass `reservedConcurrentExecutions` (or `stageReservedConcurrency: true`).';
export const issuerAcknowledgements: Acknowledgement[] = [
  ...functionAcknowledgements(ISSUER),
  ...['HIPAA.Security', 'NIST.800.53.R5'].map((pack) => ({ path: `${ISSUER}/Resource`, id: `${pack}-LambdaConcurrency`, reason: ISSUER_CONCURRENCY_REASON })),
];

/**
 * SecureBucket with its defaults (`Assets`: SSE-S3), and the regulated variant (`Uploads`: SSE-KMS
 * with a bucket key, CORS for one web app) with the presigned-URL issuer in front of it.
 */
export const secureBucketStack: ReferenceStackSpec = {
  name: 'SecureBucket',
  build: (stack, stage) => {
    new SecureBucket(stack, 'Assets', { stage });
    const uploads = new SecureBucket(stack, 'Uploads', {
      stage,
      encryption: s3.BucketEncryption.KMS,
      corsAllowedOrigins:
        stage === DeploymentStage.DEV ? ['https://app.example.com', 'http://localhost:5173'] : ['https://app.example.com'],
    });
    new PresignedUrlIssuer(stack, 'UploadUrls', { bucket: uploads, stage });
  },
  acknowledgements: [
    ...REGULATED_PACKS.flatMap((pack) => [
      ...BUCKETS.map((path) => ({ path: `${path}/Resource`, id: `${pack}-S3BucketReplicationEnabled`, reason: REPLICATION_REASON })),
      { path: 'Assets/Resource', id: `${pack}-S3DefaultEncryptionKMS`, reason: ASSETS_KMS_REASON },
      ...['Assets/AccessLogs', 'Uploads/AccessLogs'].map((path) => ({
        path: `${path}/Resource`,
        id: `${pack}-S3DefaultEncryptionKMS`,
        reason: ACCESS_LOGS_KMS_REASON,
      })),
    ]),
    ...issuerAcknowledgements,
  ],
};
