/**
 * Builds and synthesizes n of one construct (ours or its plain twin) twice, for a CPU profile:
 *
 *   TS_NODE_PROJECT=tsconfig.dev.json node --cpu-prof --cpu-prof-dir=/tmp/prof \
 *     -r ts-node/register/transpile-only test/benchmarks/synth-profile.ts EventBusWithArchive ours 200 [syntheses]
 *
 * `syntheses` (default 2) repeats it, for more samples at small n.
 */
import { SYNTH_CASES } from './synth-cases';
import { measureSynth } from './synth-worker';

const [name, side, n, repeat] = process.argv.slice(2);
const c = SYNTH_CASES.find((x) => x.name === name);
if (!c || (side !== 'ours' && side !== 'plain')) {
  throw new Error(`usage: synth-profile.ts <${SYNTH_CASES.map((x) => x.name).join('|')}> <ours|plain> <n> [syntheses]`);
}
for (let k = 0; k < Number(repeat ?? 2); k++) {
  const { ms, resources } = measureSynth(c[side], Number(n));
  console.log(`${name} ${side} n=${n}: ${ms.toFixed(0)} ms, ${resources} resources`);
}
