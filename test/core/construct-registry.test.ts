/**
 * Adding a construct (issue 22): every exported construct is in the registry
 * (test/core/construct-registry.ts), and appears in every place that applies to it; a failure names
 * each place it is missing from. CONTRIBUTING.md's "Adding a construct" list is the registry's.
 */
import * as fs from 'fs';
import * as path from 'path';
import { missingPlaces, PLACES, REGISTRY, ROOT } from './construct-registry';
import { exportedClasses } from '../util/exported-api';

const constructs = exportedClasses().filter((c) => c.isConstruct);

test('every exported construct is in the registry, and every registered one is exported', () => {
  expect(constructs.map((c) => c.name).sort()).toEqual(Object.keys(REGISTRY).sort());
});

test('the seven main constructs', () => {
  expect(Object.entries(REGISTRY).filter(([, e]) => e.kind === 'main').map(([name]) => name).sort()).toEqual([
    'AccountGuardrails', 'EventBusWithArchive', 'FargateBlueGreenService', 'GitHubOidcRole', 'PowertoolsFunction', 'SecureBucket', 'SingleTable',
  ]);
});

test('a main construct skips no place but handlers, and every skip says why', () => {
  for (const [name, entry] of Object.entries(REGISTRY)) {
    const skipped = Object.entries(entry.skip ?? {});
    for (const [place, reason] of skipped) {
      expect([name, place, PLACES.includes(place as typeof PLACES[number]), (reason ?? '').length > 0]).toEqual([name, place, true, true]);
    }
    if (entry.kind === 'main') {
      expect([name, skipped.map(([place]) => place).filter((p) => p !== 'handlers')]).toEqual([name, []]);
    }
  }
});

describe.each(constructs.map((c) => [c.name, c.file] as const))('%s', (name, file) => {
  test('appears in every place that applies to it', () => {
    const entry = REGISTRY[name];
    expect(entry).toBeDefined();
    expect(missingPlaces(name, entry, file)).toEqual([]);
  });
});

test('a construct in no place is reported missing from each, by name', () => {
  expect(missingPlaces('UnlistedThing', { kind: 'main', folder: 'unlisted-thing', stack: 'UnlistedThing' }, 'src/unlisted-thing/unlisted-thing.ts')).toEqual([
    "source: src/index.ts has no export * from './unlisted-thing'",
    'tests: no test under test/unlisted-thing/ builds new UnlistedThing(…)',
    'referenceStack: no stack in test/reference-app/stacks/ (imported by its index.ts) builds new UnlistedThing(…)',
    'languageApps: test/apps/python builds no UnlistedThing(…)',
    'languageApps: test/apps/java uses no UnlistedThing',
    'languageApps: test/apps/go calls no NewUnlistedThing(…)',
    'plainTwin: test/benchmarks/plain/ has no export function plainUnlistedThing(…)',
    'statefulIds: test/reference-app/stateful-logical-ids.json has no CloudPatterns-UnlistedThing-Dev',
    'statefulIds: test/reference-app/stateful-logical-ids.json has no CloudPatterns-UnlistedThing-Prod',
    'readme: README.md has no section ### UnlistedThing',
    'readme: no page src/unlisted-thing/README.md',
    'handlers: the registry lists no handler (or says why not in `skip`)',
    "freshApp: test/fresh-app/app.js has no CONSTRUCTS entry exporting 'UnlistedThing'",
  ]);
});

test("CONTRIBUTING.md's \"Adding a construct\" lists exactly the registry's places, in its order", () => {
  const contributing = fs.readFileSync(path.join(ROOT, 'CONTRIBUTING.md'), 'utf-8');
  const start = contributing.indexOf('\n## Adding a construct\n');
  expect(start).toBeGreaterThan(-1);
  const end = contributing.indexOf('\n## ', start + 1);
  const section = contributing.slice(start, end < 0 ? undefined : end);
  expect([...section.matchAll(/^\d+\. `(\w+)`/gm)].map((m) => m[1])).toEqual([...PLACES]);
});
