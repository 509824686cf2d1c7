import * as fs from 'fs';
import * as path from 'path';
import {
  ROOT, handlerAssets, jsiiTypeNames, listTarball, listTarballInZip, listZip, onlyFile, readZipMember,
} from './packages';

/**
 * What `npx projen package-all` writes to dist/: the npm tarball, the wheel, the jar in a local
 * Maven repository, the Go module and the C# source, each with every exported type and with the
 * prebundled handlers (assets/lambda/...) inside the embedded npm tarball. `bash test/apps/run-all.sh`
 * runs this file after packaging; it is not part of `npx projen test` (the default jest run ignores
 * it), and it fails, naming the command, when dist/ or .jsii is missing.
 */
const DIST = path.join(ROOT, 'dist');
const missing = [...['js', 'java', 'python', 'go', 'dotnet-source'].map((t) => path.join(DIST, t)), path.join(ROOT, '.jsii')]
  .filter((p) => !fs.existsSync(p));
if (missing.length > 0) {
  throw new Error(`the jsii packages are missing (${missing.join(', ')}): run npx projen compile && npx projen package-all`);
}

describe('the jsii packages in dist/', () => {
  const types = jsiiTypeNames(path.join(ROOT, '.jsii'));
  const version = (JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf-8')) as { version: string }).version;
  const handlers = handlerAssets();
  const javaDir = path.join(DIST, 'java', 'io', 'github', 'cdkcloudpatterns', 'cdk-cloud-patterns');
  const goDir = path.join(DIST, 'go', 'cdkcloudpatterns');
  const dotnetDir = path.join(DIST, 'dotnet-source', 'dotnet', 'CdkCloudPatterns');

  test('the library exports types to package', () => {
    expect(types).toEqual(expect.arrayContaining(['DeploymentStage', 'PatternTags', 'RequiredTagsCheck']));
  });

  test('npm: the tarball has the assembly and every prebundled handler', () => {
    const files = listTarball(onlyFile(path.join(DIST, 'js'), /^cdk-cloud-patterns@.*\.jsii\.tgz$/));
    expect(files).toEqual(expect.arrayContaining(['package/.jsii', 'package/lib/index.js', ...handlers.map((h) => `package/${h}`)]));
  });

  test('npm: the tarball has the construct pages (src/<construct>/README.md) and no sources or maintainer pages', () => {
    const files = listTarball(onlyFile(path.join(DIST, 'js'), /^cdk-cloud-patterns@.*\.jsii\.tgz$/));
    const pages = fs.readdirSync(path.join(ROOT, 'src')).filter((d) => fs.existsSync(path.join(ROOT, 'src', d, 'README.md')));
    expect(pages.length).toBeGreaterThanOrEqual(7);
    expect(files).toEqual(expect.arrayContaining(['package/README.md', ...pages.map((d) => `package/src/${d}/README.md`)]));
    expect(files.filter((f) => /^package\/(src\/.*\.ts|test\/|CONTRIBUTING\.md)/.test(f))).toEqual([]);
  });

  test('python: the wheel has a class per type and embeds the handlers', () => {
    const wheel = onlyFile(path.join(DIST, 'python'), /^cdk_cloud_patterns-.*\.whl$/);
    const entries = listZip(wheel);
    const embedded = entries.find((e) => /^cdk_cloud_patterns\/_jsii\/.*\.jsii\.tgz$/.test(e));
    expect(embedded).toBeDefined();
    expect(listTarballInZip(wheel, embedded!)).toEqual(expect.arrayContaining(handlers.map((h) => `package/${h}`)));
    const init = readZipMember(wheel, 'cdk_cloud_patterns/__init__.py');
    for (const type of types) {
      expect(init).toMatch(new RegExp(`^class ${type}\\b`, 'm'));
    }
  });

  test('java: the local Maven repository has the jar, with a class per type and the handlers', () => {
    const jar = path.join(javaDir, version, `cdk-cloud-patterns-${version}.jar`);
    expect(fs.existsSync(jar)).toBe(true);
    expect(fs.existsSync(path.join(javaDir, 'maven-metadata.xml'))).toBe(true);
    const entries = listZip(jar);
    for (const type of types) {
      expect(entries).toContain(`io/github/cdkcloudpatterns/${type}.class`);
    }
    const embedded = entries.find((e) => e.endsWith('.jsii.tgz'))!;
    expect(listTarballInZip(jar, embedded)).toEqual(expect.arrayContaining(handlers.map((h) => `package/${h}`)));
  });

  test('go: the module has the README import path, a file per type and the handlers', () => {
    expect(fs.readFileSync(path.join(goDir, 'go.mod'), 'utf-8'))
      .toMatch(/^module github\.com\/cdk-cloud-patterns\/cdk-cloud-patterns-go\/cdkcloudpatterns$/m);
    for (const type of types) {
      expect(fs.existsSync(path.join(goDir, `${type}.go`))).toBe(true);
    }
    const tgz = onlyFile(path.join(goDir, 'jsii'), /\.tgz$/);
    expect(listTarball(tgz)).toEqual(expect.arrayContaining(handlers.map((h) => `package/${h}`)));
  });

  test('dotnet: the C# source (code only) declares every type in namespace CdkCloudPatterns, with the handlers', () => {
    expect(fs.existsSync(path.join(dotnetDir, 'CdkCloudPatterns.csproj'))).toBe(true);
    for (const type of types) {
      const source = fs.readFileSync(path.join(dotnetDir, 'CdkCloudPatterns', `${type}.cs`), 'utf-8');
      expect(source).toMatch(/^namespace CdkCloudPatterns\b/m);
    }
    const tgz = onlyFile(dotnetDir, /\.tgz$/);
    expect(listTarball(tgz)).toEqual(expect.arrayContaining(handlers.map((h) => `package/${h}`)));
  });
});
