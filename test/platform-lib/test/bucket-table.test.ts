import { App, Stack, aws_dynamodb as dynamodb, aws_kms as kms, aws_s3 as s3 } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import { DeploymentStage, SecureBucket, SingleTable } from 'cdk-cloud-patterns';
import { AcmeBucket, AcmeDefaults, AcmeTable } from '../lib';

const ACME_TAGS = Match.arrayWith([
  { Key: 'CostCenter', Value: AcmeDefaults.COST_CENTER },
  { Key: 'Team', Value: AcmeDefaults.TEAM },
]);

function stack(): Stack {
  return new Stack(new App(), 'S', { env: { account: '123456789012', region: 'us-east-1' } });
}

/** The resource of `type` whose logical id starts with `prefix`. */
function resource(template: Template, type: string, prefix: string): { Properties: Record<string, any> } {
  const [found] = Object.entries(template.findResources(type)).filter(([id]) => id.startsWith(prefix)).map(([, r]) => r);
  return found;
}

describe('AcmeBucket', () => {
  test('is a SecureBucket, with SSE-KMS, a rotating key and an S3 bucket key', () => {
    const s = stack();
    expect(new AcmeBucket(s, 'Docs', { stage: DeploymentStage.DEV })).toBeInstanceOf(SecureBucket);
    const t = Template.fromStack(s);
    const [rule] = resource(t, 'AWS::S3::Bucket', 'Docs').Properties.BucketEncryption.ServerSideEncryptionConfiguration;
    expect(rule.BucketKeyEnabled).toBe(true);
    expect(rule.ServerSideEncryptionByDefault.SSEAlgorithm).toBe('aws:kms');
    expect(rule.ServerSideEncryptionByDefault.KMSMasterKeyID['Fn::GetAtt'][0]).toMatch(/^Docs/);
    t.hasResourceProperties('AWS::KMS::Key', { EnableKeyRotation: true });
  });

  test('forces KMS even when the caller asks for SSE-S3', () => {
    const s = stack();
    new AcmeBucket(s, 'Docs', { encryption: s3.BucketEncryption.S3_MANAGED });
    expect(JSON.stringify(resource(Template.fromStack(s), 'AWS::S3::Bucket', 'Docs').Properties.BucketEncryption)).toContain('"SSEAlgorithm":"aws:kms"');
  });

  test('keeps DSSE, the stronger setting, when asked for', () => {
    const s = stack();
    new AcmeBucket(s, 'Docs', { encryption: s3.BucketEncryption.DSSE });
    expect(JSON.stringify(resource(Template.fromStack(s), 'AWS::S3::Bucket', 'Docs').Properties.BucketEncryption)).toContain('"SSEAlgorithm":"aws:kms:dsse"');
  });

  test('uses the given key', () => {
    const s = stack();
    const key = new kms.Key(s, 'TeamKey', { enableKeyRotation: true });
    new AcmeBucket(s, 'Docs', { encryptionKey: key });
    const t = Template.fromStack(s);
    expect(JSON.stringify(resource(t, 'AWS::S3::Bucket', 'Docs').Properties.BucketEncryption)).toMatch(/"KMSMasterKeyID":\{"Fn::GetAtt":\["TeamKey[0-9A-F]+","Arn"\]\}/);
  });

  test('tags the bucket with the ACME team and cost centre; the library defaults stay (versioning)', () => {
    const s = stack();
    new AcmeBucket(s, 'Docs');
    const bucket = resource(Template.fromStack(s), 'AWS::S3::Bucket', 'Docs');
    expect(bucket.Properties.Tags).toEqual(expect.arrayContaining([
      { Key: 'CostCenter', Value: AcmeDefaults.COST_CENTER },
      { Key: 'Team', Value: AcmeDefaults.TEAM },
    ]));
    expect(bucket.Properties.VersioningConfiguration).toEqual({ Status: 'Enabled' });
  });
});

describe('AcmeTable', () => {
  const model = {
    entities: [{ name: 'Team', partitionKey: 'TEAM#{teamId}', sortKey: 'PROFILE' }],
    accessPatterns: [{ name: 'Get a team', partitionKey: 'TEAM#{teamId}' }],
  };

  test('is a SingleTable whose table is encrypted with a customer-managed KMS key', () => {
    const s = stack();
    const table = new AcmeTable(s, 'Teams', { ...model, stage: DeploymentStage.DEV });
    expect(table).toBeInstanceOf(SingleTable);
    expect(table.encryptionKey).toBeDefined();
    Template.fromStack(s).hasResourceProperties('AWS::DynamoDB::Table', {
      SSESpecification: { SSEEnabled: true, SSEType: 'KMS', KMSMasterKeyId: Match.anyValue() },
    });
  });

  test('forces the customer-managed key even when the caller asks for the AWS-owned one', () => {
    const s = stack();
    new AcmeTable(s, 'Teams', { ...model, encryption: dynamodb.TableEncryption.DEFAULT });
    Template.fromStack(s).hasResourceProperties('AWS::DynamoDB::Table', { SSESpecification: Match.objectLike({ SSEType: 'KMS' }) });
  });

  test('uses the given key', () => {
    const s = stack();
    const key = new kms.Key(s, 'TeamKey', { enableKeyRotation: true });
    const table = new AcmeTable(s, 'Teams', { ...model, encryptionKey: key });
    expect(table.encryptionKey).toBe(key);
  });

  test('tags the table with the ACME team and cost centre; the library keys stay (PK/SK)', () => {
    const s = stack();
    new AcmeTable(s, 'Teams', model);
    Template.fromStack(s).hasResourceProperties('AWS::DynamoDB::Table', {
      Tags: ACME_TAGS,
      KeySchema: [{ AttributeName: SingleTable.PARTITION_KEY, KeyType: 'HASH' }, { AttributeName: SingleTable.SORT_KEY, KeyType: 'RANGE' }],
    });
  });
});
