package io.github.cdkcloudpatterns.apps;

import io.github.cdkcloudpatterns.DeploymentStage;
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
        Queue dlq = Queue.Builder.create(stack, "SmokeDlq")
                .encryption(QueueEncryption.SQS_MANAGED)
                .enforceSsl(true)
                .build();
        Queue.Builder.create(stack, "SmokeQueue")
                .encryption(QueueEncryption.SQS_MANAGED)
                .enforceSsl(true)
                .deadLetterQueue(DeadLetterQueue.builder().queue(dlq).maxReceiveCount(3).build())
                .build();
    }
}
