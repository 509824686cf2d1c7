import { IConstruct } from 'constructs';
import { ConstructValidationError } from './private/errors';
import { isUnresolved } from './private/validation';

/**
 * The deployment stage a construct is built for.
 *
 * The stage drives the defaults that protect data (removal policies, deletion protection) and the
 * ones that trade cost for safety (reserved concurrency, log level, log retention).
 */
export enum DeploymentStage {
  /** Production: data is retained, deletion protection is on, logs are quieter and kept longer. */
  PROD = 'prod',
  /** Development: resources can be torn down with the stack, logs are verbose and short-lived. */
  DEV = 'dev',
}

/**
 * Resolves the deployment stage of a construct.
 *
 * The order is: the construct's own `stage` prop, else the CDK context key `env`
 * (`cdk synth -c env=prod`, as in the patterns document's OrdersStack), else `DeploymentStage.PROD`.
 * No stage given means PROD, so data is kept unless someone says `dev`.
 */
export class DeploymentStages {
  /** The CDK context key read when no `stage` prop is given. */
  public static readonly CONTEXT_KEY = 'env';

  /**
   * The stage for `scope`: `stage` if given, else the context key `env`, else PROD.
   *
   * @param scope the construct asking; its context is searched upwards
   * @param stage the stage the user passed as a prop, if any
   */
  public static resolve(scope: IConstruct, stage?: DeploymentStage): DeploymentStage {
    if (stage !== undefined) {
      return stage;
    }
    const value: unknown = scope.node.tryGetContext(DeploymentStages.CONTEXT_KEY);
    if (value === undefined || value === null || isUnresolved(value)) {
      return DeploymentStage.PROD;
    }
    const normalised = String(value).trim().toLowerCase();
    if (normalised === 'prod' || normalised === 'production') {
      return DeploymentStage.PROD;
    }
    if (normalised === 'dev' || normalised === 'development') {
      return DeploymentStage.DEV;
    }
    throw new ConstructValidationError(scope, {
      prop: `context '${DeploymentStages.CONTEXT_KEY}'`,
      received: value,
      allowed: "'prod' (or 'production') or 'dev' (or 'development'); leave it unset for prod",
    });
  }

  /** Whether `stage` (or the resolved stage of `scope`) is PROD. */
  public static isProd(scope: IConstruct, stage?: DeploymentStage): boolean {
    return DeploymentStages.resolve(scope, stage) === DeploymentStage.PROD;
  }

  private constructor() {}
}
