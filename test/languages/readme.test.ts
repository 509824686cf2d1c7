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
