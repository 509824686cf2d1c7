/**
 * CDK-4: the GitHub Actions workflow of the GitHubOidcRole page (src/github-oidc/README.md) reviews `cdk diff` before `cdk deploy` reaches
 * production, and assumes the roles through the RoleArn outputs GitHubOidcRole writes.
 */
import * as fs from 'fs';
import * as path from 'path';
import { App, Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { DeploymentStage } from '../../src';
import { REFERENCE_ENV } from '../reference-app/app';
import { gitHubOidcStack } from '../reference-app/stacks/github-oidc';

const readme = fs.readFileSync(path.join(__dirname, '..', '..', 'src', 'github-oidc', 'README.md'), 'utf-8');
const section = readme.split(/^## /m).find((s) => s.startsWith('Reviewing changes before production (CDK-4)'))!;
const workflow = /```yaml\n([\s\S]*?)```/.exec(section)?.[1] ?? '';

/** The lines of one job of the workflow (from `  <name>:` to the next job or the end). */
function job(name: string): string {
  const lines = workflow.split('\n');
  const start = lines.findIndex((l) => l === `  ${name}:`);
  expect(start).toBeGreaterThan(0);
  const end = lines.findIndex((l, i) => i > start && /^ {2}[a-z-]+:$/.test(l));
  return lines.slice(start, end < 0 ? undefined : end).join('\n');
}

test('[CDK-4] the page has a GitHub Actions workflow for pull requests and pushes to main, with an OIDC token', () => {
  expect(section).toBeDefined();
  expect(workflow).toMatch(/^on:\n {2}pull_request:\n {4}branches: \[main\]\n {2}push:\n {4}branches: \[main\]$/m);
  expect(workflow).toMatch(/^ {2}id-token: write/m);
  expect(workflow).not.toMatch(/aws-access-key-id|aws-secret-access-key|AWS_SECRET_ACCESS_KEY/);
});

test('[CDK-4] pull requests run `cdk diff` as their check and never deploy', () => {
  const diff = job('diff');
  expect(diff).toContain("if: github.event_name == 'pull_request'");
  expect(diff).toContain('npx cdk diff');
  expect(diff).not.toContain('cdk deploy');
  expect(section).toMatch(/`diff` job a required status check/);
});

test('[CDK-4] main runs `cdk diff` before `cdk deploy`, each after assuming the role', () => {
  const deploy = job('deploy');
  expect(deploy).toContain("github.ref == 'refs/heads/main'");
  const credentials = deploy.indexOf('aws-actions/configure-aws-credentials');
  const diff = deploy.indexOf('npx cdk diff');
  const apply = deploy.indexOf('npx cdk deploy');
  expect(credentials).toBeGreaterThan(0);
  expect(diff).toBeGreaterThan(credentials);
  expect(apply).toBeGreaterThan(diff);
});

test('[CDK-4] the workflow assumes the roles through the RoleArn outputs the stack writes', () => {
  expect(job('diff')).toContain('role-to-assume: ${{ vars.CDK_DIFF_ROLE_ARN }}');
  expect(job('deploy')).toContain('role-to-assume: ${{ vars.CDK_DEPLOY_ROLE_ARN }}');
  expect(section).toContain('`DeployRoleArn…` and `DiffRoleArn…`) as the repository variables `CDK_DEPLOY_ROLE_ARN` and\n   `CDK_DIFF_ROLE_ARN`');

  // the stack the section shows is the reference stack: its outputs are the two role ARNs
  const stack = new Stack(new App(), 'Stack', { env: REFERENCE_ENV });
  gitHubOidcStack.build(stack, DeploymentStage.PROD);
  const outputs = Template.fromStack(stack).findOutputs('*');
  const byPrefix = (prefix: string) => Object.entries(outputs).filter(([id]) => id.startsWith(prefix));
  for (const role of ['Deploy', 'Diff']) {
    const [[, output]] = byPrefix(`${role}RoleArn`);
    expect(output.Value).toEqual({ 'Fn::GetAtt': [stack.getLogicalId(stack.node.findChild(role).node.defaultChild as any), 'Arn'] });
  }
  expect(section).toContain("new patterns.GitHubOidcRole(this, 'Deploy', { repository: 'myorg/myrepo', branches: ['main'] });");
  expect(section).toContain("new patterns.GitHubOidcRole(this, 'Diff', { repository: 'myorg/myrepo', pullRequests: true });");
});
