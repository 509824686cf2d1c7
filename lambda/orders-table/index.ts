/**
 * The orders handler SingleTable's reference stack deploys: the patterns document's DynamoDB code
 * (see ./orders.ts) behind one Lambda entry point, with the shared Powertools module.
 *
 * Environment: TABLE_NAME (the SingleTable). The SDK client is created once, at module scope, and
 * honours the SDK's standard endpoint variable AWS_ENDPOINT_URL_DYNAMODB (tests point it at moto).
 *
 * Events:
 *   { "action": "createUser",  "userId": "u1", "email": "a@example.com" }   → 201, or 409 if it exists
 *   { "action": "createOrder", "userId": "u1", "orderId": "01J…" }          → 201, or 409 / 404 (nothing written)
 *   { "action": "listOrders",  "userId": "u1", "limit": 20 }                → 200 with orders, newest first
 */
import { MetricUnit } from '@aws-lambda-powertools/metrics';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { createOrder, createOrderConflicts, createUserProfile, isConditionFailure, listOrdersNewestFirst } from './orders';
import { logger, metrics, tracer } from '../shared/powertools';

const TABLE = process.env.TABLE_NAME ?? '';
const ddb = DynamoDBDocumentClient.from(tracer.captureAWSv3Client(new DynamoDBClient({})));

export interface OrdersEvent {
  readonly action: 'createUser' | 'createOrder' | 'listOrders';
  readonly userId: string;
  readonly email?: string;
  readonly orderId?: string;
  readonly limit?: number;
}

export interface OrdersResult {
  readonly statusCode: number;
  readonly body: Record<string, unknown>;
}

export const handler = async (event: OrdersEvent): Promise<OrdersResult> => {
  try {
    if (!TABLE) throw new Error('TABLE_NAME is not set');
    if (!event?.userId) return { statusCode: 400, body: { message: 'userId is required' } };
    switch (event.action) {
      case 'createUser':
        if (!event.email) return { statusCode: 400, body: { message: 'email is required' } };
        await createUserProfile(ddb, TABLE, { userId: event.userId, email: event.email });
        metrics.addMetric('UserCreated', MetricUnit.Count, 1);
        return { statusCode: 201, body: { userId: event.userId } };
      case 'createOrder':
        if (!event.orderId) return { statusCode: 400, body: { message: 'orderId is required' } };
        await createOrder(ddb, TABLE, event.userId, event.orderId);
        metrics.addMetric('OrderCreated', MetricUnit.Count, 1);
        return { statusCode: 201, body: { orderId: event.orderId, status: 'created' } };
      case 'listOrders':
        return { statusCode: 200, body: { orders: await listOrdersNewestFirst(ddb, TABLE, event.userId, event.limit) } };
      default:
        return { statusCode: 400, body: { message: `unknown action ${JSON.stringify((event as { action?: unknown }).action)}` } };
    }
  } catch (err) {
    const conflicts = createOrderConflicts(err);
    if (event.action === 'createOrder' && conflicts.userMissing && !conflicts.orderExists) {
      logger.info('order for a user without a profile', { userId: event.userId });
      return { statusCode: 404, body: { message: 'user not found' } };
    }
    if (isConditionFailure(err)) {
      logger.info('condition failed', { action: event.action, userId: event.userId });
      return { statusCode: 409, body: { message: 'already exists' } };
    }
    logger.error('request failed', err as Error);
    throw err;
  } finally {
    metrics.publishStoredMetrics();
  }
};
