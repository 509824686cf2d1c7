/**
 * Synthesizes what the language apps are compared against, with the TypeScript sources:
 *   <out>/typescript           the reference app (test/reference-app/app.ts), both stages
 *   <out>/typescript-platform  the platform-lib stacks (test/platform-lib), both stages
 * Usage: ts-node --project tsconfig.dev.json test/apps/synth-reference.ts <out>
 */
import * as fs from 'fs';
import * as path from 'path';
import { buildReferenceApp } from '../reference-app/app';

function main(): void {
  const out = path.resolve(process.argv[2] ?? path.join(__dirname, 'out'));
  const refDir = path.join(out, 'typescript');
  fs.rmSync(refDir, { recursive: true, force: true });
  buildReferenceApp({ outdir: refDir }).app.synth();
  console.log(`synth-reference: reference app -> ${path.relative(process.cwd(), refDir)}`);

  // The platform-lib's TypeScript app, over its jsii-compiled lib/ (test/platform-lib/build.sh).
  const platformApp = path.join(__dirname, '..', 'platform-lib', 'test', 'platform-app.ts');
  if (fs.existsSync(path.join(__dirname, '..', 'platform-lib', 'lib', 'index.js'))) {
    const platformDir = path.join(out, 'typescript-platform');
    fs.rmSync(platformDir, { recursive: true, force: true });
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    require(platformApp).buildPlatformApp(platformDir).synth();
    console.log(`synth-reference: platform-lib app -> ${path.relative(process.cwd(), platformDir)}`);
  }
}

main();
