// Command goapp is the reference app, in Go: the same stacks, props, env and tags as
// test/reference-app/app.ts. It synthesizes into $CDK_OUTDIR; test/languages/ compares its
// templates with the TypeScript ones.
package main

import (
	"strings"

	"github.com/aws/aws-cdk-go/awscdk/v2"
	"github.com/aws/jsii-runtime-go"
	"github.com/cdk-cloud-patterns/cdk-cloud-patterns-go/cdkcloudpatterns"
)

// stackSpec is one stack of the reference app: the name gives CloudPatterns-<name>-<Prod|Dev>.
type stackSpec struct {
	name  string
	build func(stack awscdk.Stack, stage cdkcloudpatterns.DeploymentStage)
}

// referenceStacks is every stack of the reference app, in the order of test/reference-app/stacks/index.ts.
var referenceStacks = []stackSpec{
	{name: "Core", build: buildCore},
	{name: "FargateService", build: buildFargateService},
	{name: "FargateCodeDeploy", build: buildFargateCodeDeploy},
	{name: "PowertoolsFunction", build: buildPowertoolsFunction},
	{name: "SecureBucket", build: buildSecureBucket},
	{name: "SingleTable", build: buildSingleTable},
	{name: "EventBus", build: buildEventBus},
	{name: "AccountGuardrails", build: buildAccountGuardrails},
	{name: "GitHubOidc", build: buildGitHubOidc},
	{name: "PatternsDocument", build: buildPatternsDocument},
}

var referenceEnv = &awscdk.Environment{
	Account: jsii.String("123456789012"),
	Region:  jsii.String("us-east-1"),
}

var referenceStages = []cdkcloudpatterns.DeploymentStage{
	cdkcloudpatterns.DeploymentStage_PROD,
	cdkcloudpatterns.DeploymentStage_DEV,
}

func stackName(spec stackSpec, stage cdkcloudpatterns.DeploymentStage) string {
	suffix := "Dev"
	if stage == cdkcloudpatterns.DeploymentStage_PROD {
		suffix = "Prod"
	}
	return "CloudPatterns-" + spec.name + "-" + suffix
}

func main() {
	defer jsii.Close()
	app := awscdk.NewApp(nil)
	for _, stage := range referenceStages {
		for _, spec := range referenceStacks {
			stack := awscdk.NewStack(app, jsii.String(stackName(spec, stage)), &awscdk.StackProps{Env: referenceEnv})
			spec.build(stack, stage)
			cdkcloudpatterns.PatternTags_Apply(stack, &cdkcloudpatterns.PatternTagsProps{
				Team:    jsii.String("platform"),
				Service: jsii.String("reference-" + strings.ToLower(spec.name)),
				Stage:   stage,
			})
		}
	}
	cdkcloudpatterns.RequiredTagsCheck_AddTo(app, &cdkcloudpatterns.RequiredTagsCheckProps{FailOnMissing: jsii.Bool(true)})
	app.Synth(nil)
}
