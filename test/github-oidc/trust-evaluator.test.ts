/**
 * The evaluator itself can say no (IAM-3): one case per condition operator the trust policies use,
 * on hand-written policies, plus the two pbac 0.3.2 shortcuts the wrapper patches.
 */
import { PROVIDER_ARN, allows, allowsUnpatched, normaliseTrustPolicy } from './trust-evaluator';

const ISSUER = 'token.actions.githubusercontent.com';

function policy(condition: Record<string, Record<string, string | string[]>>): any {
  return {
    Version: '2012-10-17',
    Statement: [{ Effect: 'Allow', Principal: { Federated: PROVIDER_ARN }, Action: 'sts:AssumeRoleWithWebIdentity', Condition: condition }],
  };
}

const SUB = 'repo:myorg/myrepo:ref:refs/heads/main';

describe('[IAM-3] StringEquals', () => {
  const p = policy({ StringEquals: { [`${ISSUER}:sub`]: SUB } });
  test('says yes for the exact value', () => {
    expect(allows(p, { claims: { sub: SUB } })).toBe(true);
  });
  test('says no for a value one character longer', () => {
    expect(allows(p, { claims: { sub: `${SUB}x` } })).toBe(false);
  });
  test('says no for the same value in another case (StringEquals is case-sensitive)', () => {
    expect(allows(p, { claims: { sub: SUB.toUpperCase() } })).toBe(false);
  });
  test('says no when the key is missing from the request', () => {
    expect(allows(p, { claims: {} })).toBe(false);
  });
  test('says yes for any value of a list, no for a value outside it', () => {
    const list = policy({ StringEquals: { [`${ISSUER}:sub`]: [SUB, 'repo:myorg/myrepo:pull_request'] } });
    expect(allows(list, { claims: { sub: 'repo:myorg/myrepo:pull_request' } })).toBe(true);
    expect(allows(list, { claims: { sub: 'repo:myorg/myrepo:ref:refs/heads/dev' } })).toBe(false);
  });
});

describe('[IAM-3] StringLike', () => {
  const p = policy({ StringLike: { [`${ISSUER}:sub`]: 'repo:myorg/myrepo:ref:refs/heads/release/*' } });
  test('says yes for a value the pattern matches', () => {
    expect(allows(p, { claims: { sub: 'repo:myorg/myrepo:ref:refs/heads/release/1' } })).toBe(true);
  });
  test('says no for a value the pattern does not match', () => {
    expect(allows(p, { claims: { sub: 'repo:myorg/myrepo:ref:refs/heads/main' } })).toBe(false);
  });
  test("says no when the key is missing, even for '*' (pbac alone would test the text 'undefined')", () => {
    const star = policy({ StringLike: { [`${ISSUER}:sub`]: '*' } });
    expect(allows(star, { claims: {} })).toBe(false);
    expect(allows(star, { claims: { sub: 'anything' } })).toBe(true);
  });
  test("'?' matches exactly one character", () => {
    const q = policy({ StringLike: { [`${ISSUER}:sub`]: 'repo:myorg/myrepo:ref:refs/tags/v?' } });
    expect(allows(q, { claims: { sub: 'repo:myorg/myrepo:ref:refs/tags/v1' } })).toBe(true);
    expect(allows(q, { claims: { sub: 'repo:myorg/myrepo:ref:refs/tags/v10' } })).toBe(false);
  });
});

describe('[IAM-3] StringNotLike (the guard of the immutable subjects with any ids)', () => {
  const p = policy({ StringNotLike: { [`${ISSUER}:sub`]: '*:*:*:*:*' } });
  test('says yes for a value the pattern does not match (three colons)', () => {
    expect(allows(p, { claims: { sub: SUB } })).toBe(true);
  });
  test("says no for a value it matches: '*' spans any characters, ':' included", () => {
    expect(allows(p, { claims: { sub: 'repo:myorg@1/other@2:workflow:x/myrepo@3:ref:refs/heads/main' } })).toBe(false);
    expect(allows(p, { claims: { sub: '::::' } })).toBe(false);
  });
  test('says yes when the key is missing (IAM: a negated operator on a missing key is true)', () => {
    expect(allows(p, { claims: {} })).toBe(true);
  });
  test('with a list, says yes only when the value matches none of them (NOR), not when it misses one', () => {
    const list = policy({ StringNotLike: { [`${ISSUER}:sub`]: ['*:pull_request', '*:*:*:*:*'] } });
    expect(allows(list, { claims: { sub: SUB } })).toBe(true);
    expect(allows(list, { claims: { sub: 'repo:myorg/myrepo:pull_request' } })).toBe(false);
    expect(allows(list, { claims: { sub: 'a:b:c:d:e' } })).toBe(false);
  });
  test('pbac 0.3.2 unpatched says yes when the value misses only one pattern of the list (why the wrapper patches it)', () => {
    const list = policy({ StringNotLike: { [`${ISSUER}:sub`]: ['*:pull_request', '*:*:*:*:*'] } });
    expect(allowsUnpatched(list, { claims: { sub: 'repo:myorg/myrepo:pull_request' } })).toBe(true);
  });
});

describe('[IAM-3] every key of an operator block, and every block, must hold (AND)', () => {
  const p = policy({
    StringEquals: { [`${ISSUER}:aud`]: 'sts.amazonaws.com', [`${ISSUER}:sub`]: SUB, [`${ISSUER}:repository_id`]: '42' },
  });
  const good = { aud: 'sts.amazonaws.com', sub: SUB, repository_id: '42' };
  test('says yes when all three keys hold', () => {
    expect(allows(p, { claims: good })).toBe(true);
  });
  test.each(['aud', 'sub', 'repository_id'])('says no when only %s is wrong', (key) => {
    expect(allows(p, { claims: { ...good, [key]: 'wrong' } })).toBe(false);
  });
  test('pbac 0.3.2 unpatched checks only the first key of the block: it would allow a wrong sub (why the wrapper patches it)', () => {
    expect(allowsUnpatched(p, { claims: { ...good, sub: 'repo:evil/myrepo:ref:refs/heads/main' } })).toBe(true);
  });
  test('says no when the StringLike block fails although the StringEquals block holds', () => {
    const two = policy({ StringEquals: { [`${ISSUER}:aud`]: 'sts.amazonaws.com' }, StringLike: { [`${ISSUER}:sub`]: 'repo:myorg/*' } });
    expect(allows(two, { claims: { aud: 'sts.amazonaws.com', sub: 'repo:myorg/x:pull_request' } })).toBe(true);
    expect(allows(two, { claims: { aud: 'sts.amazonaws.com', sub: 'repo:other/x:pull_request' } })).toBe(false);
  });
});

describe('[IAM-3] principal and action', () => {
  const p = policy({ StringEquals: { [`${ISSUER}:sub`]: SUB } });
  test('says no for another federated principal', () => {
    expect(allows(p, { claims: { sub: SUB }, provider: 'arn:aws:iam::999999999999:oidc-provider/token.actions.githubusercontent.com' })).toBe(false);
  });
  test('says no for another action', () => {
    expect(allows(p, { claims: { sub: SUB }, action: 'sts:AssumeRole' })).toBe(false);
  });
  test('normalises Action, Resource and the federated principal to arrays, and the provider Ref to its ARN', () => {
    const normalised = normaliseTrustPolicy({
      Version: '2012-10-17',
      Statement: [{ Effect: 'Allow', Principal: { Federated: { Ref: 'GitHubOidcProvider7EBF861F' } }, Action: 'sts:AssumeRoleWithWebIdentity' }],
    });
    expect(normalised.Statement[0]).toEqual({
      Effect: 'Allow',
      Principal: { Federated: [PROVIDER_ARN] },
      Action: ['sts:AssumeRoleWithWebIdentity'],
      Resource: ['*'],
    });
  });
});
