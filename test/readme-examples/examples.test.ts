/**
 * The shapes of the README's and the construct pages' TypeScript examples (test/readme-examples/
 * examples.ts), checked without the network: test/readme-examples/run.sh (in .ci/run) compiles them
 * in a real `cdk init` app.
 */
import { allExamples, appFiles, examplesOf, headerOf, locateErrors, markdownFiles, splitImports } from './examples';
import { withoutTestFiles } from '../../projenrc/rosetta';
import * as lib from '../../src';

const examples = allExamples();

test('the examples come from the README and the seven construct pages, and are of every shape', () => {
  expect(markdownFiles()).toEqual(expect.arrayContaining(['README.md', 'src/powertools-function/README.md', 'src/account-guardrails/README.md']));
  expect(markdownFiles().length).toBeGreaterThanOrEqual(8);
  expect(new Set(examples.map((e) => e.kind))).toEqual(new Set(['file', 'header', 'statements', 'app', 'test']));
});

test('the README\'s first file is the quick start, lib/my-app-stack.ts with the class bin/my-app.ts creates', () => {
  const files = appFiles(examples);
  const stack = files.find((f) => f.path === 'lib/my-app-stack.ts');
  expect(stack?.example.source).toBe('README.md');
  expect(stack?.content).toMatch(/^export class MyAppStack extends Stack \{$/m);
});

test.each(markdownFiles())('%s: every block of statements has the page\'s stack file header, with Stack, StackProps and Construct', (source) => {
  const statements = examples.filter((e) => e.source === source && e.kind === 'statements');
  if (statements.length === 0) return;
  const header = headerOf(examples, source);
  expect(header).toMatch(/^import \{[^}]*\bStack\b[^}]*\bStackProps\b[^}]*\} from 'aws-cdk-lib';$/m);
  expect(header).toContain("import { Construct } from 'constructs';");
  expect(header).toContain("import * as patterns from 'cdk-cloud-patterns';");
});

test('no block of statements declares what the reader lacks, imports mid-block or names a library export without `patterns.`', () => {
  const exported = Object.keys(lib).filter((name) => /^[A-Z]/.test(name));
  const offenders = examples.filter((e) => e.kind === 'statements').flatMap((e) => {
    const problems: string[] = [];
    if (/^\s*declare /m.test(e.code)) problems.push('declare');
    if (/^\s*import /m.test(e.code)) problems.push('import');
    for (const name of exported) {
      if (new RegExp(`(?<![.\\w])${name}\\b`).test(e.code.replace(/\/\/.*$/gm, ''))) problems.push(`bare ${name}`);
    }
    return problems.map((p) => `${e.source}:${e.line} ${p}`);
  });
  expect(offenders).toEqual([]);
});

test('a block is fenced `ts test` (which rosetta skips: projenrc/rosetta.ts) exactly when it is a jest test file', () => {
  const fencedTest = examples.filter((e) => e.info === 'test').map((e) => `${e.source}:${e.line}`);
  expect(fencedTest.length).toBeGreaterThanOrEqual(1);
  expect(fencedTest).toEqual(examples.filter((e) => e.kind === 'test').map((e) => `${e.source}:${e.line}`));
  expect(withoutTestFiles('```ts test\ntest();\n```\n```ts\nconst a = 1;\n```')).toBe('```text\ntest();\n```\n```ts\nconst a = 1;\n```');
});

describe('the shapes', () => {
  const md = [
    '```ts nofixture', "import { Stack, StackProps } from 'aws-cdk-lib';", "import { Construct } from 'constructs';", '```',
    '```ts', 'const a = 1;', '```',
    '```ts', "import * as cdk from 'aws-cdk-lib';", '', 'const app = new cdk.App();', '```',
    '```ts test', "import { Template } from 'aws-cdk-lib/assertions';", "test('x', () => {});", '```',
    '```typescript', 'import {', '  Stack,', "} from 'aws-cdk-lib';", 'export class X extends Stack {}', '```',
    '```sh', 'npm ci', '```',
  ].join('\n');
  const found = examplesOf('page.md', md);

  test('are told apart by their first line and what follows the imports', () => {
    expect(found.map((e) => [e.line, e.kind])).toEqual([[1, 'header'], [5, 'statements'], [8, 'app'], [13, 'test'], [17, 'file']]);
  });

  test('an import may span lines', () => {
    expect(splitImports(found[4].code)).toEqual({ imports: "import {\n  Stack,\n} from 'aws-cdk-lib';", rest: 'export class X extends Stack {}' });
  });

  test('statements go into MyAppStack\'s constructor below the page\'s header, and tsc\'s errors are told at their Markdown line', () => {
    const files = appFiles(found);
    const stack = files.find((f) => f.example.kind === 'statements')!;
    expect(stack.content.split('\n')[stack.firstLine - 1]).toBe('    const a = 1;');
    expect(stack.content).toContain("import { Construct } from 'constructs';\n\nexport class MyAppStack extends Stack {");
    expect(locateErrors(`${stack.path}(${stack.firstLine},11): error TS2322: Type 'number' is not assignable to type 'string'.`, files))
      .toEqual([`page.md:6:7 TS2322 Type 'number' is not assignable to type 'string'.   (pasted as ${stack.path}, the block at line 5)`]);
  });

  test('a block of statements on a page without a header is refused, naming the page and line', () => {
    expect(() => appFiles(examplesOf('other.md', '```ts\nconst a = 1;\n```'))).toThrow('other.md:1: a block of statements, but other.md has no file block whose imports are the stack file\'s');
  });
});
