import { RemovalPolicy, aws_backup as backup, aws_dynamodb as dynamodb, aws_iam as iam } from 'aws-cdk-lib';
import { Construct } from 'constructs';

/**
 * SingleTable's checklist (DDB-4, 5, 8, CDK-2) in plain aws-cdk-lib: a PK/SK table, on demand,
 * encrypted, with point-in-time recovery, a TTL attribute, deletion protection, RETAIN, the named
 * GSIs, and a daily/weekly/monthly backup plan in a vault of its own.
 */
export function plainSingleTable(scope: Construct, id: string, globalIndexes: string[] = []): dynamodb.Table {
  // plain:start
  const table = new dynamodb.Table(scope, id, {
    partitionKey: { name: 'PK', type: dynamodb.AttributeType.STRING },
    sortKey: { name: 'SK', type: dynamodb.AttributeType.STRING },
    billingMode: dynamodb.BillingMode.PAY_PER_REQUEST,
    encryption: dynamodb.TableEncryption.AWS_MANAGED,
    pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: true },
    timeToLiveAttribute: 'ttl',
    deletionProtection: true,
    removalPolicy: RemovalPolicy.RETAIN,
  });
  for (const indexName of globalIndexes) {
    table.addGlobalSecondaryIndex({
      indexName,
      partitionKey: { name: `${indexName}PK`, type: dynamodb.AttributeType.STRING },
      sortKey: { name: `${indexName}SK`, type: dynamodb.AttributeType.STRING },
    });
  }
  const vault = new backup.BackupVault(scope, `${id}BackupVault`, { removalPolicy: RemovalPolicy.RETAIN });
  const plan = backup.BackupPlan.dailyWeeklyMonthly5YearRetention(scope, `${id}BackupPlan`, vault);
  plan.addSelection(id, { resources: [backup.BackupResource.fromDynamoDbTable(table)] });
  return table;
  // plain:end
}

/** Grants `grantee` read and write of its own items only (`dynamodb:LeadingKeys`), as SingleTable's grantLeadingKeys. */
export function plainLeadingKeysGrant(grantee: iam.IGrantable, tableArn: string, keyPrefix: string): void {
  // plain:start
  grantee.grantPrincipal.addToPrincipalPolicy(new iam.PolicyStatement({
    actions: ['dynamodb:GetItem', 'dynamodb:BatchGetItem', 'dynamodb:Query', 'dynamodb:PutItem', 'dynamodb:UpdateItem',
      'dynamodb:DeleteItem', 'dynamodb:BatchWriteItem', 'dynamodb:ConditionCheckItem'],
    resources: [tableArn],
    conditions: { 'ForAllValues:StringEquals': { 'dynamodb:LeadingKeys': [`${keyPrefix}\${aws:userid}`] } },
  }));
  // plain:end
}
