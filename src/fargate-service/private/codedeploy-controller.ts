import { Duration, aws_cloudwatch as cloudwatch, aws_codedeploy as codedeploy, aws_ec2 as ec2, aws_ecs as ecs, aws_iam as iam } from 'aws-cdk-lib';
import { Construct } from 'constructs';
import {
  BlueGreenDeployment,
  BlueGreenResources,
  BlueGreenService,
  BlueGreenTargets,
  ControllerProp,
  DEFAULT_BAKE_TIME,
  DeploymentServiceOptions,
  createControllerRole,
} from './blue-green-deployment';
import { checkWholeMinutes } from './fargate-rules';
import { checkDuration } from '../../core/private/validation';
import { BlueGreenController } from '../blue-green-traffic';

/** The props of `FargateBlueGreenServiceProps` only the CodeDeploy controller reads. */
export interface CodeDeployOptions {
  readonly codeDeployConfig?: codedeploy.IEcsDeploymentConfig;
  readonly codeDeployTerminationWait?: Duration;
}

/**
 * The patterns document's CodeDeploy blue/green: production starts on the blue target group and the
 * test listener on the green one, and an `EcsDeploymentGroup` shifts the listeners' default actions
 * and rolls back on the alarms.
 */
export class CodeDeployDeployment implements BlueGreenDeployment {
  /** The props only this controller reads, in the order they are reported. */
  public static readonly PROPS: readonly ControllerProp[] = [
    { name: 'codeDeployConfig' },
    { name: 'codeDeployTerminationWait' },
  ];
  /** What a message says when one of `PROPS` is set with the other controller. */
  public static readonly REQUIRES = 'only with deploymentController: BlueGreenController.CODE_DEPLOY';

  public readonly type = BlueGreenController.CODE_DEPLOY;

  /**
   * @param scope the service construct: the controller's resources are its children
   * @param options the service's props
   */
  constructor(private readonly scope: Construct, private readonly options: CodeDeployOptions) {
    checkDuration(scope, options.codeDeployTerminationWait, { prop: 'codeDeployTerminationWait', min: Duration.minutes(0), max: Duration.minutes(2880) });
    checkWholeMinutes(scope, 'codeDeployTerminationWait', options.codeDeployTerminationWait);
  }

  /** None: `route` gives each listener a target group, whose forward CodeDeploy shifts. */
  public listenerDefaultAction(): undefined {
    return undefined;
  }

  /** CodeDeploy shifts the listeners' default actions: production starts on blue, test on green. */
  public route(targets: BlueGreenTargets): BlueGreenResources {
    targets.listener.addTargetGroups('Blue', { targetGroups: [targets.blueTargetGroup] });
    targets.testListener.addTargetGroups('Green', { targetGroups: [targets.greenTargetGroup] });
    return {};
  }

  /** The CODE_DEPLOY controller; strategy, alarms and rollback belong to the deployment group. */
  public serviceOptions(_rollbackAlarms: cloudwatch.IAlarm[]): DeploymentServiceOptions {
    return { deploymentController: { type: ecs.DeploymentControllerType.CODE_DEPLOY } };
  }

  /** The service on the blue target group, and the deployment group over both. */
  public attach(targets: BlueGreenTargets, s: BlueGreenService): BlueGreenResources {
    s.service.attachToApplicationTargetGroup(targets.blueTargetGroup);
    targets.greenTargetGroup.registerConnectable(s.service, ec2.Port.tcp(s.containerPort));
    const deploymentGroup = new codedeploy.EcsDeploymentGroup(this.scope, 'DeploymentGroup', {
      service: s.service,
      role: this.createCodeDeployRole(),
      blueGreenDeploymentConfig: {
        blueTargetGroup: targets.blueTargetGroup,
        greenTargetGroup: targets.greenTargetGroup,
        listener: targets.listener,
        testListener: targets.testListener,
        terminationWaitTime: this.options.codeDeployTerminationWait ?? DEFAULT_BAKE_TIME,
      },
      deploymentConfig: this.options.codeDeployConfig ?? codedeploy.EcsDeploymentConfig.ALL_AT_ONCE,
      alarms: s.rollbackAlarms,
      autoRollback: { failedDeployment: true, stoppedDeployment: true, deploymentInAlarm: true },
    });
    return { deploymentGroup };
  }

  private createCodeDeployRole(): iam.Role {
    return createControllerRole(this.scope, 'CodeDeployRole', {
      servicePrincipal: 'codedeploy.amazonaws.com',
      description: 'CodeDeploy blue/green: lets CodeDeploy replace task sets and shift the listeners',
      managedPolicyName: 'AWSCodeDeployRoleForECS',
      reason: 'CodeDeploy\'s ECS deployments need a service role; AWS documents this managed policy for it and maintains its actions as CodeDeploy changes.',
    });
  }
}
