/**
 * Synthesis of each construct against the same checklist written in plain aws-cdk-lib
 * (test/benchmarks/plain/), n constructs in one stack, and `require('cdk-cloud-patterns')` on top
 * of `require('aws-cdk-lib')`. Prints Markdown tables (never asserted in tests).
 *
 *   npx projen bench                 (part of it; BENCH_RUNS=5 runs per n, BENCH_QUICK=1 for n = 1, 10, 50)
 *   BENCH_NS=1,10,200 npx ts-node --project tsconfig.dev.json test/benchmarks/synth.ts [Construct ... | require]
 *
 * Each construct runs in a Node.js process of its own (test/benchmarks/synth-worker.ts): fresh Apps,
 * ours and plain in alternation (A B A B ...), a warm-up pair at each n. The ratio is time per
 * CloudFormation resource, ours ÷ plain, of each pair; the table gives its median and min–max, and
 * the same ratio of the process's CPU time (user + system), which other jobs on a shared machine
 * disturb less than wall time.
 */
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { median, range } from './stats';
import { SYNTH_CASES } from './synth-cases';
import { printTable } from '../reference-app/print-table';

const root = path.join(__dirname, '..', '..');
const quick = process.env.BENCH_QUICK === '1';
const runs = Number(process.env.BENCH_RUNS ?? (quick ? 3 : 5));
const NS = process.env.BENCH_NS ? process.env.BENCH_NS.split(',').map(Number) : quick ? [1, 10, 50] : [1, 10, 50, 200, 500];

interface Sample { readonly ms: number; readonly cpuMs: number; readonly resources: number }
interface Pair { readonly n: number; readonly ours: Sample; readonly plain: Sample }

const pct = (x: number) => `${x >= 0 ? '+' : ''}${(x * 100).toFixed(0)} %`;

function worker(name: string): Pair[] {
  const r = spawnSync(process.execPath, [
    '--expose-gc', '--max-old-space-size=6144', '-r', 'ts-node/register/transpile-only',
    path.join(__dirname, 'synth-worker.ts'), name, NS.join(','), String(runs),
  ], { cwd: root, env: { ...process.env, TS_NODE_PROJECT: 'tsconfig.dev.json' }, encoding: 'utf-8', maxBuffer: 64 * 1024 * 1024 });
  if (r.status !== 0) throw new Error(`synthesis benchmark of ${name} failed:\n${r.stderr}`);
  return r.stdout.split('\n').filter((l) => l.startsWith('{')).map((l) => JSON.parse(l));
}

/** Fresh `node` processes: aws-cdk-lib alone, then aws-cdk-lib and the compiled library, alternating. */
function requireRows(): string[][] {
  const lib = path.join(root, 'lib', 'index.js');
  if (!fs.existsSync(lib)) throw new Error(`${lib} is missing: run npx projen compile first`);
  const base = "require('aws-cdk-lib')";
  const variants: Array<[string, string]> = [
    ["require('cdk-cloud-patterns')", `${base};require(${JSON.stringify(lib)})`],
    // what the first use of every export costs on top (the eager load, before lazy exports)
    ["require('cdk-cloud-patterns') and touch every export", `${base};const m=require(${JSON.stringify(lib)});for(const k of Object.keys(m))m[k]`],
  ];
  const time = (code: string) => {
    const t0 = process.hrtime.bigint();
    const r = spawnSync(process.execPath, ['-e', code], { stdio: ['ignore', 'ignore', 'pipe'] });
    if (r.status !== 0) throw new Error(`${code} failed: ${r.stderr}`);
    return Number(process.hrtime.bigint() - t0) / 1e6;
  };
  const n = Math.max(10, runs * 2);
  return variants.map(([what, code]) => {
    time(base); time(code); // warm the file cache
    const a: number[] = [];
    const b: number[] = [];
    for (let i = 0; i < n; i++) {
      a.push(time(base));
      b.push(time(code));
    }
    const d = a.map((x, i) => b[i] - x);
    return [what, String(n), `${median(a).toFixed(0)} ms (${range(a, 0)})`, `${median(b).toFixed(0)} ms (${range(b, 0)})`,
      `+${median(d).toFixed(0)} ms (${range(d, 0)})`];
  });
}

const only = process.argv.slice(2);
const cases = SYNTH_CASES.filter((c) => only.length === 0 || only.includes(c.name));
const ratioRows: string[][] = [];
const growthRows: string[][] = [];
for (const c of cases) {
  const pairs = worker(c.name);
  const perConstruct: Record<'ours' | 'plain', Record<number, number>> = { ours: {}, plain: {} };
  for (const n of NS) {
    const at = pairs.filter((p) => p.n === n);
    const ratios = at.map((p) => (p.ours.ms / p.ours.resources) / (p.plain.ms / p.plain.resources));
    const cpuRatios = at.map((p) => (p.ours.cpuMs / p.ours.resources) / (p.plain.cpuMs / p.plain.resources));
    const ours = median(at.map((p) => p.ours.ms));
    const plain = median(at.map((p) => p.plain.ms));
    perConstruct.ours[n] = ours / n;
    perConstruct.plain[n] = plain / n;
    ratioRows.push([c.name, String(n), `${at[0].ours.resources} / ${at[0].plain.resources}`,
      `${ours.toFixed(0)} ms (${range(at.map((p) => p.ours.ms), 0)})`, `${plain.toFixed(0)} ms (${range(at.map((p) => p.plain.ms), 0)})`,
      median(ratios).toFixed(2), range(ratios, 2), `${median(cpuRatios).toFixed(2)} (${range(cpuRatios, 2)})`]);
  }
  // the growth table is relative to n = 10: without it (BENCH_NS=200) its cells are '–'
  const at10 = perConstruct.ours[10] !== undefined;
  const growth = (kind: 'ours' | 'plain', to: number) => !at10 || perConstruct[kind][to] === undefined ? '–' : pct(perConstruct[kind][to] / perConstruct[kind][10] - 1);
  growthRows.push([c.name, at10 ? `${perConstruct.ours[10].toFixed(1)} / ${perConstruct.plain[10].toFixed(1)} ms` : '–',
    growth('ours', 50), growth('plain', 50), growth('ours', 200), growth('plain', 200), growth('ours', 500), growth('plain', 500)]);
}

console.log(`\nSynthesis, n constructs in one stack (${runs} alternating pairs per n after a warm-up pair; stack resource limit lifted with the \`@aws-cdk/core:stackResourceLimit\` context = 0${process.env.BENCH_NO_STACK_TRACES === '1' ? '; creation stack traces off: `aws:cdk:disable-stack-trace`' : ''})\n`);
printTable(['construct', 'n', 'resources (ours / plain)', 'ours: median (min–max)', 'plain aws-cdk-lib: median (min–max)', 'time per resource ÷ plain: median', 'min–max', 'CPU time per resource ÷ plain: median (min–max)'], ratioRows);
console.log(`\nGrowth of synthesis time per construct from n = 10 (${quick ? 'n = 200 and 500 not run in BENCH_QUICK mode' : 'medians of the table above'})\n`);
printTable(['construct', 'per construct at n = 10 (ours / plain)', 'ours to 50', 'plain to 50', 'ours to 200', 'plain to 200', 'ours to 500', 'plain to 500'], growthRows);
if (only.length === 0 || only.includes('require')) {
  console.log('\n`require` of the compiled library on top of aws-cdk-lib (fresh Node.js processes, alternating; wall time from spawn to exit)\n');
  printTable(['what', 'runs', "require('aws-cdk-lib') alone", 'with the library', 'difference: median (min–max)'], requireRows());
}
console.log();
