/**
 * Renders every acknowledged rule-pack finding of the reference app as the README's table, and
 * writes it between the README's `acknowledgements` markers (`npx projen readme:acks`).
 */
import * as fs from 'fs';
import * as path from 'path';
import { REFERENCE_STACKS } from './stacks';

export const README = path.join(__dirname, '..', '..', 'README.md');
const START = '<!-- acknowledgements:start -->';
const END = '<!-- acknowledgements:end -->';

/** The Markdown table of every acknowledgement, construct by construct. */
export function renderAcknowledgements(): string {
  const rows = REFERENCE_STACKS.flatMap((spec) =>
    spec.acknowledgements.map((a) => `| ${spec.name} | \`${a.path}\` | \`${a.id}\` | ${a.reason.replace(/\|/g, '\\|')} |`),
  );
  if (rows.length === 0) {
    return '_No finding is acknowledged: every rule of the five packs is met by a default._';
  }
  return ['| construct | resource (path in its stack) | rule | reason |', '|---|---|---|---|', ...rows].join('\n');
}

/** The README's current block between the markers. */
export function readmeAcknowledgements(readme = fs.readFileSync(README, 'utf-8')): string {
  const start = readme.indexOf(START);
  const end = readme.indexOf(END);
  if (start < 0 || end < start) {
    throw new Error(`README.md has no ${START} … ${END} block`);
  }
  return readme.slice(start + START.length, end).trim();
}

if (require.main === module) {
  const readme = fs.readFileSync(README, 'utf-8');
  const current = readmeAcknowledgements(readme);
  const next = readme.replace(`${START}\n${current}\n${END}`, `${START}\n${renderAcknowledgements()}\n${END}`).replace(`${START}\n${END}`, `${START}\n${renderAcknowledgements()}\n${END}`);
  fs.writeFileSync(README, next);
  console.log('README.md acknowledgements updated');
}
