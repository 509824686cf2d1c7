package io.github.cdkcloudpatterns.apps;

import java.util.List;

import io.github.cdkcloudpatterns.DeploymentStage;
import io.github.cdkcloudpatterns.FargateBlueGreenService;
import io.github.cdkcloudpatterns.StageLogGroup;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.services.certificatemanager.Certificate;
import software.amazon.awscdk.services.certificatemanager.ICertificate;
import software.amazon.awscdk.services.ecs.ContainerImage;
import software.amazon.awscdk.services.kms.IKey;
import software.amazon.awscdk.services.wafv2.CfnLoggingConfiguration;
import software.amazon.awscdk.services.wafv2.CfnWebACL;

/**
 * test/reference-app/stacks/fargate-service.ts in Java: FargateBlueGreenService with ECS-native
 * blue/green (the default) and a certificate: HTTPS with the redirect, every other prop at its default.
 * The CodeDeploy variant is {@link FargateCodeDeployStack}; both use the helpers here.
 */
final class FargateServiceStack implements ReferenceApp.StackSpec {
    /** The certificate of the reference stacks (imported: nothing is deployed). */
    static final String REFERENCE_CERTIFICATE_ARN =
            "arn:aws:acm:us-east-1:123456789012:certificate/11111111-2222-3333-4444-555555555555";
    /** The image both reference services run. */
    static final String REFERENCE_IMAGE = "public.ecr.aws/nginx/nginx:1.27";

    static ICertificate certificate(Stack stack) {
        return Certificate.fromCertificateArn(stack, "Certificate", REFERENCE_CERTIFICATE_ARN);
    }

    /** A regional web ACL with AWS's common rule set, for the regulated variant (webAclArn). */
    static CfnWebACL referenceWebAcl(Stack stack, IKey key, DeploymentStage stage) {
        CfnWebACL acl = CfnWebACL.Builder.create(stack, "WebAcl")
                .scope("REGIONAL")
                .defaultAction(CfnWebACL.DefaultActionProperty.builder()
                        .allow(CfnWebACL.AllowActionProperty.builder().build())
                        .build())
                .visibilityConfig(CfnWebACL.VisibilityConfigProperty.builder()
                        .cloudWatchMetricsEnabled(true).metricName("api").sampledRequestsEnabled(true).build())
                .rules(List.of(CfnWebACL.RuleProperty.builder()
                        .name("AWSManagedRulesCommonRuleSet")
                        .priority(0)
                        .overrideAction(CfnWebACL.OverrideActionProperty.builder().none(java.util.Map.of()).build())
                        .statement(CfnWebACL.StatementProperty.builder()
                                .managedRuleGroupStatement(CfnWebACL.ManagedRuleGroupStatementProperty.builder()
                                        .vendorName("AWS").name("AWSManagedRulesCommonRuleSet").build())
                                .build())
                        .visibilityConfig(CfnWebACL.VisibilityConfigProperty.builder()
                                .cloudWatchMetricsEnabled(true).metricName("common").sampledRequestsEnabled(true).build())
                        .build()))
                .build();
        // WAF logs to log groups whose name starts with aws-waf-logs-
        StageLogGroup logs = StageLogGroup.Builder.create(stack, "WebAclLogs")
                .stage(stage)
                .encryptionKey(key)
                .logGroupName("aws-waf-logs-" + stack.getStackName())
                .build();
        CfnLoggingConfiguration.Builder.create(stack, "WebAclLogging")
                .resourceArn(acl.getAttrArn())
                .logDestinationConfigs(List.of(logs.getLogGroupArn()))
                .build();
        return acl;
    }

    @Override
    public String name() {
        return "FargateService";
    }

    @Override
    public void build(Stack stack, DeploymentStage stage) {
        FargateBlueGreenService.Builder.create(stack, "Api")
                .stage(stage)
                .image(ContainerImage.fromRegistry(REFERENCE_IMAGE))
                .containerPort(80)
                .certificate(certificate(stack))
                .build();
    }
}
