/**
 * The library's one-place-per-decision rules (DESIGN.md §7, §9, §10), checked over the sources so
 * that a new construct cannot quietly break them.
 */
import * as fs from 'fs';
import * as path from 'path';

const root = path.resolve(__dirname, '../..');
const readme = fs.readFileSync(path.join(root, 'README.md'), 'utf8');

function files(dir: string): string[] {
  return fs.readdirSync(path.join(root, dir), { withFileTypes: true }).flatMap((d) => {
    const rel = path.join(dir, d.name);
    if (d.isDirectory()) return files(rel);
    return d.name.endsWith('.ts') ? [rel] : [];
  });
}
const src = files('src').map((f) => ({ file: f, text: fs.readFileSync(path.join(root, f), 'utf8') }));

function section(name: string): string {
  const start = readme.indexOf(`<!-- ${name}:start -->`);
  const end = readme.indexOf(`<!-- ${name}:end -->`);
  expect(start).toBeGreaterThan(-1);
  return readme.slice(start, end);
}

describe('warning ids', () => {
  // addWarning(scope, 'Construct.problem', ...) or a template such as `PowertoolsFunction.${prop}Ignored`
  const used = src.flatMap(({ text }) => [...text.matchAll(/addWarning\(\s*[\w.]+,\s*[`'"]([^`'"]+)[`'"]/g)].map((m) => m[1]));
  const listed = [...section('warnings').matchAll(/^\| `([^`]+)` \|/gm)].map((m) => m[1]);

  test('every id follows <Construct>.<problem>', () => {
    expect(used.length).toBeGreaterThan(5);
    for (const id of listed) {
      expect(id).toMatch(/^[A-Z][A-Za-z0-9]+\.[a-z][A-Za-z0-9]+$/);
    }
  });

  test('every warning the sources emit is listed in the README, and every listed one is emitted', () => {
    const patterns = used.map((id) => new RegExp(`^${id.replace(/\./g, '\\.').replace(/\$\{\w+\}/g, '[a-z][A-Za-z0-9]*')}$`));
    for (const pattern of patterns) {
      expect({ pattern: pattern.source, listed: listed.some((id) => pattern.test(id)) }).toEqual({ pattern: pattern.source, listed: true });
    }
    for (const id of listed) {
      expect({ id, emitted: patterns.some((p) => p.test(id)) }).toEqual({ id, emitted: true });
    }
  });
});

test('every finding a construct acknowledges itself is listed in the README with its rule', () => {
  const inherent = section('inherent');
  const ids = src.flatMap(({ text }) => [...text.matchAll(/acknowledgeInherent\([\s\S]*?\);/g)]
    .flatMap((m) => [...m[0].matchAll(/id: '([^'[]+)/g)].map((i) => i[1])));
  // ids computed for a wildcard resource (`AwsSolutions-IAM5[Resource::<Bucket.Arn>/uploads/*]`)
  const computed = src.filter(({ file }) => !file.endsWith('rule-packs.ts'))
    .flatMap(({ text }) => [...text.matchAll(/wildcardResourceFindingId\(/g)].map(() => 'AwsSolutions-IAM5[Resource::'));
  expect(computed.length).toBeGreaterThanOrEqual(1);
  ids.push(...computed);
  expect(ids.length).toBeGreaterThanOrEqual(5);
  for (const id of ids) {
    expect({ id, listed: inherent.includes(id) }).toEqual({ id, listed: true });
  }
});

test('Token.isUnresolved and Duration.isUnresolved() appear only in the validation helper', () => {
  const offenders = src
    .filter(({ file }) => file !== path.join('src', 'core', 'private', 'validation.ts'))
    .filter(({ text }) => /Token\.isUnresolved|\.isUnresolved\(\)/.test(text))
    .map(({ file }) => file);
  expect(offenders).toEqual([]);
});

test('the stage-to-removal-policy decision is written once, in StagePolicy', () => {
  const decision = /(isProd|dev|isDev)\s*\?\s*RemovalPolicy\.|RemovalPolicy\.(RETAIN|DESTROY)\s*:\s*RemovalPolicy\./;
  const offenders = src.filter(({ text }) => decision.test(text)).map(({ file }) => file);
  expect(offenders).toEqual([path.join('src', 'core', 'stage-policy.ts')]);
});

test('handlers import nothing from src/ but the import-free contracts, and contracts import nothing', () => {
  const lambda = files('lambda').map((f) => ({ file: f, text: fs.readFileSync(path.join(root, f), 'utf8') }));
  expect(lambda.filter(({ text }) => /from '(\.\.\/)+src(\/|')/.test(text)).map(({ file }) => file)).toEqual([]);
  const contracts = src.filter(({ file }) => file.startsWith(path.join('src', 'contracts')));
  expect(contracts.length).toBeGreaterThan(0);
  expect(contracts.filter(({ text }) => /^\s*(import|export .* from)\b/m.test(text)).map(({ file }) => file)).toEqual([]);
});
