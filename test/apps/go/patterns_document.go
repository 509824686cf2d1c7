package main

import (
	"github.com/aws/aws-cdk-go/awscdk/v2"
	"github.com/aws/aws-cdk-go/awscdk/v2/awsecs"
	"github.com/aws/aws-cdk-go/awscdk/v2/awsiam"
	"github.com/aws/aws-cdk-go/awscdk/v2/awss3"
	"github.com/aws/aws-cdk-go/awscdk/v2/awssecretsmanager"
	"github.com/aws/jsii-runtime-go"
	"github.com/cdk-cloud-patterns/cdk-cloud-patterns-go/cdkcloudpatterns"
)

// buildPatternsDocument is test/reference-app/stacks/patterns-document.ts in Go: the whole patterns
// document as one stack.
func buildPatternsDocument(stack awscdk.Stack, stage cdkcloudpatterns.DeploymentStage) {
	table := cdkcloudpatterns.NewSingleTable(stack, jsii.String("Orders"), ordersModel(stage))
	bus := cdkcloudpatterns.NewEventBusWithArchive(stack, jsii.String("AppBus"), &cdkcloudpatterns.EventBusWithArchiveProps{Stage: stage})
	api := cdkcloudpatterns.NewPowertoolsFunction(stack, jsii.String("OrdersApi"), &cdkcloudpatterns.PowertoolsFunctionProps{
		ServiceName: jsii.String("orders"),
		Code:        cdkcloudpatterns.PatternHandlers_OrdersApi(),
		Handler:     cdkcloudpatterns.PatternHandlers_HANDLER(),
		Environment: &map[string]*string{"TABLE_NAME": table.TableName()},
		Stage:       stage,
	})
	// A Go map has no order, and the order of the variables is part of the function's version hash:
	// the second variable is added after the first, as TypeScript's object literal orders them.
	api.AddEnvironment(jsii.String("EVENT_BUS_NAME"), bus.EventBusName(), nil)
	table.GrantLeadingKeys(api, &cdkcloudpatterns.LeadingKeysGrantOptions{KeyPrefix: jsii.String("USER#")})
	bus.GrantPutEventsTo(api, nil)
	orderEvents := cdkcloudpatterns.NewPowertoolsFunction(stack, jsii.String("OrderEvents"), &cdkcloudpatterns.PowertoolsFunctionProps{
		ServiceName: jsii.String("order-events"),
		Code:        cdkcloudpatterns.PatternHandlers_OrderEvents(),
		Handler:     cdkcloudpatterns.PatternHandlers_HANDLER(),
		Stage:       stage,
	})
	routeOrderEvents(bus, orderEvents)
	uploads := cdkcloudpatterns.NewSecureBucket(stack, jsii.String("Uploads"), &cdkcloudpatterns.SecureBucketProps{
		Stage:              stage,
		Encryption:         awss3.BucketEncryption_KMS,
		CorsAllowedOrigins: jsii.Strings("https://app.example.com"),
	})
	cdkcloudpatterns.NewPresignedUrlIssuer(stack, jsii.String("UploadUrls"), &cdkcloudpatterns.PresignedUrlIssuerProps{
		Bucket: uploads,
		Stage:  stage,
	})
	dbSecret := awssecretsmanager.Secret_FromSecretNameV2(stack, jsii.String("DbSecret"), jsii.String("orders/db"))
	service := cdkcloudpatterns.NewFargateBlueGreenService(stack, jsii.String("Service"), &cdkcloudpatterns.FargateBlueGreenServiceProps{
		Stage:         stage,
		Image:         awsecs.ContainerImage_FromRegistry(jsii.String(referenceImage), nil),
		ContainerPort: jsii.Number(80),
		Certificate:   certificate(stack),
		Secrets:       &map[string]awsecs.Secret{"DB_PASSWORD": awsecs.Secret_FromSecretsManager(dbSecret, nil)},
	})
	awsiam.Grant_AddToPrincipal(&awsiam.GrantOnPrincipalOptions{
		Grantee:      service.TaskRole(),
		Actions:      jsii.Strings("s3:GetObject"),
		ResourceArns: &[]*string{uploads.ArnForObjects(jsii.String("uploads/*"))},
	})
	if key := uploads.EncryptionKey(); key != nil {
		key.GrantDecrypt(service.TaskRole())
	}
	cdkcloudpatterns.NewGitHubOidcRole(stack, jsii.String("Deploy"), &cdkcloudpatterns.GitHubOidcRoleProps{
		Repository: jsii.String("myorg/myrepo"),
		Branches:   jsii.Strings("main"),
		Stage:      stage,
	}).GrantCdkBootstrapRoles(nil)
	cdkcloudpatterns.NewAccountGuardrails(stack, jsii.String("Guardrails"), &cdkcloudpatterns.AccountGuardrailsProps{
		Stage:       stage,
		Team:        jsii.String("platform"),
		AlertEmails: jsii.Strings("finops@example.com"),
	})
}
