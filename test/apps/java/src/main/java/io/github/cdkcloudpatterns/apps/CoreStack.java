package io.github.cdkcloudpatterns.apps;

import java.util.List;

import io.github.cdkcloudpatterns.AccessAnalyzer;
import io.github.cdkcloudpatterns.CostAnomalyMonitor;
import io.github.cdkcloudpatterns.CostAnomalyMonitorProps;
import io.github.cdkcloudpatterns.DeploymentStage;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.services.sqs.DeadLetterQueue;
import software.amazon.awscdk.services.sqs.Queue;
import software.amazon.awscdk.services.sqs.QueueEncryption;

/** test/reference-app/stacks/core.ts in Java. */
final class CoreStack implements ReferenceApp.StackSpec {
    @Override
    public String name() {
        return "Core";
    }

    @Override
    public void build(Stack stack, DeploymentStage stage) {
        new AccessAnalyzer(stack, "AccessAnalyzer");
        new CostAnomalyMonitor(stack, "CostAnomalies", CostAnomalyMonitorProps.builder()
                .emails(List.of("finops@example.com"))
                .build());
        Queue dlq = Queue.Builder.create(stack, "SmokeDlq")
                .retentionPeriod(Duration.days(14))
                .encryption(QueueEncryption.SQS_MANAGED)
                .enforceSsl(true)
                .build();
        Queue.Builder.create(stack, "SmokeQueue")
                .retentionPeriod(Duration.days(4))
                .encryption(QueueEncryption.SQS_MANAGED)
                .enforceSsl(true)
                .deadLetterQueue(DeadLetterQueue.builder().queue(dlq).maxReceiveCount(3).build())
                .build();
    }
}
