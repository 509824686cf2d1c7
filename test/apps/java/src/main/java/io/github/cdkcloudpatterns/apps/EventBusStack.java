package io.github.cdkcloudpatterns.apps;

import java.util.List;
import java.util.Map;

import io.github.cdkcloudpatterns.DeploymentStage;
import io.github.cdkcloudpatterns.EventBusRuleOptions;
import io.github.cdkcloudpatterns.EventBusScheduleOptions;
import io.github.cdkcloudpatterns.EventBusWithArchive;
import io.github.cdkcloudpatterns.EventSchemaOptions;
import io.github.cdkcloudpatterns.PatternHandlers;
import io.github.cdkcloudpatterns.PowertoolsFunction;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.services.events.EventPattern;
import software.amazon.awscdk.services.events.targets.LambdaFunction;

/** test/reference-app/stacks/event-bus.ts in Java. */
final class EventBusStack implements ReferenceApp.StackSpec {
    /** The detail of OrderCreated events, JSON Schema Draft 4 (the text TypeScript's JSON.stringify writes). */
    static final String ORDER_CREATED_SCHEMA = "{\"$schema\":\"http://json-schema.org/draft-04/schema#\",\"title\":\"OrderCreated\",\"type\":\"object\",\"required\":[\"orderId\",\"userId\",\"amount\"],\"properties\":{\"orderId\":{\"type\":\"string\",\"minLength\":1},\"userId\":{\"type\":\"string\",\"minLength\":1},\"amount\":{\"type\":\"number\",\"minimum\":0}},\"additionalProperties\":false}";

    /**
     * What the patterns document routes through the bus: the OrderCreated rule to fn's live alias and the
     * daily report schedule (the EventBus and PatternsDocument stacks share it).
     */
    static void routeOrderEvents(EventBusWithArchive bus, PowertoolsFunction fn) {
        bus.addRule("OrderCreated", EventBusRuleOptions.builder()
                .eventPattern(EventPattern.builder()
                        .source(List.of("com.example.orders"))
                        .detailType(List.of("OrderCreated"))
                        .build())
                .targets(List.of(new LambdaFunction(fn.getLiveAlias())))
                .build());
        bus.addSchedule("DailyReport", EventBusScheduleOptions.builder()
                .expression("cron(0 8 * * ? *)")
                .source("com.example.reports")
                .detailType("DailyReportRequested")
                .build());
    }

    @Override
    public String name() {
        return "EventBus";
    }

    @Override
    public void build(Stack stack, DeploymentStage stage) {
        EventBusWithArchive bus = EventBusWithArchive.Builder.create(stack, "AppBus").stage(stage).build();
        PowertoolsFunction fn = PowertoolsFunction.Builder.create(stack, "OrderEvents")
                .serviceName("order-events")
                .code(PatternHandlers.orderEvents())
                .handler(PatternHandlers.HANDLER)
                .environment(Map.of("EVENT_BUS_NAME", bus.getEventBusName()))
                // the prebuilt bundle already contains Powertools
                .powertoolsLayerEnabled(false)
                .stage(stage)
                .build();
        bus.grantPutEventsTo(fn);
        routeOrderEvents(bus, fn);
        bus.registerSchema("OrderCreatedSchema", EventSchemaOptions.builder()
                .source("com.example.orders")
                .detailType("OrderCreated")
                .content(ORDER_CREATED_SCHEMA)
                .build());
    }
}
