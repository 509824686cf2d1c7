import { App, CfnParameter, Duration, RemovalPolicy, Stack, aws_iam as iam, aws_kms as kms, aws_s3 as s3 } from 'aws-cdk-lib';
import { Annotations, Match, Template } from 'aws-cdk-lib/assertions';
import { DeploymentStage, SecureBucket, SecureBucketProps, StorageTiering } from '../../src';
import { allows, templateGrants } from '../util/iam-policy';

function newStack(context?: Record<string, string>): Stack {
  return new Stack(new App({ context }), 'Stack', { env: { account: '123456789012', region: 'us-east-1' } });
}

function build(props?: SecureBucketProps, stack = newStack()): { stack: Stack; bucket: SecureBucket; template: Template } {
  const bucket = new SecureBucket(stack, 'Assets', props);
  return { stack, bucket, template: Template.fromStack(stack) };
}

/** Properties of the main bucket (not the log bucket). */
function mainBucket(template: Template, stack: Stack, bucket: s3.Bucket): Record<string, any> {
  const id = stack.getLogicalId(bucket.node.defaultChild as s3.CfnBucket);
  return template.toJSON().Resources[id];
}

function accessLogs(template: Template, stack: Stack, bucket: SecureBucket): Record<string, any> {
  const id = stack.getLogicalId((bucket.node.findChild('AccessLogs') as s3.Bucket).node.defaultChild as s3.CfnBucket);
  return template.toJSON().Resources[id];
}

test('the minimal call works: one bucket, one log bucket, no warnings', () => {
  const { stack, template } = build();
  template.resourceCountIs('AWS::S3::Bucket', 2);
  expect(Annotations.fromStack(stack).findWarning('*', Match.anyValue())).toHaveLength(0);
});

describe('[S3-1] versioning', () => {
  test('[S3-1] versioning is on by default, on the bucket and its log bucket', () => {
    const { stack, bucket, template } = build();
    expect(mainBucket(template, stack, bucket).Properties.VersioningConfiguration).toEqual({ Status: 'Enabled' });
    expect(accessLogs(template, stack, bucket).Properties.VersioningConfiguration).toEqual({ Status: 'Enabled' });
  });

  test('[S3-1] versioned: false turns it off, with an acknowledgeable warning', () => {
    const { stack, bucket, template } = build({ versioned: false });
    expect(mainBucket(template, stack, bucket).Properties.VersioningConfiguration).toBeUndefined();
    Annotations.fromStack(stack).hasWarning(
      '/Stack/Assets',
      Match.stringLikeRegexp('Stack/Assets: versioning is off \\(S3-1\\).*\\[ack: cdk-cloud-patterns:SecureBucket.unversioned\\]'),
    );
  });
});

describe('[S3-2] encryption', () => {
  test('[S3-2] SSE-S3 by default, no KMS key', () => {
    const { stack, bucket, template } = build();
    expect(mainBucket(template, stack, bucket).Properties.BucketEncryption).toEqual({
      ServerSideEncryptionConfiguration: [{ ServerSideEncryptionByDefault: { SSEAlgorithm: 'AES256' } }],
    });
    template.resourceCountIs('AWS::KMS::Key', 0);
    expect(bucket.encryptionKey).toBeUndefined();
  });

  test('[S3-2] KMS creates a rotating key and enables the bucket key', () => {
    const { stack, bucket, template } = build({ encryption: s3.BucketEncryption.KMS });
    template.resourceCountIs('AWS::KMS::Key', 1);
    template.hasResourceProperties('AWS::KMS::Key', { EnableKeyRotation: true });
    expect(mainBucket(template, stack, bucket).Properties.BucketEncryption.ServerSideEncryptionConfiguration[0]).toEqual({
      BucketKeyEnabled: true,
      ServerSideEncryptionByDefault: {
        SSEAlgorithm: 'aws:kms',
        KMSMasterKeyID: { 'Fn::GetAtt': [stack.getLogicalId(bucket.encryptionKey!.node.defaultChild as kms.CfnKey), 'Arn'] },
      },
    });
  });

  test('[S3-2] a key you pass is used (and implies KMS); no key is created', () => {
    const stack = newStack();
    const key = new kms.Key(stack, 'MyKey', { enableKeyRotation: true });
    const { bucket, template } = build({ encryptionKey: key }, stack);
    expect(bucket.encryptionKey).toBe(key);
    template.resourceCountIs('AWS::KMS::Key', 1);
    const sse = mainBucket(template, stack, bucket).Properties.BucketEncryption.ServerSideEncryptionConfiguration[0];
    expect(sse.ServerSideEncryptionByDefault.KMSMasterKeyID).toEqual({ 'Fn::GetAtt': [stack.getLogicalId(key.node.defaultChild as kms.CfnKey), 'Arn'] });
    expect(sse.BucketKeyEnabled).toBe(true);
  });

  test('[S3-2] KMS_MANAGED gets a bucket key; bucketKeyEnabled: false turns it off', () => {
    const managed = build({ encryption: s3.BucketEncryption.KMS_MANAGED });
    expect(mainBucket(managed.template, managed.stack, managed.bucket).Properties.BucketEncryption.ServerSideEncryptionConfiguration[0]).toEqual({
      BucketKeyEnabled: true,
      ServerSideEncryptionByDefault: { SSEAlgorithm: 'aws:kms' },
    });
    const off = build({ encryption: s3.BucketEncryption.KMS, bucketKeyEnabled: false });
    const offSse = mainBucket(off.template, off.stack, off.bucket).Properties.BucketEncryption.ServerSideEncryptionConfiguration[0];
    expect(offSse.BucketKeyEnabled).toBe(false);
  });

  test('[S3-2] the log bucket stays SSE-S3 when the bucket uses KMS (log delivery supports only SSE-S3)', () => {
    const { stack, bucket, template } = build({ encryption: s3.BucketEncryption.KMS });
    expect(accessLogs(template, stack, bucket).Properties.BucketEncryption).toEqual({
      ServerSideEncryptionConfiguration: [{ ServerSideEncryptionByDefault: { SSEAlgorithm: 'AES256' } }],
    });
  });

  test('[S3-2] fails for a KMS key without KMS encryption', () => {
    const stack = newStack();
    const key = new kms.Key(stack, 'MyKey');
    expect(() => build({ encryption: s3.BucketEncryption.S3_MANAGED, encryptionKey: key }, stack)).toThrow(
      "[Stack/Assets] encryptionKey: received 'a key, with encryption S3_MANAGED'; allowed: only with encryption KMS or DSSE. Set `encryption: BucketEncryption.KMS` to use your key",
    );
  });

  test('[S3-2] fails for bucketKeyEnabled without KMS encryption', () => {
    expect(() => build({ bucketKeyEnabled: true })).toThrow(
      "[Stack/Assets] bucketKeyEnabled: received 'true, with encryption S3_MANAGED'; allowed: only with encryption KMS or KMS_MANAGED",
    );
    expect(() => build({ encryption: s3.BucketEncryption.DSSE, bucketKeyEnabled: true })).toThrow(
      "[Stack/Assets] bucketKeyEnabled: received 'true, with encryption DSSE'",
    );
  });

  test('[S3-2] fails for UNENCRYPTED', () => {
    expect(() => build({ encryption: s3.BucketEncryption.UNENCRYPTED })).toThrow(
      "[Stack/Assets] encryption: received 'UNENCRYPTED'; allowed: S3_MANAGED (the default), KMS, KMS_MANAGED, DSSE or DSSE_MANAGED",
    );
  });
});

describe('[S3-3] public access, TLS, ownership, access logs', () => {
  const denyInsecure = {
    Effect: 'Deny',
    Action: 's3:*',
    Principal: { AWS: '*' },
    Condition: { Bool: { 'aws:SecureTransport': 'false' } },
  };

  test('[S3-3] all four Block Public Access flags and bucket-owner-enforced ownership, on both buckets', () => {
    const { stack, bucket, template } = build();
    for (const props of [mainBucket(template, stack, bucket).Properties, accessLogs(template, stack, bucket).Properties]) {
      expect(props.PublicAccessBlockConfiguration).toEqual({
        BlockPublicAcls: true,
        BlockPublicPolicy: true,
        IgnorePublicAcls: true,
        RestrictPublicBuckets: true,
      });
      expect(props.OwnershipControls).toEqual({ Rules: [{ ObjectOwnership: 'BucketOwnerEnforced' }] });
    }
  });

  test('[S3-3] a TLS-only bucket policy with TLS 1.2 as the minimum, on both buckets', () => {
    const { template } = build();
    const policies = template.findResources('AWS::S3::BucketPolicy');
    expect(Object.keys(policies)).toHaveLength(2);
    for (const policy of Object.values(policies)) {
      const statements = policy.Properties.PolicyDocument.Statement;
      expect(statements).toEqual(
        expect.arrayContaining([
          expect.objectContaining(denyInsecure),
          expect.objectContaining({ Effect: 'Deny', Action: 's3:*', Condition: { NumericLessThan: { 's3:TlsVersion': 1.2 } } }),
        ]),
      );
    }
  });

  test('[S3-3] minimumTLSVersion 1.3 is honoured', () => {
    const { template } = build({ minimumTLSVersion: 1.3 });
    template.hasResourceProperties('AWS::S3::BucketPolicy', {
      PolicyDocument: { Statement: Match.arrayWith([Match.objectLike({ Condition: { NumericLessThan: { 's3:TlsVersion': 1.3 } } })]) },
    });
  });

  test('[S3-3] fails for a minimum TLS version below 1.2', () => {
    expect(() => build({ minimumTLSVersion: 1.1 })).toThrow('[Stack/Assets] minimumTLSVersion: received 1.1; allowed: 1.2 or higher');
  });

  test('[S3-3] enforceSSL: false drops the TLS statements of the bucket, with a warning', () => {
    const { stack, bucket, template } = build({ enforceSSL: false });
    const id = stack.getLogicalId(bucket.node.defaultChild as s3.CfnBucket);
    const own = Object.values(template.findResources('AWS::S3::BucketPolicy')).filter((p) => p.Properties.Bucket.Ref === id);
    expect(own).toHaveLength(0);
    Annotations.fromStack(stack).hasWarning('/Stack/Assets', Match.stringLikeRegexp('enforceSSL is false \\(S3-3\\)'));
  });

  test('[S3-3] fails for minimumTLSVersion with enforceSSL: false', () => {
    expect(() => build({ enforceSSL: false, minimumTLSVersion: 1.2 })).toThrow(
      '[Stack/Assets] minimumTLSVersion: received 1.2; allowed: only with enforceSSL: true',
    );
  });

  test('[S3-3] fails for a Block Public Access setting weaker than BLOCK_ALL', () => {
    expect(() => build({ blockPublicAccess: s3.BlockPublicAccess.BLOCK_ACLS })).toThrow(
      '[Stack/Assets] blockPublicAccess: received {"blockPublicAcls":true,"blockPublicPolicy":false,"ignorePublicAcls":true,"restrictPublicBuckets":false}; allowed: BlockPublicAccess.BLOCK_ALL (all four flags true)',
    );
  });

  test('[S3-3] fails for publicReadAccess', () => {
    expect(() => build({ publicReadAccess: true })).toThrow('[Stack/Assets] publicReadAccess: received true; allowed: false: a SecureBucket is never public');
  });

  test('[S3-3] another object ownership is accepted with a warning', () => {
    const { stack, bucket, template } = build({ objectOwnership: s3.ObjectOwnership.OBJECT_WRITER });
    expect(mainBucket(template, stack, bucket).Properties.OwnershipControls).toEqual({ Rules: [{ ObjectOwnership: 'ObjectWriter' }] });
    Annotations.fromStack(stack).hasWarning('/Stack/Assets', Match.stringLikeRegexp('objectOwnership is ObjectWriter'));
  });

  test('[S3-3] server access logs go to the AccessLogs bucket, which lets only this bucket deliver', () => {
    const { stack, bucket, template } = build();
    const logsId = stack.getLogicalId((bucket.node.findChild('AccessLogs') as s3.Bucket).node.defaultChild as s3.CfnBucket);
    const bucketId = stack.getLogicalId(bucket.node.defaultChild as s3.CfnBucket);
    expect(logsId).toMatch(/^AssetsAccessLogs/);
    expect(bucket.accessLogsBucket).toBe(bucket.node.findChild('AccessLogs'));
    expect(mainBucket(template, stack, bucket).Properties.LoggingConfiguration).toEqual({ DestinationBucketName: { Ref: logsId } });
    expect(accessLogs(template, stack, bucket).Properties.LoggingConfiguration).toBeUndefined();
    template.hasResourceProperties('AWS::S3::BucketPolicy', {
      Bucket: { Ref: logsId },
      PolicyDocument: {
        Statement: Match.arrayWith([
          {
            Sid: 'AllowServerAccessLogDelivery',
            Effect: 'Allow',
            Principal: { Service: 'logging.s3.amazonaws.com' },
            Action: 's3:PutObject',
            Resource: { 'Fn::Join': ['', [{ 'Fn::GetAtt': [logsId, 'Arn'] }, '/*']] },
            Condition: {
              ArnLike: { 'aws:SourceArn': { 'Fn::GetAtt': [bucketId, 'Arn'] } },
              StringEquals: { 'aws:SourceAccount': '123456789012' },
            },
          },
        ]),
      },
    });
  });

  test('[S3-3] serverAccessLogsPrefix is used in the log bucket and its policy', () => {
    const { stack, bucket, template } = build({ serverAccessLogsPrefix: 'assets/' });
    const logsId = stack.getLogicalId((bucket.node.findChild('AccessLogs') as s3.Bucket).node.defaultChild as s3.CfnBucket);
    expect(mainBucket(template, stack, bucket).Properties.LoggingConfiguration).toEqual({
      DestinationBucketName: { Ref: logsId },
      LogFilePrefix: 'assets/',
    });
    template.hasResourceProperties('AWS::S3::BucketPolicy', {
      PolicyDocument: {
        Statement: Match.arrayWith([
          Match.objectLike({ Sid: 'AllowServerAccessLogDelivery', Resource: { 'Fn::Join': ['', [{ 'Fn::GetAtt': [logsId, 'Arn'] }, '/assets/*']] } }),
        ]),
      },
    });
  });

  test('[S3-3] targetObjectKeyFormat is passed to the logging configuration', () => {
    const targetObjectKeyFormat = s3.TargetObjectKeyFormat.partitionedPrefix(s3.PartitionDateSource.EVENT_TIME);
    const { stack, bucket, template } = build({ targetObjectKeyFormat });
    expect(mainBucket(template, stack, bucket).Properties.LoggingConfiguration.TargetObjectKeyFormat).toEqual({
      PartitionedPrefix: { PartitionDateSource: 'EventTime' },
    });
  });

  test('[S3-3] a token minimum TLS version is not validated', () => {
    const stack = newStack();
    const tls = new CfnParameter(stack, 'Tls', { type: 'Number' }).valueAsNumber;
    const { template } = build({ minimumTLSVersion: tls }, stack);
    template.hasResourceProperties('AWS::S3::BucketPolicy', {
      PolicyDocument: { Statement: Match.arrayWith([Match.objectLike({ Condition: { NumericLessThan: { 's3:TlsVersion': { Ref: 'Tls' } } } })]) },
    });
  });

  test('[S3-3] a log bucket you pass is used; none is created', () => {
    const stack = newStack();
    const shared = new s3.Bucket(stack, 'SharedLogs', { objectOwnership: s3.ObjectOwnership.BUCKET_OWNER_ENFORCED });
    const { bucket, template } = build({ serverAccessLogsBucket: shared, serverAccessLogsPrefix: 'assets/' }, stack);
    template.resourceCountIs('AWS::S3::Bucket', 2);
    expect(bucket.node.tryFindChild('AccessLogs')).toBeUndefined();
    expect(bucket.accessLogsBucket).toBe(shared);
    const sharedId = stack.getLogicalId(shared.node.defaultChild as s3.CfnBucket);
    expect(mainBucket(template, stack, bucket).Properties.LoggingConfiguration).toEqual({
      DestinationBucketName: { Ref: sharedId },
      LogFilePrefix: 'assets/',
    });
    template.hasResourceProperties('AWS::S3::BucketPolicy', {
      Bucket: { Ref: sharedId },
      PolicyDocument: {
        Statement: [
          Match.objectLike({ Sid: 'AllowServerAccessLogDelivery', Resource: { 'Fn::Join': ['', [{ 'Fn::GetAtt': [sharedId, 'Arn'] }, '/assets/*']] } }),
        ],
      },
    });
    // no ACLs switched on behind the user's back
    expect(template.toJSON().Resources[sharedId].Properties.AccessControl).toBeUndefined();
  });

  test('[S3-3] an imported log bucket gets a warning: its policy cannot be changed', () => {
    const stack = newStack();
    const imported = s3.Bucket.fromBucketName(stack, 'Imported', 'central-access-logs');
    const { bucket } = build({ serverAccessLogsBucket: imported }, stack);
    expect(bucket.accessLogsBucket).toBe(imported);
    Annotations.fromStack(stack).hasWarning('/Stack/Assets', Match.stringLikeRegexp('server access logs bucket is imported'));
  });

  test('[S3-3] accessLogsExpiration with a log bucket you pass has no effect, with a warning', () => {
    const stack = newStack();
    const shared = new s3.Bucket(stack, 'SharedLogs', { objectOwnership: s3.ObjectOwnership.BUCKET_OWNER_ENFORCED });
    const { template } = build({ serverAccessLogsBucket: shared, accessLogsExpiration: Duration.days(400) }, stack);
    const sharedId = stack.getLogicalId(shared.node.defaultChild as s3.CfnBucket);
    expect(template.toJSON().Resources[sharedId].Properties.LifecycleConfiguration).toBeUndefined();
    Annotations.fromStack(stack).hasWarning(
      '/Stack/Assets',
      Match.stringLikeRegexp(
        'Stack/Assets: accessLogsExpiration has no effect with serverAccessLogsBucket.*\\[ack: cdk-cloud-patterns:SecureBucket.accessLogsExpirationIgnored\\]',
      ),
    );
  });

  test('[S3-3] fails for a KMS-encrypted log bucket', () => {
    const stack = newStack();
    const kmsLogs = new s3.Bucket(stack, 'KmsLogs', { encryption: s3.BucketEncryption.KMS });
    expect(() => build({ serverAccessLogsBucket: kmsLogs }, stack)).toThrow(
      "[Stack/Assets] serverAccessLogsBucket: received 'a bucket encrypted with KMS key Stack/KmsLogs/Key'; allowed: a bucket with SSE-S3 default encryption (S3 server access logging supports no other)",
    );
  });
});

describe('[S3-4] [COST-3] lifecycle', () => {
  function rules(props?: SecureBucketProps): any[] {
    const { stack, bucket, template } = build(props);
    return mainBucket(template, stack, bucket).Properties.LifecycleConfiguration.Rules;
  }

  /** The tiering of both default rules (the bucket's and its access logs'): IA at 30 days, Glacier at 90, multipart aborted at 7. */
  const DEFAULT_TIERING = {
    AbortIncompleteMultipartUpload: { DaysAfterInitiation: 7 },
    Transitions: [
      { StorageClass: 'STANDARD_IA', TransitionInDays: 30 },
      { StorageClass: 'GLACIER', TransitionInDays: 90 },
    ],
    NoncurrentVersionTransitions: [{ StorageClass: 'GLACIER', TransitionInDays: 30 }],
  };

  test('[S3-4] the default rule: IA at 30 days, Glacier at 90, noncurrent versions to Glacier at 30, multipart aborted at 7, nothing deleted', () => {
    expect(rules()).toEqual([
      {
        Id: 'SecureBucketDefault',
        Status: 'Enabled',
        ...DEFAULT_TIERING,
      },
    ]);
  });

  test('[COST-3] Intelligent-Tiering from day 0 as an option', () => {
    const [rule] = rules({ storageTiering: StorageTiering.INTELLIGENT_TIERING });
    expect(rule.Transitions).toEqual([{ StorageClass: 'INTELLIGENT_TIERING', TransitionInDays: 0 }]);
    expect(rule.NoncurrentVersionTransitions).toEqual([{ StorageClass: 'GLACIER', TransitionInDays: 30 }]);
  });

  test('[COST-3] the transition ages can be changed', () => {
    const [rule] = rules({
      infrequentAccessAfter: Duration.days(45),
      glacierAfter: Duration.days(180),
      noncurrentVersionTransitionAfter: Duration.days(10),
      abortIncompleteMultipartUploadAfter: Duration.days(2),
    });
    expect(rule.Transitions).toEqual([
      { StorageClass: 'STANDARD_IA', TransitionInDays: 45 },
      { StorageClass: 'GLACIER', TransitionInDays: 180 },
    ]);
    expect(rule.NoncurrentVersionTransitions).toEqual([{ StorageClass: 'GLACIER', TransitionInDays: 10 }]);
    expect(rule.AbortIncompleteMultipartUpload).toEqual({ DaysAfterInitiation: 2 });
  });

  test('[S3-4] deleting data is opt-in: the document\'s 365-day expiration and noncurrent expiry when asked', () => {
    const [rule] = rules({ expiration: Duration.days(365), noncurrentVersionExpiration: Duration.days(60) });
    expect(rule.ExpirationInDays).toBe(365);
    expect(rule.NoncurrentVersionExpiration).toEqual({ NoncurrentDays: 60 });
  });

  test('[S3-4] lifecycleRules you pass replace the default rule', () => {
    const given: s3.LifecycleRule = { id: 'mine', prefix: 'tmp/', expiration: Duration.days(1) };
    expect(rules({ lifecycleRules: [given] })).toEqual([{ Id: 'mine', Prefix: 'tmp/', ExpirationInDays: 1, Status: 'Enabled' }]);
  });

  test('[S3-4] the log bucket tiers its logs and keeps them unless accessLogsExpiration is set', () => {
    const kept = build();
    expect(accessLogs(kept.template, kept.stack, kept.bucket).Properties.LifecycleConfiguration.Rules).toEqual([
      {
        Id: 'AccessLogsTiering',
        Status: 'Enabled',
        ...DEFAULT_TIERING,
      },
    ]);
    const expiring = build({ accessLogsExpiration: Duration.days(400) });
    const [rule] = accessLogs(expiring.template, expiring.stack, expiring.bucket).Properties.LifecycleConfiguration.Rules;
    expect(rule.ExpirationInDays).toBe(400);
    expect(rule.NoncurrentVersionExpiration).toEqual({ NoncurrentDays: 1 });
    expect(rule.NoncurrentVersionTransitions).toBeUndefined();
  });

  test('[S3-4] fails for a transition to Infrequent Access before 30 days', () => {
    expect(() => build({ infrequentAccessAfter: Duration.days(29) })).toThrow(
      "[Stack/Assets] infrequentAccessAfter: received 29 days; allowed: at least 30 days for STANDARD_IA (S3's minimum)",
    );
    expect(() =>
      build({ lifecycleRules: [{ transitions: [{ storageClass: s3.StorageClass.ONE_ZONE_INFREQUENT_ACCESS, transitionAfter: Duration.days(7) }] }] }),
    ).toThrow("[Stack/Assets] lifecycleRules[0].transitions[0].transitionAfter: received 7 days; allowed: at least 30 days for ONEZONE_IA (S3's minimum)");
  });

  test('[S3-4] fails for Glacier before Infrequent Access', () => {
    expect(() => build({ infrequentAccessAfter: Duration.days(60), glacierAfter: Duration.days(45) })).toThrow(
      '[Stack/Assets] glacierAfter: received 45 days; allowed: at least 90 days for GLACIER: 30 days or more after the Infrequent Access transition (60 days). Glacier comes after Infrequent Access',
    );
  });

  test('[S3-4] fails for Glacier less than 30 days after Infrequent Access (S3 refuses it at deploy time)', () => {
    expect(() => build({ infrequentAccessAfter: Duration.days(60), glacierAfter: Duration.days(89) })).toThrow(
      '[Stack/Assets] glacierAfter: received 89 days; allowed: at least 90 days for GLACIER: 30 days or more after the Infrequent Access transition (60 days)',
    );
    // the default Glacier age (90) counts too when only the Infrequent Access age moves
    expect(() => build({ infrequentAccessAfter: Duration.days(61) })).toThrow(
      '[Stack/Assets] glacierAfter: received 90 days; allowed: at least 91 days for GLACIER',
    );
    // the same rule for your own rules, noncurrent transitions and the other Glacier classes
    expect(() =>
      build({
        lifecycleRules: [
          {
            noncurrentVersionTransitions: [
              { storageClass: s3.StorageClass.INFREQUENT_ACCESS, transitionAfter: Duration.days(30) },
              { storageClass: s3.StorageClass.DEEP_ARCHIVE, transitionAfter: Duration.days(45) },
            ],
          },
        ],
      }),
    ).toThrow(
      '[Stack/Assets] lifecycleRules[0].noncurrentVersionTransitions[1].transitionAfter: received 45 days; allowed: at least 60 days for DEEP_ARCHIVE',
    );
  });

  test('[S3-4] Glacier exactly 30 days after Infrequent Access is accepted', () => {
    const [rule] = rules({ infrequentAccessAfter: Duration.days(60), glacierAfter: Duration.days(90) });
    expect(rule.Transitions).toEqual([
      { StorageClass: 'STANDARD_IA', TransitionInDays: 60 },
      { StorageClass: 'GLACIER', TransitionInDays: 90 },
    ]);
  });

  test('[S3-4] fails for an expiration before the last transition', () => {
    expect(() => build({ expiration: Duration.days(90) })).toThrow(
      '[Stack/Assets] expiration: received 90 days; allowed: later than the last transition (90 days)',
    );
    expect(() => build({ noncurrentVersionExpiration: Duration.days(20) })).toThrow(
      '[Stack/Assets] noncurrentVersionExpiration: received 20 days; allowed: later than the last transition (30 days)',
    );
  });

  test('[S3-4] fails for lifecycle shorthand props together with lifecycleRules', () => {
    expect(() => build({ lifecycleRules: [{ expiration: Duration.days(10) }], expiration: Duration.days(365) })).toThrow(
      '[Stack/Assets] expiration: received 365 days; allowed: not together with `lifecycleRules`',
    );
  });

  test('[COST-3] fails for Infrequent Access or Glacier ages with Intelligent-Tiering', () => {
    expect(() => build({ storageTiering: StorageTiering.INTELLIGENT_TIERING, glacierAfter: Duration.days(180) })).toThrow(
      '[Stack/Assets] glacierAfter: received 180 days; allowed: only with storageTiering INFREQUENT_ACCESS_THEN_GLACIER',
    );
  });

  test('[S3-4] fails for aborting multipart uploads in under a day', () => {
    expect(() => build({ abortIncompleteMultipartUploadAfter: Duration.hours(12) })).toThrow(
      '[Stack/Assets] abortIncompleteMultipartUploadAfter: received 12 hours; allowed: at least 1 day (S3 counts whole days)',
    );
  });

  test('[S3-4] fails for an access-log expiration before their Glacier transition', () => {
    expect(() => build({ accessLogsExpiration: Duration.days(30) })).toThrow(
      "[Stack/Assets] accessLogsExpiration: received 30 days; allowed: later than the log bucket's Glacier transition (90 days)",
    );
  });

  test('[S3-4] rules added later are checked too', () => {
    const { bucket } = build();
    const early = { storageClass: s3.StorageClass.INFREQUENT_ACCESS, transitionAfter: Duration.days(1) };
    expect(() => bucket.addLifecycleRule({ transitions: [early] })).toThrow(
      "[Stack/Assets] addLifecycleRule(rule).transitions[0].transitionAfter: received 1 day; allowed: at least 30 days for STANDARD_IA (S3's minimum)",
    );
    bucket.addLifecycleRule({ id: 'later', prefix: 'tmp/', expiration: Duration.days(2) });
    expect(bucket.node.path).toBe('Stack/Assets');
  });

  test('[S3-4] tokens are not validated', () => {
    const stack = newStack();
    const days = (name: string) => Duration.days(new CfnParameter(stack, name, { type: 'Number' }).valueAsNumber);
    const { bucket, template } = build(
      {
        infrequentAccessAfter: days('IaDays'),
        glacierAfter: days('GlacierDays'),
        expiration: days('Exp'),
        noncurrentVersionExpiration: days('NoncurrentExp'),
        abortIncompleteMultipartUploadAfter: days('AbortDays'),
        accessLogsExpiration: days('LogsExp'),
      },
      stack,
    );
    const [rule] = mainBucket(template, stack, bucket).Properties.LifecycleConfiguration.Rules;
    expect(rule.Transitions).toEqual([
      { StorageClass: 'STANDARD_IA', TransitionInDays: { Ref: 'IaDays' } },
      { StorageClass: 'GLACIER', TransitionInDays: { Ref: 'GlacierDays' } },
    ]);
    expect(rule.ExpirationInDays).toEqual({ Ref: 'Exp' });
    expect(rule.NoncurrentVersionExpiration).toEqual({ NoncurrentDays: { Ref: 'NoncurrentExp' } });
    expect(rule.AbortIncompleteMultipartUpload).toEqual({ DaysAfterInitiation: { Ref: 'AbortDays' } });
    expect(accessLogs(template, stack, bucket).Properties.LifecycleConfiguration.Rules[0].ExpirationInDays).toEqual({ Ref: 'LogsExp' });
  });
});

describe('[S3-5] CORS', () => {
  function cors(props?: SecureBucketProps, stack?: Stack): any {
    const built = build(props, stack);
    return mainBucket(built.template, built.stack, built.bucket).Properties.CorsConfiguration;
  }

  test('[S3-5] no CORS unless asked', () => {
    expect(cors()).toBeUndefined();
  });

  test('[S3-5] corsAllowedOrigins builds one rule with the methods and headers presigned uploads need', () => {
    expect(cors({ corsAllowedOrigins: ['https://app.example.com', 'https://admin.example.com:8443'] })).toEqual({
      CorsRules: [
        {
          Id: 'PresignedUploadsAndDownloads',
          AllowedOrigins: ['https://app.example.com', 'https://admin.example.com:8443'],
          AllowedMethods: ['GET', 'PUT', 'HEAD'],
          AllowedHeaders: ['Content-Type'],
          ExposedHeaders: ['ETag'],
          MaxAge: 3600,
        },
      ],
    });
  });

  test('[S3-5] cors rules you pass are kept after it (POST allowed for form uploads)', () => {
    const rule: s3.CorsRule = { allowedOrigins: ['https://forms.example.com'], allowedMethods: [s3.HttpMethods.POST] };
    const got = cors({ corsAllowedOrigins: ['https://app.example.com'], cors: [rule] });
    expect(got.CorsRules).toHaveLength(2);
    expect(got.CorsRules[1]).toEqual({ AllowedOrigins: ['https://forms.example.com'], AllowedMethods: ['POST'] });
  });

  test('[S3-5] http://localhost is accepted in DEV (prop or context)', () => {
    expect(cors({ stage: DeploymentStage.DEV, corsAllowedOrigins: ['http://localhost:5173'] }).CorsRules[0].AllowedOrigins).toEqual([
      'http://localhost:5173',
    ]);
    expect(cors({ corsAllowedOrigins: ['http://localhost'] }, newStack({ env: 'dev' })).CorsRules[0].AllowedOrigins).toEqual([
      'http://localhost',
    ]);
  });

  test.each([
    ['*', "[Stack/Assets] corsAllowedOrigins[0]: received '*'; allowed: an explicit https:// origin such as 'https://app.example.com' (no '*', no path; 'http://localhost' only in the DEV stage). Wildcard origins let any website use your users' credentials against the bucket; list each origin your web app is served from, such as 'https://app.example.com'."],
    ['https://*.example.com', "[Stack/Assets] corsAllowedOrigins[0]: received 'https://*.example.com'; allowed: an explicit https:// origin"],
    ['http://app.example.com', "[Stack/Assets] corsAllowedOrigins[0]: received 'http://app.example.com'; allowed: an explicit https:// origin"],
    ['https://app.example.com/', "[Stack/Assets] corsAllowedOrigins[0]: received 'https://app.example.com/'; allowed"],
    ['http://localhost:3000', "[Stack/Assets] corsAllowedOrigins[0]: received 'http://localhost:3000'; allowed: an explicit https:// origin such as 'https://app.example.com' (no '*', no path; 'http://localhost' only in the DEV stage)"],
  ])('[S3-5] fails for the origin %s in PROD', (origin, message) => {
    expect(() => build({ corsAllowedOrigins: [origin] })).toThrow(message);
  });

  test('[S3-5] fails for an empty corsAllowedOrigins list', () => {
    expect(() => build({ corsAllowedOrigins: [] })).toThrow(
      "[Stack/Assets] corsAllowedOrigins: received []; allowed: at least one explicit https:// origin such as 'https://app.example.com'. Leave `corsAllowedOrigins` out for no CORS rule",
    );
  });

  test('[S3-5] fails for a wildcard origin in DEV too', () => {
    expect(() => build({ stage: DeploymentStage.DEV, corsAllowedOrigins: ['*'] })).toThrow(
      "[Stack/Assets] corsAllowedOrigins[0]: received '*'; allowed: an explicit https:// origin such as 'https://app.example.com', or 'http://localhost[:port]' (no '*', no path)",
    );
  });

  test('[S3-5] fails for a method uploads and downloads do not need', () => {
    expect(() =>
      build({ cors: [{ allowedOrigins: ['https://app.example.com'], allowedMethods: [s3.HttpMethods.GET, s3.HttpMethods.DELETE] }] }),
    ).toThrow("[Stack/Assets] cors[0].allowedMethods[1]: received 'DELETE'; allowed: GET, PUT, POST, HEAD (what uploads and downloads need)");
  });

  test('[S3-5] rules added later are checked too', () => {
    const { bucket } = build();
    expect(() => bucket.addCorsRule({ allowedOrigins: ['*'], allowedMethods: [s3.HttpMethods.GET] })).toThrow(
      "[Stack/Assets] addCorsRule(rule).allowedOrigins[0]: received '*'",
    );
  });

  test('[S3-5] token origins are not validated', () => {
    const stack = newStack();
    const origin = new CfnParameter(stack, 'Origin').valueAsString;
    expect(cors({ corsAllowedOrigins: [origin] }, stack).CorsRules[0].AllowedOrigins).toEqual([{ Ref: 'Origin' }]);
  });
});

describe('[CDK-2] removal by stage', () => {
  test('[CDK-2] PROD (the default) retains the bucket and its log bucket, objects are never auto-deleted', () => {
    const { template } = build();
    const buckets = Object.values(template.findResources('AWS::S3::Bucket'));
    expect(buckets).toHaveLength(2);
    for (const b of buckets) {
      expect(b.DeletionPolicy).toBe('Retain');
      expect(b.UpdateReplacePolicy).toBe('Retain');
    }
    template.resourceCountIs('Custom::S3AutoDeleteObjects', 0);
  });

  test('[CDK-2] DEV destroys the bucket and its log bucket with their objects', () => {
    for (const { props, stack } of [
      { props: { stage: DeploymentStage.DEV }, stack: newStack() },
      { props: {}, stack: newStack({ env: 'dev' }) },
    ]) {
      const { bucket, template } = build(props, stack);
      expect(bucket.stage).toBe(DeploymentStage.DEV);
      for (const b of Object.values(template.findResources('AWS::S3::Bucket'))) {
        expect(b.DeletionPolicy).toBe('Delete');
      }
      template.resourceCountIs('Custom::S3AutoDeleteObjects', 2);
    }
  });

  test('[CDK-2] PROD with KMS retains the key it created', () => {
    const { template } = build({ encryption: s3.BucketEncryption.KMS });
    template.hasResource('AWS::KMS::Key', { DeletionPolicy: 'Retain', UpdateReplacePolicy: 'Retain' });
  });

  test('[CDK-2] DEV with KMS destroys the key it created', () => {
    const { template } = build({ stage: DeploymentStage.DEV, encryption: s3.BucketEncryption.KMS });
    template.hasResource('AWS::KMS::Key', { DeletionPolicy: 'Delete' });
  });

  test('[CDK-2] autoDeleteObjects: false keeps DEV\'s DESTROY but deletes no objects', () => {
    const { template } = build({ stage: DeploymentStage.DEV, autoDeleteObjects: false });
    for (const b of Object.values(template.findResources('AWS::S3::Bucket'))) {
      expect(b.DeletionPolicy).toBe('Delete');
    }
    template.resourceCountIs('Custom::S3AutoDeleteObjects', 0);
  });

  test('[CDK-2] an explicit removal policy wins over the stage', () => {
    const { template } = build({ stage: DeploymentStage.DEV, removalPolicy: RemovalPolicy.RETAIN });
    for (const b of Object.values(template.findResources('AWS::S3::Bucket'))) {
      expect(b.DeletionPolicy).toBe('Retain');
    }
    template.resourceCountIs('Custom::S3AutoDeleteObjects', 0);
  });
});

describe('[IAM-2] own-prefix grant', () => {
  test('[IAM-2] grantReadWriteOwnPrefix allows object access under uploads/${aws:userid}/ only', () => {
    const stack = newStack();
    const role = new iam.Role(stack, 'Users', { assumedBy: new iam.AccountRootPrincipal() });
    const bucket = new SecureBucket(stack, 'Assets');
    const grant = bucket.grantReadWriteOwnPrefix(role);
    const template = Template.fromStack(stack);
    expect(grant.success).toBe(true);
    const bucketId = stack.getLogicalId(bucket.node.defaultChild as s3.CfnBucket);
    expect(templateGrants(template)).toEqual(allows(
      ['s3:GetObject', 's3:PutObject', 's3:AbortMultipartUpload'],
      { 'Fn::Join': ['', [{ 'Fn::GetAtt': [bucketId, 'Arn'] }, '/uploads/${aws:userid}/*']] },
    ));
  });

  test('[IAM-2] with KMS the grant includes Decrypt and GenerateDataKey on the key', () => {
    const stack = newStack();
    const role = new iam.Role(stack, 'Users', { assumedBy: new iam.AccountRootPrincipal() });
    const bucket = new SecureBucket(stack, 'Assets', { encryption: s3.BucketEncryption.KMS });
    bucket.grantReadWriteOwnPrefix(role);
    const template = Template.fromStack(stack);
    const keyId = stack.getLogicalId(bucket.encryptionKey!.node.defaultChild as kms.CfnKey);
    template.hasResourceProperties('AWS::IAM::Policy', {
      PolicyDocument: {
        Statement: Match.arrayWith([
          { Effect: 'Allow', Action: ['kms:Decrypt', 'kms:GenerateDataKey'], Resource: { 'Fn::GetAtt': [keyId, 'Arn'] } },
        ]),
      },
    });
  });
});
