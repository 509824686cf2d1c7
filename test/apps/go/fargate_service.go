package main

import (
	"github.com/aws/aws-cdk-go/awscdk/v2"
	"github.com/aws/aws-cdk-go/awscdk/v2/awscertificatemanager"
	"github.com/aws/aws-cdk-go/awscdk/v2/awsecs"
	"github.com/aws/aws-cdk-go/awscdk/v2/awskms"
	"github.com/aws/aws-cdk-go/awscdk/v2/awswafv2"
	"github.com/aws/jsii-runtime-go"
	"github.com/cdk-cloud-patterns/cdk-cloud-patterns-go/cdkcloudpatterns"
)

// referenceCertificateArn is the certificate of the reference stacks (imported: nothing is deployed).
const referenceCertificateArn = "arn:aws:acm:us-east-1:123456789012:certificate/11111111-2222-3333-4444-555555555555"

// referenceImage is the image both reference services run.
const referenceImage = "public.ecr.aws/nginx/nginx:1.27"

func certificate(stack awscdk.Stack) awscertificatemanager.ICertificate {
	return awscertificatemanager.Certificate_FromCertificateArn(stack, jsii.String("Certificate"), jsii.String(referenceCertificateArn))
}

// referenceWebAcl is a regional web ACL with AWS's common rule set, for the regulated variant (WebAclArn).
func referenceWebAcl(stack awscdk.Stack, key awskms.IKey, stage cdkcloudpatterns.DeploymentStage) awswafv2.CfnWebACL {
	acl := awswafv2.NewCfnWebACL(stack, jsii.String("WebAcl"), &awswafv2.CfnWebACLProps{
		Scope:         jsii.String("REGIONAL"),
		DefaultAction: &awswafv2.CfnWebACL_DefaultActionProperty{Allow: &awswafv2.CfnWebACL_AllowActionProperty{}},
		VisibilityConfig: &awswafv2.CfnWebACL_VisibilityConfigProperty{
			CloudWatchMetricsEnabled: jsii.Bool(true),
			MetricName:               jsii.String("api"),
			SampledRequestsEnabled:   jsii.Bool(true),
		},
		Rules: &[]interface{}{&awswafv2.CfnWebACL_RuleProperty{
			Name:           jsii.String("AWSManagedRulesCommonRuleSet"),
			Priority:       jsii.Number(0),
			OverrideAction: &awswafv2.CfnWebACL_OverrideActionProperty{None: &map[string]interface{}{}},
			Statement: &awswafv2.CfnWebACL_StatementProperty{
				ManagedRuleGroupStatement: &awswafv2.CfnWebACL_ManagedRuleGroupStatementProperty{
					VendorName: jsii.String("AWS"),
					Name:       jsii.String("AWSManagedRulesCommonRuleSet"),
				},
			},
			VisibilityConfig: &awswafv2.CfnWebACL_VisibilityConfigProperty{
				CloudWatchMetricsEnabled: jsii.Bool(true),
				MetricName:               jsii.String("common"),
				SampledRequestsEnabled:   jsii.Bool(true),
			},
		}},
	})
	// WAF logs to log groups whose name starts with aws-waf-logs-
	logs := cdkcloudpatterns.NewStageLogGroup(stack, jsii.String("WebAclLogs"), &cdkcloudpatterns.StageLogGroupProps{
		Stage:         stage,
		EncryptionKey: key,
		LogGroupName:  jsii.String("aws-waf-logs-" + *stack.StackName()),
	})
	awswafv2.NewCfnLoggingConfiguration(stack, jsii.String("WebAclLogging"), &awswafv2.CfnLoggingConfigurationProps{
		ResourceArn:           acl.AttrArn(),
		LogDestinationConfigs: &[]interface{}{logs.LogGroupArn()},
	})
	return acl
}

// buildFargateService is the FargateService stack of test/reference-app/stacks/fargate-service.ts in Go:
// ECS-native blue/green (the default) and a certificate, every other prop at its default.
func buildFargateService(stack awscdk.Stack, stage cdkcloudpatterns.DeploymentStage) {
	cdkcloudpatterns.NewFargateBlueGreenService(stack, jsii.String("Api"), &cdkcloudpatterns.FargateBlueGreenServiceProps{
		Stage:         stage,
		Image:         awsecs.ContainerImage_FromRegistry(jsii.String(referenceImage), nil),
		ContainerPort: jsii.Number(80),
		Certificate:   certificate(stack),
	})
}

// buildFargateCodeDeploy is the FargateCodeDeploy stack of test/reference-app/stacks/fargate-service.ts
// in Go: the document's CodeDeploy variant, regulated (KMS-encrypted log groups and a WAF web ACL).
func buildFargateCodeDeploy(stack awscdk.Stack, stage cdkcloudpatterns.DeploymentStage) {
	key := awskms.NewKey(stack, jsii.String("LogsKey"), &awskms.KeyProps{
		EnableKeyRotation: jsii.Bool(true),
		Description:       jsii.String("Container and flow logs of the Api service"),
	})
	cdkcloudpatterns.NewFargateBlueGreenService(stack, jsii.String("Api"), &cdkcloudpatterns.FargateBlueGreenServiceProps{
		Stage:                stage,
		Image:                awsecs.ContainerImage_FromRegistry(jsii.String(referenceImage), nil),
		ContainerPort:        jsii.Number(80),
		Certificate:          certificate(stack),
		DeploymentController: cdkcloudpatterns.BlueGreenController_CODE_DEPLOY,
		LogsEncryptionKey:    key,
		WebAclArn:            referenceWebAcl(stack, key, stage).AttrArn(),
	})
}
