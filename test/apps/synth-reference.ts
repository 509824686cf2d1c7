/**
 * Synthesizes what the language apps are compared against, with the TypeScript sources:
 *   <out>/typescript<suffix>           the reference app (test/reference-app/app.ts), both stages
 *   <out>/typescript-platform<suffix>  the platform-lib stacks (test/platform-lib), both stages
 * Usage: ts-node [-r test/apps/cdk-resolve.js] --project tsconfig.dev.json test/apps/synth-reference.ts <out> [suffix]
 *
 * With CDK_LIB_DIR set (and the resolver preloaded), aws-cdk-lib comes from that folder: the
 * release a language app runs on, where its registry lacks the tested one (test/apps/cdk-versions.json).
 */
import * as fs from 'fs';
import * as path from 'path';
import { Validations } from 'aws-cdk-lib';
import { buildReferenceApp } from '../reference-app/app';
import { REFERENCE_STACKS } from '../reference-app/stacks';

/**
 * Reference stacks the Python, Java and Go apps do not build, so they are not compared. Every
 * reference stack is built in every language now (issues 12 and 16); a new construct's stack goes
 * here only until its language apps are written.
 */
export const NOT_IN_LANGUAGE_APPS: string[] = [];

function main(): void {
  const out = path.resolve(process.argv[2] ?? path.join(__dirname, 'out'));
  const suffix = process.argv[3] ?? '';
  if (process.env.CDK_LIB_DIR) {
    // Acknowledgements only record metadata in the manifest, never template content, and older
    // releases parse some acknowledgement ids differently (e.g. `Policy::arn:...` is refused by
    // 2.263). The language apps do not apply them either.
    Validations.prototype.acknowledge = () => {};
  }
  const refDir = path.join(out, `typescript${suffix}`);
  fs.rmSync(refDir, { recursive: true, force: true });
  const only = REFERENCE_STACKS.map((spec) => spec.name).filter((name) => !NOT_IN_LANGUAGE_APPS.includes(name));
  buildReferenceApp({ outdir: refDir, only }).app.synth();
  console.log(`synth-reference: reference app -> ${path.relative(process.cwd(), refDir)}`);

  // The platform-lib's TypeScript app, over its jsii-compiled lib/ (test/platform-lib/build.sh).
  const platformApp = path.join(__dirname, '..', 'platform-lib', 'test', 'platform-app.ts');
  if (fs.existsSync(path.join(__dirname, '..', 'platform-lib', 'lib', 'index.js'))) {
    const platformDir = path.join(out, `typescript-platform${suffix}`);
    fs.rmSync(platformDir, { recursive: true, force: true });
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    require(platformApp).buildPlatformApp(platformDir).synth();
    console.log(`synth-reference: platform-lib app -> ${path.relative(process.cwd(), platformDir)}`);
  }
}

main();
