/**
 * The library's one-place-per-decision rules (DESIGN.md §7, §9, §10), checked over the sources so
 * that a new construct cannot quietly break them.
 */
import * as fs from 'fs';
import * as path from 'path';
import { App, CfnResource, Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import * as ecs from 'aws-cdk-lib/aws-ecs';
import * as awslambda from 'aws-cdk-lib/aws-lambda';
import * as s3 from 'aws-cdk-lib/aws-s3';
import { Construct } from 'constructs';
import * as lib from '../../src';
import { alarmsWithoutActions } from '../util/alarms';

const root = path.resolve(__dirname, '../..');
const readme = fs.readFileSync(path.join(root, 'README.md'), 'utf8');

function files(dir: string): string[] {
  return fs.readdirSync(path.join(root, dir), { withFileTypes: true }).flatMap((d) => {
    const rel = path.join(dir, d.name);
    if (d.isDirectory()) return files(rel);
    return d.name.endsWith('.ts') ? [rel] : [];
  });
}
const src = files('src').map((f) => ({ file: f, text: fs.readFileSync(path.join(root, f), 'utf8') }));

function section(name: string): string {
  const start = readme.indexOf(`<!-- ${name}:start -->`);
  const end = readme.indexOf(`<!-- ${name}:end -->`);
  expect(start).toBeGreaterThan(-1);
  return readme.slice(start, end);
}

describe('warning ids', () => {
  // addWarning(scope, 'Construct.problem', ...) or a template such as `PowertoolsFunction.${prop}Ignored`
  const used = src.flatMap(({ text }) => [...text.matchAll(/addWarning\(\s*[\w.]+,\s*[`'"]([^`'"]+)[`'"]/g)].map((m) => m[1]));
  const listed = [...section('warnings').matchAll(/^\| `([^`]+)` \|/gm)].map((m) => m[1]);

  test('every id follows <Construct>.<problem>', () => {
    expect(used.length).toBeGreaterThan(5);
    for (const id of listed) {
      expect(id).toMatch(/^[A-Z][A-Za-z0-9]+\.[a-z][A-Za-z0-9]+$/);
    }
  });

  test('every warning the sources emit is listed in the README, and every listed one is emitted', () => {
    const patterns = used.map((id) => new RegExp(`^${id.replace(/\./g, '\\.').replace(/\$\{\w+\}/g, '[a-z][A-Za-z0-9]*')}$`));
    for (const pattern of patterns) {
      expect({ pattern: pattern.source, listed: listed.some((id) => pattern.test(id)) }).toEqual({ pattern: pattern.source, listed: true });
    }
    for (const id of listed) {
      expect({ id, emitted: patterns.some((p) => p.test(id)) }).toEqual({ id, emitted: true });
    }
  });
});

test('every finding a construct acknowledges itself is listed in the README with its rule', () => {
  const inherent = section('inherent');
  const ids = src.flatMap(({ text }) => [...text.matchAll(/acknowledgeInherent\([\s\S]*?\);/g)]
    .flatMap((m) => [...m[0].matchAll(/id: '([^'[]+)/g)].map((i) => i[1])));
  // ids computed for a wildcard resource (`AwsSolutions-IAM5[Resource::<Bucket.Arn>/uploads/*]`)
  const computed = src.filter(({ file }) => !file.endsWith('rule-packs.ts'))
    .flatMap(({ text }) => [...text.matchAll(/wildcardResourceFindingId\(/g)].map(() => 'AwsSolutions-IAM5[Resource::'));
  expect(computed.length).toBeGreaterThanOrEqual(1);
  ids.push(...computed);
  expect(ids.length).toBeGreaterThanOrEqual(5);
  for (const id of ids) {
    expect({ id, listed: inherent.includes(id) }).toEqual({ id, listed: true });
  }
});

test('Token.isUnresolved and Duration.isUnresolved() appear only in the validation helper', () => {
  const offenders = src
    .filter(({ file }) => file !== path.join('src', 'core', 'private', 'validation.ts'))
    .filter(({ text }) => /Token\.isUnresolved|\.isUnresolved\(\)/.test(text))
    .map(({ file }) => file);
  expect(offenders).toEqual([]);
});

test('the stage-to-removal-policy decision is written once, in StagePolicy', () => {
  const decision = /(isProd|dev|isDev)\s*\?\s*RemovalPolicy\.|RemovalPolicy\.(RETAIN|DESTROY)\s*:\s*RemovalPolicy\./;
  const offenders = src.filter(({ text }) => decision.test(text)).map(({ file }) => file);
  expect(offenders).toEqual([path.join('src', 'core', 'stage-policy.ts')]);
});

test('handlers import nothing from src/ but the import-free contracts, and contracts import nothing', () => {
  const lambda = files('lambda').map((f) => ({ file: f, text: fs.readFileSync(path.join(root, f), 'utf8') }));
  expect(lambda.filter(({ text }) => /from '(\.\.\/)+src(\/|')/.test(text)).map(({ file }) => file)).toEqual([]);
  const contracts = src.filter(({ file }) => file.startsWith(path.join('src', 'contracts')));
  expect(contracts.length).toBeGreaterThan(0);
  expect(contracts.filter(({ text }) => /^\s*(import|export .* from)\b/m.test(text)).map(({ file }) => file)).toEqual([]);
});

/**
 * Every construct class `src/index.ts` exports, with its minimal call and the CloudFormation type of
 * the primary resource its `node.defaultChild` must be (STYLE.md Part 4: one escape-hatch
 * convention). `primary: null` says the construct wraps no single primary resource, with the reason;
 * `abstractBase` marks a base class that is only ever built through its subclasses.
 */
type ConstructSpec =
  | { readonly build: (scope: Construct, stage?: lib.DeploymentStage) => Construct; readonly primary: string }
  | { readonly build: (scope: Construct, stage?: lib.DeploymentStage) => Construct; readonly primary: null; readonly reason: string }
  | { readonly abstractBase: string };

const CONSTRUCTS: Record<string, ConstructSpec> = {
  AccessAnalyzer: { primary: 'AWS::AccessAnalyzer::Analyzer', build: (s, stage) => new lib.AccessAnalyzer(s, 'X', { stage }) },
  AccountGuardrails: {
    primary: null,
    reason: 'an analyzer, an anomaly monitor and subscription, tags, a topic and a budget, several of them optional: no one resource is the construct',
    build: (s, stage) => new lib.AccountGuardrails(s, 'X', { team: 'platform', alertEmails: ['ops@example.com'], stage }),
  },
  CostAnomalyMonitor: { primary: 'AWS::CE::AnomalyMonitor', build: (s, stage) => new lib.CostAnomalyMonitor(s, 'X', { emails: ['ops@example.com'], stage }) },
  EventBusWithArchive: { primary: 'AWS::Events::EventBus', build: (s, stage) => new lib.EventBusWithArchive(s, 'X', { stage }) },
  FargateBlueGreenService: {
    primary: 'AWS::ECS::Service',
    build: (s, stage) => new lib.FargateBlueGreenService(s, 'X', { image: ecs.ContainerImage.fromRegistry('nginx'), containerPort: 80, stage }),
  },
  GitHubOidcRole: { primary: 'AWS::IAM::Role', build: (s, stage) => new lib.GitHubOidcRole(s, 'X', { repository: 'myorg/myrepo', branches: ['main'], stage }) },
  PowertoolsFunction: {
    primary: 'AWS::Lambda::Function',
    build: (s, stage) => new lib.PowertoolsFunction(s, 'X', { serviceName: 'x', code: awslambda.Code.fromInline('exports.handler = 1'), handler: 'index.handler', stage }),
  },
  PresignedUrlIssuer: {
    primary: 'AWS::Lambda::Function',
    build: (s, stage) => new lib.PresignedUrlIssuer(s, 'X', { bucket: s3.Bucket.fromBucketName(s, 'B', 'uploads'), stage }),
  },
  SecureBucket: { primary: 'AWS::S3::Bucket', build: (s, stage) => new lib.SecureBucket(s, 'X', { stage }) },
  SingleTable: { primary: 'AWS::DynamoDB::Table', build: (s, stage) => new lib.SingleTable(s, 'X', { stage }) },
  SingleTableBase: { abstractBase: 'SingleTable' },
  AccessLogsBucket: { primary: 'AWS::S3::Bucket', build: (s, stage) => new lib.AccessLogsBucket(s, 'X', { stage }) },
  DeadLetterQueue: { primary: 'AWS::SQS::Queue', build: (s, stage) => new lib.DeadLetterQueue(s, 'X', { stage }) },
  StageLogGroup: { primary: 'AWS::Logs::LogGroup', build: (s, stage) => new lib.StageLogGroup(s, 'X', { stage }) },
};

/** The names of the construct classes src/index.ts exports, found from the exports themselves. */
const exportedConstructs = Object.entries(lib)
  .filter(([, value]) => typeof value === 'function' && value.prototype instanceof Construct)
  .map(([name]) => name)
  .sort();

function built(name: string, context: Record<string, string> = {}, stage?: lib.DeploymentStage): Construct {
  const spec = CONSTRUCTS[name];
  if ('abstractBase' in spec) throw new Error(`${name} is an abstract base`);
  const stack = new Stack(new App({ context }), 'Stack', { env: { account: '123456789012', region: 'us-east-1' } });
  return spec.build(stack, stage);
}
const buildable = () => Object.keys(CONSTRUCTS).filter((name) => !('abstractBase' in CONSTRUCTS[name]));

describe('every exported construct', () => {
  test('is listed here (a new construct must say its primary resource and its minimal call)', () => {
    expect(exportedConstructs.length).toBeGreaterThanOrEqual(14);
    const missing = exportedConstructs.filter((name) => !(name in CONSTRUCTS));
    expect({ missingFromTheConventionsMap: missing }).toEqual({ missingFromTheConventionsMap: [] });
    const stale = Object.keys(CONSTRUCTS).filter((name) => !exportedConstructs.includes(name));
    expect({ notExported: stale }).toEqual({ notExported: [] });
  });

  test('an abstract base listed here is the base of the construct it names', () => {
    for (const [name, spec] of Object.entries(CONSTRUCTS)) {
      if ('abstractBase' in spec) {
        const sub = (lib as Record<string, any>)[spec.abstractBase];
        expect({ name, base: sub.prototype instanceof (lib as Record<string, any>)[name] }).toEqual({ name, base: true });
      }
    }
  });

  test.each(buildable())('%s: node.defaultChild is its primary CloudFormation resource', (name) => {
    const spec = CONSTRUCTS[name] as Exclude<ConstructSpec, { abstractBase: string }>;
    const child = built(name).node.defaultChild;
    if (spec.primary === null) {
      expect({ name, defaultChild: child?.node.path }).toEqual({ name, defaultChild: undefined });
      return;
    }
    expect({ name, isCfnResource: CfnResource.isCfnResource(child as Construct) }).toEqual({ name, isCfnResource: true });
    expect({ name, type: (child as CfnResource).cfnResourceType }).toEqual({ name, type: spec.primary });
  });

  test.each(buildable())('%s: `stage` is the resolved stage (the prop, else the context key env, else PROD)', (name) => {
    const stageOf = (c: Construct) => (c as unknown as { stage: unknown }).stage;
    expect({ name, stage: stageOf(built(name)) }).toEqual({ name, stage: lib.DeploymentStage.PROD });
    expect({ name, stage: stageOf(built(name, { [lib.StagePolicy.CONTEXT_KEY]: 'dev' })) }).toEqual({ name, stage: lib.DeploymentStage.DEV });
    expect({ name, stage: stageOf(built(name, { [lib.StagePolicy.CONTEXT_KEY]: 'prod' }, lib.DeploymentStage.DEV)) })
      .toEqual({ name, stage: lib.DeploymentStage.DEV });
  });
});

test.each(buildable())('%s declares `stage` as every construct does: same name, type and doc', (name) => {
  const file = src.filter(({ text }) => new RegExp(`^export (abstract )?class ${name}\\b`, 'm').test(text));
  expect({ name, files: file.length }).toEqual({ name, files: 1 });
  const declarations = [...file[0].text.matchAll(/\n(\s*\/\*\*[^\n]*\*\/)\n\s*public readonly stage(\??): ([\w.]+);/g)]
    .map((m) => `${m[1].trim()} ${m[2]}${m[3]}`);
  expect({ name, declarations }).toEqual({
    name,
    declarations: ['/** The deployment stage the construct was built for: the `stage` prop, else the CDK context key `env`, else PROD. */ DeploymentStage'],
  });
});

describe('every alarm reaches someone (DESIGN.md decision 12)', () => {
  test('the check names the template and logical id of an alarm without actions (a deliberate violation)', () => {
    const stack = new Stack(new App(), 'Violation', { env: { account: '123456789012', region: 'us-east-1' } });
    // a depth alarm whose construct says `alarmActions: []` on purpose: no action, so the check must fail
    lib.DeadLetterQueue.depthAlarm(stack, 'Silent', new lib.DeadLetterQueue(stack, 'Q'), { alarmActions: [] });
    lib.DeadLetterQueue.depthAlarm(stack, 'Routed', new lib.DeadLetterQueue(stack, 'R'));
    const template = Template.fromStack(stack).toJSON();
    expect(alarmsWithoutActions({ Violation: template })).toEqual([expect.stringMatching(/^Violation\/Silent[0-9A-F]{8}$/)]);
  });

  test.each(buildable())('%s: every alarm of its minimal call has AlarmActions, in PROD and DEV', (name) => {
    const templates: Record<string, any> = {};
    for (const stage of [lib.DeploymentStage.PROD, lib.DeploymentStage.DEV]) {
      templates[`${name}-${stage}`] = Template.fromStack(Stack.of(built(name, {}, stage))).toJSON();
    }
    expect(alarmsWithoutActions(templates)).toEqual([]);
  });

  test('the minimal calls that create alarms are among those checked (else the check proves nothing)', () => {
    const alarms = (name: string) => Template.fromStack(Stack.of(built(name))).findResources('AWS::CloudWatch::Alarm');
    expect({
      EventBusWithArchive: Object.keys(alarms('EventBusWithArchive')).length,
      FargateBlueGreenService: Object.keys(alarms('FargateBlueGreenService')).length,
      PowertoolsFunction: Object.keys(alarms('PowertoolsFunction')).length,
    }).toEqual({ EventBusWithArchive: 1, FargateBlueGreenService: 2, PowertoolsFunction: 1 });
  });

  test('alarm actions are added in one place, AlarmRouting (no construct adds its own)', () => {
    const offenders = src
      .filter(({ file }) => file !== path.join('src', 'core', 'alarm-routing.ts'))
      .filter(({ text }) => /\.addAlarmAction\(|alarmActions:\s*[^,}\s]+\s*\?\?/.test(text))
      .map(({ file }) => file);
    expect(offenders).toEqual([]);
  });
});
