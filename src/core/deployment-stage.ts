/**
 * The deployment stage a construct is built for.
 *
 * The stage drives the defaults that protect data (removal policies, deletion protection) and the
 * ones that trade cost for safety (reserved concurrency, log level, log retention). What each stage
 * decides is `StagePolicy`; `StagePolicy.resolve` finds the stage of a construct.
 */
export enum DeploymentStage {
  /** Production: data is retained, deletion protection is on, logs are quieter and kept longer. */
  PROD = 'prod',
  /** Development: resources can be torn down with the stack, logs are verbose and short-lived. */
  DEV = 'dev',
}

/**
 * The props every construct of the library shares: the deployment stage.
 *
 * Construct props extend this interface, so `stage` means the same thing everywhere; every
 * construct exposes the stage it resolved as `stage`.
 */
export interface DeploymentStageOptions {
  /**
   * The deployment stage: drives removal policies, deletion protection, log retention and the
   * other defaults that protect data in production.
   *
   * @default - the CDK context key `env` (`StagePolicy.CONTEXT_KEY`), else `DeploymentStage.PROD`
   */
  readonly stage?: DeploymentStage;
}
