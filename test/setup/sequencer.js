/**
 * Jest test sequencer (issue #15): the slowest files start first, so no worker is left alone at the
 * end with a long file. Jest's own order is the last run's durations (from its cache) and, without
 * them (a fresh cache, as CI has), the file size -- and the slowest files here are short ones that
 * call the expensive checks. Without a recorded duration, a file's cost is estimated from its size
 * and the calls it makes (milliseconds, the unit of jest's recorded durations).
 */
const fs = require('fs');
const Sequencer = require('@jest/test-sequencer').default;

/** Calls that cost seconds, and roughly how many (measured with --cpu-prof, issue #15). */
const EXPENSIVE = [
  { call: /\bsynthReferenceApp\(/g, ms: 20_000 }, // every reference stack, both stages, rule packs, cfn-lint
  { call: /\bgenerateModel\(/g, ms: 15_000 }, // the property tests: aws-cdk-lib's validator and cfn-lint
  { call: /\b(runCfnLint|startCfnLint)\(/g, ms: 4_000 },
  { call: /\bbuildReferenceApp\(/g, ms: 2_000 },
  { call: /\b(runRulePacks|validateScope)\(/g, ms: 1_000 },
  { call: /\bstartMoto\(/g, ms: 2_000 },
  { call: /\b(Template\.fromStack|app\.synth)\(/g, ms: 100 },
  { call: /\b(build|minimal)\(/g, ms: 100 }, // the files' own helpers that build and synthesize a stack
];

class CostSequencer extends Sequencer {
  time(test) {
    const recorded = super.time(test);
    if (recorded != null) return recorded;
    let text;
    try {
      text = fs.readFileSync(test.path, 'utf-8');
    } catch {
      return 0;
    }
    return EXPENSIVE.reduce((ms, e) => ms + (text.match(e.call)?.length ?? 0) * e.ms, text.length / 10);
  }
}

module.exports = CostSequencer;
