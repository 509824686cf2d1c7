import { Assembly, compareAssemblies, describeComparison, diffJson, normaliseAssetManifest, normaliseTemplate } from './compare';

/**
 * The comparison of the language apps' templates with the TypeScript reference app's, on made-up
 * assemblies. The real outputs are compared by language-apps.test.ts, which
 * `bash test/apps/run-all.sh` runs after building them.
 */

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
