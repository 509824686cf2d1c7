import * as fs from 'fs';
import * as path from 'path';
import { ROOT, readmeImports, sourceLines } from './packages';

/** The jsii targets of package.json that name each language's package. */
interface JsiiTargets {
  readonly python: { module: string };
  readonly java: { package: string };
  readonly dotnet: { namespace: string };
  readonly go: { moduleName: string; packageName: string };
}

/** The import lines of the README's install section are the ones the language apps use. */
describe("the README's install section", () => {
  const imports = readmeImports(fs.readFileSync(path.join(ROOT, 'README.md'), 'utf-8'));
  const apps = path.join(ROOT, 'test', 'apps');

  test('shows an import line for TypeScript, Python, Java, C# and Go', () => {
    expect([...imports.keys()]).toEqual(['TypeScript / JavaScript', 'Python', 'Java', 'C# / .NET', 'Go']);
  });

  test('Python: the Python app uses its import line verbatim', () => {
    expect(sourceLines(path.join(apps, 'python'), ['.py'])).toContain(imports.get('Python'));
  });

  test('Java: the Java app uses its import line verbatim', () => {
    expect(sourceLines(path.join(apps, 'java'), ['.java'])).toContain(imports.get('Java'));
  });

  test('Go: the Go app imports the path of its import line', () => {
    const importPath = /^import (".*")$/.exec(imports.get('Go') ?? '')?.[1];
    expect(importPath).toBe('"github.com/cdk-cloud-patterns/cdk-cloud-patterns-go/cdkcloudpatterns"');
    expect(sourceLines(path.join(apps, 'go'), ['.go'])).toContain(importPath);
  });

  test('every import line names the package the jsii targets publish', () => {
    const targets = (JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf-8')) as { jsii: { targets: JsiiTargets } }).jsii.targets;
    expect(imports.get('Python')).toMatch(new RegExp(`^from ${targets.python.module} import `));
    expect(imports.get('Java')).toMatch(new RegExp(`^import ${targets.java.package.replace(/\./g, '\\.')}\\.`));
    expect(imports.get('C# / .NET')).toBe(`using ${targets.dotnet.namespace};`);
    expect(imports.get('Go')).toBe(`import "${targets.go.moduleName}/${targets.go.packageName}"`);
  });
});

/** The install-from-a-clone lines of the README (`<clone>` for the path of the clone). */
function cloneLines(readme: string): Map<string, string> {
  const section = readme.split(/^### /m).find((s) => s.startsWith('From a clone')) ?? '';
  const lines = new Map<string, string>();
  for (const row of section.split('\n').filter((l) => l.startsWith('| '))) {
    const [, language, what] = row.split('|').map((c) => c.trim());
    const code = /`([^`]*<clone>[^`]*)`/.exec(what)?.[1];
    if (code) {
      lines.set(language.split(' ')[0], code);
    }
  }
  return lines;
}

describe("the README's install-from-a-clone lines are the ones the language apps use", () => {
  const lines = cloneLines(fs.readFileSync(path.join(ROOT, 'README.md'), 'utf-8'));
  const apps = path.join(ROOT, 'test', 'apps');
  const read = (...p: string[]) => fs.readFileSync(path.join(apps, ...p), 'utf-8');

  test('there is one for Python, Java, Go and TypeScript', () => {
    expect([...lines.keys()]).toEqual(['Python', 'Java', 'Go', 'TypeScript']);
  });

  test('Python: run-all.sh installs the wheel from the same path ("$root" is the clone)', () => {
    const wheel = lines.get('Python')!.replace(/^pip install /, '');
    expect(read('run-all.sh')).toContain(wheel.replace('<clone>', '"$root"'));
  });

  test('Java: the pom\'s repository has the same file:// URL (the clone is three folders up)', () => {
    expect(read('java', 'pom.xml')).toContain(lines.get('Java')!.replace('<clone>', '${project.basedir}/../../..'));
  });

  test('Go: go.mod has the same replace directive (the clone is three folders up)', () => {
    expect(read('go', 'go.mod').split('\n')).toContain(lines.get('Go')!.replace('<clone>', '../../..'));
  });

  test('TypeScript: the fresh-app check installs the tarball from the same folder', () => {
    const folder = path.dirname(lines.get('TypeScript')!.replace(/^npm install <clone>\//, ''));
    expect(fs.readFileSync(path.join(ROOT, 'test', 'fresh-app', 'run.sh'), 'utf-8')).toContain(`ls ${folder}/cdk-cloud-patterns@*.tgz`);
  });
});

/** Each construct and the folder of its page, src/<folder>/README.md. */
const PAGES: Record<string, string> = {
  PowertoolsFunction: 'powertools-function',
  SecureBucket: 'secure-bucket',
  SingleTable: 'single-table',
  EventBusWithArchive: 'event-bus',
  GitHubOidcRole: 'github-oidc',
  AccountGuardrails: 'account-guardrails',
  FargateBlueGreenService: 'fargate-service',
};

/** The ```<lang> blocks of a page's `## <heading>` section (up to the next `## `). */
function sectionBlocks(folder: string, heading: string, lang: string): string[] {
  const page = fs.readFileSync(path.join(ROOT, 'src', folder, 'README.md'), 'utf-8');
  const start = page.indexOf(`\n## ${heading}\n`);
  if (start < 0) return [];
  const next = page.indexOf('\n## ', start + 1);
  const section = page.slice(start, next < 0 ? undefined : next);
  return [...section.matchAll(new RegExp('```' + lang + '\\n([\\s\\S]*?)```', 'g'))].map((m) => m[1]);
}

/** Every file below `dir` ending in `extension`, its lines trimmed and blank lines dropped. */
function appSources(dir: string, extension: string): string[] {
  return sourceFiles(dir, extension).map((f) => trimmed(fs.readFileSync(f, 'utf-8')).join('\n'));
}

function sourceFiles(dir: string, extension: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return ['.venv', 'target', 'cdk.out', '__pycache__'].includes(e.name) ? [] : sourceFiles(p, extension);
    return e.name.endsWith(extension) ? [p] : [];
  });
}

function trimmed(text: string): string[] {
  return text.split('\n').map((l) => l.trim()).filter((l) => l !== '');
}

/**
 * The construct pages' Python and Java examples (`## From Python`, `## From Java`) are excerpts of
 * the language apps, which CI runs and compares with the TypeScript templates.
 */
describe.each([
  { language: 'Python', lang: 'python', app: 'python', extension: '.py', separator: /^# …$/m, call: (name: string) => [`${name}(`] },
  { language: 'Java', lang: 'java', app: 'java', extension: '.java', separator: /^\/\/ …$/m, call: (name: string) => [`${name}.Builder.create(`, `new ${name}(`] },
])("the construct pages' $language examples", ({ language, lang, app, extension, separator, call }) => {
  const sources = appSources(path.join(ROOT, 'test', 'apps', app), extension);

  test.each(Object.entries(PAGES))(`%s's page has one ${language} example of its construct`, (name, folder) => {
    const own = sectionBlocks(folder, `From ${language}`, lang).filter((b) => call(name).some((c) => b.includes(c)));
    expect({ name, examples: own.length }).toEqual({ name, examples: 1 });
  });

  test(`every excerpt is in one of the ${language} app's files, line for line`, () => {
    const blocks = Object.values(PAGES).flatMap((folder) => sectionBlocks(folder, `From ${language}`, lang));
    const excerpts = blocks.flatMap((b) => b.split(separator)).map((e) => trimmed(e).join('\n'));
    expect(sources.length).toBeGreaterThan(0);
    expect(excerpts.length).toBeGreaterThanOrEqual(7);
    for (const excerpt of excerpts) {
      expect({ excerpt, found: sources.some((src) => src.includes(excerpt)) }).toEqual({ excerpt, found: true });
    }
  });
});
