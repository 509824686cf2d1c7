import { Duration, aws_cloudwatch as cloudwatch, aws_ec2 as ec2, aws_ecs as ecs, aws_elasticloadbalancingv2 as elbv2, aws_iam as iam } from 'aws-cdk-lib';
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
import { checkTraffic } from './fargate-rules';
import { BlueGreenController, BlueGreenTraffic } from '../blue-green-traffic';

/** The props of `FargateBlueGreenServiceProps` only ECS-native blue/green reads. */
export interface EcsNativeOptions {
  readonly traffic?: BlueGreenTraffic;
  readonly bakeTime?: Duration;
  readonly lifecycleHooks?: ecs.IDeploymentLifecycleHookTarget[];
  readonly infrastructureRole?: iam.IRole;
}

/**
 * ECS-native blue/green (DESIGN.md decision 4, the default): listener rules that ECS shifts between
 * the target groups, a deployment strategy with bake time, circuit breaker and deployment alarms,
 * and the infrastructure role ECS assumes for the load balancer.
 */
export class EcsNativeDeployment implements BlueGreenDeployment {
  /** The props only this controller reads, in the order they are reported. */
  public static readonly PROPS: readonly ControllerProp[] = [
    { name: 'traffic' },
    { name: 'bakeTime' },
    { name: 'lifecycleHooks', hint: 'Lifecycle hooks are an ECS-native feature; with CodeDeploy, put the hooks in the AppSpec' },
    { name: 'infrastructureRole' },
  ];
  /** What a message says when one of `PROPS` is set with the other controller. */
  public static readonly REQUIRES = 'only with deploymentController: BlueGreenController.ECS_NATIVE (the default)';

  public readonly type = BlueGreenController.ECS_NATIVE;
  private readonly traffic: BlueGreenTraffic;
  private readonly bakeTime: Duration;
  private rules?: { production: elbv2.ApplicationListenerRule; test: elbv2.ApplicationListenerRule };

  /**
   * @param scope the service construct: the controller's resources are its children
   * @param options the service's props
   */
  constructor(private readonly scope: Construct, private readonly options: EcsNativeOptions) {
    this.traffic = options.traffic ?? BlueGreenTraffic.allAtOnce();
    this.bakeTime = options.bakeTime ?? DEFAULT_BAKE_TIME;
    checkTraffic(scope, this.traffic, this.bakeTime);
  }

  /** Outside the rules ECS shifts, the listeners answer 404. */
  public listenerDefaultAction(): elbv2.ListenerAction {
    return elbv2.ListenerAction.fixedResponse(404, { contentType: 'text/plain', messageBody: 'Not Found' });
  }

  /**
   * A production and a test rule. They depend on nothing an image or task-definition change touches
   * (aws-cdk issue 36649): a fixed priority, a fixed condition and a weighted forward to both target
   * groups, the shape ECS itself writes; so a release never updates them and never resets ECS's weights.
   */
  public route(targets: BlueGreenTargets): BlueGreenResources {
    const forward = () => elbv2.ListenerAction.weightedForward([
      { targetGroup: targets.blueTargetGroup, weight: 100 },
      { targetGroup: targets.greenTargetGroup, weight: 0 },
    ]);
    const rule = (id: string, listener: elbv2.ApplicationListener) => new elbv2.ApplicationListenerRule(this.scope, id, {
      listener,
      priority: 1,
      conditions: [elbv2.ListenerCondition.pathPatterns(['/*'])],
      action: forward(),
    });
    this.rules = { production: rule('ProductionRule', targets.listener), test: rule('TestRule', targets.testListener) };
    return { productionRule: this.rules.production, testRule: this.rules.test };
  }

  /** The strategy, bake time, hooks, circuit breaker and deployment alarms. */
  public serviceOptions(rollbackAlarms: cloudwatch.IAlarm[]): DeploymentServiceOptions {
    const traffic = this.traffic;
    const steps = { stepPercent: traffic.stepPercent, stepBakeTime: traffic.stepBakeTime };
    return {
      deploymentStrategy: traffic.strategy,
      bakeTime: this.bakeTime,
      linearConfiguration: traffic.strategy === ecs.DeploymentStrategy.LINEAR ? steps : undefined,
      canaryConfiguration: traffic.strategy === ecs.DeploymentStrategy.CANARY ? steps : undefined,
      lifecycleHooks: this.options.lifecycleHooks,
      // written out, so the recommended flag
      // @aws-cdk/aws-ecs:disableExplicitDeploymentControllerForCircuitBreaker changes nothing
      deploymentController: { type: ecs.DeploymentControllerType.ECS },
      circuitBreaker: { enable: true, rollback: true },
      deploymentAlarms: {
        alarmNames: rollbackAlarms.map((a) => a.alarmName),
        behavior: ecs.AlarmBehavior.ROLLBACK_ON_ALARM,
      },
    };
  }

  /** The blue target group with the green one as alternate target, shifted by the infrastructure role. */
  public attach(targets: BlueGreenTargets, s: BlueGreenService): BlueGreenResources {
    if (!this.rules) {
      throw new Error('EcsNativeDeployment.attach: route() must run first');
    }
    const infrastructureRole = this.options.infrastructureRole ?? this.createInfrastructureRole();
    s.service.loadBalancerTarget({
      containerName: s.containerName,
      containerPort: s.containerPort,
      protocol: ecs.Protocol.TCP,
      alternateTarget: new ecs.AlternateTarget('AlternateTarget', {
        alternateTargetGroup: targets.greenTargetGroup,
        productionListener: ecs.ListenerRuleConfiguration.applicationListenerRule(this.rules.production),
        testListener: ecs.ListenerRuleConfiguration.applicationListenerRule(this.rules.test),
        role: infrastructureRole,
      }),
    }).attachToApplicationTargetGroup(targets.blueTargetGroup);
    // the green target group receives tasks only during deployments; it must still let the ALB in
    targets.greenTargetGroup.registerConnectable(s.service, ec2.Port.tcp(s.containerPort));
    return { infrastructureRole };
  }

  private createInfrastructureRole(): iam.Role {
    return createControllerRole(this.scope, 'InfrastructureRole', {
      servicePrincipal: 'ecs.amazonaws.com',
      description: 'ECS blue/green: lets ECS shift the listener rules between the target groups',
      managedPolicyName: 'AmazonECSInfrastructureRolePolicyForLoadBalancers',
      reason: 'ECS-native blue/green needs an infrastructure role for the load balancer; AWS documents this managed policy for it and maintains its actions as ECS changes.',
    });
  }
}
