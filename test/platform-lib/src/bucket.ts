import { Tags, aws_s3 as s3 } from 'aws-cdk-lib';
import { SecureBucket, SecureBucketProps } from 'cdk-cloud-patterns';
import { Construct } from 'constructs';
import { AcmeDefaults, AcmeTag } from './tags';

/**
 * SecureBucket with the ACME defaults: SSE-KMS always (the library's rotating key and S3 bucket
 * key, or the `encryptionKey` given), and the ACME Team and CostCenter tags. A weaker encryption
 * than KMS or DSSE is refused by the library's own check of `encryption` and `encryptionKey`.
 *
 * @example
 * new AcmeBucket(this, 'Documents');
 */
export class AcmeBucket extends SecureBucket {
  constructor(scope: Construct, id: string, props: SecureBucketProps = {}) {
    super(scope, id, {
      ...props,
      encryption: props.encryption === s3.BucketEncryption.DSSE ? s3.BucketEncryption.DSSE : s3.BucketEncryption.KMS,
    });
    Tags.of(this).add('Team', AcmeDefaults.TEAM);
    Tags.of(this).add(AcmeTag.COST_CENTER, AcmeDefaults.COST_CENTER);
  }
}
