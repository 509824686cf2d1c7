package main

import (
	"github.com/aws/aws-cdk-go/awscdk/v2"
	"github.com/aws/jsii-runtime-go"
	"github.com/cdk-cloud-patterns/cdk-cloud-patterns-go/cdkcloudpatterns"
)

// buildGitHubOidc is test/reference-app/stacks/github-oidc.ts in Go.
func buildGitHubOidc(stack awscdk.Stack, stage cdkcloudpatterns.DeploymentStage) {
	deploy := cdkcloudpatterns.NewGitHubOidcRole(stack, jsii.String("Deploy"), &cdkcloudpatterns.GitHubOidcRoleProps{
		Repository: jsii.String("myorg/myrepo"),
		Branches:   jsii.Strings("main"),
		Stage:      stage,
	})
	deploy.GrantCdkBootstrapRoles(nil)
	diff := cdkcloudpatterns.NewGitHubOidcRole(stack, jsii.String("Diff"), &cdkcloudpatterns.GitHubOidcRoleProps{
		Repository:   jsii.String("myorg/myrepo"),
		PullRequests: jsii.Bool(true),
		Stage:        stage,
	})
	diff.GrantCdkBootstrapRoles(&cdkcloudpatterns.CdkBootstrapRolesOptions{
		Roles: &[]cdkcloudpatterns.CdkBootstrapRole{cdkcloudpatterns.CdkBootstrapRole_LOOKUP},
	})
}
