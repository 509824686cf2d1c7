import { compareLayer, exitCode, layerParameters, report } from '../../projenrc/check-layers';
import { PowertoolsLayerVersions } from '../../src';

/** What AWS's public SSM parameters return: a layer version ARN (fake responses, no network). */
const ts = (region: string, version: number) => `arn:aws:lambda:${region}:094274105915:layer:AWSLambdaPowertoolsTypeScriptV2:${version}\n`;
const py = (region: string, name: string, version: number) => `arn:aws:lambda:${region}:017000801446:layer:${name}:${version}`;

describe('npx projen check:layers: the pins against AWS\'s SSM parameters', () => {
  const params = layerParameters(['us-east-1']);
  const [tsParam] = params;

  test('reads the TypeScript parameter and one per Python runtime and architecture', () => {
    expect(params.map((p) => p.name)).toEqual([
      '/aws/service/powertools/typescript/generic/all/latest',
      '/aws/service/powertools/python/x86_64/python3.14/latest',
      '/aws/service/powertools/python/arm64/python3.14/latest',
      '/aws/service/powertools/python/x86_64/python3.13/latest',
      '/aws/service/powertools/python/arm64/python3.13/latest',
      '/aws/service/powertools/python/x86_64/python3.12/latest',
      '/aws/service/powertools/python/arm64/python3.12/latest',
    ]);
    expect(params[2]).toMatchObject({ layerName: 'AWSLambdaPowertoolsPythonV3-python314-arm64', pinned: PowertoolsLayerVersions.PYTHON_V3 });
  });

  test('a region where publishing is paused is compared with its own pin', () => {
    expect(layerParameters(['me-central-1'])[0].pinned).toBe(45);
  });

  test('the pin equals the newest published version: current', () => {
    expect(compareLayer(tsParam, ts('us-east-1', PowertoolsLayerVersions.TYPESCRIPT_V2))).toMatchObject({ status: 'current', latest: 50 });
  });

  test('AWS publishes a newer version: behind, with both numbers', () => {
    const r = compareLayer(tsParam, ts('us-east-1', 53));
    expect([r.status, r.detail]).toEqual(['behind', 'AWSLambdaPowertoolsTypeScriptV2 in us-east-1: pinned 50, AWS publishes 53']);
  });

  test('a pin above the newest published version (a typo, or a region behind): ahead', () => {
    expect(compareLayer(tsParam, ts('us-east-1', 49)).status).toBe('ahead');
  });

  test.each([
    ['another layer', py('us-east-1', 'AWSLambdaPowertoolsPythonV3-python314-arm64', 50)],
    ['another account', 'arn:aws:lambda:us-east-1:111111111111:layer:AWSLambdaPowertoolsTypeScriptV2:50'],
    ['another region', ts('eu-west-1', 50)],
    ['no ARN at all', 'None'],
  ])('a value pointing at %s is reported, never taken as a version', (_case, value) => {
    expect(compareLayer(tsParam, value).status).toBe('unexpected');
  });

  test('exit codes: 0 when all current, 1 when a pin is behind or wrong, 2 when a parameter was unreadable', () => {
    const current = params.map((p) => compareLayer(p, p.layerName.startsWith('AWSLambdaPowertoolsTypeScript')
      ? ts('us-east-1', p.pinned) : py('us-east-1', p.layerName, p.pinned)));
    expect(exitCode(current)).toBe(0);
    const oneBehind = [...current.slice(1), compareLayer(tsParam, ts('us-east-1', 51))];
    expect(exitCode(oneBehind)).toBe(1);
    expect(report(oneBehind)).toContain('Update the pins (and the date and source recorded with them) in src/powertools-function/powertools-layer.ts.');
    expect(exitCode([...oneBehind, compareLayer(tsParam, undefined)])).toBe(2);
  });
});
