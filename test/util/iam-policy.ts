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
}

/** Takes statements apart into grants, in a stable order. */
export function policyGrants(statements: ReadonlyArray<Record<string, any>>): PolicyGrant[] {
  const grants: PolicyGrant[] = [];
  for (const st of statements) {
    for (const action of [st.Action].flat()) {
      for (const resource of [st.Resource].flat()) {
        grants.push({
          effect: st.Effect,
          action,
          resource,
          ...(st.Sid !== undefined ? { sid: st.Sid } : {}),
          ...(st.Condition !== undefined ? { condition: st.Condition } : {}),
        });
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
