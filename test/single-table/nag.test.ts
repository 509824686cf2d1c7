import { App, Stack, aws_dynamodb as dynamodb, aws_iam as iam } from 'aws-cdk-lib';
import { AwsSolutionsChecks, HIPAASecurityChecks, NIST80053R5Checks, PCIDSS321Checks, ServerlessChecks } from 'cdk-nag';
import { ORDERS_MODEL } from './model';
import { DeploymentStage, SingleTable } from '../../src';
import { applyAcknowledgements, REFERENCE_ENV } from '../reference-app/app';
import { singleTableStack } from '../reference-app/stacks/single-table';

function packs() {
  return [new AwsSolutionsChecks(), new HIPAASecurityChecks(), new NIST80053R5Checks(), new PCIDSS321Checks(), new ServerlessChecks()];
}

function errors(stack: Stack): string[] {
  return packs().flatMap((pack) =>
    pack
      .validateScope(stack)
      .violations.filter((v) => v.severity === 'error')
      .map((v) => `${v.ruleName} ${JSON.stringify(v.violatingResources.map((r) => r.locations))}`),
  );
}

describe.each([DeploymentStage.PROD, DeploymentStage.DEV])('cdk-nag over the SingleTable reference stack (%s)', (stage) => {
  test('0 errors under all five packs, with the acknowledgements of the stack file', () => {
    const stack = new Stack(new App(), `SingleTable-${stage}`, { env: REFERENCE_ENV });
    singleTableStack.build(stack, stage);
    const applied = applyAcknowledgements(stack, singleTableStack);
    expect(errors(stack)).toEqual([]);
    expect(applied.length).toBeGreaterThan(0);
  });
});

test('without acknowledgements of the user: none in PROD (the construct acknowledges its backup role\'s IAM4), the backup-plan rule in DEV', () => {
  const found = (stage: DeploymentStage) => {
    const stack = new Stack(new App(), `SingleTable-${stage}`, { env: REFERENCE_ENV });
    new SingleTable(stack, 'Orders', { stage, ...ORDERS_MODEL });
    return errors(stack).map((e) => e.split(' ')[0]);
  };
  expect(found(DeploymentStage.PROD)).toEqual([]);
  expect(found(DeploymentStage.DEV).sort()).toEqual(['HIPAA.Security-DynamoDBInBackupPlan', 'NIST.800.53.R5-DynamoDBInBackupPlan']);
  const tableAcks = singleTableStack.acknowledgements.filter((a) => a.path.startsWith('Orders/'));
  expect(tableAcks.map((a) => a.id).sort()).toEqual(['HIPAA.Security-DynamoDBInBackupPlan', 'NIST.800.53.R5-DynamoDBInBackupPlan']);
});

test('[CDK-2] the backup role\'s IAM4 is acknowledged on that role alone: a managed policy the user adds elsewhere is still reported', () => {
  const stack = new Stack(new App(), 'Own', { env: REFERENCE_ENV });
  new SingleTable(stack, 'Orders', { stage: DeploymentStage.PROD, ...ORDERS_MODEL });
  const role = new iam.Role(stack, 'Other', { assumedBy: new iam.ServicePrincipal('backup.amazonaws.com') });
  role.addManagedPolicy(iam.ManagedPolicy.fromAwsManagedPolicyName('service-role/AWSBackupServiceRolePolicyForBackup'));
  const iam4 = new AwsSolutionsChecks().validateScope(stack).violations.filter((v) => v.ruleName.startsWith('AwsSolutions-IAM4'));
  expect(iam4.flatMap((v) => v.violatingResources.map((r) => r.constructPath))).toEqual(['Own/Other/Resource']);
});

test('[DDB-8] provisioned billing with a customer key and a stream: 0 errors (auto-scaling on the table and GSI1)', () => {
  const stack = new Stack(new App(), 'Provisioned', { env: REFERENCE_ENV });
  new SingleTable(stack, 'Orders', {
    ...ORDERS_MODEL,
    stage: DeploymentStage.DEV,
    backup: true,
    billingMode: dynamodb.BillingMode.PROVISIONED,
    readCapacity: { minCapacity: 5, maxCapacity: 50 },
    writeCapacity: { minCapacity: 5, maxCapacity: 50 },
    encryption: dynamodb.TableEncryption.CUSTOMER_MANAGED,
    stream: dynamodb.StreamViewType.NEW_IMAGE,
  });
  applyAcknowledgements(stack, singleTableStack);
  expect(errors(stack)).toEqual([]);
  // the auto-scaling rule is not vacuous here: drop GSI1's scaling and it fires
  const unscaled = new Stack(new App(), 'Unscaled', { env: REFERENCE_ENV });
  const plain = new dynamodb.Table(unscaled, 'T', {
    partitionKey: { name: 'PK', type: dynamodb.AttributeType.STRING },
    billingMode: dynamodb.BillingMode.PROVISIONED,
  });
  plain.autoScaleReadCapacity({ minCapacity: 1, maxCapacity: 2 }).scaleOnUtilization({ targetUtilizationPercent: 70 });
  expect(new NIST80053R5Checks().validateScope(unscaled).violations.map((v) => v.ruleName)).toContain('NIST.800.53.R5-DynamoDBAutoScalingEnabled');
});
