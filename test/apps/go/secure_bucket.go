package main

import (
	"github.com/aws/aws-cdk-go/awscdk/v2"
	"github.com/aws/aws-cdk-go/awscdk/v2/awss3"
	"github.com/aws/jsii-runtime-go"
	"github.com/cdk-cloud-patterns/cdk-cloud-patterns-go/cdkcloudpatterns"
)

// buildSecureBucket is test/reference-app/stacks/secure-bucket.ts in Go.
func buildSecureBucket(stack awscdk.Stack, stage cdkcloudpatterns.DeploymentStage) {
	cdkcloudpatterns.NewSecureBucket(stack, jsii.String("Assets"), &cdkcloudpatterns.SecureBucketProps{Stage: stage})
	origins := jsii.Strings("https://app.example.com")
	if stage == cdkcloudpatterns.DeploymentStage_DEV {
		origins = jsii.Strings("https://app.example.com", "http://localhost:5173")
	}
	uploads := cdkcloudpatterns.NewSecureBucket(stack, jsii.String("Uploads"), &cdkcloudpatterns.SecureBucketProps{
		Stage:              stage,
		Encryption:         awss3.BucketEncryption_KMS,
		CorsAllowedOrigins: origins,
	})
	cdkcloudpatterns.NewPresignedUrlIssuer(stack, jsii.String("UploadUrls"), &cdkcloudpatterns.PresignedUrlIssuerProps{
		Bucket: uploads,
		Stage:  stage,
	})
}
