"""test/reference-app/stacks/event-bus.ts in Python."""
import json

import aws_cdk as cdk
from aws_cdk import aws_events as events
from aws_cdk import aws_events_targets as targets
from cdk_cloud_patterns import DeploymentStage, EventBusWithArchive, PatternHandlers, PowertoolsFunction

# the detail of OrderCreated events, JSON Schema Draft 4; compact JSON, as TypeScript's JSON.stringify writes it
ORDER_CREATED_SCHEMA = json.dumps(
    {
        "$schema": "http://json-schema.org/draft-04/schema#",
        "title": "OrderCreated",
        "type": "object",
        "required": ["orderId", "userId", "amount"],
        "properties": {
            "orderId": {"type": "string", "minLength": 1},
            "userId": {"type": "string", "minLength": 1},
            "amount": {"type": "number", "minimum": 0},
        },
        "additionalProperties": False,
    },
    separators=(",", ":"),
)


def build_event_bus(stack: cdk.Stack, stage: DeploymentStage) -> None:
    bus = EventBusWithArchive(stack, "AppBus", stage=stage)
    fn = PowertoolsFunction(
        stack,
        "OrderEvents",
        service_name="order-events",
        code=PatternHandlers.order_events(),
        handler=PatternHandlers.HANDLER,
        environment={"EVENT_BUS_NAME": bus.event_bus_name},
        # the prebuilt bundle already contains Powertools
        powertools_layer_enabled=False,
        stage=stage,
    )
    bus.grant_put_events_to(fn)
    route_order_events(bus, fn)
    bus.register_schema(
        "OrderCreatedSchema",
        source="com.example.orders",
        detail_type="OrderCreated",
        content=ORDER_CREATED_SCHEMA,
    )


def route_order_events(bus: EventBusWithArchive, fn: PowertoolsFunction) -> None:
    """What the patterns document routes through the bus: the OrderCreated rule to fn's live alias and
    the daily report schedule (the EventBus and PatternsDocument stacks share it)."""
    bus.add_rule(
        "OrderCreated",
        event_pattern=events.EventPattern(source=["com.example.orders"], detail_type=["OrderCreated"]),
        targets=[targets.LambdaFunction(fn.live_alias)],
    )
    bus.add_schedule(
        "DailyReport",
        expression="cron(0 8 * * ? *)",
        source="com.example.reports",
        detail_type="DailyReportRequested",
    )
