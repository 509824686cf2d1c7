/**
 * Generated blocks of Markdown pages: the text between `<!-- <name>:start -->` and
 * `<!-- <name>:end -->`, read by the tests and rewritten by the projen tasks that render them
 * (readme:acks and readme:counts write test/reference-app/README.md).
 */
import * as fs from 'fs';
import * as path from 'path';

const ROOT = path.join(__dirname, '..');
export const README = path.join(ROOT, 'README.md');
/** The reference app's page: the patterns document as one app and the acknowledged findings. */
export const REFERENCE_APP_PAGE = path.join(ROOT, 'test', 'reference-app', 'README.md');

function markers(name: string): { start: string; end: string } {
  return { start: `<!-- ${name}:start -->`, end: `<!-- ${name}:end -->` };
}

/** The current block `name` of the Markdown file `file`, trimmed; throws when its markers are missing. */
export function readmeBlock(name: string, file = README): string {
  return blockOf(name, fs.readFileSync(file, 'utf-8'), file);
}

function blockOf(name: string, text: string, file: string): string {
  const { start, end } = markers(name);
  const from = text.indexOf(start);
  const to = text.indexOf(end);
  if (from < 0 || to < from) {
    throw new Error(`${path.relative(ROOT, file)} has no ${start} … ${end} block`);
  }
  return text.slice(from + start.length, to).trim();
}

/** Replaces the block `name` of the Markdown file `file` with `content`. */
export function writeReadmeBlock(name: string, content: string, file = README): void {
  const text = fs.readFileSync(file, 'utf-8');
  blockOf(name, text, file); // fails clearly when the markers are missing
  const { start, end } = markers(name);
  fs.writeFileSync(file, text.slice(0, text.indexOf(start) + start.length) + `\n${content}\n` + text.slice(text.indexOf(end)));
}
