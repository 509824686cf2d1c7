import { CdkBootstrapRole, GitHubOidcRole } from '../../../src';
import { ReferenceStackSpec } from '../stack-spec';

/**
 * GitHubOidcRole as a team uses it: `Deploy` (the minimal call, plus the CDK bootstrap grant) runs
 * `cdk deploy` from main; `Diff` runs `cdk diff` on pull requests and may assume only the
 * read-only lookup role. Both share the stack's one GitHub OIDC provider. Nothing to acknowledge:
 * the grant is a customer managed policy naming the bootstrap roles, no inline policy, no `*`.
 */
export const gitHubOidcStack: ReferenceStackSpec = {
  name: 'GitHubOidc',
  build: (stack, stage) => {
    const deploy = new GitHubOidcRole(stack, 'Deploy', { repository: 'myorg/myrepo', branches: ['main'], stage });
    deploy.grantCdkBootstrapRoles();
    const diff = new GitHubOidcRole(stack, 'Diff', { repository: 'myorg/myrepo', pullRequests: true, stage });
    diff.grantCdkBootstrapRoles({ roles: [CdkBootstrapRole.LOOKUP] });
  },
  acknowledgements: [],
};
