import { AccountGuardrails } from '../../../src';
import { ReferenceStackSpec } from '../stack-spec';

/**
 * AccountGuardrails with the options that add resources: the encrypted alert topic (e-mails
 * subscribed to it, alerts IMMEDIATE), a percentage threshold, a monthly budget, and the tag check
 * failing synthesis. The minimal call is judged on its own in test/account-guardrails/rule-packs.test.ts.
 */
export const accountGuardrailsStack: ReferenceStackSpec = {
  name: 'AccountGuardrails',
  build: (stack, stage) => {
    new AccountGuardrails(stack, 'Guardrails', {
      stage,
      team: 'platform',
      service: 'reference-accountguardrails',
      alertEmails: ['finops@example.com'],
      createAlertTopic: true,
      anomalyThresholdPercent: 20,
      monthlyBudgetUsd: 1000,
      failOnMissingTags: true,
    });
  },
  acknowledgements: [],
};
