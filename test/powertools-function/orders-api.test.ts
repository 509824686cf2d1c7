/**
 * The shipped orders-api handler, run in this process against moto's DynamoDB: two warm
 * invocations reuse one SDK client and one set of Powertools objects (LAM-1), and the Embedded
 * Metric Format documents Metrics prints carry the namespace, the service dimension and a ColdStart
 * metric on the first invocation only (LAM-2).
 */
import { DynamoDBDocumentClient, GetCommand } from '@aws-sdk/lib-dynamodb';
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import { createOrdersTable } from './helpers';
import { MOTO_ENV, MotoServer, startMoto } from '../setup/moto';

// Count constructions of the SDK client and of the Powertools classes, delegating to the real ones.
jest.mock('@aws-sdk/client-dynamodb', () => {
  const actual = jest.requireActual('@aws-sdk/client-dynamodb');
  return { ...actual, DynamoDBClient: jest.fn((config: unknown) => new actual.DynamoDBClient(config)) };
});
jest.mock('@aws-lambda-powertools/logger', () => {
  const actual = jest.requireActual('@aws-lambda-powertools/logger');
  return { ...actual, Logger: jest.fn((options: unknown) => new actual.Logger(options)) };
});
jest.mock('@aws-lambda-powertools/tracer', () => {
  const actual = jest.requireActual('@aws-lambda-powertools/tracer');
  return { ...actual, Tracer: jest.fn((options: unknown) => new actual.Tracer(options)) };
});
jest.mock('@aws-lambda-powertools/metrics', () => {
  const actual = jest.requireActual('@aws-lambda-powertools/metrics');
  return { ...actual, Metrics: jest.fn((options: unknown) => new actual.Metrics(options)) };
});

const TABLE = 'orders-table';
/** The unmocked client, for the test's own set-up and reads (not counted). */
const RealDynamoDBClient: typeof import('@aws-sdk/client-dynamodb').DynamoDBClient =
  jest.requireActual('@aws-sdk/client-dynamodb').DynamoDBClient;
let moto: MotoServer;
let out: string[];
let handlerModule: typeof import('../../lambda/orders-api/index');
let shared: typeof import('../../lambda/shared/powertools');

function event(requestId: string, body: string): APIGatewayProxyEventV2 {
  return { rawPath: '/orders', body, requestContext: { requestId } } as unknown as APIGatewayProxyEventV2;
}

function emfDocs(lines: string[]): Array<Record<string, any>> {
  return lines.map((l) => JSON.parse(l)).filter((d) => d._aws !== undefined);
}

async function invoke(requestId: string, body: string): Promise<{ result: APIGatewayProxyStructuredResultV2; lines: string[] }> {
  out = [];
  const result = (await handlerModule.handler(event(requestId, body))) as APIGatewayProxyStructuredResultV2;
  const lines = out.join('').split('\n').filter((l) => l.startsWith('{'));
  return { result, lines };
}

beforeAll(async () => {
  moto = await startMoto();
  Object.assign(process.env, {
    ...MOTO_ENV,
    AWS_ENDPOINT_URL_DYNAMODB: moto.endpoint,
    AWS_LAMBDA_INITIALIZATION_TYPE: 'on-demand',
    TABLE_NAME: TABLE,
    POWERTOOLS_SERVICE_NAME: 'orders',
    POWERTOOLS_METRICS_NAMESPACE: 'OrdersService',
    POWERTOOLS_LOG_LEVEL: 'DEBUG',
    POWERTOOLS_TRACE_ENABLED: 'true',
  });
  await createOrdersTable(moto.clientConfig, TABLE);
  // Powertools writes INFO/DEBUG and EMF to stdout, WARN/ERROR to stderr (as console.* does)
  for (const stream of [process.stdout, process.stderr]) {
    jest.spyOn(stream, 'write').mockImplementation((chunk: string | Uint8Array) => {
      out.push(String(chunk));
      return true;
    });
  }
  handlerModule = await import('../../lambda/orders-api/index');
  shared = await import('../../lambda/shared/powertools');
});

afterAll(async () => {
  jest.restoreAllMocks();
  await moto?.stop();
});

describe('orders-api handler, two warm invocations in one process', () => {
  let first: Awaited<ReturnType<typeof invoke>>;
  let second: Awaited<ReturnType<typeof invoke>>;
  let sendContexts: unknown[];
  // jest clears mock calls before each test: record the construction counts here
  const constructed: Record<string, number> = {};

  beforeAll(async () => {
    const send = jest.spyOn(DynamoDBDocumentClient.prototype, 'send');
    first = await invoke('req-1', JSON.stringify({ orderId: 'o1', item: 'book', quantity: 2 }));
    second = await invoke('req-2', JSON.stringify({ orderId: 'o2', item: 'pen' }));
    sendContexts = [...send.mock.contexts];
    send.mockRestore();
    constructed.DynamoDBClient = jest.requireMock('@aws-sdk/client-dynamodb').DynamoDBClient.mock.calls.length;
    constructed.Logger = jest.requireMock('@aws-lambda-powertools/logger').Logger.mock.calls.length;
    constructed.Tracer = jest.requireMock('@aws-lambda-powertools/tracer').Tracer.mock.calls.length;
    constructed.Metrics = jest.requireMock('@aws-lambda-powertools/metrics').Metrics.mock.calls.length;
  });

  test('[LAM-1] both orders are written through one DynamoDB client created at module scope', async () => {
    expect([first.result.statusCode, second.result.statusCode]).toEqual([200, 200]);
    expect(constructed.DynamoDBClient).toBe(1);
    expect(sendContexts).toHaveLength(2);
    expect(sendContexts[0]).toBe(handlerModule.ddb);
    expect(sendContexts[1]).toBe(handlerModule.ddb);
    const reader = DynamoDBDocumentClient.from(new RealDynamoDBClient(moto.clientConfig));
    const o1 = await reader.send(new GetCommand({ TableName: TABLE, Key: { PK: 'ORDER#o1', SK: 'META' } }));
    const o2 = await reader.send(new GetCommand({ TableName: TABLE, Key: { PK: 'ORDER#o2', SK: 'META' } }));
    expect([o1.Item?.item, o1.Item?.quantity, o2.Item?.item]).toEqual(['book', 2, 'pen']);
    reader.destroy();
  });

  test('[LAM-1] Logger, Tracer and Metrics were constructed once, at module load', () => {
    expect(constructed).toEqual({ DynamoDBClient: 1, Logger: 1, Tracer: 1, Metrics: 1 });
    expect(shared.moduleInitCount).toBe(1);
  });

  test('[LAM-2] log lines are JSON with the service name and the request id of their invocation', () => {
    const logs1 = first.lines.map((l) => JSON.parse(l)).filter((d) => d.level);
    const logs2 = second.lines.map((l) => JSON.parse(l)).filter((d) => d.level);
    expect(logs1.map((d) => [d.level, d.message, d.service, d.requestId])).toEqual([
      ['INFO', 'Processing request', 'orders', 'req-1'],
      ['DEBUG', 'Order payload', 'orders', 'req-1'],
    ]);
    expect(logs2.every((d) => d.requestId === 'req-2')).toBe(true);
  });

  test('[LAM-2] EMF: namespace and service dimension; ColdStart on the first invocation only', () => {
    const emf1 = emfDocs(first.lines);
    const emf2 = emfDocs(second.lines);
    for (const doc of [...emf1, ...emf2]) {
      expect(doc._aws.CloudWatchMetrics[0].Namespace).toBe('OrdersService');
      expect(doc._aws.CloudWatchMetrics[0].Dimensions[0]).toContain('service');
      expect(doc.service).toBe('orders');
    }
    const names = (docs: Array<Record<string, any>>) => docs.flatMap((d) => d._aws.CloudWatchMetrics[0].Metrics.map((m: { Name: string }) => m.Name));
    expect(names(emf1).sort()).toEqual(['ColdStart', 'OrderProcessed']);
    expect(names(emf2)).toEqual(['OrderProcessed']);
  });
});

describe('orders-api handler, failure paths', () => {
  test('[LAM-2] an SDK failure is logged, recorded on the trace, counted, and answered with 500', async () => {
    const addError = jest.spyOn(shared.tracer, 'addErrorAsMetadata');
    const previous = process.env.TABLE_NAME;
    process.env.TABLE_NAME = 'no-such-table';
    try {
      const { result, lines } = await invoke('req-3', JSON.stringify({ orderId: 'o3' }));
      expect(result.statusCode).toBe(500);
      expect(JSON.parse(result.body as string)).toEqual({ message: 'Internal error' });
      const errorLine = lines.map((l) => JSON.parse(l)).find((d) => d.level === 'ERROR');
      expect(errorLine).toMatchObject({ message: 'Failed', service: 'orders', requestId: 'req-3', error: { name: 'ResourceNotFoundException' } });
      expect(addError).toHaveBeenCalledTimes(1);
      expect((addError.mock.calls[0][0] as Error).name).toBe('ResourceNotFoundException');
      const metricNames = emfDocs(lines).flatMap((d) => Object.keys(d).filter((k) => k !== '_aws' && k !== 'service'));
      expect(metricNames).toEqual(['OrderFailed']);
    } finally {
      process.env.TABLE_NAME = previous;
      addError.mockRestore();
    }
  });

  test('a body that is not JSON is answered with 400 and a WARN line, not counted as a failure', async () => {
    const { result, lines } = await invoke('req-4', '{not json');
    expect(result.statusCode).toBe(400);
    const parsed = lines.map((l) => JSON.parse(l));
    expect(parsed.find((d) => d.level === 'WARN')).toMatchObject({ message: 'Rejected request', reason: 'body is not JSON' });
    expect(emfDocs(lines)).toEqual([]);
  });
});
