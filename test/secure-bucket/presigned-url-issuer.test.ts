import { App, CfnParameter, Duration, Stack, aws_iam as iam, aws_kms as kms, aws_lambda as lambda, aws_s3 as s3 } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import { AwsSolutionsChecks, ServerlessChecks } from 'cdk-nag';
import { DeploymentStage, PowertoolsFunction, PowertoolsRuntimes, PresignedUrlIssuerProps, PresignedUrlIssuer, SecureBucket } from '../../src';
import { allows, policyGrants } from '../util/iam-policy';

function newStack(): Stack {
  return new Stack(new App(), 'Stack', { env: { account: '123456789012', region: 'us-east-1' } });
}

function build(props: Partial<PresignedUrlIssuerProps> = {}, bucketProps = {}, stack = newStack()) {
  const bucket = new SecureBucket(stack, 'Uploads', bucketProps);
  const issuer = new PresignedUrlIssuer(stack, 'Issuer', { bucket, ...props });
  return { stack, bucket, issuer, template: Template.fromStack(stack) };
}

/** The statements of every identity policy of the issuer's role: its default policy and the object policy. */
function statements(template: Template, stack: Stack, issuer: PresignedUrlIssuer): any[] {
  const role = issuer.function.role!;
  const policies = [role.node.findChild('DefaultPolicy').node.defaultChild, issuer.objectPolicy.node.defaultChild];
  return policies.flatMap((policy) => template.toJSON().Resources[stack.getLogicalId(policy as any)].Properties.PolicyDocument.Statement);
}

describe('PresignedUrlIssuer', () => {
  test('[S3-6] deploys the shipped handler as a PowertoolsFunction with the bucket and the document\'s expiries', () => {
    const { stack, bucket, issuer, template } = build();
    expect(issuer.function).toBeInstanceOf(PowertoolsFunction);
    expect(issuer.bucket).toBe(bucket);
    template.hasResourceProperties('AWS::Lambda::Function', {
      Handler: 'index.handler',
      Environment: {
        Variables: Match.objectLike({
          BUCKET_NAME: { Ref: stack.getLogicalId(bucket.node.defaultChild as s3.CfnBucket) },
          DOWNLOAD_URL_EXPIRY_SECONDS: '3600',
          UPLOAD_URL_EXPIRY_SECONDS: '300',
          POWERTOOLS_SERVICE_NAME: 'presigned-urls',
        }),
      },
    });
    const vars = template.findResources('AWS::Lambda::Function');
    expect(Object.values(vars)[0].Properties.Environment.Variables.ALLOWED_CONTENT_TYPES).toBeUndefined();
  });

  test('[S3-6] least privilege: only object reads, writes and multipart aborts under uploads/', () => {
    const { stack, bucket, issuer, template } = build();
    const bucketId = stack.getLogicalId(bucket.node.defaultChild as s3.CfnBucket);
    const s3Statements = statements(template, stack, issuer).filter((s) => JSON.stringify(s.Action).includes('s3:'));
    expect(policyGrants(s3Statements)).toEqual(allows(
      ['s3:GetObject', 's3:PutObject', 's3:AbortMultipartUpload'],
      { 'Fn::Join': ['', [{ 'Fn::GetAtt': [bucketId, 'Arn'] }, '/uploads/*']] },
    ));
    expect(JSON.stringify(statements(template, stack, issuer))).not.toContain('kms:');
  });

  test('[S3-6] with a KMS bucket the function may Decrypt and GenerateDataKey with its key, nothing more', () => {
    const { stack, bucket, issuer, template } = build({}, { encryption: s3.BucketEncryption.KMS });
    const keyId = stack.getLogicalId(bucket.encryptionKey!.node.defaultChild as kms.CfnKey);
    const kmsStatements = statements(template, stack, issuer).filter((s) => JSON.stringify(s.Action).includes('kms:'));
    expect(kmsStatements).toEqual([
      { Effect: 'Allow', Action: ['kms:Decrypt', 'kms:GenerateDataKey'], Resource: { 'Fn::GetAtt': [keyId, 'Arn'] } },
    ]);
  });

  test('[S3-6] content types, expiries, service name and function options can be changed', () => {
    const { template } = build({
      allowedContentTypes: ['Video/MP4', 'text/csv'],
      downloadUrlExpiry: Duration.minutes(15),
      uploadUrlExpiry: Duration.minutes(1),
      serviceName: 'media-uploads',
      memorySize: 256,
      environment: { EXTRA: 'kept' },
    });
    template.hasResourceProperties('AWS::Lambda::Function', {
      MemorySize: 256,
      Environment: {
        Variables: Match.objectLike({
          ALLOWED_CONTENT_TYPES: 'video/mp4,text/csv',
          DOWNLOAD_URL_EXPIRY_SECONDS: '900',
          UPLOAD_URL_EXPIRY_SECONDS: '60',
          POWERTOOLS_SERVICE_NAME: 'media-uploads',
          EXTRA: 'kept',
        }),
      },
    });
  });

  test('[S3-6] fails for a wildcard or malformed content type', () => {
    expect(() => build({ allowedContentTypes: ['image/jpeg', 'image/*'] })).toThrow(
      "[Stack/Issuer] allowedContentTypes[1]: received 'image/*'; allowed: a media type 'type/subtype' such as 'image/jpeg' (no wildcards, no parameters)",
    );
    expect(() => build({ allowedContentTypes: ['text/plain; charset=utf-8'] })).toThrow(
      "[Stack/Issuer] allowedContentTypes[0]: received 'text/plain; charset=utf-8'",
    );
  });

  test('[S3-6] fails for an empty content type list', () => {
    expect(() => build({ allowedContentTypes: [] })).toThrow(
      "[Stack/Issuer] allowedContentTypes: received []; allowed: at least one content type, e.g. ['image/jpeg']",
    );
  });

  test('[S3-6] fails for expiries beyond 12 hours or not in whole seconds', () => {
    expect(() => build({ downloadUrlExpiry: Duration.hours(13) })).toThrow(
      '[Stack/Issuer] downloadUrlExpiry: received 13 hours; allowed: whole seconds from 1 second to 12 hours',
    );
    expect(() => build({ uploadUrlExpiry: Duration.millis(1500) })).toThrow(
      '[Stack/Issuer] uploadUrlExpiry: received 1 second 500 millis; allowed: whole seconds from 1 second to 12 hours',
    );
  });

  test('[S3-6] tokens are not validated', () => {
    const stack = newStack();
    const seconds = (name: string) => Duration.seconds(new CfnParameter(stack, name, { type: 'Number' }).valueAsNumber);
    const { template } = build(
      {
        allowedContentTypes: [new CfnParameter(stack, 'Type').valueAsString],
        downloadUrlExpiry: seconds('DownloadExpiry'),
        uploadUrlExpiry: seconds('UploadExpiry'),
      },
      {},
      stack,
    );
    template.hasResourceProperties('AWS::Lambda::Function', {
      Environment: {
        Variables: Match.objectLike({
          ALLOWED_CONTENT_TYPES: { Ref: 'Type' },
          DOWNLOAD_URL_EXPIRY_SECONDS: { Ref: 'DownloadExpiry' },
          UPLOAD_URL_EXPIRY_SECONDS: { Ref: 'UploadExpiry' },
        }),
      },
    });
  });

  test('[S3-6] the function runs on Node.js (the shipped handler is JavaScript)', () => {
    const { issuer } = build();
    expect(issuer.function.runtime.family).toBe(lambda.RuntimeFamily.NODEJS);
  });
});

describe('PresignedUrlIssuer function props: defaults and overrides (issue #21)', () => {
  function fn(template: Template): Record<string, any> {
    return Object.values(template.findResources('AWS::Lambda::Function'))[0].Properties;
  }

  test.each([DeploymentStage.PROD, DeploymentStage.DEV])('defaults in %s: newest Node.js runtime, arm64, 512 MiB, 10 s, no reserved concurrency', (stage) => {
    const p = fn(build({ stage }).template);
    expect([p.Runtime, p.Architectures, p.MemorySize, p.Timeout, p.ReservedConcurrentExecutions])
      .toEqual([PowertoolsRuntimes.newestNodejs().name, ['arm64'], PowertoolsFunction.DEFAULT_MEMORY_SIZE, PowertoolsFunction.DEFAULT_TIMEOUT.toSeconds(), undefined]);
  });

  test('every function prop can be set: runtime, architecture, memory, timeout, reserved concurrency', () => {
    const p = fn(build({
      runtime: lambda.Runtime.NODEJS_22_X,
      architecture: lambda.Architecture.X86_64,
      memorySize: 1024,
      timeout: Duration.seconds(5),
      reservedConcurrentExecutions: 20,
    }).template);
    expect([p.Runtime, p.Architectures, p.MemorySize, p.Timeout, p.ReservedConcurrentExecutions])
      .toEqual(['nodejs22.x', ['x86_64'], 1024, 5, 20]);
  });

  test('stageReservedConcurrency: true reserves the stage default (PROD 100, DEV 10), as a PowertoolsFunction does', () => {
    const reserved = [DeploymentStage.PROD, DeploymentStage.DEV]
      .map((stage) => fn(build({ stage, stageReservedConcurrency: true }).template));
    expect(reserved.map((p) => p.ReservedConcurrentExecutions))
      .toEqual([PowertoolsFunction.PROD_RESERVED_CONCURRENCY, PowertoolsFunction.DEV_RESERVED_CONCURRENCY]);
  });

  test('stage comes from StageOptions like every construct: DEV log level and log retention', () => {
    const { template, issuer } = build({ stage: DeploymentStage.DEV });
    expect([issuer.function.stage, fn(template).Environment.Variables.POWERTOOLS_LOG_LEVEL]).toEqual([DeploymentStage.DEV, 'DEBUG']);
  });

  test('a Python runtime is refused: the shipped handler is JavaScript', () => {
    expect(() => build({ runtime: lambda.Runtime.PYTHON_3_14 })).toThrow(
      "[Stack/Issuer] runtime: received 'python3.14'; allowed: a Node.js runtime (nodejs24.x, nodejs22.x): the shipped handler is JavaScript");
  });

  test('a Node.js runtime the Powertools layer does not support is refused by the function, naming its path', () => {
    expect(() => build({ runtime: lambda.Runtime.NODEJS_20_X })).toThrow("[Stack/Issuer/Function] runtime: received 'nodejs20.x'; allowed: a runtime the Powertools layer supports");
  });

  test('node.defaultChild is the function\'s CfnFunction', () => {
    const { issuer } = build();
    expect(issuer.node.defaultChild).toBe(issuer.function.node.defaultChild);
    expect(issuer.node.defaultChild).toBeInstanceOf(lambda.CfnFunction);
  });
});

describe('[S3-6] what the issuer acknowledges itself (DESIGN.md §9)', () => {
  type Located = { ruleName: string; severity: string; violatingResources: Array<{ constructPath: string }> };
  function located(stack: Stack): string[] {
    const packs = [new AwsSolutionsChecks(), new ServerlessChecks()] as unknown as Array<{ validateScope(s: Stack): { violations: Located[] } }>;
    return packs.flatMap((pack) => pack.validateScope(stack).violations)
      .flatMap((v) => v.violatingResources.map((r) => `${v.ruleName} at ${r.constructPath}`)).sort();
  }

  test('[S3-6] the minimal call has no AwsSolutions and no Serverless finding, with no acknowledgement of the user', () => {
    const { stack } = build();
    expect(located(stack)).toEqual([]);
  });

  test('[S3-6] the acknowledgement matches cdk-nag\'s finding for an imported bucket too (ARN with the partition)', () => {
    const stack = newStack();
    new PresignedUrlIssuer(stack, 'Issuer', { bucket: s3.Bucket.fromBucketName(stack, 'Imported', 'team-uploads') });
    expect(located(stack)).toEqual([]);
  });

  test('[S3-6] the uploads/* wildcard sits in the construct\'s own policy, acknowledged there alone: a wildcard the user grants is still reported', () => {
    const { stack, issuer } = build();
    issuer.function.addToRolePolicy(new iam.PolicyStatement({ actions: ['s3:GetObject'], resources: ['*'] }));
    expect(located(stack)).toEqual(['AwsSolutions-IAM5[Resource::*] at Stack/Issuer/Function/ServiceRole/DefaultPolicy/Resource']);
    const own = Template.fromStack(stack).toJSON().Resources[stack.getLogicalId(issuer.objectPolicy.node.defaultChild as iam.CfnManagedPolicy)];
    expect(own.Properties.PolicyDocument.Statement).toHaveLength(1);
    expect([own.Properties.PolicyDocument.Statement[0].Action].flat().sort()).toEqual(['s3:AbortMultipartUpload', 's3:GetObject', 's3:PutObject']);
  });
});
