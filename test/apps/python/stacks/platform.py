"""test/platform-lib/test/platform-app.ts in Python, with the platform library's Python package."""
import aws_cdk as cdk
from acme_platform_constructs import AcmeBucket, AcmeFunction, AcmeTable, AcmeTags
from aws_cdk import aws_lambda as lambda_
from aws_cdk import aws_sqs as sqs
from cdk_cloud_patterns import AccessPattern, DeploymentStage, EntityDefinition

TEAM_HANDLER = "exports.handler = async () => ({ statusCode: 200 });"


def build_platform(stack: cdk.Stack, stage: DeploymentStage) -> None:
    sqs.Queue(stack, "TeamQueue", encryption=sqs.QueueEncryption.SQS_MANAGED, enforce_ssl=True)
    AcmeFunction(
        stack,
        "TeamFunction",
        service_name="team-api",
        code=lambda_.Code.from_inline(TEAM_HANDLER),
        handler="index.handler",
        stage=stage,
    )
    AcmeBucket(stack, "TeamBucket", stage=stage)
    AcmeTable(
        stack,
        "TeamTable",
        stage=stage,
        entities=[EntityDefinition(name="Team", partition_key="TEAM#{teamId}", sort_key="PROFILE")],
        access_patterns=[AccessPattern(name="Get a team", partition_key="TEAM#{teamId}")],
    )
    AcmeTags.apply(stack, service="platform-lib", stage=stage)
