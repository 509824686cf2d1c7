/**
 * Bundles every handler `lambda/<name>/index.ts` with esbuild into `assets/lambda/<name>/` at library
 * build time: `index.mjs` (the entry point) and the chunks it loads only when needed. The `assets/`
 * folder ships in the npm package (and so inside every jsii package); `lambda/` sources do not.
 * Consumers never need esbuild or Docker.
 *
 * Run with `npx projen bundle:lambda` (pre-compile and test run it). What each bundle holds, by
 * package: `BUNDLE_REPORT=1 npx projen bundle:lambda`. Sizes and cold loads: `npx projen bench`.
 *
 * Why these options (issue #15, measured by test/benchmarks/handlers.ts):
 * - ES module, not CommonJS: esbuild tree-shakes the AWS SDK's and Powertools' ES builds, so each
 *   bundle is ~30 % smaller and a fresh process loads it faster. Lambda runs `index.handler` from
 *   `index.mjs` as an ES module.
 * - Code splitting: the SDK loads rarely used parts with dynamic `import()` (the credential chain's
 *   SSO, ini, process and web-identity links, event streams, browser detection); split, they become
 *   chunks a cold start never reads instead of code it parses.
 * - `@aws-sdk/credential-provider-node` is resolved to lambda/shared/credentials.ts: Lambda puts
 *   the credentials in the environment, so the SDK's full default chain (a quarter of each bundle)
 *   is a chunk loaded only when they are not there.
 * - The target, node20, is older than every runtime the constructs accept for these handlers
 *   (nodejs22.x and newer: src/powertools-function/powertools-runtimes.ts), so each bundle runs on all
 *   of them.
 *
 * Skipped when nothing it reads changed (issue #15: `npx projen test` re-bundled every time): the
 * stamp `assets/.bundle-inputs.json` (not shipped) records the SHA-256 of every file esbuild read
 * for each handler (its metafile: the handler, lambda/shared, src/contracts, every SDK and
 * Powertools file from node_modules), of this script, tsconfig.dev.json and the esbuild version,
 * and of every file written. Any difference, a new or removed handler, or an output changed or
 * missing: everything is bundled again. `BUNDLE_FORCE=1` (and `BUNDLE_REPORT=1`) bundle regardless.
 */
import { createHash } from 'crypto';
import * as fs from 'fs';
import * as path from 'path';
import { build, BuildOptions, Metafile, Plugin, version as esbuildVersion } from 'esbuild';

const root = path.resolve(__dirname, '..');
const srcDir = path.join(root, 'lambda');
const outRoot = path.join(root, 'assets', 'lambda');

/** The esbuild target of the shipped handlers: older than every Node.js runtime the constructs accept (powertools-runtimes.ts). */
export const HANDLER_TARGET = 'node20';

const CREDENTIALS_SHIM = path.join(srcDir, 'shared', 'credentials.ts');

/** Every SDK client's `@aws-sdk/credential-provider-node` import goes to the shim; the shim's own import is the SDK's. */
const environmentCredentials: Plugin = {
  name: 'environment-credentials',
  setup(b) {
    b.onResolve({ filter: /^@aws-sdk\/credential-provider-node$/ }, (args) =>
      (args.importer === CREDENTIALS_SHIM ? undefined : { path: CREDENTIALS_SHIM }));
  },
};

/** The handlers under lambda/ (a folder with an index.ts, except shared/). */
export function handlerNames(): string[] {
  return fs
    .readdirSync(srcDir, { withFileTypes: true })
    .filter((d) => d.isDirectory() && d.name !== 'shared' && fs.existsSync(path.join(srcDir, d.name, 'index.ts')))
    .map((d) => d.name)
    .sort();
}

/** The esbuild options of a shipped handler bundle (the bench builds its variants from these). */
export function bundleOptions(entry: string, outdir: string): BuildOptions {
  return {
    entryPoints: { index: entry },
    // resolves @contracts/* (the import-free modules shared with src/)
    tsconfig: path.join(root, 'tsconfig.dev.json'),
    outdir,
    outExtension: { '.js': '.mjs' },
    chunkNames: '[name]-[hash]',
    bundle: true,
    splitting: true,
    platform: 'node',
    target: HANDLER_TARGET,
    format: 'esm',
    mainFields: ['module', 'main'],
    // the remaining CommonJS parts (aws-xray-sdk-core) call require(): give each ES module one
    banner: { js: "import{createRequire as __cr}from'module';const require=__cr(import.meta.url);" },
    minify: true,
    sourcemap: false,
    legalComments: 'none',
    plugins: [environmentCredentials],
    logLevel: 'warning',
  };
}

/** Bytes per package (node_modules/<pkg>, else the source file) of the files `index.mjs` loads at start. */
export function bytesByPackage(metafile: Metafile, outdir: string): Map<string, number> {
  const byPkg = new Map<string, number>();
  for (const file of loadedAtStart(metafile, outdir)) {
    for (const [input, { bytesInOutput }] of Object.entries(metafile.outputs[file].inputs)) {
      const m = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(input);
      const key = m ? m[1] : input.replace(/^.*?lambda\//, 'lambda/');
      byPkg.set(key, (byPkg.get(key) ?? 0) + bytesInOutput);
    }
  }
  return byPkg;
}

/** The output files (metafile keys) a cold start reads: `index.mjs` and its static imports, transitively. */
export function loadedAtStart(metafile: Metafile, outdir: string): string[] {
  const entry = Object.keys(metafile.outputs).find((f) => path.resolve(root, f) === path.join(outdir, 'index.mjs'));
  if (!entry) throw new Error(`no index.mjs in the build of ${outdir}`);
  const seen = new Set<string>([entry]);
  const queue = [entry];
  while (queue.length > 0) {
    for (const imp of metafile.outputs[queue.shift()!].imports) {
      if (imp.kind === 'import-statement' && !imp.external && !seen.has(imp.path)) {
        seen.add(imp.path);
        queue.push(imp.path);
      }
    }
  }
  return [...seen];
}

const stampFile = path.join(root, 'assets', '.bundle-inputs.json');

/** What `main` read and wrote, by SHA-256 (paths relative to the repository root). */
interface Stamp {
  /** What every bundle depends on besides its own inputs. */
  readonly tool: Record<string, string>;
  /** Per handler: the files esbuild read and the files it wrote. */
  readonly bundles: Record<string, { inputs: Record<string, string>; outputs: Record<string, string> }>;
}

function sha256(file: string): string {
  try {
    return createHash('sha256').update(fs.readFileSync(path.resolve(root, file))).digest('hex');
  } catch {
    return ''; // gone
  }
}

function toolHashes(): Record<string, string> {
  return { 'projenrc/bundle-lambda.ts': sha256(__filename), 'tsconfig.dev.json': sha256('tsconfig.dev.json'), 'esbuild': esbuildVersion };
}

/** Whether the bundles in assets/lambda are the ones the current inputs give. */
function upToDate(names: string[]): boolean {
  if (process.env.BUNDLE_FORCE === '1' || process.env.BUNDLE_REPORT) return false;
  let stamp: Stamp;
  try {
    stamp = JSON.parse(fs.readFileSync(stampFile, 'utf-8')) as Stamp;
  } catch {
    return false;
  }
  if (JSON.stringify(stamp.tool) !== JSON.stringify(toolHashes())) return false;
  if (JSON.stringify(Object.keys(stamp.bundles).sort()) !== JSON.stringify(names)) return false;
  return names.every((name) => {
    const { inputs, outputs } = stamp.bundles[name];
    const written = fs.existsSync(path.join(outRoot, name)) ? fs.readdirSync(path.join(outRoot, name)).length : 0;
    return written === Object.keys(outputs).length
      && [...Object.entries(inputs), ...Object.entries(outputs)].every(([file, hash]) => sha256(file) === hash);
  });
}

/** Metafile paths are relative to esbuild's working directory: make them relative to the root. */
function hashed(files: string[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const f of files) {
    const rel = path.relative(root, path.resolve(f));
    out[rel] = sha256(rel);
  }
  return out;
}

async function main(): Promise<void> {
  const names = handlerNames();
  if (upToDate(names)) {
    console.log(`${names.length} handler bundle(s) in ${path.relative(root, outRoot)}/ are up to date (inputs unchanged; BUNDLE_FORCE=1 rebuilds)`);
    return;
  }
  fs.rmSync(outRoot, { recursive: true, force: true });
  fs.rmSync(stampFile, { force: true });
  const rows: string[] = [];
  const bundles: Stamp['bundles'] = {};
  for (const name of names) {
    const outdir = path.join(outRoot, name);
    const { metafile } = await build({ ...bundleOptions(path.join(srcDir, name, 'index.ts'), outdir), metafile: true });
    bundles[name] = { inputs: hashed(Object.keys(metafile!.inputs)), outputs: hashed(Object.keys(metafile!.outputs)) };
    const files = Object.keys(metafile!.outputs);
    const total = files.reduce((n, f) => n + metafile!.outputs[f].bytes, 0);
    const atStart = loadedAtStart(metafile!, outdir).reduce((n, f) => n + metafile!.outputs[f].bytes, 0);
    rows.push(`${name.padEnd(24)} ${(total / 1024).toFixed(1).padStart(8)} KiB in ${files.length} files, ${(atStart / 1024).toFixed(1)} KiB loaded at start`);
    if (process.env.BUNDLE_REPORT) {
      for (const [pkg, bytes] of [...bytesByPackage(metafile!, outdir)].sort((a, b) => b[1] - a[1]).slice(0, 20)) {
        rows.push(`    ${(bytes / 1024).toFixed(1).padStart(7)} KiB  ${pkg}`);
      }
    }
  }
  fs.writeFileSync(stampFile, JSON.stringify({ tool: toolHashes(), bundles } satisfies Stamp, null, 1) + '\n');
  console.log(`bundled ${names.length} handler(s) into ${path.relative(root, outRoot)}/`);
  for (const row of rows) console.log(`  ${row}`);
}

if (require.main === module) {
  main().catch((e) => {
    console.error(e);
    process.exit(1);
  });
}
