import * as fs from 'fs';
import * as path from 'path';

/**
 * Compares the cloud assemblies that the language apps (test/apps/<lang>) synthesized with the
 * TypeScript reference app's. Only what legitimately names the language is normalised:
 *  - the `AWS::CDK::Metadata` resource (`CDKMetadata`: its analytics string names the jsii runtime)
 *    and the `CDKMetadataAvailable` condition that guards it in region-agnostic stacks;
 *  - `aws:asset:path` resource metadata (the asset staging path) when the CLI asked for it;
 *  - in the asset manifests, the entry for the stack template itself (its hash covers CDKMetadata),
 *    and the manifest's schema `version` (a property of the aws-cdk-lib release that wrote the file:
 *    PyPI and Maven Central do not serve every npm release, see test/apps/versions.env).
 * Logical ids, properties, asset hashes and the set of stacks must match exactly.
 */

/** The languages whose apps are compared, with their output folder under test/apps/out. */
export const LANGUAGES = ['python', 'java', 'go'] as const;
export type Language = (typeof LANGUAGES)[number];

/** Where run-all.sh writes every cloud assembly: out/<typescript|typescript-platform|lang>. */
export const DEFAULT_OUT = path.join(__dirname, '..', 'apps', 'out');

/** Resource types and ids that only name the language (never compared). */
const METADATA_RESOURCE_TYPE = 'AWS::CDK::Metadata';
const METADATA_CONDITION = 'CDKMetadataAvailable';
const ASSET_PATH_METADATA = 'aws:asset:path';

/** One CloudFormation template or asset manifest, parsed. */
export type Json = { [key: string]: unknown };

/** A template with what names the language removed; the input is not modified. */
export function normaliseTemplate(template: Json): Json {
  const copy = JSON.parse(JSON.stringify(template)) as Json;
  const resources = (copy.Resources ?? {}) as Record<string, Json>;
  for (const [id, resource] of Object.entries(resources)) {
    if (resource.Type === METADATA_RESOURCE_TYPE) {
      delete resources[id];
      continue;
    }
    const metadata = resource.Metadata as Json | undefined;
    if (metadata && ASSET_PATH_METADATA in metadata) {
      delete metadata[ASSET_PATH_METADATA];
      if (Object.keys(metadata).length === 0) {
        delete resource.Metadata;
      }
    }
  }
  const conditions = copy.Conditions as Json | undefined;
  if (conditions && METADATA_CONDITION in conditions) {
    delete conditions[METADATA_CONDITION];
    if (Object.keys(conditions).length === 0) {
      delete copy.Conditions;
    }
  }
  return copy;
}

/** An asset manifest without its schema version and the entries of stack templates. */
export function normaliseAssetManifest(manifest: Json): Json {
  const copy = JSON.parse(JSON.stringify(manifest)) as Json;
  delete copy.version;
  const files = (copy.files ?? {}) as Record<string, Json>;
  for (const [hash, entry] of Object.entries(files)) {
    const source = entry.source as Json | undefined;
    if (typeof source?.path === 'string' && source.path.endsWith('.template.json')) {
      delete files[hash];
    }
  }
  return copy;
}

/** One difference between two JSON documents, with the JSON path where it is. */
export interface Difference {
  readonly path: string;
  readonly expected: unknown;
  readonly actual: unknown;
}

/** Every difference between `expected` and `actual`; empty when they are equal. */
export function diffJson(expected: unknown, actual: unknown, at = '$'): Difference[] {
  if (isObject(expected) && isObject(actual)) {
    const keys = new Set([...Object.keys(expected), ...Object.keys(actual)]);
    return [...keys].sort().flatMap((k) => diffJson(expected[k], actual[k], `${at}.${k}`));
  }
  if (Array.isArray(expected) && Array.isArray(actual)) {
    const diffs: Difference[] = [];
    for (let i = 0; i < Math.max(expected.length, actual.length); i++) {
      diffs.push(...diffJson(expected[i], actual[i], `${at}[${i}]`));
    }
    return diffs;
  }
  return JSON.stringify(expected) === JSON.stringify(actual) ? [] : [{ path: at, expected, actual }];
}

function isObject(v: unknown): v is Json {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** The stack templates (`<stack>.template.json`) and asset manifests of a cloud assembly folder. */
export interface Assembly {
  readonly dir: string;
  /** stack name → template */
  readonly templates: Map<string, Json>;
  /** stack name → asset manifest */
  readonly assetManifests: Map<string, Json>;
}

/** Reads the cloud assemblies in `dirs` (merged: a language app may build stacks of several). */
export function readAssembly(...dirs: string[]): Assembly {
  const templates = new Map<string, Json>();
  const assetManifests = new Map<string, Json>();
  for (const dir of dirs) {
    for (const file of fs.readdirSync(dir).sort()) {
      const read = (): Json => JSON.parse(fs.readFileSync(path.join(dir, file), 'utf-8')) as Json;
      if (file.endsWith('.template.json')) {
        templates.set(file.slice(0, -'.template.json'.length), read());
      } else if (file.endsWith('.assets.json')) {
        assetManifests.set(file.slice(0, -'.assets.json'.length), read());
      }
    }
  }
  return { dir: dirs.join(' + '), templates, assetManifests };
}

/** The result of comparing one language's assembly with the TypeScript one. */
export interface Comparison {
  /** Stacks the TypeScript app has and the language app does not. */
  readonly missingStacks: string[];
  /** Stacks the language app has and the TypeScript app does not. */
  readonly extraStacks: string[];
  /** stack name → differences in its normalised template (only stacks with differences). */
  readonly templateDiffs: Map<string, Difference[]>;
  /** stack name → differences in its normalised asset manifest (only stacks with differences). */
  readonly assetDiffs: Map<string, Difference[]>;
  /** Stacks whose template and asset manifest compare equal. */
  readonly equalStacks: string[];
}

/** Compares `actual` (a language app) with `expected` (the TypeScript apps). */
export function compareAssemblies(expected: Assembly, actual: Assembly): Comparison {
  const missingStacks = [...expected.templates.keys()].filter((s) => !actual.templates.has(s)).sort();
  const extraStacks = [...actual.templates.keys()].filter((s) => !expected.templates.has(s)).sort();
  const templateDiffs = new Map<string, Difference[]>();
  const assetDiffs = new Map<string, Difference[]>();
  const equalStacks: string[] = [];
  for (const [stack, template] of [...expected.templates].sort(([a], [b]) => a.localeCompare(b))) {
    const other = actual.templates.get(stack);
    if (!other) {
      continue;
    }
    const t = diffJson(normaliseTemplate(template), normaliseTemplate(other));
    const a = diffJson(
      normaliseAssetManifest(expected.assetManifests.get(stack) ?? {}),
      normaliseAssetManifest(actual.assetManifests.get(stack) ?? {}),
    );
    if (t.length > 0) templateDiffs.set(stack, t);
    if (a.length > 0) assetDiffs.set(stack, a);
    if (t.length === 0 && a.length === 0) equalStacks.push(stack);
  }
  return { missingStacks, extraStacks, templateDiffs, assetDiffs, equalStacks };
}

/** A readable report of a comparison: empty string when everything is equal. */
export function describeComparison(language: string, c: Comparison, maxPerStack = 10): string {
  const lines: string[] = [];
  if (c.missingStacks.length) lines.push(`${language}: stacks missing: ${c.missingStacks.join(', ')}`);
  if (c.extraStacks.length) lines.push(`${language}: stacks not in the TypeScript apps: ${c.extraStacks.join(', ')}`);
  for (const [kind, diffs] of [['template', c.templateDiffs], ['asset manifest', c.assetDiffs]] as const) {
    for (const [stack, list] of diffs) {
      lines.push(`${language}: ${stack} ${kind} differs in ${list.length} place(s):`);
      for (const d of list.slice(0, maxPerStack)) {
        lines.push(`  ${d.path}: typescript ${JSON.stringify(d.expected)} / ${language} ${JSON.stringify(d.actual)}`);
      }
    }
  }
  return lines.join('\n');
}

/** The error annotations (`aws:cdk:error`) recorded in a cloud assembly's manifest, as `path: message`. */
export function assemblyErrors(dir: string): string[] {
  const manifest = JSON.parse(fs.readFileSync(path.join(dir, 'manifest.json'), 'utf-8')) as {
    artifacts?: Record<string, { metadata?: Record<string, { type: string; data?: unknown }[]> }>;
  };
  const errors: string[] = [];
  for (const artifact of Object.values(manifest.artifacts ?? {})) {
    for (const [p, entries] of Object.entries(artifact.metadata ?? {})) {
      for (const e of entries) {
        if (e.type === 'aws:cdk:error') errors.push(`${p}: ${String(e.data)}`);
      }
    }
  }
  return errors;
}

/**
 * The aws-cdk-lib each app runs on (test/apps/cdk-versions.json). The library is tested against
 * 2.276.0 (npm); each language app pins the newest release its registry serves: the Go module proxy
 * serves 2.276.0, PyPI's newest is 2.275.0 and Maven Central's 2.263.0 (all above the peer floor
 * 2.236.0). The pins live in test/apps/python/requirements.txt, test/apps/java/pom.xml and
 * test/apps/go/go.mod. aws-cdk-lib's own assets (e.g. the S3 auto-delete provider's code) change
 * between releases, so each language is compared with the TypeScript apps synthesized on the same
 * release (`typescript@<version>`, see test/apps/run-all.sh).
 */
export const CDK_VERSIONS = JSON.parse(
  fs.readFileSync(path.join(__dirname, '..', 'apps', 'cdk-versions.json'), 'utf-8'),
) as Record<'typescript' | Language, string>;

/** The folder suffix of the TypeScript outputs a language is compared with ('' on the tested release). */
export function typescriptSuffix(language: Language): string {
  return CDK_VERSIONS[language] === CDK_VERSIONS.typescript ? '' : `@${CDK_VERSIONS[language]}`;
}

/** The aws-cdk-lib version that synthesized a cloud assembly (from its tree.json, App node). */
export function cdkVersionOf(dir: string): string | undefined {
  const tree = JSON.parse(fs.readFileSync(path.join(dir, 'tree.json'), 'utf-8')) as {
    tree: { constructInfo?: { fqn: string; version: string } };
  };
  return tree.tree.constructInfo?.version;
}
