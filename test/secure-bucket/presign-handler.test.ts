/**
 * The shipped presign handler (lambda/presign) against moto's S3 server on loopback: URLs it issues
 * are used with plain HTTP `fetch`, as a browser would.
 */
import { randomBytes } from 'crypto';
import { CreateBucketCommand, ListMultipartUploadsCommand, ListObjectsV2Command, S3Client } from '@aws-sdk/client-s3';
import { MOTO_ENV, MotoServer, startMoto } from '../setup/moto';

type Handler = typeof import('../../lambda/presign/index');

const BUCKET = 'presign-test-bucket';
const MiB = 1024 * 1024;

let moto: MotoServer;
let presign: Handler;
let admin: S3Client;

/** An HTTP API v2 event from a JWT-authorized caller `sub`. */
function jwtEvent(sub: string, body: unknown): import('../../lambda/presign/index').PresignEvent {
  return { requestContext: { authorizer: { jwt: { claims: { sub } } } }, body: JSON.stringify(body) };
}

async function call(sub: string, body: Record<string, unknown>): Promise<{ status: number; body: any }> {
  const res = await presign.handler(jwtEvent(sub, body));
  return { status: res.statusCode, body: JSON.parse(res.body) };
}

beforeAll(async () => {
  moto = await startMoto();
  Object.assign(process.env, {
    AWS_ENDPOINT_URL_S3: moto.endpoint,
    ...MOTO_ENV,
    BUCKET_NAME: BUCKET,
    POWERTOOLS_SERVICE_NAME: 'presign-test',
    POWERTOOLS_METRICS_NAMESPACE: 'test',
    POWERTOOLS_METRICS_DISABLED: 'true',
    POWERTOOLS_LOG_LEVEL: 'SILENT',
  });
  admin = new S3Client(moto.clientConfig);
  await admin.send(new CreateBucketCommand({ Bucket: BUCKET }));
  presign = await import('../../lambda/presign/index');
});

afterAll(async () => {
  admin?.destroy();
  await moto?.stop();
});

describe('single-part upload and download', () => {
  test('[S3-6] a presigned PUT of a small object through plain HTTP, then a presigned GET returns the same bytes', async () => {
    const bytes = randomBytes(2048);
    const up = await call('alice', { action: 'upload', key: 'photos/cat.jpg', contentType: 'image/jpeg' });
    expect(up.status).toBe(200);
    expect(up.body.key).toBe('uploads/alice/photos/cat.jpg');
    expect(up.body.method).toBe('PUT');
    expect(up.body.headers).toEqual({ 'Content-Type': 'image/jpeg' });

    const put = await fetch(up.body.url, { method: 'PUT', body: bytes, headers: up.body.headers });
    expect(put.status).toBe(200);

    const down = await call('alice', { action: 'download', key: up.body.key });
    expect(down.status).toBe(200);
    const get = await fetch(down.body.url);
    expect(get.status).toBe(200);
    expect(get.headers.get('content-type')).toBe('image/jpeg');
    expect(Buffer.from(await get.arrayBuffer()).equals(bytes)).toBe(true);
  });

  test('[S3-6] the PUT URL signs the content type and lives 5 minutes; the GET URL lives 1 hour', async () => {
    const up = await call('alice', { action: 'upload', key: 'a.png', contentType: 'IMAGE/PNG' });
    const putUrl = new URL(up.body.url);
    expect(putUrl.searchParams.get('X-Amz-Expires')).toBe('300');
    expect(putUrl.searchParams.get('X-Amz-SignedHeaders')!.split(';')).toContain('content-type');
    expect(up.body.headers).toEqual({ 'Content-Type': 'image/png' });
    expect(up.body.expiresIn).toBe(300);

    const down = await call('alice', { action: 'download', key: 'a.png' });
    expect(new URL(down.body.url).searchParams.get('X-Amz-Expires')).toBe('3600');
    expect(new URL(down.body.url).pathname).toBe(`/${BUCKET}/uploads/alice/a.png`);
  });

  test('[S3-6] a shorter expiry is honoured', async () => {
    const down = await call('alice', { action: 'download', key: 'a.png', expiresIn: 60 });
    expect(down.status).toBe(200);
    expect(new URL(down.body.url).searchParams.get('X-Amz-Expires')).toBe('60');
  });

  test('[S3-6] fails with 400 for an expiry beyond the bound', async () => {
    const up = await call('alice', { action: 'upload', key: 'a.png', contentType: 'image/png', expiresIn: 301 });
    expect(up).toEqual({ status: 400, body: { message: 'expiresIn: received 301; allowed: a whole number of seconds from 1 to 300' } });
    const down = await call('alice', { action: 'download', key: 'a.png', expiresIn: 3601 });
    expect(down.status).toBe(400);
    expect(down.body.message).toBe('expiresIn: received 3601; allowed: a whole number of seconds from 1 to 3600');
  });

  test('[S3-6] fails with 400 for a disallowed content type', async () => {
    const up = await call('alice', { action: 'upload', key: 'run.sh', contentType: 'text/x-shellscript' });
    expect(up.status).toBe(400);
    expect(up.body.message).toBe(
      "contentType: 'text/x-shellscript' is not allowed; allowed: image/jpeg, image/png, image/webp, application/pdf, application/zip",
    );
    expect(up.body.url).toBeUndefined();
  });
});

describe('multipart upload', () => {
  test('[S3-6] a 12 MiB object uploaded in 3 presigned parts and completed reads back byte-identical', async () => {
    const bytes = randomBytes(12 * MiB);
    const chunks = [bytes.subarray(0, 5 * MiB), bytes.subarray(5 * MiB, 10 * MiB), bytes.subarray(10 * MiB)];

    const created = await call('alice', { action: 'createMultipart', key: 'big/archive.zip', contentType: 'application/zip' });
    expect(created.status).toBe(200);
    expect(created.body.key).toBe('uploads/alice/big/archive.zip');
    const { uploadId } = created.body;
    expect(typeof uploadId).toBe('string');

    const urls = await call('alice', { action: 'partUrls', key: 'big/archive.zip', uploadId, partNumbers: [1, 2, 3] });
    expect(urls.status).toBe(200);
    expect(urls.body.parts.map((p: { partNumber: number }) => p.partNumber)).toEqual([1, 2, 3]);
    expect(new URL(urls.body.parts[0].url).searchParams.get('X-Amz-Expires')).toBe('300');

    const etags: { partNumber: number; etag: string }[] = [];
    for (const [i, part] of urls.body.parts.entries()) {
      const res = await fetch(part.url, { method: 'PUT', body: chunks[i] });
      expect(res.status).toBe(200);
      etags.push({ partNumber: part.partNumber, etag: res.headers.get('etag')! });
    }

    const done = await call('alice', { action: 'completeMultipart', key: 'big/archive.zip', uploadId, parts: etags });
    expect(done).toEqual({ status: 200, body: { key: 'uploads/alice/big/archive.zip' } });

    const down = await call('alice', { action: 'download', key: 'big/archive.zip' });
    const got = Buffer.from(await (await fetch(down.body.url)).arrayBuffer());
    expect(got.length).toBe(12 * MiB);
    expect(got.equals(bytes)).toBe(true);
  });

  test('[S3-6] abortMultipart ends the upload', async () => {
    const created = await call('alice', { action: 'createMultipart', key: 'gone.zip', contentType: 'application/zip' });
    const { uploadId } = created.body;
    const before = await admin.send(new ListMultipartUploadsCommand({ Bucket: BUCKET, Prefix: 'uploads/alice/gone.zip' }));
    expect(before.Uploads?.map((u) => u.UploadId)).toEqual([uploadId]);

    const aborted = await call('alice', { action: 'abortMultipart', key: 'gone.zip', uploadId });
    expect(aborted).toEqual({ status: 200, body: { key: 'uploads/alice/gone.zip' } });
    const after = await admin.send(new ListMultipartUploadsCommand({ Bucket: BUCKET, Prefix: 'uploads/alice/gone.zip' }));
    expect(after.Uploads ?? []).toEqual([]);
  });

  test('[S3-6] S3 refusing a completion (parts under 5 MiB) is passed on as a 400', async () => {
    const { body: created } = await call('alice', { action: 'createMultipart', key: 'small.zip', contentType: 'application/zip' });
    const { body: urls } = await call('alice', { action: 'partUrls', key: 'small.zip', uploadId: created.uploadId, partNumbers: [1, 2] });
    const parts = [];
    for (const part of urls.parts) {
      const res = await fetch(part.url, { method: 'PUT', body: randomBytes(1024) });
      parts.push({ partNumber: part.partNumber, etag: res.headers.get('etag') });
    }
    const done = await call('alice', { action: 'completeMultipart', key: 'small.zip', uploadId: created.uploadId, parts });
    expect(done.status).toBe(400);
    expect(done.body.message).toMatch(/^EntityTooSmall: /);
  });

  test('[S3-6] fails with 404 for an upload id S3 does not know', async () => {
    const aborted = await call('alice', { action: 'abortMultipart', key: 'never.zip', uploadId: 'no-such-upload' });
    expect(aborted.status).toBe(404);
    expect(aborted.body.message).toMatch(/^NoSuchUpload: /);
    // (completeMultipart is not checked here: moto answers an unknown upload id there with an HTML 500)
  });

  test('[S3-6] fails with 400 for bad part numbers and unordered parts', async () => {
    const tooMany = await call('alice', { action: 'partUrls', key: 'x.zip', uploadId: 'u', partNumbers: [0] });
    expect(tooMany.body.message).toBe('partNumbers[0]: received 0; allowed: a whole number from 1 to 10000');
    const unordered = await call('alice', {
      action: 'completeMultipart',
      key: 'x.zip',
      uploadId: 'u',
      parts: [{ partNumber: 2, etag: 'a' }, { partNumber: 1, etag: 'b' }],
    });
    expect(unordered).toEqual({ status: 400, body: { message: 'parts[1].partNumber: parts must be in ascending order without repeats' } });
  });
});

describe('the caller\'s own prefix only', () => {
  const otherUsersKey = 'uploads/bob/secret.pdf';
  const actions: Record<string, Record<string, unknown>> = {
    download: {},
    upload: { contentType: 'application/pdf' },
    createMultipart: { contentType: 'application/pdf' },
    partUrls: { uploadId: 'u', partNumbers: [1] },
    completeMultipart: { uploadId: 'u', parts: [{ partNumber: 1, etag: 'e' }] },
    abortMultipart: { uploadId: 'u' },
  };

  test.each(Object.keys(actions))('[S3-6] %s: a URL for another user\'s prefix is never issued (403)', async (action) => {
    const res = await call('alice', { action, key: otherUsersKey, ...actions[action] });
    expect(res).toEqual({ status: 403, body: { message: "key: 'uploads/bob/secret.pdf' is outside your prefix 'uploads/alice/'" } });
  });

  test.each([
    ['a parent segment', '../bob/secret.pdf', "key: empty, '.' and '..' path segments are not allowed (received '../bob/secret.pdf')"],
    ['parent segments inside', 'a/../../bob/secret.pdf', "key: empty, '.' and '..' path segments are not allowed (received 'a/../../bob/secret.pdf')"],
    ['parent segments after the own prefix', 'uploads/alice/../bob/x.pdf', "key: empty, '.' and '..' path segments are not allowed (received 'uploads/alice/../bob/x.pdf')"],
    ['a leading slash', '/uploads/bob/secret.pdf', "key: must not start with '/' (received '/uploads/bob/secret.pdf')"],
    ['an empty key', '', 'key: required, a non-empty string'],
    ['an over-long key', 'x'.repeat(1024), 'key: 1038 bytes with your prefix; allowed: at most 1024'],
  ])('[S3-6] fails with 400 for %s', async (_label, key, message) => {
    const res = await call('alice', { action: 'download', key });
    expect(res).toEqual({ status: 400, body: { message } });
  });

  test('[S3-6] the caller comes from the authorizer, never from the body', async () => {
    const res = await call('alice', { action: 'upload', key: 'me.jpg', contentType: 'image/jpeg', userId: 'bob', sub: 'bob' });
    expect(res.body.key).toBe('uploads/alice/me.jpg');
  });

  test('[S3-6] with an IAM authorizer the prefix is the caller\'s aws:userid', async () => {
    const res = await presign.handler({
      requestContext: { authorizer: { iam: { userId: 'AROAEXAMPLEID:alice-session' } } },
      body: JSON.stringify({ action: 'download', key: 'x.pdf' }),
    });
    expect(JSON.parse(res.body).key).toBe('uploads/AROAEXAMPLEID:alice-session/x.pdf');
  });

  test('[S3-6] fails with 401 without an authorizer identity', async () => {
    const res = await presign.handler({ body: JSON.stringify({ action: 'download', key: 'x.pdf' }) });
    expect(res.statusCode).toBe(401);
    expect(JSON.parse(res.body)).toEqual({ message: 'no caller identity: put the route behind an IAM or JWT authorizer' });
  });

  test('[S3-6] refused requests create nothing in the bucket', async () => {
    await call('mallory', { action: 'upload', key: '../alice/evil.jpg', contentType: 'image/jpeg' });
    await call('mallory', { action: 'createMultipart', key: 'uploads/alice/evil.zip', contentType: 'application/zip' });
    const listed = await admin.send(new ListObjectsV2Command({ Bucket: BUCKET, Prefix: 'uploads/mallory/' }));
    expect(listed.KeyCount).toBe(0);
  });
});

describe('requests', () => {
  test('[S3-6] fails with 400 for an unknown action', async () => {
    const res = await call('alice', { action: 'delete', key: 'a.jpg' });
    expect(res).toEqual({
      status: 400,
      body: { message: 'action: received "delete"; allowed: download, upload, createMultipart, partUrls, completeMultipart, abortMultipart' },
    });
  });

  test('[S3-6] fails with 400 for a body that is not JSON; base64 bodies are decoded', async () => {
    const ctx = { requestContext: { authorizer: { jwt: { claims: { sub: 'alice' } } } } };
    const bad = await presign.handler({ ...ctx, body: '{not json' });
    expect(bad.statusCode).toBe(400);
    expect(JSON.parse(bad.body).message).toBe('body: not valid JSON');
    const b64 = await presign.handler({
      ...ctx,
      isBase64Encoded: true,
      body: Buffer.from(JSON.stringify({ action: 'download', key: 'a.jpg' })).toString('base64'),
    });
    expect(b64.statusCode).toBe(200);
    expect(b64.headers['cache-control']).toBe('no-store');
  });


  test('[LAM-1] two invocations reuse the one S3 client created at module scope', async () => {
    const send = jest.spyOn(S3Client.prototype, 'send');
    try {
      await call('alice', { action: 'createMultipart', key: 'one.zip', contentType: 'application/zip' });
      await call('alice', { action: 'createMultipart', key: 'two.zip', contentType: 'application/zip' });
      expect(send.mock.contexts).toHaveLength(2);
      expect(send.mock.contexts[0]).toBe(presign.s3);
      expect(send.mock.contexts[1]).toBe(presign.s3);
    } finally {
      send.mockRestore();
    }
  });
});
