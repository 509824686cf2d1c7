import { Tags } from 'aws-cdk-lib';
import { DeploymentStage, PatternTags, RequiredTag, RequiredTagsCheck, RequiredTagsCheckProps } from 'cdk-cloud-patterns';
import { IConstruct } from 'constructs';

/** The tags every ACME resource carries on top of the library's Env/Team/Service. */
export enum AcmeTag {
  /** The cost centre the resource is billed to. */
  COST_CENTER = 'CostCenter',
}

/** The ACME team defaults that every construct of this library applies. */
export class AcmeDefaults {
  /** The value of the `Team` tag on every ACME resource. */
  public static readonly TEAM = 'acme-platform';
  /** The value of the `CostCenter` tag on every ACME resource. */
  public static readonly COST_CENTER = 'cc-4711';

  private constructor() {}
}

/** Values of the ACME tags. */
export interface AcmeTagsProps {
  /** The service, e.g. `orders`. */
  readonly service: string;
  /**
   * The stage written to the `Env` tag.
   *
   * @default - the library's resolution: the context key `env`, else `prod`
   */
  readonly stage?: DeploymentStage;
}

/**
 * The library's PatternTags with ACME's team and cost centre filled in.
 *
 * @example
 * AcmeTags.apply(this, { service: 'orders' });
 */
export class AcmeTags {
  /** Tags every taggable resource below `scope` with Env, Team (ACME), Service and CostCenter. */
  public static apply(scope: IConstruct, props: AcmeTagsProps): void {
    PatternTags.apply(scope, { team: AcmeDefaults.TEAM, service: props.service, stage: props.stage });
    Tags.of(scope).add(AcmeTag.COST_CENTER, AcmeDefaults.COST_CENTER);
  }

  private constructor() {}
}

/**
 * The library's RequiredTagsCheck with ACME's extra required tag: `CostCenter` is required on
 * top of `Env`, `Team` and `Service`, and a missing tag is an error unless `failOnMissing: false`.
 *
 * @example
 * AcmeRequiredTagsCheck.addTo(app);
 */
export class AcmeRequiredTagsCheck extends RequiredTagsCheck {
  /** The keys the ACME check requires. */
  public static readonly REQUIRED_KEYS: string[] = [RequiredTag.ENV, RequiredTag.TEAM, RequiredTag.SERVICE, AcmeTag.COST_CENTER];

  /**
   * Adds the ACME check to `scope` with read-only priority.
   *
   * The inherited `RequiredTagsCheck.addTo` would add the library's check, not this one; jsii
   * requires the same return type as the parent's static (JSII5003), so it returns the base type.
   * It uses the library's extension point `applyTo`.
   */
  public static addTo(scope: IConstruct, props: RequiredTagsCheckProps = {}): RequiredTagsCheck {
    const check = new AcmeRequiredTagsCheck(props);
    check.applyTo(scope);
    return check;
  }

  constructor(props: RequiredTagsCheckProps = {}) {
    super({
      requiredKeys: props.requiredKeys ?? AcmeRequiredTagsCheck.REQUIRED_KEYS,
      failOnMissing: props.failOnMissing ?? true,
    });
  }
}
