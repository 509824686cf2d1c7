package main

import (
	"github.com/aws/aws-cdk-go/awscdk/v2"
	"github.com/aws/jsii-runtime-go"
	"github.com/cdk-cloud-patterns/cdk-cloud-patterns-go/cdkcloudpatterns"
)

// buildAccountGuardrails is test/reference-app/stacks/account-guardrails.ts in Go.
func buildAccountGuardrails(stack awscdk.Stack, stage cdkcloudpatterns.DeploymentStage) {
	cdkcloudpatterns.NewAccountGuardrails(stack, jsii.String("Guardrails"), &cdkcloudpatterns.AccountGuardrailsProps{
		Stage:                   stage,
		Team:                    jsii.String("platform"),
		Service:                 jsii.String("reference-accountguardrails"),
		AlertEmails:             jsii.Strings("finops@example.com"),
		CreateAlertTopic:        jsii.Bool(true),
		AnomalyThresholdPercent: jsii.Number(20),
		MonthlyBudgetUsd:        jsii.Number(1000),
		FailOnMissingTags:       jsii.Bool(true),
	})
}
