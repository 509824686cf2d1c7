import { builtinModules } from 'module';
import * as os from 'os';
import * as path from 'path';
import { build, BuildOptions } from 'esbuild';
import { bundleOptions, handlerNames } from '../../projenrc/bundle-lambda';

/**
 * The shipped handlers carry their own AWS SDK (issue #21). Powertools' TypeScript layer shipped
 * some SDK clients up to layer 50 and none after #5512, and the Node.js runtime's own SDK moves with
 * the runtime: a handler that loaded `@aws-sdk/*` from outside its bundle would change behaviour
 * with the layer pin or the runtime. esbuild's metafile lists every import left external.
 */
async function externalImports(options: BuildOptions): Promise<string[]> {
  const { metafile } = await build({ ...options, write: false, metafile: true, logLevel: 'silent' });
  const external = new Set<string>();
  for (const output of Object.values(metafile!.outputs)) {
    for (const imp of output.imports) {
      if (imp.external) external.add(imp.path);
    }
  }
  return [...external].sort();
}

/** What a bundle may load from outside itself: Node.js built-ins (`node:fs`, `crypto`, `module` for the createRequire banner). */
function notBuiltIn(paths: string[]): string[] {
  return paths.filter((p) => !p.startsWith('node:') && !builtinModules.includes(p));
}

const outdir = path.join(os.tmpdir(), 'cdk-cloud-patterns-bundle-check');

describe('handler bundles load nothing but Node.js built-ins from outside themselves', () => {
  test.each(handlerNames())('%s imports no @aws-sdk (or any other package) from the layer or the runtime', async (name) => {
    const options = bundleOptions(path.join(__dirname, '..', '..', 'lambda', name, 'index.ts'), path.join(outdir, name));
    expect(notBuiltIn(await externalImports(options))).toEqual([]);
  });

  test('the check sees an SDK left to the runtime (as a layer-reliant bundle would be built)', async () => {
    const options = bundleOptions(path.join(__dirname, '..', '..', 'lambda', 'presign', 'index.ts'), path.join(outdir, 'presign-external'));
    const leaked = notBuiltIn(await externalImports({ ...options, external: ['@aws-sdk/*'] }));
    expect(leaked).toEqual(expect.arrayContaining(['@aws-sdk/client-s3', '@aws-sdk/s3-request-presigner']));
  });
});
