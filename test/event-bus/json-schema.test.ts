/** The structural schema checks behind registerSchema (EVB-4), on their own. */
import { jsonSchemaDraft4Problems, openApi3Problems } from '../../src/event-bus/private/json-schema';
import { scheduleExpressionProblem } from '../../src/event-bus/private/schedule-expression';

test('[EVB-4] a full Draft 4 document with every keyword family has no problem', () => {
  const schema = {
    $schema: 'http://json-schema.org/draft-04/schema#',
    id: 'urn:example:order',
    title: 'Order',
    type: ['object', 'null'],
    definitions: { money: { type: 'number', minimum: 0, exclusiveMinimum: true, multipleOf: 0.01 } },
    properties: {
      id: { type: 'string', pattern: '^o[0-9]+$', minLength: 2, maxLength: 40 },
      amount: { $ref: '#/definitions/money' },
      items: { type: 'array', items: { type: 'string' }, minItems: 1, uniqueItems: true },
      pair: { type: 'array', items: [{ type: 'string' }, { type: 'integer' }], additionalItems: false },
      status: { enum: ['created', 'shipped'] },
      either: { oneOf: [{ type: 'string' }, { type: 'integer' }], not: { type: 'null' } },
    },
    patternProperties: { '^x-': { type: 'string' } },
    additionalProperties: { type: 'string' },
    required: ['id'],
    dependencies: { amount: ['id'], items: { required: ['status'] } },
  };
  expect(jsonSchemaDraft4Problems(JSON.stringify(schema))).toEqual([]);
});

test('[EVB-4] every problem is reported with its JSON pointer', () => {
  const schema = { properties: { 'a': { type: 'text' }, 'b/c': { maxLength: -1 } }, allOf: [], additionalProperties: 'no', enum: [] };
  expect(jsonSchemaDraft4Problems(JSON.stringify(schema))).toEqual([
    '/properties/a/type: must be one or a list of array, boolean, integer, null, number, object, string, got "text"',
    '/properties/b~1c/maxLength: must be a non-negative integer, got -1',
    '/allOf: must be a non-empty array of schemas, got []',
    '/additionalProperties: a schema must be an object, got "no"',
    '/enum: must be a non-empty array, got []',
  ]);
});

test('[EVB-4] an EventBridge-style OpenAPI 3 document has no problem; OpenAPI schema objects are checked', () => {
  const doc = {
    openapi: '3.0.0',
    info: { title: 'OrderCreated', version: '1.0.0' },
    paths: {},
    components: {
      schemas: {
        AWSEvent: { type: 'object', required: ['detail'], properties: { detail: { $ref: '#/components/schemas/OrderCreated' } } },
        OrderCreated: { type: 'object', nullable: true, properties: { orderId: { type: 'string' } } },
      },
    },
  };
  expect(openApi3Problems(JSON.stringify(doc))).toEqual([]);
  doc.components.schemas.OrderCreated.properties.orderId = { type: ['string', 'null'] } as any;
  expect(openApi3Problems(JSON.stringify(doc))).toEqual([
    '/components/schemas/OrderCreated/properties/orderId/type: must be one of array, boolean, integer, number, object, string, got ["string","null"]',
  ]);
});

test.each([
  ['cron(0 8 * * ? *)'], ['cron(0/15 * ? * MON-FRI *)'], ['rate(1 minute)'], ['rate(5 minutes)'], ['rate(2 days)'], ['at(2027-02-28T23:59:59)'],
])('[EVB-5] %s is a Scheduler expression', (expression) => {
  expect(scheduleExpressionProblem(expression)).toBeUndefined();
});
