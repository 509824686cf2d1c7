"""test/reference-app/stacks/core.ts in Python."""
import aws_cdk as cdk
from aws_cdk import aws_sqs as sqs
from cdk_cloud_patterns import DeploymentStage


def build_core(stack: cdk.Stack, stage: DeploymentStage) -> None:
    dlq = sqs.Queue(stack, "SmokeDlq", encryption=sqs.QueueEncryption.SQS_MANAGED, enforce_ssl=True)
    sqs.Queue(
        stack,
        "SmokeQueue",
        encryption=sqs.QueueEncryption.SQS_MANAGED,
        enforce_ssl=True,
        dead_letter_queue=sqs.DeadLetterQueue(queue=dlq, max_receive_count=3),
    )
