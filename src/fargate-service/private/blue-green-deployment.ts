import { Duration, aws_cloudwatch as cloudwatch, aws_codedeploy as codedeploy, aws_ecs as ecs, aws_elasticloadbalancingv2 as elbv2, aws_iam as iam } from 'aws-cdk-lib';
import { Construct } from 'constructs';
import { acknowledgeInherent } from '../../core/private/rule-packs';
import { BlueGreenController } from '../blue-green-traffic';

/** The bake time of ECS-native deployments and the CodeDeploy termination wait, by default. */
export const DEFAULT_BAKE_TIME = Duration.minutes(15);

/** The listeners and target groups a controller routes between. */
export interface BlueGreenTargets {
  /** The production listener. */
  readonly listener: elbv2.ApplicationListener;
  /** The test listener. */
  readonly testListener: elbv2.ApplicationListener;
  /** The target group production traffic starts on. */
  readonly blueTargetGroup: elbv2.ApplicationTargetGroup;
  /** The target group a deployment brings the new revision up in. */
  readonly greenTargetGroup: elbv2.ApplicationTargetGroup;
}

/** The service a controller attaches to the target groups. */
export interface BlueGreenService {
  /** The Fargate service. */
  readonly service: ecs.FargateService;
  /** The application container's name. */
  readonly containerName: string;
  /** The port the container listens on. */
  readonly containerPort: number;
  /** The alarms that roll a deployment back. */
  readonly rollbackAlarms: cloudwatch.IAlarm[];
}

/** The service props a controller decides. */
export type DeploymentServiceOptions = Pick<ecs.FargateServiceProps,
  'deploymentController' | 'deploymentStrategy' | 'bakeTime' | 'linearConfiguration' | 'canaryConfiguration' |
  'lifecycleHooks' | 'circuitBreaker' | 'deploymentAlarms'>;

/** What a controller created (the construct exposes each as `public readonly`). */
export interface BlueGreenResources {
  /** ECS-native: the production listener rule. */
  readonly productionRule?: elbv2.ApplicationListenerRule;
  /** ECS-native: the test listener rule. */
  readonly testRule?: elbv2.ApplicationListenerRule;
  /** ECS-native: the role ECS assumes to modify the listener rules. */
  readonly infrastructureRole?: iam.IRole;
  /** CodeDeploy: the deployment group. */
  readonly deploymentGroup?: codedeploy.EcsDeploymentGroup;
}

/** A prop only one controller reads. */
export interface ControllerProp {
  /** The prop's name in `FargateBlueGreenServiceProps`. */
  readonly name: string;
  /** Why it does not apply to the other controller, if that needs saying. */
  readonly hint?: string;
}

/**
 * One blue/green deployment controller of a `FargateBlueGreenService`: everything in which
 * ECS-native and CodeDeploy differ. An implementation validates its own props when it is created;
 * the construct then calls `listenerDefaultAction` (once per listener), `route`, `serviceOptions`
 * and `attach`, in that order.
 */
export interface BlueGreenDeployment {
  /** The controller this implementation runs. */
  readonly type: BlueGreenController;

  /** The default action of a listener (a new one for each listener), or undefined for none. */
  listenerDefaultAction(): elbv2.ListenerAction | undefined;

  /** Routes the listeners to the target groups, before the service exists. */
  route(targets: BlueGreenTargets): BlueGreenResources;

  /** The deployment props of the Fargate service. */
  serviceOptions(rollbackAlarms: cloudwatch.IAlarm[]): DeploymentServiceOptions;

  /** Attaches the service to the target groups and creates what the controller deploys with. */
  attach(targets: BlueGreenTargets, service: BlueGreenService): BlueGreenResources;
}

/** What a controller's service role is: who assumes it, and the AWS managed policy AWS documents for it. */
export interface ControllerRoleSpec {
  readonly servicePrincipal: string;
  readonly description: string;
  readonly managedPolicyName: string;
  /** Why the managed policy is acknowledged (AwsSolutions-IAM4, inherent to the controller). */
  readonly reason: string;
}

/** A controller's service role with its AWS managed policy, the IAM4 finding acknowledged on it alone. */
export function createControllerRole(scope: Construct, id: string, spec: ControllerRoleSpec): iam.Role {
  const role = new iam.Role(scope, id, {
    assumedBy: new iam.ServicePrincipal(spec.servicePrincipal),
    description: spec.description,
    managedPolicies: [iam.ManagedPolicy.fromAwsManagedPolicyName(spec.managedPolicyName)],
  });
  acknowledgeInherent(role, {
    id: `AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/${spec.managedPolicyName}]`,
    reason: spec.reason,
  });
  return role;
}
