import * as fs from 'fs';
import * as path from 'path';
import { CDK_VERSIONS, DEFAULT_OUT, LANGUAGES, assemblyErrors, cdkVersionOf, compareAssemblies, describeComparison, readAssembly, typescriptSuffix } from './compare';

/**
 * The language apps (test/apps/{python,java,go}) synthesize the same templates as the TypeScript
 * reference app. Their outputs are built by `bash test/apps/run-all.sh`, which then runs this file;
 * it is not part of `npx projen test` (the default jest run ignores it), and it fails, naming the
 * command, when the outputs are missing.
 */
const OUT = process.env.LANGUAGE_APPS_OUT ?? DEFAULT_OUT;

const reference = path.join(OUT, 'typescript');
const platform = path.join(OUT, 'typescript-platform');
const missing = [reference, ...LANGUAGES.map((l) => path.join(OUT, l))].filter((dir) => !fs.existsSync(dir));
if (missing.length > 0) {
  throw new Error(`the language apps' outputs are missing (${missing.join(', ')}): run bash test/apps/run-all.sh`);
}

describe('language apps synthesize the TypeScript templates', () => {
  test('the TypeScript reference app was synthesized, without errors', () => {
    expect(fs.existsSync(reference)).toBe(true);
    expect(readAssembly(reference).templates.size).toBeGreaterThan(0);
    expect(assemblyErrors(reference)).toEqual([]);
  });

  test.each(LANGUAGES.map((l) => [l]))('%s: the app and its TypeScript counterpart ran on the pinned aws-cdk-lib', (language) => {
    expect(cdkVersionOf(reference)).toBe(CDK_VERSIONS.typescript);
    expect(cdkVersionOf(path.join(OUT, language))).toBe(CDK_VERSIONS[language]);
    expect(cdkVersionOf(path.join(OUT, `typescript${typescriptSuffix(language)}`))).toBe(CDK_VERSIONS[language]);
  });

  test.each(LANGUAGES.map((l) => [l]))('%s: every stack equals the TypeScript one', (language) => {
    const dir = path.join(OUT, language);
    expect(fs.existsSync(dir)).toBe(true);
    const actual = readAssembly(dir);
    expect(assemblyErrors(dir)).toEqual([]);
    // Only the Python app also builds the platform-lib stacks (from the platform library's wheel).
    const suffix = typescriptSuffix(language);
    const expectedDirs = [path.join(OUT, `typescript${suffix}`)];
    if (language === 'python') expectedDirs.push(path.join(OUT, `typescript-platform${suffix}`));
    const comparison = compareAssemblies(readAssembly(...expectedDirs), actual);
    expect(describeComparison(language, comparison)).toBe('');
    expect(comparison.equalStacks.length).toBe(actual.templates.size);
  });

  test('python: builds the platform-lib stacks with the platform library', () => {
    expect(fs.existsSync(platform)).toBe(true);
    const stacks = [...readAssembly(platform).templates.keys()];
    expect(stacks.length).toBeGreaterThan(0);
    expect([...readAssembly(path.join(OUT, 'python')).templates.keys()]).toEqual(expect.arrayContaining(stacks));
  });
});
