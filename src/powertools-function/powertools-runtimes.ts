import * as lambda from 'aws-cdk-lib/aws-lambda';
import { InherentFinding } from '../core/private/rule-packs';

/**
 * The Lambda runtimes each Powertools flavour supports and this library accepts with the official
 * layer, newest first: the one table the default runtime, the runtime check and the rule-pack
 * acknowledgement read (issue #21). Read on 2026-12-04.
 *
 * - TypeScript: `nodejs24.x`, `nodejs22.x`. Source: powertools-lambda-typescript at
 *   1e5fe1b497003615377ceb8e03b4321ce6260815 (2026-08-20; v2.35.0 = layer 50):
 *   `layers/src/layer-publisher-stack.ts` publishes the layer with
 *   `compatibleRuntimes: [Runtime.NODEJS_22_X, Runtime.NODEJS_24_X]`, the README badge says
 *   "node 22 | 24"; Node.js 20 was dropped in #5218 (2646f26, 2026-05-04, first in v2.33.1).
 *   No `nodejs26.x` anywhere in that tree, and no issue or pull request about it was found.
 * - Python: `python3.14`, `python3.13`, `python3.12`. Source: powertools-lambda-python
 *   `docs/getting-started/install.md` at 33f2c8f8b8a6b9b0874f8f24f2d0592c66173b81 (the per-version
 *   layers and SAR apps are listed for 3.10 to 3.14; no 3.15). The library accepts 3.12 and newer,
 *   as it always has.
 *
 * A runtime is only used if the installed aws-cdk-lib has it too (see `newestRuntime`).
 */
export const POWERTOOLS_RUNTIMES: { readonly [family: string]: readonly string[] } = {
  [lambda.RuntimeFamily.NODEJS]: ['nodejs24.x', 'nodejs22.x'],
  [lambda.RuntimeFamily.PYTHON]: ['python3.14', 'python3.13', 'python3.12'],
};

/** Where `POWERTOOLS_RUNTIMES` was read, quoted in errors and acknowledgements. */
export const POWERTOOLS_RUNTIMES_SOURCE =
  'Powertools for AWS Lambda lists nodejs22.x and nodejs24.x (TypeScript, layer-publisher-stack.ts at v2.35.0) and python3.12 to python3.14 (Python V3, getting-started/install.md), read 2026-12-04';

/** What the installed aws-cdk-lib offers: a `lambda.Runtime` static property by name, and every runtime it knows. */
export interface RuntimeCatalog {
  /** The runtime of a static property such as `NODEJS_26_X`, or undefined when this aws-cdk-lib lacks it. */
  byProperty(property: string): lambda.Runtime | undefined;
  /** Every runtime this aws-cdk-lib knows (`lambda.Runtime.ALL`, what cdk-nag's runtime rules compare against). */
  all(): readonly lambda.Runtime[];
}

/**
 * The installed aws-cdk-lib, looked up when called: `lambda.Runtime[property]` runs in the JS
 * kernel, so a Python, Java, C# or Go app gets the runtimes of the aws-cdk-lib it installed too.
 */
export const INSTALLED_RUNTIMES: RuntimeCatalog = {
  byProperty: (property) => {
    const value = (lambda.Runtime as unknown as Record<string, unknown>)[property];
    return value instanceof lambda.Runtime ? value : undefined;
  },
  all: () => lambda.Runtime.ALL,
};

/** The `lambda.Runtime` static property of a runtime name: `nodejs24.x` → `NODEJS_24_X`, `python3.14` → `PYTHON_3_14`. */
export function runtimeProperty(name: string): string {
  return name.toUpperCase().replace(/^NODEJS(\d+)\.X$/, 'NODEJS_$1_X').replace(/^PYTHON(\d+)\.(\d+)$/, 'PYTHON_$1_$2');
}

/**
 * The newest runtime of `family` that Powertools supports (`table`) and the installed aws-cdk-lib
 * (`catalog`) knows. Throws when they share none (an aws-cdk-lib older than the peer floor).
 */
export function newestRuntime(
  family: lambda.RuntimeFamily,
  catalog: RuntimeCatalog = INSTALLED_RUNTIMES,
  table: { readonly [family: string]: readonly string[] } = POWERTOOLS_RUNTIMES,
): lambda.Runtime {
  for (const name of table[family] ?? []) {
    const runtime = catalog.byProperty(runtimeProperty(name));
    if (runtime && runtime.name === name) {
      return runtime;
    }
  }
  throw new Error(`cdk-cloud-patterns: the installed aws-cdk-lib knows none of the runtimes Powertools supports (${(table[family] ?? []).join(', ')}); install aws-cdk-lib 2.236.0 or newer`);
}

/** Whether the official Powertools layer supports `runtime` (per `table`). */
export function isPowertoolsRuntime(
  runtime: lambda.Runtime,
  table: { readonly [family: string]: readonly string[] } = POWERTOOLS_RUNTIMES,
): boolean {
  return Object.values(table).some((names) => names.includes(runtime.name));
}

/** Family and version of a runtime name, parsed as cdk-nag's LambdaLatestVersion rule parses it. */
const RUNTIME_NAME = /^([a-z]+)(\d+(\.?\d+|\.x)?)?.*$/;

/**
 * The runtimes `catalog` knows that cdk-nag's `AwsSolutions-L1` and `Serverless-LambdaLatestVersion`
 * consider newer than `runtime`: same name prefix, higher version, compared as cdk-nag compares
 * them (`Runtime.ALL`, numeric `localeCompare`).
 */
export function newerKnownRuntimes(runtime: lambda.Runtime, catalog: RuntimeCatalog = INSTALLED_RUNTIMES): string[] {
  const m = RUNTIME_NAME.exec(runtime.name);
  if (!m || m[1] === 'provided') {
    return [];
  }
  const version = m[2] ?? '0';
  const newer = new Set<string>();
  for (const other of catalog.all()) {
    const o = RUNTIME_NAME.exec(other.name);
    if (other.name.indexOf(m[1]) === 0 && o &&
      (o[2] ?? '0').localeCompare(version, undefined, { numeric: true, sensitivity: 'base' }) > 0) {
      newer.add(other.name);
    }
  }
  return [...newer].sort();
}

/**
 * The rule-pack findings a `PowertoolsFunction` acknowledges on its own function (DESIGN.md §9):
 * only when it attaches the official layer, its runtime is the newest that layer supports for the
 * family, and aws-cdk-lib already knows a newer one — a runtime the layer does not support yet, so
 * the user cannot move to it without dropping the layer. Any older runtime stays reported.
 */
export function latestRuntimeFindings(
  runtime: lambda.Runtime,
  officialLayer: boolean,
  catalog: RuntimeCatalog = INSTALLED_RUNTIMES,
  table: { readonly [family: string]: readonly string[] } = POWERTOOLS_RUNTIMES,
): InherentFinding[] {
  const family = runtime.family;
  if (!officialLayer || family === undefined || (table[family] ?? [])[0] !== runtime.name) {
    return [];
  }
  const newer = newerKnownRuntimes(runtime, catalog);
  if (newer.length === 0) {
    return [];
  }
  const reason = `${runtime.name} is the newest runtime the Powertools for AWS Lambda layer supports (${POWERTOOLS_RUNTIMES_SOURCE}); ` +
    `aws-cdk-lib also knows ${newer.join(', ')}, which the layer does not support yet. ` +
    'To run a newer runtime, bundle Powertools yourself (`powertoolsLayerEnabled: false`) or pass `powertoolsLayer`.';
  return [{ id: 'AwsSolutions-L1', reason }, { id: 'Serverless-LambdaLatestVersion', reason }];
}

/**
 * The runtimes `PowertoolsFunction` defaults to: the newest runtime of each language that both the
 * Powertools for AWS Lambda layer supports and the installed aws-cdk-lib knows, so the default
 * moves forward when this library lists a newer runtime and your aws-cdk-lib has it.
 *
 * Pin a runtime by passing `runtime` yourself (for example `lambda.Runtime.NODEJS_24_X`).
 *
 * @example
 * new PowertoolsFunction(this, 'Report', {
 *   serviceName: 'report',
 *   runtime: PowertoolsRuntimes.newestPython(),
 *   code: lambda.Code.fromAsset('dist/report'),
 *   handler: 'app.handler',
 * });
 */
export class PowertoolsRuntimes {
  /**
   * The newest Node.js runtime the Powertools for AWS Lambda (TypeScript) layer supports and the
   * installed aws-cdk-lib knows: `PowertoolsFunction`'s default runtime.
   */
  public static newestNodejs(): lambda.Runtime {
    return newestRuntime(lambda.RuntimeFamily.NODEJS);
  }

  /**
   * The newest Python runtime the Powertools for AWS Lambda (Python) V3 layer supports and the
   * installed aws-cdk-lib knows.
   */
  public static newestPython(): lambda.Runtime {
    return newestRuntime(lambda.RuntimeFamily.PYTHON);
  }

  /** The Node.js runtimes the TypeScript layer supports, newest first (runtime names, e.g. `nodejs24.x`). */
  public static nodejsRuntimeNames(): string[] {
    return [...POWERTOOLS_RUNTIMES[lambda.RuntimeFamily.NODEJS]];
  }

  /** The Python runtimes the Python V3 layer supports and this library accepts, newest first (e.g. `python3.14`). */
  public static pythonRuntimeNames(): string[] {
    return [...POWERTOOLS_RUNTIMES[lambda.RuntimeFamily.PYTHON]];
  }

  private constructor() {}
}
