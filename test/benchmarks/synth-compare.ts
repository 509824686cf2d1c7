/**
 * Two versions of one construct and its plain twin in one warm Node.js process: the construct from
 * another checkout (`<other>`, e.g. the commit before a change, with its own src/ and
 * test/benchmarks/), the construct from this checkout, and the plain version from this checkout.
 * Rounds rotate the order (A B C, B C A, ...); each synthesis is measured as in synth-worker.ts.
 * Prints, per n, the median CPU and wall time and the paired ratio of each round (time per
 * resource ÷ the same round's plain), median and quartiles: on a shared machine the spread
 * between processes is larger than the changes this compares.
 *
 *   TS_NODE_PROJECT=tsconfig.dev.json node --expose-gc -r ts-node/register/transpile-only \
 *     test/benchmarks/synth-compare.ts <other> <Construct> <n,n,...> <rounds>
 *
 * Both checkouts must resolve the same aws-cdk-lib (a `node_modules` symlink to the same folder).
 */
import * as path from 'path';
import { median, quantile } from './stats';
import { SYNTH_CASES, SynthCase } from './synth-cases';
import { measureSynth } from './synth-worker';

type Sample = ReturnType<typeof measureSynth>;

const [other, name, ns, rounds] = process.argv.slice(2);
const find = (cases: SynthCase[]) => {
  const c = cases.find((x) => x.name === name);
  if (!c) throw new Error(`usage: synth-compare.ts <other checkout> <${SYNTH_CASES.map((x) => x.name).join('|')}> <n,n,...> <rounds>`);
  return c;
};
const here = find(SYNTH_CASES);
// eslint-disable-next-line @typescript-eslint/no-require-imports
const there = find((require(path.resolve(other, 'test', 'benchmarks', 'synth-cases')) as { SYNTH_CASES: SynthCase[] }).SYNTH_CASES);


for (const n of ns.split(',').map(Number)) {
  const sides: Record<string, () => Sample> = {
    other: () => measureSynth(there.ours, n),
    this: () => measureSynth(here.ours, n),
    plain: () => measureSynth(here.plain, n),
  };
  const keys = Object.keys(sides);
  const samples: Record<string, Sample[]> = { other: [], this: [], plain: [] };
  for (const k of keys) {
    sides[k](); // warm-up at this n, not reported
  }
  for (let r = 0; r < Number(rounds); r++) {
    for (let i = 0; i < keys.length; i++) {
      const k = keys[(i + r) % keys.length];
      samples[k].push(sides[k]());
    }
  }
  console.log(`${name}, n = ${n}: ${rounds} rounds; resources ${samples.this[0].resources} (this) / ${samples.other[0].resources} (other) / ${samples.plain[0].resources} (plain)`);
  for (const k of keys) {
    const s = samples[k];
    const ratio = (m: 'cpuMs' | 'ms') => {
      const r = s.map((x, i) => (x[m] / x.resources) / (samples.plain[i][m] / samples.plain[i].resources));
      return `${median(r).toFixed(2)} (q1–q3 ${quantile(r, 0.25).toFixed(2)}–${quantile(r, 0.75).toFixed(2)})`;
    };
    console.log(`  ${k.padEnd(5)} CPU ${median(s.map((x) => x.cpuMs)).toFixed(1)} ms, wall ${median(s.map((x) => x.ms)).toFixed(1)} ms` +
      (k === 'plain' ? '' : `; per resource ÷ plain: CPU ${ratio('cpuMs')}, wall ${ratio('ms')}`));
  }
}
