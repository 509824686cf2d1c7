import { Duration, aws_ecs as ecs } from 'aws-cdk-lib';

/**
 * Which deployment controller runs the blue/green deployment of a `FargateBlueGreenService` (ECS-4).
 */
export enum BlueGreenController {
  /**
   * ECS-native blue/green (`deploymentStrategy` BLUE_GREEN, LINEAR or CANARY): ECS shifts the
   * production and test listener rules between the two target groups, bakes, and rolls back on the
   * construct's alarms. CloudFormation rolls out new task definitions itself. The default
   * (DESIGN.md decision 4).
   */
  ECS_NATIVE = 'ECS_NATIVE',

  /**
   * The patterns document's CodeDeploy controller: an `EcsDeploymentGroup` with the two target
   * groups, the test listener and auto-rollback on the same alarms. CloudFormation can then no
   * longer roll out task definitions: a pipeline does, with an AppSpec.
   */
  CODE_DEPLOY = 'CODE_DEPLOY',
}

/**
 * How ECS-native blue/green shifts production traffic to the new revision (ECS-4).
 *
 * @example
 * // 10 % every 5 minutes
 * const linear = BlueGreenTraffic.linear(10, Duration.minutes(5));
 */
export class BlueGreenTraffic {
  /** Every request moves to the new revision at once, after the test listener has served it. */
  public static allAtOnce(): BlueGreenTraffic {
    return new BlueGreenTraffic(ecs.DeploymentStrategy.BLUE_GREEN);
  }

  /**
   * Equal steps of `stepPercent` with `stepBakeTime` between them (aws-cdk-lib ≥ 2.236).
   *
   * @param stepPercent the share of production traffic moved per step: a multiple of 0.1 from 3 to 100
   * @param stepBakeTime the wait between steps: whole minutes from 0 to 1440
   */
  public static linear(stepPercent: number, stepBakeTime: Duration): BlueGreenTraffic {
    return new BlueGreenTraffic(ecs.DeploymentStrategy.LINEAR, stepPercent, stepBakeTime);
  }

  /**
   * `percent` of production traffic first, the rest after `bakeTime` (aws-cdk-lib ≥ 2.236).
   *
   * @param percent the canary share: a multiple of 0.1 from 0.1 to 100
   * @param bakeTime the wait before the rest moves: whole minutes from 0 to 1440
   */
  public static canary(percent: number, bakeTime: Duration): BlueGreenTraffic {
    return new BlueGreenTraffic(ecs.DeploymentStrategy.CANARY, percent, bakeTime);
  }

  /** The ECS deployment strategy. */
  public readonly strategy: ecs.DeploymentStrategy;
  /** The traffic share per step (linear) or of the canary. @default - none (all at once) */
  public readonly stepPercent?: number;
  /** The wait between steps (linear) or after the canary. @default - none (all at once) */
  public readonly stepBakeTime?: Duration;

  private constructor(strategy: ecs.DeploymentStrategy, stepPercent?: number, stepBakeTime?: Duration) {
    this.strategy = strategy;
    this.stepPercent = stepPercent;
    this.stepBakeTime = stepBakeTime;
  }
}
