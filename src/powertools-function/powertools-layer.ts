import { ArnFormat, Aws, CfnMapping, Stack } from 'aws-cdk-lib';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import { IConstruct } from 'constructs';
import { ConstructValidationError } from '../core/private/errors';
import { isUnresolved } from '../core/private/validation';

/**
 * The Powertools for AWS Lambda layers this library resolves, pinned to versions it was written
 * against, and the account each is published from (commercial partition).
 *
 * Confirmed on 2026-11-27 from the Powertools documentation:
 * - TypeScript: `arn:aws:lambda:{region}:094274105915:layer:AWSLambdaPowertoolsTypeScriptV2:44`
 *   (docs.aws.amazon.com/powertools/typescript/latest/getting-started/lambda-layers, every
 *   commercial region on version 44).
 * - Python: `arn:aws:lambda:{region}:017000801446:layer:AWSLambdaPowertoolsPythonV3-{python_version}-{arm64|x86_64}:27`
 *   (powertools-lambda-python docs/index.md, layer version 27 for both architectures).
 *
 * China and GovCloud regions publish these layers from other accounts: for those, pass
 * `powertoolsLayer` yourself. A stack with an explicit China or GovCloud region is refused at
 * synth time; an environment-agnostic stack (region unknown) looks the account up in a
 * CloudFormation mapping keyed by `AWS::Partition` that lists only the commercial partition, so
 * deploying it elsewhere fails on the mapping instead of referencing the wrong account.
 */
export class PowertoolsLayerVersions {
  /** The pinned version of `AWSLambdaPowertoolsTypeScriptV2` (confirmed 2026-11-27). */
  public static readonly TYPESCRIPT_V2 = 44;
  /** The pinned version of `AWSLambdaPowertoolsPythonV3-<python>-<arch>` (confirmed 2026-11-27). */
  public static readonly PYTHON_V3 = 27;
  /** The account that publishes the TypeScript layer in the commercial partition. */
  public static readonly TYPESCRIPT_ACCOUNT = '094274105915';
  /** The account that publishes the Python layer in the commercial partition. */
  public static readonly PYTHON_ACCOUNT = '017000801446';

  private constructor() {}
}

/** The Python versions Powertools V3 publishes a per-version layer for, and this library accepts. */
export const SUPPORTED_PYTHON_VERSIONS = ['3.12', '3.13', '3.14'];
/** The oldest Node.js major the TypeScript V2 layer targets that Lambda still runs. */
export const MIN_NODE_MAJOR = 20;

/** The language a runtime belongs to, as far as Powertools is concerned. */
export enum PowertoolsLanguageKind {
  TYPESCRIPT = 'typescript',
  PYTHON = 'python',
  OTHER = 'other',
}

/** Which Powertools flavour a runtime gets: TypeScript for Node.js, Python for Python, else none. */
export function languageOf(runtime: lambda.Runtime): PowertoolsLanguageKind {
  if (runtime.family === lambda.RuntimeFamily.NODEJS) {
    return PowertoolsLanguageKind.TYPESCRIPT;
  }
  if (runtime.family === lambda.RuntimeFamily.PYTHON) {
    return PowertoolsLanguageKind.PYTHON;
  }
  return PowertoolsLanguageKind.OTHER;
}

/** Throws unless Powertools publishes a layer for `runtime` (Node.js ≥ 20, Python 3.12–3.14). */
export function assertLayerRuntime(scope: IConstruct, runtime: lambda.Runtime): void {
  const allowed = `a Node.js runtime (nodejs${MIN_NODE_MAJOR}.x or newer) or Python ${SUPPORTED_PYTHON_VERSIONS.join(', ')}; ` +
    'for any other runtime set `powertoolsLayerEnabled: false` (and bundle Powertools yourself) or pass `powertoolsLayer`';
  const language = languageOf(runtime);
  if (language === PowertoolsLanguageKind.TYPESCRIPT) {
    const m = /^nodejs(\d+)\.x$/.exec(runtime.name);
    if (m && Number(m[1]) >= MIN_NODE_MAJOR) {
      return;
    }
  } else if (language === PowertoolsLanguageKind.PYTHON) {
    if (SUPPORTED_PYTHON_VERSIONS.includes(runtime.name.replace(/^python/, ''))) {
      return;
    }
  }
  throw new ConstructValidationError(scope, { prop: 'runtime', received: runtime.name, allowed });
}

/**
 * The ARN of the Powertools layer for `runtime` and `architecture`, in the stack's own partition and
 * region. Works when the region is a token (environment-agnostic stack): the ARN is then built
 * from `AWS::Partition` and `AWS::Region`.
 */
export function powertoolsLayerArn(
  scope: IConstruct,
  runtime: lambda.Runtime,
  architecture: lambda.Architecture,
  version?: number,
): string {
  const stack = Stack.of(scope);
  const region = stack.region;
  if (!isUnresolved(region) && /^(cn-|us-gov-|us-iso|eusc-)/.test(region)) {
    throw new ConstructValidationError(scope, {
      prop: 'powertoolsLayer',
      received: `undefined (stack region '${region}')`,
      allowed: 'a layer you pass yourself: Powertools publishes its layers in this partition from other accounts',
      hint: 'Pass `powertoolsLayer: lambda.LayerVersion.fromLayerVersionArn(...)` with the ARN from the Powertools documentation',
    });
  }
  let account: string;
  let name: string;
  if (languageOf(runtime) === PowertoolsLanguageKind.PYTHON) {
    const py = runtime.name.replace('.', ''); // python3.13 -> python313
    const arch = architecture.name === lambda.Architecture.ARM_64.name ? 'arm64' : 'x86_64';
    account = PowertoolsLayerVersions.PYTHON_ACCOUNT;
    name = `AWSLambdaPowertoolsPythonV3-${py}-${arch}:${version ?? PowertoolsLayerVersions.PYTHON_V3}`;
  } else {
    account = PowertoolsLayerVersions.TYPESCRIPT_ACCOUNT;
    name = `AWSLambdaPowertoolsTypeScriptV2:${version ?? PowertoolsLayerVersions.TYPESCRIPT_V2}`;
  }
  if (isUnresolved(region)) {
    // Region (and partition) unknown at synth: look the account up by partition, so that a deployment
    // to a partition whose publishing account is not known here fails on the missing mapping key
    // instead of referencing a commercial-partition account.
    account = layerAccountMapping(stack).findInMap(Aws.PARTITION, languageOf(runtime));
  }
  return stack.formatArn({
    service: 'lambda',
    account,
    resource: 'layer',
    resourceName: name,
    arnFormat: ArnFormat.COLON_RESOURCE_NAME,
  });
}

/** The id of the stack-level mapping `partition -> language -> publishing account`. */
export const LAYER_ACCOUNT_MAPPING_ID = 'PowertoolsLayerAccounts';

/** The stack's mapping of the Powertools layers' publishing accounts by partition (one per stack). */
function layerAccountMapping(stack: Stack): CfnMapping {
  const existing = stack.node.tryFindChild(LAYER_ACCOUNT_MAPPING_ID);
  if (existing instanceof CfnMapping) {
    return existing;
  }
  return new CfnMapping(stack, LAYER_ACCOUNT_MAPPING_ID, {
    mapping: {
      aws: {
        [PowertoolsLanguageKind.TYPESCRIPT]: PowertoolsLayerVersions.TYPESCRIPT_ACCOUNT,
        [PowertoolsLanguageKind.PYTHON]: PowertoolsLayerVersions.PYTHON_ACCOUNT,
      },
    },
  });
}
