/**
 * Jest transformer (issue #15): TypeScript to CommonJS with esbuild, which is already a dev
 * dependency (projenrc/bundle-lambda.ts). ts-jest took ~10 s of CPU on a fresh cache to load TypeScript and
 * transpile src/ and test/ (it already skipped type-checking: tsconfig.dev.json has isolatedModules);
 * esbuild does the same in well under a second. Type errors are `npx projen typecheck`'s (tsc) and
 * eslint's, both in `npx projen test`.
 *
 * A file that calls `jest.mock(` still goes through ts-jest, whose hoisting moves the mocks above
 * the imports (esbuild does not hoist them).
 */
const crypto = require('crypto');
const fs = require('fs');
const path = require('path');
const esbuild = require('esbuild');

const TSCONFIG = path.join(__dirname, '..', '..', 'tsconfig.dev.json');
// tsconfig.dev.json starts with projen's `//` comment line
const tsconfigText = fs.readFileSync(TSCONFIG, 'utf-8');
const compilerOptions = JSON.parse(tsconfigText.replace(/^\s*\/\/.*$/gm, '')).compilerOptions;
const SELF = fs.readFileSync(__filename, 'utf-8');

const JEST_MOCK = /\bjest\.mock\(/;
let tsJest;
function tsJestTransformer() {
  tsJest ??= require('ts-jest').default.createTransformer({ tsconfig: TSCONFIG });
  return tsJest;
}

module.exports = {
  canInstrument: false,
  getCacheKey(sourceText, sourcePath, options) {
    if (JEST_MOCK.test(sourceText)) {
      return 'ts-jest:' + tsJestTransformer().getCacheKey(sourceText, sourcePath, options);
    }
    return crypto
      .createHash('sha256')
      .update(SELF).update('\0')
      .update(esbuild.version).update('\0')
      .update(tsconfigText).update('\0')
      .update(options.configString).update('\0')
      .update(sourcePath).update('\0')
      .update(sourceText)
      .digest('hex');
  },
  process(sourceText, sourcePath, options) {
    if (JEST_MOCK.test(sourceText)) {
      return tsJestTransformer().process(sourceText, sourcePath, options);
    }
    const { code, map } = esbuild.transformSync(sourceText, {
      loader: sourcePath.endsWith('x') ? 'tsx' : 'ts',
      format: 'cjs',
      target: 'node20',
      platform: 'node',
      // `await import()` becomes require() as tsc's CommonJS output does (jest's vm has no import callback)
      supported: { 'dynamic-import': false },
      sourcemap: 'external',
      sourcesContent: true,
      sourcefile: sourcePath,
      // the options of tsconfig.dev.json esbuild reads: target (class fields), alwaysStrict, decorators
      tsconfigRaw: { compilerOptions },
    });
    return { code, map };
  },
};
