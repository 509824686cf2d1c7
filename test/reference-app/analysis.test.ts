/**
 * The checks judge: each is fed something deliberately broken and must catch it, so a green
 * reference-app suite means something.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { App, Stack, Validations, aws_iam as iam, aws_s3 as s3 } from 'aws-cdk-lib';
import { compareStatefulIds, findWildcards, runCfnLint, runRulePacks, statefulIds } from './analysis';

function brokenBucketStack(): { stack: Stack; bucket: s3.CfnBucket } {
  const app = new App();
  const stack = new Stack(app, 'Broken', { env: { account: '123456789012', region: 'us-east-1' } });
  const bucket = new s3.CfnBucket(stack, 'Plain'); // no encryption, versioning, logging or TLS policy
  app.synth();
  return { stack, bucket };
}

describe('rule packs', () => {
  test('report errors for a bucket without the secure defaults', () => {
    const { stack } = brokenBucketStack();
    const rules = runRulePacks(stack)
      .filter((f) => f.severity === 'error')
      .map((f) => f.rule);
    expect(rules).toEqual(expect.arrayContaining(['AwsSolutions-S1', 'AwsSolutions-S10', 'HIPAA.Security-S3BucketVersioningEnabled']));
  });

  test('an acknowledgement silences exactly its rule, on its construct', () => {
    const { stack, bucket } = brokenBucketStack();
    Validations.of(bucket).acknowledge({ id: 'AwsSolutions-S1', reason: 'test' });
    const rules = runRulePacks(stack).map((f) => f.rule);
    expect(rules).not.toContain('AwsSolutions-S1');
    expect(rules).toContain('AwsSolutions-S10');
  });
});

describe('[IAM-1] wildcard check', () => {
  const template = (statement: any, type = 'AWS::IAM::Policy') => ({
    Resources: { P: { Type: type, Properties: { PolicyDocument: { Statement: [statement] } } } },
  });

  test('flags a wildcard action', () => {
    const found = findWildcards('S', template({ Effect: 'Allow', Action: 's3:*', Resource: 'arn:aws:s3:::b/*' }));
    expect(found).toEqual([{ stack: 'S', logicalId: 'P', type: 'AWS::IAM::Policy', action: 's3:*', resource: '["arn:aws:s3:::b/*"]' }]);
  });

  test('flags a partial wildcard action such as s3:Get*', () => {
    const found = findWildcards('S', template({ Effect: 'Allow', Action: ['s3:Get*'], Resource: 'arn:aws:s3:::b' }));
    expect(found.map((f) => f.action)).toEqual(['s3:Get*']);
  });

  test('flags Resource "*" on an action that has resource-level permissions', () => {
    const found = findWildcards('S', template({ Effect: 'Allow', Action: 'dynamodb:GetItem', Resource: '*' }));
    expect(found.map((f) => `${f.action} ${f.resource}`)).toEqual(['dynamodb:GetItem *']);
  });

  test('allows X-Ray with Resource "*" (AWS requires it) and ignores Deny statements', () => {
    expect(findWildcards('S', template({ Effect: 'Allow', Action: ['xray:PutTraceSegments', 'xray:PutTelemetryRecords'], Resource: '*' }))).toEqual([]);
    expect(findWildcards('S', template({ Effect: 'Deny', Action: 's3:*', Resource: '*' }, 'AWS::S3::BucketPolicy'))).toEqual([]);
  });

  test("allows aws-cdk-lib's auto-delete wildcards only for the auto-delete role", () => {
    const forRole = (role: string) => ({
      Resources: {
        P: {
          Type: 'AWS::S3::BucketPolicy',
          Properties: {
            PolicyDocument: {
              Statement: [{ Effect: 'Allow', Principal: { AWS: { 'Fn::GetAtt': [role, 'Arn'] } }, Action: ['s3:List*'], Resource: 'arn:aws:s3:::b' }],
            },
          },
        },
      },
    });
    expect(findWildcards('S', forRole('CustomS3AutoDeleteObjectsCustomResourceProviderRole3B1BD092'))).toEqual([]);
    expect(findWildcards('S', forRole('SomeOtherRole')).map((f) => f.action)).toEqual(['s3:List*']);
  });

  test('reads inline role policies and real CDK grants', () => {
    const stack = new Stack(new App(), 'S');
    const role = new iam.Role(stack, 'R', { assumedBy: new iam.ServicePrincipal('lambda.amazonaws.com') });
    role.addToPolicy(new iam.PolicyStatement({ actions: ['sqs:*'], resources: ['*'] }));
    const found = findWildcards('S', JSON.parse(JSON.stringify(stack.resolve((stack as any)._toCloudFormation()))));
    expect(found.map((f) => f.action)).toEqual(['sqs:*']);
  });
});

describe('logical-id stability', () => {
  const templates = {
    S: { Resources: { Table1: { Type: 'AWS::DynamoDB::Table' }, Fn: { Type: 'AWS::Lambda::Function' } } },
  };

  test('records only stateful resources', () => {
    expect(statefulIds(templates)).toEqual({ S: { Table1: 'AWS::DynamoDB::Table' } });
  });

  test('fails when a committed stateful id is gone, and says a release would replace it', () => {
    const renamed = { S: { Resources: { Table2: { Type: 'AWS::DynamoDB::Table' } } } };
    const problems = compareStatefulIds(statefulIds(templates), statefulIds(renamed));
    expect(problems[0]).toContain('S/Table1 (AWS::DynamoDB::Table) is gone: a release would REPLACE (delete) this resource');
    expect(problems[1]).toContain('S/Table2 (AWS::DynamoDB::Table) is new and not in the committed list');
  });
});

describe('cfn-lint', () => {
  test('reports an error for an invalid template', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cfn-lint-'));
    const file = path.join(dir, 'bad.template.json');
    fs.writeFileSync(
      file,
      JSON.stringify({ Resources: { B: { Type: 'AWS::S3::Bucket', Properties: { VersioningConfiguration: { Status: 'Sometimes' } } } } }),
    );
    try {
      const found = runCfnLint([file]);
      expect(found.some((f) => f.level === 'Error' && f.message.includes('Sometimes'))).toBe(true);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
