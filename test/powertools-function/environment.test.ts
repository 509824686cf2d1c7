/**
 * The environment PowertoolsFunction writes, proven against the real Powertools libraries.
 *
 * For a Node.js and a Python function, the environment variables are read from the synthesized
 * template, and the handler runs in a child process with exactly those variables plus the ones the
 * Lambda service itself sets at run time (function name, region, execution environment, the X-Ray
 * trace header and daemon address, and the log controls derived from the template's
 * LoggingConfig). Nothing else of this process's environment leaks in.
 *
 * - Node.js: the shipped bundle `assets/lambda/orders-api/index.mjs` (the shared Powertools module),
 *   writing to moto's DynamoDB.
 * - Python: the document's handler (`fixtures/python_handler.py`) with aws-lambda-powertools from
 *   PyPI in `.venv`.
 *
 * Tracing is observed for real: a UDP socket plays the X-Ray daemon (`AWS_XRAY_DAEMON_ADDRESS`), and
 * the test counts the segments the X-Ray SDK sends through Powertools Tracer.
 */
import { spawn } from 'child_process';
import * as dgram from 'dgram';
import * as path from 'path';
import { App, Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import { createOrdersTable } from './helpers';
import { DeploymentStage, PowertoolsFunction } from '../../src';
import { handlerAssetPath } from '../../src/core/private/assets';
import { MotoServer, startMoto } from '../setup/moto';

const ROOT = path.join(__dirname, '..', '..');
const PYTHON = path.join(ROOT, '.venv', 'bin', 'python');
const FIXTURES = path.join(__dirname, 'fixtures');
const TABLE = 'orders';
const TRACE_HEADER = 'Root=1-5759e988-bd862e3fe1be46a994272793;Parent=53995c3f42cd8ad8;Sampled=1';

type Language = 'nodejs' | 'python';

interface Run {
  /** Parsed JSON lines of stdout and stderr (log lines and EMF documents). */
  readonly docs: Array<Record<string, any>>;
  /** The X-Ray segment documents received by the fake daemon. */
  readonly segments: Array<Record<string, any>>;
  /** The handler results, in order. */
  readonly results: Array<{ statusCode: number }>;
  /** The synthesized variables the run used. */
  readonly variables: Record<string, string>;
}

let moto: MotoServer;

beforeAll(async () => {
  moto = await startMoto();
  await createOrdersTable(moto.clientConfig, TABLE);
});

afterAll(async () => moto?.stop());

/** Synthesizes the function and returns its Lambda properties from the template. */
function synthesize(language: Language, stage: DeploymentStage, tracing?: lambda.Tracing): Record<string, any> {
  const stack = new Stack(new App(), 'EnvStack', { env: { account: '123456789012', region: 'us-east-1' } });
  new PowertoolsFunction(stack, 'Fn', language === 'nodejs'
    ? {
      serviceName: 'orders',
      code: lambda.Code.fromAsset(handlerAssetPath('orders-api')),
      handler: 'index.handler',
      environment: { TABLE_NAME: TABLE },
      stage,
      tracing,
    }
    : {
      serviceName: 'orders-py',
      metricsNamespace: 'OrdersService',
      runtime: lambda.Runtime.PYTHON_3_13,
      code: lambda.Code.fromAsset(FIXTURES),
      handler: 'python_handler.handler',
      stage,
      tracing,
    });
  const fns = Template.fromStack(stack).findResources('AWS::Lambda::Function');
  return Object.values(fns)[0].Properties;
}

/** What the Lambda service adds to the function's own variables at run time. */
function lambdaServiceVariables(props: Record<string, any>, daemonPort: number): Record<string, string> {
  return {
    PATH: process.env.PATH ?? '/usr/bin:/bin',
    AWS_EXECUTION_ENV: `AWS_Lambda_${props.Runtime}`,
    AWS_LAMBDA_FUNCTION_NAME: 'orders-fn',
    AWS_LAMBDA_FUNCTION_MEMORY_SIZE: String(props.MemorySize),
    AWS_LAMBDA_INITIALIZATION_TYPE: 'on-demand',
    AWS_REGION: 'us-east-1',
    AWS_DEFAULT_REGION: 'us-east-1',
    LAMBDA_TASK_ROOT: FIXTURES,
    AWS_LAMBDA_LOG_FORMAT: props.LoggingConfig.LogFormat,
    AWS_LAMBDA_LOG_LEVEL: props.LoggingConfig.ApplicationLogLevel,
    _X_AMZN_TRACE_ID: TRACE_HEADER,
    AWS_XRAY_DAEMON_ADDRESS: `127.0.0.1:${daemonPort}`,
    AWS_ACCESS_KEY_ID: 'testing',
    AWS_SECRET_ACCESS_KEY: 'testing',
  };
}

/** Runs the handler of `language` three times in one child process with exactly `variables`. */
async function run(language: Language, stage: DeploymentStage, tracing?: lambda.Tracing): Promise<Run> {
  const props = synthesize(language, stage, tracing);
  const variables: Record<string, string> = props.Environment.Variables;
  const daemon = dgram.createSocket('udp4');
  const segments: Array<Record<string, any>> = [];
  daemon.on('message', (msg) => {
    // "{header}\n{segment}"
    const [, body] = String(msg).split('\n');
    segments.push(JSON.parse(body));
  });
  await new Promise<void>((resolve) => daemon.bind(0, '127.0.0.1', () => resolve()));
  const env: Record<string, string> = { ...variables, ...lambdaServiceVariables(props, daemon.address().port) };

  let command: string;
  let args: string[];
  if (language === 'nodejs') {
    // the test's moto endpoint stands in for DynamoDB's regional endpoint
    env.AWS_ENDPOINT_URL_DYNAMODB = moto.endpoint;
    const bundle = path.join(handlerAssetPath('orders-api'), 'index.mjs');
    const script = [
      '(async () => {',
      `  const { handler } = await import(${JSON.stringify(bundle)});`,
      "  const bodies = [{ orderId: 'o1', item: 'book' }, { orderId: 'o2', item: 'pen' }, 'not json'];",
      '  for (const [i, b] of bodies.entries()) {',
      "    const body = typeof b === 'string' ? b : JSON.stringify(b);",
      "    const r = await handler({ rawPath: '/orders', body, requestContext: { requestId: 'req-' + (i + 1) } });",
      "    process.stderr.write('RESULT ' + JSON.stringify(r) + '\\n');",
      '  }',
      '})();',
    ].join('\n');
    command = process.execPath;
    args = ['--no-warnings', '-e', script];
  } else {
    command = PYTHON;
    args = [path.join(FIXTURES, 'invoke_python_handler.py')];
  }

  const child = spawn(command, args, { env, cwd: FIXTURES });
  let output = '';
  child.stdout.on('data', (d) => (output += String(d)));
  child.stderr.on('data', (d) => (output += String(d)));
  const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
  await new Promise((r) => setTimeout(r, 200)); // let the last UDP datagrams arrive
  daemon.close();
  if (code !== 0) {
    throw new Error(`${language} handler exited with ${code}:\n${output}`);
  }
  const lines = output.split('\n');
  const results = lines.filter((l) => l.startsWith('RESULT ')).map((l) => JSON.parse(l.slice('RESULT '.length)));
  const docs = lines.filter((l) => l.startsWith('{')).map((l) => JSON.parse(l));
  return { docs, segments, results, variables };
}

const logLines = (r: Run) => r.docs.filter((d) => d.level !== undefined);
const emf = (r: Run) => r.docs.filter((d) => d._aws !== undefined);
const metricNames = (r: Run) => emf(r).flatMap((d) => d._aws.CloudWatchMetrics[0].Metrics.map((m: { Name: string }) => m.Name));

describe.each<[string, Language, string, string, string]>([
  // language, service, namespace, name of the traced subsegment
  ['Node.js (shipped orders-api bundle)', 'nodejs', 'orders', 'orders', 'businessLogic'],
  ['Python (the document\'s handler)', 'python', 'orders-py', 'OrdersService', '## handler'],
])('%s under the synthesized environment', (_title, language, service, namespace, subsegment) => {
  let prod: Run;
  let dev: Run;
  let untraced: Run;

  beforeAll(async () => {
    prod = await run(language, DeploymentStage.PROD);
    dev = await run(language, DeploymentStage.DEV);
    untraced = await run(language, DeploymentStage.DEV, lambda.Tracing.DISABLED);
  });

  test('[LAM-2] the handler ran three times and answered each request', () => {
    expect(prod.results.map((r) => r.statusCode)).toEqual([200, 200, 400]);
    expect(dev.results.map((r) => r.statusCode)).toEqual([200, 200, 400]);
  });

  test('[LAM-2] every JSON log line carries the service name', () => {
    for (const r of [prod, dev]) {
      expect(logLines(r).length).toBeGreaterThan(0);
      expect(new Set(logLines(r).map((d) => d.service))).toEqual(new Set([service]));
    }
  });

  test('[LAM-7] DEV logs DEBUG lines; PROD logs only WARN and above', () => {
    expect(dev.variables.POWERTOOLS_LOG_LEVEL).toBe('DEBUG');
    expect(prod.variables.POWERTOOLS_LOG_LEVEL).toBe('WARN');
    const devLevels = new Set(logLines(dev).map((d) => d.level));
    const prodLevels = new Set(logLines(prod).map((d) => d.level));
    expect(devLevels.has('DEBUG')).toBe(true);
    expect(devLevels.has('INFO')).toBe(true);
    expect([...prodLevels].sort()).toEqual(language === 'python' ? ['WARNING'] : ['WARN']);
  });

  test('[LAM-2] EMF documents carry the namespace and the service dimension; ColdStart only once', () => {
    for (const r of [prod, dev]) {
      expect(emf(r).length).toBeGreaterThan(0);
      for (const doc of emf(r)) {
        expect(doc._aws.CloudWatchMetrics[0].Namespace).toBe(namespace);
        expect(doc._aws.CloudWatchMetrics[0].Dimensions[0]).toContain('service');
        expect(doc.service).toBe(service);
      }
      const names = metricNames(r);
      expect(names.filter((n: string) => n === 'ColdStart')).toHaveLength(1);
      expect(names.filter((n: string) => n === 'OrderProcessed')).toHaveLength(2);
    }
  });

  test('[LAM-1] Powertools objects outlive an invocation: one ColdStart metric, then warm invocations', () => {
    for (const r of [prod, dev]) {
      const coldStartDocs = emf(r).filter((d) => d.ColdStart !== undefined);
      expect(coldStartDocs).toHaveLength(1);
      // and it comes before the second OrderProcessed, i.e. with the first invocation
      const docs = emf(r);
      const processed = docs.filter((d) => d.OrderProcessed !== undefined);
      expect(docs.indexOf(coldStartDocs[0])).toBeLessThan(docs.indexOf(processed[1]));
    }
    if (language === 'python') {
      // Logger's cold_start key: true on every line of the first invocation, false afterwards
      const byRequest = (id: string) => logLines(dev).filter((d) => d.function_request_id === id).map((d) => d.cold_start);
      expect(new Set(byRequest('req-1'))).toEqual(new Set([true]));
      expect(new Set([...byRequest('req-2'), ...byRequest('req-3')])).toEqual(new Set([false]));
    }
  });

  test('[LAM-2] tracing is on as synthesized: the X-Ray SDK sends the handler\'s subsegments', () => {
    const tracingVariable = language === 'python' ? ['POWERTOOLS_TRACE_DISABLED', 'false'] : ['POWERTOOLS_TRACE_ENABLED', 'true'];
    expect(dev.variables[tracingVariable[0]]).toBe(tracingVariable[1]);
    for (const r of [prod, dev]) {
      const named = r.segments.filter((s) => s.name === subsegment);
      expect(named.length).toBeGreaterThanOrEqual(2);
      expect(named.every((s) => s.trace_id === '1-5759e988-bd862e3fe1be46a994272793')).toBe(true);
    }
  });

  test('[LAM-2] with tracing disabled, the synthesized variable turns Powertools Tracer off: no segments', () => {
    const tracingVariable = language === 'python' ? ['POWERTOOLS_TRACE_DISABLED', 'true'] : ['POWERTOOLS_TRACE_ENABLED', 'false'];
    expect(untraced.variables[tracingVariable[0]]).toBe(tracingVariable[1]);
    expect(untraced.results.map((r) => r.statusCode)).toEqual([200, 200, 400]);
    expect(untraced.segments).toEqual([]);
  });
});
