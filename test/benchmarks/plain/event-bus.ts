import { Duration, RemovalPolicy, Stack, aws_events as events, aws_eventschemas as eventschemas } from 'aws-cdk-lib';
import { Construct } from 'constructs';
import { plainDeadLetterQueue } from './dead-letter-queue';

/**
 * EventBusWithArchive's checklist (EVB-1, 3, 4) in plain aws-cdk-lib: a custom bus with a
 * dead-letter queue (and its alarm), an archive of every event kept 30 days, and a schema registry.
 */
export function plainEventBus(scope: Construct, id: string): events.EventBus {
  // plain:start
  const bus = new events.EventBus(scope, id, { deadLetterQueue: plainDeadLetterQueue(scope, `${id}DeadLetterQueue`) });
  new events.Archive(scope, `${id}Archive`, {
    sourceEventBus: bus,
    eventPattern: { account: [Stack.of(scope).account] },
    retention: Duration.days(30),
  }).applyRemovalPolicy(RemovalPolicy.RETAIN);
  new eventschemas.CfnRegistry(scope, `${id}Schemas`, { description: `Schemas of the events on ${id}` });
  return bus;
  // plain:end
}
