/**
 * The two blue/green controllers of FargateBlueGreenService on their own
 * (src/fargate-service/private/ecs-native-controller.ts and codedeploy-controller.ts).
 */
import { App, Duration, Stack } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as ecs from 'aws-cdk-lib/aws-ecs';
import * as elbv2 from 'aws-cdk-lib/aws-elasticloadbalancingv2';
import { Construct } from 'constructs';
import { BlueGreenController, BlueGreenTraffic } from '../../src';
import { BlueGreenTargets } from '../../src/fargate-service/private/blue-green-deployment';
import { CodeDeployDeployment } from '../../src/fargate-service/private/codedeploy-controller';
import { EcsNativeDeployment } from '../../src/fargate-service/private/ecs-native-controller';

function setup() {
  const stack = new Stack(new App(), 'Stack', { env: { account: '123456789012', region: 'us-east-1' } });
  const scope = new Construct(stack, 'Api');
  const vpc = new ec2.Vpc(stack, 'Vpc', { natGateways: 0 });
  const alb = new elbv2.ApplicationLoadBalancer(stack, 'Alb', { vpc });
  const tg = (id: string) => new elbv2.ApplicationTargetGroup(stack, id, { vpc, port: 80, targetType: elbv2.TargetType.IP });
  const alarm = new cloudwatch.Alarm(stack, 'Alarm', { metric: new cloudwatch.Metric({ namespace: 'N', metricName: 'M' }), threshold: 1, evaluationPeriods: 1 });
  return { stack, scope, vpc, alb, tg, alarm };
}
function targets(s: ReturnType<typeof setup>, defaultAction?: () => elbv2.ListenerAction | undefined): BlueGreenTargets {
  return {
    listener: s.alb.addListener('Listener', { port: 80, open: false, defaultAction: defaultAction?.() }),
    testListener: s.alb.addListener('TestListener', { port: 8080, open: false, defaultAction: defaultAction?.() }),
    blueTargetGroup: s.tg('Blue'),
    greenTargetGroup: s.tg('Green'),
  };
}

describe('EcsNativeDeployment', () => {
  test('all at once by default: BLUE_GREEN, 15 minute bake, circuit breaker, rollback on the given alarms', () => {
    const s = setup();
    const native = new EcsNativeDeployment(s.scope, {});
    expect(native.type).toBe(BlueGreenController.ECS_NATIVE);
    const options = native.serviceOptions([s.alarm]);
    expect(options.deploymentStrategy).toBe(ecs.DeploymentStrategy.BLUE_GREEN);
    expect(options.bakeTime?.toMinutes()).toBe(15);
    expect(options.linearConfiguration).toBeUndefined();
    expect(options.canaryConfiguration).toBeUndefined();
    expect(options.deploymentController).toEqual({ type: ecs.DeploymentControllerType.ECS });
    expect(options.circuitBreaker).toEqual({ enable: true, rollback: true });
    expect(options.deploymentAlarms).toEqual({ alarmNames: [s.alarm.alarmName], behavior: ecs.AlarmBehavior.ROLLBACK_ON_ALARM });
  });

  test('linear and canary traffic fill their own configuration only', () => {
    const s = setup();
    const linear = new EcsNativeDeployment(s.scope, { traffic: BlueGreenTraffic.linear(10, Duration.minutes(5)) }).serviceOptions([]);
    expect(linear.deploymentStrategy).toBe(ecs.DeploymentStrategy.LINEAR);
    expect(linear.linearConfiguration?.stepPercent).toBe(10);
    expect(linear.linearConfiguration?.stepBakeTime?.toMinutes()).toBe(5);
    expect(linear.canaryConfiguration).toBeUndefined();
    const canary = new EcsNativeDeployment(s.scope, { traffic: BlueGreenTraffic.canary(5, Duration.minutes(10)) }).serviceOptions([]);
    expect(canary.deploymentStrategy).toBe(ecs.DeploymentStrategy.CANARY);
    expect(canary.canaryConfiguration?.stepPercent).toBe(5);
    expect(canary.linearConfiguration).toBeUndefined();
  });

  test('validates its own props when created', () => {
    const s = setup();
    expect(() => new EcsNativeDeployment(s.scope, { bakeTime: Duration.seconds(90) })).toThrow('[Stack/Api] bakeTime: received 1 minute 30 seconds; allowed: whole minutes from 0 to 1440');
  });

  test('the listeners answer 404 outside the rules; the rules forward to blue 100 and green 0 at priority 1', () => {
    const s = setup();
    const native = new EcsNativeDeployment(s.scope, {});
    expect(native.listenerDefaultAction()).not.toBe(native.listenerDefaultAction());
    const t = targets(s, () => native.listenerDefaultAction());
    const routed = native.route(t);
    expect(routed.productionRule?.node.path).toBe('Stack/Api/ProductionRule');
    expect(routed.testRule?.node.path).toBe('Stack/Api/TestRule');
    const template = Template.fromStack(s.stack);
    template.resourcePropertiesCountIs('AWS::ElasticLoadBalancingV2::Listener', {
      DefaultActions: [{ Type: 'fixed-response', FixedResponseConfig: { StatusCode: '404', ContentType: 'text/plain', MessageBody: 'Not Found' } }],
    }, 2);
    const rules = template.findResources('AWS::ElasticLoadBalancingV2::ListenerRule');
    const weights = (r: any) => r.Properties.Actions[0].ForwardConfig.TargetGroups.map((g: any) => g.Weight);
    expect(Object.values(rules).map((r: any) => [r.Properties.Priority, weights(r)]))
      .toEqual([[1, [100, 0]], [1, [100, 0]]]);
  });

  test('attach needs the rules of route, and creates the infrastructure role unless one is given', () => {
    const s = setup();
    const native = new EcsNativeDeployment(s.scope, {});
    const t = targets(s, () => native.listenerDefaultAction());
    const service = fargateService(s, native.serviceOptions([s.alarm]));
    expect(() => native.attach(t, { service, containerName: 'App', containerPort: 80, rollbackAlarms: [] })).toThrow('EcsNativeDeployment.attach: route() must run first');
    native.route(t);
    const attached = native.attach(t, { service, containerName: 'App', containerPort: 80, rollbackAlarms: [] });
    expect(attached.infrastructureRole?.node.path).toBe('Stack/Api/InfrastructureRole');
    expect(attached.deploymentGroup).toBeUndefined();
  });
});

describe('CodeDeployDeployment', () => {
  test('no listener default action: route forwards production to blue and test to green', () => {
    const s = setup();
    const cd = new CodeDeployDeployment(s.scope, {});
    expect(cd.type).toBe(BlueGreenController.CODE_DEPLOY);
    expect(cd.listenerDefaultAction()).toBeUndefined();
    const t = targets(s);
    expect(cd.route(t)).toEqual({});
    const template = Template.fromStack(s.stack);
    const listeners = template.findResources('AWS::ElasticLoadBalancingV2::Listener');
    const forwards = Object.values(listeners).map((l: any) => [l.Properties.Port, l.Properties.DefaultActions[0].TargetGroupArn.Ref]);
    expect(forwards).toEqual([[80, expect.stringMatching(/^Blue/)], [8080, expect.stringMatching(/^Green/)]]);
  });

  test('the service gets the CODE_DEPLOY controller and nothing else; the deployment group gets the alarms', () => {
    const s = setup();
    const cd = new CodeDeployDeployment(s.scope, { codeDeployTerminationWait: Duration.minutes(30) });
    expect(cd.serviceOptions([s.alarm])).toEqual({ deploymentController: { type: ecs.DeploymentControllerType.CODE_DEPLOY } });
    const t = targets(s);
    cd.route(t);
    const attached = cd.attach(t, { service: fargateService(s, cd.serviceOptions([])), containerName: 'App', containerPort: 80, rollbackAlarms: [s.alarm] });
    expect(attached.deploymentGroup?.node.path).toBe('Stack/Api/DeploymentGroup');
    expect(attached.infrastructureRole).toBeUndefined();
    Template.fromStack(s.stack).hasResourceProperties('AWS::CodeDeploy::DeploymentGroup', {
      AlarmConfiguration: { Enabled: true, Alarms: [{ Name: { Ref: Match.stringLikeRegexp('^Alarm') } }] },
      BlueGreenDeploymentConfiguration: { TerminateBlueInstancesOnDeploymentSuccess: { Action: 'TERMINATE', TerminationWaitTimeInMinutes: 30 } },
    });
  });

  test('validates its own props when created', () => {
    const s = setup();
    expect(() => new CodeDeployDeployment(s.scope, { codeDeployTerminationWait: Duration.seconds(90) })).toThrow(
      '[Stack/Api] codeDeployTerminationWait: received 1 minute 30 seconds; allowed: whole minutes from 0 to 1440');
  });
});

function fargateService(s: ReturnType<typeof setup>, options: object): ecs.FargateService {
  const cluster = new ecs.Cluster(s.stack, 'Cluster', { vpc: s.vpc });
  const taskDefinition = new ecs.FargateTaskDefinition(s.stack, 'Task');
  taskDefinition.addContainer('App', { image: ecs.ContainerImage.fromRegistry('nginx'), portMappings: [{ containerPort: 80 }] });
  return new ecs.FargateService(s.stack, 'Service', { cluster, taskDefinition, ...options });
}
