/**
 * The patterns document's TypeScript handler with Powertools, as a shipped handler (LAM-1, LAM-2).
 *
 * POST an order (API Gateway HTTP API, payload v2): it is written to the single table named by
 * `TABLE_NAME` under `PK = ORDER#<orderId>`, `SK = META`.
 *
 * - The DynamoDB client and the Powertools Logger, Tracer and Metrics are created once, at module
 *   scope, and reused by every warm invocation (LAM-1).
 * - Logger, Tracer and Metrics take their configuration only from the environment that
 *   PowertoolsFunction writes (`lambda/shared/powertools.ts`).
 * - Each invocation: request id appended to every log line, a `businessLogic` X-Ray subsegment, an
 *   `OrderProcessed` metric; on failure the error is logged, recorded on the subsegment and counted
 *   (`OrderFailed`) and the caller gets a 500; metrics are flushed in `finally`.
 */
import { MetricUnit } from '@aws-lambda-powertools/metrics';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, PutCommand } from '@aws-sdk/lib-dynamodb';
import type { APIGatewayProxyEventV2, APIGatewayProxyResultV2 } from 'aws-lambda';
import { logger, metrics, tracer } from '../shared/powertools';

/** The one DynamoDB client of this execution environment (traced when tracing is on). */
export const ddb = DynamoDBDocumentClient.from(tracer.captureAWSv3Client(new DynamoDBClient({})));

interface OrderRequest {
  readonly orderId?: string;
  readonly item?: string;
  readonly quantity?: number;
}

/** Thrown for a request the caller must fix: answered with 400, not counted as a failure. */
class BadRequest extends Error {}

function parseOrder(body: string | undefined): OrderRequest {
  let parsed: unknown;
  try {
    parsed = JSON.parse(body ?? '{}');
  } catch {
    throw new BadRequest('body is not JSON');
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    throw new BadRequest('body must be a JSON object');
  }
  return parsed as OrderRequest;
}

export const handler = async (event: APIGatewayProxyEventV2): Promise<APIGatewayProxyResultV2> => {
  metrics.captureColdStartMetric();
  logger.appendKeys({ requestId: event.requestContext?.requestId });
  const segment = tracer.getSegment();
  const subsegment = segment?.addNewSubsegment('businessLogic');
  if (subsegment) {
    tracer.setSegment(subsegment);
  }
  try {
    logger.info('Processing request', { path: event.rawPath });
    const order = parseOrder(event.body);
    const orderId = order.orderId ?? event.requestContext?.requestId ?? 'unknown';
    logger.debug('Order payload', { orderId, item: order.item, quantity: order.quantity });
    await ddb.send(new PutCommand({
      TableName: process.env.TABLE_NAME,
      Item: { PK: `ORDER#${orderId}`, SK: 'META', item: order.item ?? null, quantity: order.quantity ?? 1, status: 'created' },
    }));
    metrics.addMetric('OrderProcessed', MetricUnit.Count, 1);
    return { statusCode: 200, body: JSON.stringify({ orderId, status: 'created' }) };
  } catch (error) {
    if (error instanceof BadRequest) {
      logger.warn('Rejected request', { reason: error.message });
      return { statusCode: 400, body: JSON.stringify({ message: error.message }) };
    }
    logger.error('Failed', { error: error as Error });
    tracer.addErrorAsMetadata(error as Error);
    metrics.addMetric('OrderFailed', MetricUnit.Count, 1);
    return { statusCode: 500, body: JSON.stringify({ message: 'Internal error' }) };
  } finally {
    subsegment?.close();
    if (segment) {
      tracer.setSegment(segment);
    }
    logger.removeKeys(['requestId']);
    metrics.publishStoredMetrics();
  }
};
