"""test/reference-app/stacks/patterns-document.ts in Python: the whole patterns document as one stack."""
import aws_cdk as cdk
from aws_cdk import aws_ecs as ecs
from aws_cdk import aws_iam as iam
from aws_cdk import aws_s3 as s3
from aws_cdk import aws_secretsmanager as secretsmanager
from cdk_cloud_patterns import (
    AccountGuardrails,
    DeploymentStage,
    EventBusWithArchive,
    GitHubOidcRole,
    PatternHandlers,
    PowertoolsFunction,
    PresignedUrlIssuer,
    SecureBucket,
    SingleTable,
)

from .event_bus import route_order_events
from .fargate_service import reference_service
from .single_table import ACCESS_PATTERNS, ENTITIES, GSI1


def build_patterns_document(stack: cdk.Stack, stage: DeploymentStage) -> None:
    table = SingleTable(
        stack, "Orders", stage=stage, global_indexes=[GSI1], entities=ENTITIES, access_patterns=ACCESS_PATTERNS
    )
    bus = EventBusWithArchive(stack, "AppBus", stage=stage)
    api = PowertoolsFunction(
        stack,
        "OrdersApi",
        service_name="orders",
        code=PatternHandlers.orders_api(),
        handler=PatternHandlers.HANDLER,
        environment={"TABLE_NAME": table.table_name, "EVENT_BUS_NAME": bus.event_bus_name},
        stage=stage,
    )
    table.grant_leading_keys(api, key_prefix="USER#")
    bus.grant_put_events_to(api)
    order_events = PowertoolsFunction(
        stack,
        "OrderEvents",
        service_name="order-events",
        code=PatternHandlers.order_events(),
        handler=PatternHandlers.HANDLER,
        stage=stage,
    )
    route_order_events(bus, order_events)
    uploads = SecureBucket(
        stack,
        "Uploads",
        stage=stage,
        encryption=s3.BucketEncryption.KMS,
        cors_allowed_origins=["https://app.example.com"],
    )
    PresignedUrlIssuer(stack, "UploadUrls", bucket=uploads, stage=stage)
    db_secret = secretsmanager.Secret.from_secret_name_v2(stack, "DbSecret", "orders/db")
    service = reference_service(
        stack, "Service", stage, secrets={"DB_PASSWORD": ecs.Secret.from_secrets_manager(db_secret)}
    )
    iam.Grant.add_to_principal(
        grantee=service.task_role, actions=["s3:GetObject"], resource_arns=[uploads.arn_for_objects("uploads/*")]
    )
    if uploads.encryption_key is not None:
        uploads.encryption_key.grant_decrypt(service.task_role)
    GitHubOidcRole(stack, "Deploy", repository="myorg/myrepo", branches=["main"], stage=stage).grant_cdk_bootstrap_roles()
    AccountGuardrails(stack, "Guardrails", stage=stage, team="platform", alert_emails=["finops@example.com"])
