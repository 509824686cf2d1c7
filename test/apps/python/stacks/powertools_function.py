"""test/reference-app/stacks/powertools-function.ts in Python."""
import aws_cdk as cdk
from aws_cdk import aws_lambda as lambda_
from cdk_cloud_patterns import DeploymentStage, PowertoolsFunction

from cdk_cloud_patterns import PatternHandlers

PYTHON_HANDLER = "\n".join([
    "from aws_lambda_powertools import Logger, Metrics",
    "logger = Logger()",
    "metrics = Metrics()",
    "",
    "@metrics.log_metrics(capture_cold_start_metric=True)",
    "def handler(event, context):",
    '    logger.info("Processing order")',
    '    return {"statusCode": 200}',
    "",
])


def build_powertools_function(stack: cdk.Stack, stage: DeploymentStage) -> None:
    PowertoolsFunction(
        stack,
        "OrdersApi",
        service_name="orders",
        code=PatternHandlers.orders_api(),
        handler="index.handler",
        environment={"TABLE_NAME": "orders"},
        stage=stage,
    )
    PowertoolsFunction(
        stack,
        "OrdersPython",
        service_name="orders-py",
        runtime=lambda_.Runtime.PYTHON_3_14,
        code=lambda_.Code.from_inline(PYTHON_HANDLER),
        handler="index.handler",
        stage=stage,
    )
