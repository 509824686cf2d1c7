import { Duration, Lazy, Stack } from 'aws-cdk-lib';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as kms from 'aws-cdk-lib/aws-kms';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import * as destinations from 'aws-cdk-lib/aws-lambda-destinations';
import * as logs from 'aws-cdk-lib/aws-logs';
import * as secretsmanager from 'aws-cdk-lib/aws-secretsmanager';
import * as sqs from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { assertLayerRuntime, languageOf, PowertoolsLanguageKind, powertoolsLayerArn } from './powertools-layer';
import { latestRuntimeFindings, newestRuntime } from './powertools-runtimes';
import { AlarmRouting } from '../core/alarm-routing';
import { DeadLetterQueue } from '../core/dead-letter-queue';
import { DeploymentStage, DeploymentStageOptions } from '../core/deployment-stage';
import { StageLogGroup } from '../core/log-group';
import { addWarning, ConstructValidationError } from '../core/private/errors';
import { acknowledgeInherent } from '../core/private/rule-packs';
import { assertNotPlaintextSecret } from '../core/private/secrets';
import { checkDuration, checkNonEmpty, checkNumber, isUnresolved, pendingScope, requireProps } from '../core/private/validation';
import { StagePolicy } from '../core/stage-policy';

/**
 * The options of a `PowertoolsFunction` other than its code, handler and service name: what a
 * construct that creates a `PowertoolsFunction` for you (such as `PresignedUrlIssuer`) passes on.
 *
 * Every `lambda.FunctionOptions` prop is accepted and wins over the construct's default; the props
 * below are the ones the construct adds.
 */
export interface PowertoolsFunctionOptions extends lambda.FunctionOptions, DeploymentStageOptions {
  /**
   * The runtime. A Node.js runtime gets the Powertools for TypeScript layer and variables, a
   * Python runtime the Powertools for Python ones. With the official layer, the runtime must be one
   * that layer supports (`PowertoolsRuntimes.nodejsRuntimeNames()`, `pythonRuntimeNames()`); any
   * other runtime is an error unless `powertoolsLayerEnabled` is false or `powertoolsLayer` is given.
   *
   * The default follows aws-cdk-lib and Powertools: the newest Node.js runtime that both the
   * installed aws-cdk-lib knows and the Powertools layer supports (`PowertoolsRuntimes.newestNodejs()`,
   * `nodejs24.x` today). When an aws-cdk-lib upgrade or a release of this library moves it,
   * `cdk diff` shows the function's `Runtime` changing in place (and a new `AWS::Lambda::Version`
   * behind the `live` alias); the TypeScript layer ARN is the same for every Node.js runtime. Pass
   * `runtime` to pin it. When aws-cdk-lib knows a newer runtime than the layer supports (for
   * example `nodejs26.x`), the function acknowledges `AwsSolutions-L1` and
   * `Serverless-LambdaLatestVersion` on itself with that reason, and only for the newest runtime
   * the layer supports.
   *
   * @default PowertoolsRuntimes.newestNodejs()
   */
  readonly runtime?: lambda.Runtime;

  /**
   * The CloudWatch metrics namespace Powertools Metrics publishes to (`POWERTOOLS_METRICS_NAMESPACE`).
   * Must not be empty.
   *
   * @default - the service name
   */
  readonly metricsNamespace?: string;

  /**
   * Whether to attach the Powertools layer. Turn it off when your bundle already contains
   * Powertools (then any runtime is accepted). Must not be `false` when `powertoolsLayer` is given.
   *
   * @default true
   */
  readonly powertoolsLayerEnabled?: boolean;

  /**
   * Another version of the official Powertools layer to pin (the layer version number in the ARN).
   * Has no effect (warning `cdk-cloud-patterns:PowertoolsFunction.powertoolsLayerVersionIgnored`) when `powertoolsLayer`
   * is given or `powertoolsLayerEnabled` is false.
   *
   * @default - `PowertoolsLayerVersions.TYPESCRIPT_V2` for Node.js, `PowertoolsLayerVersions.PYTHON_V3` for Python
   */
  readonly powertoolsLayerVersion?: number;

  /**
   * A Powertools layer you provide (for example a private copy, or the ARN for China or GovCloud).
   * Replaces the resolved official layer.
   *
   * @default - the official layer for the runtime's language, the stack's partition and region and the architecture
   */
  readonly powertoolsLayer?: lambda.ILayerVersion;

  /**
   * Secrets Manager secrets the function reads at run time. Each entry grants read on the secret
   * (and its key) and sets the environment variable `<NAME>_SECRET_ARN` to the secret's ARN; the
   * code fetches the value (for example with Powertools Parameters' `getSecret`). Never put secret
   * values in `environment`: secret-looking plaintext values are rejected.
   *
   * @default - no secrets
   */
  readonly secrets?: { [name: string]: secretsmanager.ISecret };

  /**
   * Provisioned concurrency of the `live` alias, for latency-sensitive paths whose p99 exceeds the
   * budget. Must not exceed the reserved concurrency.
   *
   * @default - no provisioned concurrency
   */
  readonly provisionedConcurrentExecutions?: number;

  /**
   * The p99 duration budget. When given, a CloudWatch alarm fires when the function's p99 duration
   * exceeds it for 3 of 3 five-minute periods (`latencyAlarm`). Must be less than the timeout.
   *
   * @default - no latency alarm
   */
  readonly latencyBudget?: Duration;

  /**
   * Actions (for example an SNS topic action) added to every alarm the construct creates (DLQ
   * depth, latency).
   *
   * @default - the destination `AlarmRouting` resolves for the construct's scope (a setting on the stack
   * or app, else the context key `cdk-cloud-patterns:alarmTopicArn`, else the stack's alarm topic);
   * `[]` means no action, on purpose
   */
  readonly alarmActions?: cloudwatch.IAlarmAction[];

  /**
   * A KMS key for the log group the construct creates (regulated workloads). The key policy is
   * extended to let CloudWatch Logs in this region use it, when the key belongs to this app. Has no
   * effect (warning `cdk-cloud-patterns:PowertoolsFunction.logGroupEncryptionKeyIgnored`) when `logGroup` is given;
   * likewise `logRetention` (`cdk-cloud-patterns:PowertoolsFunction.logRetentionIgnored`).
   *
   * @default - the log group uses CloudWatch Logs' own encryption
   */
  readonly logGroupEncryptionKey?: kms.IKey;

  /**
   * A KMS key for the dead-letter queue the construct creates. Has no effect (warning
   * `cdk-cloud-patterns:PowertoolsFunction.deadLetterQueueEncryptionKeyIgnored`) when the construct creates none
   * (`deadLetterQueue`, `deadLetterTopic` or `deadLetterQueueEnabled: false`).
   *
   * @default - SQS-managed server-side encryption (SSE-SQS)
   */
  readonly deadLetterQueueEncryptionKey?: kms.IKey;

  /**
   * Whether to reserve concurrency by stage when `reservedConcurrentExecutions` is not given
   * (LAM-7: `PROD_RESERVED_CONCURRENCY` in PROD, `DEV_RESERVED_CONCURRENCY` in DEV). A reservation
   * is taken from the account's regional concurrency pool (1,000 by default) whether the function
   * is busy or not; turn it off to reserve nothing unless you pass `reservedConcurrentExecutions`.
   *
   * @default true
   */
  readonly stageReservedConcurrency?: boolean;
}

/**
 * Properties of a `PowertoolsFunction`.
 *
 * Every `lambda.FunctionOptions` prop is accepted and wins over the construct's default; the props
 * of `PowertoolsFunctionOptions` and the three below are the ones the construct adds.
 */
export interface PowertoolsFunctionProps extends PowertoolsFunctionOptions {
  /**
   * The service name: `POWERTOOLS_SERVICE_NAME`, the `service` key of every log line and the
   * `service` dimension of every metric. Must not be empty.
   */
  readonly serviceName: string;

  /** The function's code (prebuilt: an asset folder, an S3 object or inline code). */
  readonly code: lambda.Code;

  /** The handler, e.g. `index.handler` (Node.js) or `app.handler` (Python). */
  readonly handler: string;
}

/** A valid environment variable name. */
const ENV_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

/**
 * An AWS Lambda function with the AWS cloud patterns checklist built in: Powertools for AWS Lambda
 * (TypeScript or Python) configured through its layer and environment, X-Ray tracing, JSON logs
 * with a stage-dependent level, an explicit log group with bounded retention, an encrypted
 * dead-letter queue with an alarm, bounded async retries, stage-dependent reserved concurrency, a
 * `live` alias (with optional provisioned concurrency and p99 alarm), a least-privilege role, and
 * a synth-time guard against secrets in plaintext environment variables.
 *
 * @example
 * new PowertoolsFunction(this, 'Orders', {
 *   serviceName: 'orders',
 *   code: lambda.Code.fromAsset('dist/orders'),
 *   handler: 'index.handler',
 * });
 */
export class PowertoolsFunction extends lambda.Function {
  /** The default timeout: short, for a synchronous API behind API Gateway (29 s integration limit). */
  public static readonly DEFAULT_TIMEOUT = Duration.seconds(10);
  /** The default memory size in MiB (see `memorySize` in the README for the basis and how to tune). */
  public static readonly DEFAULT_MEMORY_SIZE = 512;
  /** Reserved concurrency in PROD. */
  public static readonly PROD_RESERVED_CONCURRENCY = 100;
  /** Reserved concurrency in DEV. */
  public static readonly DEV_RESERVED_CONCURRENCY = 10;
  /** The default number of retries of an asynchronous invocation. */
  public static readonly DEFAULT_RETRY_ATTEMPTS = 2;
  /** The default maximum age of an asynchronous event before it goes to the dead-letter queue. */
  public static readonly DEFAULT_MAX_EVENT_AGE = Duration.hours(1);
  /** The name of the alias that always exists. */
  public static readonly LIVE_ALIAS_NAME = 'live';
  /**
   * The construct id of the log group the construct creates. It is the id `lambda.Function` uses
   * under `@aws-cdk/aws-lambda:useCdkManagedLogGroup`, and it never changes (a changed id would
   * replace the log group).
   */
  public static readonly LOG_GROUP_ID = 'LogGroup';

  /** Validates the props and computes what `lambda.Function` gets (runs before `super`). */
  private static plan(scope: Construct, id: string, props: PowertoolsFunctionProps): FunctionPlan {
    // errors name `[<path>/<id>]`, the path the function will have
    const errorScope = pendingScope(scope, id);

    const serviceNameAllowed = "a non-empty name, e.g. 'orders'";
    requireProps(errorScope, props, {
      serviceName: serviceNameAllowed,
      code: "the function's code, e.g. lambda.Code.fromAsset('dist/orders') or PatternHandlers.ordersApi()",
      handler: "the handler, e.g. 'index.handler' (Node.js) or 'app.handler' (Python)",
    });
    checkNonEmpty(errorScope, 'serviceName', props.serviceName, serviceNameAllowed);
    checkNonEmpty(errorScope, 'metricsNamespace', props.metricsNamespace,
      'a non-empty CloudWatch namespace, e.g. \'OrdersService\', or undefined for the service name');
    const timeout = props.timeout ?? PowertoolsFunction.DEFAULT_TIMEOUT;
    checkDuration(errorScope, timeout, {
      prop: 'timeout',
      max: Duration.minutes(15),
      allowed: 'at most 15 minutes (the Lambda maximum); keep it short for synchronous APIs',
    });

    const budget = props.latencyBudget;
    if (budget && !isUnresolved(budget) && !isUnresolved(timeout) &&
      (budget.toMilliseconds() <= 0 || budget.toMilliseconds() >= timeout.toMilliseconds())) {
      throw new ConstructValidationError(errorScope, {
        prop: 'latencyBudget',
        received: budget,
        allowed: `more than 0 and less than the timeout (${timeout.toHumanString()}): p99 duration never exceeds the timeout, so the alarm could not fire`,
      });
    }

    const policy = StagePolicy.of(scope, props.stage);
    const isProd = policy.isProd;
    const runtime = props.runtime ?? newestRuntime(lambda.RuntimeFamily.NODEJS);
    const language = languageOf(runtime);
    if (props.powertoolsLayer && props.powertoolsLayerEnabled === false) {
      throw new ConstructValidationError(errorScope, {
        prop: 'powertoolsLayerEnabled',
        received: false,
        allowed: 'true or undefined when `powertoolsLayer` is given',
        hint: 'Pass `powertoolsLayer` to attach your layer, or `powertoolsLayerEnabled: false` to attach none, not both',
      });
    }
    if (!props.powertoolsLayer && props.powertoolsLayerEnabled !== false) {
      assertLayerRuntime(errorScope, runtime);
    }

    // what Lambda accepts, checked here so the error names the prop (found by the property tests)
    checkDuration(errorScope, timeout, { prop: 'timeout', min: Duration.seconds(1), wholeSeconds: true });
    checkNumber(errorScope, props.memorySize, { prop: 'memorySize', min: 128, max: 10240, allowed: 'an integer from 128 to 10240 (MiB)' });
    checkNumber(errorScope, props.reservedConcurrentExecutions, { prop: 'reservedConcurrentExecutions', min: 0 });
    checkNumber(errorScope, props.provisionedConcurrentExecutions, { prop: 'provisionedConcurrentExecutions', min: 1 });
    checkNumber(errorScope, props.retryAttempts, { prop: 'retryAttempts', min: 0, max: 2, allowed: 'an integer from 0 to 2 (Lambda\'s limit for asynchronous retries)' });
    checkDuration(errorScope, props.maxEventAge, { prop: 'maxEventAge', min: Duration.seconds(60), max: Duration.hours(6), wholeSeconds: true });
    checkNumber(errorScope, props.powertoolsLayerVersion, { prop: 'powertoolsLayerVersion', min: 1 });
    if (budget && isUnresolved(budget) && !millisecondsOf(budget)) {
      throw new ConstructValidationError(errorScope, {
        prop: 'latencyBudget',
        received: 'a token in a unit other than milliseconds',
        allowed: 'a concrete duration, or Duration.millis(<token>): the alarm threshold is in milliseconds and a token cannot be converted',
      });
    }
    const textLogs = (props.loggingFormat ?? props.logFormat) === lambda.LoggingFormat.TEXT;
    for (const [prop, value] of [['applicationLogLevelV2', props.applicationLogLevelV2], ['systemLogLevelV2', props.systemLogLevelV2]] as const) {
      if (textLogs && value !== undefined) {
        throw new ConstructValidationError(errorScope, {
          prop,
          received: value,
          allowed: 'only with loggingFormat JSON (Lambda\'s log-level controls apply to JSON logs)',
          hint: 'Drop the log level (Powertools still reads POWERTOOLS_LOG_LEVEL) or use LoggingFormat.JSON',
        });
      }
    }

    const reserved = props.reservedConcurrentExecutions ?? (props.stageReservedConcurrency === false ? undefined
      : isProd ? PowertoolsFunction.PROD_RESERVED_CONCURRENCY : PowertoolsFunction.DEV_RESERVED_CONCURRENCY);
    const provisioned = props.provisionedConcurrentExecutions;
    if (provisioned !== undefined && reserved !== undefined && !isUnresolved(provisioned) && !isUnresolved(reserved) && provisioned > reserved) {
      throw new ConstructValidationError(errorScope, {
        prop: 'provisionedConcurrentExecutions',
        received: provisioned,
        allowed: `at most the reserved concurrency (${reserved})`,
        hint: 'Raise `reservedConcurrentExecutions` or lower the provisioned concurrency',
      });
    }

    // LAM-2 / LAM-7: log level by stage, through Lambda's JSON logging controls and Powertools.
    // the deprecated string props (`applicationLogLevel`, `systemLogLevel`) may not be combined with the V2 ones
    const appLevel = props.applicationLogLevelV2 ?? (props.applicationLogLevel as lambda.ApplicationLogLevel | undefined) ??
      (isProd ? lambda.ApplicationLogLevel.WARN : lambda.ApplicationLogLevel.DEBUG);
    const jsonLogs = (props.loggingFormat ?? props.logFormat ?? lambda.LoggingFormat.JSON) === lambda.LoggingFormat.JSON;
    const tracingOn = props.tracing !== lambda.Tracing.DISABLED;
    const metricsNamespace = props.metricsNamespace ?? props.serviceName;
    const powertoolsEnv: { [key: string]: string } = {
      POWERTOOLS_SERVICE_NAME: props.serviceName,
      POWERTOOLS_METRICS_NAMESPACE: metricsNamespace,
      POWERTOOLS_LOG_LEVEL: powertoolsLogLevel(appLevel, language),
    };
    if (language === PowertoolsLanguageKind.PYTHON) {
      powertoolsEnv.POWERTOOLS_TRACE_DISABLED = tracingOn ? 'false' : 'true';
    } else {
      powertoolsEnv.POWERTOOLS_TRACE_ENABLED = tracingOn ? 'true' : 'false';
    }

    // LAM-5: the construct makes its own DLQ unless the user passed a queue or a topic or turned it off.
    const wantsOwnQueue = props.deadLetterQueue === undefined && props.deadLetterTopic === undefined &&
      props.deadLetterQueueEnabled !== false;

    // Our own props and the ones replaced after super are not passed on to lambda.Function.
    const {
      serviceName: _serviceName, stage: _stage, metricsNamespace: _metricsNamespace,
      powertoolsLayerEnabled: _layerEnabled, powertoolsLayerVersion: _layerVersion, powertoolsLayer: _layer,
      secrets: _secrets, provisionedConcurrentExecutions: _provisioned, latencyBudget: _budget,
      alarmActions: _alarmActions, logGroupEncryptionKey: _logKey, deadLetterQueueEncryptionKey: _dlqKey,
      logRetention: _logRetention, stageReservedConcurrency: _stageReserved,
      // async invocation settings are applied after super, once the dead-letter queue exists
      retryAttempts: _retryAttempts, maxEventAge: _maxEventAge, onFailure: _onFailure, onSuccess: _onSuccess,
      ...functionOptions
    } = props;
    const functionProps: lambda.FunctionProps = {
      ...functionOptions,
      runtime,
      timeout,
      memorySize: props.memorySize ?? PowertoolsFunction.DEFAULT_MEMORY_SIZE,
      architecture: props.architecture ?? lambda.Architecture.ARM_64,
      // X-Ray is configured after super, with its statement in a policy of its own (see configureTracing);
      // ADOT instrumentation turns tracing on inside lambda.Function, so it keeps lambda.Function's way
      tracing: props.adotInstrumentation !== undefined ? props.tracing ?? lambda.Tracing.ACTIVE : undefined,
      // the deprecated `logFormat` may not be combined with `loggingFormat`
      loggingFormat: props.logFormat !== undefined ? props.loggingFormat : (props.loggingFormat ?? lambda.LoggingFormat.JSON),
      // Lambda's log-level controls exist only for JSON logs: with text logs, only Powertools' variable
      applicationLogLevelV2: jsonLogs && props.applicationLogLevel === undefined ? appLevel : props.applicationLogLevelV2,
      systemLogLevelV2: jsonLogs && props.systemLogLevel === undefined
        ? props.systemLogLevelV2 ?? (isProd ? lambda.SystemLogLevel.WARN : lambda.SystemLogLevel.INFO)
        : props.systemLogLevelV2,
      reservedConcurrentExecutions: reserved,
      environment: { ...powertoolsEnv, ...props.environment },
      deadLetterQueueEnabled: wantsOwnQueue ? undefined : props.deadLetterQueueEnabled,
    };
    return { policy, metricsNamespace, functionProps, wantsOwnQueue, tracingOn: tracingOn && props.adotInstrumentation === undefined };
  }

  /** The deployment stage the construct was built for: the `stage` prop, else the CDK context key `env`, else PROD. */
  public readonly stage: DeploymentStage;
  /** The service name (`POWERTOOLS_SERVICE_NAME`). */
  public readonly serviceName: string;
  /** The metrics namespace (`POWERTOOLS_METRICS_NAMESPACE`). */
  public readonly metricsNamespace: string;
  /** The `live` alias: point callers (API Gateway, event sources) at it. */
  public readonly liveAlias: lambda.Alias;
  /** The Powertools layer attached, if any. */
  public readonly powertoolsLayer?: lambda.ILayerVersion;
  /** The log group the construct created (undefined when you passed `logGroup`). */
  public readonly functionLogGroup?: logs.LogGroup;
  /** The dead-letter queue the construct created (undefined when you passed your own or turned it off). */
  public readonly createdDeadLetterQueue?: sqs.Queue;
  /** The alarm on the dead-letter queue's depth (ApproximateNumberOfMessagesVisible > 0), when a queue is wired. */
  public readonly deadLetterQueueAlarm?: cloudwatch.Alarm;
  /** The p99 duration alarm, when `latencyBudget` is given. */
  public readonly latencyAlarm?: cloudwatch.Alarm;

  private readonly ownLogGroup?: logs.ILogGroupRef;

  constructor(scope: Construct, id: string, props: PowertoolsFunctionProps) {
    const plan = PowertoolsFunction.plan(scope, id, props);
    super(scope, id, plan.functionProps);

    this.stage = plan.policy.stage;
    this.serviceName = props.serviceName;
    this.metricsNamespace = plan.metricsNamespace;
    const cfn = this.node.defaultChild as lambda.CfnFunction;

    // LAM-8: an explicit log group, retention and removal policy by stage.
    if (props.logGroup) {
      this.ownLogGroup = props.logGroup;
    } else {
      // With the feature flag `@aws-cdk/aws-lambda:useCdkManagedLogGroup` (in every `cdk init` app),
      // lambda.Function has just made a `LogGroup` child named /aws/lambda/<function>, with the
      // default retention and no stage policy. It is referenced by nothing yet: the construct's own
      // group takes its place under the same id, so the template is the same with or without the
      // flag and turning the flag on later replaces nothing.
      this.node.tryRemoveChild(PowertoolsFunction.LOG_GROUP_ID);
      this.functionLogGroup = new StageLogGroup(this, PowertoolsFunction.LOG_GROUP_ID, {
        stage: plan.policy.stage,
        retention: props.logRetention,
        encryptionKey: props.logGroupEncryptionKey,
      });
      this.ownLogGroup = this.functionLogGroup;
      cfn.loggingConfig = {
        ...(cfn.loggingConfig as lambda.CfnFunction.LoggingConfigProperty | undefined),
        logGroup: this.functionLogGroup.logGroupName,
      };
    }

    // LAM-5: an SSE-encrypted, TLS-only SQS dead-letter queue.
    if (plan.wantsOwnQueue) {
      const queue = new DeadLetterQueue(this, 'DeadLetterQueue', {
        stage: plan.policy.stage,
        encryptionKey: props.deadLetterQueueEncryptionKey,
      });
      this.createdDeadLetterQueue = queue;
      (this as { deadLetterQueue?: sqs.IQueue }).deadLetterQueue = queue;
      cfn.deadLetterConfig = { targetArn: queue.queueArn };
      if (props.onFailure) {
        // Lambda checks at deployment that the role may send to the DeadLetterConfig queue; by
        // default the SqsDestination below grants it, but the user's onFailure replaces that.
        queue.grantSendMessages(this);
      }
    }
    // Bounded retries and event age; failed async events also go to the queue as an on-failure
    // destination (the record carries the request, the error and the retry count). The
    // destination grants sqs:SendMessage on that queue only (and its KMS key, if any).
    const dlq = this.deadLetterQueue;
    this.configureAsyncInvoke({
      retryAttempts: props.retryAttempts ?? PowertoolsFunction.DEFAULT_RETRY_ATTEMPTS,
      maxEventAge: props.maxEventAge ?? PowertoolsFunction.DEFAULT_MAX_EVENT_AGE,
      onFailure: props.onFailure ?? (dlq ? new destinations.SqsDestination(dlq) : undefined),
      onSuccess: props.onSuccess,
    });

    // LAM-6: the Powertools layer (the runtime was checked in plan()).
    if (props.powertoolsLayer) {
      this.powertoolsLayer = props.powertoolsLayer;
    } else if (props.powertoolsLayerEnabled !== false) {
      this.powertoolsLayer = lambda.LayerVersion.fromLayerVersionArn(
        this,
        'PowertoolsLayer',
        powertoolsLayerArn(this, this.runtime, this.architecture, props.powertoolsLayerVersion),
      );
    }
    if (this.powertoolsLayer) {
      this.addLayers(this.powertoolsLayer);
    }
    // the newest runtime the official layer supports, while aws-cdk-lib already knows a newer one
    acknowledgeInherent(cfn, ...latestRuntimeFindings(this.runtime, !props.powertoolsLayer && props.powertoolsLayerEnabled !== false));

    this.configureRole(props);
    this.configureSecrets(props);

    this.warnIgnoredProps(props, plan.wantsOwnQueue);

    if (plan.tracingOn) {
      this.configureTracing(props.tracing ?? lambda.Tracing.ACTIVE);
    }
    if (props.tracing === lambda.Tracing.DISABLED) {
      addWarning(this, 'PowertoolsFunction.tracingDisabled', 'X-Ray tracing is disabled: Powertools Tracer will not record segments (LAM-2).');
    }

    // LAM-5: alarm on the depth of the dead-letter queue (ours or the user's).
    if (this.deadLetterQueue) {
      this.deadLetterQueueAlarm = DeadLetterQueue.depthAlarm(this, 'DeadLetterQueueAlarm', this.deadLetterQueue, {
        alarmDescription: `Failed asynchronous invocations of ${this.node.path} are waiting in its dead-letter queue`,
        alarmActions: props.alarmActions,
        stage: this.stage,
      });
    }

    // LAM-3 / LAM-7: the live alias, provisioned concurrency on it.
    this.liveAlias = new lambda.Alias(this, 'LiveAlias', {
      aliasName: PowertoolsFunction.LIVE_ALIAS_NAME,
      version: this.currentVersion,
      provisionedConcurrentExecutions: props.provisionedConcurrentExecutions,
    });

    if (props.latencyBudget) {
      const budgetMs = props.latencyBudget.toMilliseconds();
      this.latencyAlarm = new cloudwatch.Alarm(this, 'LatencyAlarm', {
        alarmDescription: `p99 duration of ${this.node.path} is over its budget of ${props.latencyBudget.toHumanString()}`,
        metric: this.metricDuration({ statistic: 'p99', period: Duration.minutes(5) }),
        threshold: budgetMs,
        comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_THRESHOLD,
        evaluationPeriods: 3,
        treatMissingData: cloudwatch.TreatMissingData.NOT_BREACHING,
      });
      AlarmRouting.route(this.latencyAlarm, props.alarmActions, this.stage);
    }
  }

  /**
   * Adds an environment variable, refusing plaintext values that look like secrets (CDK-5): the
   * same check as the `environment` prop, so it cannot be bypassed after construction.
   */
  public addEnvironment(key: string, value: string, options?: lambda.EnvironmentOptions): this {
    assertNotPlaintextSecret(this, key, value,
      `pass it as \`secrets: { ${key}: secret }\` (the function gets \`${key}_SECRET_ARN\` and read access)`);
    return super.addEnvironment(key, value, options);
  }

  /**
   * The function's log group: the one the construct created, or the one you passed. Never the
   * legacy `LogRetention` custom resource that `lambda.Function.logGroup` would create.
   */
  public get logGroup(): logs.ILogGroup {
    const own = this.ownLogGroup;
    if (own && isLogGroup(own)) {
      return own;
    }
    return super.logGroup;
  }

  /**
   * Least privilege: the role the construct creates gets no AWSLambdaBasicExecutionRole (it allows
   * every log group); it may only write to its own log group. Every other managed policy stays:
   * the ones a chosen feature adds (VPC access, Lambda Insights, durable execution) and the ones
   * added later with `role.addManagedPolicy()`.
   */
  private configureRole(props: PowertoolsFunctionProps): void {
    const logGroup = this.ownLogGroup;
    if (logGroup) {
      const arn = isLogGroup(logGroup) ? logGroup.logGroupArn : logGroup.logGroupRef.logGroupArn;
      this.addToRolePolicy(new iam.PolicyStatement({
        sid: 'WriteOwnLogGroup',
        actions: ['logs:CreateLogStream', 'logs:PutLogEvents'],
        resources: [arn],
      }));
    }
    if (props.role || !logGroup) {
      return;
    }
    const cfnRole = this.role?.node.defaultChild as iam.CfnRole | undefined;
    if (!cfnRole) {
      return;
    }
    // Filter the role's own (lazy) list on the L1, so that every reader (CloudFormation, cdk-nag)
    // sees the same list and managed policies added after construction are still rendered.
    const fromRole = cfnRole.managedPolicyArns;
    const basic = iam.ManagedPolicy.fromAwsManagedPolicyName('service-role/AWSLambdaBasicExecutionRole').managedPolicyArn;
    const stack = Stack.of(this);
    cfnRole.managedPolicyArns = Lazy.uncachedList({
      produce: () => {
        const unwanted = JSON.stringify(stack.resolve(basic));
        const arns = (stack.resolve(fromRole) ?? []) as unknown[];
        return arns.filter((arn) => JSON.stringify(arn) !== unwanted) as string[];
      },
    }, { omitEmpty: true });
  }

  /**
   * LAM-2: active tracing, with the X-Ray statement in a customer-managed policy of its own. X-Ray's
   * PutTraceSegments and PutTelemetryRecords accept only `Resource: "*"`; the construct
   * acknowledges that finding on this policy alone, so a wildcard that the user's grants add to the
   * role's default policy is still reported.
   */
  private configureTracing(mode: lambda.Tracing): void {
    const cfn = this.node.defaultChild as lambda.CfnFunction;
    cfn.tracingConfig = { mode };
    if (!this.role) {
      return;
    }
    const xray = new iam.ManagedPolicy(this, 'XRayPolicy', {
      description: `X-Ray tracing of ${this.node.path}`,
      statements: [new iam.PolicyStatement({
        sid: 'XRayWrite',
        actions: ['xray:PutTraceSegments', 'xray:PutTelemetryRecords'],
        resources: ['*'],
      })],
    });
    xray.attachToRole(this.role);
    cfn.node.addDependency(xray);
    acknowledgeInherent(xray, {
      id: 'AwsSolutions-IAM5[Resource::*]',
      reason: 'X-Ray active tracing: xray:PutTraceSegments and xray:PutTelemetryRecords support no resource-level permissions, AWS requires Resource "*". This policy holds only those two actions.',
    });
  }

  /** Props that only apply to a resource the construct creates warn when that resource is yours. */
  private warnIgnoredProps(props: PowertoolsFunctionProps, ownQueue: boolean): void {
    const ignored: Array<[string, unknown, string]> = [
      ['logRetention', props.logGroup && props.logRetention, '`logGroup` is given: set the retention on your log group'],
      ['logGroupEncryptionKey', props.logGroup && props.logGroupEncryptionKey, '`logGroup` is given: encrypt your log group yourself'],
      ['deadLetterQueueEncryptionKey', !ownQueue && props.deadLetterQueueEncryptionKey,
        'the construct creates no dead-letter queue (`deadLetterQueue`, `deadLetterTopic` or `deadLetterQueueEnabled: false` is given)'],
      ['powertoolsLayerVersion', (props.powertoolsLayer || props.powertoolsLayerEnabled === false) && props.powertoolsLayerVersion,
        'the official layer is not used (`powertoolsLayer` or `powertoolsLayerEnabled: false` is given)'],
    ];
    for (const [prop, value, reason] of ignored) {
      if (value !== undefined && value !== false) {
        addWarning(this, `PowertoolsFunction.${prop}Ignored`, `\`${prop}\` has no effect: ${reason}.`);
      }
    }
  }

  private configureSecrets(props: PowertoolsFunctionProps): void {
    for (const [name, secret] of Object.entries(props.secrets ?? {})) {
      if (!ENV_NAME.test(name)) {
        throw new ConstructValidationError(this, {
          prop: `secrets.${name}`,
          received: name,
          allowed: 'a name made of letters, digits and underscores, not starting with a digit (it becomes `<NAME>_SECRET_ARN`)',
        });
      }
      secret.grantRead(this);
      this.addEnvironment(`${name}_SECRET_ARN`, secret.secretArn);
    }
  }
}

interface FunctionPlan {
  readonly policy: StagePolicy;
  readonly tracingOn: boolean;
  readonly metricsNamespace: string;
  readonly functionProps: lambda.FunctionProps;
  readonly wantsOwnQueue: boolean;
}

/** Powertools' level name for a Lambda application log level, in the runtime's language. */
function powertoolsLogLevel(level: lambda.ApplicationLogLevel, language: PowertoolsLanguageKind): string {
  if (language === PowertoolsLanguageKind.PYTHON) {
    // Python's logging has no TRACE and calls FATAL CRITICAL.
    if (level === lambda.ApplicationLogLevel.TRACE) return 'DEBUG';
    if (level === lambda.ApplicationLogLevel.FATAL) return 'CRITICAL';
    return level;
  }
  return level === lambda.ApplicationLogLevel.FATAL ? 'CRITICAL' : level;
}

/** Whether a duration can be rendered in milliseconds (a token can only in its own unit). */
function millisecondsOf(duration: Duration): boolean {
  try {
    duration.toMilliseconds();
    return true;
  } catch {
    return false;
  }
}

function isLogGroup(ref: logs.ILogGroupRef): ref is logs.ILogGroup {
  return typeof (ref as logs.ILogGroup).logGroupArn === 'string';
}
