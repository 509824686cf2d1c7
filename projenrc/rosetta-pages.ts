/**
 * jsii puts only the root README.md into the .jsii assembly, so `jsii-rosetta extract --strict`
 * never sees the construct pages (src/<construct>/README.md). This builds a temporary assembly
 * whose module READMEs are exactly those pages (one submodule README per page, named by its path)
 * and runs the same strict extract over it, with the same fixtures (rosetta/) and the compiled
 * lib/ of this checkout: every TypeScript example on a page must compile, as the root README's do.
 *
 *   npx projen compile && ts-node --project tsconfig.dev.json projenrc/rosetta-pages.ts
 *
 * Part of `npx projen rosetta` (after the root README's extract).
 */
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

const root = path.join(__dirname, '..');

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
    console.error('[rosetta-pages] no .jsii: run `npx projen compile` first');
    return 1;
  }
  const pages = constructPages();
  if (pages.length === 0) {
    console.error('[rosetta-pages] no src/<construct>/README.md found');
    return 1;
  }
  const assembly = JSON.parse(fs.readFileSync(jsii, 'utf-8'));
  // the root README and the API docs are the plain `jsii-rosetta extract --strict`'s; here only the pages
  delete assembly.readme;
  assembly.types = {};
  assembly.submodules = Object.fromEntries(pages.map((page) => [
    `${assembly.name}.${page}`,
    { readme: { markdown: fs.readFileSync(path.join(root, page), 'utf-8') } },
  ]));

  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rosetta-pages-'));
  try {
    fs.writeFileSync(path.join(dir, '.jsii'), JSON.stringify(assembly));
    fs.copyFileSync(path.join(root, 'package.json'), path.join(dir, 'package.json'));
    for (const link of ['lib', 'rosetta', 'node_modules']) {
      fs.symlinkSync(path.join(root, link), path.join(dir, link));
    }
    console.log(`[rosetta-pages] jsii-rosetta extract --strict over ${pages.join(', ')}`);
    const run = spawnSync(path.join(root, 'node_modules', '.bin', 'jsii-rosetta'), ['extract', '--strict', path.join(dir, '.jsii')], {
      cwd: dir,
      stdio: 'inherit',
    });
    return run.status ?? 1;
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

if (require.main === module) {
  process.exit(main());
}
