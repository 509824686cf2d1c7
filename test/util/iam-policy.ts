/**
 * IAM statements read as what they allow, not as how aws-cdk-lib happened to write them.
 *
 * `@aws-cdk/aws-iam:minimizePolicies` (in the recommended flags `cdk init` writes) sorts actions,
 * merges statements that share a resource or actions, and collapses one-element lists. The same
 * permissions then have several literal shapes; taken apart into one (effect, action, resource,
 * condition) grant each, they have one.
 */
import { Template } from 'aws-cdk-lib/assertions';

/** One permission of a statement: one effect, one action, one resource (and the statement's Sid and Condition). */
export interface PolicyGrant {
  readonly effect: string;
  readonly action: string;
  readonly resource: unknown;
  readonly sid?: string;
  readonly condition?: unknown;
  /** One principal of a resource policy's statement, e.g. `{ Service: 'sns.amazonaws.com' }` or `'*'`. */
  readonly principal?: unknown;
}

/** A statement's principals one by one (`{ Service: [a, b] }` becomes `{ Service: a }`, `{ Service: b }`). */
function principalsOf(principal: unknown): unknown[] {
  if (principal === undefined || typeof principal !== 'object' || principal === null) return [principal];
  return Object.entries(principal).flatMap(([kind, values]) => [values].flat().map((v) => ({ [kind]: v })));
}

/** Takes statements apart into grants, in a stable order. */
export function policyGrants(statements: ReadonlyArray<Record<string, any>>): PolicyGrant[] {
  const grants: PolicyGrant[] = [];
  for (const st of statements) {
    for (const action of [st.Action].flat()) {
      for (const resource of [st.Resource].flat()) {
        for (const principal of principalsOf(st.Principal)) {
          grants.push({
            effect: st.Effect,
            action,
            resource,
            ...(st.Sid !== undefined ? { sid: st.Sid } : {}),
            ...(st.Condition !== undefined ? { condition: st.Condition } : {}),
            ...(principal !== undefined ? { principal } : {}),
          });
        }
      }
    }
  }
  return grants.sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)));
}

/** The grants of every policy of the given type in the template (identity policies by default). */
export function templateGrants(template: Template, type = 'AWS::IAM::Policy'): PolicyGrant[] {
  return policyGrants(Object.values(template.findResources(type)).flatMap((p) => p.Properties.PolicyDocument.Statement));
}

/** The grants of an Allow for each action on one resource, without Sid or Condition (in policyGrants' order). */
export function allows(actions: string[], resource: unknown): PolicyGrant[] {
  return policyGrants([{ Effect: 'Allow', Action: actions, Resource: resource }]);
}
