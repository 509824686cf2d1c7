import { MODELS } from './models';
import { RUNS, runModel, SEED } from './harness';

// PROPERTY_RUNS=1000 in .ci/run; PROPERTY_SEED=<n> reproduces a reported case
describe.each(MODELS.map((m) => [m.name, m] as const))('random props: %s', (_name, model) => {
  test(`${RUNS} cases (seed ${SEED}) each end in a valid template or the library's own error`, () => {
    const report = runModel(model, RUNS, SEED);
    console.log(`[robustness] ${report.model}: ${report.cases} cases, ${report.templates} templates, ${report.libraryErrors} library errors, ${report.failures.length} failures (seed ${report.seed})`);
    if (report.failures.length > 0) {
      // one line per distinct problem, with the first case that shows it (rerun with PROPERTY_SEED)
      const distinct = new Map<string, string>();
      for (const f of report.failures) {
        const key = f.problem.replace(/\d+/g, 'N').replace(/'[^']*'/g, "'…'");
        if (!distinct.has(key)) distinct.set(key, `${f.problem}\n    in ${f.case}`);
      }
      console.log(`[robustness] ${report.model} failures:\n${[...distinct.values()].join('\n')}`);
    }
    expect(report.failures.slice(0, 5)).toEqual([]);
    expect(report.templates + report.libraryErrors).toBe(report.cases);
  });
});
