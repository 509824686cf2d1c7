import { checkTemplates, GeneratedModel, generateModel, RUNS, SEED } from './harness';
import { MODELS } from './models';

// PROPERTY_RUNS=1000 in .ci/run; PROPERTY_SEED=<n> reproduces a reported case.
// Every model's cases are synthesized first, then aws-cdk-lib's validator and cfn-lint run once over
// all of their templates (each engine starts once per file, not once per model: issue #15).
const generated = new Map<string, GeneratedModel>();
beforeAll(async () => {
  for (const model of MODELS) {
    generated.set(model.name, generateModel(model, RUNS, SEED));
  }
  await checkTemplates([...generated.values()]);
}, Math.max(120_000, RUNS * MODELS.length * 500));

describe.each(MODELS.map((m) => [m.name, m] as const))('random props: %s', (name) => {
  test(`${RUNS} cases (seed ${SEED}) each end in a valid template or the library's own error`, () => {
    const report = generated.get(name)!.report;
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
    expect(report.cases).toBe(RUNS);
    expect(report.templates + report.libraryErrors).toBe(report.cases);
  });
});
