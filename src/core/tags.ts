import { Annotations, AspectPriority, Aspects, CfnResource, IAspect, RemoveTag, Stack, Tag, TagManager, Tags } from 'aws-cdk-lib';
import { IConstruct } from 'constructs';
import { DeploymentStageOptions } from './deployment-stage';
import { addWarning, ConstructValidationError } from './private/errors';
import { checkTagValue, nonEmptyTagValue } from './private/tag-values';
import { isUnresolved, requireProps } from './private/validation';
import { StagePolicy } from './stage-policy';

/** The tag keys every resource carries (CDK-1, COST-5). */
export enum RequiredTag {
  /** The deployment stage, e.g. `prod`. */
  ENV = 'Env',
  /** The owning team, for cost allocation and on-call. */
  TEAM = 'Team',
  /** The service the resource belongs to. */
  SERVICE = 'Service',
}

/** Values of the required tags. */
export interface PatternTagsProps extends DeploymentStageOptions {
  /** The owning team, e.g. `payments`. */
  readonly team: string;
  /** The service, e.g. `orders`. */
  readonly service: string;
}

/**
 * Applies the `Env`, `Team` and `Service` tags to every taggable resource in a scope (CDK-1).
 *
 * @example
 * PatternTags.apply(this, { team: 'payments', service: 'orders' });
 */
export class PatternTags {
  /**
   * Tags every taggable resource below `scope` with `Env`, `Team` and `Service`.
   *
   * Empty values are a synth error: an empty tag is as useless for cost allocation as a missing one;
   * so are values AWS rejects at deploy time (characters tags do not allow, more than 256 characters).
   */
  public static apply(scope: IConstruct, props: PatternTagsProps): void {
    requireProps(scope, props, { team: nonEmptyTagValue(RequiredTag.TEAM), service: nonEmptyTagValue(RequiredTag.SERVICE) });
    const values: Record<string, string> = {
      [RequiredTag.ENV]: StagePolicy.resolve(scope, props.stage),
      [RequiredTag.TEAM]: props.team,
      [RequiredTag.SERVICE]: props.service,
    };
    for (const [key, value] of Object.entries(values)) {
      const prop = key === RequiredTag.ENV ? 'stage' : key.toLowerCase();
      if (!isUnresolved(value) && value.trim() === '') {
        throw new ConstructValidationError(scope, {
          prop,
          received: value,
          allowed: nonEmptyTagValue(key),
        });
      }
      checkTagValue(scope, prop, key, value);
      PatternTags.add(scope, key, value);
    }
  }

  /** The tags `apply` added (to tell them from the user's). */
  private static readonly added = new WeakSet<IAspect>();

  /**
   * `Tags.of(scope).add(key, value)`, unless the last tag of `key` on `scope` is the same value,
   * added here: then adding it again changes nothing but costs a walk of the whole scope at synth
   * (n constructs that tag their stack made synthesis grow with n²).
   */
  private static add(scope: IConstruct, key: string, value: string): void {
    const last = Aspects.of(scope).all.filter((a) => (a instanceof Tag || a instanceof RemoveTag) && a.key === key).pop();
    if (last instanceof Tag && PatternTags.added.has(last) && last.value === value) {
      return;
    }
    Tags.of(scope).add(key, value);
    PatternTags.added.add(Aspects.of(scope).all.pop()!);
  }

  private constructor() {}
}

/** Options of the tag check. */
export interface RequiredTagsCheckProps {
  /**
   * The tag keys every taggable resource must carry.
   *
   * @default ['Env', 'Team', 'Service']
   */
  readonly requiredKeys?: string[];
  /**
   * Report a missing tag as an error (fails `cdk synth` / `cdk deploy`) instead of a warning.
   *
   * @default false
   */
  readonly failOnMissing?: boolean;
}

/**
 * An Aspect that reports every taggable CloudFormation resource missing a required tag (CDK-1).
 *
 * It runs with read-only priority, after `Tags.of()` has applied its tags. Warnings carry the id
 * `cdk-cloud-patterns:RequiredTagsCheck.missingTags` so they can be acknowledged.
 *
 * @example
 * RequiredTagsCheck.addTo(this, { failOnMissing: true });
 */
export class RequiredTagsCheck implements IAspect {
  /**
   * Adds the check to `scope` with read-only priority, so it sees the tags applied by `Tags.of()`.
   *
   * If `addTo` already added a check with the same props to `scope`, that check is returned instead
   * (it reports the same findings; a second one would only walk the scope again at synth).
   */
  public static addTo(scope: IConstruct, props: RequiredTagsCheckProps = {}): RequiredTagsCheck {
    const check = new RequiredTagsCheck(props);
    // the same check already on this scope reports the same findings: reuse it rather than walk the
    // scope once more at synth (one check per AccountGuardrails made synthesis grow with n²)
    const same = Aspects.of(scope).all.find((a): a is RequiredTagsCheck => a instanceof RequiredTagsCheck &&
      a.constructor === RequiredTagsCheck && a.failOnMissing === check.failOnMissing && a.requiredKeys.join('\0') === check.requiredKeys.join('\0'));
    if (same) {
      return same;
    }
    check.applyTo(scope);
    return check;
  }

  private readonly requiredKeys: string[];
  private readonly failOnMissing: boolean;

  constructor(props: RequiredTagsCheckProps = {}) {
    this.requiredKeys = props.requiredKeys ?? [RequiredTag.ENV, RequiredTag.TEAM, RequiredTag.SERVICE];
    this.failOnMissing = props.failOnMissing ?? false;
  }

  /**
   * Adds this check to `scope` with read-only priority, so it sees the tags applied by `Tags.of()`.
   * Subclasses (in any jsii language) use this instead of the static `addTo`.
   */
  public applyTo(scope: IConstruct): void {
    Aspects.of(scope).add(this, { priority: AspectPriority.READONLY });
  }

  /** The keys of `requiredKeys` that `node` is missing; empty for non-taggable nodes. */
  public missingTags(node: IConstruct): string[] {
    if (!CfnResource.isCfnResource(node) || !TagManager.isTaggable(node)) {
      return [];
    }
    const present = node.tags.tagValues();
    return this.requiredKeys.filter((key) => present[key] === undefined || present[key] === '');
  }

  public visit(node: IConstruct): void {
    const missing = this.missingTags(node);
    if (missing.length === 0) {
      return;
    }
    const message = `${(node as CfnResource).cfnResourceType} ${Stack.of(node).resolve((node as CfnResource).logicalId)} is missing the tag(s) ${missing.join(', ')} (CDK-1). Use PatternTags.apply(scope, { team, service }).`;
    if (this.failOnMissing) {
      Annotations.of(node).addError(message);
    } else {
      addWarning(node, 'RequiredTagsCheck.missingTags', message);
    }
  }
}
