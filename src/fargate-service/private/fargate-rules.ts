import { Duration, aws_ecs as ecs } from 'aws-cdk-lib';
import { IConstruct } from 'constructs';
import { ConstructValidationError } from '../../core/private/errors';
import { checkDuration, checkNumber, isUnresolved } from '../../core/private/validation';
import { BlueGreenTraffic } from '../blue-green-traffic';

/** Fargate's task sizes (Linux): memory in MiB for each CPU value, from the ECS developer guide. */
const FARGATE_SIZES: Record<number, { min: number; max: number; step: number; extra?: number[] }> = {
  256: { min: 1024, max: 2048, step: 1024, extra: [512] },
  512: { min: 1024, max: 4096, step: 1024 },
  1024: { min: 2048, max: 8192, step: 1024 },
  2048: { min: 4096, max: 16384, step: 1024 },
  4096: { min: 8192, max: 30720, step: 1024 },
  8192: { min: 16384, max: 61440, step: 4096 },
  16384: { min: 32768, max: 122880, step: 8192 },
};

/** The memory values (MiB) Fargate accepts with `cpu` units, or undefined for a CPU value it refuses. */
export function fargateMemoryChoices(cpu: number): number[] | undefined {
  const size = FARGATE_SIZES[cpu];
  if (!size) {
    return undefined;
  }
  const values = [...(size.extra ?? [])];
  for (let m = size.min; m <= size.max; m += size.step) {
    values.push(m);
  }
  return values;
}

/** COST-4: throws unless Fargate accepts the CPU/memory pair (tokens are skipped). */
export function checkFargateSize(scope: IConstruct, cpu: number, memoryLimitMiB: number): void {
  if (isUnresolved(cpu) || isUnresolved(memoryLimitMiB)) {
    return;
  }
  const choices = fargateMemoryChoices(cpu);
  if (!choices) {
    throw new ConstructValidationError(scope, {
      prop: 'cpu',
      received: cpu,
      allowed: `one of Fargate's CPU values: ${Object.keys(FARGATE_SIZES).join(', ')}`,
    });
  }
  if (!choices.includes(memoryLimitMiB)) {
    const size = FARGATE_SIZES[cpu];
    const list = size.extra ? `${size.extra.join(', ')}, ` : '';
    throw new ConstructValidationError(scope, {
      prop: 'memoryLimitMiB',
      received: memoryLimitMiB,
      allowed: `with cpu ${cpu}, one of ${list}${size.min} to ${size.max} in steps of ${size.step}`,
    });
  }
}

/** The longest deployment CloudFormation accepts for linear and canary deployments (it times out at 36 hours). */
const CFN_DEPLOYMENT_LIMIT = Duration.hours(33);

/**
 * ECS-4: what ECS and CloudFormation accept for the bake time and the linear/canary steps:
 * percentages in multiples of 0.1 (linear 3–100, canary 0.1–100), bake times in whole minutes from
 * 0 to 1440, and bake time + step bake times at most 33 hours.
 */
export function checkTraffic(scope: IConstruct, traffic: BlueGreenTraffic, bakeTime: Duration): void {
  checkDuration(scope, bakeTime, {
    prop: 'bakeTime',
    min: Duration.minutes(0),
    max: Duration.minutes(1440),
    allowed: 'whole minutes from 0 to 1440',
  });
  checkWholeMinutes(scope, 'bakeTime', bakeTime);
  if (traffic.strategy === ecs.DeploymentStrategy.BLUE_GREEN) {
    return;
  }
  const linear = traffic.strategy === ecs.DeploymentStrategy.LINEAR;
  const prop = linear ? 'traffic (linear stepPercent)' : 'traffic (canary percent)';
  const min = linear ? 3 : 0.1;
  const pct = traffic.stepPercent;
  if (pct !== undefined && !isUnresolved(pct)) {
    checkNumber(scope, pct, { prop, min, max: 100, integer: false, allowed: `a multiple of 0.1 from ${min} to 100` });
    if (Math.abs(Math.round(pct * 10) - pct * 10) > 1e-9) {
      throw new ConstructValidationError(scope, { prop, received: pct, allowed: `a multiple of 0.1 from ${min} to 100` });
    }
  }
  const stepProp = linear ? 'traffic (linear stepBakeTime)' : 'traffic (canary bakeTime)';
  const step = traffic.stepBakeTime;
  checkDuration(scope, step, { prop: stepProp, min: Duration.minutes(0), max: Duration.minutes(1440), allowed: 'whole minutes from 0 to 1440' });
  checkWholeMinutes(scope, stepProp, step);
  if (pct === undefined || step === undefined || isUnresolved(pct) || isUnresolved(step) || isUnresolved(bakeTime)) {
    return;
  }
  // CloudFormation's own check (AWS::ECS::Service LinearConfiguration / CanaryConfiguration)
  const steps = linear ? (100 % pct === 0 ? 100 / pct - 1 : Math.floor(100 / pct)) : 1;
  const total = bakeTime.toMinutes() + step.toMinutes() * steps;
  if (total > CFN_DEPLOYMENT_LIMIT.toMinutes()) {
    throw new ConstructValidationError(scope, {
      prop: 'traffic',
      received: `bakeTime ${bakeTime.toMinutes()} min + ${steps} step(s) × ${step.toMinutes()} min = ${total} minutes`,
      allowed: `at most ${CFN_DEPLOYMENT_LIMIT.toMinutes()} minutes (CloudFormation rejects longer linear or canary deployments; its operations time out after 36 hours)`,
    });
  }
}

/** Throws unless `value` is whole minutes; a token must be `Duration.minutes(<token>)` (ECS and CodeDeploy take minutes). */
export function checkWholeMinutes(scope: IConstruct, prop: string, value: Duration | undefined): void {
  if (value === undefined) {
    return;
  }
  if (isUnresolved(value)) {
    try {
      value.toMinutes();
    } catch {
      throw new ConstructValidationError(scope, {
        prop,
        received: 'a token in a unit other than minutes',
        allowed: 'a concrete duration, or Duration.minutes(<token>): the value is rendered in minutes and a token cannot be converted',
      });
    }
    return;
  }
  if (!Number.isInteger(value.toMinutes({ integral: false }))) {
    throw new ConstructValidationError(scope, { prop, received: value, allowed: 'whole minutes from 0 to 1440' });
  }
}
