import { Stack } from 'aws-cdk-lib';
import { IConstruct } from 'constructs';
import { containsUnresolved } from './validation';

/**
 * `value` as JSON text for a template property (a threshold expression, a monitor specification).
 *
 * With a token anywhere in it, `Stack.of(scope).toJsonString(value)`, which renders the tokens at
 * synthesis. Without one, `JSON.stringify(value)`: the same text, but a plain string instead of a
 * token that every synthesis pass (references, then the template) would resolve again.
 */
export function jsonText(scope: IConstruct, value: unknown): string {
  return containsUnresolved(value) ? Stack.of(scope).toJsonString(value) : JSON.stringify(value);
}
