/**
 * cdk-nag's five packs over a fresh app holding only the minimal call (and the usual deploy role with
 * the bootstrap grant): no finding at all, errors or warnings, with no acknowledgement.
 */
import { App, Stack, aws_iam as iam } from 'aws-cdk-lib';
import { GitHubOidcRole } from '../../src';
import { RULE_PACKS, runRulePacks } from '../reference-app/analysis';

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
