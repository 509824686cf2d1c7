import { Duration, aws_elasticloadbalancingv2 as elbv2 } from 'aws-cdk-lib';
import { Construct } from 'constructs';
import { BlueGreenDeployment } from './blue-green-deployment';
import { CodeDeployDeployment } from './codedeploy-controller';
import { EcsNativeDeployment } from './ecs-native-controller';
import { checkFargateSize } from './fargate-rules';
import { containerSecretFix } from './guarded-container';
import { ConstructValidationError } from '../../core/private/errors';
import { assertNotPlaintextSecret } from '../../core/private/secrets';
import { checkDuration, checkNonEmpty, checkNumber, checkPattern, isUnresolved, RangeCheck } from '../../core/private/validation';
import { BlueGreenController } from '../blue-green-traffic';
import type { FargateBlueGreenServiceProps } from '../fargate-blue-green-service';

/** The port check of `containerPort`: a missing port and a wrong one get the same `allowed`. */
export const CONTAINER_PORT: RangeCheck = { prop: 'containerPort', min: 1, max: 65535 };

/** The task size the construct uses by default (the document's). */
export const DEFAULT_CPU = 512;
/** The task memory in MiB the construct uses by default (the document's). */
export const DEFAULT_MEMORY_MIB = 1024;

/** The listeners' protocol and ports. */
export interface ListenerPlan {
  readonly protocol: elbv2.ApplicationProtocol;
  readonly productionPort: number;
  readonly testPort: number;
}

/** What a `FargateBlueGreenService` builds, resolved from its props and validated. */
export interface ServicePlan {
  readonly cpu: number;
  readonly memoryLimitMiB: number;
  readonly minTasks: number;
  readonly maxTasks: number;
  readonly desiredTasks: number;
  readonly healthCheckPath: string;
  readonly containerName: string;
  readonly listeners: ListenerPlan;
  /** The blue/green controller chosen by `deploymentController`, its own props validated. */
  readonly deployment: BlueGreenDeployment;
}

/**
 * Resolves the defaults of a `FargateBlueGreenService`'s props, validates them (the errors name
 * `scope`'s path, the prop, the value and what is allowed) and chooses the blue/green controller.
 *
 * @param scope the service construct: the errors name its path, the controller creates its resources in it
 */
export function planService(scope: Construct, props: FargateBlueGreenServiceProps): ServicePlan {
  const cpu = props.cpu ?? DEFAULT_CPU;
  const memoryLimitMiB = props.memoryLimitMiB ?? DEFAULT_MEMORY_MIB;
  const minTasks = props.minTasks ?? 2;
  const maxTasks = props.maxTasks ?? 10;
  const desiredTasks = props.desiredTasks ?? minTasks;
  const healthCheckPath = props.healthCheckPath ?? '/';

  checkNumber(scope, props.containerPort, CONTAINER_PORT);
  checkFargateSize(scope, cpu, memoryLimitMiB);
  checkNumber(scope, minTasks, { prop: 'minTasks', min: 1 });
  checkNumber(scope, maxTasks, { prop: 'maxTasks', min: 1 });
  if (!isUnresolved(minTasks) && !isUnresolved(maxTasks) && minTasks > maxTasks) {
    throw new ConstructValidationError(scope, { prop: 'minTasks', received: minTasks, allowed: `at most maxTasks (${maxTasks})` });
  }
  if (!isUnresolved(desiredTasks) && !isUnresolved(minTasks) && !isUnresolved(maxTasks) &&
    (desiredTasks < minTasks || desiredTasks > maxTasks)) {
    throw new ConstructValidationError(scope, { prop: 'desiredTasks', received: desiredTasks, allowed: `from minTasks (${minTasks}) to maxTasks (${maxTasks})` });
  }
  checkNumber(scope, props.cpuTargetPercent, { prop: 'cpuTargetPercent', min: 1, max: 100 });
  checkNumber(scope, props.requestsPerTarget, { prop: 'requestsPerTarget', min: 1 });
  checkNumber(scope, props.rollback5xxPercent, { prop: 'rollback5xxPercent', min: 0, max: 100, integer: false, allowed: 'a percentage from 0 to 100' });
  checkNumber(scope, props.natGateways, { prop: 'natGateways', min: 0, max: 2, hint: 'The VPC the construct creates spans two Availability Zones' });
  checkPattern(scope, 'containerName', props.containerName, /^[A-Za-z0-9_-]{1,255}$/, 'up to 255 letters, digits, hyphens and underscores');
  // ECS's limits on a container health check (aws-cdk-lib would fail at synth, CloudFormation at deploy)
  const hc = props.healthCheck;
  checkDuration(scope, hc?.interval, { prop: 'healthCheck.interval', min: Duration.seconds(5), max: Duration.seconds(300), wholeSeconds: true });
  checkDuration(scope, hc?.timeout, { prop: 'healthCheck.timeout', min: Duration.seconds(2), max: Duration.seconds(120), wholeSeconds: true });
  checkDuration(scope, hc?.startPeriod, { prop: 'healthCheck.startPeriod', min: Duration.seconds(0), max: Duration.seconds(300), wholeSeconds: true });
  checkNumber(scope, hc?.retries, { prop: 'healthCheck.retries', min: 1, max: 10 });
  checkNonEmpty(scope, 'healthCheckPath', healthCheckPath);
  if (!isUnresolved(healthCheckPath) && !healthCheckPath.startsWith('/')) {
    throw new ConstructValidationError(scope, { prop: 'healthCheckPath', received: healthCheckPath, allowed: 'a path starting with /' });
  }
  for (const [key, value] of Object.entries(props.environment ?? {})) {
    assertNotPlaintextSecret(scope, key, value, containerSecretFix(key));
  }

  return {
    cpu,
    memoryLimitMiB,
    minTasks,
    maxTasks,
    desiredTasks,
    healthCheckPath,
    containerName: props.containerName ?? 'App',
    deployment: chooseDeployment(scope, props),
    listeners: planListeners(scope, props),
  };
}

/**
 * The controller `deploymentController` names (ECS-native by default); the other controller's
 * props are an error, since they would silently do nothing.
 */
export function chooseDeployment(scope: Construct, props: FargateBlueGreenServiceProps): BlueGreenDeployment {
  const native = (props.deploymentController ?? BlueGreenController.ECS_NATIVE) === BlueGreenController.ECS_NATIVE;
  const [chosen, other] = native
    ? [BlueGreenController.ECS_NATIVE, CodeDeployDeployment] as const
    : [BlueGreenController.CODE_DEPLOY, EcsNativeDeployment] as const;
  for (const { name, hint } of other.PROPS) {
    if ((props as unknown as Record<string, unknown>)[name] !== undefined) {
      throw new ConstructValidationError(scope, {
        prop: name,
        received: `(set, with deploymentController ${chosen})`,
        allowed: other.REQUIRES,
        hint,
      });
    }
  }
  return native ? new EcsNativeDeployment(scope, props) : new CodeDeployDeployment(scope, props);
}

/**
 * HTTPS on 443 with a certificate, else HTTP on 80; the test listener on `testListenerPort`, else
 * 8443 with a certificate and 8080 without, never on a port the production side uses.
 */
export function planListeners(scope: Construct, props: FargateBlueGreenServiceProps): ListenerPlan {
  const protocol = props.certificate ? elbv2.ApplicationProtocol.HTTPS : elbv2.ApplicationProtocol.HTTP;
  const productionPort = props.certificate ? 443 : 80;
  const testPort = props.testListenerPort ?? (props.certificate ? 8443 : 8080);
  checkNumber(scope, testPort, { prop: 'testListenerPort', min: 1, max: 65535 });
  if (!isUnresolved(testPort) && (testPort === productionPort || (props.certificate && testPort === 80))) {
    throw new ConstructValidationError(scope, {
      prop: 'testListenerPort',
      received: testPort,
      allowed: `a port other than the production listener's (${productionPort}${props.certificate ? ', and 80, the HTTP redirect' : ''})`,
    });
  }
  return { protocol, productionPort, testPort };
}
