import { App, Stack } from 'aws-cdk-lib';
import {
  AwsSolutionsChecks,
  HIPAASecurityChecks,
  NIST80053R5Checks,
  PCIDSS321Checks,
  ServerlessChecks,
} from 'cdk-nag';
import { DeploymentStage } from '../../src';
import { applyAcknowledgements, REFERENCE_ENV } from '../reference-app/app';
import { powertoolsFunctionStack } from '../reference-app/stacks/powertools-function';

interface Violation { ruleName: string; severity: string }
interface Pack { validateScope(scope: Stack): { violations: Violation[] } }

const PACKS: Array<[string, () => Pack]> = [
  ['AwsSolutions', () => new AwsSolutionsChecks() as unknown as Pack],
  ['Serverless', () => new ServerlessChecks() as unknown as Pack],
  ['HIPAA Security', () => new HIPAASecurityChecks() as unknown as Pack],
  ['NIST 800-53 R5', () => new NIST80053R5Checks() as unknown as Pack],
  ['PCI DSS 3.2.1', () => new PCIDSS321Checks() as unknown as Pack],
];

function referenceStack(stage: DeploymentStage, acknowledged: boolean): Stack {
  const stack = new Stack(new App(), `Ref-${stage}`, { env: REFERENCE_ENV });
  powertoolsFunctionStack.build(stack, stage);
  if (acknowledged) {
    applyAcknowledgements(stack, powertoolsFunctionStack);
  }
  return stack;
}

function errors(pack: Pack, stack: Stack): string[] {
  return pack.validateScope(stack).violations.filter((v) => v.severity === 'error').map((v) => v.ruleName).sort();
}

describe.each([DeploymentStage.PROD, DeploymentStage.DEV])('reference PowertoolsFunction stack (%s)', (stage) => {
  test.each(PACKS)('%s reports 0 errors once the listed findings are acknowledged', (_name, pack) => {
    expect(errors(pack(), referenceStack(stage, true))).toEqual([]);
  });

  test('AwsSolutions and Serverless report only what is acknowledged, with no acknowledgement left unused', () => {
    const stack = referenceStack(stage, false);
    const raw = [...errors(new AwsSolutionsChecks() as unknown as Pack, stack), ...errors(new ServerlessChecks() as unknown as Pack, stack)];
    // the only findings: X-Ray's required wildcard, the DLQ without its own DLQ, the Python runtime
    expect([...new Set(raw)].sort()).toEqual([
      'AwsSolutions-IAM5[Resource::*]',
      'AwsSolutions-L1',
      'Serverless-LambdaLatestVersion',
      'Serverless-SQSRedrivePolicy',
    ]);
    expect(applyAcknowledgements(stack, powertoolsFunctionStack)).toHaveLength(powertoolsFunctionStack.acknowledgements.length);
  });
});
