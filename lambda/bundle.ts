/**
 * Bundles every handler `lambda/<name>/index.ts` with esbuild into `assets/lambda/<name>/index.mjs`
 * at library build time. The `assets/` folder ships in the npm package (and so inside every jsii
 * package); `lambda/` sources do not. Consumers never need esbuild or Docker.
 *
 * Run with `npx projen bundle:lambda` (pre-compile and test run it).
 *
 * ES module, not CommonJS (issue #15, `npx projen bench`): esbuild tree-shakes the AWS SDK's and
 * Powertools' ES builds, so each bundle is ~30 % smaller and a fresh process loads it faster. The
 * target is the oldest Node.js runtime the constructs accept for these handlers (nodejs20.x).
 * Lambda runs `index.handler` from `index.mjs` as an ES module.
 */
import * as fs from 'fs';
import * as path from 'path';
import { buildSync } from 'esbuild';

const root = path.resolve(__dirname, '..');
const srcDir = path.join(root, 'lambda');
const outRoot = path.join(root, 'assets', 'lambda');

const entries = fs
  .readdirSync(srcDir, { withFileTypes: true })
  .filter((d) => d.isDirectory() && d.name !== 'shared' && fs.existsSync(path.join(srcDir, d.name, 'index.ts')))
  .map((d) => d.name)
  .sort();

fs.rmSync(outRoot, { recursive: true, force: true });
const rows: string[] = [];
for (const name of entries) {
  const outfile = path.join(outRoot, name, 'index.mjs');
  buildSync({
    entryPoints: [path.join(srcDir, name, 'index.ts')],
    // resolves @contracts/* (the import-free modules shared with src/)
    tsconfig: path.join(root, 'tsconfig.dev.json'),
    outfile,
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'esm',
    mainFields: ['module', 'main'],
    // the SDK's remaining CommonJS parts call require(): give the ES module one
    banner: { js: "import{createRequire as __cr}from'module';const require=__cr(import.meta.url);" },
    minify: true,
    sourcemap: false,
    legalComments: 'none',
    // deterministic output: asset hashes only change when the handler does
    metafile: false,
    logLevel: 'warning',
  });
  rows.push(`${name.padEnd(24)} ${(fs.statSync(outfile).size / 1024).toFixed(1).padStart(8)} KiB`);
}
console.log(`bundled ${entries.length} handler(s) into ${path.relative(root, outRoot)}/`);
for (const row of rows) console.log(`  ${row}`);
