import { ArnFormat, CfnOutput, Duration, Stack, aws_iam as iam } from 'aws-cdk-lib';
import { Construct } from 'constructs';
import { GitHubOidcProvider } from './github-oidc-provider';
import { REPOSITORY_FORMAT, TrustPlan, claimKey, planTrust } from './private/trust';
import { DeploymentStage, DeploymentStageOptions } from '../core/deployment-stage';
import { addWarning } from '../core/private/errors';
import { checkDuration, checkMaxLength, checkPattern, pendingScope, requireProps } from '../core/private/validation';
import { StagePolicy } from '../core/stage-policy';

/** The action a web-identity trust statement allows. */
const ASSUME_ACTION = 'sts:AssumeRoleWithWebIdentity';
/** The qualifier `cdk bootstrap` uses unless told otherwise. */
const DEFAULT_QUALIFIER = 'hnb659fds';

/**
 * Properties of a GitHubOidcRole: which repository and which of its workflows may assume the role,
 * and the usual role settings. `assumedBy` cannot be passed: the trust policy is what this
 * construct decides.
 *
 * Subjects are explicit: name at least one of `branches`, `tags`, `environments` or
 * `pullRequests` (or a pattern through `branchPatterns` / `tagPatterns`, or everything through
 * `allBranches` / `allTags`, each a deliberate choice).
 */
export interface GitHubOidcRoleProps extends DeploymentStageOptions {
  /**
   * The GitHub repository, `owner/name`. A wildcard or empty owner or name is refused.
   */
  readonly repository: string;

  /**
   * Branches whose workflows may assume the role, by exact name (`main`, not `refs/heads/main`):
   * subject `repo:<owner>/<name>:ref:refs/heads/<branch>`, compared with `StringEquals`.
   *
   * @default - no branch
   */
  readonly branches?: string[];

  /**
   * Branch patterns (`release/*`), compared with `StringLike`. A pattern that matches every branch
   * (`*`) is refused: say `allBranches: true` instead.
   *
   * @default - no branch pattern
   */
  readonly branchPatterns?: string[];

  /**
   * Trust every branch of the repository (`repo:<owner>/<name>:ref:refs/heads/*`, `StringLike`).
   * Emits the warning `GitHubOidcRole.wildcardSubject`.
   *
   * @default false
   */
  readonly allBranches?: boolean;

  /**
   * Tags whose workflows may assume the role, by exact name (`v1.2.0`): subject
   * `repo:<owner>/<name>:ref:refs/tags/<tag>`, `StringEquals`.
   *
   * @default - no tag
   */
  readonly tags?: string[];

  /**
   * Tag patterns (`v*`), compared with `StringLike`. A pattern that matches every tag is refused:
   * say `allTags: true` instead.
   *
   * @default - no tag pattern
   */
  readonly tagPatterns?: string[];

  /**
   * Trust every tag of the repository (`repo:<owner>/<name>:ref:refs/tags/*`, `StringLike`).
   * Emits the warning `GitHubOidcRole.wildcardSubject`.
   *
   * @default false
   */
  readonly allTags?: boolean;

  /**
   * GitHub environments whose jobs may assume the role: subject
   * `repo:<owner>/<name>:environment:<environment>`. GitHub uses this subject whenever a job names
   * an environment (instead of the branch subject), so a job with `environment: production` needs
   * `environments: ['production']`. Combine with environment protection rules on GitHub.
   *
   * @default - no environment
   */
  readonly environments?: string[];

  /**
   * Trust workflows run by the `pull_request` event: subject `repo:<owner>/<name>:pull_request`.
   * GitHub issues no OIDC token to pull requests from forks; a fork's own workflows carry the
   * fork's owner and are denied. Give such a role read-only permissions (for example only the CDK
   * lookup role, to run `cdk diff`).
   *
   * @default false
   */
  readonly pullRequests?: boolean;

  /**
   * The numeric id of the repository's owner. With `repositoryId`, the subjects use GitHub's
   * immutable form `repo:<owner>@<ownerId>/<name>@<repositoryId>:...` (GitHub's default for
   * repositories created, renamed or transferred after 15 July 2026), and the trust policy also
   * checks the claims `repository_owner_id` and `repository_id` (and `ref` or `environment` where
   * the subjects name only exact refs or only environments): a repository re-created or renamed
   * to the same name cannot assume the role.
   *
   * @default - subjects name the repository by name only
   */
  readonly ownerId?: number;

  /**
   * The numeric id of the repository (`gh api repos/<owner>/<name> --jq .id`). Needs `ownerId`.
   *
   * @default - subjects name the repository by name only
   */
  readonly repositoryId?: number;

  /**
   * Pins the workflow file that may assume the role, through the `job_workflow_ref` claim
   * (`StringEquals`), e.g. `myorg/myrepo/.github/workflows/deploy.yml@refs/heads/main`.
   *
   * @default - any workflow of the trusted subjects
   */
  readonly jobWorkflowRefs?: string[];

  /**
   * The GitHub OIDC provider to trust.
   *
   * @default - `GitHubOidcProvider.of(this, stage)`: one native provider per stack, shared by every
   * GitHubOidcRole of the stack, retained in PROD
   */
  readonly provider?: iam.IOidcProvider;

  /**
   * The longest session a workflow can request, from 1 to 12 hours.
   *
   * @default Duration.hours(1)
   */
  readonly maxSessionDuration?: Duration;

  /**
   * A permissions boundary for the role.
   *
   * @default - no permissions boundary
   */
  readonly permissionsBoundary?: iam.IManagedPolicy;

  /**
   * Managed policies attached to the role.
   *
   * @default - none
   */
  readonly managedPolicies?: iam.IManagedPolicy[];

  /**
   * Inline policies of the role.
   *
   * @default - none
   */
  readonly inlinePolicies?: { [name: string]: iam.PolicyDocument };

  /**
   * A physical name for the role.
   *
   * @default - a name CloudFormation generates
   */
  readonly roleName?: string;

  /**
   * The path of the role.
   *
   * @default '/'
   */
  readonly path?: string;

  /**
   * A description of the role.
   *
   * @default - 'GitHub Actions OIDC role for <repository>'
   */
  readonly description?: string;

  /**
   * Whether the role's ARN is a stack output (`RoleArn`), to put into the workflow's
   * `role-to-assume` (usually through a repository variable).
   *
   * @default true
   */
  readonly roleArnOutput?: boolean;
}

/** The roles `cdk bootstrap` creates, which a deploy pipeline assumes. */
export enum CdkBootstrapRole {
  /** `cdk-<qualifier>-deploy-role-<account>-<region>`: runs the CloudFormation deployment (and `cdk diff`'s change set). */
  DEPLOY = 'deploy',
  /** `cdk-<qualifier>-file-publishing-role-<account>-<region>`: uploads file assets to the staging bucket. */
  FILE_PUBLISHING = 'file-publishing',
  /** `cdk-<qualifier>-image-publishing-role-<account>-<region>`: pushes image assets to the ECR repository. */
  IMAGE_PUBLISHING = 'image-publishing',
  /** `cdk-<qualifier>-lookup-role-<account>-<region>`: read-only context lookups and `cdk diff`'s template read. */
  LOOKUP = 'lookup',
}

/** Options of `GitHubOidcRole.grantCdkBootstrapRoles()`. */
export interface CdkBootstrapRolesOptions {
  /**
   * The bootstrap qualifier (`cdk bootstrap --qualifier`).
   *
   * @default 'hnb659fds'
   */
  readonly qualifier?: string;

  /**
   * Which bootstrap roles the workflow may assume.
   *
   * @default - all four: DEPLOY, FILE_PUBLISHING, IMAGE_PUBLISHING, LOOKUP
   */
  readonly roles?: CdkBootstrapRole[];

  /**
   * The account that was bootstrapped.
   *
   * @default - the role's stack's account
   */
  readonly account?: string;

  /**
   * The region that was bootstrapped.
   *
   * @default - the role's stack's region
   */
  readonly region?: string;
}

/**
 * An IAM role that GitHub Actions workflows of one repository assume through OIDC, with no
 * long-lived keys (IAM-3), and a trust policy that cannot be too wide (IAM-2).
 *
 * - The trust statement allows `sts:AssumeRoleWithWebIdentity` from the GitHub OIDC provider,
 *   created once per stack as the native `AWS::IAM::OIDCProvider` (or the one you pass).
 * - It always has an `aud` condition (`sts.amazonaws.com`) and a `sub` condition built from the
 *   subjects you name: `StringEquals` for exact branches, tags, environments and pull requests;
 *   `StringLike` only for patterns asked for by name (`branchPatterns`, `allBranches`, ...).
 * - With `ownerId` and `repositoryId`, the immutable subjects and the `repository_id` /
 *   `repository_owner_id` claims pin the repository itself, not its name.
 * - Sessions last one hour at most by default; the role ARN is a stack output.
 * - `grantCdkBootstrapRoles()` lets the workflow assume the CDK bootstrap roles, by name, no `*`.
 *
 * A wildcard or empty owner or repository, a role without subjects, or a branch list matching
 * every branch without `allBranches` throws at synth time.
 *
 * @example
 * const deploy = new patterns.GitHubOidcRole(this, 'Deploy', { repository: 'myorg/myrepo', branches: ['main'] });
 * deploy.grantCdkBootstrapRoles();
 *
 * // pull requests may only run `cdk diff`
 * const diff = new patterns.GitHubOidcRole(this, 'Diff', { repository: 'myorg/myrepo', pullRequests: true });
 * diff.grantCdkBootstrapRoles({ roles: [patterns.CdkBootstrapRole.LOOKUP] });
 */
export class GitHubOidcRole extends iam.Role {
  /** The qualifier `cdk bootstrap` uses by default. */
  public static readonly DEFAULT_BOOTSTRAP_QUALIFIER = DEFAULT_QUALIFIER;

  /** One principal per kind of `sub` match: exact values (StringEquals), then patterns (StringLike). */
  private static trustPrincipals(provider: iam.IOidcProvider, plan: TrustPlan): iam.IPrincipal[] {
    const one = (values: string[]) => (values.length === 1 ? values[0] : values);
    const claims = Object.fromEntries(Object.entries(plan.claims).map(([k, v]) => [k, one(v)]));
    const principals: iam.IPrincipal[] = [];
    const sub = claimKey('sub');
    if (plan.exactSubjects.length > 0) {
      const [aud, ...others] = Object.keys(claims);
      const ordered = { [aud]: claims[aud], [sub]: one(plan.exactSubjects), ...Object.fromEntries(others.map((k) => [k, claims[k]])) };
      principals.push(new iam.WebIdentityPrincipal(provider.oidcProviderArn, { StringEquals: ordered }));
    }
    if (plan.patternSubjects.length > 0) {
      const conditions = { StringEquals: claims, StringLike: { [sub]: one(plan.patternSubjects) } };
      principals.push(new iam.WebIdentityPrincipal(provider.oidcProviderArn, conditions));
    }
    return principals;
  }

  /** The deployment stage the construct was built for: the `stage` prop, else the CDK context key `env`, else PROD. */
  public readonly stage: DeploymentStage;
  /** The OIDC provider the role trusts. */
  public readonly provider: iam.IOidcProvider;
  /** The repository (`owner/name`) whose workflows may assume the role. */
  public readonly repository: string;
  /** Every `sub` value of the trust policy: exact values first, then patterns. */
  public readonly subjects: string[];
  /** The stack output holding the role ARN, unless `roleArnOutput: false`. */
  public readonly roleArnOutput?: CfnOutput;

  private bootstrapPolicy?: iam.ManagedPolicy;

  constructor(scope: Construct, id: string, props: GitHubOidcRoleProps) {
    const self = pendingScope(scope, id);
    requireProps(self, props, { repository: REPOSITORY_FORMAT });
    const plan = planTrust(self, props);
    checkDuration(self, props.maxSessionDuration, { prop: 'maxSessionDuration', min: Duration.hours(1), max: Duration.hours(12) });
    checkPattern(self, 'roleName', props.roleName, /^[\w+=,.@-]{1,64}$/,
      'a role name of 1 to 64 characters: letters, digits and _ + = , . @ - (what IAM accepts)');
    checkMaxLength(self, 'description', props.description, 1000, 'at most 1000 characters (what IAM accepts)');
    const stage = StagePolicy.resolve(scope, props.stage);
    const provider = props.provider ?? GitHubOidcProvider.of(scope, stage);
    const [first, ...rest] = GitHubOidcRole.trustPrincipals(provider, plan);

    super(scope, id, {
      assumedBy: first,
      maxSessionDuration: props.maxSessionDuration ?? Duration.hours(1),
      permissionsBoundary: props.permissionsBoundary,
      managedPolicies: props.managedPolicies,
      inlinePolicies: props.inlinePolicies,
      roleName: props.roleName,
      path: props.path,
      description: props.description ?? `GitHub Actions OIDC role for ${props.repository}`,
    });
    for (const principal of rest) {
      this.assumeRolePolicy!.addStatements(new iam.PolicyStatement({ actions: [ASSUME_ACTION], principals: [principal] }));
    }

    this.stage = stage;
    this.provider = provider;
    this.repository = props.repository;
    this.subjects = [...plan.exactSubjects, ...plan.patternSubjects];

    if (plan.patternSubjects.length > 0) {
      addWarning(
        this,
        'GitHubOidcRole.wildcardSubject',
        `The trust policy matches subjects by pattern (${plan.patternSubjects.join(', ')}): every ref that matches can assume the role. Prefer exact branches, tags or environments.`,
      );
    }
    if (props.roleArnOutput ?? true) {
      this.roleArnOutput = new CfnOutput(this, 'RoleArn', {
        value: this.roleArn,
        description: `role-to-assume for GitHub Actions workflows of ${props.repository}`,
      });
    }
  }

  /**
   * Lets the workflow assume the CDK bootstrap roles (`cdk deploy`, `cdk diff`, asset publishing),
   * named exactly: `arn:<partition>:iam::<account>:role/cdk-<qualifier>-<role>-role-<account>-<region>`.
   * The statements go into one customer managed policy of the role (`CdkBootstrapRoles`), so the
   * role needs no `*` and no inline policy.
   *
   * @param options qualifier, roles, account and region of the bootstrap
   * @returns the managed policy holding the statements
   */
  public grantCdkBootstrapRoles(options: CdkBootstrapRolesOptions = {}): iam.ManagedPolicy {
    const qualifier = options.qualifier ?? DEFAULT_QUALIFIER;
    const allowed = 'letters and digits, at most 10 characters (as `cdk bootstrap --qualifier` allows)';
    checkPattern(this, 'qualifier', qualifier, /^[A-Za-z0-9]{1,10}$/, allowed);
    const roles = options.roles ?? [
      CdkBootstrapRole.DEPLOY,
      CdkBootstrapRole.FILE_PUBLISHING,
      CdkBootstrapRole.IMAGE_PUBLISHING,
      CdkBootstrapRole.LOOKUP,
    ];
    const stack = Stack.of(this);
    const account = options.account ?? stack.account;
    const region = options.region ?? stack.region;
    const resources = [...new Set(roles)].map((role) =>
      stack.formatArn({
        service: 'iam',
        region: '',
        account,
        resource: 'role',
        resourceName: `cdk-${qualifier}-${role}-role-${account}-${region}`,
        arnFormat: ArnFormat.SLASH_RESOURCE_NAME,
      }),
    );
    if (!this.bootstrapPolicy) {
      this.bootstrapPolicy = new iam.ManagedPolicy(this, 'CdkBootstrapRoles', {
        description: `Lets GitHub Actions workflows of ${this.repository} assume the CDK bootstrap roles`,
      });
      this.addManagedPolicy(this.bootstrapPolicy);
    }
    this.bootstrapPolicy.addStatements(new iam.PolicyStatement({ actions: ['sts:AssumeRole'], resources }));
    return this.bootstrapPolicy;
  }
}
