import * as cdk from 'aws-cdk-lib';
import { IConstruct } from 'constructs';

/** The metadata key cdk-nag 3 and aws-cdk-lib's `Validations` read acknowledgements from. */
export const ACKNOWLEDGED_RULES_METADATA_KEY = 'aws:cdk:acknowledged-rules';

/** A rule-pack finding a construct acknowledges itself: the rule id and why it is inherent. */
export interface InherentFinding {
  /** The rule id, e.g. `Serverless-SQSRedrivePolicy` or `AwsSolutions-IAM5[Resource::*]`. */
  readonly id: string;
  /** Why the finding is inherent to AWS and cannot be fixed by a default. */
  readonly reason: string;
}

/** The part of aws-cdk-lib's `Validations` (≥ 2.258) used here. */
interface ValidationsLike {
  of(scope: IConstruct): { acknowledge(...rules: Array<{ id: string; reason: string }>): void };
}

/**
 * Acknowledges findings that are inherent to AWS (DESIGN.md §9) on `scope`, a resource that only
 * the construct writes to, so the user's own findings stay visible.
 *
 * Uses `Validations.of(scope).acknowledge()` where aws-cdk-lib has it (≥ 2.258); on older
 * releases (the peer floor) it records the same metadata cdk-nag 3 reads, and does not crash.
 */
export function acknowledgeInherent(scope: IConstruct, ...findings: InherentFinding[]): void {
  const validations = (cdk as { Validations?: ValidationsLike }).Validations;
  for (const finding of findings) {
    if (validations && typeof validations.of === 'function') {
      try {
        validations.of(scope).acknowledge({ id: finding.id, reason: finding.reason });
        continue;
      } catch {
        // releases before 2.276 refuse rule ids with a finding suffix (`AwsSolutions-IAM5[Resource::*]`):
        // record the metadata cdk-nag 3 reads instead
      }
    }
    scope.node.addMetadata(ACKNOWLEDGED_RULES_METADATA_KEY, { [finding.id]: finding.reason });
  }
}

/**
 * The id cdk-nag's AwsSolutions-IAM5 gives a wildcard `resource` of a statement in `scope`'s stack,
 * e.g. `AwsSolutions-IAM5[Resource::<Uploads4F6EB0FD.Arn>/uploads/*]`: the resolved value with its
 * references flattened as cdk-nag flattens them (`Ref` → `<Id>`, `Fn::GetAtt` → `<Id.Attr>`,
 * `Fn::Join` joined). It is computed when called: a logical id overridden later no longer matches,
 * and the finding is then reported (the safe direction). Undefined when the value cannot be resolved
 * in that stack.
 */
export function wildcardResourceFindingId(scope: IConstruct, resource: string): string | undefined {
  let resolved: unknown;
  try {
    resolved = cdk.Stack.of(scope).resolve(resource);
  } catch {
    return undefined;
  }
  return `AwsSolutions-IAM5[Resource::${flattenReference(resolved)}]`;
}

function flattenReference(node: unknown): string {
  if (node === undefined) {
    return '';
  }
  if (typeof node === 'string') {
    return node.replace(/\$\{/g, '<').replace(/\}/g, '>');
  }
  const fn = node as Record<string, any>;
  if (fn['Fn::Join']) {
    const [delimiter, items] = fn['Fn::Join'] as [string, unknown[]];
    return items.map(flattenReference).join(delimiter);
  }
  if (fn['Fn::Sub']) {
    return flattenReference(fn['Fn::Sub']);
  }
  if (fn['Fn::GetAtt']) {
    const [resource, attribute] = fn['Fn::GetAtt'] as [unknown, unknown];
    return `<${flattenReference(resource)}.${flattenReference(attribute)}>`;
  }
  if (fn['Fn::ImportValue']) {
    return flattenReference(fn['Fn::ImportValue']);
  }
  if (fn.Ref) {
    return `<${flattenReference(fn.Ref)}>`;
  }
  return JSON.stringify(node);
}
