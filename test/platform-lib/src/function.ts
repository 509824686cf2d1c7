import { ArnFormat, Stack, Tags, aws_kms as kms, aws_lambda as lambda } from 'aws-cdk-lib';
import { PowertoolsFunction, PowertoolsFunctionProps } from 'cdk-cloud-patterns';
import { Construct } from 'constructs';
import { AcmeDefaults, AcmeTag } from './tags';

/** Properties of an `AcmeFunction`: the library's, plus the ACME ones. */
export interface AcmeFunctionProps extends PowertoolsFunctionProps {
  /**
   * The KMS key for the function's log group and dead-letter queue (ACME forces KMS on both).
   *
   * @default - a new key with rotation, `<id>Key` beside the function
   */
  readonly teamKey?: kms.IKey;

  /**
   * The version of the ACME telemetry layer.
   *
   * @default AcmeFunction.TEAM_LAYER_VERSION
   */
  readonly teamLayerVersion?: number;
}

/**
 * PowertoolsFunction with the ACME defaults: a customer-managed KMS key on the log group and the
 * dead-letter queue, the ACME telemetry layer next to the Powertools layer, and the ACME Team and
 * CostCenter tags. Everything else is the library's.
 *
 * @example
 * new AcmeFunction(this, 'Orders', { serviceName: 'orders', code, handler: 'index.handler' });
 */
export class AcmeFunction extends PowertoolsFunction {
  /** The account that publishes the ACME telemetry layer. */
  public static readonly TEAM_LAYER_ACCOUNT = '111122223333';
  /** The name of the ACME telemetry layer. */
  public static readonly TEAM_LAYER_NAME = 'acme-telemetry';
  /** The pinned version of the ACME telemetry layer. */
  public static readonly TEAM_LAYER_VERSION = 7;

  /** The KMS key of the log group and the dead-letter queue. */
  public readonly teamKey: kms.IKey;
  /** The ACME telemetry layer. */
  public readonly teamLayer: lambda.ILayerVersion;

  constructor(scope: Construct, id: string, props: AcmeFunctionProps) {
    // The key must exist before super() builds the log group and the queue, and `this` cannot be
    // a scope yet: a key the caller did not give is created beside the function.
    const key = props.teamKey ?? new kms.Key(scope, `${id}Key`, {
      enableKeyRotation: true,
      description: `ACME key of the function ${id}: log group and dead-letter queue`,
    });
    super(scope, id, {
      ...props,
      logGroupEncryptionKey: props.logGroupEncryptionKey ?? key,
      deadLetterQueueEncryptionKey: props.deadLetterQueueEncryptionKey ?? key,
    });
    this.teamKey = key;

    const stack = Stack.of(this);
    this.teamLayer = lambda.LayerVersion.fromLayerVersionArn(this, 'TeamLayer', stack.formatArn({
      service: 'lambda',
      account: AcmeFunction.TEAM_LAYER_ACCOUNT,
      resource: 'layer',
      resourceName: `${AcmeFunction.TEAM_LAYER_NAME}:${props.teamLayerVersion ?? AcmeFunction.TEAM_LAYER_VERSION}`,
      arnFormat: ArnFormat.COLON_RESOURCE_NAME,
    }));
    this.addLayers(this.teamLayer);

    Tags.of(this).add('Team', AcmeDefaults.TEAM);
    Tags.of(this).add(AcmeTag.COST_CENTER, AcmeDefaults.COST_CENTER);
  }
}
