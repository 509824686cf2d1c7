/**
 * The README's demo: synthesizes the reference app (every construct with its defaults, prod and dev)
 * into ./cdk.out and prints, per stack, the resource count, the cdk-nag errors/warnings per pack
 * (acknowledged findings excluded) and the cfn-lint result. Run with `npx projen demo`.
 */
import * as path from 'path';
import { RULE_PACKS, runCfnLint, runRulePacks } from './analysis';
import { synthReferenceApp } from './app';
import { printTable } from './print-table';

const started = Date.now();
const outdir = path.join(__dirname, '..', '..', 'cdk.out');
const ref = synthReferenceApp(outdir);
const lint = runCfnLint(ref.templateFiles, { informational: true });

const header = ['stack', 'resources', ...RULE_PACKS.map((p) => `${p.name} E/W`), 'cfn-lint E/W/I'];
const rows: string[][] = [];
let errors = 0;
for (const stack of ref.stacks) {
  const template = ref.templates[stack.stackName];
  const findings = runRulePacks(stack);
  const cells = RULE_PACKS.map((pack) => {
    const e = findings.filter((f) => f.pack === pack.name && f.severity === 'error').length;
    const w = findings.filter((f) => f.pack === pack.name && f.severity === 'warning').length;
    errors += e;
    return `${e}/${w}`;
  });
  const file = ref.templateFiles.find((f) => path.basename(f) === `${stack.stackName}.template.json`);
  const mine = lint.filter((f) => path.resolve(f.file) === path.resolve(file ?? ''));
  const count = (level: string) => mine.filter((f) => f.level === level).length;
  errors += count('Error') + count('Warning');
  rows.push([stack.stackName, String(Object.keys(template.Resources ?? {}).length), ...cells, `${count('Error')}/${count('Warning')}/${count('Informational')}`]);
}

console.log(`\nReference app synthesized into ${path.relative(process.cwd(), outdir) || '.'}/ (${ref.stacks.length} stacks)\n`);
printTable(header, rows);
console.log('\nE/W: unacknowledged cdk-nag errors/warnings per pack; cfn-lint: errors/warnings/informational.');
for (const f of lint.filter((x) => x.level !== 'Informational')) {
  console.log(`cfn-lint ${f.level} ${f.rule} in ${path.basename(f.file)}: ${f.message}`);
}
console.log(`${errors === 0 ? 'OK' : `${errors} error(s)`}: finished in ${((Date.now() - started) / 1000).toFixed(1)} s`);
process.exitCode = errors === 0 ? 0 : 1;
