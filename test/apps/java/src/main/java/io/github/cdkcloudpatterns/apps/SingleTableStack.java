package io.github.cdkcloudpatterns.apps;

import java.util.List;
import java.util.Map;

import io.github.cdkcloudpatterns.AccessPattern;
import io.github.cdkcloudpatterns.DeploymentStage;
import io.github.cdkcloudpatterns.PatternHandlers;
import io.github.cdkcloudpatterns.EntityDefinition;
import io.github.cdkcloudpatterns.EntityIndexKeys;
import io.github.cdkcloudpatterns.KeyCondition;
import io.github.cdkcloudpatterns.PowertoolsFunction;
import io.github.cdkcloudpatterns.SingleTable;
import io.github.cdkcloudpatterns.SortDirection;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.services.dynamodb.Attribute;
import software.amazon.awscdk.services.dynamodb.AttributeType;
import software.amazon.awscdk.services.dynamodb.GlobalSecondaryIndexProps;

/** test/reference-app/stacks/single-table.ts (and test/single-table/model.ts) in Java. */
final class SingleTableStack implements ReferenceApp.StackSpec {
    static final GlobalSecondaryIndexProps GSI1 = GlobalSecondaryIndexProps.builder()
            .indexName("GSI1")
            .partitionKey(Attribute.builder().name("GSI1PK").type(AttributeType.STRING).build())
            .sortKey(Attribute.builder().name("GSI1SK").type(AttributeType.STRING).build())
            .build();

    static final List<EntityDefinition> ENTITIES = List.of(
            EntityDefinition.builder().name("User").partitionKey("USER#{userId}").sortKey("PROFILE").build(),
            EntityDefinition.builder().name("Order").partitionKey("USER#{userId}").sortKey("ORDER#{orderId}")
                    .indexKeys(List.of(EntityIndexKeys.builder()
                            .indexName("GSI1").partitionKey("STATUS#{status}").sortKey("ORDER#{orderId}").build()))
                    .build(),
            EntityDefinition.builder().name("OrderMeta").partitionKey("ORDER#{orderId}").sortKey("META").build(),
            EntityDefinition.builder().name("OrderItem").partitionKey("ORDER#{orderId}").sortKey("ITEM#{itemId}").build());

    static final List<AccessPattern> ACCESS_PATTERNS = List.of(
            AccessPattern.builder().name("Get a user profile").partitionKey("USER#{userId}")
                    .sortKey(KeyCondition.equalTo("PROFILE")).build(),
            AccessPattern.builder().name("List a user's orders, newest first").partitionKey("USER#{userId}")
                    .sortKey(KeyCondition.beginsWith("ORDER#")).sortDirection(SortDirection.DESCENDING).build(),
            AccessPattern.builder().name("Get an order with its items").partitionKey("ORDER#{orderId}").build(),
            AccessPattern.builder().name("List orders by status, newest first").indexName("GSI1")
                    .partitionKey("STATUS#{status}").sortKey(KeyCondition.beginsWith("ORDER#"))
                    .sortDirection(SortDirection.DESCENDING).build());

    @Override
    public String name() {
        return "SingleTable";
    }

    @Override
    public void build(Stack stack, DeploymentStage stage) {
        SingleTable table = SingleTable.Builder.create(stack, "Orders")
                .stage(stage)
                .globalIndexes(List.of(GSI1))
                .entities(ENTITIES)
                .accessPatterns(ACCESS_PATTERNS)
                .build();
        PowertoolsFunction fn = PowertoolsFunction.Builder.create(stack, "OrdersHandler")
                .serviceName("orders")
                .code(PatternHandlers.ordersTable())
                .handler("index.handler")
                .environment(Map.of("TABLE_NAME", table.getTableName()))
                // the prebuilt bundle already contains Powertools
                .powertoolsLayerEnabled(false)
                .stage(stage)
                .build();
        table.grantReadWriteData(fn);
    }
}
