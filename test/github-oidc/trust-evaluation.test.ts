/**
 * Trust proven, not read (IAM-3): the trust policy GitHubOidcRole synthesizes is evaluated for
 * `sts:AssumeRoleWithWebIdentity` by a policy evaluator (pbac, patched and normalised in
 * trust-evaluator.ts), for the token GitHub would send in each case.
 */
import { App, Stack, aws_iam as iam } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { Claims, allows } from './trust-evaluator';
import { GitHubOidcRole, GitHubOidcRoleProps } from '../../src';

const OWNER_ID = '1342004';
const REPO_ID = '892745123';

/** The trust policy of a GitHubOidcRole built with `props`, as synthesized. */
function trustPolicy(props: Partial<GitHubOidcRoleProps>): any {
  const stack = new Stack(new App(), 'Stack', { env: { account: '123456789012', region: 'us-east-1' } });
  const role = new GitHubOidcRole(stack, 'Deploy', { repository: 'myorg/myrepo', ...props });
  const template = Template.fromStack(stack).toJSON();
  return template.Resources[stack.getLogicalId(role.node.defaultChild as iam.CfnRole)].Properties.AssumeRolePolicyDocument;
}

/** The claims of a token GitHub issues to a job of `repository` on `ref` (or `environment`, or a pull request). */
function token(options: {
  repository?: string;
  ref?: string;
  environment?: string;
  pullRequest?: boolean;
  ids?: [string, string];
  sub?: string | null;
  aud?: string;
  job_workflow_ref?: string;
}): Claims {
  const repository = options.repository ?? 'myorg/myrepo';
  const [owner, name] = repository.split('/');
  const ref = options.ref ?? (options.pullRequest ? 'refs/pull/7/merge' : 'refs/heads/main');
  const prefix = options.ids ? `repo:${owner}@${options.ids[0]}/${name}@${options.ids[1]}` : `repo:${repository}`;
  const rest = options.environment
    ? `environment:${options.environment.replace(/:/g, '%3A')}`
    : options.pullRequest
      ? 'pull_request'
      : `ref:${ref}`;
  return {
    sub: options.sub === null ? undefined : options.sub ?? `${prefix}:${rest}`,
    aud: options.aud ?? 'sts.amazonaws.com',
    repository,
    repository_owner: owner,
    ref,
    environment: options.environment,
    repository_id: options.ids?.[1] ?? '555',
    repository_owner_id: options.ids?.[0] ?? '444',
    job_workflow_ref: options.job_workflow_ref ?? `${repository}/.github/workflows/deploy.yml@${ref}`,
  };
}

describe('[IAM-3] the minimal call (myorg/myrepo, branch main)', () => {
  const policy = trustPolicy({ branches: ['main'] });

  test.each<[string, Claims, boolean]>([
    ['the configured repository and branch → allowed', token({}), true],
    ['another repository of the owner → denied', token({ repository: 'myorg/other' }), false],
    ['another owner, same repository name → denied', token({ repository: 'evil/myrepo' }), false],
    ['a repository whose name only starts with the configured one → denied', token({ repository: 'myorg/myrepo-fork' }), false],
    ['an owner whose name only starts with the configured one → denied', token({ repository: 'myorg2/myrepo' }), false],
    ['another branch → denied', token({ ref: 'refs/heads/dev' }), false],
    ['a branch whose name only starts with main → denied', token({ ref: 'refs/heads/main-old' }), false],
    ['a tag when only branches were given → denied', token({ ref: 'refs/tags/v1.0.0' }), false],
    ['a pull request of the repository (not configured) → denied', token({ pullRequest: true }), false],
    ['a job in an environment (GitHub then sends the environment subject) → denied', token({ environment: 'production' }), false],
    ['a wrong audience → denied', token({ aud: 'https://github.com/myorg' }), false],
    ['no sub claim → denied', token({ sub: null }), false],
  ])('%s', (_title, claims, expected) => {
    expect(allows(policy, { claims })).toBe(expected);
  });

  test('a token of another OIDC provider → denied', () => {
    expect(allows(policy, { claims: token({}), provider: 'arn:aws:iam::123456789012:oidc-provider/gitlab.com' })).toBe(false);
  });

  test('sts:AssumeRole instead of sts:AssumeRoleWithWebIdentity → denied (the action is the web-identity one)', () => {
    expect(allows(policy, { claims: token({}), action: 'sts:AssumeRole' })).toBe(false);
  });
});

describe('[IAM-3] pull requests', () => {
  const policy = trustPolicy({ pullRequests: true });

  test.each<[string, Claims, boolean]>([
    ["the repository's own pull request → allowed", token({ pullRequest: true }), true],
    ["a fork's pull request (the fork's owner in the subject) → denied", token({ repository: 'someone/myrepo', pullRequest: true }), false],
    ['a push to main (not configured) → denied', token({}), false],
  ])('%s', (_title, claims, expected) => {
    expect(allows(policy, { claims })).toBe(expected);
  });
});

describe('[IAM-3] tags, environments and patterns', () => {
  test.each<[string, Partial<GitHubOidcRoleProps>, Claims, boolean]>([
    ['tag v1.0.0 given, tag v1.0.0 → allowed', { tags: ['v1.0.0'] }, token({ ref: 'refs/tags/v1.0.0' }), true],
    ['tag v1.0.0 given, tag v1.0.1 → denied', { tags: ['v1.0.0'] }, token({ ref: 'refs/tags/v1.0.1' }), false],
    ['tag v1.0.0 given, branch v1.0.0 → denied', { tags: ['v1.0.0'] }, token({ ref: 'refs/heads/v1.0.0' }), false],
    ['environment production, its job → allowed', { environments: ['production'] }, token({ environment: 'production' }), true],
    ['environment production, a staging job → denied', { environments: ['production'] }, token({ environment: 'staging' }), false],
    ['environment prod:eu is matched as prod%3Aeu, as GitHub sends it → allowed', { environments: ['prod:eu'] }, token({ environment: 'prod:eu' }), true],
    ['environment prod:eu, a subject with a raw colon → denied', { environments: ['prod:eu'] }, token({ sub: 'repo:myorg/myrepo:environment:prod:eu' }), false],
    ['branchPatterns release/*, release/2.1 → allowed', { branchPatterns: ['release/*'] }, token({ ref: 'refs/heads/release/2.1' }), true],
    ['branchPatterns release/*, main → denied', { branchPatterns: ['release/*'] }, token({}), false],
    ['branchPatterns release/*, tag release/2.1 → denied', { branchPatterns: ['release/*'] }, token({ ref: 'refs/tags/release/2.1' }), false],
    ['branches main + branchPatterns release/*, main → allowed (two statements)', { branches: ['main'], branchPatterns: ['release/*'] }, token({}), true],
    ['branches main + branchPatterns release/*, dev → denied', { branches: ['main'], branchPatterns: ['release/*'] }, token({ ref: 'refs/heads/dev' }), false],
    ['allBranches, any branch → allowed', { allBranches: true }, token({ ref: 'refs/heads/feature/x' }), true],
    ['allBranches, a tag → denied', { allBranches: true }, token({ ref: 'refs/tags/v1' }), false],
    ['allBranches, another repository → denied', { allBranches: true }, token({ repository: 'myorg/other' }), false],
    ['allTags, a branch → denied', { allTags: true }, token({}), false],
    [
      'jobWorkflowRefs pinned, that workflow → allowed',
      { branches: ['main'], jobWorkflowRefs: ['myorg/myrepo/.github/workflows/deploy.yml@refs/heads/main'] },
      token({}),
      true,
    ],
    [
      'jobWorkflowRefs pinned, another workflow on main → denied',
      { branches: ['main'], jobWorkflowRefs: ['myorg/myrepo/.github/workflows/deploy.yml@refs/heads/main'] },
      token({ job_workflow_ref: 'myorg/myrepo/.github/workflows/other.yml@refs/heads/main' }),
      false,
    ],
  ])('%s', (_title, props, claims, expected) => {
    expect(allows(trustPolicy(props), { claims })).toBe(expected);
  });
});

describe('[IAM-3] immutable ids (ownerId, repositoryId)', () => {
  const props = { branches: ['main'], ownerId: Number(OWNER_ID), repositoryId: Number(REPO_ID) };
  const policy = trustPolicy(props);

  test.each<[string, Claims, boolean]>([
    ['the configured repository (ids and name) on main → allowed', token({ ids: [OWNER_ID, REPO_ID] }), true],
    ['the same name with another repository id (re-created repository) → denied', token({ ids: [OWNER_ID, '892745999'] }), false],
    ['the same name under another owner id (owner renamed, name taken) → denied', token({ ids: ['99', REPO_ID] }), false],
    [
      'a subject naming the right ids but a repository_id claim of another repository → denied',
      { ...token({ ids: [OWNER_ID, REPO_ID] }), repository_id: '892745999' },
      false,
    ],
    ['the name-only subject (no ids) → denied', { ...token({}), repository_id: REPO_ID, repository_owner_id: OWNER_ID }, false],
    ['another branch → denied', token({ ids: [OWNER_ID, REPO_ID], ref: 'refs/heads/dev' }), false],
    ['the right subject but a ref claim of another branch → denied', { ...token({ ids: [OWNER_ID, REPO_ID] }), ref: 'refs/heads/dev' }, false],
  ])('%s', (_title, claims, expected) => {
    expect(allows(policy, { claims })).toBe(expected);
  });

  test('environments only: the environment claim is checked too', () => {
    const envPolicy = trustPolicy({ environments: ['production'], ownerId: Number(OWNER_ID), repositoryId: Number(REPO_ID) });
    const claims = token({ ids: [OWNER_ID, REPO_ID], environment: 'production' });
    expect(allows(envPolicy, { claims })).toBe(true);
    expect(allows(envPolicy, { claims: { ...claims, environment: 'staging' } })).toBe(false);
  });
});
