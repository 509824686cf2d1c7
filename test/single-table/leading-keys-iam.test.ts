/**
 * IAM-2 / DDB-7, proven by evaluation: the policy SingleTable.grantLeadingKeys writes is run
 * through an offline IAM simulator (@cloud-copilot/iam-simulate), which substitutes the
 * `${aws:userid}` policy variable and evaluates `ForAllValues:StringEquals` on
 * `dynamodb:LeadingKeys` the way IAM does.
 */
import { runSimulation, type Simulation } from '@cloud-copilot/iam-simulate';
import { App, Stack, aws_iam as iam } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { LeadingKeysGrantOptions, SingleTable } from '../../src';

const ACCOUNT = '123456789012';
const TABLE_ARN = `arn:aws:dynamodb:us-east-1:${ACCOUNT}:table/orders`;
const ALICE = 'AROAEXAMPLEROLEID:alice';
const BOB = 'AROAEXAMPLEROLEID:bob';

/** The identity policy the grant writes, with the table ARN made concrete. */
function grantedPolicy(options?: LeadingKeysGrantOptions): { Version: string; Statement: unknown[] } {
  const stack = new Stack(new App(), 'S', { env: { account: ACCOUNT, region: 'us-east-1' } });
  const table = new SingleTable(stack, 'Orders', { tableName: 'orders' });
  const role = new iam.Role(stack, 'Caller', { assumedBy: new iam.AccountRootPrincipal() });
  table.grantLeadingKeys(role, options);
  const policies = Template.fromStack(stack).findResources('AWS::IAM::Policy');
  const [policy] = Object.values(policies) as { Properties: { PolicyDocument: unknown } }[];
  const tableLogicalId = stack.getLogicalId(table.table.node.defaultChild as never);
  const doc = concrete(policy.Properties.PolicyDocument, tableLogicalId) as { Version: string; Statement: unknown[] };
  expect(JSON.stringify(doc)).not.toContain('Fn::');
  return doc;
}

/** Replaces the table's `Fn::GetAtt` with TABLE_ARN and evaluates `Fn::Join`. */
function concrete(value: unknown, tableLogicalId: string): unknown {
  if (Array.isArray(value)) return value.map((v) => concrete(v, tableLogicalId));
  if (value && typeof value === 'object') {
    const obj = value as Record<string, unknown>;
    const getAtt = obj['Fn::GetAtt'] as string[] | undefined;
    if (getAtt && getAtt[0] === tableLogicalId && getAtt[1] === 'Arn') return TABLE_ARN;
    const join = obj['Fn::Join'] as [string, unknown[]] | undefined;
    if (join) return join[1].map((part) => concrete(part, tableLogicalId)).join(join[0]);
    return Object.fromEntries(Object.entries(obj).map(([k, v]) => [k, concrete(v, tableLogicalId)]));
  }
  return value;
}

async function decide(
  policy: object,
  action: string,
  userid: string,
  leadingKeys: string[] | undefined,
  resource = TABLE_ARN,
): Promise<string> {
  const simulation: Simulation = {
    identityPolicies: [{ name: 'grant', policy }],
    serviceControlPolicies: [],
    resourceControlPolicies: [],
    resourcePolicy: undefined,
    request: {
      action,
      principal: `arn:aws:sts::${ACCOUNT}:assumed-role/caller/${userid.split(':')[1]}`,
      resource: { accountId: ACCOUNT, resource },
      contextVariables: {
        'aws:userid': userid,
        ...(leadingKeys ? { 'dynamodb:LeadingKeys': leadingKeys } : {}),
      },
    },
  } as Simulation;
  const response = await runSimulation(simulation, {});
  if (response.resultType === 'error') {
    throw new Error(JSON.stringify(response.errors));
  }
  return response.overallResult;
}

test('[IAM-2] the default leading-keys grant allows the caller\'s own partition and denies another\'s', async () => {
  const policy = grantedPolicy();
  expect(await decide(policy, 'dynamodb:GetItem', ALICE, [ALICE])).toBe('Allowed');
  expect(await decide(policy, 'dynamodb:PutItem', ALICE, [ALICE])).toBe('Allowed');
  expect(await decide(policy, 'dynamodb:Query', ALICE, [ALICE])).toBe('Allowed');
  expect(await decide(policy, 'dynamodb:GetItem', ALICE, [BOB])).toBe('ImplicitlyDenied');
  expect(await decide(policy, 'dynamodb:UpdateItem', BOB, [ALICE])).toBe('ImplicitlyDenied');
  // a batch touching both partitions is denied: every leading key must be the caller's
  expect(await decide(policy, 'dynamodb:BatchGetItem', ALICE, [ALICE, BOB])).toBe('ImplicitlyDenied');
  // actions outside the grant stay denied even on the own partition
  expect(await decide(policy, 'dynamodb:Scan', ALICE, undefined)).toBe('ImplicitlyDenied');
});

test('[IAM-2] [DDB-7] with keyPrefix USER# the caller gets USER#<own id> and nothing else', async () => {
  const policy = grantedPolicy({ keyPrefix: 'USER#' });
  expect(await decide(policy, 'dynamodb:GetItem', ALICE, [`USER#${ALICE}`])).toBe('Allowed');
  expect(await decide(policy, 'dynamodb:Query', ALICE, [`USER#${ALICE}`])).toBe('Allowed');
  expect(await decide(policy, 'dynamodb:GetItem', ALICE, [`USER#${BOB}`])).toBe('ImplicitlyDenied');
  // the bare id (another entity's partition shape) is not the caller's USER# partition
  expect(await decide(policy, 'dynamodb:GetItem', ALICE, [ALICE])).toBe('ImplicitlyDenied');
  expect(await decide(policy, 'dynamodb:GetItem', ALICE, [`ORDER#${ALICE}`])).toBe('ImplicitlyDenied');
});

test('[IAM-2] indexes are outside the grant unless includeIndexes is set', async () => {
  const index = `${TABLE_ARN}/index/GSI1`;
  expect(await decide(grantedPolicy(), 'dynamodb:Query', ALICE, [ALICE], index)).toBe('ImplicitlyDenied');
  const withIndexes = grantedPolicy({ includeIndexes: true });
  expect(await decide(withIndexes, 'dynamodb:Query', ALICE, [ALICE], index)).toBe('Allowed');
  expect(await decide(withIndexes, 'dynamodb:Query', ALICE, [BOB], index)).toBe('ImplicitlyDenied');
});

test('[IAM-2] why grantLeadingKeys refuses dynamodb:Scan: ForAllValues allows a request without leading keys', async () => {
  // hand-edit the granted policy to add Scan, as a careless grant would
  const policy = grantedPolicy();
  (policy.Statement[0] as { Action: string[] }).Action.push('dynamodb:Scan');
  expect(await decide(policy, 'dynamodb:Scan', ALICE, undefined)).toBe('Allowed');
  expect(() => new SingleTable(new Stack(), 'T').grantLeadingKeys(new iam.AccountRootPrincipal(), { actions: ['dynamodb:Scan'] })).toThrow(
    "[Default/T] grantLeadingKeys actions[0]: received 'dynamodb:Scan'; allowed: an item-level action whose requests carry dynamodb:LeadingKeys",
  );
});
