/**
 * What the presign handler accepts, as pure functions (no AWS calls), so tests import them directly.
 *
 * Every object key handed out lives under the caller's own prefix `uploads/<caller id>/`. The caller
 * id comes from the authorizer that API Gateway (or a Lambda function URL) put into the request
 * context, never from the request body:
 *
 * - `requestContext.authorizer.iam.userId`: an HTTP API route or function URL with IAM
 *   authorization; this is the caller's `aws:userid`, so the prefix is the same one
 *   `SecureBucket.grantReadWriteOwnPrefix` grants (`uploads/${aws:userid}/*`).
 * - `requestContext.authorizer.jwt.claims.sub`: an HTTP API route with a JWT authorizer (Cognito
 *   user pools, any OIDC issuer); the token's subject.
 */
import {
  DEFAULT_ALLOWED_CONTENT_TYPES,
  DEFAULT_DOWNLOAD_EXPIRY_SECONDS,
  DEFAULT_UPLOAD_EXPIRY_SECONDS,
  MAX_URL_EXPIRY_SECONDS,
  PRESIGN_ENV,
  USER_PREFIX_ROOT,
} from '@contracts/presign';

export { DEFAULT_ALLOWED_CONTENT_TYPES, DEFAULT_DOWNLOAD_EXPIRY_SECONDS, DEFAULT_UPLOAD_EXPIRY_SECONDS, MAX_URL_EXPIRY_SECONDS, USER_PREFIX_ROOT };

/** S3's limit on a key: 1024 bytes of UTF-8. */
export const MAX_KEY_BYTES = 1024;
/** S3's part numbers: 1 to 10,000. */
export const MAX_PART_NUMBER = 10_000;
/** Part URLs issued per request at most; ask again for the next batch. */
export const MAX_PART_URLS_PER_REQUEST = 100;

/** A refused request: the handler answers with `statusCode` and `{ message }`. */
export class RequestError extends Error {
  constructor(public readonly statusCode: number, message: string) {
    super(message);
    this.name = 'RequestError';
  }
}

/** The handler's bounds, read once from the environment the construct writes. */
export interface Limits {
  /** Longest (and default) expiry of a presigned GET, in seconds. */
  readonly downloadExpirySeconds: number;
  /** Longest (and default) expiry of a presigned PUT or part URL, in seconds. */
  readonly uploadExpirySeconds: number;
  /** Content types an upload may declare, lower case. */
  readonly allowedContentTypes: string[];
}

/** Reads the limits from DOWNLOAD_URL_EXPIRY_SECONDS, UPLOAD_URL_EXPIRY_SECONDS and ALLOWED_CONTENT_TYPES. */
export function limitsFromEnv(env: Record<string, string | undefined>): Limits {
  const seconds = (name: string, fallback: number): number => {
    const raw = env[name];
    if (raw === undefined || raw === '') return fallback;
    const n = Number(raw);
    if (!Number.isInteger(n) || n < 1 || n > MAX_URL_EXPIRY_SECONDS) {
      throw new Error(`${name} must be a whole number of seconds from 1 to ${MAX_URL_EXPIRY_SECONDS}, got '${raw}'`);
    }
    return n;
  };
  const types = env[PRESIGN_ENV.allowedContentTypes];
  return {
    downloadExpirySeconds: seconds(PRESIGN_ENV.downloadExpirySeconds, DEFAULT_DOWNLOAD_EXPIRY_SECONDS),
    uploadExpirySeconds: seconds(PRESIGN_ENV.uploadExpirySeconds, DEFAULT_UPLOAD_EXPIRY_SECONDS),
    allowedContentTypes: types
      ? types.split(',').map((t) => t.trim().toLowerCase()).filter((t) => t.length > 0)
      : [...DEFAULT_ALLOWED_CONTENT_TYPES],
  };
}

const USER_ID = /^[A-Za-z0-9][A-Za-z0-9:_@.+=-]{0,127}$/;

/** The parts of an API Gateway v2 / function URL event the handler reads. */
export interface CallerContext {
  readonly requestContext?: {
    readonly authorizer?: {
      readonly iam?: { readonly userId?: unknown };
      readonly jwt?: { readonly claims?: Record<string, unknown> };
    };
  };
}

/**
 * The caller's id, from the authorizer's context (IAM `userId`, else the JWT `sub`). 401 when
 * there is none; 403 when it cannot name a prefix safely (a `/` would reach into another prefix).
 */
export function callerId(event: CallerContext): string {
  const authorizer = event.requestContext?.authorizer;
  const id = authorizer?.iam?.userId ?? authorizer?.jwt?.claims?.sub;
  if (id === undefined || id === null || id === '') {
    throw new RequestError(401, 'no caller identity: put the route behind an IAM or JWT authorizer');
  }
  if (typeof id !== 'string' || !USER_ID.test(id)) {
    throw new RequestError(403, 'the caller identity cannot name an upload prefix (letters, digits and :_@.+=- only, at most 128)');
  }
  return id;
}

/** `uploads/<userId>/` */
export function userPrefix(userId: string): string {
  return `${USER_PREFIX_ROOT}${userId}/`;
}

/**
 * The full object key for `key` as sent by `userId`: either a name relative to the caller's prefix
 * (`photos/cat.jpg`) or a full key that starts with it (`uploads/<userId>/photos/cat.jpg`).
 * Refuses (400) empty or over-long keys, a leading `/`, `.`/`..`/empty segments, a trailing `/`,
 * backslashes and control characters; refuses (403) any other key under `uploads/`.
 */
export function resolveKey(userId: string, key: unknown): string {
  if (typeof key !== 'string' || key.length === 0) {
    throw new RequestError(400, 'key: required, a non-empty string');
  }
  if (key.startsWith('/')) {
    throw new RequestError(400, `key: must not start with '/' (received '${preview(key)}')`);
  }
  const own = userPrefix(userId);
  let name = key;
  if (key.startsWith(USER_PREFIX_ROOT)) {
    if (!key.startsWith(own)) {
      throw new RequestError(403, `key: '${preview(key)}' is outside your prefix '${own}'`);
    }
    name = key.slice(own.length);
  }
  if (name.length === 0) {
    throw new RequestError(400, `key: names no object under your prefix '${own}'`);
  }
  if (/[\u0000-\u001f\u007f\\]/.test(name)) {
    throw new RequestError(400, 'key: control characters and backslashes are not allowed');
  }
  const segments = name.split('/');
  if (segments.some((s) => s === '' || s === '.' || s === '..')) {
    throw new RequestError(400, `key: empty, '.' and '..' path segments are not allowed (received '${preview(key)}')`);
  }
  const full = own + name;
  const bytes = Buffer.byteLength(full, 'utf8');
  if (bytes > MAX_KEY_BYTES) {
    throw new RequestError(400, `key: ${bytes} bytes with your prefix; allowed: at most ${MAX_KEY_BYTES}`);
  }
  return full;
}

/** The content type, if it is one of the allowed ones (case-insensitive, no parameters). 400 otherwise. */
export function checkContentType(contentType: unknown, limits: Limits): string {
  if (typeof contentType !== 'string' || contentType.length === 0) {
    throw new RequestError(400, `contentType: required; allowed: ${limits.allowedContentTypes.join(', ')}`);
  }
  const normalised = contentType.trim().toLowerCase();
  if (!limits.allowedContentTypes.includes(normalised)) {
    throw new RequestError(400, `contentType: '${preview(contentType)}' is not allowed; allowed: ${limits.allowedContentTypes.join(', ')}`);
  }
  return normalised;
}

/** The requested expiry in seconds (default: `max`), if it is a whole number from 1 to `max`. 400 otherwise. */
export function checkExpiry(expiresIn: unknown, max: number): number {
  if (expiresIn === undefined || expiresIn === null) {
    return max;
  }
  if (typeof expiresIn !== 'number' || !Number.isInteger(expiresIn) || expiresIn < 1 || expiresIn > max) {
    throw new RequestError(400, `expiresIn: received ${JSON.stringify(expiresIn)}; allowed: a whole number of seconds from 1 to ${max}`);
  }
  return expiresIn;
}

/** An upload id as S3 returned it: a non-empty printable string. */
export function checkUploadId(uploadId: unknown): string {
  if (typeof uploadId !== 'string' || uploadId.length === 0 || uploadId.length > 1024 || /[\u0000-\u001f\u007f]/.test(uploadId)) {
    throw new RequestError(400, 'uploadId: required, the id returned by createMultipart');
  }
  return uploadId;
}

function checkPartNumber(n: unknown, prop: string): number {
  if (typeof n !== 'number' || !Number.isInteger(n) || n < 1 || n > MAX_PART_NUMBER) {
    throw new RequestError(400, `${prop}: received ${JSON.stringify(n)}; allowed: a whole number from 1 to ${MAX_PART_NUMBER}`);
  }
  return n;
}

/** Distinct part numbers (1 to 10,000), at most 100 per request. */
export function checkPartNumbers(partNumbers: unknown): number[] {
  if (!Array.isArray(partNumbers) || partNumbers.length === 0 || partNumbers.length > MAX_PART_URLS_PER_REQUEST) {
    throw new RequestError(400, `partNumbers: required, 1 to ${MAX_PART_URLS_PER_REQUEST} part numbers per request`);
  }
  const numbers = partNumbers.map((n, i) => checkPartNumber(n, `partNumbers[${i}]`));
  if (new Set(numbers).size !== numbers.length) {
    throw new RequestError(400, 'partNumbers: each part number at most once');
  }
  return numbers;
}

/** A completed part as the browser reports it: its number and the ETag S3 answered the part's PUT with. */
export interface CompletedPart {
  readonly partNumber: number;
  readonly etag: string;
}

/** The parts of a multipart upload to complete: in ascending part-number order, each with its ETag. */
export function checkCompletedParts(parts: unknown): CompletedPart[] {
  if (!Array.isArray(parts) || parts.length === 0 || parts.length > MAX_PART_NUMBER) {
    throw new RequestError(400, `parts: required, 1 to ${MAX_PART_NUMBER} entries of { partNumber, etag }`);
  }
  let previous = 0;
  return parts.map((p: unknown, i) => {
    const part = (p ?? {}) as { partNumber?: unknown; etag?: unknown };
    const partNumber = checkPartNumber(part.partNumber, `parts[${i}].partNumber`);
    if (partNumber <= previous) {
      throw new RequestError(400, `parts[${i}].partNumber: parts must be in ascending order without repeats`);
    }
    previous = partNumber;
    if (typeof part.etag !== 'string' || part.etag.length === 0 || part.etag.length > 256) {
      throw new RequestError(400, `parts[${i}].etag: required, the ETag header of the part's PUT response`);
    }
    return { partNumber, etag: part.etag };
  });
}

/** The JSON object in the request body (base64 bodies decoded). 400 when it is not one. */
export function parseBody(event: { body?: string | null; isBase64Encoded?: boolean }): Record<string, unknown> {
  if (!event.body) {
    throw new RequestError(400, 'body: required, a JSON object with an "action"');
  }
  const text = event.isBase64Encoded ? Buffer.from(event.body, 'base64').toString('utf8') : event.body;
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw new RequestError(400, 'body: not valid JSON');
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    throw new RequestError(400, 'body: must be a JSON object');
  }
  return parsed as Record<string, unknown>;
}

function preview(value: string): string {
  return value.length > 80 ? `${value.slice(0, 77)}...` : value;
}
