/**
 * cdk-nag, all five packs, over a fresh app with only the minimal call (and with the options that
 * add resources: the created alert topic, its key, the budget): no finding at all, errors or warnings.
 */
import { App, Stack } from 'aws-cdk-lib';
import { AccountGuardrails, AccountGuardrailsProps } from '../../src';
import { RULE_PACKS, runRulePacks } from '../reference-app/analysis';

function findingsOf(props: AccountGuardrailsProps): string[] {
  const app = new App();
  const stack = new Stack(app, 'Fresh', { env: { account: '123456789012', region: 'us-east-1' } });
  new AccountGuardrails(stack, 'Guardrails', props);
  app.synth();
  return runRulePacks(stack).map((f) => `${f.pack} ${f.rule} (${f.severity}) at ${f.constructPath}`);
}

test('the five packs are the ones the reference app runs', () => {
  expect(RULE_PACKS.map((p) => p.name)).toEqual(['AwsSolutions', 'HIPAA', 'NIST-800-53-R5', 'PCI-DSS-3.2.1', 'Serverless']);
});

test('[IAM-4] [COST-5] [CDK-1] the minimal call has no finding in any of the five packs', () => {
  expect(findingsOf({ team: 'payments', alertEmails: ['ops@example.com'] })).toEqual([]);
});

test('[COST-5] the created alert topic, its key and the budget have no finding in any of the five packs', () => {
  expect(findingsOf({ team: 'payments', alertEmails: ['ops@example.com'], createAlertTopic: true, monthlyBudgetUsd: 1000 })).toEqual([]);
});
