import { Duration, RemovalPolicy, Stack, aws_events as events, aws_eventschemas as eventschemas, aws_iam as iam } from 'aws-cdk-lib';
import { Construct } from 'constructs';
import { plainDeadLetterQueue } from './dead-letter-queue';

/**
 * EventBusWithArchive's checklist (EVB-1, 3, 4) in plain aws-cdk-lib: a custom bus with a
 * dead-letter queue (and its alarm) that EventBridge may send to for this bus (aws-cdk-lib's
 * EventBus writes no such policy, so without it the failed events would be lost), an archive of
 * every event kept 30 days, and a schema registry.
 */
export function plainEventBus(scope: Construct, id: string): events.EventBus {
  // plain:start
  const deadLetterQueue = plainDeadLetterQueue(scope, `${id}DeadLetterQueue`);
  const bus = new events.EventBus(scope, id, { deadLetterQueue });
  deadLetterQueue.addToResourcePolicy(new iam.PolicyStatement({
    principals: [new iam.ServicePrincipal('events.amazonaws.com')],
    actions: ['sqs:SendMessage'],
    resources: [deadLetterQueue.queueArn],
    conditions: { ArnEquals: { 'aws:SourceArn': bus.eventBusArn } },
  }));
  new events.Archive(scope, `${id}Archive`, {
    sourceEventBus: bus,
    eventPattern: { account: [Stack.of(scope).account] },
    retention: Duration.days(30),
  }).applyRemovalPolicy(RemovalPolicy.RETAIN);
  new eventschemas.CfnRegistry(scope, `${id}Schemas`, { description: `Schemas of the events on ${id}` });
  return bus;
  // plain:end
}
