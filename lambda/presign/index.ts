/**
 * Issues presigned S3 URLs under the caller's own prefix `uploads/<caller id>/` (S3-6).
 *
 * Behind an API Gateway HTTP API route (IAM or JWT authorizer) or a function URL with IAM auth,
 * payload format 2.0. The body is JSON with an `action`:
 *
 * | action              | body                                         | answer                                  |
 * |---------------------|----------------------------------------------|-----------------------------------------|
 * | `download`          | `key`, `expiresIn?` (≤ 1 h)                  | `{ key, url, method: 'GET', expiresIn }` |
 * | `upload`            | `key`, `contentType`, `expiresIn?` (≤ 5 min) | `{ key, url, method: 'PUT', headers, expiresIn }` |
 * | `createMultipart`   | `key`, `contentType`                         | `{ key, uploadId }`                      |
 * | `partUrls`          | `key`, `uploadId`, `partNumbers`, `expiresIn?` | `{ key, uploadId, parts: [{ partNumber, url }], expiresIn }` |
 * | `completeMultipart` | `key`, `uploadId`, `parts: [{ partNumber, etag }]` | `{ key }`                          |
 * | `abortMultipart`    | `key`, `uploadId`                            | `{ key }`                               |
 *
 * Refusals are 4xx with `{ message }` (see validation.ts). The S3 client is created once per
 * execution environment (LAM-1); the bucket comes from BUCKET_NAME.
 */
import { MetricUnit } from '@aws-lambda-powertools/metrics';
import {
  AbortMultipartUploadCommand,
  CompleteMultipartUploadCommand,
  CreateMultipartUploadCommand,
  GetObjectCommand,
  PutObjectCommand,
  S3Client,
  S3ServiceException,
  UploadPartCommand,
} from '@aws-sdk/client-s3';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
import {
  CallerContext,
  RequestError,
  callerId,
  checkCompletedParts,
  checkContentType,
  checkExpiry,
  checkPartNumbers,
  checkUploadId,
  limitsFromEnv,
  parseBody,
  resolveKey,
} from './validation';
import { logger, metrics, tracer } from '../shared/powertools';

/** One client per execution environment. Checksums only when an operation requires them, so a
 * presigned PUT does not demand a checksum header the browser cannot compute in advance. */
export const s3 = tracer.captureAWSv3Client(
  new S3Client({ requestChecksumCalculation: 'WHEN_REQUIRED', responseChecksumValidation: 'WHEN_REQUIRED' }),
);
const BUCKET = process.env.BUCKET_NAME ?? '';
const LIMITS = limitsFromEnv(process.env);

/** The API Gateway v2 / function URL event fields the handler reads. */
export interface PresignEvent extends CallerContext {
  readonly body?: string | null;
  readonly isBase64Encoded?: boolean;
}

/** An API Gateway v2 / function URL result. */
export interface PresignResult {
  readonly statusCode: number;
  readonly headers: Record<string, string>;
  readonly body: string;
}

type Action = (userId: string, body: Record<string, unknown>) => Promise<Record<string, unknown>>;

const actions: Record<string, Action> = {
  download: async (userId, body) => {
    const key = resolveKey(userId, body.key);
    const expiresIn = checkExpiry(body.expiresIn, LIMITS.downloadExpirySeconds);
    const url = await getSignedUrl(s3, new GetObjectCommand({ Bucket: BUCKET, Key: key }), { expiresIn });
    return { key, url, method: 'GET', expiresIn };
  },

  upload: async (userId, body) => {
    const key = resolveKey(userId, body.key);
    const contentType = checkContentType(body.contentType, LIMITS);
    const expiresIn = checkExpiry(body.expiresIn, LIMITS.uploadExpirySeconds);
    // the content type is a signed header: S3 refuses a PUT that sends any other
    const url = await getSignedUrl(s3, new PutObjectCommand({ Bucket: BUCKET, Key: key, ContentType: contentType }), {
      expiresIn,
      signableHeaders: new Set(['content-type']),
    });
    return { key, url, method: 'PUT', headers: { 'Content-Type': contentType }, expiresIn };
  },

  createMultipart: async (userId, body) => {
    const key = resolveKey(userId, body.key);
    const contentType = checkContentType(body.contentType, LIMITS);
    const out = await s3.send(new CreateMultipartUploadCommand({ Bucket: BUCKET, Key: key, ContentType: contentType }));
    return { key, uploadId: out.UploadId };
  },

  partUrls: async (userId, body) => {
    const key = resolveKey(userId, body.key);
    const uploadId = checkUploadId(body.uploadId);
    const partNumbers = checkPartNumbers(body.partNumbers);
    const expiresIn = checkExpiry(body.expiresIn, LIMITS.uploadExpirySeconds);
    const parts = await Promise.all(
      partNumbers.map(async (partNumber) => ({
        partNumber,
        url: await getSignedUrl(s3, new UploadPartCommand({ Bucket: BUCKET, Key: key, UploadId: uploadId, PartNumber: partNumber }), {
          expiresIn,
        }),
      })),
    );
    return { key, uploadId, parts, expiresIn };
  },

  completeMultipart: async (userId, body) => {
    const key = resolveKey(userId, body.key);
    const uploadId = checkUploadId(body.uploadId);
    const parts = checkCompletedParts(body.parts);
    await s3.send(
      new CompleteMultipartUploadCommand({
        Bucket: BUCKET,
        Key: key,
        UploadId: uploadId,
        MultipartUpload: { Parts: parts.map((p) => ({ PartNumber: p.partNumber, ETag: p.etag })) },
      }),
    );
    return { key };
  },

  abortMultipart: async (userId, body) => {
    const key = resolveKey(userId, body.key);
    const uploadId = checkUploadId(body.uploadId);
    await s3.send(new AbortMultipartUploadCommand({ Bucket: BUCKET, Key: key, UploadId: uploadId }));
    return { key };
  },
};

/** S3 errors a caller can cause, as 4xx; anything else is the service's fault (500). */
const S3_CLIENT_ERRORS: Record<string, number> = {
  NoSuchUpload: 404,
  InvalidPart: 400,
  InvalidPartOrder: 400,
  EntityTooSmall: 400,
};

function reply(statusCode: number, body: Record<string, unknown>): PresignResult {
  return { statusCode, headers: { 'content-type': 'application/json', 'cache-control': 'no-store' }, body: JSON.stringify(body) };
}

export async function handler(event: PresignEvent): Promise<PresignResult> {
  try {
    const userId = callerId(event);
    const body = parseBody(event);
    const name = typeof body.action === 'string' ? body.action : '';
    const action = Object.prototype.hasOwnProperty.call(actions, name) ? actions[name] : undefined;
    if (!action) {
      throw new RequestError(400, `action: received ${JSON.stringify(body.action ?? null)}; allowed: ${Object.keys(actions).join(', ')}`);
    }
    const result = await action(userId, body);
    metrics.addMetric(`${name}Issued`, MetricUnit.Count, 1);
    return reply(200, result);
  } catch (err) {
    if (err instanceof RequestError) {
      logger.info('request refused', { statusCode: err.statusCode, reason: err.message });
      metrics.addMetric('RequestsRefused', MetricUnit.Count, 1);
      return reply(err.statusCode, { message: err.message });
    }
    if (err instanceof S3ServiceException && S3_CLIENT_ERRORS[err.name]) {
      logger.info('S3 refused the request', { error: err.name });
      return reply(S3_CLIENT_ERRORS[err.name], { message: `${err.name}: ${err.message}` });
    }
    logger.error('presign failed', err as Error);
    return reply(500, { message: 'internal error' });
  } finally {
    metrics.publishStoredMetrics();
  }
}
