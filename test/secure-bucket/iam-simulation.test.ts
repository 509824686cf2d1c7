/**
 * IAM proven, not read (IAM-2): the policies SecureBucket and PresignedUrlIssuer write, taken from
 * the synthesized template, are evaluated offline by @cloud-copilot/iam-simulate.
 */
import { runSimulation } from '@cloud-copilot/iam-simulate';
import { App, Stack, aws_iam as iam, aws_s3 as s3 } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { PresignedUrlIssuer, SecureBucket } from '../../src';

const ACCOUNT = '123456789012';
const BUCKET_ARN = 'arn:aws:s3:::uploads-bucket';
const ALICE = 'AROAEXAMPLEROLEID:alice';
const BOB = 'AROAEXAMPLEROLEID:bob';

/** Resolves the intrinsics a grant policy uses: the bucket's Fn::GetAtt Arn, and Fn::Join. */
function resolve(value: any, bucketId: string): any {
  if (Array.isArray(value)) return value.map((v) => resolve(v, bucketId));
  if (value && typeof value === 'object') {
    if (value['Fn::GetAtt']) {
      expect(value['Fn::GetAtt']).toEqual([bucketId, 'Arn']);
      return BUCKET_ARN;
    }
    if (value['Fn::Join']) {
      const [sep, parts] = value['Fn::Join'];
      return resolve(parts, bucketId).join(sep);
    }
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, resolve(v, bucketId)]));
  }
  return value;
}

/**
 * The S3 statements of an identity policy, with intrinsics resolved: the one `build` returns, or the
 * default policy of the role it returns.
 */
function grantPolicy(build: (stack: Stack, bucket: SecureBucket) => iam.IRole | iam.ManagedPolicy): any {
  const stack = new Stack(new App(), 'Stack', { env: { account: ACCOUNT, region: 'us-east-1' } });
  const bucket = new SecureBucket(stack, 'Uploads');
  const built = build(stack, bucket);
  const policy = built instanceof iam.ManagedPolicy ? built : built.node.findChild('DefaultPolicy');
  const template = Template.fromStack(stack).toJSON();
  const policyId = stack.getLogicalId(policy.node.defaultChild as iam.CfnPolicy);
  const doc = template.Resources[policyId].Properties.PolicyDocument;
  const s3Statements = doc.Statement.filter((st: any) => [st.Action].flat().some((a: string) => a.startsWith('s3:')));
  expect(s3Statements.length).toBeGreaterThan(0);
  return resolve({ ...doc, Statement: s3Statements }, stack.getLogicalId(bucket.node.defaultChild as s3.CfnBucket));
}

async function decide(policy: any, action: string, key: string, userId: string): Promise<string> {
  const result = await runSimulation(
    {
      identityPolicies: [{ name: 'grant', policy }],
      serviceControlPolicies: [],
      resourceControlPolicies: [],
      request: {
        principal: `arn:aws:sts::${ACCOUNT}:assumed-role/Users/${userId.split(':')[1]}`,
        action,
        resource: { accountId: ACCOUNT, resource: `${BUCKET_ARN}/${key}` },
        contextVariables: { 'aws:userid': userId },
      },
    },
    {},
  );
  if (result.resultType === 'error') {
    throw new Error(JSON.stringify(result.errors));
  }
  return result.overallResult;
}

describe('[IAM-2] grantReadWriteOwnPrefix, simulated', () => {
  let policy: any;
  beforeAll(() => {
    policy = grantPolicy((stack, bucket) => {
      const role = new iam.Role(stack, 'Users', { assumedBy: new iam.AccountRootPrincipal() });
      bucket.grantReadWriteOwnPrefix(role);
      return role;
    });
  });

  test.each(['s3:GetObject', 's3:PutObject', 's3:AbortMultipartUpload'])(
    '[IAM-2] %s is allowed under the caller\'s own prefix uploads/<aws:userid>/',
    async (action) => {
      expect(await decide(policy, action, `uploads/${ALICE}/photos/cat.jpg`, ALICE)).toBe('Allowed');
    },
  );

  test.each(['s3:GetObject', 's3:PutObject', 's3:AbortMultipartUpload'])('[IAM-2] %s is denied under another user\'s prefix', async (action) => {
    expect(await decide(policy, action, `uploads/${BOB}/photos/cat.jpg`, ALICE)).toBe('ImplicitlyDenied');
    // and the other way round
    expect(await decide(policy, action, `uploads/${ALICE}/photos/cat.jpg`, BOB)).toBe('ImplicitlyDenied');
  });

  test('[IAM-2] a neighbour whose id starts with the caller\'s id is still another prefix', async () => {
    // the grant ends in `${aws:userid}/*`: without the slash, alice would reach alice2's objects
    expect(await decide(policy, 's3:GetObject', `uploads/${ALICE}2/photos/cat.jpg`, ALICE)).toBe('ImplicitlyDenied');
    expect(await decide(policy, 's3:PutObject', `uploads/${ALICE}-old/cat.jpg`, ALICE)).toBe('ImplicitlyDenied');
  });

  test('[IAM-2] outside uploads/ and for other actions everything is denied', async () => {
    expect(await decide(policy, 's3:GetObject', 'private/report.pdf', ALICE)).toBe('ImplicitlyDenied');
    expect(await decide(policy, 's3:GetObject', `uploads/${ALICE}`, ALICE)).toBe('ImplicitlyDenied');
    expect(await decide(policy, 's3:DeleteObject', `uploads/${ALICE}/photos/cat.jpg`, ALICE)).toBe('ImplicitlyDenied');
  });
});

describe('[S3-6] the presigned-URL issuer\'s role, simulated', () => {
  let policy: any;
  beforeAll(() => {
    policy = grantPolicy((stack, bucket) => new PresignedUrlIssuer(stack, 'Issuer', { bucket }).objectPolicy);
  });

  test('[S3-6] the signer may read and write any user\'s prefix (the handler confines each caller)', async () => {
    expect(await decide(policy, 's3:PutObject', `uploads/${ALICE}/a.jpg`, 'AROAFUNCTION:presign')).toBe('Allowed');
    expect(await decide(policy, 's3:GetObject', `uploads/${BOB}/a.jpg`, 'AROAFUNCTION:presign')).toBe('Allowed');
  });

  test('[S3-6] but nothing outside uploads/, and no deletes or listings', async () => {
    expect(await decide(policy, 's3:GetObject', 'private/report.pdf', 'AROAFUNCTION:presign')).toBe('ImplicitlyDenied');
    expect(await decide(policy, 's3:DeleteObject', `uploads/${ALICE}/a.jpg`, 'AROAFUNCTION:presign')).toBe('ImplicitlyDenied');
  });
});
