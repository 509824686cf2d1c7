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
 *
 * Skipped when nothing it reads changed (issue #15: `npx projen test` re-bundled every time, ~15 s):
 * the stamp `assets/.bundle-inputs.json` (not shipped) records the SHA-256 of every file esbuild
 * read for each bundle (its metafile: the handler, lambda/shared, src/contracts, every SDK and
 * Powertools file from node_modules), of this script, tsconfig.dev.json and the esbuild version,
 * and of each bundle written. Any difference, a new or removed handler, or a bundle changed or
 * missing: everything is bundled again. `BUNDLE_FORCE=1` bundles regardless.
 */
import { createHash } from 'crypto';
import * as fs from 'fs';
import * as path from 'path';
import { buildSync, version as esbuildVersion } from 'esbuild';

const root = path.resolve(__dirname, '..');
const srcDir = path.join(root, 'lambda');
const outRoot = path.join(root, 'assets', 'lambda');

const entries = fs
  .readdirSync(srcDir, { withFileTypes: true })
  .filter((d) => d.isDirectory() && d.name !== 'shared' && fs.existsSync(path.join(srcDir, d.name, 'index.ts')))
  .map((d) => d.name)
  .sort();

const stampFile = path.join(root, 'assets', '.bundle-inputs.json');

interface Stamp {
  /** What every bundle depends on besides its own inputs. */
  readonly tool: Record<string, string>;
  /** Per handler: the hashes of the files esbuild read, and of the bundle written. */
  readonly bundles: Record<string, { inputs: Record<string, string>; output: string }>;
}

function sha256(file: string): string | undefined {
  try {
    return createHash('sha256').update(fs.readFileSync(file)).digest('hex');
  } catch {
    return undefined; // gone
  }
}

function toolHashes(): Record<string, string> {
  return {
    'lambda/bundle.ts': sha256(__filename) ?? '',
    'tsconfig.dev.json': sha256(path.join(root, 'tsconfig.dev.json')) ?? '',
    'esbuild': esbuildVersion,
  };
}

function outfileOf(name: string): string {
  return path.join(outRoot, name, 'index.mjs');
}

function upToDate(): boolean {
  if (process.env.BUNDLE_FORCE === '1' || !fs.existsSync(stampFile)) return false;
  let stamp: Stamp;
  try {
    stamp = JSON.parse(fs.readFileSync(stampFile, 'utf-8')) as Stamp;
  } catch {
    return false;
  }
  if (JSON.stringify(stamp.tool) !== JSON.stringify(toolHashes())) return false;
  if (JSON.stringify(Object.keys(stamp.bundles).sort()) !== JSON.stringify(entries)) return false;
  return entries.every((name) => {
    const b = stamp.bundles[name];
    return sha256(outfileOf(name)) === b.output && Object.entries(b.inputs).every(([file, hash]) => sha256(path.join(root, file)) === hash);
  });
}

if (upToDate()) {
  console.log(`${entries.length} handler bundle(s) in ${path.relative(root, outRoot)}/ are up to date (inputs unchanged; BUNDLE_FORCE=1 rebuilds)`);
  process.exit(0);
}

fs.rmSync(outRoot, { recursive: true, force: true });
fs.rmSync(stampFile, { force: true });
const rows: string[] = [];
const bundles: Stamp['bundles'] = {};
for (const name of entries) {
  const outfile = outfileOf(name);
  const result = buildSync({
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
    // the list of files read, for the stamp (it does not change the bundle's bytes)
    metafile: true,
    absWorkingDir: root,
    logLevel: 'warning',
  });
  const inputs: Record<string, string> = {};
  for (const input of Object.keys(result.metafile!.inputs)) {
    inputs[input] = sha256(path.join(root, input)) ?? '';
  }
  bundles[name] = { inputs, output: sha256(outfile) ?? '' };
  rows.push(`${name.padEnd(24)} ${(fs.statSync(outfile).size / 1024).toFixed(1).padStart(8)} KiB`);
}
fs.writeFileSync(stampFile, JSON.stringify({ tool: toolHashes(), bundles } satisfies Stamp, null, 1) + '\n');
console.log(`bundled ${entries.length} handler(s) into ${path.relative(root, outRoot)}/`);
for (const row of rows) console.log(`  ${row}`);
