import { App, Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import { AwsSolutionsChecks, ServerlessChecks } from 'cdk-nag';
import { PowertoolsFunction, PowertoolsRuntimes } from '../../src';
import {
  INSTALLED_RUNTIMES,
  latestRuntimeFindings,
  newerKnownRuntimes,
  newestRuntime,
  POWERTOOLS_RUNTIMES,
  RuntimeCatalog,
  runtimeProperty,
} from '../../src/powertools-function/powertools-runtimes';

const NODE = lambda.RuntimeFamily.NODEJS;
const PYTHON = lambda.RuntimeFamily.PYTHON;

/**
 * A stand-in for a `lambda.Runtime` of another aws-cdk-lib release. Plain objects, never
 * `new lambda.Runtime()`: that constructor appends to the real `Runtime.ALL`, which cdk-nag reads.
 */
function fake(name: string, family: lambda.RuntimeFamily): lambda.Runtime {
  return { name, family } as lambda.Runtime;
}

/** An aws-cdk-lib that knows exactly `names`, by static property as the real lookup works. */
function catalog(...names: string[]): RuntimeCatalog {
  const runtimes = names.map((n) => fake(n, n.startsWith('python') ? PYTHON : NODE));
  return {
    byProperty: (property) => runtimes.find((r) => runtimeProperty(r.name) === property),
    all: () => runtimes,
  };
}

/** aws-cdk-lib 2.278's Node.js runtimes (adds nodejs26.x) and 2.276's. */
const CDK_2_278 = catalog('nodejs18.x', 'nodejs20.x', 'nodejs22.x', 'nodejs24.x', 'nodejs26.x', 'python3.14', 'python3.15');
const CDK_2_276 = catalog('nodejs18.x', 'nodejs20.x', 'nodejs22.x', 'nodejs24.x', 'python3.14', 'python3.15');

describe('the runtime table and how the default is chosen', () => {
  test('runtime names map to aws-cdk-lib static properties', () => {
    expect(['nodejs26.x', 'nodejs24.x', 'python3.14', 'python3.9'].map(runtimeProperty))
      .toEqual(['NODEJS_26_X', 'NODEJS_24_X', 'PYTHON_3_14', 'PYTHON_3_9']);
  });

  test('the lookup of the installed aws-cdk-lib returns its own Runtime objects, and nothing for a property it lacks', () => {
    expect(INSTALLED_RUNTIMES.byProperty('NODEJS_24_X')).toBe(lambda.Runtime.NODEJS_24_X);
    expect(INSTALLED_RUNTIMES.byProperty('NODEJS_99_X')).toBeUndefined();
    expect(INSTALLED_RUNTIMES.all()).toBe(lambda.Runtime.ALL);
  });

  test('the table lists what Powertools supports today, newest first: Node.js 24 and 22, Python 3.14 to 3.12', () => {
    expect(POWERTOOLS_RUNTIMES[NODE]).toEqual(['nodejs24.x', 'nodejs22.x']);
    expect(POWERTOOLS_RUNTIMES[PYTHON]).toEqual(['python3.14', 'python3.13', 'python3.12']);
    expect([PowertoolsRuntimes.nodejsRuntimeNames(), PowertoolsRuntimes.pythonRuntimeNames()])
      .toEqual([POWERTOOLS_RUNTIMES[NODE], POWERTOOLS_RUNTIMES[PYTHON]]);
  });

  test('aws-cdk-lib knows a newer runtime than Powertools supports (2.278: nodejs26.x): the default stays on the newest supported', () => {
    expect(newestRuntime(NODE, CDK_2_278).name).toBe('nodejs24.x');
    expect(newestRuntime(PYTHON, CDK_2_278).name).toBe('python3.14');
  });

  test('once the table lists nodejs26.x, an aws-cdk-lib that knows it moves the default there', () => {
    const table = { [NODE]: ['nodejs26.x', 'nodejs24.x'] };
    expect(newestRuntime(NODE, CDK_2_278, table).name).toBe('nodejs26.x');
  });

  test('the table lists nodejs26.x but the installed aws-cdk-lib lacks it (2.276): the newest it knows', () => {
    const table = { [NODE]: ['nodejs26.x', 'nodejs24.x'] };
    expect(newestRuntime(NODE, CDK_2_276, table).name).toBe('nodejs24.x');
  });

  test('the installed aws-cdk-lib: the defaults are Runtime objects it owns', () => {
    expect(PowertoolsRuntimes.newestNodejs()).toBe(lambda.Runtime.NODEJS_24_X);
    expect(PowertoolsRuntimes.newestPython()).toBe(lambda.Runtime.PYTHON_3_14);
  });

  test('an aws-cdk-lib that knows none of the supported runtimes is an error that says what to install', () => {
    expect(() => newestRuntime(NODE, catalog('nodejs18.x'))).toThrow(
      'cdk-cloud-patterns: the installed aws-cdk-lib knows none of the runtimes Powertools supports (nodejs24.x, nodejs22.x); install aws-cdk-lib 2.236.0 or newer');
  });

  test('a property whose runtime has another name is not taken for the table entry', () => {
    const odd: RuntimeCatalog = { byProperty: (p) => (p === 'NODEJS_24_X' ? fake('nodejs24.x-preview', NODE) : undefined), all: () => [] };
    expect(() => newestRuntime(NODE, odd, { [NODE]: ['nodejs24.x'] })).toThrow('knows none of the runtimes');
  });

  test('newer runtimes are compared as cdk-nag compares them (numeric, same name prefix)', () => {
    expect(newerKnownRuntimes(fake('nodejs24.x', NODE), CDK_2_278)).toEqual(['nodejs26.x']);
    expect(newerKnownRuntimes(fake('nodejs24.x', NODE), CDK_2_276)).toEqual([]);
    expect(newerKnownRuntimes(fake('python3.14', PYTHON), CDK_2_276)).toEqual(['python3.15']);
    expect(newerKnownRuntimes(fake('python3.9', PYTHON), catalog('python3.9', 'python3.10'))).toEqual(['python3.10']);
    expect(newerKnownRuntimes(fake('provided.al2023', lambda.RuntimeFamily.OTHER), CDK_2_278)).toEqual([]);
  });
});

describe('what a PowertoolsFunction acknowledges about its runtime (DESIGN.md §9)', () => {
  test('the newest supported runtime, the official layer and a newer runtime known: AwsSolutions-L1 and Serverless-LambdaLatestVersion, with the reason', () => {
    const acknowledged = latestRuntimeFindings(fake('nodejs24.x', NODE), true, CDK_2_278);
    expect(acknowledged.map((f) => f.id)).toEqual(['AwsSolutions-L1', 'Serverless-LambdaLatestVersion']);
    expect(acknowledged[0].reason).toContain('nodejs24.x is the newest runtime the Powertools for AWS Lambda layer supports');
    expect(acknowledged[0].reason).toContain('aws-cdk-lib also knows nodejs26.x, which the layer does not support yet');
  });

  test.each([
    ['no newer runtime known (2.276)', fake('nodejs24.x', NODE), true, CDK_2_276],
    ['an older runtime than the layer supports (nodejs22.x): you could move', fake('nodejs22.x', NODE), true, CDK_2_278],
    ['your own layer or none: you could run nodejs26.x', fake('nodejs24.x', NODE), false, CDK_2_278],
    ['a runtime outside the table', fake('java21', lambda.RuntimeFamily.JAVA), true, catalog('java21', 'java25')],
  ])('nothing is acknowledged with %s', (_case, runtime, official, known) => {
    expect(latestRuntimeFindings(runtime, official, known)).toEqual([]);
  });

  function findings(configure: (stack: Stack) => void): string[] {
    const stack = new Stack(new App(), 'S', { env: { account: '123456789012', region: 'eu-west-1' } });
    configure(stack);
    type Pack = { validateScope(s: Stack): { violations: Array<{ ruleName: string; severity: string }> } };
    const packs = [new AwsSolutionsChecks(), new ServerlessChecks()] as unknown as Pack[];
    return [...new Set(packs.flatMap((p) => p.validateScope(stack).violations).filter((v) => v.severity === 'error').map((v) => v.ruleName))].sort();
  }
  const base = { serviceName: 'orders', code: lambda.Code.fromInline('def handler(e, c):\n    return 1\n'), handler: 'index.handler' };

  test('the minimal call runs on the default runtime and reports no finding', () => {
    let fn: PowertoolsFunction | undefined;
    expect(findings((s) => { fn = new PowertoolsFunction(s, 'Fn', base); })).toEqual([]);
    expect(Template.fromStack(fn!.stack).findResources('AWS::Lambda::Function')[fn!.stack.getLogicalId(fn!.node.defaultChild as lambda.CfnFunction)]
      .Properties.Runtime).toBe(PowertoolsRuntimes.newestNodejs().name);
  });

  test('the installed aws-cdk-lib knows python3.15, which the Python layer lacks: newestPython() is acknowledged, not reported', () => {
    expect(findings((s) => new PowertoolsFunction(s, 'Fn', { ...base, runtime: PowertoolsRuntimes.newestPython() }))).toEqual([]);
  });

  test('an older runtime you chose is still reported', () => {
    expect(findings((s) => new PowertoolsFunction(s, 'Fn', { ...base, runtime: lambda.Runtime.PYTHON_3_13 })))
      .toEqual(['AwsSolutions-L1', 'Serverless-LambdaLatestVersion']);
  });

  test('without the official layer, python3.14 is reported: you could run python3.15', () => {
    expect(findings((s) => new PowertoolsFunction(s, 'Fn', { ...base, runtime: lambda.Runtime.PYTHON_3_14, powertoolsLayerEnabled: false })))
      .toEqual(['AwsSolutions-L1', 'Serverless-LambdaLatestVersion']);
  });

  test('pinning: the runtime you pass is the runtime you get', () => {
    const stack = new Stack(new App(), 'S');
    const fn = new PowertoolsFunction(stack, 'Fn', { ...base, runtime: lambda.Runtime.NODEJS_22_X });
    expect((fn.node.defaultChild as lambda.CfnFunction).runtime).toBe('nodejs22.x');
  });
});
