/**
 * `npx projen rosetta`: jsii-rosetta's strict extract over every example a user reads, in one run:
 * the README (read from disk, so never a stale copy), the construct pages src/<folder>/README.md
 * (jsii puts only the root README into .jsii, so the pages go in as one submodule README each, named
 * by their path) and the API docs of .jsii. Fixtures are rosetta/ (default.ts-fixture for blocks of
 * statements, `nofixture` for whole files). The README's "Check your app" example imports cdk-nag, a
 * devDependency: the temporary package.json lists it as a dependency so rosetta compiles against the
 * installed copy. A jest test file (fence ```` ```ts test ````) is left out: jest's callbacks are
 * arrow functions, outside what rosetta translates; test/readme-examples/run.sh compiles and runs it
 * in a `cdk init` app instead. The translations (.jsii.tabl.json)
 * are copied next to .jsii, where jsii-pacmak reads them.
 *
 *   npx projen compile && ts-node --project tsconfig.dev.json projenrc/rosetta.ts
 */
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

const root = path.join(__dirname, '..');

/** Packages the examples import besides the library's own dependencies (devDependencies here). */
const EXAMPLE_DEPENDENCIES = ['cdk-nag'];

/** `markdown` with its jest test files (```` ```ts test ````) turned into text blocks rosetta skips. */
export function withoutTestFiles(markdown: string): string {
  return markdown.replace(/^```ts test$/gm, '```text');
}

/** The construct pages: every src/<folder>/README.md, sorted. */
export function constructPages(): string[] {
  return fs.readdirSync(path.join(root, 'src'), { withFileTypes: true })
    .filter((e) => e.isDirectory() && fs.existsSync(path.join(root, 'src', e.name, 'README.md')))
    .map((e) => path.join('src', e.name, 'README.md'))
    .sort();
}

function main(): number {
  const jsii = path.join(root, '.jsii');
  if (!fs.existsSync(jsii)) {
    console.error('[rosetta] no .jsii: run `npx projen compile` first');
    return 1;
  }
  const pages = constructPages();
  const assembly = JSON.parse(fs.readFileSync(jsii, 'utf-8'));
  assembly.readme = { markdown: withoutTestFiles(fs.readFileSync(path.join(root, 'README.md'), 'utf-8')) };
  assembly.submodules = {
    ...assembly.submodules,
    ...Object.fromEntries(pages.map((page) => [`${assembly.name}.${page}`, { readme: { markdown: withoutTestFiles(fs.readFileSync(path.join(root, page), 'utf-8')) } }])),
  };
  const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf-8'));
  for (const name of EXAMPLE_DEPENDENCIES) {
    pkg.dependencies = { ...pkg.dependencies, [name]: pkg.devDependencies[name] };
  }

  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rosetta-'));
  try {
    fs.writeFileSync(path.join(dir, '.jsii'), JSON.stringify(assembly));
    fs.writeFileSync(path.join(dir, 'package.json'), JSON.stringify(pkg, undefined, 2));
    for (const link of ['lib', 'rosetta', 'node_modules']) {
      fs.symlinkSync(path.join(root, link), path.join(dir, link));
    }
    console.log(`[rosetta] jsii-rosetta extract --strict over README.md, ${pages.join(', ')} and the API docs`);
    const run = spawnSync(path.join(root, 'node_modules', '.bin', 'jsii-rosetta'), ['extract', '--strict', path.join(dir, '.jsii')], {
      cwd: dir,
      stdio: 'inherit',
    });
    const tablet = path.join(dir, '.jsii.tabl.json');
    if (run.status === 0 && fs.existsSync(tablet)) {
      fs.copyFileSync(tablet, path.join(root, '.jsii.tabl.json'));
    }
    return run.status ?? 1;
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

if (require.main === module) {
  process.exit(main());
}
