/**
 * Evaluates a synthesized trust policy for `sts:AssumeRoleWithWebIdentity` with a real policy
 * evaluator, pbac 0.3.2 (MIT, test-only), instead of reading the JSON (IAM-3).
 *
 * Why pbac and not @cloud-copilot/iam-simulate 0.1.173: iam-simulate matches the federated principal
 * and evaluates the new GitHub claim keys (`repository_id`, ...), but lists `…:sub` and `…:aud`
 * among the context keys it ignores for this action, so a `sub` condition comes out denied in its
 * strict mode and allowed in its discovery mode whatever the token says. pbac evaluates the
 * conditions, once the policy is normalised and two of its shortcuts are patched (below).
 *
 * Normalisation (`normaliseTrustPolicy`): `Action` and `Resource` as arrays (pbac's schema), the
 * federated principal as an array (pbac matches principals with `ForAnyValue:StringEquals`), the
 * provider's `Ref` replaced by its ARN.
 *
 * The patch (`PatchedPbac`, one method): pbac 0.3.2's `evaluateCondition`
 *   1. evaluates only the FIRST condition key of each operator block (`Object.keys(expression)[0]`),
 *      so `StringEquals: { aud, sub, repository_id }` would check `aud` alone; IAM ANDs every key;
 *   2. substitutes the key's own name when the request lacks the key (`getContextValue`), and its
 *      `StringLike` tests the text "undefined"; IAM evaluates a condition on a missing key to false
 *      (except `…IfExists` and `Null`).
 * The patched method evaluates every key of every block and treats a missing key as IAM does. The
 * tests in trust-evaluator.test.ts show the unpatched pbac getting (1) wrong and the patched one
 * saying no for every operator the trust policies use.
 */
import { GitHubOidcProvider } from '../../src';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const PBAC = require('pbac');

/** The ARN the tests give the provider the stack creates. */
export const PROVIDER_ARN = `arn:aws:iam::123456789012:oidc-provider/${GitHubOidcProvider.ISSUER}`;
/** The role being assumed (trust policies have no Resource; pbac needs one to match against). */
export const ROLE_ARN = 'arn:aws:iam::123456789012:role/deploy';

/** The claims of a GitHub OIDC token, by claim name (`sub`, `aud`, `repository_id`, ...). */
export type Claims = Record<string, string | undefined>;

/** One AssumeRoleWithWebIdentity request: who federates, which action, which token claims. */
export interface WebIdentityRequest {
  readonly claims: Claims;
  /** @default PROVIDER_ARN */
  readonly provider?: string;
  /** @default 'sts:AssumeRoleWithWebIdentity' */
  readonly action?: string;
}

/** pbac 0.3.2 with `evaluateCondition` evaluating every key, and missing keys as IAM does. */
class PatchedPbac extends PBAC {
  constructor(policies: unknown) {
    super(policies);
  }

  evaluateCondition(condition: Record<string, Record<string, unknown>> | undefined, context: Record<string, Record<string, unknown>>): boolean {
    if (!condition || typeof condition !== 'object') {
      return true;
    }
    const conditions = (this as any).conditions;
    return Object.entries(condition).every(([operator, block]) => {
      const fn = conditions[operator];
      if (typeof fn !== 'function') {
        throw new Error(`unsupported condition operator ${operator}`);
      }
      return Object.entries(block).every(([key, raw]) => {
        const values = Array.isArray(raw) ? raw : [raw];
        const i = key.indexOf(':');
        const scope = context[key.slice(0, i)];
        const value = scope ? scope[key.slice(i + 1)] : undefined;
        if (value === undefined && operator !== 'Null' && !operator.endsWith('IfExists')) {
          return false;
        }
        if (operator.startsWith('ForAnyValue:') || operator.startsWith('ForAllValues:')) {
          return !!fn.call(this, value, values);
        }
        return values.some((v) => !!fn.call(this, value, v));
      });
    });
  }
}

/** Replaces `{ Ref: <provider> }` (and any `Fn::GetAtt`) by the provider ARN; the rest is literal. */
function resolveRefs(value: any): any {
  if (Array.isArray(value)) return value.map(resolveRefs);
  if (value && typeof value === 'object') {
    if ('Ref' in value || 'Fn::GetAtt' in value) return PROVIDER_ARN;
    if ('Fn::Join' in value) {
      const [sep, parts] = value['Fn::Join'];
      return resolveRefs(parts).join(sep);
    }
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, resolveRefs(v)]));
  }
  return value;
}

/** The trust policy as pbac reads it: arrays for Action, Resource and the federated principal. */
export function normaliseTrustPolicy(document: any): any {
  const resolved = resolveRefs(document);
  return {
    Version: resolved.Version,
    Statement: resolved.Statement.map((st: any) => ({
      ...st,
      Action: [st.Action].flat(),
      Resource: st.Resource ? [st.Resource].flat() : ['*'],
      Principal: Object.fromEntries(Object.entries(st.Principal).map(([k, v]) => [k, [v].flat()])),
    })),
  };
}

function requestContext(claims: Claims): Record<string, Record<string, string>> {
  const defined = Object.fromEntries(Object.entries(claims).filter(([, v]) => v !== undefined)) as Record<string, string>;
  return { [GitHubOidcProvider.ISSUER]: defined };
}

/** Whether `policy` (as synthesized) lets the request assume the role, by the patched evaluator. */
export function allows(policy: any, request: WebIdentityRequest): boolean {
  return evaluateWith(new PatchedPbac(normaliseTrustPolicy(policy)), request);
}

/** The same question to pbac 0.3.2 as published (no patch), to show why the patch exists. */
export function allowsUnpatched(policy: any, request: WebIdentityRequest): boolean {
  return evaluateWith(new PBAC(normaliseTrustPolicy(policy)), request);
}

function evaluateWith(pbac: any, request: WebIdentityRequest): boolean {
  return pbac.evaluate({
    action: request.action ?? 'sts:AssumeRoleWithWebIdentity',
    resource: ROLE_ARN,
    principal: { Federated: [request.provider ?? PROVIDER_ARN] },
    context: requestContext(request.claims),
  });
}
