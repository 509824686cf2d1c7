/**
 * cdk-nag over EventBusWithArchive: a fresh app with only the minimal call has no AwsSolutions and
 * no Serverless finding (errors or warnings); the EventBus stacks of the reference app (bus,
 * archive, a rule to a PowertoolsFunction, a schedule, a registered schema) have no finding left
 * under any of the five packs, with the stack file's acknowledgements applied.
 */
import { App, Stack } from 'aws-cdk-lib';
import { AwsSolutionsChecks, ServerlessChecks } from 'cdk-nag';
import { EventBusWithArchive } from '../../src';
import { runRulePacks } from '../reference-app/analysis';
import { buildReferenceApp } from '../reference-app/app';

function findings(stack: Stack, pack: { validateScope(s: Stack): { violations: any[] } }): string[] {
  return pack
    .validateScope(stack)
    .violations.flatMap((v) => v.violatingResources.map((r: any) => `${v.ruleName} at ${r.constructPath ?? r.resourceLogicalId}`));
}

describe('the minimal call', () => {
  let stack: Stack;
  beforeAll(() => {
    const app = new App();
    stack = new Stack(app, 'Minimal');
    new EventBusWithArchive(stack, 'AppBus');
    app.synth();
  });

  test('[EVB-1] AwsSolutions: no finding at all (errors or warnings)', () => {
    expect(findings(stack, new AwsSolutionsChecks())).toEqual([]);
  });

  test('[EVB-1] Serverless: no finding at all (errors or warnings)', () => {
    expect(findings(stack, new ServerlessChecks())).toEqual([]);
  });
});

describe('the reference app', () => {
  let stacks: Stack[];
  beforeAll(() => {
    // only this construct's stacks (both stages): the whole app is reference-app.test.ts's
    const ref = buildReferenceApp({ only: ['EventBus'] });
    ref.app.synth();
    stacks = ref.stacks.filter((s) => s.stackName.startsWith('CloudPatterns-EventBus-'));
  });

  test('the reference app has a prod and a dev EventBus stack', () => {
    expect(stacks.map((s) => s.stackName).sort()).toEqual(['CloudPatterns-EventBus-Dev', 'CloudPatterns-EventBus-Prod']);
  });

  test('[EVB-2] all five packs: no finding is left on the EventBus stacks', () => {
    for (const stack of stacks) {
      expect(runRulePacks(stack).map((f) => `${f.pack} ${f.rule} at ${f.constructPath}`)).toEqual([]);
    }
  });
});
