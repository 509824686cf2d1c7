/** The presign handler's key, identity and bounds checks, imported directly (no AWS calls). */
import {
  DEFAULT_ALLOWED_CONTENT_TYPES,
  RequestError,
  callerId,
  checkCompletedParts,
  checkContentType,
  checkExpiry,
  checkPartNumbers,
  checkUploadId,
  limitsFromEnv,
  resolveKey,
} from '../../lambda/presign/validation';

function refusal(fn: () => unknown): { statusCode: number; message: string } {
  try {
    fn();
  } catch (e) {
    if (e instanceof RequestError) return { statusCode: e.statusCode, message: e.message };
    throw e;
  }
  throw new Error('expected a RequestError');
}

describe('resolveKey', () => {
  test('[S3-6] a relative name lands under the caller\'s prefix', () => {
    expect(resolveKey('alice', 'photos/2024/cat.jpg')).toBe('uploads/alice/photos/2024/cat.jpg');
  });

  test('[S3-6] a full key under the caller\'s own prefix is kept', () => {
    expect(resolveKey('alice', 'uploads/alice/cat.jpg')).toBe('uploads/alice/cat.jpg');
  });

  test.each([
    ['another user\'s prefix', 'uploads/bob/cat.jpg', 403, "key: 'uploads/bob/cat.jpg' is outside your prefix 'uploads/alice/'"],
    ['a user whose id extends the caller\'s', 'uploads/alice2/cat.jpg', 403, "key: 'uploads/alice2/cat.jpg' is outside your prefix 'uploads/alice/'"],
    ['the prefix without the slash', 'uploads/alice', 403, "key: 'uploads/alice' is outside your prefix 'uploads/alice/'"],
    ['the bare prefix', 'uploads/alice/', 400, "key: names no object under your prefix 'uploads/alice/'"],
    ['a trailing slash', 'photos/', 400, "key: empty, '.' and '..' path segments are not allowed (received 'photos/')"],
    ['a double slash', 'a//b.jpg', 400, "key: empty, '.' and '..' path segments are not allowed (received 'a//b.jpg')"],
    ['a dot segment', './b.jpg', 400, "key: empty, '.' and '..' path segments are not allowed (received './b.jpg')"],
    ['a backslash', '..\\bob\\x.jpg', 400, 'key: control characters and backslashes are not allowed'],
    ['a control character', 'a\nb.jpg', 400, 'key: control characters and backslashes are not allowed'],
    ['a number', 42, 400, 'key: required, a non-empty string'],
  ])('[S3-6] fails for %s', (_label, key, statusCode, message) => {
    expect(refusal(() => resolveKey('alice', key))).toEqual({ statusCode, message });
  });

  test('[S3-6] the key length limit counts UTF-8 bytes including the prefix', () => {
    const prefixBytes = 'uploads/alice/'.length;
    expect(resolveKey('alice', 'a'.repeat(1024 - prefixBytes))).toHaveLength(1024);
    expect(refusal(() => resolveKey('alice', 'a'.repeat(1025 - prefixBytes))).message).toBe(
      'key: 1025 bytes with your prefix; allowed: at most 1024',
    );
    // 'é' is two bytes
    expect(refusal(() => resolveKey('alice', 'é'.repeat(506))).message).toBe('key: 1026 bytes with your prefix; allowed: at most 1024');
  });
});

describe('callerId', () => {
  test('[S3-6] IAM authorization wins over JWT claims', () => {
    expect(
      callerId({ requestContext: { authorizer: { iam: { userId: 'AIDAEXAMPLE' }, jwt: { claims: { sub: 'someone' } } } } }),
    ).toBe('AIDAEXAMPLE');
  });

  test('[S3-6] a JWT subject names the prefix', () => {
    expect(callerId({ requestContext: { authorizer: { jwt: { claims: { sub: '4f1c-uuid' } } } } })).toBe('4f1c-uuid');
  });

  test.each([
    ['a slash', 'alice/../bob', 403],
    ['a leading dot', '..', 403],
    ['a number', 7, 403],
  ])('[S3-6] fails for an identity with %s', (_label, sub, statusCode) => {
    expect(refusal(() => callerId({ requestContext: { authorizer: { jwt: { claims: { sub } } } } }))).toEqual({
      statusCode,
      message: 'the caller identity cannot name an upload prefix (letters, digits and :_@.+=- only, at most 128)',
    });
  });

  test('[S3-6] fails with 401 without an identity', () => {
    expect(refusal(() => callerId({ requestContext: {} })).statusCode).toBe(401);
  });
});

describe('bounds', () => {
  const limits = limitsFromEnv({});

  test('[S3-6] defaults are the document\'s: GET 1 hour, PUT 5 minutes', () => {
    expect(limits).toEqual({ downloadExpirySeconds: 3600, uploadExpirySeconds: 300, allowedContentTypes: DEFAULT_ALLOWED_CONTENT_TYPES });
  });

  test('[S3-6] the environment overrides the bounds and the content types', () => {
    expect(
      limitsFromEnv({ DOWNLOAD_URL_EXPIRY_SECONDS: '600', UPLOAD_URL_EXPIRY_SECONDS: '120', ALLOWED_CONTENT_TYPES: 'Video/MP4, text/csv' }),
    ).toEqual({ downloadExpirySeconds: 600, uploadExpirySeconds: 120, allowedContentTypes: ['video/mp4', 'text/csv'] });
  });

  test('[S3-6] fails at start-up for a malformed expiry in the environment', () => {
    expect(() => limitsFromEnv({ UPLOAD_URL_EXPIRY_SECONDS: '5m' })).toThrow(
      "UPLOAD_URL_EXPIRY_SECONDS must be a whole number of seconds from 1 to 43200, got '5m'",
    );
  });

  test('[S3-6] expiry defaults to the bound and accepts 1..bound', () => {
    expect(checkExpiry(undefined, 300)).toBe(300);
    expect(checkExpiry(1, 300)).toBe(1);
    expect(checkExpiry(300, 300)).toBe(300);
  });

  test.each([[0], [301], [1.5], ['60']])('[S3-6] fails for the expiry %j', (value) => {
    expect(refusal(() => checkExpiry(value, 300))).toEqual({
      statusCode: 400,
      message: `expiresIn: received ${JSON.stringify(value)}; allowed: a whole number of seconds from 1 to 300`,
    });
  });

  test('[S3-6] content types compare case-insensitively; others fail', () => {
    expect(checkContentType('Image/JPEG', limits)).toBe('image/jpeg');
    expect(refusal(() => checkContentType('image/svg+xml', limits)).message).toBe(
      "contentType: 'image/svg+xml' is not allowed; allowed: image/jpeg, image/png, image/webp, application/pdf, application/zip",
    );
    expect(refusal(() => checkContentType(undefined, limits)).message).toBe(
      'contentType: required; allowed: image/jpeg, image/png, image/webp, application/pdf, application/zip',
    );
  });

  test('[S3-6] part numbers: 1..10000, distinct, at most 100 per request', () => {
    expect(checkPartNumbers([1, 2, 10000])).toEqual([1, 2, 10000]);
    expect(refusal(() => checkPartNumbers([1, 1])).message).toBe('partNumbers: each part number at most once');
    expect(refusal(() => checkPartNumbers([10001])).message).toBe('partNumbers[0]: received 10001; allowed: a whole number from 1 to 10000');
    expect(refusal(() => checkPartNumbers(Array.from({ length: 101 }, (_, i) => i + 1))).message).toBe(
      'partNumbers: required, 1 to 100 part numbers per request',
    );
  });

  test('[S3-6] completed parts need an ETag each', () => {
    expect(checkCompletedParts([{ partNumber: 1, etag: '"a"' }])).toEqual([{ partNumber: 1, etag: '"a"' }]);
    expect(refusal(() => checkCompletedParts([{ partNumber: 1 }])).message).toBe(
      "parts[0].etag: required, the ETag header of the part's PUT response",
    );
  });

  test('[S3-6] fails for a missing upload id', () => {
    expect(refusal(() => checkUploadId(''))).toEqual({ statusCode: 400, message: 'uploadId: required, the id returned by createMultipart' });
  });
});
