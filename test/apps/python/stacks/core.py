"""test/reference-app/stacks/core.ts in Python."""
import aws_cdk as cdk
from aws_cdk import Duration
from aws_cdk import aws_sqs as sqs
from cdk_cloud_patterns import AccessAnalyzer, CostAnomalyMonitor, DeploymentStage


def build_core(stack: cdk.Stack, stage: DeploymentStage) -> None:
    AccessAnalyzer(stack, "AccessAnalyzer")
    CostAnomalyMonitor(stack, "CostAnomalies", emails=["finops@example.com"])
    dlq = sqs.Queue(
        stack,
        "SmokeDlq",
        retention_period=Duration.days(14),
        encryption=sqs.QueueEncryption.SQS_MANAGED,
        enforce_ssl=True,
    )
    sqs.Queue(
        stack,
        "SmokeQueue",
        retention_period=Duration.days(4),
        encryption=sqs.QueueEncryption.SQS_MANAGED,
        enforce_ssl=True,
        dead_letter_queue=sqs.DeadLetterQueue(queue=dlq, max_receive_count=3),
    )
