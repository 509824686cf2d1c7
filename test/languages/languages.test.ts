import * as fs from 'fs';
import * as path from 'path';
import {
  Assembly, CDK_VERSIONS, DEFAULT_OUT, LANGUAGES, assemblyErrors, cdkVersionOf, compareAssemblies, describeComparison,
  diffJson, normaliseAssetManifest, normaliseTemplate, readAssembly, typescriptSuffix,
} from './compare';

/**
 * The language apps (test/apps/{python,java,go}) synthesize the same templates as the TypeScript
 * reference app. Their outputs are built by `bash test/apps/run-all.sh`, which then runs this file
 * with LANGUAGE_APPS=required; in a plain `npx projen test` (no apps built) the comparison is
 * skipped with a message, the normaliser tests below always run.
 */
const OUT = process.env.LANGUAGE_APPS_OUT ?? DEFAULT_OUT;
const REQUIRED = process.env.LANGUAGE_APPS === 'required';

const template = (resources: Record<string, unknown>, extra: Record<string, unknown> = {}) => ({
  Resources: resources,
  ...extra,
});
const metadataResource = (runtime: string) => ({
  Type: 'AWS::CDK::Metadata',
  Properties: { Analytics: `v2:deflate64:${runtime}` },
});

describe('the comparison', () => {
  test('ignores the CDKMetadata resource and its condition, which name the language', () => {
    const ts = template({ Q: { Type: 'AWS::SQS::Queue' }, CDKMetadata: metadataResource('node') },
      { Conditions: { CDKMetadataAvailable: { 'Fn::Or': [] } } });
    const py = template({ Q: { Type: 'AWS::SQS::Queue' }, CDKMetadata: metadataResource('python') });
    expect(diffJson(normaliseTemplate(ts), normaliseTemplate(py))).toEqual([]);
  });

  test('ignores asset staging paths but not the asset hash', () => {
    const fn = (hash: string, stagedAt: string) => ({
      Type: 'AWS::Lambda::Function',
      Properties: { Code: { S3Key: `${hash}.zip` } },
      Metadata: { 'aws:asset:path': stagedAt, 'aws:asset:property': 'Code' },
    });
    expect(diffJson(normaliseTemplate(template({ F: fn('abc', '/tmp/ts/asset.abc') })),
      normaliseTemplate(template({ F: fn('abc', '/tmp/py/asset.abc') })))).toEqual([]);
    expect(diffJson(normaliseTemplate(template({ F: fn('abc', 'asset.abc') })),
      normaliseTemplate(template({ F: fn('abd', 'asset.abd') })))).toEqual([
      { path: '$.Resources.F.Properties.Code.S3Key', expected: 'abc.zip', actual: 'abd.zip' },
    ]);
  });

  test('reports a changed logical id as a missing and an extra resource', () => {
    const diffs = diffJson(normaliseTemplate(template({ QueueA1: { Type: 'AWS::SQS::Queue' } })),
      normaliseTemplate(template({ QueueB2: { Type: 'AWS::SQS::Queue' } })));
    expect(diffs.map((d) => d.path)).toEqual(['$.Resources.QueueA1', '$.Resources.QueueB2']);
  });

  test('reports a changed property with its path and both values', () => {
    const q = (retention: number) => ({ Q: { Type: 'AWS::SQS::Queue', Properties: { MessageRetentionPeriod: retention } } });
    expect(diffJson(normaliseTemplate(template(q(345600))), normaliseTemplate(template(q(1209600))))).toEqual([
      { path: '$.Resources.Q.Properties.MessageRetentionPeriod', expected: 345600, actual: 1209600 },
    ]);
  });

  test('ignores the schema version and the template entries of an asset manifest, not handler assets', () => {
    const manifest = (templateHash: string, handlerHash: string, version = '55.0.0') => ({
      version,
      files: {
        [templateHash]: { source: { path: 'S.template.json', packaging: 'file' }, destinations: {} },
        [handlerHash]: { source: { path: `asset.${handlerHash}`, packaging: 'zip' }, destinations: {} },
      },
    });
    expect(diffJson(normaliseAssetManifest(manifest('t1', 'h1')), normaliseAssetManifest(manifest('t2', 'h1', '54.0.0')))).toEqual([]);
    expect(diffJson(normaliseAssetManifest(manifest('t1', 'h1')), normaliseAssetManifest(manifest('t1', 'h2'))).map((d) => d.path))
      .toEqual(['$.files.h1', '$.files.h2']);
  });

  test('reports stacks missing from, or added by, a language app', () => {
    const assembly = (...stacks: string[]): Assembly => ({
      dir: 'x',
      templates: new Map(stacks.map((s) => [s, template({})])),
      assetManifests: new Map(),
    });
    const c = compareAssemblies(assembly('A', 'B'), assembly('B', 'C'));
    expect(c.missingStacks).toEqual(['A']);
    expect(c.extraStacks).toEqual(['C']);
    expect(c.equalStacks).toEqual(['B']);
    expect(describeComparison('go', c)).toBe('go: stacks missing: A\ngo: stacks not in the TypeScript apps: C');
  });
});

const reference = path.join(OUT, 'typescript');
const platform = path.join(OUT, 'typescript-platform');
const built = fs.existsSync(reference) && LANGUAGES.every((l) => fs.existsSync(path.join(OUT, l)));
if (!built && !REQUIRED) {
  // eslint-disable-next-line no-console
  console.log(`language apps not built in ${OUT}: the template comparison is skipped (run bash test/apps/run-all.sh)`);
}
const describeApps = built || REQUIRED ? describe : describe.skip;

describeApps('language apps synthesize the TypeScript templates', () => {
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
