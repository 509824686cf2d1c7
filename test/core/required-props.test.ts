/**
 * Clear errors for every language (issue 21): a required prop missing from plain JavaScript (`{}`,
 * `undefined` props, or `null` from another jsii language) gets the construct's own error, naming the
 * path, the prop, the value received and what is allowed — the same `allowed` an empty or invalid
 * value gets — instead of a TypeError from deep inside the construct. One place decides it:
 * `requireProps` in src/core/private/validation.ts.
 */
import { App, Stack } from 'aws-cdk-lib';
import * as ecs from 'aws-cdk-lib/aws-ecs';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import * as s3 from 'aws-cdk-lib/aws-s3';
import * as patterns from '../../src';
import { ConstructValidationError } from '../../src/core/private/errors';
import { requireProps } from '../../src/core/private/validation';
import { exportedClasses } from '../util/exported-api';

function stack(): Stack {
  return new Stack(new App(), 'Stack');
}

/** The message thrown by `build`, failing the test when nothing (or no construct error) is thrown. */
function errorOf(build: () => unknown): string {
  try {
    build();
  } catch (e) {
    expect(e).toBeInstanceOf(ConstructValidationError);
    return (e as Error).message;
  }
  throw new Error('expected a ConstructValidationError, nothing was thrown');
}

/** The `allowed: …` part of a message. */
function allowedOf(message: string): string {
  return message.slice(message.indexOf('; allowed: '));
}

/** Each construct with required props: how to build it from JavaScript, and its exact errors. */
interface RequiredCase {
  readonly construct: string;
  readonly build: (scope: Stack, props: any) => unknown;
  /** A valid props object (built in the stack, for props that are constructs). */
  readonly valid: (scope: Stack) => Record<string, unknown>;
  /** The exact error for each required prop left out of the valid props. */
  readonly missing: Record<string, string>;
  /** The exact error for `undefined` props (and `{}`). */
  readonly noProps: string;
  /** An empty or invalid value of a required prop: its error has the same `allowed` as the missing one. */
  readonly empty?: { readonly prop: string; readonly value: unknown };
}

const CASES: RequiredCase[] = [
  {
    construct: 'AccountGuardrails',
    build: (s, props) => new patterns.AccountGuardrails(s, 'Guardrails', props),
    valid: () => ({ team: 'payments', alertEmails: ['ops@example.com'] }),
    missing: { team: "[Stack/Guardrails] team: received undefined; allowed: a non-empty value for the 'Team' tag" },
    noProps: "[Stack/Guardrails] team: received undefined; allowed: a non-empty value for the 'Team' tag",
    empty: { prop: 'team', value: '' },
  },
  {
    construct: 'PowertoolsFunction',
    build: (s, props) => new patterns.PowertoolsFunction(s, 'Fn', props),
    valid: () => ({ serviceName: 'orders', handler: 'index.handler', code: lambda.Code.fromInline('exports.handler = async () => {};') }),
    missing: {
      serviceName: "[Stack/Fn] serviceName: received undefined; allowed: a non-empty name, e.g. 'orders'",
      code: "[Stack/Fn] code: received undefined; allowed: the function's code, e.g. lambda.Code.fromAsset('dist/orders') or PatternHandlers.ordersApi()",
      handler: "[Stack/Fn] handler: received undefined; allowed: the handler, e.g. 'index.handler' (Node.js) or 'app.handler' (Python)",
    },
    noProps: "[Stack/Fn] serviceName: received undefined; allowed: a non-empty name, e.g. 'orders'. Also required: code, handler",
    empty: { prop: 'serviceName', value: ' ' },
  },
  {
    construct: 'GitHubOidcRole',
    build: (s, props) => new patterns.GitHubOidcRole(s, 'Deploy', props),
    valid: () => ({ repository: 'myorg/myrepo', branches: ['main'] }),
    missing: { repository: "[Stack/Deploy] repository: received undefined; allowed: 'owner/name', e.g. 'myorg/myrepo'" },
    noProps: "[Stack/Deploy] repository: received undefined; allowed: 'owner/name', e.g. 'myorg/myrepo'",
    empty: { prop: 'repository', value: '' },
  },
  {
    construct: 'FargateBlueGreenService',
    build: (s, props) => new patterns.FargateBlueGreenService(s, 'Service', props),
    valid: () => ({ image: ecs.ContainerImage.fromRegistry('public.ecr.aws/nginx/nginx:1.27'), containerPort: 80 }),
    missing: {
      image: "[Stack/Service] image: received undefined; allowed: a container image, e.g. ecs.ContainerImage.fromRegistry('public.ecr.aws/nginx/nginx:1.27')",
      containerPort: '[Stack/Service] containerPort: received undefined; allowed: an integer from 1 to 65535',
    },
    noProps: "[Stack/Service] image: received undefined; allowed: a container image, e.g. ecs.ContainerImage.fromRegistry('public.ecr.aws/nginx/nginx:1.27'). Also required: containerPort",
    empty: { prop: 'containerPort', value: 0 },
  },
  {
    construct: 'PresignedUrlIssuer',
    build: (s, props) => new patterns.PresignedUrlIssuer(s, 'Urls', props),
    valid: (s) => ({ bucket: new patterns.SecureBucket(s, 'Bucket') }),
    missing: { bucket: '[Stack/Urls] bucket: received undefined; allowed: an s3.IBucket, e.g. a SecureBucket' },
    noProps: '[Stack/Urls] bucket: received undefined; allowed: an s3.IBucket, e.g. a SecureBucket',
  },
];

describe.each(CASES)('$construct from JavaScript', (c) => {
  test('undefined props and {} name the first required prop (and the others missing)', () => {
    expect(errorOf(() => c.build(stack(), undefined))).toBe(c.noProps);
    expect(errorOf(() => c.build(stack(), {} as any))).toBe(c.noProps);
  });

  test.each(Object.keys(c.missing))('without %s: the construct\'s error, and null reads the same', (prop) => {
    const s = stack();
    const props = { ...c.valid(s) };
    delete props[prop];
    expect(errorOf(() => c.build(s, props as any))).toBe(c.missing[prop]);
    const s2 = stack();
    expect(errorOf(() => c.build(s2, { ...c.valid(s2), [prop]: null } as any))).toBe(c.missing[prop].replace('received undefined', 'received null'));
  });

  test('the valid props build', () => {
    const s = stack();
    expect(() => c.build(s, c.valid(s))).not.toThrow();
  });

  if (c.empty) {
    const { prop, value } = c.empty;
    test(`a missing ${prop} and an empty one (${JSON.stringify(value)}) allow the same`, () => {
      const s = stack();
      const empty = errorOf(() => c.build(s, { ...c.valid(s), [prop]: value } as any));
      expect(allowedOf(empty)).toBe(allowedOf(c.missing[prop]));
    });
  }
});

test('every exported construct with required props is in the table above, with each of its required props', () => {
  const withRequired = exportedClasses().filter((c) => c.isConstruct && c.requiredProps.length > 0);
  expect(withRequired.map((c) => c.name).sort()).toEqual(CASES.map((c) => c.construct).sort());
  for (const c of withRequired) {
    expect([c.name, Object.keys(CASES.find((x) => x.construct === c.name)!.missing)]).toEqual([c.name, c.requiredProps]);
  }
});

test('every exported construct given no props from JavaScript constructs or throws its own error, never a TypeError', () => {
  const constructs = exportedClasses().filter((c) => c.isConstruct && !/Base$/.test(c.name));
  expect(constructs.length).toBeGreaterThanOrEqual(12);
  for (const c of constructs) {
    const Class = (patterns as unknown as Record<string, new (scope: Stack, id: string, props?: unknown) => unknown>)[c.name];
    for (const props of [undefined, {}]) {
      try {
        new Class(stack(), 'X', props);
      } catch (e) {
        expect([c.name, (e as Error).constructor.name]).toEqual([c.name, 'ConstructValidationError']);
      }
    }
  }
});

describe('PatternTags.apply from JavaScript', () => {
  test('undefined props, a missing team and a missing service: the tag errors', () => {
    expect(errorOf(() => patterns.PatternTags.apply(stack(), undefined as any)))
      .toBe("[Stack] team: received undefined; allowed: a non-empty value for the 'Team' tag. Also required: service");
    expect(errorOf(() => patterns.PatternTags.apply(stack(), { service: 'orders' } as any)))
      .toBe("[Stack] team: received undefined; allowed: a non-empty value for the 'Team' tag");
    expect(errorOf(() => patterns.PatternTags.apply(stack(), { team: 'payments', service: null } as any)))
      .toBe("[Stack] service: received null; allowed: a non-empty value for the 'Service' tag");
  });

  test('an empty service allows the same', () => {
    expect(errorOf(() => patterns.PatternTags.apply(stack(), { team: 'payments', service: '' })))
      .toBe("[Stack] service: received ''; allowed: a non-empty value for the 'Service' tag");
  });
});

describe('requireProps', () => {
  const scope = { node: { path: 'App/S/X' } } as any;

  test('returns the props when every required one is given (falsy values such as 0, \'\' and false count as given)', () => {
    const props = { a: 0, b: '', c: false };
    expect(requireProps(scope, props, { a: 'A', b: 'B', c: 'C' })).toBe(props);
  });

  test('names the first missing prop in the order given, with the others as a hint', () => {
    expect(() => requireProps<{ a?: string; b?: string; c?: string }>(scope, { b: 'x' }, { a: 'an a', b: 'a b', c: 'a c' }))
      .toThrow(new ConstructValidationError(scope, { prop: 'a', received: undefined, allowed: 'an a', hint: 'Also required: c' }));
    expect(() => requireProps<{ a?: string }>(scope, { a: null as any }, { a: 'an a' }))
      .toThrow('[App/S/X] a: received null; allowed: an a');
  });

  test('undefined props read as {}, and nothing required returns {}', () => {
    expect(() => requireProps<{ a?: string }>(scope, undefined, { a: 'an a' })).toThrow('[App/S/X] a: received undefined; allowed: an a');
    expect(requireProps<{ a?: string }>(scope, undefined, {})).toEqual({});
  });

  test('a token is given', () => {
    const bucket = new s3.Bucket(stack(), 'Bucket');
    expect(requireProps(scope, { name: bucket.bucketName }, { name: 'a name' }).name).toBe(bucket.bucketName);
  });
});
