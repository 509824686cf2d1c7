/**
 * The publisher's batching and retries, with a scripted client (the engine cannot be told to
 * throttle): lambda/shared/events.ts.
 */
import { EventBridgeClient, PutEventsCommand } from '@aws-sdk/client-eventbridge';
import { MAX_ENTRIES_PER_CALL, MAX_REQUEST_BYTES, PublishEntry, entrySize, planBatches, publishEvents } from '../../lambda/shared/events';
import { logger } from '../../lambda/shared/powertools';

type Reply = (entries: any[]) => any;

/** A client whose `send` answers with the scripted replies, one per call, and records the calls. */
function scripted(...replies: Reply[]): { client: EventBridgeClient; sent: any[][] } {
  const sent: any[][] = [];
  const client = {
    send: async (command: PutEventsCommand) => {
      const entries = command.input.Entries ?? [];
      sent.push(entries);
      const reply = replies[Math.min(sent.length - 1, replies.length - 1)];
      return reply(entries);
    },
  } as unknown as EventBridgeClient;
  return { client, sent };
}

const ok: Reply = (entries) => ({ FailedEntryCount: 0, Entries: entries.map((_, i) => ({ EventId: `id-${i}` })) });
const entry = (i: number, detail: unknown = { i }): PublishEntry => ({ source: 'com.example.orders', detailType: 'OrderCreated', detail });
const noSleep = async () => undefined;

let errorLog: jest.SpyInstance;
beforeEach(() => {
  errorLog = jest.spyOn(logger, 'error').mockImplementation(() => undefined);
});
afterEach(() => errorLog.mockRestore());

test('[EVB-2] PutEvents limits: 10 entries a call, 1 MB a request (EventBridge, January 2026)', () => {
  expect(MAX_ENTRIES_PER_CALL).toBe(10);
  expect(MAX_REQUEST_BYTES).toBe(1_048_576);
});

test('[EVB-2] an entry is measured as EventBridge measures it: UTF-8 bytes, 14 for Time', () => {
  expect(entrySize({ Source: 'ab', DetailType: 'cd', Detail: '{"x":"é"}', Resources: ['r1'] })).toBe(2 + 2 + 10 + 2);
  expect(entrySize({ Source: 'a', DetailType: 'b', Time: new Date() })).toBe(16);
});

test('[EVB-2] batches close at 10 entries or at the request-size limit, whichever comes first', () => {
  const small = Array.from({ length: 23 }, () => ({ Source: 's', DetailType: 'd', Detail: '{}' }));
  expect(planBatches(small).batches.map((b) => b.length)).toEqual([10, 10, 3]);
  const big = Array.from({ length: 5 }, () => ({ Source: 's', DetailType: 'd', Detail: 'x'.repeat(98) })); // 100 bytes each
  expect(planBatches(big, 250)).toEqual({ batches: [[0, 1], [2, 3], [4]], tooLarge: [] });
});

test('[EVB-2] an entry larger than the request limit on its own is reported, not sent', async () => {
  const { client, sent } = scripted(ok);
  const result = await publishEvents([entry(0), entry(1, 'x'.repeat(300)), entry(2)], { client, maxRequestBytes: 200, sleep: noSleep });
  expect(sent.map((s) => s.length)).toEqual([2]);
  expect(result.failed.map((f) => [f.index, f.errorCode])).toEqual([[1, 'EntryTooLarge']]);
  // 18 (source) + 12 (detail type) + 300 (detail) bytes
  expect(result.failed[0].errorMessage).toBe('The entry is 330 bytes; PutEvents accepts at most 200 bytes a request');
});

test('[EVB-2] throttled entries are sent again, only those, with backoff; then all succeed', async () => {
  const throttleSecond: Reply = (entries) => ({
    FailedEntryCount: 1,
    Entries: entries.map((_, i) => (i === 1 ? { ErrorCode: 'ThrottlingException', ErrorMessage: 'Rate exceeded' } : { EventId: `a-${i}` })),
  });
  const { client, sent } = scripted(throttleSecond, ok);
  const waits: number[] = [];
  const result = await publishEvents([entry(0), entry(1), entry(2)], { client, sleep: async (ms) => void waits.push(ms), baseDelayMs: 100 });
  expect(sent.map((s) => s.map((e: any) => JSON.parse(e.Detail).i))).toEqual([[0, 1, 2], [1]]);
  expect(result.failed).toEqual([]);
  expect(result.eventIds).toEqual(['a-0', 'id-0', 'a-2']);
  expect(waits).toHaveLength(1);
  expect(waits[0]).toBeGreaterThanOrEqual(0);
  expect(waits[0]).toBeLessThan(100);
  expect(errorLog).not.toHaveBeenCalled();
});

test('[EVB-2] a throttled call (the whole request) is retried; after maxAttempts the entries are returned as failed and logged', async () => {
  const throttled: Reply = () => {
    throw Object.assign(new Error('Rate exceeded'), { name: 'ThrottlingException' });
  };
  const { client, sent } = scripted(throttled);
  const result = await publishEvents([entry(0), entry(1)], { client, maxAttempts: 3, sleep: noSleep });
  expect(sent).toHaveLength(3);
  expect(result.calls).toBe(3);
  expect(result.failed.map((f) => [f.index, f.errorCode, f.errorMessage])).toEqual([
    [0, 'ThrottlingException', 'Rate exceeded'],
    [1, 'ThrottlingException', 'Rate exceeded'],
  ]);
  expect(errorLog).toHaveBeenCalledWith('Events were not published', expect.objectContaining({ failedCount: 2, total: 2 }));
});

test('[EVB-2] an error a retry cannot fix (access denied) is not retried', async () => {
  const denied: Reply = () => {
    throw Object.assign(new Error('not authorized'), { name: 'AccessDeniedException' });
  };
  const { client, sent } = scripted(denied);
  const result = await publishEvents([entry(0)], { client, sleep: noSleep });
  expect(sent).toHaveLength(1);
  expect(result.failed.map((f) => f.errorCode)).toEqual(['AccessDeniedException']);
});

test('[EVB-2] the bus comes from EVENT_BUS_NAME unless given', async () => {
  const { client, sent } = scripted(ok);
  process.env.EVENT_BUS_NAME = 'from-env';
  try {
    await publishEvents([entry(0), { ...entry(1), eventBusName: 'explicit' }], { client });
  } finally {
    delete process.env.EVENT_BUS_NAME;
  }
  expect(sent[0].map((e: any) => e.EventBusName)).toEqual(['from-env', 'explicit']);
  expect(sent[0][0].Detail).toBe('{"i":0}');
});
