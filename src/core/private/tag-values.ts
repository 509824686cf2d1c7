import { IConstruct } from 'constructs';
import { ConstructValidationError } from './errors';
import { isUnresolved } from './validation';

/** What an empty or missing tag value's error allows: the one text for a tag's prop. */
export function nonEmptyTagValue(key: string): string {
  return `a non-empty value for the '${key}' tag`;
}

/** The longest tag value AWS accepts. */
export const MAX_TAG_VALUE_LENGTH = 256;

/** The characters AWS allows in tag values: letters, digits, spaces and `_ . : / = + - @`. */
const TAG_VALUE = /^[\p{L}\p{Z}\p{N}_.:/=+\-@]*$/u;

/**
 * Throws when `value` cannot be a tag value: characters AWS tags do not allow, or longer than 256
 * characters (tokens and `undefined` are skipped). The one tag-value rule of the library.
 */
export function checkTagValue(scope: IConstruct, prop: string, key: string, value: string | undefined): void {
  if (value === undefined || isUnresolved(value)) {
    return;
  }
  if ([...value].length > MAX_TAG_VALUE_LENGTH) {
    throw new ConstructValidationError(scope, {
      prop,
      received: value,
      allowed: `a '${key}' tag value of at most ${MAX_TAG_VALUE_LENGTH} characters (received ${[...value].length})`,
    });
  }
  if (!TAG_VALUE.test(value)) {
    throw new ConstructValidationError(scope, {
      prop,
      received: value,
      allowed: `a '${key}' tag value of letters, digits, spaces and _ . : / = + - @ only`,
    });
  }
}
