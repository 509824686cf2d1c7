import * as fs from 'fs';
import * as path from 'path';
import { App, Stack, Validations } from 'aws-cdk-lib';
import { CloudAssembly } from 'aws-cdk-lib/cx-api';
import { Acknowledgement, ReferenceStackSpec } from './stack-spec';
import { REFERENCE_STACKS } from './stacks';
import { DeploymentStage, PatternTags, RequiredTagsCheck } from '../../src';

/** The account and region every reference stack is pinned to (nothing is deployed). */
export const REFERENCE_ENV = { account: '123456789012', region: 'us-east-1' };

/** The stages the reference app builds, in order. */
export const REFERENCE_STAGES: DeploymentStage[] = [DeploymentStage.PROD, DeploymentStage.DEV];

/** Name of the stack of `spec` for `stage`. */
export function referenceStackName(spec: ReferenceStackSpec, stage: DeploymentStage): string {
  return `CloudPatterns-${spec.name}-${stage === DeploymentStage.PROD ? 'Prod' : 'Dev'}`;
}

export interface ReferenceAppOptions {
  /** Where to synthesize; default: a temporary directory chosen by the App. */
  readonly outdir?: string;
  /** Build only the stacks of these specs (by `ReferenceStackSpec.name`); default: all of them. */
  readonly only?: string[];
}

/**
 * The reference app: every construct with its defaults, one stack per construct and stage, each
 * tagged with Env/Team/Service and checked by RequiredTagsCheck. Acknowledged findings are applied
 * at the narrowest construct.
 */
export function buildReferenceApp(options: ReferenceAppOptions = {}): { app: App; stacks: Stack[] } {
  const app = new App({ outdir: options.outdir });
  const stacks: Stack[] = [];
  for (const stage of REFERENCE_STAGES) {
    for (const spec of REFERENCE_STACKS.filter((s) => !options.only || options.only.includes(s.name))) {
      const stack = new Stack(app, referenceStackName(spec, stage), { env: REFERENCE_ENV });
      spec.build(stack, stage);
      PatternTags.apply(stack, { team: 'platform', service: `reference-${spec.name.toLowerCase()}`, stage });
      applyAcknowledgements(stack, spec);
      stacks.push(stack);
    }
  }
  RequiredTagsCheck.addTo(app, { failOnMissing: true });
  return { app, stacks };
}

/** Acknowledgements of `spec` that matched a construct in `stack` (the rest are stale there). */
export function applyAcknowledgements(stack: Stack, spec: ReferenceStackSpec): Acknowledgement[] {
  const applied: Acknowledgement[] = [];
  for (const ack of spec.acknowledgements) {
    const target = stack.node.findAll().find((c) => c.node.path === `${stack.node.path}/${ack.path}`);
    if (target) {
      Validations.of(target).acknowledge({ id: ack.id, reason: ack.reason });
      applied.push(ack);
    }
  }
  return applied;
}

/** A synthesized reference app: stacks, their templates by stack name, and the template files. */
export interface SynthesizedReferenceApp {
  readonly app: App;
  readonly stacks: Stack[];
  readonly outdir: string;
  /** The synthesized assembly: read messages from it, not with `Annotations.fromStack` (which synthesizes the whole app again). */
  readonly assembly: CloudAssembly;
  readonly templates: Record<string, any>;
  readonly templateFiles: string[];
}

/** Builds and synthesizes the reference app into `outdir`. */
export function synthReferenceApp(outdir: string): SynthesizedReferenceApp {
  fs.rmSync(outdir, { recursive: true, force: true });
  const { app, stacks } = buildReferenceApp({ outdir });
  const assembly = app.synth();
  const templates: Record<string, any> = {};
  const templateFiles: string[] = [];
  for (const stack of stacks) {
    const artifact = assembly.getStackByName(stack.stackName);
    templates[stack.stackName] = artifact.template;
    templateFiles.push(path.join(outdir, artifact.templateFile));
  }
  return { app, stacks, outdir, assembly, templates, templateFiles };
}
