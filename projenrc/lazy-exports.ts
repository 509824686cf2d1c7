/**
 * Runs after jsii has compiled src/ to lib/ (the `compile` task, set in .projenrc.ts): rewrites
 * lib/index.js, which tsc writes as one eager `__exportStar(require("./x"), exports)` per
 * `export * from './x'` of src/index.ts, into one getter per exported name that loads the file
 * defining it on first use — what aws-cdk-lib's own index does. `require('cdk-cloud-patterns')`
 * then loads no construct (nor the aws-cdk-lib submodules they import) until one is used.
 *
 * What stays the same: the names and values exported (each getter returns the very class or enum
 * the eager index did, and the script refuses a name defined twice), `lib/index.d.ts`, the `.jsii`
 * assembly, and every other file of lib/. The jsii kernel (Python, Java, Go, C#) looks types up
 * by name on the module's exports, which the getters serve. Node's ESM `import { X } from` finds
 * the names too: the getters have the one form cjs-module-lexer reads (`return lazy.X`).
 *
 *   ts-node --project tsconfig.dev.json projenrc/lazy-exports.ts lib/index.js
 */
import * as fs from 'fs';
import * as path from 'path';

const EXPORT_STAR = /^__exportStar\(require\("(\.[^"]+)"\), exports\);$/gm;

/** `file` re-exports only (tsc's barrel of `export *` lines): its targets; otherwise undefined. */
function barrelTargets(file: string): string[] | undefined {
  const text = fs.readFileSync(file, 'utf-8');
  const targets = [...text.matchAll(EXPORT_STAR)].map((m) => m[1]);
  const ownExports = /(^|[^.\w])exports\.\w+\s*=|Object\.defineProperty\(exports, "(?!__esModule")/m.test(text.replace(EXPORT_STAR, ''));
  return targets.length > 0 && !ownExports ? targets : undefined;
}

/** Every exported name below `file`, with the file (not barrel) that defines it, in export order. */
function definingFiles(file: string, into: Map<string, string>): Map<string, string> {
  const targets = barrelTargets(file);
  if (targets) {
    for (const target of targets) {
      definingFiles(require.resolve(path.resolve(path.dirname(file), target)), into);
    }
    return into;
  }
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  for (const name of Object.keys(require(file))) {
    if (name === '__esModule' || name === 'default') continue;
    const existing = into.get(name);
    if (existing !== undefined && existing !== file) {
      throw new Error(`${name} is exported by both ${existing} and ${file}`);
    }
    into.set(name, file);
  }
  return into;
}

export function lazyIndex(indexFile: string): string {
  const index = path.resolve(indexFile);
  if (!barrelTargets(index)) {
    throw new Error(`${indexFile} is not tsc's barrel of __exportStar(require(...)) lines (already rewritten?)`);
  }
  const names = definingFiles(index, new Map());
  const rel = (file: string) => './' + path.relative(path.dirname(index), file).replace(/\\/g, '/').replace(/\.js$/, '');
  return [
    '"use strict";',
    '// Written by projenrc/lazy-exports.ts from the index tsc compiled (src/index.ts): each export loads',
    '// the file that defines it on first use, so requiring the package loads nothing else until then.',
    'Object.defineProperty(exports, "__esModule", { value: true });',
    'const loaded = {};',
    'const load = (file) => loaded[file] || (loaded[file] = require(file));',
    'const lazy = {};',
    ...[...names].map(([name, file]) =>
      `Object.defineProperty(lazy, ${JSON.stringify(name)}, { get: () => load(${JSON.stringify(rel(file))}).${name} });`),
    // `function () { return lazy.X; }` is the getter form cjs-module-lexer accepts, so Node.js's
    // `import { X } from 'cdk-cloud-patterns'` still finds every name
    ...[...names.keys()].map((name) =>
      `Object.defineProperty(exports, ${JSON.stringify(name)}, { enumerable: true, get: function () { return lazy.${name}; } });`),
    '',
  ].join('\n');
}

if (require.main === module) {
  const file = process.argv[2] ?? 'lib/index.js';
  const text = lazyIndex(file);
  fs.writeFileSync(file, text);
  console.log(`${file}: ${text.split('\n').filter((l) => l.startsWith('Object.defineProperty(lazy, ')).length} lazy exports`);
}
