/**
 * The README's generated blocks: the text between `<!-- <name>:start -->` and `<!-- <name>:end -->`,
 * read by the tests and rewritten by the projen tasks that render them (readme:acks, readme:counts).
 */
import * as fs from 'fs';
import * as path from 'path';

export const README = path.join(__dirname, '..', 'README.md');

function markers(name: string): { start: string; end: string } {
  return { start: `<!-- ${name}:start -->`, end: `<!-- ${name}:end -->` };
}

/** The README's current block `name`, trimmed; throws when its markers are missing. */
export function readmeBlock(name: string, readme = fs.readFileSync(README, 'utf-8')): string {
  const { start, end } = markers(name);
  const from = readme.indexOf(start);
  const to = readme.indexOf(end);
  if (from < 0 || to < from) {
    throw new Error(`README.md has no ${start} … ${end} block`);
  }
  return readme.slice(from + start.length, to).trim();
}

/** Replaces the README's block `name` with `content`. */
export function writeReadmeBlock(name: string, content: string): void {
  const readme = fs.readFileSync(README, 'utf-8');
  readmeBlock(name, readme); // fails clearly when the markers are missing
  const { start, end } = markers(name);
  fs.writeFileSync(README, readme.slice(0, readme.indexOf(start) + start.length) + `\n${content}\n` + readme.slice(readme.indexOf(end)));
}
