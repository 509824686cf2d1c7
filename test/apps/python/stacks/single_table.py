"""test/reference-app/stacks/single-table.ts (and test/single-table/model.ts) in Python."""
import aws_cdk as cdk
from aws_cdk import aws_dynamodb as dynamodb
from aws_cdk import aws_lambda as lambda_
from cdk_cloud_patterns import (
    AccessPattern,
    DeploymentStage,
    EntityDefinition,
    EntityIndexKeys,
    KeyCondition,
    PowertoolsFunction,
    SingleTable,
    SortDirection,
)

from cdk_cloud_patterns import PatternHandlers

GSI1 = dynamodb.GlobalSecondaryIndexProps(
    index_name="GSI1",
    partition_key=dynamodb.Attribute(name="GSI1PK", type=dynamodb.AttributeType.STRING),
    sort_key=dynamodb.Attribute(name="GSI1SK", type=dynamodb.AttributeType.STRING),
)

ENTITIES = [
    EntityDefinition(name="User", partition_key="USER#{userId}", sort_key="PROFILE"),
    EntityDefinition(
        name="Order",
        partition_key="USER#{userId}",
        sort_key="ORDER#{orderId}",
        index_keys=[EntityIndexKeys(index_name="GSI1", partition_key="STATUS#{status}", sort_key="ORDER#{orderId}")],
    ),
    EntityDefinition(name="OrderMeta", partition_key="ORDER#{orderId}", sort_key="META"),
    EntityDefinition(name="OrderItem", partition_key="ORDER#{orderId}", sort_key="ITEM#{itemId}"),
]

ACCESS_PATTERNS = [
    AccessPattern(name="Get a user profile", partition_key="USER#{userId}", sort_key=KeyCondition.equal_to("PROFILE")),
    AccessPattern(
        name="List a user's orders, newest first",
        partition_key="USER#{userId}",
        sort_key=KeyCondition.begins_with("ORDER#"),
        sort_direction=SortDirection.DESCENDING,
    ),
    AccessPattern(name="Get an order with its items", partition_key="ORDER#{orderId}"),
    AccessPattern(
        name="List orders by status, newest first",
        index_name="GSI1",
        partition_key="STATUS#{status}",
        sort_key=KeyCondition.begins_with("ORDER#"),
        sort_direction=SortDirection.DESCENDING,
    ),
]


def build_single_table(stack: cdk.Stack, stage: DeploymentStage) -> None:
    table = SingleTable(
        stack, "Orders", stage=stage, global_indexes=[GSI1], entities=ENTITIES, access_patterns=ACCESS_PATTERNS
    )
    fn = PowertoolsFunction(
        stack,
        "OrdersHandler",
        service_name="orders",
        code=PatternHandlers.orders_table(),
        handler="index.handler",
        environment={"TABLE_NAME": table.table_name},
        # the prebuilt bundle already contains Powertools
        powertools_layer_enabled=False,
        stage=stage,
    )
    table.grant_read_write_data(fn)
