/**
 * A shipped EventBridge rule target (EVB-2): it receives `OrderCreated` events from the bus,
 * records them, and publishes an `OrderAccepted` event back to the bus named by `EVENT_BUS_NAME`
 * through the one publisher module (`lambda/shared/events.ts`).
 *
 * The EventBridge client and the Powertools Logger, Tracer and Metrics are created once, at module
 * scope (LAM-1). A publish that fails is thrown, so the invocation fails and EventBridge's retry
 * policy and the target's dead-letter queue take over: a failed event is never swallowed.
 */
import { MetricUnit } from '@aws-lambda-powertools/metrics';
import type { EventBridgeEvent } from 'aws-lambda';
import { publishEvents } from '../shared/events';
import { logger, metrics } from '../shared/powertools';

/** The detail of an `OrderCreated` event. */
export interface OrderCreated {
  readonly orderId: string;
  readonly userId?: string;
  readonly amount?: number;
}

/** The source of the events this handler publishes. */
export const SOURCE = 'com.example.orders';

export const handler = async (event: EventBridgeEvent<string, OrderCreated>): Promise<{ published: number }> => {
  metrics.captureColdStartMetric();
  logger.appendKeys({ eventId: event.id, detailType: event['detail-type'] });
  try {
    if (!event.detail?.orderId) {
      logger.warn('Event without orderId ignored', { source: event.source });
      return { published: 0 };
    }
    logger.info('Order event received', { orderId: event.detail.orderId, replayName: (event as { 'replay-name'?: string })['replay-name'] });
    const result = await publishEvents([{
      source: SOURCE,
      detailType: 'OrderAccepted',
      detail: { orderId: event.detail.orderId, userId: event.detail.userId, acceptedAt: new Date().toISOString() },
    }]);
    if (result.failed.length > 0) {
      metrics.addMetric('PublishFailed', MetricUnit.Count, result.failed.length);
      throw new Error(`${result.failed.length} event(s) not published: ${result.failed.map((f) => f.errorCode).join(', ')}`);
    }
    metrics.addMetric('OrderAccepted', MetricUnit.Count, 1);
    return { published: 1 };
  } finally {
    logger.removeKeys(['eventId', 'detailType']);
    metrics.publishStoredMetrics();
  }
};
