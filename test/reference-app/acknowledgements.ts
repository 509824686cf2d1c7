/**
 * Renders every acknowledged rule-pack finding of the reference app as a table;
 * projenrc/readme-acks.ts writes it between the `acknowledgements` markers of
 * test/reference-app/README.md (`npx projen readme:acks`), and the reference-app test checks the
 * page equals it.
 */
import { REFERENCE_STACKS } from './stacks';
import { REFERENCE_APP_PAGE, readmeBlock } from '../../projenrc/readme-block';

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

/** The reference app page's current block between the `acknowledgements` markers. */
export function readmeAcknowledgements(): string {
  return readmeBlock('acknowledgements', REFERENCE_APP_PAGE);
}
