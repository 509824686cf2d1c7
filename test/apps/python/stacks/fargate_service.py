"""test/reference-app/stacks/fargate-service.ts in Python: the FargateService and FargateCodeDeploy stacks."""
import aws_cdk as cdk
from aws_cdk import aws_certificatemanager as acm
from aws_cdk import aws_ecs as ecs
from aws_cdk import aws_kms as kms
from aws_cdk import aws_wafv2 as wafv2
from cdk_cloud_patterns import BlueGreenController, DeploymentStage, FargateBlueGreenService, StageLogGroup

# the certificate of the reference stacks (imported: nothing is deployed)
REFERENCE_CERTIFICATE_ARN = (
    "arn:aws:acm:us-east-1:123456789012:certificate/11111111-2222-3333-4444-555555555555"
)
# the image both reference services run
REFERENCE_IMAGE = "public.ecr.aws/nginx/nginx:1.27"


def certificate(stack: cdk.Stack) -> acm.ICertificate:
    return acm.Certificate.from_certificate_arn(stack, "Certificate", REFERENCE_CERTIFICATE_ARN)


def reference_web_acl(stack: cdk.Stack, key: kms.IKey, stage: DeploymentStage) -> wafv2.CfnWebACL:
    """A regional web ACL with AWS's common rule set, for the regulated variant (web_acl_arn)."""
    acl = wafv2.CfnWebACL(
        stack,
        "WebAcl",
        scope="REGIONAL",
        default_action=wafv2.CfnWebACL.DefaultActionProperty(allow={}),
        visibility_config=wafv2.CfnWebACL.VisibilityConfigProperty(
            cloud_watch_metrics_enabled=True, metric_name="api", sampled_requests_enabled=True
        ),
        rules=[
            wafv2.CfnWebACL.RuleProperty(
                name="AWSManagedRulesCommonRuleSet",
                priority=0,
                override_action=wafv2.CfnWebACL.OverrideActionProperty(none={}),
                statement=wafv2.CfnWebACL.StatementProperty(
                    managed_rule_group_statement=wafv2.CfnWebACL.ManagedRuleGroupStatementProperty(
                        vendor_name="AWS", name="AWSManagedRulesCommonRuleSet"
                    )
                ),
                visibility_config=wafv2.CfnWebACL.VisibilityConfigProperty(
                    cloud_watch_metrics_enabled=True, metric_name="common", sampled_requests_enabled=True
                ),
            )
        ],
    )
    # WAF logs to log groups whose name starts with aws-waf-logs-
    logs = StageLogGroup(
        stack, "WebAclLogs", stage=stage, encryption_key=key, log_group_name=f"aws-waf-logs-{stack.stack_name}"
    )
    wafv2.CfnLoggingConfiguration(
        stack, "WebAclLogging", resource_arn=acl.attr_arn, log_destination_configs=[logs.log_group_arn]
    )
    return acl


def reference_service(stack: cdk.Stack, id: str, stage: DeploymentStage, **props) -> FargateBlueGreenService:
    """The reference image on port 80 behind HTTPS with the reference certificate, and any other props."""
    return FargateBlueGreenService(
        stack,
        id,
        stage=stage,
        image=ecs.ContainerImage.from_registry(REFERENCE_IMAGE),
        container_port=80,
        certificate=certificate(stack),
        **props,
    )


def build_fargate_service(stack: cdk.Stack, stage: DeploymentStage) -> None:
    """ECS-native blue/green (the default) and a certificate: HTTPS with the redirect."""
    reference_service(stack, "Api", stage)


def build_fargate_code_deploy(stack: cdk.Stack, stage: DeploymentStage) -> None:
    """The document's CodeDeploy variant, regulated: KMS-encrypted log groups and a WAF web ACL."""
    key = kms.Key(stack, "LogsKey", enable_key_rotation=True, description="Container and flow logs of the Api service")
    reference_service(
        stack,
        "Api",
        stage,
        deployment_controller=BlueGreenController.CODE_DEPLOY,
        logs_encryption_key=key,
        web_acl_arn=reference_web_acl(stack, key, stage).attr_arn,
    )
