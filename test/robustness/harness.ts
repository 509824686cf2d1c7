/**
 * Property-based robustness (issue 16): random props, legal and illegal, for one construct at a
 * time. Every case must end in exactly one of
 *   1. a template that passes the reference app's checks: no unlisted IAM wildcard, the stage's
 *      removal policies and deletion protection, no `null`/`undefined` in it, aws-cdk-lib's own
 *      template validation and cfn-lint with no error (both batched over all templates);
 *   2. the library's own error, naming the construct path and the prop.
 * Anything else (a TypeError, an aws-cdk-lib error the library should have caught first, a template
 * CloudFormation would reject) is a failure, reported with the seed and the case.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { App, CfnOutput, CfnParameter, CloudFormationValidatePlugin, Fn, Stack, Token } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import * as fc from 'fast-check';
import { DeploymentStage } from '../../src';
import { ConstructValidationError } from '../../src/core/private/errors';
import { findWildcards, startCfnLint, STATEFUL_TYPES } from '../reference-app/analysis';

/** The construct id every model builds its subject under. */
export const SUBJECT = 'Subject';

/** One generated case: the stage, the stack kind and the props. */
export interface Case<P> {
  readonly stage: DeploymentStage;
  readonly envAgnostic: boolean;
  readonly props: P;
}

/** A construct's props model. */
export interface ConstructModel<P> {
  readonly name: string;
  /** Props, legal and illegal. */
  readonly props: fc.Arbitrary<P>;
  /** Builds the construct with id `SUBJECT` into `stack`. */
  build(stack: Stack, props: P, stage: DeploymentStage): void;
  /** Whether the props choose the removal policy (then the stage's default is not checked). */
  overridesRemoval?(props: P): boolean;
}

/** How a case ended. */
export type Outcome = 'template' | 'library-error';

export interface Failure {
  readonly case: string;
  readonly problem: string;
}

export interface ModelReport {
  readonly model: string;
  readonly seed: number;
  readonly cases: number;
  readonly templates: number;
  readonly libraryErrors: number;
  readonly failures: Failure[];
}

/** A library error: `[<path with Subject>] <prop>: received …; allowed: …`. */
const LIBRARY_ERROR = new RegExp(`^\\[[^\\]]*\\b${SUBJECT}\\b[^\\]]*\\] [^:]+: received .*; allowed: .+`, 's');
/** The same, as one of the lines of aws-cdk-lib's "Validation failed" (the library's lazy `addValidation` checks). */
const LIBRARY_VALIDATION_LINE = new RegExp(`^\\s*\\[[^\\]]*\\b${SUBJECT}\\b[^\\]]*\\] [^:]+: received .*; allowed: .+`, 'm');

/** Whether an error is the library's own: thrown at construction, or from its lazy validation at synth. */
export function isLibraryError(err: Error): boolean {
  if (err instanceof ConstructValidationError) {
    return LIBRARY_ERROR.test(err.message);
  }
  return err.name === 'ValidationFailedWithErrors' || /^Validation failed/.test(err.message)
    ? err.message.split('\n').slice(1).filter((l) => l.trim()).every((l) => LIBRARY_VALIDATION_LINE.test(l))
    : false;
}

function describeCase<P>(c: Case<P>): string {
  return fc.stringify(c);
}

/** Problems of one template that the reference app's checks would report. */
export function templateProblems(stackName: string, template: any, stage: DeploymentStage, checkRemoval: boolean): string[] {
  const problems: string[] = [];
  const text = JSON.stringify(template);
  if (/:null[,}\]]|"undefined"|\$\{Token\[/.test(text)) {
    problems.push('a null, an "undefined" or an unresolved token in the template');
  }
  for (const w of findWildcards(stackName, template)) {
    problems.push(`IAM wildcard ${JSON.stringify(w)}`);
  }
  if (checkRemoval) {
    for (const [id, resource] of Object.entries<any>(template.Resources ?? {})) {
      if (!STATEFUL_TYPES.includes(resource.Type)) continue;
      const policy = resource.DeletionPolicy ?? 'Delete';
      if (stage === DeploymentStage.PROD && policy !== 'Retain') {
        problems.push(`${id} (${resource.Type}) is not retained in PROD (DeletionPolicy ${policy})`);
      }
      if (stage === DeploymentStage.DEV && policy === 'Retain') {
        problems.push(`${id} (${resource.Type}) is retained in DEV`);
      }
      if (resource.Type === 'AWS::DynamoDB::Table') {
        const protectedTable = resource.Properties?.DeletionProtectionEnabled === true;
        if (protectedTable !== (stage === DeploymentStage.PROD)) {
          problems.push(`${id}: deletion protection ${protectedTable} in ${stage}`);
        }
      }
    }
  }
  return problems;
}

/**
 * Validator warnings that are not the library's to fix, each with its reason. Everything else the
 * validators report is a failure.
 */
export const ALLOWED_VALIDATION_WARNINGS: Array<{ rule: string; reason: string }> = [
  { rule: 'W2531', reason: 'a deprecated Lambda runtime the user chose on purpose (the default is the newest, nodejs24.x)' },
  { rule: 'W1030', reason: 'the default value of the harness\'s own NumParam parameter, which the tokens refer to' },
];

/** One validation engine for every model of a run (starting it takes seconds). */
let validator: CloudFormationValidatePlugin | undefined;

/** The cases of one model, synthesized; their templates wait in `dir` for `checkTemplates`. */
export interface GeneratedModel {
  readonly report: ModelReport;
  /** The template files written, each with its case's label. */
  readonly written: ReadonlyArray<{ file: string; label: string }>;
  readonly dir: string;
}

/** Synthesizes `runs` cases of `model` from `seed` and checks each template on its own (not yet the validators). */
export function generateModel<P>(model: ConstructModel<P>, runs: number, seed: number): GeneratedModel {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `robustness-${model.name}-`));
  const failures: Failure[] = [];
  const written: Array<{ file: string; label: string }> = [];
  let templates = 0;
  let libraryErrors = 0;
  const arbitrary = fc.record({
    stage: fc.constantFrom(DeploymentStage.PROD, DeploymentStage.DEV),
    envAgnostic: fc.boolean(),
    props: model.props,
  });
  const samples = fc.sample(arbitrary, { numRuns: runs, seed });
  samples.forEach((c, i) => {
    const label = `${model.name} case ${i} (seed ${seed}): ${describeCase(c)}`;
    const name = `R${i}`;
    let template: any;
    try {
      const app = new App();
      const stack = new Stack(app, name, c.envAgnostic ? {} : { env: { account: '123456789012', region: 'eu-west-1' } });
      // what the models' tokens refer to: `Token.asString({ Ref: 'Param' })`, `Token.asNumber({ Ref: 'NumParam' })`
      const param = new CfnParameter(stack, 'Param', { type: 'String', default: 'value' });
      const numParam = new CfnParameter(stack, 'NumParam', { type: 'Number', default: 10 });
      new CfnOutput(stack, 'Params', { value: Fn.join(',', [param.valueAsString, Token.asString(numParam.valueAsNumber)]) });
      model.build(stack, c.props, c.stage);
      template = Template.fromStack(stack).toJSON();
    } catch (e) {
      const err = e as Error;
      if (isLibraryError(err)) {
        libraryErrors++;
        return;
      }
      failures.push({ case: label, problem: `${err.name}: ${err.message.split('\n')[0]}` });
      return;
    }
    templates++;
    const checkRemoval = !(model.overridesRemoval?.(c.props) ?? false);
    for (const problem of templateProblems(name, template, c.stage, checkRemoval)) {
      failures.push({ case: label, problem });
    }
    const file = path.join(dir, `${name}.template.json`);
    fs.writeFileSync(file, JSON.stringify(template));
    written.push({ file, label });
  });
  return { report: { model: model.name, seed, cases: samples.length, templates, libraryErrors, failures }, written, dir };
}

/**
 * aws-cdk-lib's own template validation (the engine `cdk synth` runs) and cfn-lint over the
 * templates of every model given, in one batch each (each engine's start-up is paid once, not once
 * per model); each failure is added to the report of the model whose case it is. cfn-lint (Python)
 * runs in its own process while this one runs the validator. Removes the templates.
 */
export async function checkTemplates(models: GeneratedModel[]): Promise<void> {
  const owner = new Map<string, { label: string; failures: Failure[] }>();
  for (const m of models) {
    for (const w of m.written) {
      owner.set(path.resolve(w.file), { label: w.label, failures: m.report.failures as Failure[] });
    }
  }
  const add = (file: string, problem: string) => {
    const o = owner.get(path.resolve(file));
    if (!o) {
      // a finding on a file no model wrote: never dropped
      (models[0].report.failures as Failure[]).push({ case: file, problem });
      return;
    }
    o.failures.push({ case: o.label, problem });
  };
  const files = models.flatMap((m) => m.written.map((w) => w.file));
  try {
    if (files.length > 0) {
      const linting = startCfnLint(files);
      validator ??= new CloudFormationValidatePlugin();
      const report = validator.validate({
        templatePaths: files,
        stackTemplates: files.map((file) => ({ stackPath: file, templatePath: file })),
      } as unknown as Parameters<CloudFormationValidatePlugin['validate']>[0]);
      for (const v of report.violations) {
        if (v.severity !== 'error' && ALLOWED_VALIDATION_WARNINGS.some((a) => a.rule === v.ruleName)) continue;
        for (const r of v.violatingResources) {
          add(String(r.templatePath), `aws-cdk-lib validation ${v.ruleName} (${v.severity}) at ${r.resourceLogicalId}: ${v.description}`);
        }
      }
      for (const finding of (await linting).filter((f) => f.level === 'Error')) {
        add(finding.file, `cfn-lint ${finding.rule}: ${finding.message}`);
      }
    }
  } finally {
    for (const m of models) {
      fs.rmSync(m.dir, { recursive: true, force: true });
    }
  }
}

/** The number of cases per model: PROPERTY_RUNS (CI: 1000), else a bounded number for the unit suite. */
export const RUNS = Number(process.env.PROPERTY_RUNS ?? 15);
/** The seed: PROPERTY_SEED to reproduce a reported failure, else a fixed one. */
export const SEED = Number(process.env.PROPERTY_SEED ?? 20261201);

/** Token-valued alternatives a prop may take where tokens are allowed. */
export { fc };
