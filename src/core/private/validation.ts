import { Duration, Token } from 'aws-cdk-lib';
import { IConstruct } from 'constructs';
import { ConstructValidationError } from './errors';

/**
 * True when the value is (or contains) an unresolved token: validation must skip it.
 *
 * The one token test of the library (DESIGN.md §7, §10): strings, numbers, lists and `Duration`s.
 */
export function isUnresolved(value: unknown): boolean {
  if (value === undefined || value === null) {
    return false;
  }
  if (value instanceof Duration) {
    return value.isUnresolved();
  }
  return Token.isUnresolved(value);
}

/**
 * True when `value` or anything inside it (an entry of a list, a key or value of an object) is an
 * unresolved token.
 */
export function containsUnresolved(value: unknown): boolean {
  if (isUnresolved(value)) {
    return true;
  }
  if (Array.isArray(value)) {
    return value.some(containsUnresolved);
  }
  if (typeof value === 'object' && value !== null) {
    return Object.entries(value).some(([key, entry]) => isUnresolved(key) || containsUnresolved(entry));
  }
  return false;
}

/**
 * The scope errors name before `super()` has run: `[<scope path>/<id>]`, the path the construct
 * will have. Use it in a static `plan()` that validates props before the L2's constructor.
 */
export function pendingScope(scope: IConstruct, id: string): IConstruct {
  const path = scope.node.path ? `${scope.node.path}/${id}` : id;
  return { node: { path } } as unknown as IConstruct;
}

/** Options of a range check. */
export interface RangeCheck {
  /** The prop named in the error. */
  readonly prop: string;
  /** The smallest value allowed (inclusive). */
  readonly min?: number;
  /** The largest value allowed (inclusive). */
  readonly max?: number;
  /** Whether only whole numbers are allowed. @default true */
  readonly integer?: boolean;
  /** Overrides the generated "allowed" text. */
  readonly allowed?: string;
  /** An optional hint on how to fix it. */
  readonly hint?: string;
}

/** Describes a numeric range: "an integer from 1 to 365", "at least 60", ... */
export function describeRange(check: RangeCheck, unit = ''): string {
  const kind = check.integer === false ? 'a number' : 'an integer';
  const u = unit ? ` ${unit}` : '';
  if (check.min !== undefined && check.max !== undefined) {
    return `${kind} from ${check.min}${u} to ${check.max}${u}`;
  }
  if (check.min !== undefined) {
    return `${kind} of at least ${check.min}${u}`;
  }
  if (check.max !== undefined) {
    return `${kind} of at most ${check.max}${u}`;
  }
  return kind;
}

/**
 * Throws unless `value` is within the range (tokens and `undefined` are skipped).
 * The error names the scope's path, the prop, the value and the range.
 */
export function checkNumber(scope: IConstruct, value: number | undefined, check: RangeCheck): void {
  if (value === undefined || isUnresolved(value)) {
    return;
  }
  const integerOk = check.integer === false ? Number.isFinite(value) : Number.isInteger(value);
  const ok = integerOk && (check.min === undefined || value >= check.min) && (check.max === undefined || value <= check.max);
  if (!ok) {
    throw new ConstructValidationError(scope, {
      prop: check.prop,
      received: value,
      allowed: check.allowed ?? describeRange(check),
      hint: check.hint,
    });
  }
}

/** Options of a duration range check. */
export interface DurationCheck {
  /** The prop named in the error. */
  readonly prop: string;
  /** The shortest duration allowed (inclusive). */
  readonly min?: Duration;
  /** The longest duration allowed (inclusive). */
  readonly max?: Duration;
  /** Whether the duration must be a whole number of seconds. @default false */
  readonly wholeSeconds?: boolean;
  /** Overrides the generated "allowed" text. */
  readonly allowed?: string;
  /** An optional hint on how to fix it. */
  readonly hint?: string;
}

/** Throws unless `value` lies between `min` and `max` (tokens and `undefined` are skipped). */
export function checkDuration(scope: IConstruct, value: Duration | undefined, check: DurationCheck): void {
  if (value === undefined || isUnresolved(value)) {
    return;
  }
  const ms = value.toMilliseconds();
  const tooShort = check.min !== undefined && ms < check.min.toMilliseconds();
  const tooLong = check.max !== undefined && ms > check.max.toMilliseconds();
  const fractional = check.wholeSeconds === true && ms % 1000 !== 0;
  if (tooShort || tooLong || fractional) {
    const range = check.min && check.max
      ? `from ${check.min.toHumanString()} to ${check.max.toHumanString()}`
      : check.min ? `at least ${check.min.toHumanString()}` : check.max ? `at most ${check.max.toHumanString()}` : 'any duration';
    throw new ConstructValidationError(scope, {
      prop: check.prop,
      received: value,
      allowed: check.allowed ?? `${range}${check.wholeSeconds ? ', in whole seconds' : ''}`,
      hint: check.hint,
    });
  }
}

/**
 * The required props of a construct, each with the `allowed` text of its error: the same text the
 * construct's own check of an empty or invalid value uses, so a missing prop and an empty one read
 * alike.
 */
export type RequiredProps<T> = { readonly [K in keyof T]?: string };

/**
 * Throws unless every prop named in `required` is given (neither `undefined` nor `null`); a missing
 * props object counts as `{}`. TypeScript enforces required props at compile time, but a plain
 * JavaScript caller (`new AccountGuardrails(stack, 'G', {})`) would otherwise get a `TypeError` from
 * deep inside the construct. The error names the first missing prop in `required`'s order, what is
 * allowed, and the others missing:
 *
 *   `[App/Stack/G] team: received undefined; allowed: a non-empty value for the 'Team' tag`
 *
 * Returns the props (`{}` for a missing object), to read on from.
 */
export function requireProps<T extends object>(scope: IConstruct, props: T | undefined, required: RequiredProps<T>): T {
  const given = (props ?? {}) as T;
  const missing = (Object.keys(required) as (keyof T & string)[])
    .filter((prop) => given[prop] === undefined || given[prop] === null);
  if (missing.length > 0) {
    const [first, ...others] = missing;
    throw new ConstructValidationError(scope, {
      prop: first,
      received: props === undefined || props === null ? undefined : given[first],
      allowed: required[first]!,
      hint: others.length > 0 ? `Also required: ${others.join(', ')}` : undefined,
    });
  }
  return given;
}

/** Throws when a string is empty or only whitespace (tokens and `undefined` are skipped). */
export function checkNonEmpty(scope: IConstruct, prop: string, value: string | undefined, allowed?: string): void {
  if (value === undefined || isUnresolved(value)) {
    return;
  }
  if (value.trim() === '') {
    throw new ConstructValidationError(scope, { prop, received: value, allowed: allowed ?? 'a non-empty string' });
  }
}

/** Throws when a list given is empty (tokens and `undefined` are skipped). */
export function checkNonEmptyList(scope: IConstruct, prop: string, value: readonly unknown[] | undefined, allowed?: string): void {
  if (value === undefined || isUnresolved(value)) {
    return;
  }
  if (value.length === 0) {
    throw new ConstructValidationError(scope, { prop, received: value, allowed: allowed ?? 'at least one entry' });
  }
}

/** Throws when a string does not match `pattern` (tokens and `undefined` are skipped). */
export function checkPattern(scope: IConstruct, prop: string, value: string | undefined, pattern: RegExp, allowed: string, hint?: string): void {
  if (value === undefined || isUnresolved(value)) {
    return;
  }
  if (!pattern.test(value)) {
    throw new ConstructValidationError(scope, { prop, received: value, allowed, hint });
  }
}

/**
 * Throws when a string is longer than `max` characters (tokens and `undefined` are skipped). The
 * error shows the length, not the (long) value.
 */
export function checkMaxLength(scope: IConstruct, prop: string, value: string | undefined, max: number, allowed?: string): void {
  if (value === undefined || isUnresolved(value)) {
    return;
  }
  if (value.length > max) {
    throw new ConstructValidationError(scope, { prop, received: `${value.length} characters`, allowed: allowed ?? `at most ${max} characters` });
  }
}

/** How `checkUnique` compares entries and names them. */
export interface UniqueOptions {
  /** The key two entries are compared by (e.g. lower case for e-mail addresses). @default the entry itself */
  readonly keyOf?: (value: string) => string;
  /** The prop path of entry `i`. @default `${prop}[${i}]` */
  readonly propOf?: (i: number) => string;
}

/**
 * Throws when a list holds an entry twice (tokens and `undefined` are skipped); the error names the
 * second one, by its own index in `values`. `allowed` may be a function of the first one's path.
 */
export function checkUnique(
  scope: IConstruct, prop: string, values: readonly string[] | undefined,
  allowed: string | ((firstProp: string) => string), options: UniqueOptions = {},
): void {
  if (values === undefined || isUnresolved(values)) {
    return;
  }
  const propOf = options.propOf ?? ((i: number) => `${prop}[${i}]`);
  const seen = new Map<string, number>();
  values.forEach((value, i) => {
    if (isUnresolved(value)) {
      return;
    }
    const key = options.keyOf ? options.keyOf(value) : value;
    const first = seen.get(key);
    if (first !== undefined) {
      throw new ConstructValidationError(scope, {
        prop: propOf(i),
        received: value,
        allowed: typeof allowed === 'string' ? allowed : allowed(propOf(first)),
      });
    }
    seen.set(key, i);
  });
}
