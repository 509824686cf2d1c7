/**
 * The pure plan of a FargateBlueGreenService (src/fargate-service/private/service-plan.ts): its
 * defaults, its overrides and the choice of controller, without building the service.
 */
import { App, Duration, Stack } from 'aws-cdk-lib';
import * as acm from 'aws-cdk-lib/aws-certificatemanager';
import * as codedeploy from 'aws-cdk-lib/aws-codedeploy';
import * as ecs from 'aws-cdk-lib/aws-ecs';
import * as elbv2 from 'aws-cdk-lib/aws-elasticloadbalancingv2';
import { Construct } from 'constructs';
import { BlueGreenController, BlueGreenTraffic, FargateBlueGreenServiceProps } from '../../src';
import { CodeDeployDeployment } from '../../src/fargate-service/private/codedeploy-controller';
import { EcsNativeDeployment } from '../../src/fargate-service/private/ecs-native-controller';
import { chooseDeployment, planListeners, planService } from '../../src/fargate-service/private/service-plan';

const IMAGE = ecs.ContainerImage.fromRegistry('public.ecr.aws/nginx/nginx:1.27');

function scope(): Construct {
  return new Construct(new Stack(new App(), 'Stack'), 'Api');
}
function props(extra: Partial<FargateBlueGreenServiceProps> = {}): FargateBlueGreenServiceProps {
  return { image: IMAGE, containerPort: 80, ...extra };
}
function certificate(s: Construct): acm.ICertificate {
  return acm.Certificate.fromCertificateArn(s, 'Cert', 'arn:aws:acm:us-east-1:123456789012:certificate/1');
}

describe('planService', () => {
  test('the defaults: the document\'s task size, 2..10 tasks starting at 2, path /, container App, ECS-native', () => {
    const plan = planService(scope(), props());
    expect({ ...plan, deployment: plan.deployment.type }).toEqual({
      cpu: 512,
      memoryLimitMiB: 1024,
      minTasks: 2,
      maxTasks: 10,
      desiredTasks: 2,
      healthCheckPath: '/',
      containerName: 'App',
      listeners: { protocol: elbv2.ApplicationProtocol.HTTP, productionPort: 80, testPort: 8080 },
      deployment: BlueGreenController.ECS_NATIVE,
    });
    expect(plan.deployment).toBeInstanceOf(EcsNativeDeployment);
  });

  test('the overrides are kept, and the desired count follows minTasks unless given', () => {
    const plan = planService(scope(), props({ cpu: 1024, memoryLimitMiB: 4096, minTasks: 3, maxTasks: 6, healthCheckPath: '/health', containerName: 'Web' }));
    expect(plan).toMatchObject({ cpu: 1024, memoryLimitMiB: 4096, minTasks: 3, maxTasks: 6, desiredTasks: 3, healthCheckPath: '/health', containerName: 'Web' });
    expect(planService(scope(), props({ minTasks: 3, maxTasks: 6, desiredTasks: 5 })).desiredTasks).toBe(5);
  });

  test('the errors name the scope\'s path and the prop', () => {
    expect(() => planService(scope(), props({ minTasks: 5, maxTasks: 4 }))).toThrow('[Stack/Api] minTasks: received 5; allowed: at most maxTasks (4)');
    expect(() => planService(scope(), props({ healthCheckPath: 'health' }))).toThrow("[Stack/Api] healthCheckPath: received 'health'; allowed: a path starting with /");
  });
});

describe('planListeners', () => {
  test('HTTPS 443 and test 8443 with a certificate, HTTP 80 and 8080 without, testListenerPort honoured', () => {
    const s = scope();
    expect(planListeners(s, props({ certificate: certificate(s) })))
      .toEqual({ protocol: elbv2.ApplicationProtocol.HTTPS, productionPort: 443, testPort: 8443 });
    expect(planListeners(s, props())).toEqual({ protocol: elbv2.ApplicationProtocol.HTTP, productionPort: 80, testPort: 8080 });
    expect(planListeners(s, props({ testListenerPort: 9000 })).testPort).toBe(9000);
  });

  test('with a certificate, port 80 (the redirect) is refused for the test listener', () => {
    const s = scope();
    expect(() => planListeners(s, props({ certificate: certificate(s), testListenerPort: 80 }))).toThrow(
      "[Stack/Api] testListenerPort: received 80; allowed: a port other than the production listener's (443, and 80, the HTTP redirect)");
  });
});

describe('chooseDeployment', () => {
  test('ECS-native by default, CodeDeploy when asked', () => {
    expect(chooseDeployment(scope(), props())).toBeInstanceOf(EcsNativeDeployment);
    expect(chooseDeployment(scope(), props({ deploymentController: BlueGreenController.CODE_DEPLOY }))).toBeInstanceOf(CodeDeployDeployment);
  });

  const values: Record<string, unknown> = {
    traffic: BlueGreenTraffic.allAtOnce(),
    bakeTime: Duration.minutes(5),
    lifecycleHooks: [],
    infrastructureRole: {},
    codeDeployConfig: codedeploy.EcsDeploymentConfig.ALL_AT_ONCE,
    codeDeployTerminationWait: Duration.minutes(5),
  };
  test.each(EcsNativeDeployment.PROPS.map((p) => p.name))('the ECS-native prop %s is refused with CodeDeploy', (name) => {
    expect(() => chooseDeployment(scope(), props({ deploymentController: BlueGreenController.CODE_DEPLOY, [name]: values[name] }))).toThrow(
      `[Stack/Api] ${name}: received '(set, with deploymentController CODE_DEPLOY)'; allowed: only with deploymentController: BlueGreenController.ECS_NATIVE (the default)`);
  });
  test.each(CodeDeployDeployment.PROPS.map((p) => p.name))('the CodeDeploy prop %s is refused with ECS-native', (name) => {
    expect(() => chooseDeployment(scope(), props({ [name]: values[name] }))).toThrow(
      `[Stack/Api] ${name}: received '(set, with deploymentController ECS_NATIVE)'; allowed: only with deploymentController: BlueGreenController.CODE_DEPLOY`);
  });
  test('the two controllers\' props are disjoint and all six are covered', () => {
    const names = [...EcsNativeDeployment.PROPS, ...CodeDeployDeployment.PROPS].map((p) => p.name);
    expect(names.sort()).toEqual(Object.keys(values).sort());
  });
});
