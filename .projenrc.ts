import * as fs from 'fs';
import { awscdk, github, javascript, typescript, ReleasableCommits, DependencyType } from 'projen';

/** The oldest aws-cdk-lib the library supports (peer dependency floor, DESIGN.md §1). */
const CDK_FLOOR = '2.236.0';
/**
 * The aws-cdk-lib the library is developed and tested against: the lowest the devDependency range
 * (`^CDK_TESTED`) accepts. package-lock.json decides what is installed, and the weekly upgrade
 * workflow (`npm update aws-cdk-lib`) moves the lock to the newest 2.x the registry serves, so the
 * upgrade pull request runs every test on it (CONTRIBUTING.md "Pinned external versions").
 * test/fresh-app/run.sh also tests the floor and the newest release the registry serves when CI
 * runs (`npm view aws-cdk-lib version`).
 */
const CDK_TESTED = '2.276.0';

/**
 * Test files that check what packaging and the language apps build (dist/, test/apps/out): not part
 * of `npx projen test`; test/apps/run-all.sh runs them after building, and each fails, naming the
 * command, when what it reads is missing.
 */
const ARTEFACT_TESTS = ['/test/languages/packages\\.test\\.ts$', '/test/languages/language-apps\\.test\\.ts$'];

const project = new awscdk.AwsCdkConstructLibrary({
  name: 'cdk-cloud-patterns',
  packageName: 'cdk-cloud-patterns',
  description:
    'Opinionated AWS CDK v2 L3 constructs whose defaults are the AWS cloud patterns checklist: Powertools Lambda, single-table DynamoDB, secure S3, EventBridge with archive and replay, Fargate blue/green, GitHub OIDC deploy roles and account guardrails (Access Analyzer, budgets, cost anomaly detection).',
  author: 'cdk-cloud-patterns',
  authorAddress: 'maintainers@cdk-cloud-patterns.dev',
  repositoryUrl: 'https://github.com/cdk-cloud-patterns/cdk-cloud-patterns.git',
  license: 'Apache-2.0',
  keywords: ['aws-cdk', 'cdk', 'construct', 'powertools', 'dynamodb', 's3', 'lambda', 'eventbridge', 'ecs', 'fargate', 'blue-green', 'oidc', 'github-actions', 'guardrails'],
  defaultReleaseBranch: 'main',
  packageManager: javascript.NodePackageManager.NPM,
  projenrcTs: true,
  projenrcTsOptions: {
    // the dev tsconfig type-checks .projenrc.ts and the build scripts in projenrc/ (no tsconfig of their own)
    runner: typescript.TypeScriptRunner.tsNode({ tsconfig: 'tsconfig.dev.json', typeCheck: true }),
  },

  cdkVersion: CDK_FLOOR,
  constructsVersion: '10.5.1',
  // the devDependency is the tested version below, not a pin of the floor
  peerDependencyOptions: { pinnedDevDependency: false },
  jsiiVersion: '~6.0.0',
  typescriptVersion: '~6.0',
  minNodeVersion: '20.16.0',
  // GitHub workflows on the LTS (issue #15); .ci/run tests Node 20 (the machines') and Node 24
  workflowNodeVersion: '24',

  // jsii writes its own tsconfig.json at compile time (gitignored); the dev config lives at the top
  disableTsconfig: true,
  tsconfigDev: {
    include: ['src/**/*.ts', 'test/**/*.ts', 'lambda/**/*.ts', '.projenrc.ts', 'projenrc/**/*.ts'],
    exclude: ['node_modules', 'test/platform-lib/**', 'cdk.out'],
    compilerOptions: {
      lib: ['es2022', 'dom'],
      target: 'ES2022',
      module: 'commonjs',
      esModuleInterop: true,
      skipLibCheck: true,
      isolatedModules: true,
      rootDir: '.',
      noEmit: true,
      // lambda/ reaches src/ only through the import-free contracts (DESIGN.md §10)
      paths: { '@contracts/*': ['./src/contracts/*'] },
    },
  },
  sampleCode: false,
  releasableCommits: ReleasableCommits.featuresAndFixes(),
  depsUpgradeOptions: { workflowOptions: { schedule: javascript.UpgradeDependenciesSchedule.WEEKLY } },
  githubOptions: { pullRequestLintOptions: { semanticTitle: true } },
  prettier: false,

  publishToPypi: { distName: 'cdk-cloud-patterns', module: 'cdk_cloud_patterns' },
  publishToMaven: {
    javaPackage: 'io.github.cdkcloudpatterns',
    mavenGroupId: 'io.github.cdkcloudpatterns',
    mavenArtifactId: 'cdk-cloud-patterns',
  },
  publishToNuget: { dotNetNamespace: 'CdkCloudPatterns', packageId: 'CdkCloudPatterns' },
  publishToGo: { moduleName: 'github.com/cdk-cloud-patterns/cdk-cloud-patterns-go', packageName: 'cdkcloudpatterns' },

  devDeps: [
    'cdk-nag@^3.0.2',
    'esbuild@^0.28',
    '@types/aws-lambda',
    '@aws-lambda-powertools/logger@^2',
    '@aws-lambda-powertools/tracer@^2',
    '@aws-lambda-powertools/metrics@^2',
    '@aws-sdk/client-dynamodb@^3',
    '@aws-sdk/lib-dynamodb@^3',
    '@aws-sdk/client-s3@^3',
    '@aws-sdk/s3-request-presigner@^3',
    '@aws-sdk/client-eventbridge@^3',
    // lambda/shared/credentials.ts: the handlers' credential provider (the clients depend on both)
    '@aws-sdk/credential-provider-env@^3',
    '@aws-sdk/credential-provider-node@^3',
    '@cloud-copilot/iam-simulate@0.1.173',
    'pbac@0.3.2',
    'fast-check@^4.10.2',
  ],

  jestOptions: {
    // CI never rewrites snapshots; `npx projen test:update` does it on purpose
    updateSnapshot: javascript.UpdateSnapshot.NEVER,
    passWithNoTests: false,
    jestConfig: {
      testPathIgnorePatterns: ['/node_modules/', '/cdk.out/', '/test/platform-lib/', '/test/apps/', ...ARTEFACT_TESTS],
      setupFiles: ['<rootDir>/test/setup/environment.ts'],
      setupFilesAfterEnv: ['<rootDir>/test/setup/serializer.ts', '<rootDir>/test/setup/recommended-flags.ts'],
      moduleNameMapper: { '^@contracts/(.*)$': '<rootDir>/src/contracts/$1' },
      testTimeout: 120_000,
      // the test loop stays quick (issue #15): coverage is `npx projen test:coverage`, not every run
      collectCoverage: false,
      // jest's default is one worker fewer than the cores: 1 on the 2-core machines here
      maxWorkers: '100%',
      // the slowest files first, also with a fresh cache (CI): see the file
      testSequencer: '<rootDir>/test/setup/sequencer.js',
      // the workers' V8 young generation (32 MiB semi-space): see the file
      globalSetup: '<rootDir>/test/setup/global-setup.js',
      // esbuild instead of ts-jest (which stays for files that call jest.mock): see the file
      transform: { '^.+\\.[t]sx?$': new javascript.Transform('<rootDir>/test/setup/esbuild-transform.js') },
      // V8's code cache for the node_modules files each test file compiles again: see the file
      runtime: '<rootDir>/test/setup/runtime.js',
    },
  },
  eslintOptions: { dirs: ['src'], devdirs: ['test', 'lambda'], tsconfigPath: './tsconfig.dev.json', projectService: false, ignorePatterns: ['test/platform-lib/**', 'test/apps/**', 'cdk.out/**', 'assets/**'] },
});

// Develop and test against the newest aws-cdk-lib (DESIGN.md §1) while the peer floor stays at CDK_FLOOR.
project.deps.addDependency(`aws-cdk-lib@^${CDK_TESTED}`, DependencyType.BUILD);
project.deps.addDependency('constructs@10.8.1', DependencyType.BUILD);

// Build scripts live in projenrc/ (as open-constructs keeps them): bundle-lambda.ts, python-env.sh,
// lazy-exports.ts, readme-block.ts, readme-acks.ts, count-lines.ts. tsconfig.dev.json type-checks
// them with .projenrc.ts, so projenrc/ has no tsconfig of its own.
project.tryRemoveFile('projenrc/tsconfig.json');
project.tryRemoveFile('tsconfig.projen.json');

// ---------------------------------------------------------------------------------------------
// Handlers: lambda/<name>/index.ts is bundled by esbuild into assets/lambda/<name>/ before jsii
// compiles; assets/ ships in the npm package (and so in every jsii package), lambda/ does not.
const bundle = project.addTask('bundle:lambda', {
  description: 'Bundle every lambda/<name>/index.ts into assets/lambda/<name>/ (index.mjs and its chunks) with esbuild',
  // transpile-only: `npx projen typecheck` (tsc over lambda/ too) type-checks it in the test task
  exec: 'ts-node --transpile-only --project tsconfig.dev.json projenrc/bundle-lambda.ts',
});
project.preCompileTask.spawn(bundle);
project.gitignore.exclude('/assets/', '/cdk.out/', '/.venv', '/node_modules', '/test/apps/*/cdk.out/', '__pycache__/', '/.jsii.tabl.json');
project.npmignore?.exclude('/lambda/', '/rosetta/', '/.ci/', '/cdk.out/', '/.venv/', '/coverage/');
project.npmignore?.include('/assets/');
// the construct pages (src/<construct>/README.md) ship, linked from the package's README; the rest of
// src/ does not. `/src/` (projen's) would hide the folder itself, and npm then cannot re-include a file in it
project.npmignore?.removePatterns('/src/');
project.npmignore?.exclude('/src/**');
project.npmignore?.include('/src/*/README.md');
// maintainer material (CONTRIBUTING.md and the pages under test/) is linked from the README, not shipped
project.npmignore?.exclude('/CONTRIBUTING.md');
// projenrc/bundle-lambda.ts's record of what it read (it skips bundling when nothing changed): not shipped
project.npmignore?.exclude('/assets/.bundle-inputs.json');

// Python tools (cfn-lint, moto's server, Powertools for Python) live in .venv, made on demand.
const pythonEnv = project.addTask('python-env', {
  description: 'Create .venv with test/requirements.txt (cfn-lint, moto server, aws-lambda-powertools)',
  exec: 'bash projenrc/python-env.sh',
});

// The test task: bundle the handlers, make the venv, compile the jsii assembly when it is missing or
// stale (test/languages/ reads .jsii; on a clean clone the README's `npx projen demo` does not
// compile), type-check src + test + lambda, jest, eslint.
const typecheck = project.addTask('typecheck', {
  description: 'Type-check src/, test/, lambda/ and .projenrc.ts with tsconfig.dev.json',
  exec: 'tsc --noEmit -p tsconfig.dev.json',
});
const testTask = project.testTask;
const testSteps = [...testTask.steps];
testTask.reset();
testTask.spawn(bundle);
testTask.spawn(pythonEnv);
testTask.spawn(project.compileTask, { condition: 'bash projenrc/assembly-stale.sh' });
testTask.spawn(typecheck);
for (const step of testSteps) {
  testTask.addSteps(step);
}

// The second run (issue 9): each construct's defaults test file (test/<folder>/<folder>.test.ts, so
// a new construct joins by its file name) and the reference app (rule packs, cfn-lint, wildcards,
// stateful logical ids) again under the feature flags `cdk init` writes into cdk.json, read from
// aws-cdk-lib/cx-api at test time by test/setup/recommended-flags.ts.
const RECOMMENDED_FLAGS_TESTS = [
  'test/(?!languages/|robustness/)([a-z-]+)/\\1\\.test\\.ts$',
  // constructs whose defaults file is named after the construct, not its folder; and Fargate in an
  // environment-agnostic stack (what `cdk init` writes, with these flags)
  'test/[a-z-]+/(presigned-url-issuer|access-analyzer|cost-anomaly-monitor|github-oidc-role|event-bus-with-archive|fargate-blue-green-service|environment-agnostic)\\.test\\.ts$',
];
const testRecommendedFlags = project.addTask('test:recommended-flags', {
  description: "Run the constructs' defaults tests and the reference app under aws-cdk-lib's CURRENTLY_RECOMMENDED_FLAGS",
  env: { CDK_TEST_FLAGS: 'recommended' },
  exec: `jest --ci --coverage=false --testPathPatterns '${RECOMMENDED_FLAGS_TESTS.join('|')}'`,
});
testTask.spawn(testRecommendedFlags);

// Coverage on demand (the default test run skips it: it doubles the suite's time).
const testCoverage = project.addTask('test:coverage', {
  description: 'Run the jest suite with coverage (coverage/)',
});
testCoverage.spawn(bundle);
testCoverage.spawn(pythonEnv);
testCoverage.exec('jest --ci --coverage');

// The demo: synthesize the reference app into cdk.out and print a per-stack summary.
const demo = project.addTask('demo', {
  description: 'Synthesize the reference app (both stages) into cdk.out and print its summary',
});
demo.spawn(bundle);
demo.spawn(pythonEnv);
demo.exec('ts-node --project tsconfig.dev.json test/reference-app/demo.ts');

// Speed and size, printed as tables (never asserted in tests).
const bench = project.addTask('bench', {
  description: 'Print synthesis time of the reference app, handler bundle sizes, package sizes, handler cold loads against an empty handler, synthesis of each construct against plain aws-cdk-lib, require() time, and the unit suite on a fresh jest cache (BENCH_RUNS, BENCH_QUICK=1, BENCH_SUITE_RUNS)',
  exec: 'ts-node --project tsconfig.dev.json test/benchmarks/bench.ts',
});
bench.exec('ts-node --project tsconfig.dev.json test/benchmarks/handlers.ts');
// the require() rows load the compiled lib/: compile first
bench.spawn(project.tasks.tryFind('compile')!);
bench.exec('ts-node --project tsconfig.dev.json test/benchmarks/synth.ts');
bench.exec('ts-node --project tsconfig.dev.json test/benchmarks/suite.ts');

// The reference app page's table of acknowledged rule-pack findings is rendered from the reference app.
project.addTask('readme:acks', {
  description: 'Rewrite the table of acknowledged cdk-nag findings in test/reference-app/README.md from test/reference-app/stacks',
  exec: 'ts-node --project tsconfig.dev.json projenrc/readme-acks.ts',
});

// The reference app page's "patterns document as one app" block: the construct calls and the line/statement counts.
project.addTask('readme:counts', {
  description: 'Rewrite the patterns-document code and line/statement counts in test/reference-app/README.md (projenrc/count-lines.ts)',
  exec: 'ts-node --project tsconfig.dev.json projenrc/count-lines.ts --write',
});

// .NET: no SDK on these machines. `package-all` generates and keeps the C# source only
// (dist/dotnet-source); `package:dotnet` stays the real NuGet build the release workflow runs on
// GitHub's runners, which have the SDK.
const dotnetSource = project.addTask('package:dotnet-source', {
  description: 'Generate the C# source of the NuGet package (no .NET SDK needed)',
  steps: [
    { exec: 'rm -rf dist/dotnet-source' },
    { exec: 'jsii-pacmak -v --target dotnet --code-only --outdir dist/dotnet-source' },
  ],
});
const packageAll = project.tasks.tryFind('package-all')!;
const packageAllSteps = packageAll.steps.filter((step) => step.spawn !== 'package:dotnet');
packageAll.reset();
packageAllSteps.forEach((step) => packageAll.addSteps(step));
packageAll.spawn(dotnetSource);

// ---------------------------------------------------------------------------------------------
// Pins that age (issue #21): the Powertools layer pins against AWS's public SSM parameters.
project.addTask('check:layers', {
  description: 'Compare the Powertools layer pins with AWS\'s public SSM parameters (needs AWS credentials and the AWS CLI; CHECK_LAYERS_REGIONS=us-east-1,...)',
  exec: 'ts-node --project tsconfig.dev.json projenrc/check-layers.ts',
});
const checkLayers = project.github!.addWorkflow('check-layers');
checkLayers.on({ schedule: [{ cron: '17 6 * * 1' }], workflowDispatch: {} });
checkLayers.addJobs({
  check: {
    name: 'Powertools layer pins against AWS SSM',
    runsOn: ['ubuntu-latest'],
    // runs only where a maintainer configured the read-only role (CONTRIBUTING.md); skipped elsewhere
    if: "${{ vars.POWERTOOLS_CHECK_ROLE_ARN != '' }}",
    permissions: { contents: github.workflows.JobPermission.READ, idToken: github.workflows.JobPermission.WRITE },
    steps: [
      { name: 'Checkout', uses: 'actions/checkout@3d3c42e5aac5ba805825da76410c181273ba90b1' },
      { name: 'Setup Node.js', uses: 'actions/setup-node@v7.0.0', with: { 'node-version': '24' } },
      { name: 'Install dependencies', run: 'npm ci' },
      {
        name: 'AWS credentials (OIDC)',
        uses: 'aws-actions/configure-aws-credentials@v6.2.3',
        with: { 'role-to-assume': '${{ vars.POWERTOOLS_CHECK_ROLE_ARN }}', 'aws-region': 'us-east-1' },
      },
      { name: 'Compare the pins', run: 'npx projen check:layers' },
    ],
  },
});

// Every example a user reads compiles in strict mode (jsii-rosetta, fixtures in rosetta/): the README,
// the construct pages src/<folder>/README.md (which jsii does not put into .jsii) and the API docs,
// in one extract over a temporary assembly (projenrc/rosetta.ts).
const rosetta = project.addTask('rosetta', {
  description: 'Compile every example of the README, the construct pages and the API docs with jsii-rosetta in strict mode',
  exec: 'ts-node --project tsconfig.dev.json projenrc/rosetta.ts',
});
project.postCompileTask.spawn(rosetta);

// lib/index.js: tsc writes one eager `__exportStar(require('./x'))` per `export *` of src/index.ts,
// so require('cdk-cloud-patterns') loaded every construct and the aws-cdk-lib submodules they use
// (+110 to +260 ms measured by `npx projen bench`). Rewritten into one lazy getter per export, as
// aws-cdk-lib's own index is; the names, values, .d.ts and .jsii stay the same.
project.compileTask.exec('ts-node --project tsconfig.dev.json projenrc/lazy-exports.ts lib/index.js');

// Boundaries (DESIGN.md §10), enforced by lint (test/core/lint-boundaries.test.ts proves each rule
// fires): core/ imports no construct folder; a construct folder reaches another construct only
// through that construct's public index.ts (never a file of it, never its private/); handlers import
// nothing from src/ but the import-free contracts, and only through `@contracts/*`; contracts import
// nothing; src/ never imports handler code. The construct folders are read from src/ at synth time:
// a new folder is covered by the next `npx projen` (CI fails while .eslintrc.json is stale).
const SHARED_SRC_FOLDERS = ['core', 'contracts'];
const constructFolders = fs.readdirSync('src', { withFileTypes: true })
  .filter((entry) => entry.isDirectory() && !SHARED_SRC_FOLDERS.includes(entry.name))
  .map((entry) => entry.name)
  .sort();
project.eslint?.addRules({
  'import/no-restricted-paths': ['error', {
    zones: [
      {
        target: './src/core',
        from: constructFolders.map((folder) => `./src/${folder}`),
        message: 'src/core/ is what every construct shares: it imports no construct folder (DESIGN.md §10)',
      },
      ...constructFolders.map((folder) => ({
        target: `./src/${folder}`,
        from: constructFolders.filter((other) => other !== folder).map((other) => `./src/${other}`),
        except: ['./index.ts'],
        message: "a construct reaches another construct only through its public index (import from '../<construct>'), never a file or private/ of it",
      })),
      {
        target: './lambda',
        from: './src',
        except: ['./contracts'],
        message: 'lambda/ imports nothing from src/ but the import-free contracts, through @contracts/*',
      },
    ],
  }],
});
project.eslint?.addOverride({
  files: ['lambda/**/*.ts'],
  rules: {
    'no-restricted-imports': ['error', {
      patterns: [{ group: ['**/src/**', '**/src'], message: 'lambda/ imports nothing from src/: share values through @contracts/* (import-free)' }],
    }],
  },
});
project.eslint?.addOverride({
  files: ['src/**/*.ts'],
  rules: {
    'no-restricted-imports': ['error', {
      patterns: [{ group: ['**/lambda/**'], message: 'src/ loads handlers only as prebundled assets (PatternHandlers), never as code' }],
    }],
  },
});
project.eslint?.addOverride({
  files: ['src/core/**/*.ts'],
  rules: {
    'no-restricted-imports': ['error', {
      patterns: [
        { group: ['**/lambda/**'], message: 'src/ loads handlers only as prebundled assets (PatternHandlers), never as code' },
        {
          group: ['aws-cdk-lib/aws-accessanalyzer', 'aws-cdk-lib/aws-ce', 'aws-cdk-lib/aws-budgets'],
          message: 'account-level constructs live in src/account-guardrails/, not in core/ (core holds what several constructs share)',
        },
      ],
    }],
  },
});
project.eslint?.addOverride({
  files: ['src/contracts/**/*.ts'],
  rules: {
    'no-restricted-imports': ['error', { patterns: [{ group: ['*', '.*', '@*'], message: 'contracts are import-free: they are bundled into Lambda handlers' }] }],
  },
});

project.synth();
