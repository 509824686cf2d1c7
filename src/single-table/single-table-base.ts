import { aws_cloudwatch as cloudwatch, aws_dynamodb as dynamodb, aws_iam as iam, aws_kms as kms } from 'aws-cdk-lib';
import { Construct, IConstruct } from 'constructs';
import { LEADING_KEYS_ACTIONS, LEADING_KEYS_READ_ACTIONS } from './perms';
import { ConstructValidationError } from '../core/private/errors';
import { isUnresolved } from '../core/private/validation';

/**
 * Options of `SingleTable.grantLeadingKeys`.
 */
export interface LeadingKeysGrantOptions {
  /**
   * The partition key values the grantee may use, before `keyPrefix` is added. Policy variables
   * are allowed (`${aws:userid}`, `${cognito-identity.amazonaws.com:sub}`).
   *
   * @default ['${aws:userid}'] - the caller's own user id, as the patterns document does
   */
  readonly leadingKeys?: string[];

  /**
   * Literal text in front of every leading key. With key templates like `USER#{userId}` the
   * caller's partition is `USER#<id>`, so grant `keyPrefix: 'USER#'`. A SingleTable with declared
   * entities warns (`cdk-cloud-patterns:SingleTable.leadingKeyPrefix`) when `keyPrefix` plus a key
   * value fits no entity's partition key template.
   *
   * @default '' - the partition key value is the user id itself
   */
  readonly keyPrefix?: string;

  /**
   * The item-level actions granted; only actions whose requests carry `dynamodb:LeadingKeys` are
   * allowed (never `dynamodb:Scan`, which would match the condition vacuously).
   *
   * @default - GetItem, BatchGetItem, Query, PutItem, UpdateItem, DeleteItem, BatchWriteItem, ConditionCheckItem
   */
  readonly actions?: string[];

  /**
   * Whether the grant also covers the table's indexes (then the condition applies to each index's
   * partition key).
   *
   * @default false
   */
  readonly includeIndexes?: boolean;
}

/**
 * A single-table DynamoDB table, created here (`SingleTable`) or imported
 * (`SingleTable.fromTableAttributes`): grants and metrics.
 */
export interface ISingleTable extends IConstruct {
  /**
   * The name of the table.
   *
   * @attribute
   */
  readonly tableName: string;

  /**
   * The ARN of the table.
   *
   * @attribute
   */
  readonly tableArn: string;

  /**
   * The customer-managed key of the table, if any.
   */
  readonly encryptionKey?: kms.IKey;

  /**
   * Grants the given actions on the table and its indexes.
   *
   * @param grantee the principal
   * @param actions the DynamoDB actions
   */
  grant(grantee: iam.IGrantable, ...actions: string[]): iam.Grant;

  /**
   * Grants reading items.
   *
   * @param grantee the principal
   */
  grantReadData(grantee: iam.IGrantable): iam.Grant;

  /**
   * Grants writing items.
   *
   * @param grantee the principal
   */
  grantWriteData(grantee: iam.IGrantable): iam.Grant;

  /**
   * Grants reading and writing items.
   *
   * @param grantee the principal
   */
  grantReadWriteData(grantee: iam.IGrantable): iam.Grant;

  /**
   * Grants item access limited to the caller's own partitions (`dynamodb:LeadingKeys`).
   *
   * @param grantee the principal
   * @param options leading keys, key prefix, actions, indexes
   */
  grantLeadingKeys(grantee: iam.IGrantable, options?: LeadingKeysGrantOptions): iam.Grant;

  /**
   * A CloudWatch metric of the table.
   *
   * @param metricName the metric name
   * @param props options
   */
  metric(metricName: string, props?: cloudwatch.MetricOptions): cloudwatch.Metric;

  /**
   * Read capacity units consumed: sum over 5 minutes.
   *
   * @param props options
   */
  metricConsumedReadCapacityUnits(props?: cloudwatch.MetricOptions): cloudwatch.Metric;

  /**
   * Write capacity units consumed: sum over 5 minutes.
   *
   * @param props options
   */
  metricConsumedWriteCapacityUnits(props?: cloudwatch.MetricOptions): cloudwatch.Metric;

  /**
   * Requests that failed with a client error (HTTP 400): sum over 5 minutes.
   *
   * @param props options
   */
  metricUserErrors(props?: cloudwatch.MetricOptions): cloudwatch.Metric;

  /**
   * Requests throttled, summed over the given operations.
   *
   * @param props the operations and metric options
   */
  metricThrottledRequestsForOperations(props?: dynamodb.OperationsMetricOptions): cloudwatch.IMetric;

  /**
   * Requests that failed with a server error (HTTP 500), summed over the given operations.
   *
   * @param props the operations and metric options
   */
  metricSystemErrorsForOperations(props?: dynamodb.SystemErrorsForOperationsMetricOptions): cloudwatch.IMetric;
}

/**
 * Grants and metrics shared by a created and an imported single table; they delegate to the
 * DynamoDB table.
 */
export abstract class SingleTableBase extends Construct implements ISingleTable {
  /** The name of the table. @attribute */
  public abstract readonly tableName: string;
  /** The ARN of the table. @attribute */
  public abstract readonly tableArn: string;
  /** The customer-managed key of the table, if any. */
  public abstract readonly encryptionKey?: kms.IKey;

  /**
   * The DynamoDB table that grants and metrics delegate to. A subclass (in any jsii language)
   * implements it to return its table.
   */
  protected abstract tableRef(): dynamodb.ITable;

  /**
   * Hook for a table that knows its entities: warn when `keyPrefix` + a key value is no declared
   * entity's partition key. An imported table knows none, so it checks nothing.
   *
   * @internal
   */
  protected _checkLeadingKeyPrefix(_prefix: string): void {}

  /**
   * Grants the given actions on the table (and its indexes) to the grantee.
   *
   * @param grantee the principal
   * @param actions the DynamoDB actions, e.g. `dynamodb:PutItem`
   */
  public grant(grantee: iam.IGrantable, ...actions: string[]): iam.Grant {
    return this.tableRef().grant(grantee, ...actions);
  }

  /**
   * Grants reading items (and key decryption with a customer key).
   *
   * @param grantee the principal
   */
  public grantReadData(grantee: iam.IGrantable): iam.Grant {
    return this.tableRef().grantReadData(grantee);
  }

  /**
   * Grants writing items (and key use with a customer key).
   *
   * @param grantee the principal
   */
  public grantWriteData(grantee: iam.IGrantable): iam.Grant {
    return this.tableRef().grantWriteData(grantee);
  }

  /**
   * Grants reading and writing items (and key use with a customer key).
   *
   * @param grantee the principal
   */
  public grantReadWriteData(grantee: iam.IGrantable): iam.Grant {
    return this.tableRef().grantReadWriteData(grantee);
  }

  /**
   * Grants item access limited to the caller's own partitions (DDB-7, IAM-2): the actions are
   * allowed on the table only when every partition key of the request is one of the leading keys
   * (`ForAllValues:StringEquals` on `dynamodb:LeadingKeys`), by default `${aws:userid}`.
   *
   * With key templates like `USER#{userId}` pass `keyPrefix: 'USER#'`, so the caller may use
   * `USER#<own id>` and nothing else.
   *
   * @param grantee the principal
   * @param options leading keys, key prefix, actions, indexes
   */
  public grantLeadingKeys(grantee: iam.IGrantable, options: LeadingKeysGrantOptions = {}): iam.Grant {
    const actions = options.actions ?? [...LEADING_KEYS_ACTIONS];
    actions.forEach((action, i) => {
      if (!isUnresolved(action) && !LEADING_KEYS_ACTIONS.includes(action)) {
        throw new ConstructValidationError(this, {
          prop: `grantLeadingKeys actions[${i}]`,
          received: action,
          allowed: `an item-level action whose requests carry dynamodb:LeadingKeys: ${LEADING_KEYS_ACTIONS.join(', ')}`,
          hint: action === 'dynamodb:Scan' ? 'A Scan has no leading key, so ForAllValues would allow it on every partition' : undefined,
        });
      }
    });
    if (actions.length === 0) {
      throw new ConstructValidationError(this, { prop: 'grantLeadingKeys actions', received: actions, allowed: 'at least one action' });
    }
    const leadingKeys = options.leadingKeys ?? ['${aws:userid}'];
    if (leadingKeys.length === 0) {
      throw new ConstructValidationError(this, {
        prop: 'grantLeadingKeys leadingKeys',
        received: leadingKeys,
        allowed: "at least one key value, e.g. '${aws:userid}'",
      });
    }
    const prefix = options.keyPrefix ?? '';
    this._checkLeadingKeyPrefix(prefix);
    const resourceArns = [this.tableRef().tableArn];
    if (options.includeIndexes) resourceArns.push(`${this.tableRef().tableArn}/index/*`);
    const grant = iam.Grant.addToPrincipal({
      grantee,
      actions,
      resourceArns,
      conditions: {
        'ForAllValues:StringEquals': { 'dynamodb:LeadingKeys': leadingKeys.map((key) => `${prefix}${key}`) },
      },
    });
    if (!this.encryptionKey) return grant;
    const readOnly = actions.every((a) => LEADING_KEYS_READ_ACTIONS.includes(a));
    return grant.combine(readOnly ? this.encryptionKey.grantDecrypt(grantee) : this.encryptionKey.grantEncryptDecrypt(grantee));
  }

  /**
   * A CloudWatch metric of the table (namespace `AWS/DynamoDB`, dimension `TableName`).
   *
   * @param metricName the metric name
   * @param props options; statistic and period default as in `dynamodb.Table.metric`
   */
  public metric(metricName: string, props?: cloudwatch.MetricOptions): cloudwatch.Metric {
    return this.tableRef().metric(metricName, props);
  }

  /**
   * Read capacity units consumed: sum over 5 minutes.
   *
   * @param props options to override the statistic or period
   */
  public metricConsumedReadCapacityUnits(props?: cloudwatch.MetricOptions): cloudwatch.Metric {
    return this.tableRef().metricConsumedReadCapacityUnits(props);
  }

  /**
   * Write capacity units consumed: sum over 5 minutes.
   *
   * @param props options to override the statistic or period
   */
  public metricConsumedWriteCapacityUnits(props?: cloudwatch.MetricOptions): cloudwatch.Metric {
    return this.tableRef().metricConsumedWriteCapacityUnits(props);
  }

  /**
   * Requests that failed with a client error (HTTP 400): sum over 5 minutes.
   *
   * @param props options to override the statistic or period
   */
  public metricUserErrors(props?: cloudwatch.MetricOptions): cloudwatch.Metric {
    return this.tableRef().metricUserErrors(props);
  }

  /**
   * Requests throttled, summed over the given operations (all item operations by default).
   *
   * @param props the operations and metric options
   */
  public metricThrottledRequestsForOperations(props?: dynamodb.OperationsMetricOptions): cloudwatch.IMetric {
    return this.tableRef().metricThrottledRequestsForOperations(props);
  }

  /**
   * Requests that failed with a server error (HTTP 500), summed over the given operations.
   *
   * @param props the operations and metric options
   */
  public metricSystemErrorsForOperations(props?: dynamodb.SystemErrorsForOperationsMetricOptions): cloudwatch.IMetric {
    return this.tableRef().metricSystemErrorsForOperations(props);
  }

}
