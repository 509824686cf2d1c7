/**
 * The publisher (lambda/shared/events.ts) and the shipped order-events handler against a real
 * engine: moto's EventBridge and SQS server on loopback. moto delivers PutEvents to SQS targets,
 * keeps archives and replays them (StartReplay).
 */
import { CreateArchiveCommand, CreateEventBusCommand, EventBridgeClient, PutRuleCommand, PutTargetsCommand } from '@aws-sdk/client-eventbridge';
import { motoSqs } from './moto-sqs';
import { eventBridge, publishEvents, startReplay } from '../../lambda/shared/events';
import { logger } from '../../lambda/shared/powertools';
import { MotoServer, startMoto } from '../setup/moto';

let moto: MotoServer;
let client: EventBridgeClient;
let calls: number;
let sqs: ReturnType<typeof motoSqs>['sqs'];
let receiveAll: ReturnType<typeof motoSqs>['receiveAll'];
const BUS = 'app-bus';
const ACCOUNT = '123456789012';

let queueUrl: string;
let busArn: string;

beforeAll(async () => {
  moto = await startMoto();
  client = new EventBridgeClient(moto.clientConfig);
  ({ sqs, receiveAll } = motoSqs(moto.endpoint));
  // count PutEvents calls as the engine sees them
  client.middlewareStack.add((next, context) => async (args) => {
    if (context.commandName === 'PutEventsCommand') calls++;
    return next(args);
  }, { step: 'initialize', name: 'countPutEvents' });
});
afterAll(async () => {
  client?.destroy();
  await moto?.stop();
});
beforeEach(async () => {
  await moto.reset();
  calls = 0;
  busArn = (await client.send(new CreateEventBusCommand({ Name: BUS }))).EventBusArn!;
  queueUrl = (await sqs('CreateQueue', { QueueName: 'order-target' })).QueueUrl;
  const queueArn = `arn:aws:sqs:us-east-1:${ACCOUNT}:order-target`;
  await client.send(new PutRuleCommand({
    Name: 'order-created',
    EventBusName: BUS,
    EventPattern: JSON.stringify({ source: ['com.example.orders'] }),
  }));
  await client.send(new PutTargetsCommand({ Rule: 'order-created', EventBusName: BUS, Targets: [{ Id: 'queue', Arn: queueArn }] }));
});

const order = (i: number) => ({ source: 'com.example.orders', detailType: 'OrderCreated', detail: { orderId: `o${i}`, amount: i * 10, note: 'ünïcode ✓' } });

test('[EVB-2] an event sent by the publisher reaches the rule\'s SQS target with its body intact', async () => {
  const result = await publishEvents([order(1)], { client, eventBusName: BUS });
  expect(result.failed).toEqual([]);
  expect(result.eventIds[0]).toEqual(expect.any(String));
  const [message] = await receiveAll(queueUrl, 1);
  expect(message).toMatchObject({
    'source': 'com.example.orders',
    'detail-type': 'OrderCreated',
    'detail': { orderId: 'o1', amount: 10, note: 'ünïcode ✓' },
  });
  // (moto leaves `account` out of the event it delivers to SQS; EventBridge sets it)
  expect(message.id).toBe(result.eventIds[0]);
});

test('[EVB-2] a batch of 12 entries is sent as 2 PutEvents calls and all 12 arrive', async () => {
  const result = await publishEvents(Array.from({ length: 12 }, (_, i) => order(i)), { client, eventBusName: BUS });
  expect(calls).toBe(2);
  expect(result.calls).toBe(2);
  expect(result.failed).toEqual([]);
  const messages = await receiveAll(queueUrl, 12);
  expect(messages.map((m) => m.detail.orderId).sort()).toEqual(Array.from({ length: 12 }, (_, i) => `o${i}`).sort());
});

test('[EVB-2] an entry the engine rejects (detail that is not JSON) is reported, exactly that one, and logged', async () => {
  const errorLog = jest.spyOn(logger, 'error').mockImplementation(() => undefined);
  try {
    const entries = [order(0), { source: 'com.example.orders', detailType: 'OrderCreated', detail: '{not json' }, order(2)];
    const result = await publishEvents(entries, { client, eventBusName: BUS });
    expect(result.failed).toEqual([
      { index: 1, entry: entries[1], errorCode: 'MalformedDetail', errorMessage: 'Detail is malformed.' },
    ]);
    expect(result.eventIds.map((id) => id !== undefined)).toEqual([true, false, true]);
    // not a retryable error: one call, not four
    expect(calls).toBe(1);
    expect(errorLog).toHaveBeenCalledWith('Events were not published', expect.objectContaining({ failedCount: 1, total: 3 }));
    const messages = await receiveAll(queueUrl, 2);
    expect(messages.map((m) => m.detail.orderId).sort()).toEqual(['o0', 'o2']);
  } finally {
    errorLog.mockRestore();
  }
});

test('[EVB-3] an archived event is replayed from the archive to the rule\'s target', async () => {
  const archive = await client.send(new CreateArchiveCommand({
    ArchiveName: 'app-bus-archive',
    EventSourceArn: busArn,
    // the construct's pattern: every event of this account
    EventPattern: JSON.stringify({ account: [ACCOUNT] }),
    RetentionDays: 30,
  }));
  const before = new Date(Date.now() - 60_000);
  await publishEvents([order(7)], { client, eventBusName: BUS });
  const [original] = await receiveAll(queueUrl, 1);
  expect(original.detail.orderId).toBe('o7');

  const replayArn = await startReplay({
    replayName: 'replay-1',
    archiveArn: archive.ArchiveArn!,
    eventBusArn: busArn,
    from: before,
    to: new Date(Date.now() + 60_000),
  }, client);
  expect(replayArn).toContain(':replay/replay-1');
  const [replayed] = await receiveAll(queueUrl, 1);
  expect(replayed).toMatchObject({ 'detail-type': 'OrderCreated', 'detail': { orderId: 'o7' }, 'replay-name': 'replay-1' });
});

test('[LAM-1] the publisher has one EventBridge client at module scope', () => {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const again = require('../../lambda/shared/events');
  expect(again.eventBridge).toBe(eventBridge);
  expect(eventBridge).toBeInstanceOf(EventBridgeClient);
});
