import { App, CfnParameter, Duration, Stack, aws_iam as iam } from 'aws-cdk-lib';
import { Annotations, Match, Template } from 'aws-cdk-lib/assertions';
import { CdkBootstrapRole, DeploymentStage, GitHubOidcProvider, GitHubOidcRole, GitHubOidcRoleProps } from '../../src';
import { policyGrants, templateGrants } from '../util/iam-policy';
import { renderedArn } from '../util/partition';

const ISSUER = 'token.actions.githubusercontent.com';

function newStack(context?: Record<string, string>, env = true): Stack {
  return new Stack(new App({ context }), 'Stack', env ? { env: { account: '123456789012', region: 'us-east-1' } } : undefined);
}

function role(props: Partial<GitHubOidcRoleProps> = {}, stack = newStack()): { stack: Stack; role: GitHubOidcRole; template: Template } {
  const r = new GitHubOidcRole(stack, 'Deploy', { repository: 'myorg/myrepo', branches: ['main'], ...props } as GitHubOidcRoleProps);
  return { stack, role: r, template: Template.fromStack(stack) };
}

function trust(template: Template): any[] {
  const roles = template.findResources('AWS::IAM::Role');
  return (Object.values(roles)[0] as any).Properties.AssumeRolePolicyDocument.Statement;
}

/** The statement a GitHubOidcRole writes for `sub` values and extra conditions. */
function statement(providerId: string, condition: Record<string, unknown>): any {
  return { Effect: 'Allow', Action: 'sts:AssumeRoleWithWebIdentity', Principal: { Federated: { Ref: providerId } }, Condition: condition };
}

const AUD = { [`${ISSUER}:aud`]: 'sts.amazonaws.com' };

describe('trust policy', () => {
  test('[IAM-3] the minimal call: the name-only subject (StringEquals), and the immutable one with any ids (StringLike) guarded against a fifth colon', () => {
    const { stack, role: r, template } = role();
    const providerId = stack.getLogicalId(r.provider.node.defaultChild as iam.CfnOIDCProvider);
    expect(trust(template)).toEqual([
      statement(providerId, { StringEquals: { ...AUD, [`${ISSUER}:sub`]: 'repo:myorg/myrepo:ref:refs/heads/main' } }),
      statement(providerId, {
        StringEquals: AUD,
        StringLike: { [`${ISSUER}:sub`]: 'repo:myorg@*/myrepo@*:ref:refs/heads/main' },
        StringNotLike: { [`${ISSUER}:sub`]: '*:*:*:*:*' },
      }),
    ]);
    expect(r.subjects).toEqual(['repo:myorg/myrepo:ref:refs/heads/main', 'repo:myorg@*/myrepo@*:ref:refs/heads/main']);
  });

  test('[IAM-2] every subject kind renders GitHub\'s formats: name-only values under StringEquals; the immutable ones grouped by their guard', () => {
    const { role: r, template } = role({ branches: ['main', 'develop'], tags: ['v1.0.0'], environments: ['prod:eu'], pullRequests: true });
    const rests = ['ref:refs/heads/main', 'ref:refs/heads/develop', 'ref:refs/tags/v1.0.0', 'environment:prod%3Aeu', 'pull_request'];
    const nameOnly = rests.map((rest) => `repo:myorg/myrepo:${rest}`);
    const anyId = rests.map((rest) => `repo:myorg@*/myrepo@*:${rest}`);
    expect(r.subjects).toEqual([...nameOnly, ...anyId]);
    const conditions = trust(template).map((st) => st.Condition);
    expect(conditions).toEqual([
      { StringEquals: { ...AUD, [`${ISSUER}:sub`]: nameOnly } },
      { StringEquals: AUD, StringLike: { [`${ISSUER}:sub`]: anyId.slice(0, 4) }, StringNotLike: { [`${ISSUER}:sub`]: '*:*:*:*:*' } },
      { StringEquals: AUD, StringLike: { [`${ISSUER}:sub`]: 'repo:myorg@*/myrepo@*:pull_request' }, StringNotLike: { [`${ISSUER}:sub`]: '*:*:*:*' } },
    ]);
  });

  test('[IAM-2] patterns asked for by name use StringLike in a second statement; their immutable forms join the exact ones\' (same guard)', () => {
    const { template } = role({ branchPatterns: ['release/*'], tagPatterns: ['v*'] });
    const [exact, pattern, anyId] = trust(template);
    expect(trust(template)).toHaveLength(3);
    expect(exact.Condition).toEqual({
      StringEquals: { ...AUD, [`${ISSUER}:sub`]: 'repo:myorg/myrepo:ref:refs/heads/main' },
    });
    expect(pattern.Action).toEqual('sts:AssumeRoleWithWebIdentity');
    expect(pattern.Condition).toEqual({
      StringEquals: AUD,
      StringLike: { [`${ISSUER}:sub`]: ['repo:myorg/myrepo:ref:refs/heads/release/*', 'repo:myorg/myrepo:ref:refs/tags/v*'] },
    });
    expect(anyId.Condition).toEqual({
      StringEquals: AUD,
      StringLike: {
        [`${ISSUER}:sub`]: [
          'repo:myorg@*/myrepo@*:ref:refs/heads/main',
          'repo:myorg@*/myrepo@*:ref:refs/heads/release/*',
          'repo:myorg@*/myrepo@*:ref:refs/tags/v*',
        ],
      },
      StringNotLike: { [`${ISSUER}:sub`]: '*:*:*:*:*' },
    });
  });

  test('[IAM-2] only patterns: a StringLike statement, still with aud, and its immutable form', () => {
    const { template } = role({ branches: undefined, allBranches: true });
    expect(trust(template).map((st) => st.Condition)).toEqual([
      { StringEquals: AUD, StringLike: { [`${ISSUER}:sub`]: 'repo:myorg/myrepo:ref:refs/heads/*' } },
      { StringEquals: AUD, StringLike: { [`${ISSUER}:sub`]: 'repo:myorg@*/myrepo@*:ref:refs/heads/*' }, StringNotLike: { [`${ISSUER}:sub`]: '*:*:*:*:*' } },
    ]);
  });

  test('[IAM-2] allTags trusts refs/tags/* only, in both formats', () => {
    const { role: r } = role({ branches: undefined, allTags: true });
    expect(r.subjects).toEqual(['repo:myorg/myrepo:ref:refs/tags/*', 'repo:myorg@*/myrepo@*:ref:refs/tags/*']);
  });

  test('[IAM-2] immutable ids: one statement; the subject names both ids, and repository_id, repository_owner_id and ref are checked', () => {
    const { role: r, template } = role({ ownerId: 1342004, repositoryId: 892745123 });
    expect(trust(template)).toHaveLength(1);
    expect(trust(template)[0].Condition).toEqual({
      StringEquals: {
        ...AUD,
        [`${ISSUER}:sub`]: 'repo:myorg@1342004/myrepo@892745123:ref:refs/heads/main',
        [`${ISSUER}:repository_id`]: '892745123',
        [`${ISSUER}:repository_owner_id`]: '1342004',
        [`${ISSUER}:ref`]: 'refs/heads/main',
      },
    });
    expect(r.subjects).toEqual(['repo:myorg@1342004/myrepo@892745123:ref:refs/heads/main']);
  });

  test('[IAM-2] immutable ids with patterns: the pattern statement checks the id claims too, and no ref claim', () => {
    const { template } = role({ branchPatterns: ['release/*'], ownerId: 1, repositoryId: 2 });
    const ids = { [`${ISSUER}:repository_id`]: '2', [`${ISSUER}:repository_owner_id`]: '1' };
    expect(trust(template).map((st) => st.Condition)).toEqual([
      { StringEquals: { ...AUD, [`${ISSUER}:sub`]: 'repo:myorg@1/myrepo@2:ref:refs/heads/main', ...ids } },
      { StringEquals: { ...AUD, ...ids }, StringLike: { [`${ISSUER}:sub`]: 'repo:myorg@1/myrepo@2:ref:refs/heads/release/*' } },
    ]);
  });

  test('[IAM-2] immutable ids with tags only: the ref claim names the tags', () => {
    const { template } = role({ branches: undefined, tags: ['v1', 'v2'], ownerId: 1, repositoryId: 2 });
    expect(trust(template)[0].Condition.StringEquals[`${ISSUER}:ref`]).toEqual(['refs/tags/v1', 'refs/tags/v2']);
  });

  test('[IAM-2] immutable ids with pull requests only: no ref or environment claim', () => {
    const { template } = role({ branches: undefined, pullRequests: true, ownerId: 1, repositoryId: 2 });
    expect(Object.keys(trust(template)[0].Condition.StringEquals)).toEqual([
      `${ISSUER}:aud`, `${ISSUER}:sub`, `${ISSUER}:repository_id`, `${ISSUER}:repository_owner_id`,
    ]);
  });

  test('[IAM-2] immutable ids with environments only: the environment claim is checked', () => {
    const { template } = role({ branches: undefined, environments: ['production'], ownerId: 1, repositoryId: 2 });
    expect(trust(template)[0].Condition.StringEquals[`${ISSUER}:environment`]).toEqual('production');
    expect(trust(template)[0].Condition.StringEquals[`${ISSUER}:ref`]).toBeUndefined();
  });

  test('[IAM-2] immutable ids with environments and branch patterns: neither the environment nor the ref claim', () => {
    const { template } = role({ branches: undefined, environments: ['production'], branchPatterns: ['release/*'], ownerId: 1, repositoryId: 2 });
    for (const st of trust(template)) {
      expect(Object.keys(st.Condition.StringEquals)).not.toContain(`${ISSUER}:environment`);
      expect(Object.keys(st.Condition.StringEquals)).not.toContain(`${ISSUER}:ref`);
    }
  });

  test('[IAM-2] immutable ids with mixed subjects: no ref or environment claim (it would exclude one of them)', () => {
    const { template } = role({ environments: ['production'], ownerId: 1, repositoryId: 2 });
    const keys = Object.keys(trust(template)[0].Condition.StringEquals);
    expect(keys).toEqual([`${ISSUER}:aud`, `${ISSUER}:sub`, `${ISSUER}:repository_id`, `${ISSUER}:repository_owner_id`]);
  });

  test('[IAM-2] without ids no claim key other than aud and sub is added, in any statement', () => {
    const { template } = role({ environments: ['production'] });
    for (const st of trust(template)) {
      expect(Object.keys(st.Condition.StringEquals).filter((k) => k !== `${ISSUER}:sub`)).toEqual([`${ISSUER}:aud`]);
    }
  });

  test('[IAM-2] jobWorkflowRefs pins the job_workflow_ref claim in every statement', () => {
    const ref = 'myorg/myrepo/.github/workflows/deploy.yml@refs/heads/main';
    const { template } = role({ jobWorkflowRefs: [ref, `${ref}x`] });
    expect(trust(template)).toHaveLength(2);
    for (const st of trust(template)) {
      expect(st.Condition.StringEquals[`${ISSUER}:job_workflow_ref`]).toEqual([ref, `${ref}x`]);
    }
  });

  test('[IAM-2] a repository named like .github, and names with . _ -, are written as they are', () => {
    expect(role({ repository: 'myorg/.github' }).role.subjects).toEqual([
      'repo:myorg/.github:ref:refs/heads/main', 'repo:myorg@*/.github@*:ref:refs/heads/main',
    ]);
    expect(role({ repository: 'my-org-2/my_repo.v2-x' }).role.subjects).toEqual([
      'repo:my-org-2/my_repo.v2-x:ref:refs/heads/main', 'repo:my-org-2@*/my_repo.v2-x@*:ref:refs/heads/main',
    ]);
  });

  describe('a token repository (a parameter) is not validated; CloudFormation splits it', () => {
    const split = (i: number) => ({ 'Fn::Select': [i, { 'Fn::Split': ['/', { Ref: 'Repo' }] }] });

    test('[IAM-3] with ids: owner and name are selected from the split value around the ids', () => {
      const stack = newStack();
      const repo = new CfnParameter(stack, 'Repo').valueAsString;
      const { template } = role({ repository: repo, ownerId: 1, repositoryId: 2 }, stack);
      expect(trust(template)).toHaveLength(1);
      expect(trust(template)[0].Condition.StringEquals[`${ISSUER}:sub`]).toEqual({
        'Fn::Join': ['', ['repo:', split(0), '@1/', split(1), '@2:ref:refs/heads/main']],
      });
    });

    test('[IAM-3] without ids: the name-only subject joins the value whole; the immutable one splits it around the wildcards', () => {
      const stack = newStack();
      const repo = new CfnParameter(stack, 'Repo').valueAsString;
      const { template } = role({ repository: repo }, stack);
      const [exact, anyId] = trust(template);
      expect(exact.Condition.StringEquals[`${ISSUER}:sub`]).toEqual({ 'Fn::Join': ['', ['repo:', { Ref: 'Repo' }, ':ref:refs/heads/main']] });
      expect(anyId.Condition.StringLike[`${ISSUER}:sub`]).toEqual({
        'Fn::Join': ['', ['repo:', split(0), '@*/', split(1), '@*:ref:refs/heads/main']],
      });
      expect(anyId.Condition.StringNotLike[`${ISSUER}:sub`]).toEqual('*:*:*:*:*');
    });
  });
});

describe('role settings', () => {
  test('[IAM-3] sessions last one hour at most by default', () => {
    role().template.hasResourceProperties('AWS::IAM::Role', { MaxSessionDuration: 3600 });
  });

  test('[IAM-3] maxSessionDuration can be raised to 12 hours', () => {
    role({ maxSessionDuration: Duration.hours(12) }).template.hasResourceProperties('AWS::IAM::Role', { MaxSessionDuration: 43200 });
  });

  test('[IAM-3] a permissions boundary is applied when given', () => {
    const stack = newStack();
    const boundary = iam.ManagedPolicy.fromManagedPolicyName(stack, 'Boundary', 'ci-boundary');
    role({ permissionsBoundary: boundary }, stack).template.hasResourceProperties('AWS::IAM::Role', {
      PermissionsBoundary: renderedArn(stack, ':iam::123456789012:policy/ci-boundary'),
    });
  });

  test('[IAM-3] no permissions boundary, no managed policy and no inline policy by default', () => {
    const { template } = role();
    template.hasResourceProperties('AWS::IAM::Role', {
      PermissionsBoundary: Match.absent(),
      ManagedPolicyArns: Match.absent(),
      Policies: Match.absent(),
      Description: 'GitHub Actions OIDC role for myorg/myrepo',
    });
  });

  test('[IAM-3] roleName, path and description are passed through', () => {
    role({ roleName: 'gh-deploy', path: '/ci/', description: 'deploys' }).template.hasResourceProperties('AWS::IAM::Role', {
      RoleName: 'gh-deploy',
      Path: '/ci/',
      Description: 'deploys',
    });
  });

  test('[IAM-3] the role ARN is a stack output by default', () => {
    const { stack, role: r, template } = role();
    const outputs = template.findOutputs('*');
    expect(Object.keys(outputs)).toEqual([stack.getLogicalId(r.roleArnOutput!)]);
    expect(Object.values(outputs)[0].Value).toEqual({ 'Fn::GetAtt': [stack.getLogicalId(r.node.defaultChild as iam.CfnRole), 'Arn'] });
  });

  test('[IAM-3] roleArnOutput: false adds no output', () => {
    const { role: r, template } = role({ roleArnOutput: false });
    expect(template.findOutputs('*')).toEqual({});
    expect(r.roleArnOutput).toBeUndefined();
  });
});

describe('provider', () => {
  test('[IAM-3] the native provider: GitHub URL, sts.amazonaws.com audience, no thumbprint, no custom resource', () => {
    const { template } = role();
    template.resourceCountIs('AWS::IAM::OIDCProvider', 1);
    template.hasResourceProperties('AWS::IAM::OIDCProvider', {
      Url: 'https://token.actions.githubusercontent.com',
      ClientIdList: ['sts.amazonaws.com'],
      ThumbprintList: Match.absent(),
    });
    template.resourceCountIs('Custom::AWSCDKOpenIdConnectProvider', 0);
    expect(Object.keys(template.findResources('AWS::Lambda::Function'))).toEqual([]);
  });

  test('[IAM-3] two roles in one stack share one provider, created under the stack', () => {
    const stack = newStack();
    const a = new GitHubOidcRole(stack, 'Deploy', { repository: 'myorg/myrepo', branches: ['main'] });
    const b = new GitHubOidcRole(stack, 'Diff', { repository: 'myorg/myrepo', pullRequests: true });
    const template = Template.fromStack(stack);
    template.resourceCountIs('AWS::IAM::OIDCProvider', 1);
    expect(a.provider).toBe(b.provider);
    expect(a.provider.node.path).toEqual('Stack/GitHubOidcProvider');
    expect(GitHubOidcProvider.of(a)).toBe(a.provider);
  });

  test('[IAM-3] the provider is retained in PROD (the default stage)', () => {
    role().template.hasResource('AWS::IAM::OIDCProvider', { DeletionPolicy: 'Retain', UpdateReplacePolicy: 'Retain' });
  });

  test('[IAM-3] the provider is destroyed with a DEV stack (stage prop or context env=dev)', () => {
    role({ stage: DeploymentStage.DEV }).template.hasResource('AWS::IAM::OIDCProvider', { DeletionPolicy: 'Delete' });
    role({}, newStack({ env: 'dev' })).template.hasResource('AWS::IAM::OIDCProvider', { DeletionPolicy: 'Delete' });
  });

  test('[IAM-3] a provider passed in is used and none is created', () => {
    const stack = newStack();
    const provider = GitHubOidcProvider.fromAccount(stack, 'Existing');
    const { template, role: r } = role({ provider }, stack);
    template.resourceCountIs('AWS::IAM::OIDCProvider', 0);
    expect(r.provider).toBe(provider);
    expect(trust(template)[0].Principal.Federated).toEqual(
      renderedArn(Stack.of(r), ':iam::123456789012:oidc-provider/token.actions.githubusercontent.com'),
    );
  });

  test('[IAM-3] fromAccount is partition-aware and takes another account', () => {
    const stack = newStack(undefined, false);
    const provider = GitHubOidcProvider.fromAccount(stack, 'Existing', '210987654321');
    expect(stack.resolve(provider.oidcProviderArn)).toEqual({
      'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, ':iam::210987654321:oidc-provider/token.actions.githubusercontent.com']],
    });
    const own = GitHubOidcProvider.fromAccount(stack, 'Own');
    expect(stack.resolve(own.oidcProviderArn)).toEqual({
      'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, ':iam::', { Ref: 'AWS::AccountId' }, ':oidc-provider/token.actions.githubusercontent.com']],
    });
  });

  test('fails when another construct already uses the provider id on the stack', () => {
    const stack = newStack();
    new iam.Role(stack, 'GitHubOidcProvider', { assumedBy: new iam.AccountRootPrincipal() });
    expect(() => role({}, stack)).toThrow(
      "[Stack/GitHubOidcProvider] construct id: received 'GitHubOidcProvider'; allowed: only for the GitHub OIDC provider GitHubOidcRole creates. Rename your construct, or pass your provider as `provider`",
    );
  });
});

describe('CDK bootstrap grant', () => {
  const arn = (stack: Stack, name: string, account = '123456789012') => renderedArn(stack, `:iam::${account}:role/${name}`);

  test('[IAM-3] grantCdkBootstrapRoles allows sts:AssumeRole on the four bootstrap roles by name, in a managed policy', () => {
    const r = new GitHubOidcRole(newStack(), 'Deploy', { repository: 'myorg/myrepo', branches: ['main'] });
    const policy = r.grantCdkBootstrapRoles();
    const template = Template.fromStack(Stack.of(r));
    expect(templateGrants(template, 'AWS::IAM::ManagedPolicy')).toEqual(policyGrants([{
      Effect: 'Allow',
      Action: 'sts:AssumeRole',
      Resource: ['deploy', 'file-publishing', 'image-publishing', 'lookup'].map((k) => arn(Stack.of(r), `cdk-hnb659fds-${k}-role-123456789012-us-east-1`)),
    }]));
    template.hasResourceProperties('AWS::IAM::Role', { ManagedPolicyArns: [{ Ref: Stack.of(r).getLogicalId(policy.node.defaultChild as iam.CfnManagedPolicy) }] });
    template.resourceCountIs('AWS::IAM::Policy', 0);
    expect(JSON.stringify(template.toJSON())).not.toContain('"*"');
  });

  test('[IAM-3] qualifier, roles, account and region can be overridden; later calls add to the same policy', () => {
    const r = new GitHubOidcRole(newStack(), 'Deploy', { repository: 'myorg/myrepo', branches: ['main'] });
    const first = r.grantCdkBootstrapRoles({ qualifier: 'team1', roles: [CdkBootstrapRole.LOOKUP] });
    const second = r.grantCdkBootstrapRoles({ roles: [CdkBootstrapRole.DEPLOY], account: '210987654321', region: 'eu-west-1' });
    expect(second).toBe(first);
    const template = Template.fromStack(Stack.of(r));
    template.resourceCountIs('AWS::IAM::ManagedPolicy', 1);
    expect(templateGrants(template, 'AWS::IAM::ManagedPolicy')).toEqual(policyGrants([
      { Effect: 'Allow', Action: 'sts:AssumeRole', Resource: arn(Stack.of(r), 'cdk-team1-lookup-role-123456789012-us-east-1') },
      { Effect: 'Allow', Action: 'sts:AssumeRole', Resource: arn(Stack.of(r), 'cdk-hnb659fds-deploy-role-210987654321-eu-west-1', '210987654321') },
    ]));
  });

  test('fails for a qualifier cdk bootstrap would refuse', () => {
    const { role: r } = role();
    expect(() => r.grantCdkBootstrapRoles({ qualifier: 'my-qualifier-1' })).toThrow(
      "[Stack/Deploy] qualifier: received 'my-qualifier-1'; allowed: letters and digits, at most 10 characters (as `cdk bootstrap --qualifier` allows)",
    );
  });
});

describe('warnings', () => {
  test('[IAM-3] no warning on the minimal call', () => {
    const { stack } = role();
    expect(Annotations.fromStack(stack).findWarning('*', Match.anyValue())).toEqual([]);
  });

  test('[IAM-3] a token repository or subject name without ids warns GitHubOidcRole.unresolvedSubject, naming the props', () => {
    const stack = newStack();
    role({ repository: new CfnParameter(stack, 'Repo').valueAsString, environments: [new CfnParameter(stack, 'Env').valueAsString] }, stack);
    Annotations.fromStack(stack).hasWarning(
      '/Stack/Deploy',
      Match.stringLikeRegexp('^repository, environments: resolved at deploy time.*without `\\*` or `\\?`.*Give `ownerId` and `repositoryId`.*\\[ack: cdk-cloud-patterns:GitHubOidcRole.unresolvedSubject\\]'),
    );
    const branch = newStack();
    role({ branches: [`release-${new CfnParameter(branch, 'Branch').valueAsString}`], tags: ['v1'] }, branch);
    Annotations.fromStack(branch).hasWarning('/Stack/Deploy', Match.stringLikeRegexp('^branches: resolved at deploy time'));
  });

  test('[IAM-3] no unresolvedSubject warning with ids, or for a token pattern (a pattern already is one)', () => {
    const withIds = newStack();
    role({ repository: new CfnParameter(withIds, 'Repo').valueAsString, ownerId: 1, repositoryId: 2 }, withIds);
    expect(Annotations.fromStack(withIds).findWarning('*', Match.anyValue())).toEqual([]);
    const pattern = newStack();
    role({ branchPatterns: [new CfnParameter(pattern, 'P').valueAsString] }, pattern);
    expect(Annotations.fromStack(pattern).findWarning('*', Match.stringLikeRegexp('resolved at deploy time'))).toEqual([]);
  });

  test('[IAM-3] a pattern subject warns GitHubOidcRole.wildcardSubject (acknowledgeable)', () => {
    const { stack } = role({ branches: undefined, allBranches: true });
    Annotations.fromStack(stack).hasWarning(
      '/Stack/Deploy',
      Match.stringLikeRegexp('matches subjects by pattern \\(repo:myorg/myrepo:ref:refs/heads/\\*\\).*\\[ack: cdk-cloud-patterns:GitHubOidcRole.wildcardSubject\\]'),
    );
  });
});

describe('bad input', () => {
  const fails = (props: Partial<GitHubOidcRoleProps>, message: string) => {
    expect(() => role(props)).toThrow(message);
  };

  test.each([
    ['myrepo', "[Stack/Deploy] repository: received 'myrepo'; allowed: 'owner/name', e.g. 'myorg/myrepo'"],
    ['myorg/myrepo/extra', "[Stack/Deploy] repository: received 'myorg/myrepo/extra'; allowed: 'owner/name', e.g. 'myorg/myrepo'"],
    ['*/myrepo', "[Stack/Deploy] repository: received '*/myrepo'; allowed: an explicit owner: a wildcard or empty owner would let other repositories assume the role"],
    ['/myrepo', "[Stack/Deploy] repository: received '/myrepo'; allowed: an explicit owner: a wildcard or empty owner would let other repositories assume the role"],
    ['myorg/*', "[Stack/Deploy] repository: received 'myorg/*'; allowed: an explicit repository name: a wildcard or empty repository name would let other repositories assume the role"],
    ['myorg/', "[Stack/Deploy] repository: received 'myorg/'; allowed: an explicit repository name: a wildcard or empty repository name would let other repositories assume the role"],
    ['my?rg/repo', "[Stack/Deploy] repository: received 'my?rg/repo'; allowed: an explicit owner: a wildcard or empty owner would let other repositories assume the role"],
    ['my_org/repo', "[Stack/Deploy] repository: received 'my_org/repo'; allowed: an owner of letters, digits and single hyphens (not first or last), at most 39 characters, as GitHub allows"],
    ['-myorg/repo', "[Stack/Deploy] repository: received '-myorg/repo'; allowed: an owner of letters, digits and single hyphens (not first or last), at most 39 characters, as GitHub allows"],
    ['my--org/repo', "[Stack/Deploy] repository: received 'my--org/repo'; allowed: an owner of letters, digits and single hyphens (not first or last), at most 39 characters, as GitHub allows"],
    [`${'a'.repeat(40)}/repo`, `[Stack/Deploy] repository: received '${'a'.repeat(40)}/repo'; allowed: an owner of letters, digits and single hyphens (not first or last), at most 39 characters, as GitHub allows`],
    ['myorg/my repo', "[Stack/Deploy] repository: received 'myorg/my repo'; allowed: a repository name of letters, digits, '.', '_' and '-', at most 100 characters, as GitHub allows"],
    ['myorg/..', "[Stack/Deploy] repository: received 'myorg/..'; allowed: a repository name of letters, digits, '.', '_' and '-', at most 100 characters, as GitHub allows"],
    ['myorg/repo:x', "[Stack/Deploy] repository: received 'myorg/repo:x'; allowed: a repository name of letters, digits, '.', '_' and '-', at most 100 characters, as GitHub allows"],
  ])('fails for the repository %s', (repository, message) => {
    fails({ repository }, message);
  });

  test('accepts the characters GitHub allows (dots, underscores, hyphens in names; hyphens in owners), and .github', () => {
    expect(role({ repository: 'my-org-2/my_repo.v2-x' }).role.repository).toEqual('my-org-2/my_repo.v2-x');
    expect(role({ repository: 'myorg/.github' }).role.repository).toEqual('myorg/.github');
    expect(role({ repository: 'a/b' }).role.repository).toEqual('a/b');
    expect(role({ repository: `${'a'.repeat(39)}/${'b'.repeat(100)}` }).role.subjects[0]).toEqual(`repo:${'a'.repeat(39)}/${'b'.repeat(100)}:ref:refs/heads/main`);
  });

  test('fails for a repository name over 100 characters, and for .', () => {
    fails({ repository: `myorg/${'b'.repeat(101)}` }, `[Stack/Deploy] repository: received 'myorg/${'b'.repeat(101)}'; allowed: a repository name of letters, digits`);
    fails({ repository: 'myorg/.' }, "[Stack/Deploy] repository: received 'myorg/.'; allowed: a repository name of letters, digits");
  });

  test('fails with no subject at all', () => {
    fails(
      { branches: undefined },
      '[Stack/Deploy] branches | tags | environments | pullRequests: received undefined; allowed: at least one of branches, branchPatterns, allBranches, tags, tagPatterns, allTags, environments or pullRequests. e.g. `branches: [\'main\']`: a role without a `sub` condition would trust every workflow of the repository',
    );
    fails({ branches: undefined, pullRequests: false, allBranches: false }, '[Stack/Deploy] branches | tags | environments | pullRequests: received undefined');
  });

  test('fails for an empty subject list', () => {
    fails({ branches: [] }, '[Stack/Deploy] branches: received []; allowed: at least one entry');
    fails({ branches: undefined, environments: [] }, '[Stack/Deploy] environments: received []; allowed: at least one entry');
  });

  test('fails for an empty branch name', () => {
    fails({ branches: ['main', ' '] }, '[Stack/Deploy] branches: received ["main"," "]; allowed: names that are not empty');
  });

  test.each([
    ['branches', '*', 'branchPatterns'],
    ['branches', 'release/*', 'branchPatterns'],
    ['tags', 'v?', 'tagPatterns'],
  ])('fails for a wildcard in %s (%s), pointing to %s', (prop, value, patternProp) => {
    fails(
      { branches: undefined, [prop]: [value] },
      `[Stack/Deploy] ${prop}: received '${value}'; allowed: an exact name without '*' or '?' (matched with StringEquals). Pass a pattern through \`${patternProp}\` if you mean one`,
    );
  });

  test('fails for a wildcard environment (no pattern hint: there is no environment pattern prop)', () => {
    expect(() => role({ environments: ['prod*'] })).toThrow(
      /^\[Stack\/Deploy\] environments: received 'prod\*'; allowed: an exact name without '\*' or '\?' \(matched with StringEquals\)$/,
    );
  });

  test('fails for a wildcard beside a token in an exact name (the immutable subjects compare it with StringLike)', () => {
    const stack = newStack();
    const branch = `v*-${new CfnParameter(stack, 'B').valueAsString}`;
    expect(() => role({ branches: [branch] }, stack)).toThrow(/^\[Stack\/Deploy\] branches: received 'v\*-\$\{Token\[.*\]\}'; allowed: an exact name without/);
  });

  test('accepts token names and patterns (their text is neither blank nor a wildcard)', () => {
    const stack = newStack();
    const param = new CfnParameter(stack, 'B').valueAsString;
    const { role: r } = role({ branches: [param], tags: [param], environments: [param], branchPatterns: [param], jobWorkflowRefs: [param] }, stack);
    const rests = [`ref:refs/heads/${param}`, `ref:refs/tags/${param}`, `environment:${param}`, `ref:refs/heads/${param}`];
    expect(r.subjects).toEqual([...rests.map((x) => `repo:myorg/myrepo:${x}`), ...rests.map((x) => `repo:myorg@*/myrepo@*:${x}`)]);
  });

  test('accepts a pattern that starts with a wildcard but names part of the ref', () => {
    expect(role({ tagPatterns: ['*-rc'] }).role.subjects).toContain('repo:myorg/myrepo:ref:refs/tags/*-rc');
  });

  test('fails for a blank pattern', () => {
    fails({ branchPatterns: [' '] }, "[Stack/Deploy] branchPatterns: received ' '; allowed: a pattern that names part of the ref");
  });

  test.each([
    ['branchPatterns', '*', 'allBranches'],
    ['branchPatterns', '**', 'allBranches'],
    ['tagPatterns', '?*', 'allTags'],
    ['tagPatterns', '', 'allTags'],
  ])('fails for %s %p, which matches every ref, unless %s is said', (prop, value, allProp) => {
    fails(
      { [prop]: [value] },
      `[Stack/Deploy] ${prop}: received '${value}'; allowed: a pattern that names part of the ref, e.g. 'release/*'. A pattern that matches every ref needs the explicit \`${allProp}: true\``,
    );
  });

  test('fails for allBranches together with branches or branchPatterns', () => {
    fails({ allBranches: true }, '[Stack/Deploy] branches: received ["main"]; allowed: not together with `allBranches: true`, which already trusts every one');
    fails({ branches: undefined, allBranches: true, branchPatterns: ['r/*'] },
      '[Stack/Deploy] branchPatterns: received ["r/*"]; allowed: not together with `allBranches: true`, which already trusts every one');
  });

  test('fails for allTags together with tags or tagPatterns', () => {
    fails({ allTags: true, tags: ['v1'] }, '[Stack/Deploy] tags: received ["v1"]; allowed: not together with `allTags: true`, which already trusts every one');
    fails({ allTags: true, tagPatterns: ['v*'] }, '[Stack/Deploy] tagPatterns: received ["v*"]; allowed: not together with `allTags: true`, which already trusts every one');
  });

  test('allBranches: false and allTags: false do not count as a subject, nor conflict with lists', () => {
    expect(role({ allBranches: false, allTags: false, tags: ['v1'] }).role.subjects).toHaveLength(4);
  });

  test.each<[string[], string]>([
    [[], '[Stack/Deploy] jobWorkflowRefs: received []; allowed: at least one entry'],
    [[' '], '[Stack/Deploy] jobWorkflowRefs: received [" "]; allowed: names that are not empty'],
    [['myorg/myrepo/.github/workflows/*.yml@refs/heads/main'],
      "[Stack/Deploy] jobWorkflowRefs: received 'myorg/myrepo/.github/workflows/*.yml@refs/heads/main'; allowed: an exact name without '*' or '?' (matched with StringEquals)"],
    [['myorg/myrepo/.github/workflows/deploy.yml@refs/heads/v?'],
      "[Stack/Deploy] jobWorkflowRefs: received 'myorg/myrepo/.github/workflows/deploy.yml@refs/heads/v?'; allowed: an exact name without '*' or '?' (matched with StringEquals)"],
  ])('fails for jobWorkflowRefs %j', (jobWorkflowRefs, message) => {
    expect(() => role({ jobWorkflowRefs })).toThrow(message);
  });

  test('the jobWorkflowRefs wildcard error has no pattern hint (there is no pattern prop)', () => {
    expect(() => role({ jobWorkflowRefs: ['x*'] })).toThrow(/\(matched with StringEquals\)$/);
  });

  test.each([
    ['ownerId', 0],
    ['ownerId', -3],
    ['repositoryId', 1.5],
  ])('fails for %s %p (not a positive integer)', (prop, value) => {
    const other = prop === 'ownerId' ? { repositoryId: 2 } : { ownerId: 1 };
    fails({ ...other, [prop]: value }, `[Stack/Deploy] ${prop}: received ${value}; allowed: a positive integer (the numeric id GitHub shows in its API)`);
  });

  test('fails for an owner id without a repository id, and the reverse', () => {
    fails({ ownerId: 1 }, '[Stack/Deploy] repositoryId: received undefined; allowed: a positive integer whenever `ownerId` is given: the immutable subject names both ids');
    fails({ repositoryId: 1 }, '[Stack/Deploy] ownerId: received undefined; allowed: a positive integer whenever `repositoryId` is given: the immutable subject names both ids');
  });

  test('fails for a session longer than 12 hours or shorter than one', () => {
    fails({ maxSessionDuration: Duration.hours(13) }, '[Stack/Deploy] maxSessionDuration: received 13 hours; allowed: from 1 hour to 12 hours');
    fails({ maxSessionDuration: Duration.minutes(30) }, '[Stack/Deploy] maxSessionDuration: received 30 minutes; allowed: from 1 hour to 12 hours');
  });

  test('fails before creating anything: a bad call leaves no provider behind', () => {
    const stack = newStack();
    expect(() => role({ repository: '*/x' }, stack)).toThrow('repository');
    expect(stack.node.tryFindChild('GitHubOidcProvider')).toBeUndefined();
  });
});
