import { Annotations } from 'aws-cdk-lib';
import { IConstruct } from 'constructs';

/** What a validation error says: which prop, what came in, what is allowed. */
export interface ValidationProblem {
  /** The prop (or context key, or method argument) at fault, e.g. `timeout`. */
  readonly prop: string;
  /** The value received; rendered with `describeValue`. */
  readonly received: unknown;
  /** What would be accepted, e.g. `at most 15 minutes`. */
  readonly allowed: string;
  /** An optional hint on how to fix it. */
  readonly hint?: string;
}

/**
 * Thrown at construction for misuse. The message names the construct path, the prop, the value
 * received and what is allowed:
 *
 *   `[App/Stack/Orders] timeout: received 16 minutes; allowed: at most 15 minutes`
 *
 * aws-cdk-lib's own `ValidationError` is internal, so the library keeps this small helper private.
 */
export class ConstructValidationError extends Error {
  constructor(scope: IConstruct, problem: ValidationProblem) {
    const hint = problem.hint ? `. ${problem.hint}` : '';
    super(
      `[${scope.node.path}] ${problem.prop}: received ${describeValue(problem.received)}; allowed: ${problem.allowed}${hint}`,
    );
    this.name = 'ConstructValidationError';
    Object.setPrototypeOf(this, ConstructValidationError.prototype);
  }
}

/** Renders a received value for an error message: strings quoted, objects as JSON. */
export function describeValue(value: unknown): string {
  if (value === undefined) {
    return 'undefined';
  }
  if (typeof value === 'string') {
    return `'${value}'`;
  }
  if (typeof value === 'object' && value !== null && typeof (value as { toHumanString?: unknown }).toHumanString === 'function') {
    // Duration, Size
    return (value as { toHumanString(): string }).toHumanString();
  }
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return String(value);
  }
}

/** The prefix of every warning id the library emits, so users can acknowledge them. */
export const WARNING_PREFIX = 'cdk-cloud-patterns';

/**
 * The one warning-id convention: `<Construct>.<problem>`, e.g. `PowertoolsFunction.tracingDisabled`,
 * `SecureBucket.unversioned`, `PowertoolsFunction.logRetentionIgnored` (a prop that has no effect).
 * The full id users acknowledge is `cdk-cloud-patterns:<Construct>.<problem>`.
 */
export const WARNING_ID = /^[A-Z][A-Za-z0-9]+\.[a-z][A-Za-z0-9]+$/;

/**
 * Adds an acknowledgeable warning: `Annotations.addWarningV2('cdk-cloud-patterns:<Construct>.<problem>', message)`.
 * Users silence it with `Annotations.of(scope).acknowledgeWarning('cdk-cloud-patterns:<Construct>.<problem>')`.
 */
export function addWarning(scope: IConstruct, id: string, message: string): void {
  if (!WARNING_ID.test(id)) {
    // a library bug, not a user error: every id follows the convention listed in the README
    throw new Error(`warning id '${id}' does not follow '<Construct>.<problem>'`);
  }
  Annotations.of(scope).addWarningV2(`${WARNING_PREFIX}:${id}`, message);
}
