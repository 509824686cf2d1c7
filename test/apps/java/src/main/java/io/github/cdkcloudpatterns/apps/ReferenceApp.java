package io.github.cdkcloudpatterns.apps;

import java.util.List;

import io.github.cdkcloudpatterns.DeploymentStage;
import io.github.cdkcloudpatterns.PatternTags;
import io.github.cdkcloudpatterns.PatternTagsProps;
import io.github.cdkcloudpatterns.RequiredTagsCheck;
import io.github.cdkcloudpatterns.RequiredTagsCheckProps;
import software.amazon.awscdk.App;
import software.amazon.awscdk.Environment;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.StackProps;

/**
 * The reference app, in Java: the same stacks, props, env and tags as test/reference-app/app.ts.
 * Synthesizes into $CDK_OUTDIR; test/languages/ compares its templates with the TypeScript ones.
 */
public final class ReferenceApp {
    static final Environment REFERENCE_ENV = Environment.builder()
            .account("123456789012")
            .region("us-east-1")
            .build();
    static final List<DeploymentStage> REFERENCE_STAGES = List.of(DeploymentStage.PROD, DeploymentStage.DEV);

    /** One stack of the reference app: the name gives CloudPatterns-&lt;name&gt;-&lt;Prod|Dev&gt;. */
    interface StackSpec {
        String name();

        void build(Stack stack, DeploymentStage stage);
    }

    /** Every stack of the reference app, in the order of test/reference-app/stacks/index.ts. */
    static final List<StackSpec> REFERENCE_STACKS = List.of(
            new CoreStack(),
            new FargateServiceStack(),
            new FargateCodeDeployStack(),
            new PowertoolsFunctionStack(),
            new SecureBucketStack(),
            new SingleTableStack(),
            new EventBusStack(),
            new AccountGuardrailsStack(),
            new GitHubOidcStack(),
            new PatternsDocumentStack());

    static String stackName(StackSpec spec, DeploymentStage stage) {
        return "CloudPatterns-" + spec.name() + "-" + (stage == DeploymentStage.PROD ? "Prod" : "Dev");
    }

    public static void main(final String[] args) {
        App app = new App();
        for (DeploymentStage stage : REFERENCE_STAGES) {
            for (StackSpec spec : REFERENCE_STACKS) {
                Stack stack = new Stack(app, stackName(spec, stage), StackProps.builder().env(REFERENCE_ENV).build());
                spec.build(stack, stage);
                PatternTags.apply(stack, PatternTagsProps.builder()
                        .team("platform")
                        .service("reference-" + spec.name().toLowerCase())
                        .stage(stage)
                        .build());
            }
        }
        RequiredTagsCheck.addTo(app, RequiredTagsCheckProps.builder().failOnMissing(true).build());
        app.synth();
    }

    private ReferenceApp() {
    }
}
