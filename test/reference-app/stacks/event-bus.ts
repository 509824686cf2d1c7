import * as targets from 'aws-cdk-lib/aws-events-targets';
import { EventBusWithArchive, PatternHandlers, PowertoolsFunction } from '../../../src';
import { ReferenceStackSpec } from '../stack-spec';
import { functionAcknowledgements } from './powertools-function';

/** The detail of `OrderCreated` events, as JSON Schema Draft 4 (the apps in other languages use the same text). */
export const ORDER_CREATED_SCHEMA = JSON.stringify({
  $schema: 'http://json-schema.org/draft-04/schema#',
  title: 'OrderCreated',
  type: 'object',
  required: ['orderId', 'userId', 'amount'],
  properties: {
    orderId: { type: 'string', minLength: 1 },
    userId: { type: 'string', minLength: 1 },
    amount: { type: 'number', minimum: 0 },
  },
  additionalProperties: false,
});

/**
 * EventBusWithArchive with its defaults for the stage, and what the patterns document does with it:
 * the shipped order-events handler as a PowertoolsFunction behind an `OrderCreated` rule (its live
 * alias), allowed to publish to the bus; the document's daily cron schedule, publishing a
 * `DailyReportRequested` event to the bus; and the `OrderCreated` schema in the bus's registry.
 */
export const eventBusStack: ReferenceStackSpec = {
  name: 'EventBus',
  build: (stack, stage) => {
    const bus = new EventBusWithArchive(stack, 'AppBus', { stage });
    const fn = new PowertoolsFunction(stack, 'OrderEvents', {
      serviceName: 'order-events',
      code: PatternHandlers.orderEvents(),
      handler: PatternHandlers.HANDLER,
      environment: { EVENT_BUS_NAME: bus.eventBusName },
      // the prebuilt bundle already contains Powertools
      powertoolsLayerEnabled: false,
      stage,
    });
    bus.grantPutEventsTo(fn);
    bus.addRule('OrderCreated', {
      eventPattern: { source: ['com.example.orders'], detailType: ['OrderCreated'] },
      targets: [new targets.LambdaFunction(fn.liveAlias)],
    });
    bus.addSchedule('DailyReport', {
      expression: 'cron(0 8 * * ? *)',
      source: 'com.example.reports',
      detailType: 'DailyReportRequested',
    });
    bus.registerSchema('OrderCreatedSchema', {
      source: 'com.example.orders',
      detailType: 'OrderCreated',
      content: ORDER_CREATED_SCHEMA,
    });
  },
  acknowledgements: [
    ...functionAcknowledgements('OrderEvents'),
    ...['HIPAA.Security', 'NIST.800.53.R5', 'PCI.DSS.321'].map((pack) => ({
      path: 'AppBus/DailyReport/Role/DefaultPolicy/Resource',
      id: `${pack}-IAMNoInlinePolicy`,
      reason:
        'The schedule\'s role is used by this one schedule only; its CDK grant policy holds exactly events:PutEvents on this bus and ' +
        'sqs:SendMessage on the schedule\'s own dead-letter queue. A customer-managed policy would carry the same two statements.',
    })),
  ],
};
