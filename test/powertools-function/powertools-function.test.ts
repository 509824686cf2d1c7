import { App, Aws, Duration, Lazy, Stack, Token } from 'aws-cdk-lib';
import { Annotations, Match, Template } from 'aws-cdk-lib/assertions';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import * as cw_actions from 'aws-cdk-lib/aws-cloudwatch-actions';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as kms from 'aws-cdk-lib/aws-kms';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import * as destinations from 'aws-cdk-lib/aws-lambda-destinations';
import * as logs from 'aws-cdk-lib/aws-logs';
import * as s3 from 'aws-cdk-lib/aws-s3';
import * as secretsmanager from 'aws-cdk-lib/aws-secretsmanager';
import * as sns from 'aws-cdk-lib/aws-sns';
import * as sqs from 'aws-cdk-lib/aws-sqs';
import { DEV, LANGUAGES, newFunction, newStack, PROD, STACK_KINDS } from './helpers';
import { PowertoolsFunction, PowertoolsFunctionProps, PowertoolsLayerVersions } from '../../src';
import { allows, policyGrants, templateGrants } from '../util/iam-policy';

/**
 * Renders a (possibly tokenized) string with `${AWS::Partition}`-style placeholders; a partition
 * mapping lookup (environment-agnostic stacks) is rendered with the commercial partition's value.
 */
function render(stack: Stack, value: string): string {
  const resolved = stack.resolve(value);
  if (typeof resolved === 'string') {
    return resolved;
  }
  const mappings = Template.fromStack(stack).toJSON().Mappings ?? {};
  const parts = resolved['Fn::Join'][1] as Array<string | Record<string, any>>;
  return parts.map((p) => {
    if (typeof p === 'string') {
      return p;
    }
    if (p.Ref) {
      return `\${${p.Ref}}`;
    }
    const [map, partition, key] = p['Fn::FindInMap'];
    expect(partition).toEqual({ Ref: 'AWS::Partition' });
    return mappings[map].aws[key];
  }).join('');
}

function functionProps(template: Template): Record<string, any> {
  const fns = template.findResources('AWS::Lambda::Function');
  const keys = Object.keys(fns);
  expect(keys).toHaveLength(1);
  return fns[keys[0]].Properties;
}

describe.each(STACK_KINDS)('in a stack with %s', (_kind, env) => {
  describe.each(LANGUAGES)('%s function with defaults', (language, runtime) => {
    const isPython = language === 'Python';

    test('[LAM-2] Powertools variables name the service, namespace and stage log level; X-Ray is active', () => {
      const stack = newStack(env);
      newFunction(stack, {}, runtime);
      const props = functionProps(Template.fromStack(stack));
      const expected: Record<string, string> = {
        POWERTOOLS_SERVICE_NAME: 'orders',
        POWERTOOLS_METRICS_NAMESPACE: 'orders',
        POWERTOOLS_LOG_LEVEL: 'WARN',
      };
      if (isPython) {
        expected.POWERTOOLS_TRACE_DISABLED = 'false';
      } else {
        expected.POWERTOOLS_TRACE_ENABLED = 'true';
      }
      expect(props.Environment.Variables).toEqual(expected);
      expect(props.TracingConfig).toEqual({ Mode: 'Active' });
      expect(props.LoggingConfig).toMatchObject({ LogFormat: 'JSON', ApplicationLogLevel: 'WARN', SystemLogLevel: 'WARN' });
    });

    test('[LAM-6] the Powertools layer of the language is attached, in the stack\'s partition and region', () => {
      const stack = newStack(env);
      const fn = newFunction(stack, {}, runtime);
      const region = env ? env.region : '${AWS::Region}';
      // with @aws-cdk/core:enablePartitionLiterals a known region renders its partition as a literal
      const resolvedPartition = stack.resolve(stack.partition);
      const partition = typeof resolvedPartition === 'string' ? resolvedPartition : '${AWS::Partition}';
      const arn = isPython
        ? `arn:${partition}:lambda:${region}:017000801446:layer:AWSLambdaPowertoolsPythonV3-python313-arm64:${PowertoolsLayerVersions.PYTHON_V3}`
        : `arn:${partition}:lambda:${region}:094274105915:layer:AWSLambdaPowertoolsTypeScriptV2:${PowertoolsLayerVersions.TYPESCRIPT_V2}`;
      expect(render(stack, fn.powertoolsLayer!.layerVersionArn)).toEqual(arn);
      const layers = functionProps(Template.fromStack(stack)).Layers;
      expect(layers).toHaveLength(1);
      expect(stack.resolve(fn.powertoolsLayer!.layerVersionArn)).toEqual(layers[0]);
    });

    test('[LAM-6] the layer account comes from a partition mapping only when the region is unknown', () => {
      const stack = newStack(env);
      newFunction(stack, {}, runtime);
      const mappings = Template.fromStack(stack).toJSON().Mappings;
      if (env) {
        expect(mappings).toBeUndefined();
      } else {
        // only the commercial partition is listed: elsewhere the deployment fails on the lookup
        expect(mappings).toEqual({
          PowertoolsLayerAccounts: { aws: { typescript: '094274105915', python: '017000801446' } },
        });
        expect(JSON.stringify(functionProps(Template.fromStack(stack)).Layers)).toContain(
          JSON.stringify({ 'Fn::FindInMap': ['PowertoolsLayerAccounts', { Ref: 'AWS::Partition' }, isPython ? 'python' : 'typescript'] }),
        );
      }
    });

    test('[LAM-4] timeout is 10 seconds', () => {
      const stack = newStack(env);
      newFunction(stack, {}, runtime);
      expect(functionProps(Template.fromStack(stack)).Timeout).toBe(10);
    });

    test('[LAM-4] fails when the timeout is over 15 minutes', () => {
      expect(() => newFunction(newStack(env), { timeout: Duration.seconds(901) }, runtime))
        .toThrow('[TestStack/Orders] timeout: received 15 minutes 1 second; allowed: at most 15 minutes');
    });

    test('[COST-1] memory is set explicitly: 512 MiB on arm64', () => {
      const stack = newStack(env);
      const fn = newFunction(stack, {}, runtime);
      const props = functionProps(Template.fromStack(stack));
      expect(props.MemorySize).toBe(PowertoolsFunction.DEFAULT_MEMORY_SIZE);
      expect(props.MemorySize).toBe(512);
      expect(props.Architectures).toEqual(['arm64']);
      expect(fn.architecture).toBe(lambda.Architecture.ARM_64);
    });

    test('[CDK-5] fails on a plaintext secret in the environment, and passes a secret by ARN instead', () => {
      expect(() => newFunction(newStack(env), { environment: { API_KEY: 'sk_live_123' } }, runtime))
        .toThrow("[TestStack/Orders] environment.API_KEY: received '<plaintext value, redacted>'");
      const stack = newStack(env);
      const secret = new secretsmanager.Secret(stack, 'ApiKey');
      newFunction(stack, { secrets: { API_KEY: secret } }, runtime);
      expect(functionProps(Template.fromStack(stack)).Environment.Variables.API_KEY_SECRET_ARN).toEqual(stack.resolve(secret.secretArn));
    });

    test('[LAM-5] an SSE, TLS-only SQS dead-letter queue with bounded retries, event age and a depth alarm', () => {
      const stack = newStack(env);
      const fn = newFunction(stack, {}, runtime);
      const t = Template.fromStack(stack);
      t.resourceCountIs('AWS::SQS::Queue', 1);
      t.hasResourceProperties('AWS::SQS::Queue', { SqsManagedSseEnabled: true, MessageRetentionPeriod: 1209600 });
      t.hasResourceProperties('AWS::SQS::QueuePolicy', {
        PolicyDocument: {
          Statement: [Match.objectLike({ Effect: 'Deny', Action: 'sqs:*', Condition: { Bool: { 'aws:SecureTransport': 'false' } } })],
        },
      });
      const queueArn = stack.resolve(fn.deadLetterQueue!.queueArn);
      expect(functionProps(t).DeadLetterConfig).toEqual({ TargetArn: queueArn });
      t.hasResourceProperties('AWS::Lambda::EventInvokeConfig', {
        MaximumRetryAttempts: 2,
        MaximumEventAgeInSeconds: 3600,
        DestinationConfig: { OnFailure: { Destination: queueArn } },
      });
      t.hasResourceProperties('AWS::CloudWatch::Alarm', {
        Namespace: 'AWS/SQS',
        MetricName: 'ApproximateNumberOfMessagesVisible',
        Dimensions: [{ Name: 'QueueName', Value: stack.resolve(fn.deadLetterQueue!.queueName) }],
        ComparisonOperator: 'GreaterThanThreshold',
        Threshold: 0,
        EvaluationPeriods: 1,
      });
      expect(fn.createdDeadLetterQueue).toBe(fn.deadLetterQueue);
    });

    test('[LAM-7] stageReservedConcurrency: false reserves nothing in either stage; reservedConcurrentExecutions still wins', () => {
      const reservations = [PROD, DEV].map((stage) => {
        const stack = newStack(env);
        newFunction(stack, { stage, stageReservedConcurrency: false }, runtime);
        return functionProps(Template.fromStack(stack)).ReservedConcurrentExecutions;
      });
      const given = newStack(env);
      newFunction(given, { stageReservedConcurrency: false, reservedConcurrentExecutions: 5 }, runtime);
      expect([...reservations, functionProps(Template.fromStack(given)).ReservedConcurrentExecutions]).toEqual([undefined, undefined, 5]);
    });

    test('[LAM-7] without a reservation, provisioned concurrency is not bounded by a stage default', () => {
      const stack = newStack(env);
      newFunction(stack, { stage: DEV, stageReservedConcurrency: false, provisionedConcurrentExecutions: 50 }, runtime);
      Template.fromStack(stack).hasResourceProperties('AWS::Lambda::Alias', { ProvisionedConcurrencyConfig: { ProvisionedConcurrentExecutions: 50 } });
    });

    test('[LAM-7] PROD: reserved concurrency 100, log level WARN; DEV: 10 and DEBUG', () => {
      const prod = newStack(env);
      newFunction(prod, { stage: PROD }, runtime);
      const dev = newStack(env);
      newFunction(dev, { stage: DEV }, runtime);
      const p = functionProps(Template.fromStack(prod));
      const d = functionProps(Template.fromStack(dev));
      expect([p.ReservedConcurrentExecutions, p.Environment.Variables.POWERTOOLS_LOG_LEVEL, p.LoggingConfig.ApplicationLogLevel])
        .toEqual([100, 'WARN', 'WARN']);
      expect([d.ReservedConcurrentExecutions, d.Environment.Variables.POWERTOOLS_LOG_LEVEL, d.LoggingConfig.ApplicationLogLevel])
        .toEqual([10, 'DEBUG', 'DEBUG']);
    });

    test('[LAM-3] a `live` alias on the current version, without provisioned concurrency by default', () => {
      const stack = newStack(env);
      const fn = newFunction(stack, {}, runtime);
      const t = Template.fromStack(stack);
      t.resourceCountIs('AWS::Lambda::Alias', 1);
      t.hasResourceProperties('AWS::Lambda::Alias', {
        Name: 'live',
        FunctionVersion: stack.resolve(fn.currentVersion.version),
        ProvisionedConcurrencyConfig: Match.absent(),
      });
      expect(fn.liveAlias.aliasName).toBe('live');
      expect(fn.latencyAlarm).toBeUndefined();
    });

    test('[LAM-8] an explicit log group: PROD keeps logs a year and retains them, DEV a month and deletes them', () => {
      const prod = newStack(env);
      const fn = newFunction(prod, { stage: PROD }, runtime);
      const dev = newStack(env);
      newFunction(dev, { stage: DEV }, runtime);
      Template.fromStack(prod).hasResource('AWS::Logs::LogGroup', {
        Properties: { RetentionInDays: 365 },
        DeletionPolicy: 'Retain',
        UpdateReplacePolicy: 'Retain',
      });
      Template.fromStack(dev).hasResource('AWS::Logs::LogGroup', {
        Properties: { RetentionInDays: 30 },
        DeletionPolicy: 'Delete',
      });
      expect(functionProps(Template.fromStack(prod)).LoggingConfig.LogGroup).toEqual(prod.resolve(fn.functionLogGroup!.logGroupName));
      expect(fn.logGroup).toBe(fn.functionLogGroup);
      // no LogRetention custom resource, even after reading fn.logGroup
      Template.fromStack(prod).resourceCountIs('Custom::LogRetention', 0);
    });

    test('[CDK-2] PROD retains the log group and the dead-letter queue; DEV deletes them with the stack', () => {
      const prod = newStack(env);
      newFunction(prod, { stage: PROD }, runtime);
      const dev = newStack(env);
      newFunction(dev, { stage: DEV }, runtime);
      for (const type of ['AWS::Logs::LogGroup', 'AWS::SQS::Queue']) {
        Template.fromStack(prod).hasResource(type, { DeletionPolicy: 'Retain', UpdateReplacePolicy: 'Retain' });
        Template.fromStack(dev).hasResource(type, { DeletionPolicy: 'Delete', UpdateReplacePolicy: 'Delete' });
      }
    });

    test('[IAM-1] the role has no AWS managed policy; its only wildcard is X-Ray\'s, in a policy of its own', () => {
      const stack = newStack(env);
      const fn = newFunction(stack, {}, runtime);
      const t = Template.fromStack(stack);
      t.hasResourceProperties('AWS::IAM::Role', { ManagedPolicyArns: Match.absent() });
      const statements = Object.values(t.findResources('AWS::IAM::Policy'))
        .flatMap((p) => p.Properties.PolicyDocument.Statement as Array<{ Action: string | string[]; Resource: unknown }>);
      expect(statements.filter((s) => JSON.stringify(s.Resource).includes('*'))).toEqual([]);
      expect(statements).toContainEqual({
        Sid: 'WriteOwnLogGroup',
        Effect: 'Allow',
        Action: ['logs:CreateLogStream', 'logs:PutLogEvents'],
        Resource: stack.resolve(fn.functionLogGroup!.logGroupArn),
      });
      // X-Ray accepts only Resource "*": its statement lives in a customer-managed policy attached to the role
      const managed = Object.values(t.findResources('AWS::IAM::ManagedPolicy'));
      expect(managed).toHaveLength(1);
      expect(policyGrants(managed[0].Properties.PolicyDocument.Statement)).toEqual(policyGrants([
        { Sid: 'XRayWrite', Effect: 'Allow', Action: ['xray:PutTraceSegments', 'xray:PutTelemetryRecords'], Resource: '*' },
      ]));
      expect(managed[0].Properties.Roles).toEqual([stack.resolve(fn.role!.roleName)]);
    });

    test('no warnings on defaults', () => {
      const stack = newStack(env);
      newFunction(stack, {}, runtime);
      expect(Annotations.fromStack(stack).findWarning('*', Match.anyValue())).toHaveLength(0);
    });
  });
});

describe('overrides', () => {
  test('[LAM-2] metricsNamespace and applicationLogLevelV2 override the defaults (Powertools level follows)', () => {
    const stack = newStack();
    newFunction(stack, { metricsNamespace: 'OrdersService', applicationLogLevelV2: lambda.ApplicationLogLevel.INFO });
    const props = functionProps(Template.fromStack(stack));
    expect(props.Environment.Variables).toMatchObject({ POWERTOOLS_METRICS_NAMESPACE: 'OrdersService', POWERTOOLS_LOG_LEVEL: 'INFO' });
    expect(props.LoggingConfig.ApplicationLogLevel).toBe('INFO');
  });

  test('[LAM-2] Python gets CRITICAL for FATAL and DEBUG for TRACE (Python logging has no TRACE)', () => {
    const a = newStack();
    newFunction(a, { applicationLogLevelV2: lambda.ApplicationLogLevel.FATAL }, lambda.Runtime.PYTHON_3_12);
    const b = newStack();
    newFunction(b, { applicationLogLevelV2: lambda.ApplicationLogLevel.TRACE }, lambda.Runtime.PYTHON_3_12);
    expect(functionProps(Template.fromStack(a)).Environment.Variables.POWERTOOLS_LOG_LEVEL).toBe('CRITICAL');
    expect(functionProps(Template.fromStack(b)).Environment.Variables.POWERTOOLS_LOG_LEVEL).toBe('DEBUG');
  });

  test('[LAM-2] the user\'s environment wins over the Powertools defaults', () => {
    const stack = newStack();
    newFunction(stack, { environment: { POWERTOOLS_LOG_LEVEL: 'INFO', TABLE_NAME: 'orders' } });
    expect(functionProps(Template.fromStack(stack)).Environment.Variables).toMatchObject({ POWERTOOLS_LOG_LEVEL: 'INFO', TABLE_NAME: 'orders' });
  });

  test('[LAM-7] the context key env=dev selects DEV when no stage prop is given', () => {
    const app = new App({ context: { env: 'dev' } });
    const stack = new Stack(app, 'S');
    newFunction(stack);
    expect(functionProps(Template.fromStack(stack)).ReservedConcurrentExecutions).toBe(10);
  });

  test.each(LANGUAGES)('[LAM-2] %s: tracing disabled turns the Powertools tracer off and warns', (language, runtime) => {
    const stack = newStack();
    newFunction(stack, { tracing: lambda.Tracing.DISABLED }, runtime);
    const props = functionProps(Template.fromStack(stack));
    expect(props.Environment.Variables).toMatchObject(
      language === 'Python' ? { POWERTOOLS_TRACE_DISABLED: 'true' } : { POWERTOOLS_TRACE_ENABLED: 'false' },
    );
    expect(props.TracingConfig).toBeUndefined();
    Annotations.fromStack(stack).hasWarning('/TestStack/Orders', Match.stringLikeRegexp('X-Ray tracing is disabled'));
  });

  test('[LAM-6] the Python layer follows the architecture and Python version (x86_64, 3.12)', () => {
    const stack = newStack();
    const fn = newFunction(stack, { architecture: lambda.Architecture.X86_64 }, lambda.Runtime.PYTHON_3_12);
    expect(render(stack, fn.powertoolsLayer!.layerVersionArn)).toContain(':017000801446:layer:AWSLambdaPowertoolsPythonV3-python312-x86_64:27');
  });

  test('[LAM-6] functions in one environment-agnostic stack share one partition mapping', () => {
    const stack = newStack();
    newFunction(stack, {}, lambda.Runtime.NODEJS_24_X, 'Node');
    newFunction(stack, {}, lambda.Runtime.PYTHON_3_13, 'Python');
    expect(Object.keys(Template.fromStack(stack).toJSON().Mappings)).toEqual(['PowertoolsLayerAccounts']);
  });

  test('[LAM-6] powertoolsLayerVersion pins another version', () => {
    const stack = newStack();
    const fn = newFunction(stack, { powertoolsLayerVersion: 30 });
    expect(render(stack, fn.powertoolsLayer!.layerVersionArn)).toMatch(/:layer:AWSLambdaPowertoolsTypeScriptV2:30$/);
  });

  test('[LAM-6] powertoolsLayer replaces the official layer', () => {
    const stack = newStack();
    const layer = lambda.LayerVersion.fromLayerVersionArn(stack, 'Mine', 'arn:aws:lambda:eu-west-1:111111111111:layer:Mine:3');
    const fn = newFunction(stack, { powertoolsLayer: layer });
    expect(fn.powertoolsLayer).toBe(layer);
    expect(functionProps(Template.fromStack(stack)).Layers).toEqual(['arn:aws:lambda:eu-west-1:111111111111:layer:Mine:3']);
  });

  test('[LAM-6] powertoolsLayerEnabled: false attaches no layer and accepts any runtime family', () => {
    const stack = newStack();
    const fn = new PowertoolsFunction(stack, 'Java', {
      serviceName: 'orders',
      code: lambda.Code.fromBucket(s3.Bucket.fromBucketName(stack, 'Artifacts', 'artifacts'), 'orders.jar'),
      handler: 'example.Handler::handleRequest',
      runtime: lambda.Runtime.JAVA_21,
      powertoolsLayerEnabled: false,
    });
    expect(fn.powertoolsLayer).toBeUndefined();
    expect(functionProps(Template.fromStack(stack)).Layers).toBeUndefined();
  });

  test('[LAM-4] timeout, memory and architecture can be set', () => {
    const stack = newStack();
    newFunction(stack, { timeout: Duration.minutes(15), memorySize: 1024, architecture: lambda.Architecture.X86_64 });
    const props = functionProps(Template.fromStack(stack));
    expect([props.Timeout, props.MemorySize, props.Architectures]).toEqual([900, 1024, ['x86_64']]);
  });

  test('[LAM-5] retryAttempts and maxEventAge can be set', () => {
    const stack = newStack();
    newFunction(stack, { retryAttempts: 0, maxEventAge: Duration.minutes(5) });
    Template.fromStack(stack).hasResourceProperties('AWS::Lambda::EventInvokeConfig', { MaximumRetryAttempts: 0, MaximumEventAgeInSeconds: 300 });
  });

  test('[LAM-5] the user\'s own queue replaces the construct\'s, and gets the depth alarm', () => {
    const stack = newStack();
    const mine = new sqs.Queue(stack, 'Mine', { encryption: sqs.QueueEncryption.SQS_MANAGED, enforceSSL: true });
    const fn = newFunction(stack, { deadLetterQueue: mine });
    const t = Template.fromStack(stack);
    t.resourceCountIs('AWS::SQS::Queue', 1);
    expect(fn.createdDeadLetterQueue).toBeUndefined();
    expect(fn.deadLetterQueue).toBe(mine);
    expect(functionProps(t).DeadLetterConfig).toEqual({ TargetArn: stack.resolve(mine.queueArn) });
    t.hasResourceProperties('AWS::CloudWatch::Alarm', { Dimensions: [{ Name: 'QueueName', Value: stack.resolve(mine.queueName) }] });
  });

  test('[LAM-5] deadLetterQueueEnabled: false makes no queue and no alarm', () => {
    const stack = newStack();
    const fn = newFunction(stack, { deadLetterQueueEnabled: false });
    const t = Template.fromStack(stack);
    t.resourceCountIs('AWS::SQS::Queue', 0);
    t.resourceCountIs('AWS::CloudWatch::Alarm', 0);
    expect(fn.deadLetterQueueAlarm).toBeUndefined();
    expect(functionProps(t).DeadLetterConfig).toBeUndefined();
  });

  test('[LAM-5] deadLetterQueueEncryptionKey encrypts the queue with KMS and lets the function use the key', () => {
    const stack = newStack();
    const key = new kms.Key(stack, 'Key', { enableKeyRotation: true });
    newFunction(stack, { deadLetterQueueEncryptionKey: key });
    const t = Template.fromStack(stack);
    t.hasResourceProperties('AWS::SQS::Queue', { KmsMasterKeyId: stack.resolve(key.keyArn) });
    expect(Annotations.fromStack(stack).findWarning('*', Match.anyValue())).toHaveLength(0);
    const statements = Object.values(t.findResources('AWS::IAM::Policy')).flatMap((p) => p.Properties.PolicyDocument.Statement);
    expect(statements).toContainEqual(expect.objectContaining({
      Action: expect.arrayContaining(['kms:Decrypt', 'kms:GenerateDataKey*']),
      Resource: stack.resolve(key.keyArn),
    }));
  });

  test('[LAM-5] a dead-letter topic replaces the queue (no queue, no queue alarm)', () => {
    const stack = newStack();
    const topic = new sns.Topic(stack, 'Failures');
    const fn = newFunction(stack, { deadLetterTopic: topic });
    const t = Template.fromStack(stack);
    t.resourceCountIs('AWS::SQS::Queue', 0);
    expect(fn.deadLetterQueueAlarm).toBeUndefined();
    expect(functionProps(t).DeadLetterConfig).toEqual({ TargetArn: stack.resolve(topic.topicArn) });
  });

  test('[LAM-5] onFailure replaces the queue as the on-failure destination (the queue stays the DLQ)', () => {
    const stack = newStack();
    const other = new sqs.Queue(stack, 'Other', { encryption: sqs.QueueEncryption.SQS_MANAGED, enforceSSL: true });
    const fn = newFunction(stack, { onFailure: new destinations.SqsDestination(other) });
    const t = Template.fromStack(stack);
    t.hasResourceProperties('AWS::Lambda::EventInvokeConfig', { DestinationConfig: { OnFailure: { Destination: stack.resolve(other.queueArn) } } });
    expect(functionProps(t).DeadLetterConfig).toEqual({ TargetArn: stack.resolve(fn.deadLetterQueue!.queueArn) });
    // the role may still send to its DLQ (Lambda refuses a DeadLetterConfig it cannot write to)
    for (const queue of [fn.deadLetterQueue!, other]) {
      expect(templateGrants(t)).toEqual(expect.arrayContaining(allows(['sqs:SendMessage'], stack.resolve(queue.queueArn))));
    }
  });

  test('[LAM-7] loggingFormat TEXT: no Lambda log-level controls (they need JSON), Powertools keeps the stage level', () => {
    const stack = newStack();
    newFunction(stack, { loggingFormat: lambda.LoggingFormat.TEXT, stage: DEV });
    const props = functionProps(Template.fromStack(stack));
    expect(props.LoggingConfig.LogFormat).toBe('Text');
    expect(props.LoggingConfig.ApplicationLogLevel).toBeUndefined();
    expect(props.LoggingConfig.SystemLogLevel).toBeUndefined();
    expect(props.Environment.Variables.POWERTOOLS_LOG_LEVEL).toBe('DEBUG');
  });

  test('[LAM-7] the deprecated logFormat is honoured instead of conflicting with the JSON default', () => {
    const stack = newStack();
    newFunction(stack, { logFormat: lambda.LogFormat.TEXT });
    const props = functionProps(Template.fromStack(stack));
    expect(props.LoggingConfig).toEqual({ LogFormat: 'Text', LogGroup: expect.anything() });
    expect(props.Environment.Variables.POWERTOOLS_LOG_LEVEL).toBe('WARN');
  });

  test('[LAM-7] the deprecated applicationLogLevel and systemLogLevel are honoured (Powertools follows)', () => {
    const stack = newStack();
    newFunction(stack, { applicationLogLevel: 'ERROR', systemLogLevel: 'DEBUG' });
    const props = functionProps(Template.fromStack(stack));
    expect(props.LoggingConfig).toMatchObject({ LogFormat: 'JSON', ApplicationLogLevel: 'ERROR', SystemLogLevel: 'DEBUG' });
    expect(props.Environment.Variables.POWERTOOLS_LOG_LEVEL).toBe('ERROR');
  });

  test('[LAM-7] systemLogLevelV2 overrides the stage default (PROD WARN, DEV INFO)', () => {
    const dev = newStack();
    newFunction(dev, { stage: DEV });
    const custom = newStack();
    newFunction(custom, { systemLogLevelV2: lambda.SystemLogLevel.DEBUG });
    expect(functionProps(Template.fromStack(dev)).LoggingConfig.SystemLogLevel).toBe('INFO');
    expect(functionProps(Template.fromStack(custom)).LoggingConfig.SystemLogLevel).toBe('DEBUG');
  });

  test('[LAM-7] reservedConcurrentExecutions overrides the stage default', () => {
    const stack = newStack();
    newFunction(stack, { reservedConcurrentExecutions: 250 });
    expect(functionProps(Template.fromStack(stack)).ReservedConcurrentExecutions).toBe(250);
  });

  test('[LAM-3] provisioned concurrency goes on the live alias', () => {
    const stack = newStack();
    newFunction(stack, { provisionedConcurrentExecutions: 5 });
    Template.fromStack(stack).hasResourceProperties('AWS::Lambda::Alias', {
      Name: 'live',
      ProvisionedConcurrencyConfig: { ProvisionedConcurrentExecutions: 5 },
    });
  });

  test('[LAM-3] a latency budget makes a p99 duration alarm, with the alarm actions', () => {
    const stack = newStack();
    const topic = new sns.Topic(stack, 'Pager');
    const fn = newFunction(stack, { latencyBudget: Duration.millis(800), alarmActions: [new cw_actions.SnsAction(topic)] });
    const t = Template.fromStack(stack);
    t.hasResourceProperties('AWS::CloudWatch::Alarm', {
      Namespace: 'AWS/Lambda',
      MetricName: 'Duration',
      ExtendedStatistic: 'p99',
      Dimensions: [{ Name: 'FunctionName', Value: stack.resolve(fn.functionName) }],
      Threshold: 800,
      ComparisonOperator: 'GreaterThanThreshold',
      EvaluationPeriods: 3,
      AlarmActions: [stack.resolve(topic.topicArn)],
    });
    // the DLQ alarm gets the same actions
    t.hasResourceProperties('AWS::CloudWatch::Alarm', { MetricName: 'ApproximateNumberOfMessagesVisible', AlarmActions: [stack.resolve(topic.topicArn)] });
    expect(fn.latencyAlarm).toBeInstanceOf(cloudwatch.Alarm);
  });

  test('[LAM-8] logRetention sets the created log group\'s retention (no LogRetention custom resource)', () => {
    const stack = newStack();
    newFunction(stack, { logRetention: logs.RetentionDays.TWO_YEARS });
    const t = Template.fromStack(stack);
    t.hasResourceProperties('AWS::Logs::LogGroup', { RetentionInDays: 731 });
    t.resourceCountIs('Custom::LogRetention', 0);
    expect(Annotations.fromStack(stack).findWarning('*', Match.anyValue())).toHaveLength(0);
  });

  test('[LAM-8] the user\'s log group replaces the construct\'s; the role may write to it only', () => {
    const stack = newStack();
    const mine = new logs.LogGroup(stack, 'Mine', { retention: logs.RetentionDays.ONE_WEEK });
    const fn = newFunction(stack, { logGroup: mine });
    const t = Template.fromStack(stack);
    t.resourceCountIs('AWS::Logs::LogGroup', 1);
    expect(fn.functionLogGroup).toBeUndefined();
    expect(fn.logGroup).toBe(mine);
    expect(functionProps(t).LoggingConfig.LogGroup).toEqual(stack.resolve(mine.logGroupName));
    const statements = Object.values(t.findResources('AWS::IAM::Policy')).flatMap((p) => p.Properties.PolicyDocument.Statement);
    expect(statements).toContainEqual(expect.objectContaining({ Sid: 'WriteOwnLogGroup', Resource: stack.resolve(mine.logGroupArn) }));
  });

  test('[LAM-8] logGroupEncryptionKey encrypts the log group and lets CloudWatch Logs use the key', () => {
    const stack = newStack({ account: '123456789012', region: 'eu-west-1' });
    const key = new kms.Key(stack, 'Key', { enableKeyRotation: true });
    newFunction(stack, { logGroupEncryptionKey: key });
    const t = Template.fromStack(stack);
    t.hasResourceProperties('AWS::Logs::LogGroup', { KmsKeyId: stack.resolve(key.keyArn) });
    t.hasResourceProperties('AWS::KMS::Key', {
      KeyPolicy: {
        Statement: Match.arrayWith([Match.objectLike({
          Principal: { Service: 'logs.eu-west-1.amazonaws.com' },
          Condition: { ArnLike: { 'kms:EncryptionContext:aws:logs:arn': Match.anyValue() } },
        })]),
      },
    });
  });

  test('[IAM-1] a VPC keeps only the VPC access managed policy', () => {
    const stack = newStack({ account: '123456789012', region: 'eu-west-1' });
    const vpc = new ec2.Vpc(stack, 'Vpc', { maxAzs: 2, natGateways: 1 });
    newFunction(stack, { vpc });
    Template.fromStack(stack).hasResourceProperties('AWS::IAM::Role', {
      ManagedPolicyArns: [{ 'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, ':iam::aws:policy/service-role/AWSLambdaVPCAccessExecutionRole']] }],
    });
  });

  test('[IAM-1] Lambda Insights keeps its managed policy; managed policies added later are kept too', () => {
    const stack = newStack();
    const fn = newFunction(stack, { insightsVersion: lambda.LambdaInsightsVersion.VERSION_1_0_333_0 });
    fn.role!.addManagedPolicy(iam.ManagedPolicy.fromAwsManagedPolicyName('AmazonS3ReadOnlyAccess'));
    const arn = (name: string) => ({ 'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, `:iam::aws:policy/${name}`]] });
    Template.fromStack(stack).hasResourceProperties('AWS::IAM::Role', {
      ManagedPolicyArns: [arn('CloudWatchLambdaInsightsExecutionRolePolicy'), arn('AmazonS3ReadOnlyAccess')],
    });
  });

  test('[IAM-1] a role you pass is used as is', () => {
    const stack = newStack();
    const role = new iam.Role(stack, 'Mine', { assumedBy: new iam.ServicePrincipal('lambda.amazonaws.com') });
    const fn = newFunction(stack, { role });
    expect(fn.role).toBe(role);
  });

  test('[CDK-5] secrets grant read and pass the ARN as <NAME>_SECRET_ARN', () => {
    const stack = newStack();
    const secret = new secretsmanager.Secret(stack, 'DbPassword');
    newFunction(stack, { secrets: { DB_PASSWORD: secret } });
    const t = Template.fromStack(stack);
    expect(functionProps(t).Environment.Variables.DB_PASSWORD_SECRET_ARN).toEqual(stack.resolve(secret.secretArn));
    const secretGrants = templateGrants(t).filter((g) => g.action.startsWith('secretsmanager:'));
    expect(secretGrants).toEqual(policyGrants([{
      Effect: 'Allow',
      Action: ['secretsmanager:GetSecretValue', 'secretsmanager:DescribeSecret'],
      Resource: stack.resolve(secret.secretArn),
    }]));
  });

  test('[CDK-5] names that only reference a secret, ARNs, empty values and tokens are accepted', () => {
    const stack = newStack();
    const secret = new secretsmanager.Secret(stack, 'S');
    const fn = newFunction(stack, {
      environment: {
        API_KEY_SECRET_NAME: 'prod/orders/api-key',
        TOKEN_TABLE_ID: 'tokens',
        SIGNING_SECRET: 'arn:aws:secretsmanager:eu-west-1:123456789012:secret:signing',
        DB_PASSWORD: '',
        SECRET_VALUE: secret.secretValue.unsafeUnwrap(),
      },
    });
    fn.addEnvironment('ACCESS_TOKEN', Lazy.string({ produce: () => 'from-a-token' }));
    expect(Object.keys(functionProps(Template.fromStack(stack)).Environment.Variables)).toEqual(expect.arrayContaining([
      'API_KEY_SECRET_NAME', 'TOKEN_TABLE_ID', 'SIGNING_SECRET', 'DB_PASSWORD', 'SECRET_VALUE', 'ACCESS_TOKEN',
    ]));
  });

  test('[CDK-5] the Parameters and Secrets Lambda Extension\'s settings are not mistaken for secrets', () => {
    const stack = newStack();
    const settings = {
      SECRETS_MANAGER_TTL: '300',
      SECRETS_MANAGER_TIMEOUT_MILLIS: '0',
      PARAMETERS_SECRETS_EXTENSION_HTTP_PORT: '2773',
      PARAMETERS_SECRETS_EXTENSION_CACHE_ENABLED: 'true',
      PARAMETERS_SECRETS_EXTENSION_CACHE_SIZE: '1000',
      PARAMETERS_SECRETS_EXTENSION_MAX_CONNECTIONS: '3',
      PARAMETERS_SECRETS_EXTENSION_LOG_LEVEL: 'info',
    };
    newFunction(stack, { environment: settings });
    expect(functionProps(Template.fromStack(stack)).Environment.Variables).toMatchObject(settings);
  });
});

describe('props without effect', () => {
  const mine = (stack: Stack) => new logs.LogGroup(stack, 'Mine');
  test.each<[string, (stack: Stack) => Partial<PowertoolsFunctionProps>, string]>([
    ['logRetention', (stack) => ({ logGroup: mine(stack), logRetention: logs.RetentionDays.ONE_DAY }), '`logGroup` is given'],
    ['logGroupEncryptionKey', (stack) => ({ logGroup: mine(stack), logGroupEncryptionKey: new kms.Key(stack, 'K') }), '`logGroup` is given'],
    ['deadLetterQueueEncryptionKey', (stack) => ({ deadLetterQueueEnabled: false, deadLetterQueueEncryptionKey: new kms.Key(stack, 'K') }),
      'the construct creates no dead-letter queue'],
    ['powertoolsLayerVersion', () => ({ powertoolsLayerEnabled: false, powertoolsLayerVersion: 30 }), 'the official layer is not used'],
  ])('%s warns when the resource it configures is not the construct\'s', (prop, overrides, reason) => {
    const stack = newStack();
    newFunction(stack, overrides(stack));
    const warnings = Annotations.fromStack(stack).findWarning('/TestStack/Orders', Match.anyValue());
    expect(warnings).toHaveLength(1);
    expect(warnings[0].entry.data).toContain(`\`${prop}\` has no effect: ${reason}`);
    expect(warnings[0].entry.data).toContain(`[ack: cdk-cloud-patterns:PowertoolsFunction.${prop}Ignored]`);
  });
});

describe('bad input', () => {
  test('[LAM-6] fails when powertoolsLayer is given with powertoolsLayerEnabled: false', () => {
    const stack = newStack();
    const layer = lambda.LayerVersion.fromLayerVersionArn(stack, 'Mine', 'arn:aws:lambda:eu-west-1:111111111111:layer:Mine:3');
    expect(() => newFunction(stack, { powertoolsLayer: layer, powertoolsLayerEnabled: false }))
      .toThrow('[TestStack/Orders] powertoolsLayerEnabled: received false; allowed: true or undefined when `powertoolsLayer` is given');
  });

  test('[LAM-4] fails when the timeout is over 15 minutes', () => {
    expect(() => newFunction(newStack(), { timeout: Duration.minutes(16) }))
      .toThrow('[TestStack/Orders] timeout: received 16 minutes; allowed: at most 15 minutes');
  });

  test('[LAM-2] fails on an empty service name', () => {
    expect(() => newFunction(newStack(), { serviceName: '  ' }))
      .toThrow("[TestStack/Orders] serviceName: received '  '; allowed: a non-empty name");
  });

  test('[LAM-2] fails on an empty metrics namespace', () => {
    expect(() => newFunction(newStack(), { metricsNamespace: '' }))
      .toThrow("[TestStack/Orders] metricsNamespace: received ''; allowed: a non-empty CloudWatch namespace");
  });

  test('[LAM-3] fails when the latency budget is not below the timeout (the alarm could never fire)', () => {
    expect(() => newFunction(newStack(), { latencyBudget: Duration.seconds(10) }))
      .toThrow('[TestStack/Orders] latencyBudget: received 10 seconds; allowed: more than 0 and less than the timeout (10 seconds)');
    expect(() => newFunction(newStack(), { latencyBudget: Duration.millis(0) }))
      .toThrow('[TestStack/Orders] latencyBudget: received 0 millis; allowed: more than 0 and less than the timeout');
  });

  test('[LAM-3] fails when provisioned concurrency exceeds reserved concurrency', () => {
    expect(() => newFunction(newStack(), { stage: DEV, provisionedConcurrentExecutions: 11 }))
      .toThrow('[TestStack/Orders] provisionedConcurrentExecutions: received 11; allowed: at most the reserved concurrency (10)');
  });

  test('[CDK-5] fails on a secret-looking plaintext environment value, pointing to `secrets`', () => {
    expect(() => newFunction(newStack(), { environment: { DB_PASSWORD: 'hunter2' } }))
      .toThrow('[TestStack/Orders] environment.DB_PASSWORD: received \'<plaintext value, redacted>\'; allowed: no plaintext secrets in environment variables. Store it in Secrets Manager and pass it as `secrets: { DB_PASSWORD: secret }`');
  });

  test.each(['API_KEY', 'STRIPE_SECRET', 'GITHUB_TOKEN', 'PRIVATE_KEY', 'apiKey'])('[CDK-5] fails on %s with a literal value', (name) => {
    expect(() => newFunction(newStack(), { environment: { [name]: 'literal' } })).toThrow(`environment.${name}: received '<plaintext value, redacted>'`);
  });

  test('[CDK-5] fails when addEnvironment is used to add a plaintext secret after construction', () => {
    const fn = newFunction(newStack());
    expect(() => fn.addEnvironment('SERVICE_TOKEN', 'abc123'))
      .toThrow('[TestStack/Orders] environment.SERVICE_TOKEN: received \'<plaintext value, redacted>\'; allowed: no plaintext secrets');
  });

  test('[CDK-5] fails on a secrets entry whose name is not a valid variable name', () => {
    const stack = newStack();
    const secret = new secretsmanager.Secret(stack, 'S');
    expect(() => newFunction(stack, { secrets: { 'db-password': secret } }))
      .toThrow("[TestStack/Orders] secrets.db-password: received 'db-password'; allowed: a name made of letters, digits and underscores");
  });

  test.each([
    ['java21', lambda.Runtime.JAVA_21],
    ['python3.11', lambda.Runtime.PYTHON_3_11],
    ['nodejs18.x', lambda.Runtime.NODEJS_18_X],
    // Powertools for TypeScript dropped Node.js 20 (#5218); its layers list nodejs22.x and nodejs24.x
    ['nodejs20.x', lambda.Runtime.NODEJS_20_X],
  ])('[LAM-6] fails on runtime %s, which has no Powertools layer here', (name, runtime) => {
    expect(() => new PowertoolsFunction(newStack(), 'Orders', {
      serviceName: 'orders', code: lambda.Code.fromInline('x'), handler: 'index.handler', runtime,
    })).toThrow(`[TestStack/Orders] runtime: received '${name}'; allowed: a runtime the Powertools layer supports: nodejs24.x, nodejs22.x, python3.14, python3.13, python3.12; ` +
      'for any other runtime set `powertoolsLayerEnabled: false` (and bundle Powertools yourself) or pass `powertoolsLayer`. Powertools for AWS Lambda lists');
  });

  test('[LAM-6] a runtime without a Powertools layer is accepted when the layer is off or your own', () => {
    const stack = newStack();
    const off = new PowertoolsFunction(stack, 'Off', {
      serviceName: 'orders', code: lambda.Code.fromInline('x'), handler: 'index.handler', runtime: lambda.Runtime.NODEJS_20_X, powertoolsLayerEnabled: false,
    });
    const own = new PowertoolsFunction(stack, 'Own', {
      serviceName: 'orders',
      code: lambda.Code.fromAsset(__dirname),
      handler: 'index.handler',
      runtime: lambda.Runtime.JAVA_21,
      powertoolsLayer: lambda.LayerVersion.fromLayerVersionArn(stack, 'L', 'arn:aws:lambda:us-east-1:123456789012:layer:mine:1'),
    });
    expect([off.runtime.name, own.runtime.name]).toEqual(['nodejs20.x', 'java21']);
  });

  test('[LAM-6] the TypeScript layer pin is 50, except in the regions where Powertools paused publishing', () => {
    expect([PowertoolsLayerVersions.TYPESCRIPT_V2, PowertoolsLayerVersions.PYTHON_V3]).toEqual([50, 27]);
    expect(['eu-west-1', 'me-south-1', 'me-central-1'].map((r) => PowertoolsLayerVersions.typescriptV2For(r))).toEqual([50, 46, 45]);
    const arns = ['eu-west-1', 'me-central-1'].map((region) => {
      const stack = newStack({ account: '123456789012', region });
      return newFunction(stack).powertoolsLayer!.layerVersionArn.replace(/^arn:[^:]+:/, 'arn:aws:');
    });
    expect(arns).toEqual([
      'arn:aws:lambda:eu-west-1:094274105915:layer:AWSLambdaPowertoolsTypeScriptV2:50',
      'arn:aws:lambda:me-central-1:094274105915:layer:AWSLambdaPowertoolsTypeScriptV2:45',
    ]);
  });

  test('[LAM-6] fails in a China region without a layer of your own (another publishing account)', () => {
    expect(() => newFunction(newStack({ account: '123456789012', region: 'cn-north-1' })))
      .toThrow("[TestStack/Orders] powertoolsLayer: received 'undefined (stack region 'cn-north-1')'");
  });

  test('tokens are never rejected: service name, timeout, concurrency', () => {
    const stack = newStack();
    const fn = newFunction(stack, {
      serviceName: Token.asString(Aws.STACK_NAME),
      metricsNamespace: Token.asString(Aws.STACK_NAME),
      timeout: Duration.seconds(Token.asNumber({ Ref: 'TimeoutParam' })),
      provisionedConcurrentExecutions: Token.asNumber({ Ref: 'Pc' }),
      latencyBudget: Duration.millis(Token.asNumber({ Ref: 'Budget' })),
      stage: DEV,
    });
    expect(stack.resolve(fn.serviceName)).toEqual({ Ref: 'AWS::StackName' });
  });
});

describe('feature flags of `cdk init` apps', () => {
  const FLAG = '@aws-cdk/aws-lambda:useCdkManagedLogGroup';
  function build(context: Record<string, unknown>, runtime: lambda.Runtime): Template {
    const stack = new Stack(new App({ context }), 'Flags', { env: { account: '123456789012', region: 'eu-west-1' } });
    new PowertoolsFunction(stack, 'Fn', {
      serviceName: 'orders',
      code: lambda.Code.fromInline('exports.handler = async () => ({})'),
      handler: 'index.handler',
      runtime,
    });
    return Template.fromStack(stack);
  }

  test.each([['Node.js', lambda.Runtime.NODEJS_24_X], ['Python', lambda.Runtime.PYTHON_3_13]])(
    `[LAM-8] %s: with ${FLAG} there is one log group, the construct's, and the template equals the one without the flag`,
    (_name, runtime) => {
      const withFlag = build({ [FLAG]: true }, runtime);
      const without = build({}, runtime);
      expect(withFlag.toJSON()).toEqual(without.toJSON());
      withFlag.resourceCountIs('AWS::Logs::LogGroup', 1);
      withFlag.hasResource('AWS::Logs::LogGroup', { DeletionPolicy: 'Retain', Properties: { RetentionInDays: 365, LogGroupName: Match.absent() } });
      withFlag.resourceCountIs('Custom::LogRetention', 0);
    },
  );
});
