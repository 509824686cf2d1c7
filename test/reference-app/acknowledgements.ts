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

/**
 * The Markdown table of every acknowledgement: one row per construct and reason, listing the rules
 * and the resources (paths in the construct's reference stack) it covers.
 */
export function renderAcknowledgements(): string {
  const rows: string[] = [];
  for (const spec of REFERENCE_STACKS) {
    const byReason = new Map<string, { ids: Set<string>; paths: Set<string> }>();
    for (const ack of spec.acknowledgements) {
      const entry = byReason.get(ack.reason) ?? { ids: new Set<string>(), paths: new Set<string>() };
      entry.ids.add(ack.id);
      entry.paths.add(ack.path);
      byReason.set(ack.reason, entry);
    }
    for (const [reason, { ids, paths }] of byReason) {
      const code = (xs: Set<string>) => [...xs].map((x) => `\`${x}\``).join('<br>');
      rows.push(`| ${spec.name} | ${code(ids)} | ${code(paths)} | ${reason.replace(/\|/g, '\\|')} |`);
    }
  }
  if (rows.length === 0) {
    return '_No finding is acknowledged: every rule of the five packs is met by a default._';
  }
  return ['| stack | rules | resources (paths in the stack) | reason |', '|---|---|---|---|', ...rows].join('\n');
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
  readmeAcknowledgements(readme); // fails clearly when the markers are missing
  const next = readme.slice(0, readme.indexOf(START) + START.length) + `\n${renderAcknowledgements()}\n` + readme.slice(readme.indexOf(END));
  fs.writeFileSync(README, next);
  console.log('README.md acknowledgements updated');
}
