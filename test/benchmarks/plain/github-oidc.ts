import { CfnOutput, Duration, Stack, aws_iam as iam } from 'aws-cdk-lib';
import { Construct } from 'constructs';

/** The account's GitHub OIDC provider (one per stack, shared by its roles, as GitHubOidcProvider.of). */
export function plainGitHubOidcProvider(scope: Construct, id: string): iam.OidcProviderNative {
  // plain:start
  return new iam.OidcProviderNative(scope, id, {
    url: 'https://token.actions.githubusercontent.com',
    clientIds: ['sts.amazonaws.com'],
  });
  // plain:end
}

/**
 * GitHubOidcRole's checklist (IAM-2, 3) in plain aws-cdk-lib: a role that only the given
 * repository's branches may assume through the GitHub OIDC provider, for at most an hour, and its
 * ARN as a stack output (the workflow's role-to-assume).
 */
export function plainGitHubOidcRole(scope: Construct, id: string, provider: iam.IOidcProvider, repository: string, branches: string[]): iam.Role {
  // plain:start
  const role = new iam.Role(scope, id, {
    assumedBy: new iam.WebIdentityPrincipal(provider.oidcProviderArn, {
      StringEquals: {
        'token.actions.githubusercontent.com:aud': 'sts.amazonaws.com',
        'token.actions.githubusercontent.com:sub': branches.map((branch) => `repo:${repository}:ref:refs/heads/${branch}`),
      },
    }),
    maxSessionDuration: Duration.hours(1),
  });
  new CfnOutput(scope, `${id}RoleArn`, { value: role.roleArn, description: `role-to-assume for GitHub Actions workflows of ${repository}` });
  return role;
  // plain:end
}

/** Lets `role` assume the CDK bootstrap roles (GitHubOidcRole.grantCdkBootstrapRoles). */
export function plainCdkBootstrapRoles(scope: Construct, id: string, role: iam.Role): void {
  // plain:start
  const stack = Stack.of(scope);
  role.addManagedPolicy(new iam.ManagedPolicy(scope, id, {
    statements: [new iam.PolicyStatement({
      actions: ['sts:AssumeRole'],
      resources: ['deploy', 'file-publishing', 'image-publishing', 'lookup'].map((name) =>
        `arn:${stack.partition}:iam::${stack.account}:role/cdk-hnb659fds-${name}-role-${stack.account}-${stack.region}`),
    })],
  }));
  // plain:end
}
