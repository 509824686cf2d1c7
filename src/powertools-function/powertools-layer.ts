import { ArnFormat, Aws, CfnMapping, Stack } from 'aws-cdk-lib';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import { IConstruct } from 'constructs';
import { isPowertoolsRuntime, POWERTOOLS_RUNTIMES, POWERTOOLS_RUNTIMES_SOURCE } from './powertools-runtimes';
import { ConstructValidationError } from '../core/private/errors';
import { isUnresolved } from '../core/private/validation';

/**
 * The Powertools for AWS Lambda layers this library resolves, pinned to versions it was tested
 * against, and the account each is published from (commercial partition). Each pin records its
 * version, the date it was read and where (issue #21); `npx projen check:layers` (and the weekly
 * `check-layers` workflow) compares the pins with AWS's public SSM parameters.
 *
 * - TypeScript `arn:aws:lambda:{region}:094274105915:layer:AWSLambdaPowertoolsTypeScriptV2:50`
 *   (Powertools for TypeScript v2.35.0, released 2026-08-18), read 2026-12-04 from
 *   powertools-lambda-typescript `docs/getting-started/lambda-layers.md` at
 *   1e5fe1b497003615377ceb8e03b4321ce6260815 (the newest stored snapshot, 2026-08-20): version 50 in
 *   every commercial region except me-south-1 (46) and me-central-1 (45), where publishing is
 *   paused; see `TYPESCRIPT_V2_REGIONS`. Layer 50 still ships the AWS SDK clients Powertools uses
 *   (client-dynamodb, -ssm, -secrets-manager, -appconfigdata); #5512 (0311e79, merged after
 *   v2.35.0) removes them, so the first layer after 50 has no `@aws-sdk/*` at all. The handlers this
 *   library ships bundle their own SDK and never load it from the layer.
 * - Python `arn:aws:lambda:{region}:017000801446:layer:AWSLambdaPowertoolsPythonV3-{python_version}-{arm64|x86_64}:27`,
 *   read 2026-12-04 from powertools-lambda-python `docs/getting-started/install.md` at
 *   33f2c8f8b8a6b9b0874f8f24f2d0592c66173b81 (version 27 for both architectures and every
 *   python version; the newest version found in the Powertools repository; unchanged since
 *   2026-11-27).
 *
 * China and GovCloud regions publish these layers from other accounts: for those, pass
 * `powertoolsLayer` yourself. A stack with an explicit China or GovCloud region is refused at
 * synth time; an environment-agnostic stack (region unknown) looks the account up in a
 * CloudFormation mapping keyed by `AWS::Partition` that lists only the commercial partition, so
 * deploying it elsewhere fails on the mapping instead of referencing the wrong account.
 */
export class PowertoolsLayerVersions {
  /** The pinned version of `AWSLambdaPowertoolsTypeScriptV2` (read 2026-12-04: v2.35.0). */
  public static readonly TYPESCRIPT_V2 = 50;
  /** The pinned version of `AWSLambdaPowertoolsPythonV3-<python>-<arch>` (read 2026-12-04). */
  public static readonly PYTHON_V3 = 27;
  /** The account that publishes the TypeScript layer in the commercial partition. */
  public static readonly TYPESCRIPT_ACCOUNT = '094274105915';
  /** The account that publishes the Python layer in the commercial partition. */
  public static readonly PYTHON_ACCOUNT = '017000801446';

  /**
   * The pinned TypeScript layer version for `region`: `TYPESCRIPT_V2`, except in the regions where
   * Powertools paused publishing (me-south-1: 46, me-central-1: 45, read 2026-12-04 from the same
   * document), where it is the newest version published there.
   *
   * @param region an AWS region, e.g. `eu-west-1`
   */
  public static typescriptV2For(region: string): number {
    return TYPESCRIPT_V2_REGIONS[region] ?? PowertoolsLayerVersions.TYPESCRIPT_V2;
  }

  private constructor() {}
}

/** Regions whose newest TypeScript layer is older than `TYPESCRIPT_V2` (publishing paused there). */
export const TYPESCRIPT_V2_REGIONS: { readonly [region: string]: number } = {
  'me-south-1': 46,
  'me-central-1': 45,
};

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

/** Throws unless the official Powertools layer supports `runtime` (`POWERTOOLS_RUNTIMES`). */
export function assertLayerRuntime(scope: IConstruct, runtime: lambda.Runtime): void {
  if (isPowertoolsRuntime(runtime)) {
    return;
  }
  const names = Object.values(POWERTOOLS_RUNTIMES).flat();
  throw new ConstructValidationError(scope, {
    prop: 'runtime',
    received: runtime.name,
    allowed: `a runtime the Powertools layer supports: ${names.join(', ')}; ` +
      'for any other runtime set `powertoolsLayerEnabled: false` (and bundle Powertools yourself) or pass `powertoolsLayer`',
    hint: POWERTOOLS_RUNTIMES_SOURCE,
  });
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
    // with the region unknown (environment-agnostic) the common pin is used: deploying such a stack to a
    // region of TYPESCRIPT_V2_REGIONS needs `powertoolsLayerVersion` (README, LAM-6)
    name = `AWSLambdaPowertoolsTypeScriptV2:${version ?? (isUnresolved(region) ? PowertoolsLayerVersions.TYPESCRIPT_V2 : PowertoolsLayerVersions.typescriptV2For(region))}`;
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
