/**
 * The patterns document's DynamoDB SDK v3 code (DDB-6), as functions over a document client so
 * the handler and the tests share them: create-only conditional put, newest-first query with
 * `begins_with`, and the two-item transaction. Keys follow the SingleTable model:
 *
 *   User       USER#<userId>    PROFILE
 *   Order      USER#<userId>    ORDER#<orderId>   (orderId sorts by time, so SK order is age order)
 *   OrderMeta  ORDER#<orderId>  META              (written by the transaction)
 */
import {
  DynamoDBDocumentClient,
  PutCommand,
  QueryCommand,
  TransactWriteCommand,
} from '@aws-sdk/lib-dynamodb';

export interface UserProfile {
  readonly userId: string;
  readonly email: string;
}

/** Partition key of a user's items. */
export const userKey = (userId: string): string => `USER#${userId}`;
/** Partition key of an order's items. */
export const orderKey = (orderId: string): string => `ORDER#${orderId}`;

/**
 * Conditional put (create-only): writes the user's profile unless it exists. A second writer of
 * the same key gets `ConditionalCheckFailedException`.
 */
export async function createUserProfile(ddb: DynamoDBDocumentClient, table: string, user: UserProfile): Promise<void> {
  await ddb.send(
    new PutCommand({
      TableName: table,
      Item: { PK: userKey(user.userId), SK: 'PROFILE', email: user.email, createdAt: Date.now() },
      ConditionExpression: 'attribute_not_exists(PK)',
    }),
  );
}

/** Query orders newest-first: `PK = USER#<userId> AND begins_with(SK, 'ORDER#')`, descending. */
export async function listOrdersNewestFirst(
  ddb: DynamoDBDocumentClient,
  table: string,
  userId: string,
  limit?: number,
): Promise<Record<string, unknown>[]> {
  const { Items } = await ddb.send(
    new QueryCommand({
      TableName: table,
      KeyConditionExpression: 'PK = :pk AND begins_with(SK, :prefix)',
      ExpressionAttributeValues: { ':pk': userKey(userId), ':prefix': 'ORDER#' },
      ScanIndexForward: false,
      Limit: limit,
    }),
  );
  return Items ?? [];
}

/**
 * Atomic multi-item transaction: the order's META item (create-only) and the user's `orderCount`
 * increment succeed together or not at all. A failed condition cancels both
 * (`TransactionCanceledException`): the order exists (reason 0), or the user has no profile
 * (reason 1; without that condition the increment would create a stub profile holding only
 * `orderCount`, and the user's own create-only put would then fail).
 */
export async function createOrder(ddb: DynamoDBDocumentClient, table: string, userId: string, orderId: string): Promise<void> {
  await ddb.send(
    new TransactWriteCommand({
      TransactItems: [
        {
          Put: {
            TableName: table,
            Item: { PK: orderKey(orderId), SK: 'META', status: 'created', userId },
            ConditionExpression: 'attribute_not_exists(PK)',
          },
        },
        {
          Update: {
            TableName: table,
            Key: { PK: userKey(userId), SK: 'PROFILE' },
            UpdateExpression: 'ADD orderCount :one',
            ConditionExpression: 'attribute_exists(PK)',
            ExpressionAttributeValues: { ':one': 1 },
          },
        },
      ],
    }),
  );
}

/** The cancellation reason codes of a `TransactionCanceledException`, in item order; else []. */
function cancellationCodes(err: unknown): (string | undefined)[] {
  const e = err as { name?: string; CancellationReasons?: { Code?: string }[] } | null;
  return e?.name === 'TransactionCanceledException' ? (e.CancellationReasons ?? []).map((r) => r.Code) : [];
}

/** Which items of `createOrder`'s transaction failed their condition. */
export function createOrderConflicts(err: unknown): { orderExists: boolean; userMissing: boolean } {
  const [order, user] = cancellationCodes(err);
  return { orderExists: order === 'ConditionalCheckFailed', userMissing: user === 'ConditionalCheckFailed' };
}

/**
 * Whether `err` is DynamoDB's refusal of a condition: a conditional put's
 * `ConditionalCheckFailedException`, or a transaction cancelled because one of its conditions
 * failed. A transaction cancelled for another reason (`TransactionConflict` with a concurrent
 * transaction on the same item, throttling) is not a condition failure: it is retryable, so the
 * caller must not answer "already exists".
 */
export function isConditionFailure(err: unknown): boolean {
  if ((err as { name?: string } | null)?.name === 'ConditionalCheckFailedException') return true;
  return cancellationCodes(err).includes('ConditionalCheckFailed');
}
