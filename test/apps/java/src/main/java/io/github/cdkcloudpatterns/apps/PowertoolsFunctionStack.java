package io.github.cdkcloudpatterns.apps;

import java.util.Map;

import io.github.cdkcloudpatterns.DeploymentStage;
import io.github.cdkcloudpatterns.PatternHandlers;
import io.github.cdkcloudpatterns.PowertoolsFunction;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.services.lambda.Code;
import software.amazon.awscdk.services.lambda.Runtime;

/** test/reference-app/stacks/powertools-function.ts in Java. */
final class PowertoolsFunctionStack implements ReferenceApp.StackSpec {
    static final String PYTHON_HANDLER = String.join("\n",
            "from aws_lambda_powertools import Logger, Metrics",
            "logger = Logger()",
            "metrics = Metrics()",
            "",
            "@metrics.log_metrics(capture_cold_start_metric=True)",
            "def handler(event, context):",
            "    logger.info(\"Processing order\")",
            "    return {\"statusCode\": 200}",
            "");

    @Override
    public String name() {
        return "PowertoolsFunction";
    }

    @Override
    public void build(Stack stack, DeploymentStage stage) {
        PowertoolsFunction.Builder.create(stack, "OrdersApi")
                .serviceName("orders")
                .code(PatternHandlers.ordersApi())
                .handler("index.handler")
                .environment(Map.of("TABLE_NAME", "orders"))
                .stage(stage)
                .build();
        PowertoolsFunction.Builder.create(stack, "OrdersPython")
                .serviceName("orders-py")
                .runtime(Runtime.PYTHON_3_14)
                .code(Code.fromInline(PYTHON_HANDLER))
                .handler("index.handler")
                .stage(stage)
                .build();
    }
}
