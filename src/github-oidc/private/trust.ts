/**
 * The trust policy of a GitHubOidcRole, as pure functions: validation of what the user passed, and
 * the `sub` values and claim conditions built from it (IAM-2, IAM-3). No construct is created here.
 */
import { Fn } from 'aws-cdk-lib';
import { IConstruct } from 'constructs';
import { ConstructValidationError } from '../../core/private/errors';
import { checkNonEmptyList, checkNumber, isUnresolved } from '../../core/private/validation';
import type { GitHubOidcRoleProps } from '../github-oidc-role';

/** The issuer host of GitHub's OIDC tokens: the prefix of every claim condition key. */
export const GITHUB_ISSUER = 'token.actions.githubusercontent.com';
/** The audience aws-actions/configure-aws-credentials asks for. */
export const STS_AUDIENCE = 'sts.amazonaws.com';

/** A claim condition key: `token.actions.githubusercontent.com:<claim>`. */
export function claimKey(claim: string): string {
  return `${GITHUB_ISSUER}:${claim}`;
}

/** What the trust policy is built from: the subject props of GitHubOidcRoleProps. */
export type TrustInput = Pick<
  GitHubOidcRoleProps,
  | 'repository' | 'branches' | 'branchPatterns' | 'allBranches' | 'tags' | 'tagPatterns' | 'allTags'
  | 'environments' | 'pullRequests' | 'ownerId' | 'repositoryId' | 'jobWorkflowRefs'
>;

/** The conditions of the trust policy, before they are put into statements. */
export interface TrustPlan {
  /** `sub` values compared with StringEquals. */
  readonly exactSubjects: string[];
  /** `sub` patterns the user asked for by name (`branchPatterns`, `tagPatterns`, `allBranches`, `allTags`): StringLike. */
  readonly patternSubjects: string[];
  /** Further StringEquals conditions on GitHub claims (aud, repository_id, ...), by condition key. */
  readonly claims: Record<string, string[]>;
  /** Whether the immutable `repo:owner@id/name@id` subjects are used. */
  readonly immutable: boolean;
}

/**
 * GitHub's rules for an owner (user or organisation) name: letters, digits and single hyphens, not at
 * either end, at most 39 characters.
 */
const OWNER = /^[A-Za-z0-9](?:[A-Za-z0-9]|-(?=[A-Za-z0-9])){0,38}$/;
/** GitHub's rules for a repository name: letters, digits, `.`, `_`, `-`, at most 100 characters, not `.` or `..`. */
const REPO = /^(?!\.{1,2}$)[A-Za-z0-9._-]{1,100}$/;
/** What an IAM string pattern treats as a wildcard. */
const WILDCARD = /[*?]/;

const SUBJECT_PROPS = 'branches, branchPatterns, allBranches, tags, tagPatterns, allTags, environments or pullRequests';

/** GitHub sends a `:` inside a subject value as `%3A`, so the value can be told from the separators. */
export function encodeSubjectValue(value: string): string {
  return isUnresolved(value) ? value : value.replace(/:/g, '%3A');
}

/** What `repository` allows: the text of its errors for a missing or malformed value. */
export const REPOSITORY_FORMAT = "'owner/name', e.g. 'myorg/myrepo'";

/** Splits and validates `owner/name`; tokens are skipped (returns undefined). */
export function parseRepository(scope: IConstruct, repository: string): { owner: string; name: string } | undefined {
  if (isUnresolved(repository)) {
    return undefined;
  }
  const parts = repository.split('/');
  if (parts.length !== 2) {
    throw new ConstructValidationError(scope, {
      prop: 'repository',
      received: repository,
      allowed: REPOSITORY_FORMAT,
    });
  }
  const [owner, name] = parts;
  for (const [part, value] of [['owner', owner], ['repository name', name]] as const) {
    if (value === '' || WILDCARD.test(value)) {
      throw new ConstructValidationError(scope, {
        prop: 'repository',
        received: repository,
        allowed: `an explicit ${part}: a wildcard or empty ${part} would let other repositories assume the role`,
      });
    }
  }
  if (!OWNER.test(owner)) {
    throw new ConstructValidationError(scope, {
      prop: 'repository',
      received: repository,
      allowed: 'an owner of letters, digits and single hyphens (not first or last), at most 39 characters, as GitHub allows',
    });
  }
  if (!REPO.test(name)) {
    throw new ConstructValidationError(scope, {
      prop: 'repository',
      received: repository,
      allowed: "a repository name of letters, digits, '.', '_' and '-', at most 100 characters, as GitHub allows",
    });
  }
  return { owner, name };
}

/** Exact names (branches, tags, environments): non-empty, no wildcard. */
function checkExactNames(scope: IConstruct, prop: string, values: string[] | undefined, patternProp?: string): void {
  checkNonEmptyList(scope, prop, values);
  for (const value of values ?? []) {
    if (isUnresolved(value)) {
      continue;
    }
    if (value.trim() === '') {
      throw new ConstructValidationError(scope, { prop, received: values, allowed: 'names that are not empty' });
    }
    if (WILDCARD.test(value)) {
      throw new ConstructValidationError(scope, {
        prop,
        received: value,
        allowed: "an exact name without '*' or '?' (matched with StringEquals)",
        hint: patternProp ? `Pass a pattern through \`${patternProp}\` if you mean one` : undefined,
      });
    }
  }
}

/** Patterns: non-empty, and none that matches every ref (that needs the explicit `all*` option). */
function checkPatterns(scope: IConstruct, prop: string, values: string[] | undefined, allProp: string): void {
  checkNonEmptyList(scope, prop, values);
  for (const value of values ?? []) {
    if (isUnresolved(value)) {
      continue;
    }
    if (value.trim() === '' || /^[*?]+$/.test(value)) {
      throw new ConstructValidationError(scope, {
        prop,
        received: value,
        allowed: "a pattern that names part of the ref, e.g. 'release/*'",
        hint: `A pattern that matches every ref needs the explicit \`${allProp}: true\``,
      });
    }
  }
}

/** Throws when `all` is set together with the exact or pattern list it would make redundant. */
function checkAllAlone(scope: IConstruct, allProp: string, all: boolean | undefined, others: Record<string, unknown[] | undefined>): void {
  if (!all) {
    return;
  }
  for (const [prop, value] of Object.entries(others)) {
    if (value !== undefined) {
      throw new ConstructValidationError(scope, {
        prop,
        received: value,
        allowed: `not together with \`${allProp}: true\`, which already trusts every one`,
      });
    }
  }
}

/**
 * Validates the subject props and builds the trust conditions. Every misuse throws a
 * ConstructValidationError naming `scope`'s path and the prop.
 */
export function planTrust(scope: IConstruct, input: TrustInput): TrustPlan {
  const repo = parseRepository(scope, input.repository);

  // immutable ids: both or neither, positive integers
  for (const prop of ['ownerId', 'repositoryId'] as const) {
    checkNumber(scope, input[prop], { prop, min: 1, integer: true, allowed: 'a positive integer (the numeric id GitHub shows in its API)' });
  }
  if ((input.ownerId === undefined) !== (input.repositoryId === undefined)) {
    const [given, missing] = input.ownerId === undefined ? ['repositoryId', 'ownerId'] : ['ownerId', 'repositoryId'];
    throw new ConstructValidationError(scope, {
      prop: missing,
      received: undefined,
      allowed: `a positive integer whenever \`${given}\` is given: the immutable subject names both ids`,
    });
  }
  const immutable = input.ownerId !== undefined && input.repositoryId !== undefined;

  checkExactNames(scope, 'branches', input.branches, 'branchPatterns');
  checkPatterns(scope, 'branchPatterns', input.branchPatterns, 'allBranches');
  checkAllAlone(scope, 'allBranches', input.allBranches, { branches: input.branches, branchPatterns: input.branchPatterns });
  checkExactNames(scope, 'tags', input.tags, 'tagPatterns');
  checkPatterns(scope, 'tagPatterns', input.tagPatterns, 'allTags');
  checkAllAlone(scope, 'allTags', input.allTags, { tags: input.tags, tagPatterns: input.tagPatterns });
  checkExactNames(scope, 'environments', input.environments);
  checkExactNames(scope, 'jobWorkflowRefs', input.jobWorkflowRefs);

  const anySubject = input.branches || input.branchPatterns || input.allBranches
    || input.tags || input.tagPatterns || input.allTags || input.environments || input.pullRequests;
  if (!anySubject) {
    throw new ConstructValidationError(scope, {
      prop: 'branches | tags | environments | pullRequests',
      received: undefined,
      allowed: `at least one of ${SUBJECT_PROPS}`,
      hint: "e.g. `branches: ['main']`: a role without a `sub` condition would trust every workflow of the repository",
    });
  }

  // a token repository (a parameter, say) is split by CloudFormation
  const owner = repo?.owner ?? Fn.select(0, Fn.split('/', input.repository));
  const name = repo?.name ?? Fn.select(1, Fn.split('/', input.repository));
  const prefix = immutable ? `repo:${owner}@${input.ownerId}/${name}@${input.repositoryId}` : `repo:${input.repository}`;
  const branchRef = (b: string) => `refs/heads/${b}`;
  const tagRef = (t: string) => `refs/tags/${t}`;
  const sub = (rest: string) => `${prefix}:${rest}`;

  const exactSubjects = [
    ...(input.branches ?? []).map((b) => sub(`ref:${encodeSubjectValue(branchRef(b))}`)),
    ...(input.tags ?? []).map((t) => sub(`ref:${encodeSubjectValue(tagRef(t))}`)),
    ...(input.environments ?? []).map((e) => sub(`environment:${encodeSubjectValue(e)}`)),
    ...(input.pullRequests ? [sub('pull_request')] : []),
  ];
  const patternSubjects = [
    ...(input.allBranches ? [sub('ref:refs/heads/*')] : []),
    ...(input.branchPatterns ?? []).map((p) => sub(`ref:${encodeSubjectValue(branchRef(p))}`)),
    ...(input.allTags ? [sub('ref:refs/tags/*')] : []),
    ...(input.tagPatterns ?? []).map((p) => sub(`ref:${encodeSubjectValue(tagRef(p))}`)),
  ];

  const claims: Record<string, string[]> = { [claimKey('aud')]: [STS_AUDIENCE] };
  if (immutable) {
    claims[claimKey('repository_id')] = [String(input.repositoryId)];
    claims[claimKey('repository_owner_id')] = [String(input.ownerId)];
    // the claims that pin the subject, where the subject names exactly one kind of value
    const onlyEnvironments = input.environments && patternSubjects.length === 0 && exactSubjects.length === input.environments.length;
    const exactRefs = [...(input.branches ?? []).map(branchRef), ...(input.tags ?? []).map(tagRef)];
    const onlyRefs = exactRefs.length > 0 && patternSubjects.length === 0 && exactSubjects.length === exactRefs.length;
    if (onlyEnvironments) {
      claims[claimKey('environment')] = [...input.environments!];
    } else if (onlyRefs) {
      claims[claimKey('ref')] = exactRefs;
    }
  }
  if (input.jobWorkflowRefs) {
    claims[claimKey('job_workflow_ref')] = [...input.jobWorkflowRefs];
  }
  return { exactSubjects, patternSubjects, claims, immutable };
}
