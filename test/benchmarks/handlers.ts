/**
 * Handler bundles, measured as a cold start would see them: every shipped handler built by esbuild as
 * CommonJS (what ships) and as an ES module, each with the same target, and loaded by a fresh Node.js
 * process. The ratio is against a fresh process that loads an empty handler of the same format, run
 * in alternation (A B A B ...) so machine load hits both alike. Prints Markdown tables.
 *
 *   npx ts-node --project tsconfig.dev.json test/benchmarks/handlers.ts   (BENCH_RUNS=10)
 */
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { buildSync } from 'esbuild';
import { printTable } from '../reference-app/print-table';

const root = path.join(__dirname, '..', '..');
const runs = Number(process.env.BENCH_RUNS ?? 10);
const TARGET = 'node20'; // the oldest Node.js runtime the constructs accept for the shipped handlers
const HANDLERS = ['orders-api', 'orders-table', 'presign'];

/** What PowertoolsFunction writes, so Powertools initialises as it does on Lambda. */
const ENV = {
  ...process.env,
  POWERTOOLS_SERVICE_NAME: 'bench',
  POWERTOOLS_METRICS_NAMESPACE: 'Bench',
  POWERTOOLS_LOG_LEVEL: 'INFO',
  POWERTOOLS_TRACE_ENABLED: 'false',
  AWS_REGION: 'us-east-1',
  TABLE_NAME: 'orders',
  BUCKET_NAME: 'uploads',
};

function median(v: number[]): number {
  const s = [...v].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
}

function build(dir: string, entry: string, format: 'cjs' | 'esm'): string {
  const outfile = path.join(dir, format === 'esm' ? 'index.mjs' : 'index.js');
  buildSync({
    entryPoints: [entry], outfile, bundle: true, platform: 'node', target: TARGET, format,
    minify: true, legalComments: 'none', logLevel: 'error', mainFields: format === 'esm' ? ['module', 'main'] : undefined,
    // esbuild's ESM output needs a require() for the CommonJS parts of the SDK
    banner: format === 'esm' ? { js: "import{createRequire as __cr}from'module';const require=__cr(import.meta.url);" } : undefined,
  });
  return outfile;
}

/** Wall time of a fresh `node` that loads `file` (ms, from spawn to exit). */
function coldLoad(file: string): number {
  const code = file.endsWith('.mjs') ? `import(${JSON.stringify(file)})` : `require(${JSON.stringify(file)})`;
  const t0 = process.hrtime.bigint();
  const r = spawnSync(process.execPath, ['-e', code], { env: ENV, stdio: ['ignore', 'ignore', 'pipe'] });
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  if (r.status !== 0) throw new Error(`loading ${file} failed: ${r.stderr}`);
  return ms;
}

const work = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-handlers-'));
try {
  const emptySrc = path.join(work, 'empty.ts');
  fs.writeFileSync(emptySrc, 'export const handler = async () => ({ statusCode: 200 });\n');
  const rows: string[][] = [];
  for (const format of ['cjs', 'esm'] as const) {
    const empty = build(path.join(work, `empty-${format}`), emptySrc, format);
    for (const name of HANDLERS) {
      const bundle = build(path.join(work, `${name}-${format}`), path.join(root, 'lambda', name, 'index.ts'), format);
      coldLoad(empty); coldLoad(bundle); // warm the file cache
      const a: number[] = [];
      const b: number[] = [];
      const ratio: number[] = [];
      for (let i = 0; i < runs; i++) {
        const tb = coldLoad(empty);
        const ta = coldLoad(bundle);
        a.push(ta); b.push(tb); ratio.push(ta / tb);
      }
      rows.push([
        name, format, `${(fs.statSync(bundle).size / 1024).toFixed(0)} KiB`,
        `${median(a).toFixed(0)} ms (${Math.min(...a).toFixed(0)}–${Math.max(...a).toFixed(0)})`,
        `${median(b).toFixed(0)} ms`,
        `${median(ratio).toFixed(2)}× (${Math.min(...ratio).toFixed(2)}–${Math.max(...ratio).toFixed(2)})`,
      ]);
    }
  }
  console.log(`\nHandler cold load, fresh Node ${process.version} process, target ${TARGET}, ${runs} alternating runs, ${os.cpus().length} cores\n`);
  printTable(['handler', 'format', 'size', 'load median (min–max)', 'empty handler', 'ratio median (min–max)'], rows);
  console.log();
} finally {
  fs.rmSync(work, { recursive: true, force: true });
}
