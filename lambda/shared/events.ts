/**
 * The one EventBridge publisher every shipped handler uses (the patterns document's PutEvents call).
 *
 * - One EventBridgeClient per execution environment, created at module scope (LAM-1).
 * - Entries are sent in batches within PutEvents' limits: at most 10 entries a call, and at most
 *   `maxRequestBytes` a call, measured as EventBridge measures an entry (UTF-8 bytes of Source,
 *   DetailType, Detail and Resources, 14 bytes for Time). EventBridge raised its event size limit
 *   from 256 KB to 1 MB in January 2026; the default is that limit, and a smaller one can be set.
 *   An entry larger than the limit on its own is never sent; it is reported as failed.
 * - Failed entries are returned and logged, never swallowed. Entries that failed for a reason a
 *   retry can fix (throttling, internal failure) are sent again with exponential backoff and full
 *   jitter; the whole call is retried the same way when it is throttled.
 *
 * Imports nothing from src/: the bus name comes from the environment (`EVENT_BUS_NAME`).
 */
import { EventBridgeClient, PutEventsCommand, PutEventsRequestEntry, StartReplayCommand } from '@aws-sdk/client-eventbridge';
import { logger } from './powertools';

/** The one EventBridge client of this execution environment. */
export const eventBridge = new EventBridgeClient({});

/** PutEvents accepts at most this many entries a call. */
export const MAX_ENTRIES_PER_CALL = 10;
/** PutEvents' request-size limit (1 MB since January 2026; it was 256 KB). */
export const MAX_REQUEST_BYTES = 1024 * 1024;

/** One event to publish. */
export interface PublishEntry {
  readonly source: string;
  readonly detailType: string;
  /** The detail: an object (serialized as JSON) or JSON text. */
  readonly detail: unknown;
  readonly resources?: string[];
  readonly time?: Date;
  /** The bus; default: the publisher's `eventBusName`, else `EVENT_BUS_NAME`. */
  readonly eventBusName?: string;
}

/** An entry that was not published, with EventBridge's reason. */
export interface FailedEntry {
  /** The entry's position in the list given to `publishEvents`. */
  readonly index: number;
  readonly entry: PublishEntry;
  readonly errorCode: string;
  readonly errorMessage: string;
}

/** What `publishEvents` did. */
export interface PublishResult {
  /** The event ids of the published entries, by position (undefined where an entry failed). */
  readonly eventIds: (string | undefined)[];
  /** Every entry that was not published. Empty when all were. */
  readonly failed: FailedEntry[];
  /** How many PutEvents calls were made (retries included). */
  readonly calls: number;
}

/** Options of `publishEvents`. */
export interface PublishOptions {
  /** The client; default: the module's `eventBridge`. */
  readonly client?: EventBridgeClient;
  /** The bus; default: `process.env.EVENT_BUS_NAME`. */
  readonly eventBusName?: string;
  /** Attempts per entry, the first included; default 4. */
  readonly maxAttempts?: number;
  /** The first backoff; default 100 ms (doubling, full jitter, at most 5 s). */
  readonly baseDelayMs?: number;
  /** The request-size limit a batch stays within; default `MAX_REQUEST_BYTES`. */
  readonly maxRequestBytes?: number;
  /** How to wait; tests pass a fake. */
  readonly sleep?: (ms: number) => Promise<void>;
}

/** Error codes of entries (or of a whole call) that a later attempt may get through. */
const RETRYABLE = new Set(['ThrottlingException', 'InternalFailure', 'InternalException', 'ServiceUnavailable', 'TooManyRequestsException']);

const utf8 = (s: string | undefined) => (s === undefined ? 0 : Buffer.byteLength(s, 'utf8'));

/** The size EventBridge counts for an entry (its "Calculating PutEvents event entry size" rules). */
export function entrySize(entry: PutEventsRequestEntry): number {
  let size = entry.Time ? 14 : 0;
  size += utf8(entry.Source) + utf8(entry.DetailType) + utf8(entry.Detail);
  for (const resource of entry.Resources ?? []) {
    size += utf8(resource);
  }
  return size;
}

/** Splits entries (by position) into batches of at most 10 entries and `maxBytes` bytes. */
export function planBatches(entries: PutEventsRequestEntry[], maxBytes = MAX_REQUEST_BYTES): { batches: number[][]; tooLarge: number[] } {
  const batches: number[][] = [];
  const tooLarge: number[] = [];
  let current: number[] = [];
  let bytes = 0;
  entries.forEach((entry, index) => {
    const size = entrySize(entry);
    if (size > maxBytes) {
      tooLarge.push(index);
      return;
    }
    if (current.length === MAX_ENTRIES_PER_CALL || bytes + size > maxBytes) {
      batches.push(current);
      current = [];
      bytes = 0;
    }
    current.push(index);
    bytes += size;
  });
  if (current.length > 0) {
    batches.push(current);
  }
  return { batches, tooLarge };
}

function toRequestEntry(entry: PublishEntry, eventBusName: string | undefined): PutEventsRequestEntry {
  return {
    EventBusName: entry.eventBusName ?? eventBusName,
    Source: entry.source,
    DetailType: entry.detailType,
    Detail: typeof entry.detail === 'string' ? entry.detail : JSON.stringify(entry.detail ?? {}),
    Resources: entry.resources,
    Time: entry.time,
  };
}

const defaultSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * Publishes `entries` to EventBridge in batches within PutEvents' limits, retrying what may get
 * through later, and returns (and logs) every entry that was not published.
 */
export async function publishEvents(entries: PublishEntry[], options: PublishOptions = {}): Promise<PublishResult> {
  const client = options.client ?? eventBridge;
  const maxAttempts = options.maxAttempts ?? 4;
  const baseDelayMs = options.baseDelayMs ?? 100;
  const sleep = options.sleep ?? defaultSleep;
  const requestEntries = entries.map((e) => toRequestEntry(e, options.eventBusName ?? process.env.EVENT_BUS_NAME));
  const maxBytes = options.maxRequestBytes ?? MAX_REQUEST_BYTES;
  const { batches, tooLarge } = planBatches(requestEntries, maxBytes);

  const eventIds: (string | undefined)[] = new Array(entries.length).fill(undefined);
  const failed: FailedEntry[] = tooLarge.map((index) => ({
    index,
    entry: entries[index],
    errorCode: 'EntryTooLarge',
    errorMessage: `The entry is ${entrySize(requestEntries[index])} bytes; PutEvents accepts at most ${maxBytes} bytes a request`,
  }));
  let calls = 0;

  for (const batch of batches) {
    let pending = batch;
    for (let attempt = 1; pending.length > 0; attempt++) {
      const retry: number[] = [];
      const lastAttempt = attempt >= maxAttempts;
      try {
        calls++;
        const response = await client.send(new PutEventsCommand({ Entries: pending.map((i) => requestEntries[i]) }));
        (response.Entries ?? []).forEach((result, position) => {
          const index = pending[position];
          if (result.EventId && !result.ErrorCode) {
            eventIds[index] = result.EventId;
          } else if (!lastAttempt && RETRYABLE.has(result.ErrorCode ?? '')) {
            retry.push(index);
          } else {
            failed.push({ index, entry: entries[index], errorCode: result.ErrorCode ?? 'Unknown', errorMessage: result.ErrorMessage ?? '' });
          }
        });
      } catch (e) {
        const error = e as Error & { name: string };
        if (!lastAttempt && RETRYABLE.has(error.name)) {
          retry.push(...pending);
        } else {
          for (const index of pending) {
            failed.push({ index, entry: entries[index], errorCode: error.name ?? 'Error', errorMessage: error.message });
          }
        }
      }
      pending = retry;
      if (pending.length > 0) {
        const cap = Math.min(5_000, baseDelayMs * 2 ** (attempt - 1));
        await sleep(Math.floor(Math.random() * cap));
      }
    }
  }

  failed.sort((a, b) => a.index - b.index);
  if (failed.length > 0) {
    logger.error('Events were not published', {
      failedCount: failed.length,
      total: entries.length,
      failed: failed.map((f) => ({
        index: f.index,
        source: f.entry.source,
        detailType: f.entry.detailType,
        errorCode: f.errorCode,
        errorMessage: f.errorMessage,
      })),
    });
  }
  return { eventIds, failed, calls };
}

/** What `startReplay` needs: the archive, the bus it belongs to, and the time window. */
export interface ReplayRequest {
  readonly replayName: string;
  /** The archive's ARN (`EventBusWithArchive.archiveArn`). */
  readonly archiveArn: string;
  /** The bus's ARN: a replay goes back to the archive's own bus. */
  readonly eventBusArn: string;
  readonly from: Date;
  readonly to: Date;
  /** Only these rules of the bus receive the replayed events; default: every rule. */
  readonly ruleArns?: string[];
}

/** Starts a replay of the archive's events between `from` and `to` to its bus (`StartReplay`). */
export async function startReplay(request: ReplayRequest, client: EventBridgeClient = eventBridge): Promise<string | undefined> {
  const response = await client.send(new StartReplayCommand({
    ReplayName: request.replayName,
    EventSourceArn: request.archiveArn,
    EventStartTime: request.from,
    EventEndTime: request.to,
    Destination: { Arn: request.eventBusArn, FilterArns: request.ruleArns },
  }));
  return response.ReplayArn;
}
