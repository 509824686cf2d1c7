"""test/reference-app/stacks/account-guardrails.ts in Python."""
import aws_cdk as cdk
from cdk_cloud_patterns import AccountGuardrails, DeploymentStage


def build_account_guardrails(stack: cdk.Stack, stage: DeploymentStage) -> None:
    AccountGuardrails(
        stack,
        "Guardrails",
        stage=stage,
        team="platform",
        service="reference-accountguardrails",
        alert_emails=["finops@example.com"],
        create_alert_topic=True,
        anomaly_threshold_percent=20,
        monthly_budget_usd=1000,
        fail_on_missing_tags=True,
    )
