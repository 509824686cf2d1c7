package main

import (
	"strings"

	"github.com/aws/aws-cdk-go/awscdk/v2"
	"github.com/aws/aws-cdk-go/awscdk/v2/awslambda"
	"github.com/aws/jsii-runtime-go"
	"github.com/cdk-cloud-patterns/cdk-cloud-patterns-go/cdkcloudpatterns"
)

var pythonHandler = strings.Join([]string{
	"from aws_lambda_powertools import Logger, Metrics",
	"logger = Logger()",
	"metrics = Metrics()",
	"",
	"@metrics.log_metrics(capture_cold_start_metric=True)",
	"def handler(event, context):",
	`    logger.info("Processing order")`,
	`    return {"statusCode": 200}`,
	"",
}, "\n")

// buildPowertoolsFunction is test/reference-app/stacks/powertools-function.ts in Go.
func buildPowertoolsFunction(stack awscdk.Stack, stage cdkcloudpatterns.DeploymentStage) {
	cdkcloudpatterns.NewPowertoolsFunction(stack, jsii.String("OrdersApi"), &cdkcloudpatterns.PowertoolsFunctionProps{
		ServiceName: jsii.String("orders"),
		Code:        cdkcloudpatterns.PatternHandlers_OrdersApi(),
		Handler:     jsii.String("index.handler"),
		Environment: &map[string]*string{"TABLE_NAME": jsii.String("orders")},
		Stage:       stage,
	})
	cdkcloudpatterns.NewPowertoolsFunction(stack, jsii.String("OrdersPython"), &cdkcloudpatterns.PowertoolsFunctionProps{
		ServiceName: jsii.String("orders-py"),
		Runtime:     awslambda.Runtime_PYTHON_3_14(),
		Code:        awslambda.Code_FromInline(jsii.String(pythonHandler)),
		Handler:     jsii.String("index.handler"),
		Stage:       stage,
	})
}
