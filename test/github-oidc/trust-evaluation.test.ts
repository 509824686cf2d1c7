/**
 * Trust proven, not read (IAM-3): the trust policy GitHubOidcRole synthesizes is evaluated for
 * `sts:AssumeRoleWithWebIdentity` by a policy evaluator (pbac, patched and normalised in
 * trust-evaluator.ts), for the token GitHub would send in each case.
 *
 * One table: configuration × token (subject format × case) → allowed / denied, every row a test.
 * The formats are GitHub's two default subjects, `repo:<owner>/<name>:…` (name-only, repositories
 * created before 2026-07-15 that did not opt in) and `repo:<owner>@<ownerId>/<name>@<repositoryId>:…`
 * (immutable), plus `custom`: a subject GitHub sends when a repository of the owner uses a custom
 * subject template, written out in full. Without `ownerId`/`repositoryId`, every case has the same
 * answer in both formats (the immutable form admits what the name-only one does, no more); with
 * them, only the immutable form of the configured repository is admitted.
 */
import { App, CfnParameter, Stack, aws_iam as iam } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { Claims, allows } from './trust-evaluator';
import { GitHubOidcRole, GitHubOidcRoleProps } from '../../src';

/** The ids GitHub gave myorg and myorg/myrepo. */
const OWNER_ID = '1342004';
const REPO_ID = '892745123';

/**
 * The trust policy of a GitHubOidcRole built with `props`, as synthesized; with `repositoryParameter`,
 * the repository is the value of the CloudFormation parameter `Repo`.
 */
function trustPolicy(props: Partial<GitHubOidcRoleProps>, repositoryParameter = false): any {
  const stack = new Stack(new App(), 'Stack', { env: { account: '123456789012', region: 'us-east-1' } });
  const repository = repositoryParameter ? new CfnParameter(stack, 'Repo').valueAsString : 'myorg/myrepo';
  const role = new GitHubOidcRole(stack, 'Deploy', { repository, ...props } as GitHubOidcRoleProps);
  const template = Template.fromStack(stack).toJSON();
  return template.Resources[stack.getLogicalId(role.node.defaultChild as iam.CfnRole)].Properties.AssumeRolePolicyDocument;
}

type Format = 'name-only' | 'immutable' | 'custom';

/** What a job is: which repository, which ref, environment or pull request, which token settings. */
interface Job {
  repository?: string;
  ref?: string;
  environment?: string;
  pullRequest?: boolean;
  /** [ownerId, repositoryId] in the immutable subject. @default the ids of the repository (myorg: OWNER_ID, myorg/myrepo: REPO_ID) */
  ids?: [string, string];
  /** The whole `sub` (a custom subject template), or null for none. */
  sub?: string | null;
  aud?: string;
  job_workflow_ref?: string;
}

/** The claims of a token GitHub issues to `job`, with its subject in `format`. */
function token(format: Format, job: Job = {}): Claims {
  const repository = job.repository ?? 'myorg/myrepo';
  const [owner, name] = repository.split('/');
  const ids = job.ids ?? [owner === 'myorg' ? OWNER_ID : '99', repository === 'myorg/myrepo' ? REPO_ID : '777'];
  const ref = job.ref ?? (job.pullRequest ? 'refs/pull/7/merge' : 'refs/heads/main');
  const prefix = format === 'immutable' ? `repo:${owner}@${ids[0]}/${name}@${ids[1]}` : `repo:${repository}`;
  // GitHub sends a ':' inside a value as %3A; the environment takes precedence, then the pull request
  const rest = job.environment !== undefined
    ? `environment:${job.environment.replace(/:/g, '%3A')}`
    : job.pullRequest ? 'pull_request' : `ref:${ref}`;
  return {
    sub: job.sub === null ? undefined : job.sub ?? `${prefix}:${rest}`,
    aud: job.aud ?? 'sts.amazonaws.com',
    repository,
    repository_owner: owner,
    ref,
    environment: job.environment,
    repository_id: ids[1],
    repository_owner_id: ids[0],
    job_workflow_ref: job.job_workflow_ref ?? `${repository}/.github/workflows/deploy.yml@${ref}`,
  };
}

/** One case of a configuration: a job, and whether each format of its token is allowed. */
interface Case {
  readonly title: string;
  readonly job: Job;
  readonly expected: Partial<Record<Format, boolean>>;
}

/** The same answer in both default formats. */
const both = (title: string, job: Job, allowed: boolean): Case =>
  ({ title, job, expected: { 'name-only': allowed, 'immutable': allowed } });
/** A custom-template subject, written out. */
const custom = (title: string, sub: string, allowed: boolean, job: Job = {}): Case =>
  ({ title, job: { ...job, sub }, expected: { custom: allowed } });
/** With ids: the immutable format as given, the name-only one always denied. */
const withIds = (title: string, job: Job, allowed: boolean): Case => ({ title, job, expected: { 'name-only': false, 'immutable': allowed } });

/** What every name-only configuration of branch main must deny, in both formats. */
const OUTSIDERS: Case[] = [
  both('another owner, same repository name', { repository: 'evil/myrepo' }, false),
  both('another repository of the owner', { repository: 'myorg/other' }, false),
  both('a repository whose name starts with the configured one (myrepo2)', { repository: 'myorg/myrepo2' }, false),
  both('a repository whose name starts with the configured one (myrepo-x)', { repository: 'myorg/myrepo-x' }, false),
  both('an owner whose name starts with the configured one (myorg2)', { repository: 'myorg2/myrepo' }, false),
  both('a wrong audience', { aud: 'https://github.com/myorg' }, false),
  both('no sub claim', { sub: null }, false),
];

interface Config {
  readonly name: string;
  readonly props: Partial<GitHubOidcRoleProps>;
  readonly cases: Case[];
}

const IDS = { ownerId: Number(OWNER_ID), repositoryId: Number(REPO_ID) };
const MINIMAL: Partial<GitHubOidcRoleProps> = { branches: ['main'] };
const PINNED = 'myorg/myrepo/.github/workflows/deploy.yml@refs/heads/main';

const CONFIGS: Config[] = [
  {
    name: "branches ['main'] (the minimal call)",
    props: MINIMAL,
    cases: [
      both('the configured repository on main', {}, true),
      both('the same name re-created (other ids): what the name-only subject always admitted', { ids: [OWNER_ID, '892745999'] }, true),
      ...OUTSIDERS,
      both('another branch', { ref: 'refs/heads/dev' }, false),
      both('a branch whose name starts with main', { ref: 'refs/heads/main-old' }, false),
      both('a tag named main when only branches were given', { ref: 'refs/tags/main' }, false),
      both('a pull request (not asked for)', { pullRequest: true }, false),
      both('a job in an environment (GitHub then sends the environment subject)', { environment: 'production' }, false),
      custom('another repository of the owner, custom template with a workflow named x/myrepo@1 (the guard: 5 colons)',
        `repo:myorg@${OWNER_ID}/other@777:workflow:x/myrepo@1:ref:refs/heads/main`, false),
      custom('another repository of the owner, an environment named x/myrepo@1:ref:refs/heads/main, as GitHub sends it (%3A)',
        `repo:myorg@${OWNER_ID}/other@777:environment:x/myrepo@1%3Aref%3Arefs/heads/main`, false),
      custom('the same, were the colons sent raw (the guard: 5 colons)',
        `repo:myorg@${OWNER_ID}/other@777:environment:x/myrepo@1:ref:refs/heads/main`, false),
      custom('the configured repository, custom template repo+environment+ref (denied, as its name-only twin)',
        `repo:myorg@${OWNER_ID}/myrepo@${REPO_ID}:environment:prod:ref:refs/heads/main`, false),
      custom('the name-only twin of that custom subject', 'repo:myorg/myrepo:environment:prod:ref:refs/heads/main', false),
      custom("another owner's immutable subject naming myorg in its workflow", 'repo:evil@99/myrepo@777:workflow:myorg@1/myrepo@2:ref:refs/heads/main', false),
    ],
  },
  {
    name: "branches ['main', 'develop']",
    props: { branches: ['main', 'develop'] },
    cases: [
      both('main', {}, true),
      both('develop', { ref: 'refs/heads/develop' }, true),
      both('dev', { ref: 'refs/heads/dev' }, false),
    ],
  },
  {
    name: "branches ['main'] + branchPatterns ['release/*']",
    props: { branches: ['main'], branchPatterns: ['release/*'] },
    cases: [
      both('main', {}, true),
      both('release/2.1', { ref: 'refs/heads/release/2.1' }, true),
      both('dev', { ref: 'refs/heads/dev' }, false),
      both('tag release/2.1', { ref: 'refs/tags/release/2.1' }, false),
      both('another repository of the owner on release/2.1', { repository: 'myorg/other', ref: 'refs/heads/release/2.1' }, false),
      custom('another repository of the owner, custom template putting myrepo@ in a workflow name before a release ref',
        `repo:myorg@${OWNER_ID}/other@777:workflow:a/myrepo@3:ref:refs/heads/release/x`, false),
      custom("the configured repository, a custom field after the pattern's * (the guard: no ':' in a wildcard)",
        `repo:myorg@${OWNER_ID}/myrepo@${REPO_ID}:ref:refs/heads/release/x:environment:prod`, false),
    ],
  },
  {
    name: "tags ['v1.0.0'] (tags only)",
    props: { tags: ['v1.0.0'] },
    cases: [
      both('tag v1.0.0', { ref: 'refs/tags/v1.0.0' }, true),
      both('tag v1.0.1', { ref: 'refs/tags/v1.0.1' }, false),
      both('branch v1.0.0', { ref: 'refs/heads/v1.0.0' }, false),
      both('another repository of the owner, tag v1.0.0', { repository: 'myorg/other', ref: 'refs/tags/v1.0.0' }, false),
    ],
  },
  {
    name: "tagPatterns ['v*']",
    props: { tagPatterns: ['v*'] },
    cases: [
      both('tag v2.0.0', { ref: 'refs/tags/v2.0.0' }, true),
      both('branch v2', { ref: 'refs/heads/v2' }, false),
      both('tag release-1', { ref: 'refs/tags/release-1' }, false),
    ],
  },
  {
    name: 'allBranches',
    props: { allBranches: true },
    cases: [
      both('any branch (feature/x)', { ref: 'refs/heads/feature/x' }, true),
      both('a tag', { ref: 'refs/tags/v1' }, false),
      both('another repository of the owner', { repository: 'myorg/other' }, false),
      both('a repository whose name starts with the configured one', { repository: 'myorg/myrepo2' }, false),
      both('a pull request', { pullRequest: true }, false),
      both('an environment', { environment: 'production' }, false),
    ],
  },
  {
    name: 'allTags',
    props: { allTags: true },
    cases: [
      both('any tag', { ref: 'refs/tags/v9' }, true),
      both('a branch', {}, false),
      both('another owner', { repository: 'evil/myrepo', ref: 'refs/tags/v9' }, false),
    ],
  },
  {
    name: "environments ['production', 'prod:eu']",
    props: { environments: ['production', 'prod:eu'] },
    cases: [
      both('a job in production', { environment: 'production' }, true),
      both('a job in prod:eu (sent as prod%3Aeu)', { environment: 'prod:eu' }, true),
      both('a job in staging', { environment: 'staging' }, false),
      both('a push to main without an environment', {}, false),
      both('another repository of the owner, production', { repository: 'myorg/other', environment: 'production' }, false),
      custom('a subject with a raw colon in prod:eu', 'repo:myorg/myrepo:environment:prod:eu', false),
      custom('the same in the immutable form', `repo:myorg@${OWNER_ID}/myrepo@${REPO_ID}:environment:prod:eu`, false),
      custom('another repository of the owner, an environment named x/myrepo@1:environment:production (sent as GitHub does)',
        `repo:myorg@${OWNER_ID}/other@777:environment:x/myrepo@1%3Aenvironment%3Aproduction`, false),
      custom('the same, were the colons sent raw (the guard: 5 colons)',
        `repo:myorg@${OWNER_ID}/other@777:environment:x/myrepo@1:environment:production`, false),
    ],
  },
  {
    name: "environments ['production'] + branchPatterns ['release/*']",
    props: { environments: ['production'], branchPatterns: ['release/*'] },
    cases: [
      both('a job in production', { environment: 'production' }, true),
      both('release/1 without an environment', { ref: 'refs/heads/release/1' }, true),
      both('main', {}, false),
      both('a job in staging', { environment: 'staging' }, false),
    ],
  },
  {
    name: 'pullRequests',
    props: { pullRequests: true },
    cases: [
      both("the repository's own pull request", { pullRequest: true }, true),
      both("a fork's pull request (the fork's owner in the subject)", { repository: 'someone/myrepo', pullRequest: true }, false),
      both('a push to main', {}, false),
      both('a job in an environment named pull_request', { environment: 'pull_request' }, false),
      custom('the configured repository, custom template repo+event_name (the guard: 3 colons where the subject has 2)',
        `repo:myorg@${OWNER_ID}/myrepo@${REPO_ID}:event_name:pull_request`, false),
      custom('its name-only twin', 'repo:myorg/myrepo:event_name:pull_request', false),
    ],
  },
  {
    name: 'every kind: branches, tags, environments, pullRequests, branchPatterns, tagPatterns',
    props: { branches: ['main'], tags: ['v1'], environments: ['production'], pullRequests: true, branchPatterns: ['release/*'], tagPatterns: ['r*'] },
    cases: [
      both('main', {}, true),
      both('tag v1', { ref: 'refs/tags/v1' }, true),
      both('production', { environment: 'production' }, true),
      both('a pull request', { pullRequest: true }, true),
      both('release/3', { ref: 'refs/heads/release/3' }, true),
      both('tag r3', { ref: 'refs/tags/r3' }, true),
      both('dev', { ref: 'refs/heads/dev' }, false),
      both('staging', { environment: 'staging' }, false),
      ...OUTSIDERS,
    ],
  },
  {
    name: 'jobWorkflowRefs pinned, branches main',
    props: { branches: ['main'], jobWorkflowRefs: [PINNED] },
    cases: [
      both('that workflow on main', {}, true),
      both('another workflow on main', { job_workflow_ref: 'myorg/myrepo/.github/workflows/other.yml@refs/heads/main' }, false),
    ],
  },
  {
    name: "repository 'myorg/.github' (a name that starts with a dot)",
    props: { repository: 'myorg/.github', branches: ['main'] },
    cases: [
      both('myorg/.github on main', { repository: 'myorg/.github' }, true),
      both('myorg/xgithub (the dot is no wildcard)', { repository: 'myorg/xgithub' }, false),
      both('myorg/.github2', { repository: 'myorg/.github2' }, false),
      both('myorg/myrepo', {}, false),
    ],
  },
  {
    name: "repository 'my-org-2/my_repo.v2-x' (hyphens, underscores, dots)",
    props: { repository: 'my-org-2/my_repo.v2-x', branches: ['main'] },
    cases: [
      both('my-org-2/my_repo.v2-x on main', { repository: 'my-org-2/my_repo.v2-x' }, true),
      both('my-org-2/my_repoxv2-x (the dot is no wildcard)', { repository: 'my-org-2/my_repoxv2-x' }, false),
      both('my-org-2/my_repo.v2-x2', { repository: 'my-org-2/my_repo.v2-x2' }, false),
      both('my-org/my_repo.v2-x', { repository: 'my-org/my_repo.v2-x' }, false),
    ],
  },
  // with ids: only the immutable subject of the configured repository
  {
    name: 'ids + branches main',
    props: { branches: ['main'], ...IDS },
    cases: [
      withIds('the configured repository on main', {}, true),
      withIds('the same name with another repository id (re-created repository)', { ids: [OWNER_ID, '892745999'] }, false),
      withIds('the same name under another owner id (owner renamed, name taken)', { ids: ['99', REPO_ID] }, false),
      withIds('another branch', { ref: 'refs/heads/dev' }, false),
      withIds('another repository of the owner', { repository: 'myorg/other' }, false),
      {
        title: 'the right subject but a repository_id claim of another repository',
        job: { sub: `repo:myorg@${OWNER_ID}/myrepo@${REPO_ID}:ref:refs/heads/main`, ids: [OWNER_ID, '892745999'] },
        expected: { custom: false },
      },
      {
        title: 'the right subject but a ref claim of another branch',
        job: { sub: `repo:myorg@${OWNER_ID}/myrepo@${REPO_ID}:ref:refs/heads/main`, ref: 'refs/heads/dev' },
        expected: { custom: false },
      },
    ],
  },
  {
    name: "ids + branchPatterns ['release/*']",
    props: { branchPatterns: ['release/*'], ...IDS },
    cases: [
      withIds('release/2 of the configured repository', { ref: 'refs/heads/release/2' }, true),
      withIds('release/2 of a re-created repository (another id)', { ref: 'refs/heads/release/2', ids: [OWNER_ID, '892745999'] }, false),
      withIds('main', {}, false),
      withIds('tag release/2', { ref: 'refs/tags/release/2' }, false),
    ],
  },
  {
    name: "ids + environments ['production'] + branchPatterns ['release/*']",
    props: { environments: ['production'], branchPatterns: ['release/*'], ...IDS },
    cases: [
      withIds('a job in production', { environment: 'production' }, true),
      withIds('release/1', { ref: 'refs/heads/release/1' }, true),
      withIds('a job in staging', { environment: 'staging' }, false),
      withIds('main', {}, false),
      withIds('production of a re-created repository', { environment: 'production', ids: [OWNER_ID, '892745999'] }, false),
    ],
  },
  {
    name: "ids + environments ['production'] (the environment claim is checked too)",
    props: { environments: ['production'], ...IDS },
    cases: [
      withIds('a job in production', { environment: 'production' }, true),
      withIds('a job in staging', { environment: 'staging' }, false),
      {
        title: 'the production subject with an environment claim of staging',
        job: { sub: `repo:myorg@${OWNER_ID}/myrepo@${REPO_ID}:environment:production`, environment: 'staging' },
        expected: { custom: false },
      },
    ],
  },
  {
    name: "ids + tags ['v1.0.0'] (tags only: the ref claim is refs/tags/v1.0.0)",
    props: { tags: ['v1.0.0'], ...IDS },
    cases: [
      withIds('tag v1.0.0', { ref: 'refs/tags/v1.0.0' }, true),
      withIds('tag v1.0.1', { ref: 'refs/tags/v1.0.1' }, false),
      withIds('branch v1.0.0', { ref: 'refs/heads/v1.0.0' }, false),
      {
        title: 'the v1.0.0 subject with a ref claim of another tag',
        job: { sub: `repo:myorg@${OWNER_ID}/myrepo@${REPO_ID}:ref:refs/tags/v1.0.0`, ref: 'refs/tags/v2' },
        expected: { custom: false },
      },
    ],
  },
  {
    name: 'ids + pullRequests (pull requests only: no ref claim)',
    props: { pullRequests: true, ...IDS },
    cases: [
      withIds("the repository's own pull request", { pullRequest: true }, true),
      withIds('a pull request of a re-created repository', { pullRequest: true, ids: [OWNER_ID, '892745999'] }, false),
      withIds('a push to main', {}, false),
    ],
  },
  {
    name: 'ids + allTags',
    props: { allTags: true, ...IDS },
    cases: [
      withIds('any tag', { ref: 'refs/tags/v7' }, true),
      withIds('a branch', {}, false),
    ],
  },
  {
    name: 'ids + jobWorkflowRefs pinned, branches main',
    props: { branches: ['main'], jobWorkflowRefs: [PINNED], ...IDS },
    cases: [
      withIds('that workflow on main', {}, true),
      withIds('another workflow on main', { job_workflow_ref: 'myorg/myrepo/.github/workflows/other.yml@refs/heads/main' }, false),
    ],
  },
];

const ROWS: Array<[string, Partial<GitHubOidcRoleProps>, Claims, boolean]> = CONFIGS.flatMap((config) =>
  config.cases.flatMap((c) =>
    (Object.entries(c.expected) as Array<[Format, boolean]>).map(([format, allowed]): [string, Partial<GitHubOidcRoleProps>, Claims, boolean] => [
      `${config.name} | ${format} | ${c.title} → ${allowed ? 'allowed' : 'denied'}`,
      config.props,
      token(format, c.job),
      allowed,
    ]),
  ),
);

const policies = new Map<Partial<GitHubOidcRoleProps>, any>();
function policyOf(props: Partial<GitHubOidcRoleProps>): any {
  if (!policies.has(props)) {
    policies.set(props, trustPolicy(props));
  }
  return policies.get(props);
}

describe('[IAM-3] configuration × token (format × case) → allowed / denied', () => {
  test('the table covers both default formats for every configuration, and both answers', () => {
    for (const config of CONFIGS) {
      const formats = new Set(config.cases.flatMap((c) => Object.keys(c.expected)));
      const defaults = [...formats].filter((f) => f !== 'custom').sort();
      expect({ config: config.name, formats: defaults }).toEqual({ config: config.name, formats: ['immutable', 'name-only'] });
      expect({ config: config.name, answers: [...new Set(ROWS.filter((r) => r[1] === config.props).map((r) => r[3]))].sort() })
        .toEqual({ config: config.name, answers: [false, true] });
    }
  });

  test.each(ROWS)('%s', (_title, props, claims, expected) => {
    expect(allows(policyOf(props), { claims })).toBe(expected);
  });
});

// (policies are built inside the tests, never at collection time: mutation testing measures the
// trust code per test, and code run outside a test would make every mutant of it "static")
describe('[IAM-3] principal and action', () => {
  test.each<Format>(['name-only', 'immutable'])('a %s token of another OIDC provider → denied', (format) => {
    const policy = policyOf(MINIMAL);
    expect(allows(policy, { claims: token(format) })).toBe(true);
    expect(allows(policy, { claims: token(format), provider: 'arn:aws:iam::123456789012:oidc-provider/gitlab.com' })).toBe(false);
  });

  test.each<Format>(['name-only', 'immutable'])('a %s token for sts:AssumeRole instead of sts:AssumeRoleWithWebIdentity → denied', (format) => {
    expect(allows(policyOf(MINIMAL), { claims: token(format), action: 'sts:AssumeRole' })).toBe(false);
  });
});

describe('[IAM-3] a repository from a CloudFormation parameter (split by CloudFormation at deploy time)', () => {
  const parameters = { Repo: 'myorg/myrepo' };

  test.each<[string, Partial<GitHubOidcRoleProps>, Format, Job, boolean]>([
    ['no ids', { branches: ['main'] }, 'name-only', {}, true],
    ['no ids', { branches: ['main'] }, 'immutable', {}, true],
    ['no ids', { branches: ['main'] }, 'immutable', { repository: 'myorg/other' }, false],
    ['no ids', { branches: ['main'] }, 'name-only', { repository: 'myorg/other' }, false],
    ['no ids', { branches: ['main'] }, 'immutable', { ref: 'refs/heads/dev' }, false],
    ['ids', { branches: ['main'], ...IDS }, 'immutable', {}, true],
    ['ids', { branches: ['main'], ...IDS }, 'name-only', {}, false],
    ['ids', { branches: ['main'], ...IDS }, 'immutable', { ids: [OWNER_ID, '892745999'] }, false],
  ])('Repo=myorg/myrepo, %s, a %s token of %p → %p', (_ids, props, format, job, expected) => {
    expect(allows(trustPolicy(props, true), { claims: token(format, job), parameters })).toBe(expected);
  });
});
