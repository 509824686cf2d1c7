/**
 * The TypeScript examples of the README and of the construct pages (src/<folder>/README.md), and
 * the `cdk init` app files they become when a reader pastes them (issue 22: every example compiles
 * when pasted as it is). Two shapes, told apart by their first line:
 *
 * - **a file** starts with `import`: a block of imports only is the page's *stack file header*
 *   (the imports of lib/my-app-stack.ts for every statement block of that page); a block with code
 *   after its imports is a whole file: the README's first one (the quick start) *is*
 *   lib/my-app-stack.ts, one that imports `aws-cdk-lib/assertions` is a test file (test/), one that
 *   creates the `App` is bin/my-app.ts, any other one replaces lib/my-app-stack.ts.
 * - **statements** (anything else) are pasted into the constructor of the stack class
 *   `MyAppStack` of lib/my-app-stack.ts, below the page's header: the README's header is the quick
 *   start's imports, a page's header is its first file block.
 *
 * `ts-node --project tsconfig.dev.json test/readme-examples/examples.ts check <app dir>` writes
 * them into an app made by `cdk init app --language typescript` and compiles it with the app's tsc,
 * telling each error at its Markdown line (test/readme-examples/run.sh makes the app, installs the
 * packed tarball, then also runs the app's tests and synthesizes it).
 */
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';

const ROOT = path.join(__dirname, '..', '..');

export type ExampleKind = 'header' | 'file' | 'test' | 'app' | 'statements';

/** One ```ts block of a Markdown file. */
export interface Example {
  /** The Markdown file, relative to the repository. */
  readonly source: string;
  /** The line of the opening fence (1-based). */
  readonly line: number;
  /** What follows the language on the opening fence (`nofixture`, `test`, …), trimmed. */
  readonly info: string;
  readonly kind: ExampleKind;
  readonly code: string;
}

/** The Markdown files whose examples a reader pastes: README.md and every src/<folder>/README.md. */
export function markdownFiles(): string[] {
  const pages = fs.readdirSync(path.join(ROOT, 'src'), { withFileTypes: true })
    .filter((e) => e.isDirectory() && fs.existsSync(path.join(ROOT, 'src', e.name, 'README.md')))
    .map((e) => path.join('src', e.name, 'README.md'))
    .sort();
  return ['README.md', ...pages];
}

/** The ```ts / ```typescript blocks of `source` (relative to the repository), classified. */
export function examplesOf(source: string, text = fs.readFileSync(path.join(ROOT, source), 'utf-8')): Example[] {
  const lines = text.split('\n');
  const examples: Example[] = [];
  for (let i = 0; i < lines.length; i++) {
    const fence = /^```(ts|typescript)(\s.*)?$/.exec(lines[i]);
    if (!fence) continue;
    const end = lines.findIndex((l, j) => j > i && l.startsWith('```'));
    if (end < 0) throw new Error(`${source}:${i + 1}: the code block is not closed`);
    const code = lines.slice(i + 1, end).join('\n');
    examples.push({ source, line: i + 1, info: (fence[2] ?? '').trim(), kind: kindOf(code), code });
    i = end;
  }
  return examples;
}

/** Every example of every Markdown file a reader pastes from. */
export function allExamples(): Example[] {
  return markdownFiles().flatMap((f) => examplesOf(f));
}

/** The import declarations at the start of `code` and what follows them. */
export function splitImports(code: string): { imports: string; rest: string } {
  const lines = code.split('\n');
  let i = 0;
  while (i < lines.length) {
    const line = lines[i].trim();
    if (line === '' || line.startsWith('//')) {
      i++;
    } else if (line.startsWith('import ')) {
      // an import may span lines: up to the line that ends it with `;`
      while (i < lines.length && !/;\s*(\/\/.*)?$/.test(lines[i])) i++;
      i++;
    } else {
      break;
    }
  }
  return { imports: lines.slice(0, i).join('\n').trim(), rest: lines.slice(i).join('\n').trim() };
}

function kindOf(code: string): ExampleKind {
  const first = code.split('\n').find((l) => l.trim() !== '' && !l.trim().startsWith('//')) ?? '';
  if (!first.startsWith('import ')) return 'statements';
  const { imports, rest } = splitImports(code);
  if (rest === '') return 'header';
  if (/from 'aws-cdk-lib\/assertions'/.test(imports)) return 'test';
  return /\bnew (cdk\.)?App\(/.test(rest) ? 'app' : 'file';
}

/** The stack file header of `source`: the imports of its first file block (undefined when it has none). */
export function headerOf(examples: Example[], source: string): string | undefined {
  const first = examples.find((e) => e.source === source && (e.kind === 'header' || e.kind === 'file'));
  return first ? splitImports(first.code).imports : undefined;
}

/** One file of the app: its path in the app and where it came from. */
export interface AppFile {
  readonly path: string;
  readonly content: string;
  readonly example: Example;
  /** The line of `content` that is the example's first line (1-based). */
  readonly firstLine: number;
}

/** The files the examples become in a `cdk init` app named my-app (lib/my-app-stack.ts, MyAppStack). */
export function appFiles(examples: Example[]): AppFile[] {
  const files: AppFile[] = [];
  const slug = (e: Example) => `${e.source.replace(/\/README\.md$|\.md$/, '').replace(/^src\//, '').replace(/[^a-z0-9]+/gi, '-').toLowerCase()}-l${e.line}`;
  const quickStart = examples.find((e) => e.source === 'README.md' && e.kind === 'file');
  for (const e of examples) {
    const banner = `// ${e.source}:${e.line}, pasted as it is\n`;
    if (e.kind === 'header') {
      // a header alone is a stack file with an empty constructor
      files.push({ path: `lib/header-${slug(e)}.ts`, content: banner + stackFile(e.code, ''), example: e, firstLine: 2 });
    } else if (e === quickStart) {
      files.push({ path: 'lib/my-app-stack.ts', content: banner + e.code + '\n', example: e, firstLine: 2 });
    } else if (e.kind === 'file') {
      files.push({ path: `lib/file-${slug(e)}.ts`, content: banner + e.code + '\n', example: e, firstLine: 2 });
    } else if (e.kind === 'app') {
      files.push({ path: `bin/app-${slug(e)}.ts`, content: banner + e.code + '\n', example: e, firstLine: 2 });
    } else if (e.kind === 'test') {
      files.push({ path: `test/example-${slug(e)}.test.ts`, content: banner + e.code + '\n', example: e, firstLine: 2 });
    } else {
      const header = headerOf(examples, e.source);
      if (header === undefined) {
        throw new Error(`${e.source}:${e.line}: a block of statements, but ${e.source} has no file block whose imports are the stack file's`);
      }
      // the constructor's body starts after the banner, the imports, a blank line and three lines of the class
      files.push({ path: `lib/stack-${slug(e)}.ts`, content: banner + stackFile(header, e.code), example: e, firstLine: header.split('\n').length + 7 });
    }
  }
  return files;
}

/** lib/my-app-stack.ts with `imports` at the top and `statements` in MyAppStack's constructor. */
function stackFile(imports: string, statements: string): string {
  const body = statements.split('\n').map((l) => (l.trim() === '' ? '' : `    ${l}`)).join('\n');
  return [
    imports,
    '',
    'export class MyAppStack extends Stack {',
    '  constructor(scope: Construct, id: string, props?: StackProps) {',
    '    super(scope, id, props);',
    '',
    body,
    '  }',
    '}',
    '',
  ].join('\n');
}

/** Writes the examples into the `cdk init` app `app`; returns its files. */
export function writeApp(app: string): AppFile[] {
  const files = appFiles(allExamples());
  for (const f of files) {
    fs.mkdirSync(path.dirname(path.join(app, f.path)), { recursive: true });
    fs.writeFileSync(path.join(app, f.path), f.content);
  }
  return files;
}

/** tsc's errors (`file(line,col): error TSnnnn: message`) told at the Markdown line they came from. */
export function locateErrors(output: string, files: AppFile[]): string[] {
  return output.split('\n').filter((l) => l.trim() !== '').map((line) => {
    const m = /^(.+?)\((\d+),(\d+)\): error (TS\d+): (.*)$/.exec(line.trim());
    const file = m && files.find((f) => path.normalize(f.path) === path.normalize(m[1]));
    if (!m || !file) return line;
    const mdLine = file.example.line + 1 + Number(m[2]) - file.firstLine;
    const column = Number(m[3]) - (file.example.kind === 'statements' ? 4 : 0); // the constructor's indentation
    return `${file.example.source}:${mdLine}:${column} ${m[4]} ${m[5]}   (pasted as ${file.path}, the block at line ${file.example.line})`;
  });
}

if (require.main === module) {
  const [mode, app] = process.argv.slice(2);
  if (!['write', 'check'].includes(mode) || !app || !fs.existsSync(path.join(app, 'cdk.json'))) {
    console.error('usage: examples.ts write|check <dir of a `cdk init app --language typescript` app>');
    process.exit(2);
  }
  const files = writeApp(app);
  const counts = files.reduce((m, f) => m.set(f.example.kind, (m.get(f.example.kind) ?? 0) + 1), new Map<string, number>());
  console.log(`[readme-examples] ${files.length} examples from ${markdownFiles().length} files: ${[...counts].map(([k, n]) => `${n} ${k}`).join(', ')}`);
  for (const f of files) console.log(`  ${f.path.padEnd(56)} ${f.example.source}:${f.example.line} (${f.example.kind})`);
  if (mode === 'check') {
    // the app's own TypeScript and tsconfig.json, as `cdk init` wrote them
    const tsc = spawnSync('npx', ['tsc', '-p', '.'], { cwd: app, encoding: 'utf-8' });
    if (tsc.status !== 0) {
      console.error(`[readme-examples] ${files.length} examples, tsc failed:`);
      console.error(locateErrors(`${tsc.stdout}${tsc.stderr}`, files).join('\n'));
      process.exit(1);
    }
    console.log(`[readme-examples] all ${files.length} examples compile in the cdk init app (tsc ${spawnSync('npx', ['tsc', '--version'], { cwd: app, encoding: 'utf-8' }).stdout.trim()})`);
  }
}
