/**
 * One construct of the synthesis benchmark, in a process of its own (test/benchmarks/synth.ts starts
 * it): for each n, fresh Apps of n constructs in one stack, ours and plain in alternation
 * (A B A B ...), after one warm-up pair at each n. Prints one JSON line per measurement.
 *
 *   node --expose-gc -r ts-node/register/transpile-only test/benchmarks/synth-worker.ts <case> <n,n,...> <runs>
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { App, Stack } from 'aws-cdk-lib';
import { SYNTH_CASES } from './synth-cases';
import { REFERENCE_ENV } from '../reference-app/app';

/**
 * The stack resource limit is lifted for every n, ours and plain alike, so the big stacks
 * synthesize (CloudFormation's limit is 500). BENCH_NO_STACK_TRACES=1 also turns off the creation
 * stack traces aws-cdk-lib records for every L1 and metadata entry (`aws:cdk:disable-stack-trace`).
 */
export const BENCH_CONTEXT: Record<string, unknown> = {
  '@aws-cdk/core:stackResourceLimit': 0,
  ...(process.env.BENCH_NO_STACK_TRACES === '1' ? { 'aws:cdk:disable-stack-trace': true } : {}),
};

/**
 * Wall time of building n constructs in a fresh App and synthesizing it, the CPU time the process
 * spent meanwhile (user + system, all threads: less sensitive than wall time to other jobs on the
 * machine), and the resources it made.
 */
export function measureSynth(build: (stack: Stack, i: number) => void, n: number): { ms: number; cpuMs: number; resources: number } {
  (global as { gc?: () => void }).gc?.();
  const outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-synth-'));
  try {
    const t0 = process.hrtime.bigint();
    const cpu0 = process.cpuUsage();
    const app = new App({ outdir, context: BENCH_CONTEXT });
    const stack = new Stack(app, 'Bench', { env: REFERENCE_ENV });
    for (let i = 0; i < n; i++) build(stack, i);
    const assembly = app.synth();
    const ms = Number(process.hrtime.bigint() - t0) / 1e6;
    const cpu = process.cpuUsage(cpu0);
    return { ms, cpuMs: (cpu.user + cpu.system) / 1000, resources: Object.keys(assembly.getStackByName('Bench').template.Resources ?? {}).length };
  } finally {
    fs.rmSync(outdir, { recursive: true, force: true });
  }
}

if (require.main === module) {
  const [name, ns, runs] = process.argv.slice(2);
  const c = SYNTH_CASES.find((x) => x.name === name);
  if (!c) throw new Error(`no synthesis case ${name}; one of ${SYNTH_CASES.map((x) => x.name).join(', ')}`);
  for (const n of ns.split(',').map(Number)) {
    measureSynth(c.ours, n); // warm-up at this n, not reported
    measureSynth(c.plain, n);
    for (let run = 0; run < Number(runs); run++) {
      const ours = measureSynth(c.ours, n);
      const plain = measureSynth(c.plain, n);
      console.log(JSON.stringify({ name, n, run, ours, plain }));
    }
  }
}
