package io.github.cdkcloudpatterns.apps;

import java.util.List;

import io.github.cdkcloudpatterns.AccountGuardrails;
import io.github.cdkcloudpatterns.AccountGuardrailsProps;
import io.github.cdkcloudpatterns.DeploymentStage;
import software.amazon.awscdk.Stack;

/** test/reference-app/stacks/account-guardrails.ts in Java. */
final class AccountGuardrailsStack implements ReferenceApp.StackSpec {
    @Override
    public String name() {
        return "AccountGuardrails";
    }

    @Override
    public void build(Stack stack, DeploymentStage stage) {
        new AccountGuardrails(stack, "Guardrails", AccountGuardrailsProps.builder()
                .stage(stage)
                .team("platform")
                .service("reference-accountguardrails")
                .alertEmails(List.of("finops@example.com"))
                .createAlertTopic(true)
                .anomalyThresholdPercent(20)
                .monthlyBudgetUsd(1000)
                .failOnMissingTags(true)
                .build());
    }
}
