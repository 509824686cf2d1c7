import * as lambda from 'aws-cdk-lib/aws-lambda';
import { handlerAssetPath } from './private/assets';

/**
 * The Lambda handlers the library ships, prebundled (TypeScript + Powertools, bundled by esbuild at
 * library build time into the package). Deploy them with `PowertoolsFunction` from any jsii
 * language; no esbuild or Docker is needed at synth. Every handler's entry point is
 * `PatternHandlers.HANDLER` (`index.handler`).
 *
 * @example
 * new PowertoolsFunction(this, 'Orders', {
 *   serviceName: 'orders',
 *   code: PatternHandlers.ordersApi(),
 *   handler: PatternHandlers.HANDLER,
 * });
 */
export class PatternHandlers {
  /** The entry point of every shipped handler. */
  public static readonly HANDLER = 'index.handler';

  /**
   * The patterns document's TypeScript API handler (Powertools logger keys, tracer subsegment,
   * metric, 500 on error, metrics flushed in `finally`); writes orders to the table named by
   * the `TABLE_NAME` environment variable.
   */
  public static ordersApi(): lambda.Code {
    return lambda.Code.fromAsset(handlerAssetPath('orders-api'));
  }

  /**
   * The document's DynamoDB SDK v3 patterns (create-only put, newest-first query, the two-item
   * order transaction) over the table named by `TABLE_NAME`; deploy next to a `SingleTable`.
   */
  public static ordersTable(): lambda.Code {
    return lambda.Code.fromAsset(handlerAssetPath('orders-table'));
  }

  /**
   * An EventBridge rule target for `OrderCreated` events that publishes `OrderAccepted` to the bus
   * named by `EVENT_BUS_NAME` (the library's batching, retrying publisher); deploy it behind an
   * `EventBusWithArchive` rule and grant it `grantPutEventsTo`.
   */
  public static orderEvents(): lambda.Code {
    return lambda.Code.fromAsset(handlerAssetPath('order-events'));
  }

  /**
   * The presigned-URL issuer (GET, PUT and multipart under the caller's own prefix) that
   * `PresignedUrlIssuer` deploys for a `SecureBucket`.
   */
  public static presign(): lambda.Code {
    return lambda.Code.fromAsset(handlerAssetPath('presign'));
  }

  private constructor() {}
}
