/**
 * Speed and size of what ships, printed as tables (never asserted in tests):
 * - synthesis time of the whole reference app (median of N runs),
 * - size of each prebundled handler in assets/lambda/,
 * - size of each package under dist/ (after `npx projen package-all`).
 *
 * Run with `npx projen bench` (BENCH_RUNS=5 for more runs).
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { synthReferenceApp } from '../reference-app/app';
import { printTable } from '../reference-app/print-table';

const root = path.join(__dirname, '..', '..');
const runs = Number(process.env.BENCH_RUNS ?? 3);

function table(header: string[], rows: string[][]): void {
  printTable(header, rows);
  console.log();
}

function walk(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(path.join(dir, e.name)) : [path.join(dir, e.name)]));
}

const kib = (bytes: number) => `${(bytes / 1024).toFixed(1)} KiB`;

// 1. synthesis time
const times: number[] = [];
let stacks = 0;
let resources = 0;
for (let i = 0; i < runs; i++) {
  const outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-'));
  const t0 = process.hrtime.bigint();
  const ref = synthReferenceApp(outdir);
  times.push(Number(process.hrtime.bigint() - t0) / 1e6);
  stacks = ref.stacks.length;
  resources = Object.values(ref.templates).reduce((n, t: any) => n + Object.keys(t.Resources ?? {}).length, 0);
  fs.rmSync(outdir, { recursive: true, force: true });
}
times.sort((a, b) => a - b);
console.log(`\nReference app synthesis (${runs} runs, ${os.cpus().length} cores)\n`);
table(['what', 'stacks', 'resources', 'median', 'min', 'max'], [[
  'synth reference app', String(stacks), String(resources),
  `${times[Math.floor(times.length / 2)].toFixed(0)} ms`, `${times[0].toFixed(0)} ms`, `${times[times.length - 1].toFixed(0)} ms`,
]]);

// 2. handler bundles
// (each handler is a folder: index.mjs and the chunks it imports; the load-time split is in handlers.ts)
const lambdaDir = path.join(root, 'assets', 'lambda');
const handlers = fs.existsSync(lambdaDir) ? fs.readdirSync(lambdaDir).filter((d) => fs.statSync(path.join(lambdaDir, d)).isDirectory()) : [];
console.log('Prebundled handlers (assets/lambda)\n');
table(['handler', 'files', 'size'], handlers.map((d) => {
  const files = walk(path.join(lambdaDir, d)).filter((f) => f.endsWith('.mjs'));
  return [d, String(files.length), kib(files.reduce((n, f) => n + fs.statSync(f).size, 0))];
}));

// 3. packages
const artifacts = walk(path.join(root, 'dist')).filter((f) => /\.(tgz|whl|tar\.gz|jar)$/.test(f) && !f.includes('/dotnet-source/') && !/-sources\.jar$|-javadoc\.jar$/.test(f));
console.log('Packages (dist/, after npx projen package-all)\n');
table(['artifact', 'size'], artifacts.map((f) => [path.relative(root, f), kib(fs.statSync(f).size)]));
