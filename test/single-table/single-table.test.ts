import { App, Lazy, RemovalPolicy, Stack, aws_applicationautoscaling as appscaling, aws_backup as backup, aws_dynamodb as dynamodb, aws_iam as iam, aws_kms as kms } from 'aws-cdk-lib';
import { Annotations, Match, Template } from 'aws-cdk-lib/assertions';
import { ORDERS_MODEL } from './model';
import { DeploymentStage, SingleTable, SingleTableProps } from '../../src';
import { allows, policyGrants, templateGrants } from '../util/iam-policy';

const TABLE = 'AWS::DynamoDB::Table';

function stackWith(props?: SingleTableProps, context?: Record<string, string>): { stack: Stack; table: SingleTable } {
  const stack = new Stack(new App({ context }), 'S', { env: { account: '123456789012', region: 'us-east-1' } });
  const table = new SingleTable(stack, 'Orders', props);
  return { stack, table };
}

function template(props?: SingleTableProps, context?: Record<string, string>): Template {
  return Template.fromStack(stackWith(props, context).stack);
}

const gsi = (n: number, withSortKey = true): dynamodb.GlobalSecondaryIndexProps => ({
  indexName: `GSI${n}`,
  partitionKey: { name: `GSI${n}PK`, type: dynamodb.AttributeType.STRING },
  sortKey: withSortKey ? { name: `GSI${n}SK`, type: dynamodb.AttributeType.STRING } : undefined,
});

describe('defaults', () => {
  test('the minimal call: string keys PK / SK, one table, nothing else in DEV', () => {
    const t = template({ stage: DeploymentStage.DEV });
    t.resourceCountIs(TABLE, 1);
    t.hasResourceProperties(TABLE, {
      KeySchema: [
        { AttributeName: 'PK', KeyType: 'HASH' },
        { AttributeName: 'SK', KeyType: 'RANGE' },
      ],
      AttributeDefinitions: [
        { AttributeName: 'PK', AttributeType: 'S' },
        { AttributeName: 'SK', AttributeType: 'S' },
      ],
      TableName: Match.absent(),
      GlobalSecondaryIndexes: Match.absent(),
    });
    expect(Object.keys(t.toJSON().Resources)).toHaveLength(1);
  });

  test('the table child keeps its construct id (a changed id replaces the table)', () => {
    const { stack, table } = stackWith();
    expect(table.table.node.id).toBe('Table');
    expect(stack.getLogicalId(table.table.node.defaultChild as dynamodb.CfnTable)).toBe('OrdersTable1F8332C7');
  });

  test('[DDB-8] [COST-2] billing is on-demand by default, with no provisioned throughput or scaling', () => {
    const t = template();
    t.hasResourceProperties(TABLE, { BillingMode: 'PAY_PER_REQUEST', ProvisionedThroughput: Match.absent() });
    t.resourceCountIs('AWS::ApplicationAutoScaling::ScalableTarget', 0);
  });

  test('[DDB-4] TTL is enabled on the attribute ttl', () => {
    template().hasResourceProperties(TABLE, { TimeToLiveSpecification: { AttributeName: 'ttl', Enabled: true } });
  });

  test('[DDB-4] timeToLiveAttribute renames the TTL attribute', () => {
    const { stack, table } = stackWith({ timeToLiveAttribute: 'expiresAt' });
    Template.fromStack(stack).hasResourceProperties(TABLE, { TimeToLiveSpecification: { AttributeName: 'expiresAt', Enabled: true } });
    expect(table.timeToLiveAttribute).toBe('expiresAt');
  });

  test('[DDB-5] point-in-time recovery is on by default, in PROD and in DEV', () => {
    for (const stage of [DeploymentStage.PROD, DeploymentStage.DEV]) {
      template({ stage }).hasResourceProperties(TABLE, { PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true } });
    }
  });

  test('[DDB-5] pointInTimeRecovery: false turns it off, with a warning in PROD only', () => {
    const prod = stackWith({ pointInTimeRecovery: false }).stack;
    Template.fromStack(prod).hasResourceProperties(TABLE, { PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: false } });
    Annotations.fromStack(prod).hasWarning('/S/Orders', Match.stringLikeRegexp('point-in-time recovery is off in PROD \\(DDB-5\\).*cdk-cloud-patterns:SingleTable.pitrOff'));
    const dev = stackWith({ pointInTimeRecovery: false, stage: DeploymentStage.DEV }).stack;
    expect(Annotations.fromStack(dev).findWarning('*', Match.anyValue())).toHaveLength(0);
  });

  test('no warnings on defaults', () => {
    expect(Annotations.fromStack(stackWith().stack).findWarning('*', Match.anyValue())).toHaveLength(0);
    expect(Annotations.fromStack(stackWith(ORDERS_MODEL).stack).findWarning('*', Match.anyValue())).toHaveLength(0);
  });

  test('encryption is AWS-owned by default (no customer key, no KMS resource)', () => {
    const { stack, table } = stackWith();
    const t = Template.fromStack(stack);
    t.hasResourceProperties(TABLE, { SSESpecification: { SSEEnabled: false } });
    t.resourceCountIs('AWS::KMS::Key', 0);
    expect(table.encryptionKey).toBeUndefined();
  });

  test('no stream, no contributor insights, generated name by default', () => {
    template().hasResourceProperties(TABLE, {
      StreamSpecification: Match.absent(),
      ContributorInsightsSpecification: Match.absent(),
      TableName: Match.absent(),
    });
  });
});

describe('stage (CDK-2)', () => {
  test('[CDK-2] PROD (the default): RETAIN and deletion protection', () => {
    const t = template();
    t.hasResource(TABLE, { DeletionPolicy: 'Retain', UpdateReplacePolicy: 'Retain', Properties: Match.objectLike({ DeletionProtectionEnabled: true }) });
  });

  test('[CDK-2] DEV: DESTROY and no deletion protection', () => {
    template({ stage: DeploymentStage.DEV }).hasResource(TABLE, {
      DeletionPolicy: 'Delete',
      Properties: Match.objectLike({ DeletionProtectionEnabled: false }),
    });
  });

  test('[CDK-2] the context key env=dev selects DEV when no stage prop is given; the prop wins over it', () => {
    expect(stackWith(undefined, { env: 'dev' }).table.stage).toBe(DeploymentStage.DEV);
    template(undefined, { env: 'dev' }).hasResource(TABLE, { DeletionPolicy: 'Delete' });
    template({ stage: DeploymentStage.PROD }, { env: 'dev' }).hasResource(TABLE, { DeletionPolicy: 'Retain' });
  });

  test('[CDK-2] removalPolicy overrides the stage; DESTROY in PROD also drops deletion protection', () => {
    template({ removalPolicy: RemovalPolicy.DESTROY }).hasResource(TABLE, {
      DeletionPolicy: 'Delete',
      Properties: Match.objectLike({ DeletionProtectionEnabled: false }),
    });
    template({ stage: DeploymentStage.DEV, removalPolicy: RemovalPolicy.RETAIN }).hasResource(TABLE, {
      DeletionPolicy: 'Retain',
      Properties: Match.objectLike({ DeletionProtectionEnabled: false }),
    });
  });

  test('[CDK-2] deletionProtection overrides the stage default both ways', () => {
    template({ deletionProtection: false }).hasResource(TABLE, { DeletionPolicy: 'Retain', Properties: Match.objectLike({ DeletionProtectionEnabled: false }) });
    template({ stage: DeploymentStage.DEV, deletionProtection: true }).hasResourceProperties(TABLE, { DeletionProtectionEnabled: true });
  });
});

describe('backup', () => {
  test('PROD adds the table to a new daily AWS Backup plan with 35-day retention', () => {
    const { stack, table } = stackWith();
    const t = Template.fromStack(stack);
    t.resourceCountIs('AWS::Backup::BackupPlan', 1);
    t.resourceCountIs('AWS::Backup::BackupVault', 1);
    t.hasResourceProperties('AWS::Backup::BackupPlan', {
      BackupPlan: {
        BackupPlanName: Match.stringLikeRegexp('^SOrders'),
        BackupPlanRule: [Match.objectLike({ RuleName: 'Daily', ScheduleExpression: 'cron(0 5 * * ? *)', Lifecycle: { DeleteAfterDays: 35 } })],
      },
    });
    t.hasResourceProperties('AWS::Backup::BackupSelection', {
      BackupSelection: Match.objectLike({ Resources: [{ 'Fn::GetAtt': ['OrdersTable1F8332C7', 'Arn'] }] }),
    });
    expect(table.backupPlan).toBeInstanceOf(backup.BackupPlan);
    expect(table.backupSelection).toBeDefined();
  });

  test('two tables in one stack get distinct backup plan names', () => {
    const { stack } = stackWith();
    new SingleTable(stack, 'Sessions');
    const names = Object.values(Template.fromStack(stack).findResources('AWS::Backup::BackupPlan')).map(
      (r) => (r as { Properties: { BackupPlan: { BackupPlanName: string } } }).Properties.BackupPlan.BackupPlanName,
    );
    expect(new Set(names).size).toBe(2);
  });

  test('DEV has no backup plan; backup: true adds one in DEV, backup: false removes it in PROD', () => {
    const dev = template({ stage: DeploymentStage.DEV });
    dev.resourceCountIs('AWS::Backup::BackupPlan', 0);
    dev.resourceCountIs('AWS::Backup::BackupSelection', 0);
    template({ stage: DeploymentStage.DEV, backup: true }).resourceCountIs('AWS::Backup::BackupSelection', 1);
    const prodOff = stackWith({ backup: false });
    Template.fromStack(prodOff.stack).resourceCountIs('AWS::Backup::BackupSelection', 0);
    expect(prodOff.table.backupPlan).toBeUndefined();
  });

  test('backupPlan adds the table to an existing plan and creates none', () => {
    const stack = new Stack();
    const plan = backup.BackupPlan.fromBackupPlanId(stack, 'Central', 'plan-1234');
    const table = new SingleTable(stack, 'Orders', { stage: DeploymentStage.DEV, backupPlan: plan });
    const t = Template.fromStack(stack);
    t.resourceCountIs('AWS::Backup::BackupPlan', 0);
    t.hasResourceProperties('AWS::Backup::BackupSelection', { BackupPlanId: 'plan-1234' });
    expect(table.backupPlan).toBe(plan);
  });

  test('fails for backupPlan with backup: false (the plan would be ignored)', () => {
    const stack = new Stack(new App(), 'S');
    const plan = backup.BackupPlan.fromBackupPlanId(stack, 'Central', 'plan-1234');
    expect(() => new SingleTable(stack, 'Orders', { backup: false, backupPlan: plan })).toThrow(
      "[S/Orders] backupPlan: received 'S/Central'; allowed: no backupPlan with backup: false (the plan would be ignored). Remove backup: false to add the table to the plan, or remove backupPlan",
    );
  });
});

describe('encryption, stream, insights, name', () => {
  test('encryptionKey encrypts the table with the customer key', () => {
    const stack = new Stack();
    const key = new kms.Key(stack, 'Key', { enableKeyRotation: true });
    const table = new SingleTable(stack, 'Orders', { encryptionKey: key });
    Template.fromStack(stack).hasResourceProperties(TABLE, {
      SSESpecification: { SSEEnabled: true, SSEType: 'KMS', KMSMasterKeyId: { 'Fn::GetAtt': [Match.stringLikeRegexp('^Key'), 'Arn'] } },
    });
    expect(table.encryptionKey).toBe(key);
  });

  test('encryption: CUSTOMER_MANAGED without a key creates one; AWS_MANAGED uses aws/dynamodb', () => {
    const cmk = stackWith({ encryption: dynamodb.TableEncryption.CUSTOMER_MANAGED });
    Template.fromStack(cmk.stack).resourceCountIs('AWS::KMS::Key', 1);
    expect(cmk.table.encryptionKey).toBeDefined();
    template({ encryption: dynamodb.TableEncryption.AWS_MANAGED }).hasResourceProperties(TABLE, {
      SSESpecification: { SSEEnabled: true, KMSMasterKeyId: Match.absent() },
    });
  });

  test('fails for encryptionKey with an encryption other than CUSTOMER_MANAGED', () => {
    for (const encryption of [dynamodb.TableEncryption.DEFAULT, dynamodb.TableEncryption.AWS_MANAGED]) {
      const stack = new Stack(new App(), 'S');
      const key = new kms.Key(stack, 'Key');
      expect(() => new SingleTable(stack, 'Orders', { encryption, encryptionKey: key })).toThrow(
        `[S/Orders] encryptionKey: received 'S/Key'; allowed: no encryptionKey with encryption ${encryption}; a key needs encryption CUSTOMER_MANAGED (or leave encryption unset)`,
      );
    }
    const stack = new Stack();
    const key = new kms.Key(stack, 'Key');
    const table = new SingleTable(stack, 'Orders', { encryption: dynamodb.TableEncryption.CUSTOMER_MANAGED, encryptionKey: key });
    expect(table.encryptionKey).toBe(key);
    Template.fromStack(stack).resourceCountIs('AWS::KMS::Key', 1);
  });

  test('stream, contributorInsights and tableName are passed through', () => {
    const { stack, table } = stackWith({ stream: dynamodb.StreamViewType.NEW_AND_OLD_IMAGES, contributorInsights: true, tableName: 'orders' });
    Template.fromStack(stack).hasResourceProperties(TABLE, {
      StreamSpecification: { StreamViewType: 'NEW_AND_OLD_IMAGES' },
      ContributorInsightsSpecification: { Enabled: true },
      TableName: 'orders',
    });
    expect(table.tableStreamArn).toBeDefined();
    expect(stack.resolve(table.tableName)).toEqual({ Ref: 'OrdersTable1F8332C7' });
    expect(stack.resolve(table.tableArn)).toEqual({ 'Fn::GetAtt': ['OrdersTable1F8332C7', 'Arn'] });
  });
});

describe('[DDB-8] [COST-2] provisioned capacity always auto-scales', () => {
  const provisioned: SingleTableProps = {
    ...ORDERS_MODEL,
    globalIndexes: [gsi(1), gsi(2, false)],
    entities: [
      { name: 'A', partitionKey: 'A#{id}', sortKey: 'A', indexKeys: [{ indexName: 'GSI1', partitionKey: 'X#{x}', sortKey: 'Y' }, { indexName: 'GSI2', partitionKey: 'Z#{z}' }] },
    ],
    accessPatterns: [
      { name: 'by x', indexName: 'GSI1', partitionKey: 'X#{x}' },
      { name: 'by z', indexName: 'GSI2', partitionKey: 'Z#{z}' },
    ],
    billingMode: dynamodb.BillingMode.PROVISIONED,
    readCapacity: { minCapacity: 5, maxCapacity: 100 },
    writeCapacity: { minCapacity: 2, maxCapacity: 50 },
  };

  test('[DDB-8] [COST-2] the table starts at the minimums and scales read and write between min and max at 70 %', () => {
    const { stack, table } = stackWith(provisioned);
    const t = Template.fromStack(stack);
    t.hasResourceProperties(TABLE, { BillingMode: Match.absent(), ProvisionedThroughput: { ReadCapacityUnits: 5, WriteCapacityUnits: 2 } });
    t.hasResourceProperties('AWS::ApplicationAutoScaling::ScalableTarget', {
      ResourceId: { 'Fn::Join': ['', ['table/', { Ref: 'OrdersTable1F8332C7' }]] },
      ScalableDimension: 'dynamodb:table:ReadCapacityUnits',
      MinCapacity: 5,
      MaxCapacity: 100,
    });
    t.hasResourceProperties('AWS::ApplicationAutoScaling::ScalableTarget', {
      ResourceId: { 'Fn::Join': ['', ['table/', { Ref: 'OrdersTable1F8332C7' }]] },
      ScalableDimension: 'dynamodb:table:WriteCapacityUnits',
      MinCapacity: 2,
      MaxCapacity: 50,
    });
    const policies = t.findResources('AWS::ApplicationAutoScaling::ScalingPolicy');
    expect(Object.keys(policies)).toHaveLength(6);
    for (const p of Object.values(policies)) {
      expect(p.Properties.TargetTrackingScalingPolicyConfiguration.TargetValue).toBe(70);
    }
    expect(table.readScaling).toBeDefined();
    expect(table.writeScaling).toBeDefined();
  });

  test('[DDB-8] [COST-2] every GSI gets read and write scalable targets and starts at the table minimums', () => {
    const t = template(provisioned);
    t.resourceCountIs('AWS::ApplicationAutoScaling::ScalableTarget', 6);
    for (const index of ['GSI1', 'GSI2']) {
      for (const [dimension, min, max] of [['Read', 5, 100], ['Write', 2, 50]] as const) {
        t.hasResourceProperties('AWS::ApplicationAutoScaling::ScalableTarget', {
          ResourceId: { 'Fn::Join': ['', ['table/', { Ref: 'OrdersTable1F8332C7' }, `/index/${index}`]] },
          ScalableDimension: `dynamodb:index:${dimension}CapacityUnits`,
          MinCapacity: min,
          MaxCapacity: max,
        });
      }
    }
    t.hasResourceProperties(TABLE, {
      GlobalSecondaryIndexes: [
        Match.objectLike({ IndexName: 'GSI1', ProvisionedThroughput: { ReadCapacityUnits: 5, WriteCapacityUnits: 2 } }),
        Match.objectLike({ IndexName: 'GSI2', ProvisionedThroughput: { ReadCapacityUnits: 5, WriteCapacityUnits: 2 } }),
      ],
    });
  });

  test('[DDB-8] each GSI\'s scaling is reachable (indexReadScaling / indexWriteScaling), e.g. to add a schedule', () => {
    const { stack, table } = stackWith(provisioned);
    table.indexReadScaling('GSI1')!.scaleOnSchedule('Morning', {
      schedule: appscaling.Schedule.cron({ hour: '8', minute: '0' }),
      minCapacity: 20,
    });
    expect(table.indexWriteScaling('GSI2')).toBeDefined();
    expect(table.indexWriteScaling('GSI2')).not.toBe(table.indexReadScaling('GSI2'));
    Template.fromStack(stack).hasResourceProperties('AWS::ApplicationAutoScaling::ScalableTarget', {
      ResourceId: { 'Fn::Join': ['', ['table/', { Ref: 'OrdersTable1F8332C7' }, '/index/GSI1']] },
      ScalableDimension: 'dynamodb:index:ReadCapacityUnits',
      ScheduledActions: [Match.objectLike({ ScheduledActionName: 'Morning', ScalableTargetAction: { MinCapacity: 20 } })],
    });
    expect(() => table.indexReadScaling('GSI9')).toThrow(
      "[S/Orders] indexReadScaling(indexName): received 'GSI9'; allowed: a declared global secondary index: GSI1, GSI2",
    );
    const onDemand = stackWith(ORDERS_MODEL).table;
    expect(onDemand.indexReadScaling('GSI1')).toBeUndefined();
    expect(onDemand.indexWriteScaling('GSI1')).toBeUndefined();
    expect(() => onDemand.indexWriteScaling('gsi1')).toThrow("[S/Orders] indexWriteScaling(indexName): received 'gsi1'; allowed: a declared global secondary index: GSI1");
  });

  test('[COST-2] targetUtilizationPercent and per-index starting capacity can be overridden', () => {
    const t = template({
      ...provisioned,
      targetUtilizationPercent: 50,
      globalIndexes: [{ ...gsi(1), readCapacity: 10, writeCapacity: 3 }, gsi(2, false)],
    });
    for (const p of Object.values(t.findResources('AWS::ApplicationAutoScaling::ScalingPolicy'))) {
      expect(p.Properties.TargetTrackingScalingPolicyConfiguration.TargetValue).toBe(50);
    }
    t.hasResourceProperties(TABLE, {
      GlobalSecondaryIndexes: Match.arrayWith([Match.objectLike({ IndexName: 'GSI1', ProvisionedThroughput: { ReadCapacityUnits: 10, WriteCapacityUnits: 3 } })]),
    });
  });

  test('[DDB-8] fails for provisioned billing without capacities', () => {
    expect(() => stackWith({ billingMode: dynamodb.BillingMode.PROVISIONED })).toThrow(
      '[S/Orders] readCapacity: received undefined; allowed: { minCapacity, maxCapacity } with billingMode PROVISIONED (provisioned capacity always auto-scales). Or leave billingMode unset for on-demand',
    );
    expect(() => stackWith({ billingMode: dynamodb.BillingMode.PROVISIONED, readCapacity: { minCapacity: 1, maxCapacity: 2 } })).toThrow(
      '[S/Orders] writeCapacity: received undefined; allowed: { minCapacity, maxCapacity }',
    );
  });

  test('[COST-2] fails for capacities with on-demand billing', () => {
    expect(() => stackWith({ readCapacity: { minCapacity: 1, maxCapacity: 2 } })).toThrow(
      '[S/Orders] readCapacity: received {"minCapacity":1,"maxCapacity":2}; allowed: nothing with on-demand billing; set billingMode: BillingMode.PROVISIONED to use capacities',
    );
    expect(() => stackWith({ billingMode: dynamodb.BillingMode.PAY_PER_REQUEST, targetUtilizationPercent: 60 })).toThrow(
      '[S/Orders] targetUtilizationPercent: received 60; allowed: nothing with on-demand billing',
    );
  });

  test('[COST-2] fails for index capacities with on-demand billing', () => {
    const onDemand = { ...provisioned, billingMode: undefined, readCapacity: undefined, writeCapacity: undefined };
    expect(() => stackWith({ ...onDemand, globalIndexes: [gsi(1), { ...gsi(2, false), writeCapacity: 4 }] })).toThrow(
      '[S/Orders] globalIndexes[1].writeCapacity: received 4; allowed: nothing with on-demand billing; set billingMode: BillingMode.PROVISIONED to use capacities',
    );
    expect(() => stackWith({ ...onDemand, globalIndexes: [{ ...gsi(1), readCapacity: 3 }, gsi(2, false)] })).toThrow(
      '[S/Orders] globalIndexes[0].readCapacity: received 3; allowed: nothing with on-demand billing',
    );
  });

  test('[COST-2] fails for a capacity range below 1 or with max below min, and for a target outside 20-90', () => {
    const base = { billingMode: dynamodb.BillingMode.PROVISIONED, writeCapacity: { minCapacity: 1, maxCapacity: 5 } };
    expect(() => stackWith({ ...base, readCapacity: { minCapacity: 0, maxCapacity: 5 } })).toThrow(
      '[S/Orders] readCapacity: received {"minCapacity":0,"maxCapacity":5}; allowed: whole numbers with 1 <= minCapacity <= maxCapacity',
    );
    expect(() => stackWith({ ...base, readCapacity: { minCapacity: 10, maxCapacity: 5 } })).toThrow(
      '[S/Orders] readCapacity: received {"minCapacity":10,"maxCapacity":5}; allowed: whole numbers with 1 <= minCapacity <= maxCapacity',
    );
    expect(() => stackWith({ ...base, readCapacity: { minCapacity: 1, maxCapacity: 5 }, targetUtilizationPercent: 95 })).toThrow(
      '[S/Orders] targetUtilizationPercent: received 95; allowed: a percentage from 20 to 90',
    );
  });

  test('[COST-2] capacity tokens are not rejected', () => {
    const min = Lazy.number({ produce: () => 3 });
    const t = template({
      billingMode: dynamodb.BillingMode.PROVISIONED,
      readCapacity: { minCapacity: min, maxCapacity: 10 },
      writeCapacity: { minCapacity: 1, maxCapacity: Lazy.number({ produce: () => 9 }) },
    });
    t.hasResourceProperties(TABLE, { ProvisionedThroughput: { ReadCapacityUnits: 3, WriteCapacityUnits: 1 } });
  });
});

describe('grants and metrics', () => {
  function withRole(props?: SingleTableProps) {
    const { stack, table } = stackWith(props);
    const role = new iam.Role(stack, 'Role', { assumedBy: new iam.ServicePrincipal('lambda.amazonaws.com') });
    return { stack, table, role };
  }
  const actionsOf = (stack: Stack): string[] =>
    Object.values(Template.fromStack(stack).findResources('AWS::IAM::Policy')).flatMap((p) =>
      (p.Properties.PolicyDocument.Statement as { Action: string | string[] }[]).flatMap((s) => ([] as string[]).concat(s.Action)),
    );

  test('grantReadData, grantWriteData and grantReadWriteData delegate to the table', () => {
    const r = withRole();
    r.table.grantReadData(r.role);
    expect(actionsOf(r.stack)).toEqual(expect.arrayContaining(['dynamodb:GetItem', 'dynamodb:Query', 'dynamodb:Scan']));
    expect(actionsOf(r.stack)).not.toContain('dynamodb:PutItem');

    const w = withRole();
    w.table.grantWriteData(w.role);
    expect(actionsOf(w.stack)).toEqual(expect.arrayContaining(['dynamodb:PutItem', 'dynamodb:UpdateItem', 'dynamodb:DeleteItem']));
    expect(actionsOf(w.stack)).not.toContain('dynamodb:GetItem');

    const rw = withRole();
    const grant = rw.table.grantReadWriteData(rw.role);
    expect(grant.success).toBe(true);
    expect(actionsOf(rw.stack)).toEqual(expect.arrayContaining(['dynamodb:GetItem', 'dynamodb:PutItem']));
    expect(templateGrants(Template.fromStack(rw.stack))).toEqual(
      expect.arrayContaining(allows(['dynamodb:GetItem', 'dynamodb:PutItem'], { 'Fn::GetAtt': ['OrdersTable1F8332C7', 'Arn'] })),
    );
  });

  test('grant(grantee, ...actions) grants exactly the given actions', () => {
    const { stack, table, role } = withRole();
    table.grant(role, 'dynamodb:DescribeTable');
    expect(actionsOf(stack)).toEqual(['dynamodb:DescribeTable']);
  });

  test('with a customer key the read/write grant includes the key', () => {
    const { stack, table, role } = withRole({ encryption: dynamodb.TableEncryption.CUSTOMER_MANAGED });
    table.grantReadWriteData(role);
    expect(actionsOf(stack)).toEqual(expect.arrayContaining(['kms:Decrypt', 'kms:Encrypt']));
  });

  test('[DDB-7] grantLeadingKeys: item actions on the table only, ForAllValues:StringEquals on ${aws:userid}', () => {
    const { stack, table, role } = withRole();
    table.grantLeadingKeys(role);
    expect(templateGrants(Template.fromStack(stack))).toEqual(policyGrants([
      {
        Effect: 'Allow',
        Action: [
          'dynamodb:GetItem', 'dynamodb:BatchGetItem', 'dynamodb:Query', 'dynamodb:PutItem',
          'dynamodb:UpdateItem', 'dynamodb:DeleteItem', 'dynamodb:BatchWriteItem', 'dynamodb:ConditionCheckItem',
        ],
        Resource: { 'Fn::GetAtt': ['OrdersTable1F8332C7', 'Arn'] },
        Condition: { 'ForAllValues:StringEquals': { 'dynamodb:LeadingKeys': ['${aws:userid}'] } },
      },
    ]));
  });

  test('[DDB-7] grantLeadingKeys options: keyPrefix, leadingKeys, actions, includeIndexes', () => {
    const { stack, table, role } = withRole();
    table.grantLeadingKeys(role, {
      keyPrefix: 'USER#',
      leadingKeys: ['${cognito-identity.amazonaws.com:sub}'],
      actions: ['dynamodb:GetItem', 'dynamodb:Query'],
      includeIndexes: true,
    });
    Template.fromStack(stack).hasResourceProperties('AWS::IAM::Policy', {
      PolicyDocument: {
        Statement: [
          {
            Effect: 'Allow',
            Action: ['dynamodb:GetItem', 'dynamodb:Query'],
            Resource: [
              { 'Fn::GetAtt': ['OrdersTable1F8332C7', 'Arn'] },
              { 'Fn::Join': ['', [{ 'Fn::GetAtt': ['OrdersTable1F8332C7', 'Arn'] }, '/index/*']] },
            ],
            Condition: { 'ForAllValues:StringEquals': { 'dynamodb:LeadingKeys': ['USER#${cognito-identity.amazonaws.com:sub}'] } },
          },
        ],
      },
    });
  });

  test('[DDB-7] with a customer key grantLeadingKeys adds decrypt (read-only) or encrypt/decrypt (writes)', () => {
    const ro = withRole({ encryption: dynamodb.TableEncryption.CUSTOMER_MANAGED });
    ro.table.grantLeadingKeys(ro.role, { actions: ['dynamodb:GetItem'] });
    expect(actionsOf(ro.stack)).toEqual(['dynamodb:GetItem', 'kms:Decrypt']);
    const rw = withRole({ encryption: dynamodb.TableEncryption.CUSTOMER_MANAGED });
    rw.table.grantLeadingKeys(rw.role);
    expect(actionsOf(rw.stack)).toEqual(expect.arrayContaining(['kms:Decrypt', 'kms:Encrypt', 'kms:GenerateDataKey*']));
  });

  test('[DDB-7] fails for actions that do not carry leading keys, and for empty lists', () => {
    const { table, role } = withRole();
    expect(() => table.grantLeadingKeys(role, { actions: ['dynamodb:GetItem', 'dynamodb:*'] })).toThrow(
      "[S/Orders] grantLeadingKeys actions[1]: received 'dynamodb:*'; allowed: an item-level action whose requests carry dynamodb:LeadingKeys: dynamodb:GetItem, dynamodb:BatchGetItem",
    );
    expect(() => table.grantLeadingKeys(role, { actions: ['dynamodb:Scan'] })).toThrow(
      'A Scan has no leading key, so ForAllValues would allow it on every partition',
    );
    expect(() => table.grantLeadingKeys(role, { actions: [] })).toThrow('[S/Orders] grantLeadingKeys actions: received []; allowed: at least one action');
    expect(() => table.grantLeadingKeys(role, { leadingKeys: [] })).toThrow(
      "[S/Orders] grantLeadingKeys leadingKeys: received []; allowed: at least one key value, e.g. '${aws:userid}'",
    );
  });

  test('[DDB-7] grantLeadingKeys warns when keyPrefix fits no declared entity\'s partition key', () => {
    const warnings = (keyPrefix: string | undefined) => {
      const { stack, table, role } = withRole(ORDERS_MODEL);
      table.grantLeadingKeys(role, { keyPrefix });
      return Annotations.fromStack(stack).findWarning('/S/Orders', Match.anyValue()).map((w) => String(w.entry.data));
    };
    expect(warnings('USER#')).toEqual([]);
    expect(warnings('ORDER#')).toEqual([]);
    expect(warnings(Lazy.string({ produce: () => 'X#' }))).toEqual([]);
    expect(warnings('USR#')).toEqual([
      "grantLeadingKeys keyPrefix 'USR#' fits no declared entity's partition key (USER#{userId}, ORDER#{orderId}): " +
        'the grant allows only partitions the model does not have [ack: cdk-cloud-patterns:SingleTable.leadingKeyPrefix]',
    ]);
    // the default prefix '' grants the bare user id, which is no partition of this model
    expect(warnings(undefined)).toHaveLength(1);
    expect(warnings(undefined)[0]).toContain("keyPrefix '' fits no declared entity's partition key");
    // a table without a model, and an imported table, check nothing
    const bare = withRole();
    bare.table.grantLeadingKeys(bare.role);
    expect(Annotations.fromStack(bare.stack).findWarning('*', Match.anyValue())).toHaveLength(0);
  });

  test('[DDB-7] grantLeadingKeys does not reject tokens in actions, leading keys or the key prefix', () => {
    const { stack, table, role } = withRole();
    const action = Lazy.string({ produce: () => 'dynamodb:Query' });
    const key = Lazy.string({ produce: () => 'tenant-1' });
    const prefix = Lazy.string({ produce: () => 'TENANT#' });
    table.grantLeadingKeys(role, { actions: ['dynamodb:GetItem', action], leadingKeys: [key], keyPrefix: prefix });
    Template.fromStack(stack).hasResourceProperties('AWS::IAM::Policy', {
      PolicyDocument: {
        Statement: [
          Match.objectLike({
            Action: ['dynamodb:GetItem', 'dynamodb:Query'],
            Condition: { 'ForAllValues:StringEquals': { 'dynamodb:LeadingKeys': ['TENANT#tenant-1'] } },
          }),
        ],
      },
    });
  });

  test('metrics delegate to the table (AWS/DynamoDB, TableName dimension)', () => {
    const { stack, table } = stackWith();
    const dims = { TableName: { Ref: 'OrdersTable1F8332C7' } };
    expect(stack.resolve(table.metricConsumedReadCapacityUnits())).toMatchObject({
      namespace: 'AWS/DynamoDB', metricName: 'ConsumedReadCapacityUnits', dimensions: dims, statistic: 'Sum',
    });
    expect(stack.resolve(table.metricConsumedWriteCapacityUnits())).toMatchObject({ metricName: 'ConsumedWriteCapacityUnits', statistic: 'Sum' });
    expect(stack.resolve(table.metricUserErrors())).toMatchObject({ metricName: 'UserErrors', dimensions: {}, statistic: 'Sum' });
    expect(stack.resolve(table.metric('ReturnedItemCount', { statistic: 'Average' }))).toMatchObject({
      metricName: 'ReturnedItemCount', dimensions: dims, statistic: 'Average',
    });
    const throttled = stack.resolve(table.metricThrottledRequestsForOperations({ operations: [dynamodb.Operation.GET_ITEM] }));
    expect(JSON.stringify(throttled)).toContain('ThrottledRequests');
    const errors = stack.resolve(table.metricSystemErrorsForOperations({ operations: [dynamodb.Operation.PUT_ITEM] }));
    expect(JSON.stringify(errors)).toContain('SystemErrors');
  });
});

describe('fromTableAttributes', () => {
  test('an imported table grants and measures like a created one', () => {
    const stack = new Stack(new App(), 'S', { env: { account: '123456789012', region: 'us-east-1' } });
    const role = new iam.Role(stack, 'Role', { assumedBy: new iam.ServicePrincipal('lambda.amazonaws.com') });
    const imported = SingleTable.fromTableAttributes(stack, 'Orders', { tableName: 'orders', globalIndexes: ['GSI1'] });
    expect(imported.tableName).toBe('orders');
    // with @aws-cdk/core:enablePartitionLiterals a known region renders its partition as a literal
    const partition = stack.resolve(stack.partition);
    expect(stack.resolve(imported.tableArn)).toEqual(typeof partition === 'string'
      ? `arn:${partition}:dynamodb:us-east-1:123456789012:table/orders`
      : { 'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, ':dynamodb:us-east-1:123456789012:table/orders']] });
    imported.grantReadWriteData(role);
    imported.grantLeadingKeys(role, { keyPrefix: 'USER#', actions: ['dynamodb:GetItem'] });
    const grants = templateGrants(Template.fromStack(stack));
    const putItemOn = grants.filter((g) => g.action === 'dynamodb:PutItem').map((g) => JSON.stringify(g.resource));
    expect(putItemOn.some((r) => r.includes('table/orders/index/*'))).toBe(true);
    expect(grants.filter((g) => g.action === 'dynamodb:GetItem' && g.condition).map((g) => g.condition)).toEqual([{
      'ForAllValues:StringEquals': { 'dynamodb:LeadingKeys': ['USER#${aws:userid}'] },
    }]);
    expect(stack.resolve(imported.metric('ConsumedReadCapacityUnits')).dimensions).toEqual({ TableName: 'orders' });
    expect(stack.resolve(imported.metricConsumedWriteCapacityUnits())).toMatchObject({
      namespace: 'AWS/DynamoDB', metricName: 'ConsumedWriteCapacityUnits', dimensions: { TableName: 'orders' }, statistic: 'Sum',
    });
    expect(imported.encryptionKey).toBeUndefined();
  });

  test('an imported table with its customer key includes the key in grants', () => {
    const stack = new Stack();
    const key = new kms.Key(stack, 'Key');
    const role = new iam.Role(stack, 'Role', { assumedBy: new iam.ServicePrincipal('lambda.amazonaws.com') });
    const imported = SingleTable.fromTableAttributes(stack, 'Orders', {
      tableArn: 'arn:aws:dynamodb:eu-west-1:111122223333:table/orders',
      encryptionKey: key,
    });
    expect(imported.tableName).toBe('orders');
    expect(imported.encryptionKey).toBe(key);
    imported.grantLeadingKeys(role, { actions: ['dynamodb:Query'] });
    const actions = Object.values(Template.fromStack(stack).findResources('AWS::IAM::Policy')).flatMap((p) =>
      (p.Properties.PolicyDocument.Statement as { Action: string | string[] }[]).flatMap((s) => ([] as string[]).concat(s.Action)),
    );
    expect(actions).toEqual(['dynamodb:Query', 'kms:Decrypt']);
  });

  test('fails without a name or an ARN, and with both', () => {
    expect(() => SingleTable.fromTableAttributes(new Stack(new App(), 'S'), 'Orders', {})).toThrow(
      '[S/Orders] tableName / tableArn: received {}; allowed: exactly one of tableName and tableArn',
    );
    expect(() =>
      SingleTable.fromTableAttributes(new Stack(new App(), 'S'), 'Orders', { tableName: 'a', tableArn: 'arn:aws:dynamodb:us-east-1:1:table/a' }),
    ).toThrow('[S/Orders] tableName / tableArn: received {"tableName":"a","tableArn":"arn:aws:dynamodb:us-east-1:1:table/a"}; allowed: exactly one');
  });
});

describe('escape hatches', () => {
  test('[DDB-5] node.defaultChild is the AWS::DynamoDB::Table, and its logical id is unchanged', () => {
    const { stack, table } = stackWith();
    const cfn = table.node.defaultChild as dynamodb.CfnTable;
    expect(cfn.cfnResourceType).toBe(TABLE);
    expect(cfn).toBe(table.table.node.defaultChild);
    // the table keeps the construct id `Table`: the same logical id as before defaultChild was set
    expect(stack.resolve(cfn.logicalId)).toMatch(/^OrdersTable[0-9A-F]{8}$/);
    cfn.addPropertyOverride('TableClass', 'STANDARD_INFREQUENT_ACCESS');
    Template.fromStack(stack).hasResourceProperties(TABLE, { TableClass: 'STANDARD_INFREQUENT_ACCESS' });
  });
});
