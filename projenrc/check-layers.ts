/**
 * Compares the Powertools layer pins (src/powertools-function/powertools-layer.ts) with the newest
 * layers AWS publishes, read from AWS's public SSM parameters (issue #21):
 *
 * - TypeScript: `/aws/service/powertools/typescript/generic/all/latest`
 * - Python: `/aws/service/powertools/python/<x86_64|arm64>/<python3.xx>/latest`, for every Python
 *   runtime the library accepts (`POWERTOOLS_RUNTIMES`) and both architectures
 *
 * (parameter names from the Powertools documentation: powertools-lambda-typescript
 * docs/getting-started/lambda-layers.md "Lookup Layer ARN via AWS SSM Parameter Store", and
 * powertools-lambda-python docs/getting-started/install.md "Using SSM Parameter Store").
 *
 *   npx projen check:layers                      # us-east-1
 *   CHECK_LAYERS_REGIONS=eu-west-1,me-central-1 npx projen check:layers
 *
 * Needs only AWS credentials that may call `ssm:GetParameter` on those public parameters (any
 * identity can) and the AWS CLI. Exits 1 when a pin is behind (or names a version AWS does not
 * publish), 2 when a parameter could not be read. The weekly `check-layers` workflow runs it.
 */
import { execFileSync } from 'child_process';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import { PowertoolsLayerVersions } from '../src/powertools-function/powertools-layer';
import { POWERTOOLS_RUNTIMES } from '../src/powertools-function/powertools-runtimes';

/** One SSM parameter to read, and the pin it is compared with. */
export interface LayerParameter {
  readonly name: string;
  readonly region: string;
  /** The layer name the parameter must point at, e.g. `AWSLambdaPowertoolsTypeScriptV2`. */
  readonly layerName: string;
  /** The publishing account the parameter must point at. */
  readonly account: string;
  /** The version this library pins for that layer in that region. */
  readonly pinned: number;
}

/** The outcome of one comparison. */
export interface LayerComparison {
  readonly parameter: LayerParameter;
  readonly status: 'current' | 'behind' | 'ahead' | 'unexpected' | 'unreadable';
  /** The newest version AWS publishes (when the parameter was read and understood). */
  readonly latest?: number;
  readonly detail: string;
}

/** The parameters that correspond to the pins, for `regions`. */
export function layerParameters(regions: readonly string[]): LayerParameter[] {
  const out: LayerParameter[] = [];
  for (const region of regions) {
    out.push({
      name: '/aws/service/powertools/typescript/generic/all/latest',
      region,
      layerName: 'AWSLambdaPowertoolsTypeScriptV2',
      account: PowertoolsLayerVersions.TYPESCRIPT_ACCOUNT,
      pinned: PowertoolsLayerVersions.typescriptV2For(region),
    });
    for (const python of POWERTOOLS_RUNTIMES[lambda.RuntimeFamily.PYTHON]) {
      for (const arch of ['x86_64', 'arm64']) {
        out.push({
          name: `/aws/service/powertools/python/${arch}/${python}/latest`,
          region,
          layerName: `AWSLambdaPowertoolsPythonV3-${python.replace('.', '')}-${arch}`,
          account: PowertoolsLayerVersions.PYTHON_ACCOUNT,
          pinned: PowertoolsLayerVersions.PYTHON_V3,
        });
      }
    }
  }
  return out;
}

const LAYER_ARN = /^arn:aws[a-z-]*:lambda:([a-z0-9-]+):(\d{12}):layer:([A-Za-z0-9_-]+):(\d+)$/;

/** Compares one parameter's value (a layer version ARN, or undefined when unreadable) with its pin. */
export function compareLayer(parameter: LayerParameter, value: string | undefined): LayerComparison {
  if (value === undefined) {
    return { parameter, status: 'unreadable', detail: `${parameter.name} could not be read in ${parameter.region}` };
  }
  const m = LAYER_ARN.exec(value.trim());
  if (!m || m[1] !== parameter.region || m[2] !== parameter.account || m[3] !== parameter.layerName) {
    return {
      parameter,
      status: 'unexpected',
      detail: `${parameter.name} in ${parameter.region} is '${value.trim()}', expected a version of ${parameter.account}:layer:${parameter.layerName} in ${parameter.region}`,
    };
  }
  const latest = Number(m[4]);
  const where = `${parameter.layerName} in ${parameter.region}`;
  if (latest > parameter.pinned) {
    return { parameter, status: 'behind', latest, detail: `${where}: pinned ${parameter.pinned}, AWS publishes ${latest}` };
  }
  if (latest < parameter.pinned) {
    return { parameter, status: 'ahead', latest, detail: `${where}: pinned ${parameter.pinned}, but the newest AWS publishes is ${latest}` };
  }
  return { parameter, status: 'current', latest, detail: `${where}: ${latest}` };
}

/** The exit code of a set of comparisons: 0 all current, 1 a pin behind or wrong, 2 a parameter unreadable. */
export function exitCode(results: readonly LayerComparison[]): number {
  if (results.some((r) => r.status === 'unreadable')) return 2;
  if (results.some((r) => r.status !== 'current')) return 1;
  return 0;
}

/** The report: one line per parameter, and what to change in powertools-layer.ts. */
export function report(results: readonly LayerComparison[]): string {
  const lines = results.map((r) => `${r.status.padEnd(10)} ${r.detail}`);
  const behind = results.filter((r) => r.status === 'behind' || r.status === 'ahead');
  if (behind.length > 0) {
    lines.push('', 'Update the pins (and the date and source recorded with them) in src/powertools-function/powertools-layer.ts.');
  }
  return lines.join('\n');
}

/** Reads one parameter with the AWS CLI; undefined (with the CLI's message on stderr) when it fails. */
function readParameter(parameter: LayerParameter): string | undefined {
  try {
    return execFileSync('aws', ['ssm', 'get-parameter', '--name', parameter.name, '--region', parameter.region,
      '--query', 'Parameter.Value', '--output', 'text'], { encoding: 'utf-8', stdio: ['ignore', 'pipe', 'inherit'] });
  } catch {
    return undefined;
  }
}

if (require.main === module) {
  const regions = (process.env.CHECK_LAYERS_REGIONS ?? 'us-east-1').split(',').map((r) => r.trim()).filter(Boolean);
  const results = layerParameters(regions).map((p) => compareLayer(p, readParameter(p)));
  console.log(report(results));
  process.exitCode = exitCode(results);
}
