/**
 * The validation helpers every construct uses (src/core/private/validation.ts), one behaviour per
 * test: what each accepts, what it refuses with which message, what it skips (tokens, undefined).
 * Mutation-tested with `npx projen mutate:validation` (CONTRIBUTING.md, "Mutation testing").
 */
import { App, Duration, Stack, Token } from 'aws-cdk-lib';
import { Construct } from 'constructs';
import {
  checkDuration, checkMaxLength, checkNonEmpty, checkNonEmptyList, checkNumber, checkPattern, checkUnique,
  containsUnresolved, describeRange, isUnresolved, pendingScope,
} from '../../src/core/private/validation';

const scope = new Construct(new Stack(new App(), 'S'), 'Thing');
const TOKEN_STRING = Token.asString({ Ref: 'X' });
const TOKEN_NUMBER = Token.asNumber({ Ref: 'X' });

describe('isUnresolved', () => {
  test.each<[string, unknown, boolean]>([
    ['undefined', undefined, false],
    ['null', null, false],
    ['a plain string', 'a', false],
    ['a number', 3, false],
    ['a duration', Duration.days(1), false],
    ['a token string', TOKEN_STRING, true],
    ['a string with a token inside', `x-${TOKEN_STRING}`, true],
    ['a token number', TOKEN_NUMBER, true],
    ['a token list', Token.asList({ Ref: 'X' }), true],
    ['a duration of a token', Duration.seconds(TOKEN_NUMBER), true],
  ])('%s → %p', (_title, value, expected) => {
    expect(isUnresolved(value)).toBe(expected);
  });
});

describe('containsUnresolved', () => {
  test.each<[string, unknown, boolean]>([
    ['a token', TOKEN_STRING, true],
    ['a token in a list', ['a', TOKEN_STRING], true],
    ['a token as the last entry of a list', [1, 2, TOKEN_NUMBER], true],
    ['a token in an object value', { a: { b: TOKEN_STRING } }, true],
    ['a token as an object key', { [TOKEN_STRING]: 'v' }, true],
    ['a token deep in lists and objects', { a: [{ b: [TOKEN_STRING] }] }, true],
    ['plain lists and objects', { a: ['b', 2, { c: null }], d: undefined }, false],
    ['null', null, false],
    ['undefined', undefined, false],
    ['an empty list', [], false],
    ['an empty object', {}, false],
    ['a plain string', 'x', false],
  ])('%s → %p', (_title, value, expected) => {
    expect(containsUnresolved(value)).toBe(expected);
  });
});

describe('pendingScope', () => {
  test("names the path the construct will have: the scope's path and the id", () => {
    expect(pendingScope(scope, 'Child').node.path).toEqual('S/Thing/Child');
  });
  test('under the app (empty path), the id alone', () => {
    expect(pendingScope(new App(), 'Stack').node.path).toEqual('Stack');
  });
});

describe('describeRange', () => {
  test.each<[string, Parameters<typeof describeRange>[0], string | undefined, string]>([
    ['min and max', { prop: 'p', min: 1, max: 5 }, undefined, 'an integer from 1 to 5'],
    ['min only', { prop: 'p', min: 1 }, undefined, 'an integer of at least 1'],
    ['max only', { prop: 'p', max: 5 }, undefined, 'an integer of at most 5'],
    ['neither', { prop: 'p' }, undefined, 'an integer'],
    ['not only integers', { prop: 'p', min: 0.5, integer: false }, undefined, 'a number of at least 0.5'],
    ['integer: true is the default', { prop: 'p', max: 5, integer: true }, undefined, 'an integer of at most 5'],
    ['with a unit', { prop: 'p', min: 1, max: 5 }, 'days', 'an integer from 1 days to 5 days'],
    ['a unit with min only', { prop: 'p', min: 0 }, 'MiB', 'an integer of at least 0 MiB'],
    ['a unit with max only', { prop: 'p', max: 9 }, 'MiB', 'an integer of at most 9 MiB'],
    ['min 0 and max 0 are ranges too', { prop: 'p', min: 0, max: 0 }, undefined, 'an integer from 0 to 0'],
  ])('%s', (_title, check, unit, expected) => {
    expect(describeRange(check, unit)).toEqual(expected);
  });
});

describe('checkNumber', () => {
  const range = { prop: 'days', min: 1, max: 365 };
  test.each([1, 2, 365])('accepts %p within 1..365', (value) => {
    expect(() => checkNumber(scope, value, range)).not.toThrow();
  });
  test.each([0, 366, -1, 1.5])('refuses %p with the path, prop, value and range', (value) => {
    expect(() => checkNumber(scope, value, range)).toThrow(`[S/Thing] days: received ${value}; allowed: an integer from 1 to 365`);
  });
  // describeValue (errors.ts) renders NaN and Infinity as JSON does (null): the message names the range
  test.each([NaN, Infinity, -Infinity])('refuses %p, naming the range', (value) => {
    expect(() => checkNumber(scope, value, range)).toThrow(/^\[S\/Thing\] days: received .*; allowed: an integer from 1 to 365$/);
  });
  test('skips undefined and tokens', () => {
    expect(() => checkNumber(scope, undefined, range)).not.toThrow();
    expect(() => checkNumber(scope, TOKEN_NUMBER, range)).not.toThrow();
  });
  test('integer: false accepts fractions, still refuses NaN and Infinity, and says "a number"', () => {
    const check = { prop: 'ratio', min: 0, max: 1, integer: false };
    expect(() => checkNumber(scope, 0.25, check)).not.toThrow();
    expect(() => checkNumber(scope, NaN, check)).toThrow(/; allowed: a number from 0 to 1$/);
    expect(() => checkNumber(scope, Infinity, { prop: 'ratio', integer: false })).toThrow(/; allowed: a number$/);
  });
  test('without bounds, any integer', () => {
    expect(() => checkNumber(scope, -1e9, { prop: 'n' })).not.toThrow();
    expect(() => checkNumber(scope, 0.5, { prop: 'n' })).toThrow('[S/Thing] n: received 0.5; allowed: an integer');
  });
  test('allowed and hint replace and extend the message', () => {
    expect(() => checkNumber(scope, 0, { ...range, allowed: 'a day count', hint: 'Use 7' })).toThrow('[S/Thing] days: received 0; allowed: a day count. Use 7');
  });
});

describe('checkDuration', () => {
  const check = { prop: 'maxEventAge', min: Duration.minutes(1), max: Duration.hours(24) };
  test.each([Duration.minutes(1), Duration.hours(2), Duration.hours(24)])('accepts %s within the range (bounds included)', (value) => {
    expect(() => checkDuration(scope, value, check)).not.toThrow();
  });
  test('refuses shorter and longer, naming the range', () => {
    expect(() => checkDuration(scope, Duration.seconds(59), check)).toThrow(/^\[S\/Thing\] maxEventAge: received 59 seconds; allowed: from 1 minute to 1 day$/);
    expect(() => checkDuration(scope, Duration.hours(25), check)).toThrow(/^\[S\/Thing\] maxEventAge: received 1 day 1 hour; allowed: from 1 minute to 1 day$/);
  });
  test('min only, max only, neither', () => {
    expect(() => checkDuration(scope, Duration.seconds(1), { prop: 't', min: Duration.seconds(2) })).toThrow('allowed: at least 2 seconds');
    expect(() => checkDuration(scope, Duration.seconds(3), { prop: 't', max: Duration.seconds(2) })).toThrow('allowed: at most 2 seconds');
    expect(() => checkDuration(scope, Duration.millis(1500), { prop: 't', wholeSeconds: true })).toThrow('allowed: any duration, in whole seconds');
  });
  test('wholeSeconds refuses a fraction of a second, and says so', () => {
    expect(() => checkDuration(scope, Duration.millis(1500), { ...check, min: Duration.seconds(1), wholeSeconds: true }))
      .toThrow('[S/Thing] maxEventAge: received 1 second 500 millis; allowed: from 1 second to 1 day, in whole seconds');
    expect(() => checkDuration(scope, Duration.seconds(2), { prop: 't', wholeSeconds: true })).not.toThrow();
    expect(() => checkDuration(scope, Duration.millis(1500), { prop: 't' })).not.toThrow();
  });
  test('skips undefined and tokens', () => {
    expect(() => checkDuration(scope, undefined, check)).not.toThrow();
    expect(() => checkDuration(scope, Duration.seconds(TOKEN_NUMBER), check)).not.toThrow();
  });
  test('allowed and hint replace and extend the message', () => {
    expect(() => checkDuration(scope, Duration.seconds(1), { ...check, allowed: 'a minute or more', hint: 'See the docs' }))
      .toThrow('[S/Thing] maxEventAge: received 1 second; allowed: a minute or more. See the docs');
  });
});

describe('checkNonEmpty', () => {
  test.each(['', ' ', '\t\n'])('refuses %j', (value) => {
    expect(() => checkNonEmpty(scope, 'name', value)).toThrow(`[S/Thing] name: received '${value}'; allowed: a non-empty string`);
  });
  test('accepts text, skips undefined and tokens', () => {
    for (const value of ['x', ' x ', undefined, TOKEN_STRING]) {
      expect(() => checkNonEmpty(scope, 'name', value)).not.toThrow();
    }
  });
  test('allowed replaces the message', () => {
    expect(() => checkNonEmpty(scope, 'team', '', 'a team name')).toThrow("[S/Thing] team: received ''; allowed: a team name");
  });
});

describe('checkNonEmptyList', () => {
  test('refuses an empty list', () => {
    expect(() => checkNonEmptyList(scope, 'branches', [])).toThrow('[S/Thing] branches: received []; allowed: at least one entry');
  });
  test('accepts one entry, skips undefined and a token list', () => {
    for (const value of [['a'], undefined, Token.asList({ Ref: 'X' })]) {
      expect(() => checkNonEmptyList(scope, 'branches', value)).not.toThrow();
    }
  });
  test('allowed replaces the message', () => {
    expect(() => checkNonEmptyList(scope, 'emails', [], 'an address')).toThrow('[S/Thing] emails: received []; allowed: an address');
  });
});

describe('checkPattern', () => {
  const pattern = /^[a-z]{1,3}$/;
  test('accepts a match, skips undefined and tokens', () => {
    for (const value of ['abc', undefined, TOKEN_STRING]) {
      expect(() => checkPattern(scope, 'code', value, pattern, 'up to 3 letters')).not.toThrow();
    }
  });
  test('refuses what does not match, with the allowed text and hint', () => {
    expect(() => checkPattern(scope, 'code', 'abcd', pattern, 'up to 3 letters')).toThrow("[S/Thing] code: received 'abcd'; allowed: up to 3 letters");
    expect(() => checkPattern(scope, 'code', 'A', pattern, 'up to 3 letters', 'Lower case')).toThrow("[S/Thing] code: received 'A'; allowed: up to 3 letters. Lower case");
  });
});

describe('checkMaxLength', () => {
  test('accepts up to max characters, skips undefined and tokens', () => {
    for (const value of ['', 'abc', undefined, TOKEN_STRING]) {
      expect(() => checkMaxLength(scope, 'description', value, 3)).not.toThrow();
    }
  });
  test('refuses one more, naming the length rather than the value', () => {
    expect(() => checkMaxLength(scope, 'description', 'abcd', 3)).toThrow("[S/Thing] description: received '4 characters'; allowed: at most 3 characters");
  });
  test('allowed replaces the message', () => {
    expect(() => checkMaxLength(scope, 'description', 'abcd', 3, 'what IAM accepts')).toThrow("received '4 characters'; allowed: what IAM accepts");
  });
});

describe('checkUnique', () => {
  test('accepts distinct entries, skips undefined, a token list and token entries', () => {
    expect(() => checkUnique(scope, 'tags', ['a', 'b'], 'unique')).not.toThrow();
    expect(() => checkUnique(scope, 'tags', undefined, 'unique')).not.toThrow();
    expect(() => checkUnique(scope, 'tags', Token.asList({ Ref: 'X' }), 'unique')).not.toThrow();
    expect(() => checkUnique(scope, 'tags', [TOKEN_STRING, TOKEN_STRING], 'unique')).not.toThrow();
  });
  test('names the second of two equal entries by its own index', () => {
    expect(() => checkUnique(scope, 'tags', ['a', 'b', 'a'], 'each tag once')).toThrow("[S/Thing] tags[2]: received 'a'; allowed: each tag once");
  });
  test('allowed may be a function of the first one\'s path', () => {
    expect(() => checkUnique(scope, 'tags', ['x', 'y', 'y'], (first) => `not again (${first})`)).toThrow("[S/Thing] tags[2]: received 'y'; allowed: not again (tags[1])");
  });
  test('keyOf compares by a key, propOf names the entries', () => {
    const options = { keyOf: (v: string) => v.toLowerCase(), propOf: (i: number) => `emails.${i}` };
    expect(() => checkUnique(scope, 'emails', ['A@x.io', 'a@X.io'], (first) => `unlike ${first}`, options))
      .toThrow("[S/Thing] emails.1: received 'a@X.io'; allowed: unlike emails.0");
    expect(() => checkUnique(scope, 'emails', ['A@x.io', 'b@x.io'], 'unique', options)).not.toThrow();
  });
});
