/**
 * The checks that judge every construct, over the reference app: cdk-nag's five packs, cfn-lint, the
 * IAM wildcard check (IAM-1) and the stateful logical ids. Used by the tests and by the demo.
 */
import { execFile, execFileSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { Stack } from 'aws-cdk-lib';
import {
  AwsSolutionsChecks,
  HIPAASecurityChecks,
  NagPack,
  NIST80053R5Checks,
  PCIDSS321Checks,
  ServerlessChecks,
} from 'cdk-nag';

// ---------------------------------------------------------------------------------------------
// cdk-nag

/** The five rule packs, in the order the summary prints them. */
export const RULE_PACKS: { name: string; make: () => NagPack }[] = [
  { name: 'AwsSolutions', make: () => new AwsSolutionsChecks() },
  { name: 'HIPAA', make: () => new HIPAASecurityChecks() },
  { name: 'NIST-800-53-R5', make: () => new NIST80053R5Checks() },
  { name: 'PCI-DSS-3.2.1', make: () => new PCIDSS321Checks() },
  { name: 'Serverless', make: () => new ServerlessChecks() },
];

/** One unacknowledged finding of a pack. */
export interface NagFinding {
  readonly pack: string;
  readonly rule: string;
  readonly severity: 'error' | 'warning';
  readonly constructPath: string;
  readonly description: string;
}

/** Runs every pack over `stack` (after synthesis, so aspects have run); acknowledged findings are left out. */
export function runRulePacks(stack: Stack): NagFinding[] {
  const findings: NagFinding[] = [];
  for (const pack of RULE_PACKS) {
    const report = pack.make().validateScope(stack);
    for (const violation of report.violations) {
      for (const resource of violation.violatingResources) {
        findings.push({
          pack: pack.name,
          rule: violation.ruleName,
          severity: violation.severity === 'error' ? 'error' : 'warning',
          constructPath: resource.constructPath ?? resource.resourceLogicalId ?? '?',
          description: violation.description,
        });
      }
    }
  }
  return findings;
}

// ---------------------------------------------------------------------------------------------
// cfn-lint

/**
 * cfn-lint rules switched off, each with the reason. Keep this list short: every entry is a
 * finding the library chose not to fix.
 */
export const CFN_LINT_IGNORED: { rule: string; reason: string }[] = [
  {
    rule: 'W3005',
    reason:
      "aws-cdk-lib's lambda.Function adds a DependsOn on its role (and default policy) next to the Fn::GetAtt of the role, so the policy exists before the first invocation; the redundant DependsOn is harmless and not under the library's control.",
  },
  {
    rule: 'W3010',
    reason:
      'A VPC in a stack with a pinned account and region lists its Availability Zones as literals, from the context lookup of stack.availabilityZones (the reference app has no lookup, so CDK writes its placeholders); aws-cdk-lib acknowledges CloudFormation-Validate::W3010 itself as expected and safe. The literals are resolved once and recorded in cdk.context.json, so subnets never move.',
  },
];

/** One cfn-lint finding. */
export interface CfnLintFinding {
  readonly file: string;
  readonly rule: string;
  readonly level: string;
  readonly message: string;
}

/** The cfn-lint of the project's .venv (projenrc/python-env.sh makes it). */
export const CFN_LINT_BIN = path.join(__dirname, '..', '..', '.venv', 'bin', 'cfn-lint');

export interface CfnLintOptions {
  /**
   * Also run cfn-lint's informational (I*) rules. They cost a quarter of cfn-lint's time and no
   * test fails on them; the demo prints them.
   * @default false
   */
  readonly informational?: boolean;
}

function cfnLintArgs(templateFiles: string[], options: CfnLintOptions): string[] {
  if (!fs.existsSync(CFN_LINT_BIN)) {
    throw new Error(`cfn-lint not found at ${CFN_LINT_BIN}: run 'npx projen python-env' (the test task does)`);
  }
  const args = ['--format', 'json'];
  if (options.informational) {
    args.push('--include-checks', 'I');
  }
  for (const ignored of CFN_LINT_IGNORED) {
    args.push('--ignore-checks', ignored.rule);
  }
  args.push('--', ...templateFiles);
  return args;
}

function parseCfnLint(out: string): CfnLintFinding[] {
  const parsed = JSON.parse(out || '[]') as {
    Filename: string;
    Level: string;
    Message: string;
    Rule: { Id: string };
  }[];
  return parsed.map((m) => ({ file: m.Filename, rule: m.Rule.Id, level: m.Level, message: m.Message }));
}

/** cfn-lint exits non-zero when it finds something; its JSON is still on stdout. */
function cfnLintOutput(err: { stdout?: string; stderr?: string; status?: number | null; code?: unknown }): string {
  if (!err.stdout) {
    throw new Error(`cfn-lint failed (exit ${err.status ?? err.code}): ${err.stderr}`);
  }
  return err.stdout;
}

const CFN_LINT_MAX_BUFFER = 512 * 1024 * 1024;

/**
 * Runs cfn-lint once over every template (one process: its start-up is 1.5 s of CPU); returns
 * errors and warnings, and informational findings with `informational`.
 */
export function runCfnLint(templateFiles: string[], options: CfnLintOptions = {}): CfnLintFinding[] {
  if (templateFiles.length === 0) {
    return [];
  }
  const args = cfnLintArgs(templateFiles, options);
  let out: string;
  try {
    out = execFileSync(CFN_LINT_BIN, args, { encoding: 'utf-8', stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: CFN_LINT_MAX_BUFFER });
  } catch (e) {
    out = cfnLintOutput(e as { stdout?: string; stderr?: string; status?: number });
  }
  return parseCfnLint(out);
}

/**
 * `runCfnLint` in a child process that runs while the caller goes on (e.g. with the rule packs):
 * start it, do the other work, then await it.
 */
export function startCfnLint(templateFiles: string[], options: CfnLintOptions = {}): Promise<CfnLintFinding[]> {
  if (templateFiles.length === 0) {
    return Promise.resolve([]);
  }
  const args = cfnLintArgs(templateFiles, options);
  return new Promise((resolve, reject) => {
    execFile(CFN_LINT_BIN, args, { encoding: 'utf-8', maxBuffer: CFN_LINT_MAX_BUFFER }, (error, stdout, stderr) => {
      try {
        resolve(parseCfnLint(error ? cfnLintOutput({ stdout, stderr, code: error.code }) : stdout));
      } catch (e) {
        reject(e);
      }
    });
  });
}

// ---------------------------------------------------------------------------------------------
// IAM-1: wildcards

/** One allowed wildcard, with the reason. */
export interface AllowedWildcard {
  /** The action, exactly as the statement writes it. */
  readonly action: string;
  /** Whether the action may be paired with `Resource: "*"`. */
  readonly resourceStar: boolean;
  /** Only in statements whose Principal contains this text (e.g. a logical id prefix). */
  readonly principalIncludes?: string;
  readonly reason: string;
}

const AUTO_DELETE_REASON =
  "aws-cdk-lib's autoDeleteObjects custom resource (DEV stages only): the bucket policy lets that one role list and delete the objects of this one bucket when the stack is destroyed; the actions are aws-cdk-lib's, not the library's.";

/**
 * The wildcards AWS (or aws-cdk-lib) requires, each with its reason (IAM-1). An entry matches a
 * statement's action exactly, and its principal where `principalIncludes` is set; `resourceStar`
 * says whether it may be paired with `Resource: "*"`.
 */
export const WILDCARD_ALLOW_LIST: AllowedWildcard[] = [
  ...['s3:GetBucket*', 's3:List*', 's3:DeleteObject*'].map((action) => ({
    action,
    resourceStar: false,
    principalIncludes: 'CustomS3AutoDeleteObjectsCustomResourceProviderRole',
    reason: AUTO_DELETE_REASON,
  })),
  {
    action: 'xray:PutTraceSegments',
    resourceStar: true,
    reason: 'X-Ray has no resource-level permissions: AWS documents Resource "*" for sending traces.',
  },
  {
    action: 'xray:PutTelemetryRecords',
    resourceStar: true,
    reason: 'X-Ray has no resource-level permissions: AWS documents Resource "*" for telemetry.',
  },
  ...['kms:Encrypt*', 'kms:Decrypt*', 'kms:ReEncrypt*', 'kms:GenerateDataKey*', 'kms:Describe*'].map((action) => ({
    action,
    resourceStar: true,
    principalIncludes: 'logs.',
    reason:
      "StageLogGroup.allowLogsToUseKey: the key policy statement that lets CloudWatch Logs (logs.<region>.amazonaws.com) use the key; a key policy's Resource is the key itself (\"*\"), and the kms:EncryptionContext:aws:logs:arn condition limits it to this account's log groups. These are the actions AWS documents for encrypting log groups with KMS.",
  })),
  ...['kms:Decrypt', 'kms:GenerateDataKey', 'kms:ReEncrypt*', 'kms:DescribeKey'].map((action) => ({
    action,
    resourceStar: true,
    principalIncludes: 'events.amazonaws.com',
    reason:
      'EventBus with kmsKey (aws-cdk-lib): the key policy statement that lets EventBridge encrypt the bus\'s events, conditioned on this bus (aws:SourceArn, kms:EncryptionContext:aws:events:event-bus:arn); a key policy\'s Resource "*" is the key itself.',
  })),
  ...['kms:GenerateDataKey*', 'kms:Decrypt'].map((action) => ({
    action,
    resourceStar: true,
    principalIncludes: 'costalerts.amazonaws.com',
    reason:
      'AccountGuardrails alert-topic key: Cost Anomaly Detection (and AWS Budgets) publish to the encrypted topic only if the key policy lets them generate and decrypt data keys; SNS documents kms:GenerateDataKey* and kms:Decrypt, and a key policy\'s Resource "*" is the key itself.',
  })),
  ...['kms:Decrypt', 'kms:GenerateDataKey*'].map((action) => ({
    action,
    resourceStar: true,
    principalIncludes: 'cloudwatch.amazonaws.com',
    reason:
      'AlarmRouting alarm-topic key (and a topic set with AlarmRouting.setDestination): CloudWatch publishes an alarm to an encrypted topic only if the key policy lets it generate and decrypt data keys; AWS documents kms:Decrypt and kms:GenerateDataKey* for CloudWatch alarms, and a key policy\'s Resource "*" is the key itself.',
  })),
  ...['ssmmessages:CreateControlChannel', 'ssmmessages:CreateDataChannel', 'ssmmessages:OpenControlChannel', 'ssmmessages:OpenDataChannel'].map((action) => ({
    action,
    resourceStar: true,
    reason: 'ECS Exec (FargateBlueGreenService enableExecuteCommand: true, off by default): Session Manager\'s message channels have no resource-level permissions; AWS documents Resource "*" for the task role.',
  })),
  {
    action: 'logs:DescribeLogGroups',
    resourceStar: true,
    reason: 'ECS Exec with session logging to CloudWatch Logs (enableExecuteCommand: true): the agent lists log groups, an action AWS documents on Resource "*"; writing is limited to the container log group.',
  },
  {
    action: 'kms:*',
    resourceStar: true,
    reason:
      "A KMS key policy's Resource is always \"*\" (the key itself), and the account-root statement with kms:* is AWS's default key policy that lets IAM policies grant access.",
  },
];

/** One wildcard that is not on the allow-list. */
export interface WildcardFinding {
  readonly stack: string;
  readonly logicalId: string;
  readonly type: string;
  readonly action: string;
  readonly resource: string;
}

const POLICY_DOCUMENT_PATHS: Record<string, (props: any) => any[]> = {
  'AWS::IAM::Policy': (p) => [p.PolicyDocument],
  'AWS::IAM::ManagedPolicy': (p) => [p.PolicyDocument],
  'AWS::IAM::Role': (p) => (p.Policies ?? []).map((x: any) => x.PolicyDocument),
  'AWS::IAM::User': (p) => (p.Policies ?? []).map((x: any) => x.PolicyDocument),
  'AWS::IAM::Group': (p) => (p.Policies ?? []).map((x: any) => x.PolicyDocument),
  'AWS::S3::BucketPolicy': (p) => [p.PolicyDocument],
  'AWS::SQS::QueuePolicy': (p) => [p.PolicyDocument],
  'AWS::SNS::TopicPolicy': (p) => [p.PolicyDocument],
  'AWS::KMS::Key': (p) => [p.KeyPolicy],
  'AWS::Events::EventBusPolicy': (p) => (p.Statement ? [{ Statement: [p.Statement] }] : []),
};

function asArray<T>(x: T | T[] | undefined): T[] {
  return x === undefined ? [] : Array.isArray(x) ? x : [x];
}

/**
 * Every Allow statement's action containing `*`, and every `Resource: "*"`, in every policy of a
 * template, that is not on WILDCARD_ALLOW_LIST. Deny statements (TLS-only policies) are not grants.
 */
export function findWildcards(stackName: string, template: any): WildcardFinding[] {
  const findings: WildcardFinding[] = [];
  for (const [logicalId, resource] of Object.entries<any>(template.Resources ?? {})) {
    const docs = POLICY_DOCUMENT_PATHS[resource.Type]?.(resource.Properties ?? {}) ?? [];
    for (const doc of docs) {
      for (const statement of asArray<any>(doc?.Statement)) {
        if (statement.Effect !== 'Allow') {
          continue;
        }
        const resources = asArray<any>(statement.Resource);
        const resourceStar = resources.some((r) => r === '*');
        const principal = JSON.stringify(statement.Principal ?? '');
        for (const action of asArray<string>(statement.Action)) {
          const entry = WILDCARD_ALLOW_LIST.find(
            (e) => e.action === action && (e.principalIncludes === undefined || principal.includes(e.principalIncludes)),
          );
          const actionWild = action.includes('*');
          if ((actionWild && !entry) || (resourceStar && !(entry && entry.resourceStar))) {
            findings.push({
              stack: stackName,
              logicalId,
              type: resource.Type,
              action,
              resource: resourceStar ? '*' : JSON.stringify(resources),
            });
          }
        }
      }
    }
  }
  return findings;
}

// ---------------------------------------------------------------------------------------------
// Logical-id stability

/** Resource types that hold data: a changed logical id replaces (deletes) them. */
export const STATEFUL_TYPES = [
  'AWS::DynamoDB::Table',
  'AWS::DynamoDB::GlobalTable',
  'AWS::S3::Bucket',
  'AWS::SQS::Queue',
  'AWS::Events::Archive',
  'AWS::Events::EventBus',
  'AWS::Logs::LogGroup',
  'AWS::KMS::Key',
  'AWS::Backup::BackupVault',
  'AWS::SecretsManager::Secret',
  'AWS::EFS::FileSystem',
  'AWS::RDS::DBCluster',
  'AWS::RDS::DBInstance',
  // one per URL in an account: a replacement would fail (the new one cannot be created next to the old)
  'AWS::IAM::OIDCProvider',
];

/** `{ stackName: { logicalId: type } }` for every stateful resource. */
export type StatefulIds = Record<string, Record<string, string>>;

export function statefulIds(templates: Record<string, any>): StatefulIds {
  const result: StatefulIds = {};
  for (const stackName of Object.keys(templates).sort()) {
    const ids: Record<string, string> = {};
    const resources = templates[stackName].Resources ?? {};
    for (const logicalId of Object.keys(resources).sort()) {
      if (STATEFUL_TYPES.includes(resources[logicalId].Type)) {
        ids[logicalId] = resources[logicalId].Type;
      }
    }
    result[stackName] = ids;
  }
  return result;
}

/** The committed list of stateful logical ids. */
export const STATEFUL_IDS_FILE = path.join(__dirname, 'stateful-logical-ids.json');

/**
 * Compares the current stateful ids with the committed ones. Returns human-readable problems:
 * a committed id that is gone or changed type would be replaced (deleted) by a release.
 */
export function compareStatefulIds(committed: StatefulIds, current: StatefulIds): string[] {
  const problems: string[] = [];
  for (const [stack, ids] of Object.entries(committed)) {
    for (const [logicalId, type] of Object.entries(ids)) {
      const now = current[stack]?.[logicalId];
      if (now === undefined) {
        problems.push(
          `${stack}/${logicalId} (${type}) is gone: a release would REPLACE (delete) this resource and its data. ` +
            'Restore the construct id, or, if the removal is intended, update the list (UPDATE_STATEFUL_IDS=1 npx jest test/reference-app) and say so in the release notes.',
        );
      } else if (now !== type) {
        problems.push(`${stack}/${logicalId} changed type ${type} → ${now}: a release would replace it.`);
      }
    }
  }
  for (const [stack, ids] of Object.entries(current)) {
    for (const [logicalId, type] of Object.entries(ids)) {
      if (committed[stack]?.[logicalId] === undefined) {
        problems.push(
          `${stack}/${logicalId} (${type}) is new and not in the committed list: record it (UPDATE_STATEFUL_IDS=1 npx jest test/reference-app) so later renames are caught.`,
        );
      }
    }
  }
  return problems;
}
