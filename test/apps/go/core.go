package main

import (
	"github.com/aws/aws-cdk-go/awscdk/v2"
	"github.com/aws/aws-cdk-go/awscdk/v2/awssqs"
	"github.com/aws/jsii-runtime-go"
	"github.com/cdk-cloud-patterns/cdk-cloud-patterns-go/cdkcloudpatterns"
)

// buildCore is test/reference-app/stacks/core.ts in Go.
func buildCore(stack awscdk.Stack, _ cdkcloudpatterns.DeploymentStage) {
	cdkcloudpatterns.NewAccessAnalyzer(stack, jsii.String("AccessAnalyzer"), nil)
	cdkcloudpatterns.NewCostAnomalyMonitor(stack, jsii.String("CostAnomalies"), &cdkcloudpatterns.CostAnomalyMonitorProps{
		Emails: jsii.Strings("finops@example.com"),
	})
	dlq := awssqs.NewQueue(stack, jsii.String("SmokeDlq"), &awssqs.QueueProps{
		RetentionPeriod: awscdk.Duration_Days(jsii.Number(14)),
		Encryption:      awssqs.QueueEncryption_SQS_MANAGED,
		EnforceSSL:      jsii.Bool(true),
	})
	awssqs.NewQueue(stack, jsii.String("SmokeQueue"), &awssqs.QueueProps{
		RetentionPeriod: awscdk.Duration_Days(jsii.Number(4)),
		Encryption:      awssqs.QueueEncryption_SQS_MANAGED,
		EnforceSSL:      jsii.Bool(true),
		DeadLetterQueue: &awssqs.DeadLetterQueue{
			Queue:           dlq,
			MaxReceiveCount: jsii.Number(3),
		},
	})
}
