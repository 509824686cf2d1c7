import { Duration, RemovalPolicy, Stack, aws_lambda as lambda, aws_lambda_destinations as destinations, aws_logs as logs } from 'aws-cdk-lib';
import { Construct } from 'constructs';
import { plainDeadLetterQueue } from './dead-letter-queue';

/** What a plain PowertoolsFunction needs besides its id. */
export interface PlainFunctionProps {
  readonly serviceName: string;
  readonly code: lambda.Code;
  readonly environment?: Record<string, string>;
  /** The Powertools layer (shared by the functions of a stack); imported for this function if not given. */
  readonly layer?: lambda.ILayerVersion;
}

/** The Powertools layer of the stack's region, the version PowertoolsFunction pins. */
export function plainPowertoolsLayer(scope: Construct, id: string): lambda.ILayerVersion {
  // plain:start
  const stack = Stack.of(scope);
  return lambda.LayerVersion.fromLayerVersionArn(scope, id,
    `arn:${stack.partition}:lambda:${stack.region}:094274105915:layer:AWSLambdaPowertoolsTypeScriptV2:50`);
  // plain:end
}

/**
 * PowertoolsFunction's checklist (LAM-2…8) in plain aws-cdk-lib: a log group with retention, an
 * arm64 Node.js function with X-Ray, JSON logs, the Powertools layer and environment, reserved
 * concurrency, a dead-letter queue with an alarm for async failures, and a `live` alias.
 */
export function plainPowertoolsFunction(scope: Construct, id: string, props: PlainFunctionProps): lambda.Alias {
  // plain:start
  const logGroup = new logs.LogGroup(scope, `${id}LogGroup`, { retention: logs.RetentionDays.ONE_YEAR, removalPolicy: RemovalPolicy.RETAIN });
  const deadLetterQueue = plainDeadLetterQueue(scope, `${id}DeadLetterQueue`);
  const fn = new lambda.Function(scope, id, {
    runtime: lambda.Runtime.NODEJS_24_X,
    architecture: lambda.Architecture.ARM_64,
    code: props.code,
    handler: 'index.handler',
    memorySize: 512,
    timeout: Duration.seconds(10),
    reservedConcurrentExecutions: 100,
    tracing: lambda.Tracing.ACTIVE,
    layers: [props.layer ?? plainPowertoolsLayer(scope, `${id}PowertoolsLayer`)],
    logGroup,
    loggingFormat: lambda.LoggingFormat.JSON,
    applicationLogLevelV2: lambda.ApplicationLogLevel.WARN,
    systemLogLevelV2: lambda.SystemLogLevel.WARN,
    deadLetterQueue,
    environment: {
      ...props.environment,
      POWERTOOLS_SERVICE_NAME: props.serviceName,
      POWERTOOLS_METRICS_NAMESPACE: props.serviceName,
      POWERTOOLS_LOG_LEVEL: 'WARN',
      POWERTOOLS_TRACE_ENABLED: 'true',
    },
  });
  fn.configureAsyncInvoke({
    onFailure: new destinations.SqsDestination(deadLetterQueue),
    retryAttempts: 2,
    maxEventAge: Duration.hours(1),
  });
  return new lambda.Alias(scope, `${id}LiveAlias`, { aliasName: 'live', version: fn.currentVersion });
  // plain:end
}
