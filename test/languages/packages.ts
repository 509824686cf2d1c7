import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

/** Output of the tools below can be large (the npm tarball jsii embeds is over 1 MiB, Node's default). */
const MAX_BUFFER = 512 * 1024 * 1024;

/** The repository root (dist/, assets/, .jsii live here). */
export const ROOT = path.join(__dirname, '..', '..');

/** The names of the exported jsii types (`DeploymentStage`, …) in an assembly file (.jsii). */
export function jsiiTypeNames(jsiiFile: string): string[] {
  const assembly = JSON.parse(fs.readFileSync(jsiiFile, 'utf-8')) as { types?: Record<string, { name: string }> };
  return Object.values(assembly.types ?? {}).map((t) => t.name).sort();
}

/** The files of a .tgz, as `tar -tz` lists them (`package/assets/lambda/x/index.mjs`). */
export function listTarball(tgz: string): string[] {
  return execFileSync('tar', ['-tzf', tgz], { encoding: 'utf-8', maxBuffer: MAX_BUFFER }).split('\n').filter(Boolean);
}

/** The entries of a zip (wheel, jar). */
export function listZip(zip: string): string[] {
  return execFileSync('unzip', ['-Z1', zip], { encoding: 'utf-8', maxBuffer: MAX_BUFFER }).split('\n').filter(Boolean);
}

/** The files of the npm tarball that jsii embeds in a zip (wheel, jar) at `member`. */
export function listTarballInZip(zip: string, member: string): string[] {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'embedded-'));
  try {
    const tgz = path.join(dir, 'embedded.tgz');
    fs.writeFileSync(tgz, execFileSync('unzip', ['-p', zip, member], { maxBuffer: MAX_BUFFER }));
    return listTarball(tgz);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * The prebundled handler files every package must ship: `assets/lambda/<name>/index.mjs` for each
 * handler source `lambda/<name>/index.ts` (relative to the root).
 */
export function handlerAssets(root = ROOT): string[] {
  const dir = path.join(root, 'lambda');
  return fs.readdirSync(dir).sort()
    .filter((name) => fs.existsSync(path.join(dir, name, 'index.ts')))
    .map((name) => `assets/lambda/${name}/index.mjs`);
}

/** The text of one file inside a zip (wheel, jar). */
export function readZipMember(zip: string, member: string): string {
  return execFileSync('unzip', ['-p', zip, member], { encoding: 'utf-8', maxBuffer: MAX_BUFFER });
}

/** The one file in `dir` whose name matches `pattern` (fails when there is none or several). */
export function onlyFile(dir: string, pattern: RegExp): string {
  const found = fs.existsSync(dir) ? fs.readdirSync(dir).filter((f) => pattern.test(f)) : [];
  if (found.length !== 1) {
    throw new Error(`expected one file matching ${pattern} in ${dir}, found: ${found.join(', ') || 'none'}`);
  }
  return path.join(dir, found[0]);
}

/** The import line the README's `## Install` table shows for each language, keyed by its first cell. */
export function readmeImports(readme: string): Map<string, string> {
  const section = readme.split(/^## /m).find((s) => s.startsWith('Install')) ?? '';
  const imports = new Map<string, string>();
  for (const line of section.split('\n')) {
    const cells = line.split('|').map((c) => c.trim());
    // | language | install | import |  → ['', language, install, import, '']
    if (cells.length >= 5 && cells[3].startsWith('`') && cells[3].endsWith('`')) {
      imports.set(cells[1], cells[3].slice(1, -1));
    }
  }
  return imports;
}

/** Every line of the source files below `dir` with one of `extensions` (skips build folders). */
export function sourceLines(dir: string, extensions: string[]): string[] {
  const lines: string[] = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      if (!['.venv', 'target', 'out', 'node_modules', '__pycache__'].includes(entry.name)) {
        lines.push(...sourceLines(p, extensions));
      }
    } else if (extensions.some((e) => entry.name.endsWith(e))) {
      lines.push(...fs.readFileSync(p, 'utf-8').split('\n').map((l) => l.trim()));
    }
  }
  return lines;
}
