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
 *      (except `…IfExists` and `Null`), and a negated one (`StringNotLike`, ...) to true;
 *   3. takes any value of a list (OR) for every operator; for a negated operator IAM requires the
 *      key to match none of them (`StringNotLike: [a, b]` is "neither a nor b").
 * The patched method evaluates every key of every block and treats missing keys and negated
 * operators as IAM does. The tests in trust-evaluator.test.ts show the unpatched pbac getting (1)
 * wrong and the patched one saying no for every operator the trust policies use.
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
  /** Deploy-time values of CloudFormation parameters the policy refers to, by logical id. @default none */
  readonly parameters?: Record<string, string>;
}

/** The negated operators (`StringNotLike`, `StringNotEquals`, `ArnNotLike`, `NotIpAddress`, ...). */
const NEGATED = /^(?:[A-Za-z]+Not[A-Z][A-Za-z]*|NotIpAddress)$/;

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
        const negated = NEGATED.test(operator);
        if (value === undefined && operator !== 'Null' && !operator.endsWith('IfExists')) {
          return negated;
        }
        if (operator.startsWith('ForAnyValue:') || operator.startsWith('ForAllValues:')) {
          return !!fn.call(this, value, values);
        }
        // a negated operator holds when the value matches none of the values (each call is `not x`)
        return negated ? values.every((v) => !!fn.call(this, value, v)) : values.some((v) => !!fn.call(this, value, v));
      });
    });
  }
}

/**
 * Resolves what CloudFormation would: `{ Ref }` of a parameter in `parameters` to its value, any other
 * `Ref` (and any `Fn::GetAtt`) to the provider ARN, `Fn::Join`, `Fn::Split` and `Fn::Select`.
 */
function resolveRefs(value: any, parameters: Record<string, string> = {}): any {
  const resolve = (v: any): any => resolveRefs(v, parameters);
  if (Array.isArray(value)) return value.map(resolve);
  if (value && typeof value === 'object') {
    if ('Ref' in value) return parameters[value.Ref] ?? PROVIDER_ARN;
    if ('Fn::GetAtt' in value) return PROVIDER_ARN;
    if ('Fn::Join' in value) {
      const [sep, parts] = value['Fn::Join'];
      return resolve(parts).join(sep);
    }
    if ('Fn::Split' in value) {
      const [sep, text] = value['Fn::Split'];
      return String(resolve(text)).split(sep);
    }
    if ('Fn::Select' in value) {
      const [index, list] = value['Fn::Select'];
      return resolve(list)[Number(index)];
    }
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, resolve(v)]));
  }
  return value;
}

/**
 * The trust policy as pbac reads it: arrays for Action, Resource and the federated principal;
 * `parameters` gives the deploy-time values of CloudFormation parameters (by logical id).
 */
export function normaliseTrustPolicy(document: any, parameters: Record<string, string> = {}): any {
  const resolved = resolveRefs(document, parameters);
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
  return evaluateWith(new PatchedPbac(normaliseTrustPolicy(policy, request.parameters)), request);
}

/** The same question to pbac 0.3.2 as published (no patch), to show why the patch exists. */
export function allowsUnpatched(policy: any, request: WebIdentityRequest): boolean {
  return evaluateWith(new PBAC(normaliseTrustPolicy(policy, request.parameters)), request);
}

function evaluateWith(pbac: any, request: WebIdentityRequest): boolean {
  return pbac.evaluate({
    action: request.action ?? 'sts:AssumeRoleWithWebIdentity',
    resource: ROLE_ARN,
    principal: { Federated: [request.provider ?? PROVIDER_ARN] },
    context: requestContext(request.claims),
  });
}
