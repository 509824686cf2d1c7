import { App, Stack } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import {
  AwsSolutionsChecks,
  HIPAASecurityChecks,
  NIST80053R5Checks,
  PCIDSS321Checks,
  ServerlessChecks,
} from 'cdk-nag';
import { DeploymentStage, PowertoolsFunction } from '../../src';
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
    // the construct acknowledges X-Ray's wildcard, the DLQ without a DLQ and python3.14 (the newest
    // runtime the Python layer supports, while aws-cdk-lib lists python3.15) itself: nothing is left
    expect([...new Set(raw)].sort()).toEqual([]);
    expect(applyAcknowledgements(stack, powertoolsFunctionStack)).toHaveLength(powertoolsFunctionStack.acknowledgements.length);
  });
});

describe('what the construct acknowledges itself (DESIGN.md §9)', () => {
  function minimal(): { stack: Stack; fn: PowertoolsFunction } {
    const stack = new Stack(new App(), 'Minimal', { env: REFERENCE_ENV });
    const fn = new PowertoolsFunction(stack, 'Fn', {
      serviceName: 'orders',
      code: lambda.Code.fromInline('exports.handler = async () => ({ statusCode: 200 });'),
      handler: 'index.handler',
    });
    return { stack, fn };
  }

  test('[LAM-2] the minimal call has no AwsSolutions and no Serverless finding, with no acknowledgement of the user', () => {
    const { stack } = minimal();
    expect(errors(new AwsSolutionsChecks() as unknown as Pack, stack)).toEqual([]);
    expect(errors(new ServerlessChecks() as unknown as Pack, stack)).toEqual([]);
  });

  test('[IAM-1] a wildcard the user adds through the role is still reported (only X-Ray\'s own policy is acknowledged)', () => {
    const { stack, fn } = minimal();
    fn.addToRolePolicy(new iam.PolicyStatement({ actions: ['s3:GetObject'], resources: ['*'] }));
    type Located = Violation & { violatingResources: Array<{ constructPath: string }> };
    const violations = (new AwsSolutionsChecks() as unknown as Pack).validateScope(stack).violations as Located[];
    const iam5 = violations.filter((v) => v.ruleName === 'AwsSolutions-IAM5[Resource::*]');
    expect(iam5.flatMap((v) => v.violatingResources.map((r) => r.constructPath))).toEqual(['Minimal/Fn/ServiceRole/DefaultPolicy/Resource']);
  });
});
