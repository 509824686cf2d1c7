/**
 * Access patterns as code (DDB-1, DDB-2, DDB-3): the entities of a single-table design, with their
 * key templates, and the named queries the table must serve.
 *
 * A key template is literal text with `{name}` placeholders, as in the patterns document's entity
 * table: `USER#{userId}`, `ORDER#{orderId}`, `PROFILE`.
 */

/**
 * The keys an entity writes into one global secondary index.
 */
export interface EntityIndexKeys {
  /**
   * The global secondary index these keys belong to; it must be declared in `globalIndexes`.
   */
  readonly indexName: string;

  /**
   * Key template of the index's partition key, e.g. `STATUS#{status}`.
   */
  readonly partitionKey: string;

  /**
   * Key template of the index's sort key, e.g. `ORDER#{orderId}`.
   *
   * Required when the index has a sort key; not allowed when it has none.
   *
   * @default - the index has no sort key
   */
  readonly sortKey?: string;
}

/**
 * One entity of a single-table design: the shape of its primary key (and of its keys in any
 * global secondary index) as key templates.
 *
 * @example
 * const user: patterns.EntityDefinition = {
 *   name: 'User',
 *   partitionKey: 'USER#{userId}',
 *   sortKey: 'PROFILE',
 * };
 */
export interface EntityDefinition {
  /**
   * Name of the entity, unique in the table, e.g. `Order`.
   */
  readonly name: string;

  /**
   * Key template of the partition key (`PK`), e.g. `USER#{userId}`.
   */
  readonly partitionKey: string;

  /**
   * Key template of the sort key (`SK`), e.g. `ORDER#{orderId}` or `PROFILE`.
   */
  readonly sortKey: string;

  /**
   * The entity's keys in global secondary indexes (a sparse index only holds the entities that
   * write its keys).
   *
   * @default - the entity is in no global secondary index
   */
  readonly indexKeys?: EntityIndexKeys[];

  /**
   * What the entity is, for the rendered documentation.
   *
   * @default - no description
   */
  readonly description?: string;
}

/**
 * The operator of a sort key condition.
 */
export enum KeyConditionOperator {
  /** `SK = :value`: one item (or one sort key value). */
  EQUALS = 'EQUALS',
  /** `begins_with(SK, :prefix)`: every item whose sort key starts with the prefix. */
  BEGINS_WITH = 'BEGINS_WITH',
}

/**
 * A condition on the sort key of a query: equality or a `begins_with` prefix.
 */
export class KeyCondition {
  /**
   * The sort key equals a value, e.g. `KeyCondition.equalTo('PROFILE')`.
   *
   * @param value a key template, e.g. `PROFILE` or `ORDER#{orderId}`
   */
  public static equalTo(value: string): KeyCondition {
    return new KeyCondition(KeyConditionOperator.EQUALS, value);
  }

  /**
   * The sort key starts with a prefix, e.g. `KeyCondition.beginsWith('ORDER#')`.
   *
   * @param prefix a key template prefix, e.g. `ORDER#` or `ORDER#{year}-`
   */
  public static beginsWith(prefix: string): KeyCondition {
    return new KeyCondition(KeyConditionOperator.BEGINS_WITH, prefix);
  }

  private constructor(
    /** The operator. */
    public readonly operator: KeyConditionOperator,
    /** The value (EQUALS) or prefix (BEGINS_WITH), a key template. */
    public readonly value: string,
  ) {}

  /**
   * The condition as a DynamoDB key condition expression fragment, e.g. `begins_with(SK, :sk)`.
   *
   * @param attributeName the sort key attribute, e.g. `SK`
   * @param placeholder the expression attribute value, e.g. `:sk`
   */
  public toExpression(attributeName: string, placeholder: string): string {
    return this.operator === KeyConditionOperator.EQUALS
      ? `${attributeName} = ${placeholder}`
      : `begins_with(${attributeName}, ${placeholder})`;
  }
}

/**
 * The order in which a query returns items, by sort key.
 */
export enum SortDirection {
  /** Ascending sort key order (`ScanIndexForward: true`, DynamoDB's default). */
  ASCENDING = 'ASCENDING',
  /** Descending sort key order (`ScanIndexForward: false`), e.g. newest first. */
  DESCENDING = 'DESCENDING',
}

/**
 * One named access pattern: a query the table (or one of its global secondary indexes) must serve.
 *
 * @example
 * const listOrders: patterns.AccessPattern = {
 *   name: 'List a user\'s orders, newest first',
 *   partitionKey: 'USER#{userId}',
 *   sortKey: patterns.KeyCondition.beginsWith('ORDER#'),
 *   sortDirection: patterns.SortDirection.DESCENDING,
 * };
 */
export interface AccessPattern {
  /**
   * Name of the access pattern, unique in the table, e.g. `Get user profile`.
   */
  readonly name: string;

  /**
   * The global secondary index the query runs on.
   *
   * @default - the table's own key (`PK` / `SK`)
   */
  readonly indexName?: string;

  /**
   * Key template of the partition key value the query asks for (always an equality), e.g.
   * `USER#{userId}`, or a value of one (`STATUS#shipped` for `STATUS#{status}`). It must fit the
   * partition key template of at least one entity on that index.
   */
  readonly partitionKey: string;

  /**
   * The condition on the sort key.
   *
   * @default - no condition: every item in the partition
   */
  readonly sortKey?: KeyCondition;

  /**
   * The order the query returns items in.
   *
   * @default SortDirection.ASCENDING
   */
  readonly sortDirection?: SortDirection;

  /**
   * What the pattern is for, for the rendered documentation.
   *
   * @default - no description
   */
  readonly description?: string;
}

/**
 * A capacity range for provisioned billing: the table (and every global secondary index) scales
 * between `minCapacity` and `maxCapacity` units.
 */
export interface CapacityRange {
  /**
   * The lowest capacity auto-scaling may set (also the initial provisioned capacity), at least 1.
   */
  readonly minCapacity: number;

  /**
   * The highest capacity auto-scaling may set, at least `minCapacity`.
   */
  readonly maxCapacity: number;
}
