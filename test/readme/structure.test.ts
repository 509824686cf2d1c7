/**
 * The README is for users (issue 22): at most 500 lines, the construct sections in its first third,
 * one short section per construct linking its full page beside the code (src/<folder>/README.md),
 * and the pages ship in the npm package while the maintainer pages do not.
 */
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';

const ROOT = path.join(__dirname, '..', '..');
const readme = fs.readFileSync(path.join(ROOT, 'README.md'), 'utf-8');
const lines = readme.split('\n');

/** Each construct and the folder of its page. */
const PAGES: Record<string, string> = {
  PowertoolsFunction: 'powertools-function',
  SingleTable: 'single-table',
  SecureBucket: 'secure-bucket',
  EventBusWithArchive: 'event-bus',
  FargateBlueGreenService: 'fargate-service',
  GitHubOidcRole: 'github-oidc',
  AccountGuardrails: 'account-guardrails',
};

/** The README's `### <name>` section, up to the next heading of level 2 or 3. */
function section(name: string): string {
  const start = lines.indexOf(`### ${name}`);
  expect({ name, found: start >= 0 }).toEqual({ name, found: true });
  const end = lines.findIndex((l, i) => i > start && /^#{2,3} /.test(l));
  return lines.slice(start, end < 0 ? undefined : end).join('\n');
}

test('the README has at most 500 lines', () => {
  // a file ending in a newline splits into one more, empty, element
  expect(readme.endsWith('\n') ? lines.length - 1 : lines.length).toBeLessThanOrEqual(500);
});

test('the first construct section starts in the README\'s first third, after install and quick start', () => {
  const first = Math.min(...Object.keys(PAGES).map((name) => lines.indexOf(`### ${name}`)));
  expect(first).toBeGreaterThan(lines.indexOf('## Quick start'));
  expect(lines.indexOf('## Quick start')).toBeGreaterThan(lines.indexOf('## Install'));
  expect(lines.indexOf('## Install')).toBeGreaterThan(0);
  expect(first + 1).toBeLessThanOrEqual(lines.length / 3);
});

test('the quick start builds a `cdk init` app and installs the packed tarball', () => {
  const quickStart = readme.slice(readme.indexOf('\n## Quick start\n'), readme.indexOf('\n## ', readme.indexOf('\n## Quick start\n') + 1));
  expect(quickStart).toContain('npx aws-cdk@2 init app --language typescript');
  expect(quickStart).toMatch(/npm install <clone>\/dist\/js\/cdk-cloud-patterns@[^ ]+\.tgz/);
  expect(quickStart).toMatch(/```ts[^\n]*\nimport /);
});

test('the README says plainly that the packages are not published yet', () => {
  const install = readme.slice(readme.indexOf('\n## Install\n'), readme.indexOf('\n## Quick start\n'));
  expect(install).toMatch(/\*\*Not yet published\*\*: the packages are not on npm, PyPI, Maven Central, NuGet or the Go module\s+proxy/);
});

describe.each(Object.entries(PAGES))('%s', (name, folder) => {
  const page = path.join(ROOT, 'src', folder, 'README.md');

  test('has a short README section with a call and a link to its page', () => {
    const text = section(name);
    expect(text).toContain(`](src/${folder}/README.md)`);
    expect(text).toMatch(new RegExp(`new patterns\\.${name}\\(this, `));
    expect(text.split('\n').length).toBeLessThanOrEqual(40);
  });

  test('has its full page beside the code, titled with its name', () => {
    expect(fs.existsSync(page)).toBe(true);
    expect(fs.readFileSync(page, 'utf-8').split('\n')[0]).toBe(`# ${name}`);
  });
});

test('the npm package ships the construct pages, and neither CONTRIBUTING.md nor the pages under test/', () => {
  const out = execFileSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], { cwd: ROOT, encoding: 'utf-8', stdio: ['ignore', 'pipe', 'ignore'] });
  const files = (JSON.parse(out) as Array<{ files: Array<{ path: string }> }>)[0].files.map((f) => f.path);
  expect(files).toEqual(expect.arrayContaining(['README.md', ...Object.values(PAGES).map((f) => `src/${f}/README.md`)]));
  expect(files.filter((f) => /^(src\/.*\.ts$|test\/|CONTRIBUTING\.md$)/.test(f))).toEqual([]);
});
