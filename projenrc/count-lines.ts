/**
 * Counts the lines and statements of the patterns document as one app: the construct calls of
 * test/reference-app/stacks/patterns-document.ts next to the same system in plain aws-cdk-lib
 * (test/reference-app/plain-patterns-document.ts and the per-construct functions it calls in
 * test/benchmarks/plain/), each between its `<name>:start` / `<name>:end` markers. Prints the
 * table; with `--write` (`npx projen readme:counts`) writes the code and the
 * table between the `patterns-document` markers of test/reference-app/README.md.
 * test/reference-app/line-counts.test.ts checks that the page equals this output.
 *
 * Lines: non-blank lines that are not only a comment. Statements: TypeScript statement nodes
 * (declarations, expression statements, returns, ...; blocks not counted), also inside arrow
 * function bodies, counted with the TypeScript compiler's parser.
 */
import * as fs from 'fs';
import * as path from 'path';
import * as ts from 'typescript';
import { REFERENCE_APP_PAGE, readmeBlock, writeReadmeBlock } from './readme-block';

const root = path.join(__dirname, '..');

/** One counted piece of code. */
export interface CodeCount {
  /** The code between the markers, dedented. */
  readonly code: string;
  readonly lines: number;
  readonly statements: number;
}

/** The code of `file` between `// <marker>:start` and `// <marker>:end`, dedented (the first block). */
export function codeBetweenMarkers(file: string, marker: string): string {
  const blocks = codeBlocks(file, marker);
  if (blocks.length === 0) {
    throw new Error(`${file} has no // ${marker}:start … // ${marker}:end block`);
  }
  return blocks[0];
}

/** Every block of `file` between `// <marker>:start` and `// <marker>:end`, each dedented. */
export function codeBlocks(file: string, marker: string): string[] {
  const text = fs.readFileSync(path.join(root, file), 'utf-8');
  const blocks: string[] = [];
  for (let start = text.indexOf(`// ${marker}:start`); start >= 0; start = text.indexOf(`// ${marker}:start`, start + 1)) {
    const end = text.indexOf(`// ${marker}:end`, start);
    if (end < 0) break;
    const lines = text.slice(text.indexOf('\n', start) + 1, end).split('\n');
    while (lines.length && lines[lines.length - 1].trim() === '') lines.pop();
    const indent = Math.min(...lines.filter((l) => l.trim()).map((l) => l.length - l.trimStart().length));
    blocks.push(lines.map((l) => l.slice(indent)).join('\n'));
  }
  return blocks;
}

/** The plain aws-cdk-lib checklist of each construct, one file each (the synthesis benchmark builds them too). */
export const PLAIN_DIR = 'test/benchmarks/plain';

/** Lines (non-blank, not only a comment) and statements of `code`. */
export function count(code: string): CodeCount {
  const lines = code.split('\n').filter((l) => l.trim() !== '' && !l.trim().startsWith('//')).length;
  const source = ts.createSourceFile('code.ts', code, ts.ScriptTarget.Latest, true);
  let statements = 0;
  const visit = (node: ts.Node) => {
    if (isStatement(node)) statements++;
    ts.forEachChild(node, visit);
  };
  ts.forEachChild(source, visit);
  return { code, lines, statements };
}

function isStatement(node: ts.Node): boolean {
  return ts.isVariableStatement(node) || ts.isExpressionStatement(node) || ts.isReturnStatement(node) ||
    ts.isIfStatement(node) || ts.isForOfStatement(node) || ts.isForStatement(node) || ts.isForInStatement(node) ||
    ts.isWhileStatement(node) || ts.isThrowStatement(node) || ts.isFunctionDeclaration(node);
}

/** Both counts: the library's construct calls and the plain aws-cdk-lib code. */
export function patternsDocumentCounts(): { library: CodeCount; plain: CodeCount } {
  return {
    library: count(codeBetweenMarkers('test/reference-app/stacks/patterns-document.ts', 'patterns-document')),
    plain: count([
      codeBetweenMarkers('test/reference-app/plain-patterns-document.ts', 'plain-patterns-document'),
      ...fs.readdirSync(path.join(root, PLAIN_DIR)).sort().flatMap((f) => codeBlocks(`${PLAIN_DIR}/${f}`, 'plain')),
    ].join('\n')),
  };
}

/** The page's block: the construct calls, then the table of counts. */
export function renderPatternsDocument(): string {
  const { library, plain } = patternsDocumentCounts();
  // `text`, not `ts`: the block is an excerpt of the reference stack (its `stack`, `stage` and shared
  // model come from that file), so jsii-rosetta's strict check cannot compile it on its own
  return [
    '```text',
    library.code,
    '```',
    '',
    '| the same system written with | lines | statements |',
    '|---|---:|---:|',
    `| cdk-cloud-patterns (the calls above) | ${library.lines} | ${library.statements} |`,
    `| plain aws-cdk-lib (test/reference-app/plain-patterns-document.ts and test/benchmarks/plain/) | ${plain.lines} | ${plain.statements} |`,
  ].join('\n');
}

/** The reference app page's current block between the `patterns-document` markers. */
export function readmePatternsDocument(): string {
  return readmeBlock('patterns-document', REFERENCE_APP_PAGE);
}

if (require.main === module) {
  const { library, plain } = patternsDocumentCounts();
  console.log(`cdk-cloud-patterns: ${library.lines} lines, ${library.statements} statements`);
  console.log(`plain aws-cdk-lib:  ${plain.lines} lines, ${plain.statements} statements`);
  if (process.argv.includes('--write')) {
    writeReadmeBlock('patterns-document', renderPatternsDocument(), REFERENCE_APP_PAGE);
    console.log('test/reference-app/README.md patterns-document block updated');
  }
}
