/**
 * The checks that judge every construct, run over the whole reference app (both stages):
 * cdk-nag's five packs, cfn-lint, the IAM wildcard check, tags, and logical-id stability.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { CURRENTLY_RECOMMENDED_FLAGS } from 'aws-cdk-lib/cx-api';
import { readmeAcknowledgements, renderAcknowledgements } from './acknowledgements';
import {
  compareStatefulIds,
  findWildcards,
  CfnLintFinding,
  runRulePacks,
  startCfnLint,
  STATEFUL_IDS_FILE,
  statefulIds,
  NagFinding,
} from './analysis';
import { applyAcknowledgements, referenceStackName, REFERENCE_STAGES, synthReferenceApp, SynthesizedReferenceApp } from './app';
import { REFERENCE_STACKS } from './stacks';
import { alarmsWithoutActions } from '../util/alarms';

let ref: SynthesizedReferenceApp;
let findings: Record<string, NagFinding[]>;
let lint: CfnLintFinding[] | Error;

beforeAll(async () => {
  ref = synthReferenceApp(fs.mkdtempSync(path.join(os.tmpdir(), 'reference-app-')));
  // cfn-lint (Python, the longest check) runs in its own process while this one runs the rule packs
  const linting = startCfnLint(ref.templateFiles);
  findings = {};
  for (const stack of ref.stacks) {
    findings[stack.stackName] = runRulePacks(stack);
  }
  // a cfn-lint failure fails the cfn-lint test below, not every test of the file
  lint = await linting.catch((e: Error) => e);
});

afterAll(() => {
  fs.rmSync(ref.outdir, { recursive: true, force: true });
});

test('the app runs under the flags CDK_TEST_FLAGS names: recommended = every flag of the installed aws-cdk-lib', () => {
  const flags = Object.entries(CURRENTLY_RECOMMENDED_FLAGS);
  expect(flags.length).toBeGreaterThan(0);
  const applied = flags.filter(([flag, value]) => JSON.stringify(ref.app.node.tryGetContext(flag)) === JSON.stringify(value));
  expect(applied.length).toBe(process.env.CDK_TEST_FLAGS === 'recommended' ? flags.length : 0);
});

test('builds one stack per construct and stage', () => {
  const expected = REFERENCE_STAGES.flatMap((stage) => REFERENCE_STACKS.map((spec) => referenceStackName(spec, stage)));
  expect(ref.stacks.map((s) => s.stackName)).toEqual(expected);
  expect(new Set(expected).size).toBe(REFERENCE_STACKS.length * 2);
});

test('[CDK-1] every taggable resource of the reference app carries Env, Team and Service', () => {
  // the messages of the one synthesis (Annotations.fromStack would synthesize the whole app again per call)
  for (const stack of ref.stacks) {
    const messages = ref.assembly.getStackArtifact(stack.artifactId).messages;
    const missing = (level: string) => messages.filter((m) => m.level === level && /missing the tag/.test(String(m.entry.data)));
    expect(missing('error')).toEqual([]);
    expect(missing('warning')).toEqual([]);
  }
});

describe('cdk-nag, all five packs', () => {
  test.each(REFERENCE_STAGES.flatMap((stage) => REFERENCE_STACKS.map((spec) => referenceStackName(spec, stage))))(
    '%s has no unacknowledged error',
    (stackName) => {
      const errors = findings[stackName].filter((f) => f.severity === 'error');
      expect(errors.map((f) => `${f.pack} ${f.rule} at ${f.constructPath}: ${f.description}`)).toEqual([]);
    },
  );

  test('every acknowledgement matches a construct in at least one stage (none is stale)', () => {
    for (const spec of REFERENCE_STACKS) {
      const matched = new Set<string>();
      for (const stage of REFERENCE_STAGES) {
        const stack = ref.stacks.find((s) => s.stackName === referenceStackName(spec, stage))!;
        // applying again is idempotent; it tells which acknowledgements found their construct
        for (const ack of applyAcknowledgements(stack, spec)) {
          matched.add(`${ack.path} ${ack.id}`);
        }
      }
      const stale = spec.acknowledgements.filter((a) => !matched.has(`${a.path} ${a.id}`));
      expect(stale).toEqual([]);
    }
  });

  test('every acknowledgement has a reason of at least a sentence', () => {
    for (const spec of REFERENCE_STACKS) {
      for (const ack of spec.acknowledgements) {
        expect(ack.reason.length).toBeGreaterThan(30);
      }
    }
  });

  test('test/reference-app/README.md lists exactly the acknowledged findings (npx projen readme:acks)', () => {
    expect(readmeAcknowledgements()).toEqual(renderAcknowledgements());
  });
});

test('cfn-lint reports no error and no warning on any template', () => {
  // informational findings are printed by the demo (runCfnLint's `informational`), not failed on
  if (lint instanceof Error) throw lint;
  expect(lint.filter((f) => f.level !== 'Informational').map((f) => `${path.basename(f.file)} ${f.level} ${f.rule}: ${f.message}`)).toEqual([]);
});

test('[IAM-1] no IAM policy in the reference app has a wildcard that is not on the allow-list', () => {
  const wildcards = Object.entries(ref.templates).flatMap(([name, template]) => findWildcards(name, template));
  expect(wildcards).toEqual([]);
});

test('every alarm of the reference app, both stages, has AlarmActions (DESIGN.md decision 12; under CDK_TEST_FLAGS=recommended too)', () => {
  const alarms = Object.values(ref.templates).flatMap((t: any) => Object.values<any>(t.Resources ?? {})).filter((r) => r.Type === 'AWS::CloudWatch::Alarm');
  expect(alarms.length).toBeGreaterThanOrEqual(10);
  expect(alarmsWithoutActions(ref.templates)).toEqual([]);
});

test('logical ids of stateful resources are unchanged (a change would replace the resource)', () => {
  const current = statefulIds(ref.templates);
  if (process.env.UPDATE_STATEFUL_IDS === '1') {
    fs.writeFileSync(STATEFUL_IDS_FILE, JSON.stringify(current, null, 2) + '\n');
  }
  const committed = JSON.parse(fs.readFileSync(STATEFUL_IDS_FILE, 'utf-8'));
  expect(compareStatefulIds(committed, current)).toEqual([]);
});
