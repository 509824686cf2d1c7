/**
 * An environment-agnostic stack (`new Stack(app, 'S')`, what `cdk init` gives): the region is a
 * token, so aws-cdk-lib cannot pick the principal of the access-log bucket's policy at synth time
 * ("Region is required to enable ELBv2 access logging"). The construct decides it at deploy time.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { App, Stack } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import * as ecs from 'aws-cdk-lib/aws-ecs';
import { RegionInfo } from 'aws-cdk-lib/region-info';
import { BlueGreenController, FargateBlueGreenService } from '../../src';
import { CfnLintFinding, runCfnLint } from '../reference-app/analysis';

const IMAGE = ecs.ContainerImage.fromRegistry('public.ecr.aws/nginx/nginx:1.27');

const CONTROLLERS = [BlueGreenController.ECS_NATIVE, BlueGreenController.CODE_DEPLOY];

/** The minimal call in an environment-agnostic stack, built once per controller (the tests only read it). */
const built = new Map<BlueGreenController | undefined, { stack: Stack; svc: FargateBlueGreenService; template: Template }>();
function minimal(extra: { deploymentController?: BlueGreenController } = {}) {
  const key = extra.deploymentController;
  if (!built.has(key)) {
    const stack = new Stack(new App(), 'S');
    const svc = new FargateBlueGreenService(stack, 'Api', { image: IMAGE, containerPort: 80, ...extra });
    built.set(key, { stack, svc, template: Template.fromStack(stack) });
  }
  return built.get(key)!;
}

/** cfn-lint over both controllers' templates, in one process (its start-up is 1.5 s of CPU). */
const lintDir = fs.mkdtempSync(path.join(os.tmpdir(), 'fargate-env-agnostic-'));
const lintFile = (c: BlueGreenController) => path.join(lintDir, `S-${c}.template.json`);
let lint: CfnLintFinding[] | Error;
beforeAll(() => {
  for (const c of CONTROLLERS) {
    fs.writeFileSync(lintFile(c), JSON.stringify(minimal({ deploymentController: c }).template.toJSON()));
  }
  try {
    lint = runCfnLint(CONTROLLERS.map(lintFile));
  } catch (e) {
    lint = e as Error; // fails the cfn-lint tests, not every test of the file
  }
});
afterAll(() => fs.rmSync(lintDir, { recursive: true, force: true }));

describe.each(CONTROLLERS)('environment-agnostic stack (%s)', (deploymentController) => {
  test('[ECS-4] the minimal call synthesizes, with access logs on', () => {
    const { template } = minimal({ deploymentController });
    template.hasResourceProperties('AWS::ElasticLoadBalancingV2::LoadBalancer', {
      LoadBalancerAttributes: Match.arrayWith([{ Key: 'access_logs.s3.enabled', Value: 'true' }]),
    });
  });

  test('[ECS-4] cfn-lint finds no error or warning in the template', () => {
    if (lint instanceof Error) throw lint;
    // every finding is on one of the two files, so none is lost by the filter
    expect(lint.filter((f) => !CONTROLLERS.some((c) => path.resolve(f.file) === path.resolve(lintFile(c))))).toEqual([]);
    const mine = lint.filter((f) => path.resolve(f.file) === path.resolve(lintFile(deploymentController)));
    expect(mine.filter((f) => f.level !== 'Informational')).toEqual([]);
  });
});

test('[ECS-4] the log bucket lets the region\'s ELB account write where there is one, and the log-delivery service always', () => {
  const { stack, svc, template } = minimal();
  const lb = svc.loadBalancer.node;
  const mapping = stack.resolve((lb.findChild('ElbAccounts') as any).logicalId);
  const condition = stack.resolve((lb.findChild('HasElbAccount') as any).logicalId);
  const account = { 'Fn::FindInMap': [mapping, { Ref: 'AWS::Region' }, 'account'] };
  template.hasResourceProperties('AWS::S3::BucketPolicy', {
    PolicyDocument: {
      Statement: Match.arrayWith([{
        Action: 's3:PutObject',
        Effect: 'Allow',
        Principal: {
          AWS: { 'Fn::If': [condition, { 'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, ':iam::', account, ':root']] }, { Ref: 'AWS::NoValue' }] },
          Service: 'logdelivery.elasticloadbalancing.amazonaws.com',
        },
        Resource: { 'Fn::Join': ['', [Match.anyValue(), '/alb/AWSLogs/', { Ref: 'AWS::AccountId' }, '/*']] },
      }]),
    },
  });
  expect(template.toJSON().Conditions[condition]).toEqual({ 'Fn::Not': [{ 'Fn::Equals': [account, 'none'] }] });
  // every region aws-cdk-lib knows, those launched from August 2022 on without an ELB account
  const regions = template.toJSON().Mappings[mapping];
  expect(Object.keys(regions).sort()).toEqual(RegionInfo.regions.map((r) => r.name).sort());
  expect(regions['eu-west-1']).toEqual({ account: RegionInfo.get('eu-west-1').elbv2Account });
  expect(regions['ap-southeast-5']).toEqual({ account: 'none' });
});

test('[ECS-4] a stack with a concrete region keeps aws-cdk-lib\'s principal and no mapping', () => {
  const stack = new Stack(new App(), 'S', { env: { account: '123456789012', region: 'eu-west-1' } });
  new FargateBlueGreenService(stack, 'Api', { image: IMAGE, containerPort: 80 });
  const template = Template.fromStack(stack).toJSON();
  expect(template.Mappings).toBeUndefined();
  expect(template.Conditions).toBeUndefined();
  const policy = Object.values<any>(template.Resources).find((r) => r.Type === 'AWS::S3::BucketPolicy');
  const account = RegionInfo.get('eu-west-1').elbv2Account;
  // the partition as a reference, or (recommended flag @aws-cdk/core:enablePartitionLiterals) as a literal
  const elbPrincipals = policy.Properties.PolicyDocument.Statement
    .filter((st: any) => st.Action === 's3:PutObject' && st.Principal.AWS !== undefined).map((st: any) => st.Principal.AWS);
  expect(elbPrincipals).toHaveLength(1);
  expect([`arn:aws:iam::${account}:root`, { 'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, `:iam::${account}:root`]] }]).toContainEqual(elbPrincipals[0]);
});
