"""test/platform-lib/test/platform-app.ts in Python, with the platform library's Python package."""
import aws_cdk as cdk
from acme_platform_constructs import AcmeTags
from aws_cdk import aws_sqs as sqs
from cdk_cloud_patterns import DeploymentStage


def build_platform(stack: cdk.Stack, stage: DeploymentStage) -> None:
    sqs.Queue(stack, "TeamQueue", encryption=sqs.QueueEncryption.SQS_MANAGED, enforce_ssl=True)
    AcmeTags.apply(stack, service="platform-lib", stage=stage)
