/**
 * Every exported construct and the places it must appear (CONTRIBUTING.md, "Adding a construct").
 * test/core/construct-registry.test.ts fails when an exported construct is missing here, and names
 * each place a registered construct is missing from. A place that does not apply to a construct is
 * listed in `skip` with the reason.
 */
import * as fs from 'fs';
import * as path from 'path';

export const ROOT = path.join(__dirname, '..', '..');

/**
 * The places, in CONTRIBUTING.md's order (the test checks that the section lists exactly these ids,
 * in this order).
 */
export const PLACES = ['source', 'tests', 'referenceStack', 'languageApps', 'plainTwin', 'statefulIds', 'readme', 'handlers', 'freshApp'] as const;
export type Place = typeof PLACES[number];

/** What the registry says about one exported construct. */
export interface RegisteredConstruct {
  /** main: one of the seven patterns; auxiliary: exported beside one; building block: core's shared resources; base: not built directly. */
  readonly kind: 'main' | 'auxiliary' | 'building block' | 'base';
  /** Its folder under src/ (and test/). */
  readonly folder: string;
  /** The reference stack that builds it (ReferenceStackSpec `name`), for the stateful-id check. */
  readonly stack?: string;
  /** The function in test/benchmarks/plain/ that builds the same resources in plain aws-cdk-lib. @default `plain<Name>` */
  readonly plain?: string;
  /** The handler folders under lambda/ it deploys (each with a `PatternHandlers` method). */
  readonly handlers?: string[];
  /** Places that do not apply, each with the reason. A main construct skips no place but `handlers`. */
  readonly skip?: Partial<Record<Place, string>>;
}

const NOT_ON_ITS_OWN = 'built inside the constructs that use it';
/** A core building block: created by the constructs, tested in test/core/, with a plain twin where it has one. */
const BUILDING_BLOCK_SKIPS: Partial<Record<Place, string>> = {
  referenceStack: NOT_ON_ITS_OWN,
  languageApps: NOT_ON_ITS_OWN,
  statefulIds: 'its ids are checked in each construct\'s stack',
  readme: 'a core building block, documented with the constructs that create it',
  handlers: 'no function of its own',
  freshApp: NOT_ON_ITS_OWN,
};
export const REGISTRY: Record<string, RegisteredConstruct> = {
  PowertoolsFunction: { kind: 'main', folder: 'powertools-function', stack: 'PowertoolsFunction', skip: { handlers: 'deploys the code it is given' } },
  SingleTable: { kind: 'main', folder: 'single-table', stack: 'SingleTable', skip: { handlers: 'no function of its own' } },
  SecureBucket: { kind: 'main', folder: 'secure-bucket', stack: 'SecureBucket', skip: { handlers: 'no function of its own' } },
  EventBusWithArchive: { kind: 'main', folder: 'event-bus', stack: 'EventBus', plain: 'plainEventBus', skip: { handlers: 'no function of its own' } },
  FargateBlueGreenService: { kind: 'main', folder: 'fargate-service', stack: 'FargateService', plain: 'plainFargateService', skip: { handlers: 'no function of its own' } },
  GitHubOidcRole: { kind: 'main', folder: 'github-oidc', stack: 'GitHubOidc', skip: { handlers: 'no function of its own' } },
  AccountGuardrails: { kind: 'main', folder: 'account-guardrails', stack: 'AccountGuardrails', skip: { handlers: 'no function of its own' } },
  PresignedUrlIssuer: {
    kind: 'auxiliary',
    folder: 'secure-bucket',
    stack: 'SecureBucket',
    handlers: ['presign'],
    skip: {
      plainTwin: 'a PowertoolsFunction with the presign handler: the PowertoolsFunction twin measures it',
      readme: "documented in SecureBucket's section and page",
    },
  },
  CostAnomalyMonitor: {
    kind: 'auxiliary',
    folder: 'account-guardrails',
    skip: {
      plainTwin: 'plainAccountGuardrails builds the same monitor',
      statefulIds: 'no stateful resource',
      readme: "documented in AccountGuardrails' section and page",
      handlers: 'no function of its own',
    },
  },
  AccessAnalyzer: {
    kind: 'auxiliary',
    folder: 'account-guardrails',
    skip: {
      plainTwin: 'plainAccountGuardrails builds the same analyzer',
      statefulIds: 'no stateful resource',
      readme: "documented in AccountGuardrails' section and page",
      handlers: 'no function of its own',
    },
  },
  DeadLetterQueue: {
    kind: 'building block',
    folder: 'core',
    skip: BUILDING_BLOCK_SKIPS,
  },
  StageLogGroup: {
    kind: 'building block',
    folder: 'core',
    skip: { ...BUILDING_BLOCK_SKIPS, plainTwin: 'one aws-cdk-lib LogGroup: nothing to compare' },
  },
  AccessLogsBucket: {
    kind: 'building block',
    folder: 'core',
    skip: BUILDING_BLOCK_SKIPS,
  },
  SingleTableBase: {
    kind: 'base',
    folder: 'single-table',
    skip: {
      tests: 'abstract: tested through SingleTable',
      referenceStack: 'abstract',
      languageApps: 'abstract',
      plainTwin: 'abstract',
      statefulIds: 'abstract',
      readme: 'abstract',
      handlers: 'abstract',
      freshApp: 'abstract',
    },
  },
};

function read(file: string): string {
  return fs.readFileSync(path.join(ROOT, file), 'utf-8');
}

function filesUnder(dir: string, pattern: RegExp): string[] {
  const full = path.join(ROOT, dir);
  if (!fs.existsSync(full)) return [];
  return fs.readdirSync(full, { withFileTypes: true }).flatMap((entry) => {
    const rel = path.posix.join(dir, entry.name);
    if (entry.isDirectory()) return filesUnder(rel, pattern);
    return pattern.test(entry.name) ? [rel] : [];
  });
}

function anyFileMatches(files: string[], pattern: RegExp): boolean {
  return files.some((f) => pattern.test(read(f)));
}

/** camelCase of a handler folder name: `orders-api` → `ordersApi`. */
function camel(name: string): string {
  return name.replace(/-([a-z])/g, (_, c: string) => c.toUpperCase());
}

/**
 * What is missing for `name`: one line per place that applies and fails, naming the place and what
 * was looked for. `declaredIn` is the file that declares the class (relative to the root).
 */
export function missingPlaces(name: string, entry: RegisteredConstruct, declaredIn: string): string[] {
  const missing: string[] = [];
  const applies = (place: Place) => !entry.skip?.[place];
  const folder = entry.folder;

  if (applies('source')) {
    if (!declaredIn.startsWith(`src/${folder}/`)) missing.push(`source: declared in ${declaredIn}, not under src/${folder}/`);
    if (!new RegExp(`^export \\* from '\\./${folder}';$`, 'm').test(read('src/index.ts'))) missing.push(`source: src/index.ts has no export * from './${folder}'`);
  }
  if (applies('tests') && !anyFileMatches(filesUnder(`test/${folder}`, /\.test\.ts$/), new RegExp(`new (\\w+\\.)?${name}\\(`))) {
    missing.push(`tests: no test under test/${folder}/ builds new ${name}(…)`);
  }
  if (applies('referenceStack')) {
    const stacks = filesUnder('test/reference-app/stacks', /\.ts$/).filter((f) => !f.endsWith('/index.ts'));
    const index = read('test/reference-app/stacks/index.ts');
    const building = stacks.filter((f) => new RegExp(`new (\\w+\\.)?${name}\\(`).test(read(f)));
    const listed = building.filter((f) => index.includes(`from './${path.posix.basename(f, '.ts')}'`));
    if (listed.length === 0) missing.push(`referenceStack: no stack in test/reference-app/stacks/ (imported by its index.ts) builds new ${name}(…)`);
  }
  if (applies('languageApps')) {
    if (!anyFileMatches(filesUnder('test/apps/python', /\.py$/).filter((f) => !f.includes('/.venv/')), new RegExp(`\\b${name}\\(`))) missing.push(`languageApps: test/apps/python builds no ${name}(…)`);
    if (!anyFileMatches(filesUnder('test/apps/java/src', /\.java$/), new RegExp(`\\b${name}(\\.Builder)?\\b`))) missing.push(`languageApps: test/apps/java uses no ${name}`);
    if (!anyFileMatches(filesUnder('test/apps/go', /\.go$/), new RegExp(`\\bNew${name}\\(`))) missing.push(`languageApps: test/apps/go calls no New${name}(…)`);
  }
  const plain = entry.plain ?? `plain${name}`;
  if (applies('plainTwin') && !anyFileMatches(filesUnder('test/benchmarks/plain', /\.ts$/), new RegExp(`^export function ${plain}\\(`, 'm'))) {
    missing.push(`plainTwin: test/benchmarks/plain/ has no export function ${plain}(…)`);
  }
  if (applies('statefulIds')) {
    const ids = JSON.parse(read('test/reference-app/stateful-logical-ids.json')) as Record<string, unknown>;
    if (!entry.stack) {
      missing.push('statefulIds: the registry names no reference stack (`stack`) for it');
    } else {
      for (const stage of ['Dev', 'Prod']) {
        if (!ids[`CloudPatterns-${entry.stack}-${stage}`]) missing.push(`statefulIds: test/reference-app/stateful-logical-ids.json has no CloudPatterns-${entry.stack}-${stage}`);
      }
    }
  }
  if (applies('readme')) {
    if (!new RegExp(`^### ${name}\\b`, 'm').test(read('README.md'))) missing.push(`readme: README.md has no section ### ${name}`);
    const page = `src/${folder}/README.md`;
    if (!fs.existsSync(path.join(ROOT, page))) missing.push(`readme: no page ${page}`);
    else if (!read(page).includes(name)) missing.push(`readme: ${page} does not mention ${name}`);
  }
  if (applies('handlers')) {
    const handlers = read('src/core/handlers.ts');
    if (!entry.handlers?.length) missing.push('handlers: the registry lists no handler (or says why not in `skip`)');
    for (const handler of entry.handlers ?? []) {
      if (!fs.existsSync(path.join(ROOT, 'lambda', handler, 'index.ts'))) missing.push(`handlers: no lambda/${handler}/index.ts`);
      if (!new RegExp(`public static ${camel(handler)}\\(`).test(handlers)) missing.push(`handlers: PatternHandlers has no ${camel(handler)}()`);
    }
  }
  if (applies('freshApp') && !new RegExp(`exports: \\[[^\\]]*'${name}'`).test(read('test/fresh-app/app.js'))) {
    missing.push(`freshApp: test/fresh-app/app.js has no CONSTRUCTS entry exporting '${name}'`);
  }
  return missing;
}
