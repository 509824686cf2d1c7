/**
 * What PresignedUrlIssuer (src/) and the presign handler (lambda/presign) must agree on, in one
 * import-free module both use: the handler imports it as `@contracts/presign`, so no line of the
 * CDK can reach a Lambda bundle through it. Lint keeps this folder free of imports.
 */

/** The root of the per-user prefixes: objects of user `u` live under `uploads/<u>/` (the document's layout). */
export const USER_PREFIX_ROOT = 'uploads/';

/**
 * The longest lifetime of a presigned URL, in seconds: 12 hours. A URL signed with the function
 * role's temporary credentials stops working when they expire, whatever its X-Amz-Expires says.
 */
export const MAX_URL_EXPIRY_SECONDS = 12 * 3600;

/** The patterns document's expiry of a presigned GET: 1 hour. */
export const DEFAULT_DOWNLOAD_EXPIRY_SECONDS = 3600;

/** The patterns document's expiry of a presigned PUT: 5 minutes. */
export const DEFAULT_UPLOAD_EXPIRY_SECONDS = 300;

/** Content types accepted when the issuer is given none. */
export const DEFAULT_ALLOWED_CONTENT_TYPES: readonly string[] = ['image/jpeg', 'image/png', 'image/webp', 'application/pdf', 'application/zip'];

/** The environment variables the issuer writes and the handler reads. */
export const PRESIGN_ENV = {
  downloadExpirySeconds: 'DOWNLOAD_URL_EXPIRY_SECONDS',
  uploadExpirySeconds: 'UPLOAD_URL_EXPIRY_SECONDS',
  allowedContentTypes: 'ALLOWED_CONTENT_TYPES',
} as const;
