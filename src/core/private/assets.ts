import * as fs from 'fs';
import * as path from 'path';

/**
 * The folder of a handler prebundled at library build time (`lambda/<name>/index.ts` →
 * `assets/lambda/<name>/index.mjs`, an ES module). The same relative path works from `src/` (tests) and from
 * `lib/` (the published package), so consumers never need esbuild or Docker.
 */
export function handlerAssetPath(name: string): string {
  const dir = path.join(__dirname, '..', '..', '..', 'assets', 'lambda', name);
  if (!fs.existsSync(path.join(dir, 'index.mjs'))) {
    throw new Error(
      `cdk-cloud-patterns: the prebundled handler '${name}' is missing at ${dir}. ` +
        "In a checkout, run 'npx projen bundle:lambda' (the build runs it); in an installed package this is a packaging bug.",
    );
  }
  return dir;
}
