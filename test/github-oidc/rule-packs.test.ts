/**
 * cdk-nag's five packs over a fresh app holding only the minimal call (and the usual deploy role with
 * the bootstrap grant): no finding at all, errors or warnings, with no acknowledgement.
 */
import { App, Stack, aws_iam as iam } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { GitHubOidcRole } from '../../src';
import { RULE_PACKS, runRulePacks } from '../reference-app/analysis';
import { buildReferenceApp } from '../reference-app/app';
import { gitHubOidcStack } from '../reference-app/stacks/github-oidc';

function findings(build: (stack: Stack) => void): string[] {
  const app = new App();
  const stack = new Stack(app, 'Stack', { env: { account: '123456789012', region: 'us-east-1' } });
  build(stack);
  app.synth();
  return runRulePacks(stack).map((f) => `${f.pack} ${f.rule} at ${f.constructPath}`);
}

test('[IAM-3] the minimal call has no finding in any of the five packs', () => {
  expect(RULE_PACKS.map((p) => p.name)).toEqual(['AwsSolutions', 'HIPAA', 'NIST-800-53-R5', 'PCI-DSS-3.2.1', 'Serverless']);
  expect(findings((stack) => new GitHubOidcRole(stack, 'Deploy', { repository: 'myorg/myrepo', branches: ['main'] }))).toEqual([]);
});

test('[IAM-3] the bootstrap grant adds no finding (a managed policy, no inline policy, no wildcard)', () => {
  expect(
    findings((stack) => {
      new GitHubOidcRole(stack, 'Deploy', { repository: 'myorg/myrepo', branches: ['main'] }).grantCdkBootstrapRoles();
    }),
  ).toEqual([]);
});

test('the packs do judge these roles: a wildcard inline grant on the same role is reported', () => {
  const reported = findings((stack) => {
    const role = new GitHubOidcRole(stack, 'Deploy', { repository: 'myorg/myrepo', branches: ['main'] });
    role.addToPolicy(new iam.PolicyStatement({ actions: ['s3:*'], resources: ['*'] }));
  });
  expect(reported).toEqual(expect.arrayContaining([expect.stringMatching(/^AwsSolutions AwsSolutions-IAM5/), expect.stringMatching(/^HIPAA .*IAMNoInlinePolicy/)]));
});

describe('the reference app GitHubOidc stacks (both stages)', () => {
  let stacks: Stack[];
  beforeAll(() => {
    // only this construct's stacks (both stages): the whole app is reference-app.test.ts's
    const ref = buildReferenceApp({ only: ['GitHubOidc'] });
    ref.app.synth();
    stacks = ref.stacks.filter((s) => s.stackName.startsWith('CloudPatterns-GitHubOidc-'));
  });

  test('[IAM-3] no finding at all (errors or warnings) in any of the five packs, with no acknowledgement', () => {
    expect(stacks.map((s) => s.stackName)).toEqual(['CloudPatterns-GitHubOidc-Prod', 'CloudPatterns-GitHubOidc-Dev']);
    expect(gitHubOidcStack.acknowledgements).toEqual([]);
    for (const stack of stacks) {
      expect(runRulePacks(stack).map((f) => `${f.pack} ${f.rule} at ${f.constructPath}`)).toEqual([]);
    }
  });

  test('[IAM-3] its two roles share the one provider of the stack', () => {
    for (const stack of stacks) {
      const template = Template.fromStack(stack);
      template.resourceCountIs('AWS::IAM::OIDCProvider', 1);
      template.resourceCountIs('AWS::IAM::Role', 2);
      const providers = Object.values(template.findResources('AWS::IAM::Role')).map(
        (r: any) => r.Properties.AssumeRolePolicyDocument.Statement[0].Principal.Federated.Ref,
      );
      expect(new Set(providers)).toEqual(new Set([stack.getLogicalId(stack.node.findChild('GitHubOidcProvider').node.defaultChild as any)]));
    }
  });
});
