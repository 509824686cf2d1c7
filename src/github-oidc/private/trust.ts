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

/** One trust statement's `sub` condition: the values, how they are compared, and the guard of a pattern. */
export interface SubjectMatch {
  /** `StringEquals` for exact values, `StringLike` for patterns. */
  readonly operator: 'StringEquals' | 'StringLike';
  /** The `sub` values. */
  readonly subjects: string[];
  /**
   * A `StringNotLike` pattern on `sub` in the same statement: a run of one more `:` than `subjects`
   * hold, so no wildcard of theirs can match a `:` (see `anyIdSubject`).
   */
  readonly notLike?: string;
}

/** The conditions of the trust policy, before they are put into statements. */
export interface TrustPlan {
  /** `sub` values compared with StringEquals. */
  readonly exactSubjects: string[];
  /** `sub` patterns the user asked for by name (`branchPatterns`, `tagPatterns`, `allBranches`, `allTags`): StringLike. */
  readonly patternSubjects: string[];
  /**
   * Without ids: every subject again in GitHub's immutable form with any ids,
   * `repo:<owner>@*\/<name>@*:...` (StringLike, guarded; see `anyIdSubject`). Empty with ids.
   */
  readonly anyIdSubjects: string[];
  /** One entry per trust statement, in order: exact values, the user's patterns, the any-id forms. */
  readonly matches: SubjectMatch[];
  /** Further StringEquals conditions on GitHub claims (aud, repository_id, ...), by condition key. */
  readonly claims: Record<string, string[]>;
  /** Whether the immutable `repo:owner@id/name@id` subjects are used. */
  readonly immutable: boolean;
}

// The three rules below are functions, not module constants, so that mutation testing measures them
// per test (a module constant is a "static" mutant: every test file reloaded for each of its mutants).

/**
 * GitHub's rules for an owner (user or organisation) name: letters, digits and single hyphens, not at
 * either end, at most 39 characters.
 */
function isOwnerName(value: string): boolean {
  return /^[A-Za-z0-9](?:[A-Za-z0-9]|-(?=[A-Za-z0-9])){0,38}$/.test(value);
}
/** GitHub's rules for a repository name: letters, digits, `.`, `_`, `-`, at most 100 characters, not `.` or `..`. */
function isRepositoryName(value: string): boolean {
  return /^(?!\.{1,2}$)[A-Za-z0-9._-]{1,100}$/.test(value);
}
/** Whether `value` holds what an IAM string pattern treats as a wildcard. */
function hasWildcard(value: string): boolean {
  return /[*?]/.test(value);
}

const SUBJECT_PROPS = 'branches, branchPatterns, allBranches, tags, tagPatterns, allTags, environments or pullRequests';

/**
 * GitHub sends a `:` inside a subject value as `%3A`, so the value can be told from the separators.
 * (The text of an unresolved token has no `:`: it passes unchanged.)
 */
export function encodeSubjectValue(value: string): string {
  return value.replace(/:/g, '%3A');
}

/** What `repository` allows: the text of its errors for a missing or malformed value. */
export const REPOSITORY_FORMAT = "'owner/name', e.g. 'myorg/myrepo'";

/**
 * The subject in GitHub's immutable form for any owner and repository id, from the name-only one's
 * owner, name and tail: `repo:<owner>@*\/<name>@*:<rest>`. Used only without `ownerId` and
 * `repositoryId`, so that repositories created, renamed or transferred since 2026-07-15 (and older
 * ones that opted in), whose tokens carry `repo:<owner>@<ownerId>/<name>@<repositoryId>:...`, are
 * admitted as their name-only twins are. It admits nothing the name-only subject does not, provided
 * it is matched together with the guard `colonGuard(subject)` (StringNotLike, same statement):
 *
 * 1. What GitHub sends. A `sub` is `repo:<V>` followed by `:<key>:<value>` fields (`ref:refs/heads/main`,
 *    `environment:prod`, `pull_request`, or the keys of a custom subject template, which are letters,
 *    digits and `_`). Any `:` inside a value is sent as `%3A` (GitHub's OIDC reference, "Filtering for
 *    metadata containing `:`"), so every raw `:` of a `sub` is a separator. `<V>` is `<owner>/<name>`
 *    or `<owner>@<ownerId>/<name>@<repositoryId>`: owners are letters, digits and single hyphens;
 *    names letters, digits, `.`, `_` and `-` (both checked by `checkRepository`); GitHub chose `@` as
 *    the delimiter because it "cannot appear in GitHub usernames or repository names"; ids are
 *    decimal numbers. So `<V>` has no `:`, exactly one `/`, and either no `@` or exactly two.
 * 2. What IAM matches. `StringLike` compares the whole value, case-sensitively; `*` matches any run
 *    of characters (none, or `/`, `:`, `@`, anything), `?` exactly one character. `StringNotLike`
 *    is true when the value matches none of its patterns.
 * 3. Why each `*` can only match a numeric id. The guard refuses any `sub` with more `:` than the
 *    pattern's literal text holds, so in an admitted `sub` no wildcard matched a `:`. Its `:`s are then
 *    the pattern's own: the first ends `repo`, the second follows the second `*`, so its `<V>` is
 *    `<owner>@X/<name>@Y` with `X`, `Y` free of `:`. By (1) `<V>` then has exactly two `@`s and one
 *    `/`, all of them the pattern's literal ones: the owner is `<owner>` (no `@` in owners; a longer
 *    owner such as `myorg2` would put a letter where the `@` must be), `X` is the owner id, the name is
 *    exactly `<name>` (no prefix match such as `myrepo2` or `myrepo-x`: the `@` follows), `Y` is the
 *    repository id, and the fields after `<V>` are literally the name-only subject's, only the user's
 *    own patterns (`branchPatterns`, ...) matching without `:` there.
 *    A name-only `sub` never matches: its `<V>` has no `@`.
 * 4. Why the guard is needed. Without it the first `*` could run across fields into a value that
 *    someone controls in another repository of the same owner, through a custom subject template:
 *    `repo:myorg@1/other@2:workflow:x/myrepo@3:ref:refs/heads/main` (workflow named `x/myrepo@3`)
 *    matches `repo:myorg@*\/myrepo@*:ref:refs/heads/main`; it has 5 `:`s, the guard refuses 4 or more.
 *    And a field of the configured repository's own custom template could be appended to an id:
 *    `repo:myorg@1/myrepo@2:event_name:pull_request`, refused by the pull request subject's guard.
 *
 * Tokens (a repository from a parameter) are split by CloudFormation; their value is not checked
 * here, and a `*` or `?` in it would be a wildcard of this pattern (GitHubOidcRole warns).
 */
export function anyIdSubject(owner: string, name: string, rest: string): string {
  return `repo:${owner}@*/${name}@*:${rest}`;
}

/**
 * The `StringNotLike` pattern that refuses a `sub` with more `:` than `subject` holds: `*` followed by
 * one more `:*` than `subject` has colons. Unresolved parts of `subject` add no `:` of their own.
 */
export function colonGuard(subject: string): string {
  const colons = subject.split(':').length - 1;
  return `*${':*'.repeat(colons + 1)}`;
}

/** Validates `owner/name` as GitHub allows it; a token is skipped (CloudFormation splits it). */
export function checkRepository(scope: IConstruct, repository: string): void {
  if (isUnresolved(repository)) {
    return;
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
    if (value === '' || hasWildcard(value)) {
      throw new ConstructValidationError(scope, {
        prop: 'repository',
        received: repository,
        allowed: `an explicit ${part}: a wildcard or empty ${part} would let other repositories assume the role`,
      });
    }
  }
  if (!isOwnerName(owner)) {
    throw new ConstructValidationError(scope, {
      prop: 'repository',
      received: repository,
      allowed: 'an owner of letters, digits and single hyphens (not first or last), at most 39 characters, as GitHub allows',
    });
  }
  if (!isRepositoryName(name)) {
    throw new ConstructValidationError(scope, {
      prop: 'repository',
      received: repository,
      allowed: "a repository name of letters, digits, '.', '_' and '-', at most 100 characters, as GitHub allows",
    });
  }
}

/**
 * Exact names (branches, tags, environments): non-empty, no wildcard. A name that holds a token is
 * checked too: its literal text must not hold `*` or `?` either, since the immutable subjects with
 * any ids compare it with StringLike (the text of a token is never blank and holds neither).
 */
function checkExactNames(scope: IConstruct, prop: string, values: string[] | undefined, patternProp?: string): void {
  if (values === undefined) {
    return;
  }
  checkNonEmptyList(scope, prop, values);
  for (const value of values) {
    if (value.trim() === '') {
      throw new ConstructValidationError(scope, { prop, received: values, allowed: 'names that are not empty' });
    }
    if (hasWildcard(value)) {
      throw new ConstructValidationError(scope, {
        prop,
        received: value,
        allowed: "an exact name without '*' or '?' (matched with StringEquals)",
        hint: patternProp ? `Pass a pattern through \`${patternProp}\` if you mean one` : undefined,
      });
    }
  }
}

/**
 * Patterns: non-empty, and none that matches every ref (that needs the explicit `all*` option). The
 * text of a token is neither blank nor only wildcards: a token pattern passes.
 */
function checkPatterns(scope: IConstruct, prop: string, values: string[] | undefined, allProp: string): void {
  if (values === undefined) {
    return;
  }
  checkNonEmptyList(scope, prop, values);
  for (const value of values) {
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
  checkRepository(scope, input.repository);

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
  // both or neither (checked above)
  const immutable = input.ownerId !== undefined;

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

  // owner and name: split here for a literal (Fn.split and Fn.select return plain strings), by
  // CloudFormation for a token repository (a parameter, say)
  const [owner, name] = [0, 1].map((i) => Fn.select(i, Fn.split('/', input.repository)));
  const prefix = immutable ? `repo:${owner}@${input.ownerId}/${name}@${input.repositoryId}` : `repo:${input.repository}`;
  const branchRef = (b: string) => `refs/heads/${b}`;
  const tagRef = (t: string) => `refs/tags/${t}`;

  // the part of each subject after `repo:<V>:`
  const exactRests = [
    ...(input.branches ?? []).map((b) => `ref:${encodeSubjectValue(branchRef(b))}`),
    ...(input.tags ?? []).map((t) => `ref:${encodeSubjectValue(tagRef(t))}`),
    ...(input.environments ?? []).map((e) => `environment:${encodeSubjectValue(e)}`),
    ...(input.pullRequests ? ['pull_request'] : []),
  ];
  const patternRests = [
    ...(input.allBranches ? ['ref:refs/heads/*'] : []),
    ...(input.branchPatterns ?? []).map((p) => `ref:${encodeSubjectValue(branchRef(p))}`),
    ...(input.allTags ? ['ref:refs/tags/*'] : []),
    ...(input.tagPatterns ?? []).map((p) => `ref:${encodeSubjectValue(tagRef(p))}`),
  ];
  const exactSubjects = exactRests.map((rest) => `${prefix}:${rest}`);
  const patternSubjects = patternRests.map((rest) => `${prefix}:${rest}`);
  const anyIdSubjects = immutable ? [] : [...exactRests, ...patternRests].map((rest) => anyIdSubject(owner, name, rest));

  const matches: SubjectMatch[] = [];
  if (exactSubjects.length > 0) {
    matches.push({ operator: 'StringEquals', subjects: exactSubjects });
  }
  if (patternSubjects.length > 0) {
    matches.push({ operator: 'StringLike', subjects: patternSubjects });
  }
  // one statement per guard: subjects with as many `:` share one
  const guards = new Map<string, string[]>();
  for (const subject of anyIdSubjects) {
    const guard = colonGuard(subject);
    guards.set(guard, [...(guards.get(guard) ?? []), subject]);
  }
  for (const [notLike, subjects] of guards) {
    matches.push({ operator: 'StringLike', subjects, notLike });
  }

  const claims: Record<string, string[]> = { [claimKey('aud')]: [STS_AUDIENCE] };
  if (immutable) {
    claims[claimKey('repository_id')] = [String(input.repositoryId)];
    claims[claimKey('repository_owner_id')] = [String(input.ownerId)];
    // the claims that pin the subject, where the subject names exactly one kind of value
    const onlyEnvironments = input.environments && patternSubjects.length === 0 && exactSubjects.length === input.environments.length;
    const exactRefs = [...(input.branches ?? []).map(branchRef), ...(input.tags ?? []).map(tagRef)];
    // (no exact refs cannot qualify: with no pattern there is an exact subject, which is not a ref)
    const onlyRefs = patternSubjects.length === 0 && exactSubjects.length === exactRefs.length;
    if (onlyEnvironments) {
      claims[claimKey('environment')] = [...input.environments!];
    } else if (onlyRefs) {
      claims[claimKey('ref')] = exactRefs;
    }
  }
  if (input.jobWorkflowRefs) {
    claims[claimKey('job_workflow_ref')] = [...input.jobWorkflowRefs];
  }
  return { exactSubjects, patternSubjects, anyIdSubjects, matches, claims, immutable };
}
