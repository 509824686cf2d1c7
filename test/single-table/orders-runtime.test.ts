/**
 * DDB-6: the patterns document's SDK v3 code (lambda/orders-table) against a real engine, moto's
 * DynamoDB server on loopback.
 */
import { CreateTableCommand, DeleteTableCommand, DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { createOrder, createOrderConflicts, createUserProfile, isConditionFailure, listOrdersNewestFirst } from '../../lambda/orders-table/orders';
import { MOTO_ENV, MotoServer, startMoto } from '../setup/moto';

let moto: MotoServer;
let ddb: DynamoDBDocumentClient;
const TABLE = 'orders';

beforeAll(async () => {
  moto = await startMoto();
  ddb = DynamoDBDocumentClient.from(new DynamoDBClient(moto.clientConfig));
});
afterAll(async () => {
  ddb?.destroy();
  await moto?.stop();
});
beforeEach(async () => {
  await moto.reset();
  // the key schema SingleTable synthesizes: string PK / SK
  await ddb.send(
    new CreateTableCommand({
      TableName: TABLE,
      AttributeDefinitions: [
        { AttributeName: 'PK', AttributeType: 'S' },
        { AttributeName: 'SK', AttributeType: 'S' },
      ],
      KeySchema: [
        { AttributeName: 'PK', KeyType: 'HASH' },
        { AttributeName: 'SK', KeyType: 'RANGE' },
      ],
      BillingMode: 'PAY_PER_REQUEST',
    }),
  );
});

const get = async (PK: string, SK: string) => (await ddb.send(new GetCommand({ TableName: TABLE, Key: { PK, SK } }))).Item;

test('[DDB-6] 20 parallel create-only puts of one key: exactly one succeeds, 19 fail the condition', async () => {
  const results = await Promise.allSettled(
    Array.from({ length: 20 }, (_, i) => createUserProfile(ddb, TABLE, { userId: 'u1', email: `writer${i}@example.com` })),
  );
  const fulfilled = results.filter((r) => r.status === 'fulfilled');
  const rejected = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
  expect(fulfilled).toHaveLength(1);
  expect(rejected).toHaveLength(19);
  expect(rejected.map((r) => (r.reason as Error).name)).toEqual(Array(19).fill('ConditionalCheckFailedException'));
  // the one item stored is the winner's: its email is the one whose put succeeded
  const winner = results.findIndex((r) => r.status === 'fulfilled');
  expect(await get('USER#u1', 'PROFILE')).toMatchObject({ email: `writer${winner}@example.com` });
});

test('[DDB-6] the transaction writes the order META and increments orderCount together', async () => {
  await createUserProfile(ddb, TABLE, { userId: 'u1', email: 'a@example.com' });
  await createOrder(ddb, TABLE, 'u1', 'o1');
  await createOrder(ddb, TABLE, 'u1', 'o2');
  expect(await get('ORDER#o1', 'META')).toEqual({ PK: 'ORDER#o1', SK: 'META', status: 'created', userId: 'u1' });
  expect(await get('ORDER#o2', 'META')).toMatchObject({ status: 'created' });
  expect(await get('USER#u1', 'PROFILE')).toMatchObject({ orderCount: 2 });
});

test('[DDB-6] a transaction whose condition fails writes neither item', async () => {
  await createUserProfile(ddb, TABLE, { userId: 'u1', email: 'a@example.com' });
  // ORDER#o1 / META already exists (written by someone else): the Put's condition fails
  await ddb.send(new PutCommand({ TableName: TABLE, Item: { PK: 'ORDER#o1', SK: 'META', status: 'shipped', userId: 'u2' } }));

  const failure = await createOrder(ddb, TABLE, 'u1', 'o1').then(
    () => undefined,
    (e: unknown) => e as Error & { CancellationReasons?: { Code?: string }[] },
  );
  expect(failure?.name).toBe('TransactionCanceledException');
  expect(failure?.CancellationReasons?.map((r) => r.Code)).toEqual(['ConditionalCheckFailed', 'None']);
  expect(isConditionFailure(failure)).toBe(true);
  expect(createOrderConflicts(failure)).toEqual({ orderExists: true, userMissing: false });
  // neither the Put nor the Update happened
  expect(await get('ORDER#o1', 'META')).toMatchObject({ status: 'shipped', userId: 'u2' });
  expect(await get('USER#u1', 'PROFILE')).not.toHaveProperty('orderCount');
});

test('[DDB-6] an order for a user without a profile writes neither item (no stub profile)', async () => {
  const failure = await createOrder(ddb, TABLE, 'ghost', 'o1').then(
    () => undefined,
    (e: unknown) => e as Error & { CancellationReasons?: { Code?: string }[] },
  );
  expect(failure?.name).toBe('TransactionCanceledException');
  expect(failure?.CancellationReasons?.map((r) => r.Code)).toEqual(['None', 'ConditionalCheckFailed']);
  expect(createOrderConflicts(failure)).toEqual({ orderExists: false, userMissing: true });
  expect(await get('ORDER#o1', 'META')).toBeUndefined();
  expect(await get('USER#ghost', 'PROFILE')).toBeUndefined();
  // so the user can still sign up
  await createUserProfile(ddb, TABLE, { userId: 'ghost', email: 'g@example.com' });
  expect(await get('USER#ghost', 'PROFILE')).toMatchObject({ email: 'g@example.com' });
});

test('[DDB-6] only a cancelled transaction whose reasons include ConditionalCheckFailed counts as a condition failure', () => {
  // the shape the SDK gives a TransactionCanceledException (moto cannot produce the other reasons)
  const cancelled = (...codes: string[]) =>
    Object.assign(new Error('Transaction cancelled'), { name: 'TransactionCanceledException', CancellationReasons: codes.map((Code) => ({ Code })) });
  expect(isConditionFailure(cancelled('ConditionalCheckFailed', 'None'))).toBe(true);
  expect(isConditionFailure(cancelled('None', 'ConditionalCheckFailed'))).toBe(true);
  // a concurrent transaction on the same item, or throttling: retryable, not "already exists"
  expect(isConditionFailure(cancelled('None', 'TransactionConflict'))).toBe(false);
  expect(isConditionFailure(cancelled('ThrottlingError', 'None'))).toBe(false);
  expect(isConditionFailure(Object.assign(new Error('x'), { name: 'TransactionCanceledException' }))).toBe(false);
  expect(isConditionFailure(Object.assign(new Error('x'), { name: 'ConditionalCheckFailedException' }))).toBe(true);
  expect(isConditionFailure(Object.assign(new Error('x'), { name: 'ProvisionedThroughputExceededException' }))).toBe(false);
  expect(isConditionFailure(undefined)).toBe(false);
});

test('[DDB-6] the newest-first query returns only the user\'s orders, in descending order', async () => {
  // time-sortable order ids (ISO timestamps), inserted out of order, plus items the query must skip
  const ids = ['2026-01-03T10:00:00Z', '2026-01-01T09:00:00Z', '2026-01-02T08:30:00Z', '2025-12-31T23:59:59Z'];
  for (const id of ids) {
    await ddb.send(new PutCommand({ TableName: TABLE, Item: { PK: 'USER#u1', SK: `ORDER#${id}`, total: 1 } }));
  }
  await createUserProfile(ddb, TABLE, { userId: 'u1', email: 'a@example.com' });
  await ddb.send(new PutCommand({ TableName: TABLE, Item: { PK: 'USER#u2', SK: 'ORDER#2026-02-01T00:00:00Z' } }));

  const orders = await listOrdersNewestFirst(ddb, TABLE, 'u1');
  expect(orders.map((o) => o.SK)).toEqual([
    'ORDER#2026-01-03T10:00:00Z',
    'ORDER#2026-01-02T08:30:00Z',
    'ORDER#2026-01-01T09:00:00Z',
    'ORDER#2025-12-31T23:59:59Z',
  ]);
  expect((await listOrdersNewestFirst(ddb, TABLE, 'u1', 2)).map((o) => o.SK)).toEqual([
    'ORDER#2026-01-03T10:00:00Z',
    'ORDER#2026-01-02T08:30:00Z',
  ]);
});

describe('the handler (module-scope client, endpoint from AWS_ENDPOINT_URL_DYNAMODB)', () => {
  const saved = { ...process.env };
  let handler: typeof import('../../lambda/orders-table/index').handler;

  beforeAll(() => {
    Object.assign(process.env, {
      TABLE_NAME: TABLE,
      AWS_ENDPOINT_URL_DYNAMODB: moto.endpoint,
      ...MOTO_ENV,
      POWERTOOLS_SERVICE_NAME: 'orders',
      POWERTOOLS_METRICS_NAMESPACE: 'Test',
      POWERTOOLS_TRACE_ENABLED: 'false',
      POWERTOOLS_LOG_LEVEL: 'SILENT',
    });
    jest.isolateModules(() => {
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      handler = require('../../lambda/orders-table/index').handler;
    });
  });
  afterAll(() => {
    process.env = saved;
  });

  test('[DDB-6] create-only put, transaction and newest-first query through the handler', async () => {
    jest.spyOn(console, 'log').mockImplementation(() => undefined); // EMF output
    expect(await handler({ action: 'createUser', userId: 'u9', email: 'x@example.com' })).toEqual({ statusCode: 201, body: { userId: 'u9' } });
    expect(await handler({ action: 'createUser', userId: 'u9', email: 'y@example.com' })).toEqual({ statusCode: 409, body: { message: 'already exists' } });
    expect((await handler({ action: 'createOrder', userId: 'u9', orderId: 'o9' })).statusCode).toBe(201);
    expect((await handler({ action: 'createOrder', userId: 'u9', orderId: 'o9' })).statusCode).toBe(409);
    expect(await get('USER#u9', 'PROFILE')).toMatchObject({ email: 'x@example.com', orderCount: 1 });
    await ddb.send(new PutCommand({ TableName: TABLE, Item: { PK: 'USER#u9', SK: 'ORDER#2' } }));
    await ddb.send(new PutCommand({ TableName: TABLE, Item: { PK: 'USER#u9', SK: 'ORDER#1' } }));
    const listed = await handler({ action: 'listOrders', userId: 'u9' });
    expect((listed.body.orders as { SK: string }[]).map((o) => o.SK)).toEqual(['ORDER#2', 'ORDER#1']);
    expect(await handler({ action: 'createOrder', userId: 'u9' })).toEqual({ statusCode: 400, body: { message: 'orderId is required' } });
    expect(await handler({ action: 'createOrder', userId: 'nobody', orderId: 'o10' })).toEqual({ statusCode: 404, body: { message: 'user not found' } });
    expect(await get('USER#nobody', 'PROFILE')).toBeUndefined();
  });

  test('[DDB-6] the handler answers 400 for bad events and rethrows errors that are not condition failures', async () => {
    jest.spyOn(console, 'log').mockImplementation(() => undefined);
    jest.spyOn(console, 'error').mockImplementation(() => undefined);
    expect(await handler({ action: 'listOrders' } as never)).toEqual({ statusCode: 400, body: { message: 'userId is required' } });
    expect(await handler({ action: 'createUser', userId: 'u1' })).toEqual({ statusCode: 400, body: { message: 'email is required' } });
    expect(await handler({ action: 'deleteUser', userId: 'u1' } as never)).toEqual({ statusCode: 400, body: { message: 'unknown action "deleteUser"' } });
    // a missing table is a server error, not "already exists"
    await ddb.send(new DeleteTableCommand({ TableName: TABLE }));
    await expect(handler({ action: 'createOrder', userId: 'u1', orderId: 'o1' })).rejects.toMatchObject({ name: 'ResourceNotFoundException' });
    await expect(handler({ action: 'listOrders', userId: 'u1' })).rejects.toMatchObject({ name: 'ResourceNotFoundException' });
  });
});
