/**
 * Item-level DynamoDB actions whose requests carry the `dynamodb:LeadingKeys` condition key.
 *
 * `Scan` (and table-level actions) do not: under `ForAllValues:StringEquals` a request without the
 * key matches vacuously, so a leading-keys grant that listed `dynamodb:Scan` would let the caller
 * read every partition. `SingleTable.grantLeadingKeys` therefore accepts only these actions.
 */
export const LEADING_KEYS_ACTIONS: readonly string[] = [
  'dynamodb:GetItem',
  'dynamodb:BatchGetItem',
  'dynamodb:Query',
  'dynamodb:PutItem',
  'dynamodb:UpdateItem',
  'dynamodb:DeleteItem',
  'dynamodb:BatchWriteItem',
  'dynamodb:ConditionCheckItem',
];

/** The read-only subset of LEADING_KEYS_ACTIONS (they need only kms:Decrypt on a customer key). */
export const LEADING_KEYS_READ_ACTIONS: readonly string[] = [
  'dynamodb:GetItem',
  'dynamodb:BatchGetItem',
  'dynamodb:Query',
  'dynamodb:ConditionCheckItem',
];

