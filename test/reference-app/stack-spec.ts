import { Stack } from 'aws-cdk-lib';
import { Construct } from 'constructs';
import { DeploymentStage } from '../../src';

/**
 * One acknowledged rule-pack finding: a finding that no default can fix, acknowledged at the
 * narrowest construct with the reason. test/reference-app/README.md renders every entry (see `npx projen readme:acks`).
 */
export interface Acknowledgement {
  /** Path of the construct, relative to its stack, e.g. `Assets/LogBucket`. */
  readonly path: string;
  /** The rule id, with the finding suffix where the pack reports one: `AwsSolutions-IAM5[Resource::*]`. */
  readonly id: string;
  /** Why it cannot be fixed by a default, and what a user can do instead. */
  readonly reason: string;
}

/** One construct's stack in the reference app. */
export interface ReferenceStackSpec {
  /** Short name, used in the stack name `CloudPatterns-<name>-<stage>`. */
  readonly name: string;
  /** Builds the construct with its defaults (and the stage) into `stack`. */
  readonly build: (stack: Stack, stage: DeploymentStage) => void;
  /** Findings acknowledged in this stack; applied to both stages where the path exists. */
  readonly acknowledgements: Acknowledgement[];
}

/** The context every reference stack is built with. */
export interface ReferenceScope {
  readonly scope: Construct;
}
