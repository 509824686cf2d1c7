/**
 * The boundaries of DESIGN.md §10 are lint rules (.projenrc.ts → .eslintrc.json): this proves each
 * rule fires on a deliberate violation and stays quiet on the allowed import. Each fixture is linted
 * as if it were a file at that path, with the project's own configuration for that path (overrides
 * included), restricted to the two boundary rules: the type-aware rules of the full configuration
 * need a file on disk inside tsconfig.dev.json, which a fixture is not. `npx projen eslint` (in the
 * test task) runs the full configuration over the real sources.
 */
import * as fs from 'fs';
import * as path from 'path';
import { Linter, loadESLint } from 'eslint';
import type { LegacyESLint } from 'eslint/use-at-your-own-risk';

const ROOT = path.join(__dirname, '..', '..');
const BOUNDARY_RULES = ['import/no-restricted-paths', 'no-restricted-imports'];
const SHARED_SRC_FOLDERS = ['core', 'contracts'];

const constructFolders = fs.readdirSync(path.join(ROOT, 'src'), { withFileTypes: true })
  .filter((entry) => entry.isDirectory() && !SHARED_SRC_FOLDERS.includes(entry.name))
  .map((entry) => entry.name)
  .sort();

/** A file of `folder` other than its index (a private/ file when it has one): what no other construct may import. */
function internalFile(folder: string): string {
  const dir = path.join(ROOT, 'src', folder);
  const privateDir = path.join(dir, 'private');
  if (fs.existsSync(privateDir)) {
    const file = fs.readdirSync(privateDir).filter((f) => f.endsWith('.ts')).sort()[0];
    if (file) return `private/${file.replace(/\.ts$/, '')}`;
  }
  return fs.readdirSync(dir).filter((f) => f.endsWith('.ts') && f !== 'index.ts').sort()[0].replace(/\.ts$/, '');
}

type Finding = { ruleId: string | null; message: string };

let projectEslint: LegacyESLint;
beforeAll(async () => {
  const LegacyESLint = await loadESLint({ useFlatConfig: false });
  projectEslint = new LegacyESLint({ cwd: ROOT });
});

/** Lints `code` as the file `file` (relative to the root) with the project's boundary rules for that path. */
async function lint(file: string, code: string): Promise<Finding[]> {
  const config = await projectEslint.calculateConfigForFile(file) as Linter.LegacyConfig;
  const rules = Object.fromEntries(Object.entries(config.rules ?? {}).filter(([id]) => BOUNDARY_RULES.includes(id)));
  expect(Object.keys(rules)).toContain('import/no-restricted-paths');
  const LegacyESLint = await loadESLint({ useFlatConfig: false });
  const eslint = new LegacyESLint({
    cwd: ROOT,
    useEslintrc: false,
    overrideConfig: {
      root: true,
      parser: config.parser,
      parserOptions: { ecmaVersion: 2022, sourceType: 'module' },
      plugins: ['import'],
      settings: config.settings,
      rules,
    } as Linter.LegacyConfig,
  });
  const [result] = await eslint.lintText(code, { filePath: path.join(ROOT, file) });
  return result.messages.map((m) => ({ ruleId: m.ruleId, message: m.message }));
}

/** A module that imports each specifier and uses it. */
function importOf(...specifiers: string[]): string {
  return specifiers.map((s, i) => `import * as m${i} from '${s}';\nexport const e${i} = m${i};\n`).join('');
}

describe('src/core/ imports no construct folder', () => {
  test.each(constructFolders)('core importing %s (its index) is a lint error', async (folder) => {
    expect(await lint('src/core/lint-fixture.ts', importOf(`../${folder}`))).toEqual([{
      ruleId: 'import/no-restricted-paths',
      message: `Unexpected path "../${folder}" imported in restricted zone. src/core/ is what every construct shares: it imports no construct folder (DESIGN.md §10)`,
    }]);
  });

  test('core importing core and aws-cdk-lib is clean', async () => {
    expect(await lint('src/core/lint-fixture.ts', importOf('./private/errors', 'aws-cdk-lib'))).toEqual([]);
  });
});

describe('a construct reaches another construct only through its public index', () => {
  const message = "a construct reaches another construct only through its public index (import from '../<construct>'), never a file or private/ of it";
  test.each(constructFolders)('%s importing the next construct\'s internal file is a lint error', async (folder) => {
    const other = constructFolders[(constructFolders.indexOf(folder) + 1) % constructFolders.length];
    const specifier = `../${other}/${internalFile(other)}`;
    expect(await lint(`src/${folder}/lint-fixture.ts`, importOf(specifier))).toEqual([{
      ruleId: 'import/no-restricted-paths',
      message: `Unexpected path "${specifier}" imported in restricted zone. ${message}`,
    }]);
  });

  test('through the public index is allowed (PresignedUrlIssuer → PowertoolsFunction)', async () => {
    expect(await lint('src/secure-bucket/lint-fixture.ts', importOf('../powertools-function'))).toEqual([]);
  });

  test('its own private/ and core are allowed', async () => {
    expect(await lint('src/secure-bucket/lint-fixture.ts', importOf('./private/rules', '../core'))).toEqual([]);
  });
});

describe('lambda/ imports nothing from src/ but the contracts, through @contracts/*', () => {
  test('a construct is a lint error under both rules', async () => {
    expect(await lint('lambda/shared/lint-fixture.ts', importOf('../../src/secure-bucket'))).toEqual([
      {
        ruleId: 'no-restricted-imports',
        message: "'../../src/secure-bucket' import is restricted from being used by a pattern. lambda/ imports nothing from src/: share values through @contracts/* (import-free)",
      },
      {
        ruleId: 'import/no-restricted-paths',
        message: 'Unexpected path "../../src/secure-bucket" imported in restricted zone. lambda/ imports nothing from src/ but the import-free contracts, through @contracts/*',
      },
    ]);
  });

  test('the contracts by a relative path are a lint error', async () => {
    expect(await lint('lambda/shared/lint-fixture.ts', importOf('../../src/contracts/presign'))).toEqual([{
      ruleId: 'no-restricted-imports',
      message: "'../../src/contracts/presign' import is restricted from being used by a pattern. lambda/ imports nothing from src/: share values through @contracts/* (import-free)",
    }]);
  });

  test('the contracts through @contracts/* are allowed', async () => {
    expect(await lint('lambda/shared/lint-fixture.ts', importOf('@contracts/presign'))).toEqual([]);
  });
});

test('src/ never imports handler code', async () => {
  expect(await lint('src/secure-bucket/lint-fixture.ts', importOf('../../lambda/shared/powertools'))).toEqual([{
    ruleId: 'no-restricted-imports',
    message: "'../../lambda/shared/powertools' import is restricted from being used by a pattern. src/ loads handlers only as prebundled assets (PatternHandlers), never as code",
  }]);
});
