/**
 * The quick start is what CI runs first (issue 22): `.ci/run` begins with exactly the README's two
 * commands, in the README's order, before any other step. The README's block is found by its
 * content (a fenced `sh` block with `npm ci && npx projen demo`), not by its heading.
 */
import * as fs from 'fs';
import * as path from 'path';

const ROOT = path.join(__dirname, '..');

/** A shell line without its trailing comment, trimmed ('' for a comment or blank line). */
function command(line: string): string {
  return line.replace(/(^|\s)#.*$/, '').trim();
}

/** The commands of the README's fenced `sh` block that sets up the clone, in order. */
function readmeQuickStart(readme: string): string[] {
  const blocks = [...readme.matchAll(/^```sh\n([\s\S]*?)^```$/gm)].map((m) => m[1].split('\n').map(command).filter(Boolean));
  const found = blocks.filter((lines) => lines.some((l) => l.startsWith('npm ci && npx projen demo')));
  if (found.length !== 1) {
    throw new Error(`README.md: expected one fenced sh block with 'npm ci && npx projen demo', found ${found.length}`);
  }
  return found[0];
}

/**
 * The first commands of a CI script after its shell set-up (the shebang, comments, `set -…` and the
 * `cd` to the repository root), as many as `count`.
 */
function firstCommands(script: string, count: number): string[] {
  const lines = script.split('\n').map(command).filter(Boolean);
  const setup = (l: string) => /^set -[a-z]+( -o)?( pipefail)?$/.test(l) || /^cd "\$\(dirname "\$0"\)\/\.\."$/.test(l);
  let i = 0;
  while (i < lines.length && setup(lines[i])) i++;
  return lines.slice(i, i + count);
}

const readme = fs.readFileSync(path.join(ROOT, 'README.md'), 'utf-8');
const ciRun = fs.readFileSync(path.join(ROOT, '.ci', 'run'), 'utf-8');

test("the README's quick start is the two commands", () => {
  expect(readmeQuickStart(readme)).toEqual(['npm ci && npx projen demo', 'npx projen test']);
});

test(".ci/run begins with the README's two commands, in its order, before any other step", () => {
  const quickStart = readmeQuickStart(readme);
  expect(firstCommands(ciRun, quickStart.length)).toEqual(quickStart);
});

describe('the check fails when', () => {
  const quickStart = ['npm ci && npx projen demo', 'npx projen test'];
  const script = (...body: string[]) => ['#!/usr/bin/env bash', '# CI', 'set -euo pipefail', 'cd "$(dirname "$0")/.."', ...body].join('\n');

  test('a step comes first', () => {
    expect(firstCommands(script('export CI=true', ...quickStart), 2)).not.toEqual(quickStart);
  });

  test('the commands are in the other order', () => {
    expect(firstCommands(script('npx projen test', 'npm ci && npx projen demo'), 2)).not.toEqual(quickStart);
  });

  test('a command differs (compile before test)', () => {
    expect(firstCommands(script('npm ci && npx projen demo', 'npx projen compile', 'npx projen test'), 2)).not.toEqual(quickStart);
  });

  test('the README has no such block, or two', () => {
    expect(() => readmeQuickStart('# x\n```sh\nnpm install\n```\n')).toThrow("README.md: expected one fenced sh block with 'npm ci && npx projen demo', found 0");
    const block = '```sh\nnpm ci && npx projen demo\nnpx projen test\n```\n';
    expect(() => readmeQuickStart(block + block)).toThrow("README.md: expected one fenced sh block with 'npm ci && npx projen demo', found 2");
  });

  test('comments and the set-up lines do not count, and trailing comments are dropped', () => {
    expect(firstCommands(script('npm ci && npx projen demo   # set up', 'npx projen test # all'), 2)).toEqual(quickStart);
  });
});
