import { Tags, aws_dynamodb as dynamodb } from 'aws-cdk-lib';
import { SingleTable, SingleTableProps } from 'cdk-cloud-patterns';
import { Construct } from 'constructs';
import { AcmeDefaults, AcmeTag } from './tags';

/**
 * SingleTable with the ACME defaults: a customer-managed KMS key always (created by DynamoDB's
 * Table, or the `encryptionKey` given), and the ACME Team and CostCenter tags.
 *
 * @example
 * new AcmeTable(this, 'Orders', { entities, accessPatterns });
 */
export class AcmeTable extends SingleTable {
  constructor(scope: Construct, id: string, props: SingleTableProps = {}) {
    super(scope, id, { ...props, encryption: dynamodb.TableEncryption.CUSTOMER_MANAGED });
    Tags.of(this).add('Team', AcmeDefaults.TEAM);
    Tags.of(this).add(AcmeTag.COST_CENTER, AcmeDefaults.COST_CENTER);
  }
}
