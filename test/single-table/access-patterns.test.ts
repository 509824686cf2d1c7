import { App, Lazy, Stack, Token, aws_dynamodb as dynamodb } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { ORDERS_MODEL } from './model';
import { AccessPattern, EntityDefinition, KeyCondition, KeyConditionOperator, SingleTable, SingleTableProps, SortDirection } from '../../src';

function build(props: SingleTableProps): SingleTable {
  return new SingleTable(new Stack(new App(), 'S'), 'Orders', props);
}

const gsi = (n: number, withSortKey = true): dynamodb.GlobalSecondaryIndexProps => ({
  indexName: `GSI${n}`,
  partitionKey: { name: `GSI${n}PK`, type: dynamodb.AttributeType.STRING },
  sortKey: withSortKey ? { name: `GSI${n}SK`, type: dynamodb.AttributeType.STRING } : undefined,
});

const USER: EntityDefinition = { name: 'User', partitionKey: 'USER#{userId}', sortKey: 'PROFILE' };
const ORDER: EntityDefinition = {
  name: 'Order',
  partitionKey: 'USER#{userId}',
  sortKey: 'ORDER#{orderId}',
  indexKeys: [{ indexName: 'GSI1', partitionKey: 'STATUS#{status}', sortKey: 'ORDER#{orderId}' }],
};
const BY_STATUS: AccessPattern = { name: 'by status', indexName: 'GSI1', partitionKey: 'STATUS#{status}' };

describe('[DDB-1] access patterns documented as code', () => {
  test('[DDB-1] renderMarkdown renders the entities (one column per key attribute) and the access patterns', () => {
    expect(build(ORDERS_MODEL).renderMarkdown()).toBe(
      [
        '| Entity | PK | SK | GSI1PK | GSI1SK |',
        '| --- | --- | --- | --- | --- |',
        '| User | `USER#{userId}` | `PROFILE` |  |  |',
        '| Order | `USER#{userId}` | `ORDER#{orderId}` | `STATUS#{status}` | `ORDER#{orderId}` |',
        '| OrderMeta | `ORDER#{orderId}` | `META` |  |  |',
        '| OrderItem | `ORDER#{orderId}` | `ITEM#{itemId}` |  |  |',
        '',
        '| Access pattern | Index | Key condition | Order | Returns |',
        '| --- | --- | --- | --- | --- |',
        '| Get a user profile | table | `PK = USER#{userId} AND SK = PROFILE` | ascending | User |',
        "| List a user's orders, newest first | table | `PK = USER#{userId} AND begins_with(SK, ORDER#)` | descending | Order |",
        '| Get an order with its items | table | `PK = ORDER#{orderId}` | ascending | OrderMeta, OrderItem |',
        '| List orders by status, newest first | GSI1 | `GSI1PK = STATUS#{status} AND begins_with(GSI1SK, ORDER#)` | descending | Order |',
        '',
      ].join('\n'),
    );
  });

  test('[DDB-1] renderMarkdown escapes pipes and renders an empty model as headers only', () => {
    const table = build({ entities: [{ name: 'A|B', partitionKey: 'A|{id}', sortKey: 'X' }] });
    table.addAccessPattern({ name: 'p|q', partitionKey: 'A|{id}' });
    expect(table.renderMarkdown()).toContain('| A\\|B | `A\\|{id}` | `X` |');
    expect(table.renderMarkdown()).toContain('| p\\|q | table | `PK = A\\|{id}` | ascending | A\\|B |');
    expect(build({}).renderMarkdown()).toBe(
      '| Entity | PK | SK |\n| --- | --- | --- |\n\n| Access pattern | Index | Key condition | Order | Returns |\n| --- | --- | --- | --- | --- |\n',
    );
  });

  test('[DDB-1] renderMarkdown adds a Description column to a table when one of its rows has a description', () => {
    const table = build({
      entities: [{ ...USER, description: 'A | registered user' }, { name: 'Session', partitionKey: 'USER#{userId}', sortKey: 'SESSION#{id}' }],
      accessPatterns: [
        { name: 'Get a user profile', partitionKey: 'USER#{userId}', sortKey: KeyCondition.equalTo('PROFILE'), description: 'login page' },
        { name: 'List sessions', partitionKey: 'USER#{userId}', sortKey: KeyCondition.beginsWith('SESSION#') },
      ],
    });
    expect(table.renderMarkdown()).toBe(
      [
        '| Entity | PK | SK | Description |',
        '| --- | --- | --- | --- |',
        '| User | `USER#{userId}` | `PROFILE` | A \\| registered user |',
        '| Session | `USER#{userId}` | `SESSION#{id}` |  |',
        '',
        '| Access pattern | Index | Key condition | Order | Returns | Description |',
        '| --- | --- | --- | --- | --- | --- |',
        '| Get a user profile | table | `PK = USER#{userId} AND SK = PROFILE` | ascending | User | login page |',
        '| List sessions | table | `PK = USER#{userId} AND begins_with(SK, SESSION#)` | ascending | Session |  |',
        '',
      ].join('\n'),
    );
    // descriptions only on patterns: the entity table keeps its compact form
    const patternsOnly = build({ entities: [USER], accessPatterns: [{ name: 'p', partitionKey: 'USER#{id}', description: 'why' }] }).renderMarkdown();
    expect(patternsOnly).toContain('| Entity | PK | SK |\n');
    expect(patternsOnly).toContain('| p | table | `PK = USER#{id}` | ascending | User | why |');
  });

  test('[DDB-1] entities and accessPatterns are readable; addAccessPattern appends', () => {
    const table = build({ entities: [USER, ORDER], globalIndexes: [gsi(1)], accessPatterns: [BY_STATUS] });
    table.addAccessPattern({ name: 'profile', partitionKey: 'USER#{id}', sortKey: KeyCondition.equalTo('PROFILE') });
    expect(table.entities.map((e) => e.name)).toEqual(['User', 'Order']);
    expect(table.accessPatterns.map((p) => p.name)).toEqual(['by status', 'profile']);
    expect(table.renderMarkdown()).toContain('| profile | table | `PK = USER#{id} AND SK = PROFILE` | ascending | User |');
  });

  test('KeyCondition renders key condition expressions', () => {
    expect(KeyCondition.equalTo('PROFILE').toExpression('SK', ':sk')).toBe('SK = :sk');
    expect(KeyCondition.beginsWith('ORDER#').toExpression('SK', ':p')).toBe('begins_with(SK, :p)');
    expect(KeyCondition.beginsWith('ORDER#').operator).toBe(KeyConditionOperator.BEGINS_WITH);
    expect(KeyCondition.equalTo('X').value).toBe('X');
  });
});

describe('[DDB-2] every access pattern is served by the table key or a declared GSI', () => {
  test('[DDB-2] the document\'s model synthesizes, with GSI1 on the table', () => {
    const table = build(ORDERS_MODEL);
    Template.fromStack(table.table.stack).hasResourceProperties('AWS::DynamoDB::Table', {
      GlobalSecondaryIndexes: [
        {
          IndexName: 'GSI1',
          KeySchema: [
            { AttributeName: 'GSI1PK', KeyType: 'HASH' },
            { AttributeName: 'GSI1SK', KeyType: 'RANGE' },
          ],
          Projection: { ProjectionType: 'ALL' },
        },
      ],
    });
  });

  test('[DDB-2] fails when a pattern names an index that does not exist', () => {
    expect(() => build({ entities: [USER], accessPatterns: [{ name: 'p', indexName: 'GSI9', partitionKey: 'USER#{userId}' }] })).toThrow(
      "[S/Orders] accessPatterns[0].indexName: received 'GSI9'; allowed: a declared global secondary index (none declared), or no indexName for the table's own key",
    );
    expect(() =>
      build({ entities: [ORDER], globalIndexes: [gsi(1)], accessPatterns: [BY_STATUS, { name: 'p', indexName: 'gsi1', partitionKey: 'X' }] }),
    ).toThrow("[S/Orders] accessPatterns[1].indexName: received 'gsi1'; allowed: a declared global secondary index (GSI1)");
  });

  test('[DDB-2] fails when a pattern conditions a sort key the index does not have', () => {
    const entity: EntityDefinition = { ...USER, indexKeys: [{ indexName: 'GSI2', partitionKey: 'EMAIL#{email}' }] };
    expect(() =>
      build({
        entities: [entity],
        globalIndexes: [gsi(2, false)],
        accessPatterns: [{ name: 'by email', indexName: 'GSI2', partitionKey: 'EMAIL#{email}', sortKey: KeyCondition.equalTo('PROFILE') }],
      }),
    ).toThrow(
      '[S/Orders] accessPatterns[0].sortKey: received {"operator":"EQUALS","value":"PROFILE"}; allowed: no sort key condition: index \'GSI2\' has only the partition key \'GSI2PK\'',
    );
  });

  test('[DDB-2] fails when no declared entity has the keys a pattern asks for', () => {
    expect(() => build({ entities: [USER, ORDER], globalIndexes: [gsi(1)], accessPatterns: [BY_STATUS, { name: 'p', partitionKey: 'CUSTOMER#{id}' }] })).toThrow(
      '[S/Orders] accessPatterns[1]: received {"partitionKey":"CUSTOMER#{id}"}; allowed: keys of a declared entity on table (\'USER#{userId}\' / \'PROFILE\', \'USER#{userId}\' / \'ORDER#{orderId}\'). Declare the entity this pattern reads',
    );
    expect(() =>
      build({ entities: [USER], accessPatterns: [{ name: 'p', partitionKey: 'USER#{userId}', sortKey: KeyCondition.beginsWith('ORDER#') }] }),
    ).toThrow('[S/Orders] accessPatterns[0]: received {"partitionKey":"USER#{userId}","sortKey":{"operator":"BEGINS_WITH","value":"ORDER#"}}; allowed: keys of a declared entity on table (\'USER#{userId}\' / \'PROFILE\')');
    // an entity without keys on the index is not in it (sparse index)
    expect(() => build({ entities: [USER], globalIndexes: [gsi(1)], accessPatterns: [BY_STATUS] })).toThrow(
      '[S/Orders] accessPatterns[0]: received {"partitionKey":"STATUS#{status}"}; allowed: keys of a declared entity on GSI1 (none declared)',
    );
  });

  test('[DDB-2] key templates match by shape: placeholder names may differ, begins_with may reach into a placeholder', () => {
    const dated: EntityDefinition = { name: 'Event', partitionKey: 'DEVICE#{deviceId}', sortKey: 'EVENT#{isoTime}' };
    const table = build({
      entities: [dated],
      accessPatterns: [
        { name: 'one event', partitionKey: 'DEVICE#{id}', sortKey: KeyCondition.equalTo('EVENT#{t}') },
        { name: 'events of 2026', partitionKey: 'DEVICE#{id}', sortKey: KeyCondition.beginsWith('EVENT#2026-') },
        { name: 'events of a month', partitionKey: 'DEVICE#{id}', sortKey: KeyCondition.beginsWith('EVENT#{yearMonth}') },
      ],
    });
    expect(table.accessPatterns).toHaveLength(3);
    expect(() => table.addAccessPattern({ name: 'wrong prefix', partitionKey: 'DEVICE#{id}', sortKey: KeyCondition.beginsWith('ALARM#') })).toThrow(
      '[S/Orders] addAccessPattern("wrong prefix"): received {"partitionKey":"DEVICE#{id}","sortKey":{"operator":"BEGINS_WITH","value":"ALARM#"}}; allowed: keys of a declared entity on table (\'DEVICE#{deviceId}\' / \'EVENT#{isoTime}\')',
    );
  });

  test('[DDB-2] an equality may ask for a literal value where the entity has a placeholder (STATUS#shipped on STATUS#{status})', () => {
    const event: EntityDefinition = { name: 'Event', partitionKey: 'DEVICE#{deviceId}', sortKey: 'EVENT#{year}#{id}' };
    const table = build({
      entities: [USER, ORDER, event],
      globalIndexes: [gsi(1)],
      accessPatterns: [
        { name: 'shipped orders', indexName: 'GSI1', partitionKey: 'STATUS#shipped' },
        { name: 'admin profile', partitionKey: 'USER#admin', sortKey: KeyCondition.equalTo('PROFILE') },
        { name: 'one event of 2026', partitionKey: 'DEVICE#{d}', sortKey: KeyCondition.equalTo('EVENT#2026#{id}') },
      ],
    });
    expect(table.renderMarkdown()).toContain('| shipped orders | GSI1 | `GSI1PK = STATUS#shipped` | ascending | Order |');
    expect(table.renderMarkdown()).toContain('| admin profile | table | `PK = USER#admin AND SK = PROFILE` | ascending | User |');
    expect(table.renderMarkdown()).toContain('| one event of 2026 | table | `PK = DEVICE#{d} AND SK = EVENT#2026#{id}` | ascending | Event |');
    // literal text must still match the entity's literal text, and one query placeholder fills one entity placeholder
    expect(() => table.addAccessPattern({ name: 'wrong literal', partitionKey: 'USERS#admin' })).toThrow(
      '[S/Orders] addAccessPattern("wrong literal"): received {"partitionKey":"USERS#admin"}; allowed: keys of a declared entity on table',
    );
    expect(() => table.addAccessPattern({ name: 'too many parts', partitionKey: 'USER#{a}#{b}' })).toThrow(
      '[S/Orders] addAccessPattern("too many parts"): received {"partitionKey":"USER#{a}#{b}"}; allowed: keys of a declared entity on table',
    );
    // the entity's literal text is literal, not a regular expression
    const versioned = build({ entities: [{ name: 'Doc', partitionKey: 'V1.0#{id}', sortKey: 'X' }] });
    versioned.addAccessPattern({ name: 'doc', partitionKey: 'V1.0#{docId}' });
    expect(() => versioned.addAccessPattern({ name: 'dot is not any char', partitionKey: 'V1x0#{id}' })).toThrow(
      '[S/Orders] addAccessPattern("dot is not any char"): received {"partitionKey":"V1x0#{id}"}; allowed: keys of a declared entity on table (\'V1.0#{id}\' / \'X\')',
    );
  });

  test('[DDB-2] addAccessPattern checks the pattern at once', () => {
    const table = build({ entities: [USER] });
    expect(() => table.addAccessPattern({ name: 'p', indexName: 'GSI1', partitionKey: 'USER#{userId}' })).toThrow(
      "[S/Orders] addAccessPattern(\"p\").indexName: received 'GSI1'; allowed: a declared global secondary index (none declared)",
    );
    table.addAccessPattern({ name: 'p', partitionKey: 'USER#{userId}' });
    expect(() => table.addAccessPattern({ name: 'p', partitionKey: 'USER#{userId}' })).toThrow(
      "[S/Orders] addAccessPattern(\"p\").name: received 'p'; allowed: a unique access pattern name (accessPatterns[0].name has it)",
    );
    expect(table.accessPatterns).toHaveLength(1);
  });

  test('[DDB-2] tokens in names and key templates are never rejected', () => {
    const tokenName = Lazy.string({ produce: () => 'GSI7' });
    const tokenKey = Token.asString(Lazy.string({ produce: () => 'X' }));
    const table = build({
      entities: [{ name: tokenKey, partitionKey: tokenKey, sortKey: tokenKey }, USER],
      globalIndexes: [{ ...gsi(1), indexName: tokenName }],
      accessPatterns: [
        { name: tokenKey, partitionKey: tokenKey, sortKey: KeyCondition.beginsWith(tokenKey) },
        { name: 'on token index', indexName: tokenName, partitionKey: 'ANY#{x}' },
      ],
      timeToLiveAttribute: Lazy.string({ produce: () => 'PK' }),
    });
    expect(table.accessPatterns).toHaveLength(2);
  });
});

describe('[DDB-3] GSIs only for required query patterns', () => {
  test('[DDB-3] fails at synth when a declared GSI serves no access pattern', () => {
    const table = build({ entities: [USER, ORDER], globalIndexes: [gsi(1)] });
    expect(() => Template.fromStack(table.table.stack)).toThrow(
      "[S/Orders] globalIndexes: received 'GSI1'; allowed: indexes that serve at least one access pattern (DDB-3). Declare the access pattern that queries 'GSI1' (accessPatterns or addAccessPattern), or remove the index",
    );
  });

  test('[DDB-3] a pattern added after construction makes the GSI used', () => {
    const table = build({ entities: [USER, ORDER], globalIndexes: [gsi(1)] });
    table.addAccessPattern(BY_STATUS);
    Template.fromStack(table.table.stack).resourceCountIs('AWS::DynamoDB::Table', 1);
  });

  test('[DDB-3] fails for more GSIs than DynamoDB allows (20); 20 are fine', () => {
    const many = (n: number) => Array.from({ length: n }, (_, i) => gsi(i + 1, false));
    expect(() => build({ globalIndexes: many(21) })).toThrow(
      "[S/Orders] globalIndexes: received '21 indexes'; allowed: at most 20 global secondary indexes per table (the DynamoDB quota)",
    );
    const twenty = many(20);
    const table = build({
      globalIndexes: twenty,
      entities: [{ name: 'E', partitionKey: 'E', sortKey: 'E', indexKeys: twenty.map((g) => ({ indexName: g.indexName, partitionKey: 'K' })) }],
      accessPatterns: twenty.map((g) => ({ name: g.indexName, indexName: g.indexName, partitionKey: 'K' })),
    });
    expect(Template.fromStack(table.table.stack).toJSON().Resources.OrdersTable1F8332C7.Properties.GlobalSecondaryIndexes).toHaveLength(20);
  });
});

describe('bad input', () => {
  test.each([
    ['', 'empty'],
    ['USER#{userId', 'unclosed placeholder'],
    ['USER#userId}', 'stray closing brace'],
    ['USER#{}', 'empty placeholder'],
    ['USER#{user-id}', 'placeholder name with a dash'],
    ['USER#{{userId}}', 'nested braces'],
    ['USER#{1st}', 'placeholder name starting with a digit'],
  ])('fails for a malformed key template %p (%s)', (template) => {
    expect(() => build({ entities: [{ name: 'User', partitionKey: template, sortKey: 'PROFILE' }] })).toThrow(
      `[S/Orders] entities[0].partitionKey: received '${template}'; allowed: a non-empty key template: literal text with {name} placeholders`,
    );
  });

  test('fails for malformed templates in every place a template goes', () => {
    expect(() => build({ entities: [{ ...USER, sortKey: 'A}' }] })).toThrow("[S/Orders] entities[0].sortKey: received 'A}'");
    expect(() => build({ entities: [{ ...ORDER, indexKeys: [{ indexName: 'GSI1', partitionKey: '{x', sortKey: 'S' }] }], globalIndexes: [gsi(1)] })).toThrow(
      "[S/Orders] entities[0].indexKeys[0].partitionKey: received '{x'",
    );
    expect(() => build({ entities: [{ ...ORDER, indexKeys: [{ indexName: 'GSI1', partitionKey: 'P', sortKey: '' }] }], globalIndexes: [gsi(1)] })).toThrow(
      "[S/Orders] entities[0].indexKeys[0].sortKey: received ''",
    );
    expect(() => build({ entities: [USER], accessPatterns: [{ name: 'p', partitionKey: 'USER#{}' }] })).toThrow(
      "[S/Orders] accessPatterns[0].partitionKey: received 'USER#{}'",
    );
    expect(() => build({ entities: [USER], accessPatterns: [{ name: 'p', partitionKey: 'USER#{id}', sortKey: KeyCondition.beginsWith('') }] })).toThrow(
      "[S/Orders] accessPatterns[0].sortKey: received ''",
    );
  });

  test('fails for duplicate entity, index and pattern names', () => {
    expect(() => build({ entities: [USER, { ...ORDER, name: 'User', indexKeys: [] }] })).toThrow(
      "[S/Orders] entities[1].name: received 'User'; allowed: a unique entity name (entities[0].name has it)",
    );
    expect(() => build({ globalIndexes: [gsi(1), gsi(2), { ...gsi(3), indexName: 'GSI1' }] })).toThrow(
      "[S/Orders] globalIndexes[2].indexName: received 'GSI1'; allowed: a unique index name (globalIndexes[0].indexName has it)",
    );
    expect(() =>
      build({ entities: [USER], accessPatterns: [{ name: 'p', partitionKey: 'USER#{a}' }, { name: 'p', partitionKey: 'USER#{b}' }] }),
    ).toThrow("[S/Orders] accessPatterns[1].name: received 'p'; allowed: a unique access pattern name (accessPatterns[0].name has it)");
    expect(() =>
      build({
        globalIndexes: [gsi(1)],
        entities: [{ ...ORDER, indexKeys: [ORDER.indexKeys![0], ORDER.indexKeys![0]] }],
      }),
    ).toThrow("[S/Orders] entities[0].indexKeys[1].indexName: received 'GSI1'; allowed: a unique index name (entities[0].indexKeys[0].indexName has it)");
  });

  test('fails for an empty entity or access pattern name and for an index name DynamoDB refuses', () => {
    expect(() => build({ entities: [{ ...USER, name: ' ' }] })).toThrow("[S/Orders] entities[0].name: received ' '; allowed: a non-empty name");
    expect(() => build({ entities: [USER], accessPatterns: [{ name: '', partitionKey: 'USER#{id}' }] })).toThrow(
      "[S/Orders] accessPatterns[0].name: received ''; allowed: a non-empty name",
    );
    for (const indexName of ['G1', 'GSI 1', 'GSI#1', 'x'.repeat(256)]) {
      expect(() => build({ globalIndexes: [gsi(1), { ...gsi(2), indexName }] })).toThrow(
        `[S/Orders] globalIndexes[1].indexName: received '${indexName}'; allowed: a DynamoDB index name: 3 to 255 letters, digits, underscores, hyphens and dots`,
      );
    }
    const ok = build({ globalIndexes: [{ ...gsi(1), indexName: 'by-status.v1_2' }], entities: [{ ...ORDER, indexKeys: [{ ...ORDER.indexKeys![0], indexName: 'by-status.v1_2' }] }] });
    ok.addAccessPattern({ ...BY_STATUS, indexName: 'by-status.v1_2' });
    expect(ok.accessPatterns).toHaveLength(1);
  });

  test('fails when an entity names a missing index or mismatches its sort key', () => {
    expect(() => build({ entities: [ORDER] })).toThrow(
      "[S/Orders] entities[0].indexKeys[0].indexName: received 'GSI1'; allowed: a declared global secondary index: none declared",
    );
    expect(() => build({ entities: [ORDER], globalIndexes: [gsi(1, false)] })).toThrow(
      "[S/Orders] entities[0].indexKeys[0].sortKey: received 'ORDER#{orderId}'; allowed: no sort key: index 'GSI1' has only the partition key 'GSI1PK'",
    );
    expect(() => build({ entities: [{ ...ORDER, indexKeys: [{ indexName: 'GSI1', partitionKey: 'S#{s}' }] }], globalIndexes: [gsi(1)] })).toThrow(
      "[S/Orders] entities[0].indexKeys[0].sortKey: received undefined; allowed: a key template for the sort key 'GSI1SK' of index 'GSI1'",
    );
  });

  test('fails for literal text in a NUMBER key and for begins_with on a NUMBER sort key', () => {
    const byTime: dynamodb.GlobalSecondaryIndexProps = {
      indexName: 'ByTime',
      partitionKey: { name: 'GSI2PK', type: dynamodb.AttributeType.STRING },
      sortKey: { name: 'createdAt', type: dynamodb.AttributeType.NUMBER },
    };
    const order = (sortKey: string): EntityDefinition => ({ ...ORDER, indexKeys: [{ indexName: 'ByTime', partitionKey: 'USER#{userId}', sortKey }] });
    expect(() => build({ entities: [order('TIME#{createdAt}')], globalIndexes: [byTime] })).toThrow(
      "[S/Orders] entities[0].indexKeys[0].sortKey: received 'TIME#{createdAt}'; allowed: one placeholder such as '{value}': 'createdAt' of index 'ByTime' is not a STRING attribute, so its values hold no literal text",
    );
    const byCount: dynamodb.GlobalSecondaryIndexProps = { indexName: 'ByCount', partitionKey: { name: 'n', type: dynamodb.AttributeType.NUMBER } };
    expect(() =>
      build({ entities: [{ ...USER, indexKeys: [{ indexName: 'ByCount', partitionKey: 'N#{n}' }] }], globalIndexes: [byCount] }),
    ).toThrow("[S/Orders] entities[0].indexKeys[0].partitionKey: received 'N#{n}'; allowed: one placeholder such as '{value}': 'n' of index 'ByCount'");
    const table = build({
      entities: [order('{createdAt}')],
      globalIndexes: [byTime],
      accessPatterns: [{ name: 'orders at a time', indexName: 'ByTime', partitionKey: 'USER#{id}', sortKey: KeyCondition.equalTo('{t}') }],
    });
    expect(() =>
      table.addAccessPattern({ name: 'prefix', indexName: 'ByTime', partitionKey: 'USER#{id}', sortKey: KeyCondition.beginsWith('17') }),
    ).toThrow(
      '[S/Orders] addAccessPattern("prefix").sortKey: received {"operator":"BEGINS_WITH","value":"17"}; allowed: an equality: begins_with works on STRING and BINARY sort keys, and \'createdAt\' of index \'ByTime\' is a NUMBER',
    );
    // begins_with on a BINARY sort key is fine
    const byHash: dynamodb.GlobalSecondaryIndexProps = { ...byTime, indexName: 'ByHash', sortKey: { name: 'hash', type: dynamodb.AttributeType.BINARY } };
    const hashed = build({
      entities: [{ ...ORDER, indexKeys: [{ indexName: 'ByHash', partitionKey: 'USER#{userId}', sortKey: '{hash}' }] }],
      globalIndexes: [byHash],
      accessPatterns: [{ name: 'hash prefix', indexName: 'ByHash', partitionKey: 'USER#{id}', sortKey: KeyCondition.beginsWith('{prefix}') }],
    });
    expect(hashed.accessPatterns).toHaveLength(1);
  });

  test('fails for a GSI without a single partition key attribute', () => {
    expect(() => build({ globalIndexes: [{ indexName: 'GSI1' }] })).toThrow(
      '[S/Orders] globalIndexes[0].partitionKey: received undefined; allowed: a single partition key attribute',
    );
  });

  test('fails when the TTL attribute collides with a key attribute of the table or a GSI', () => {
    expect(() => build({ timeToLiveAttribute: 'PK' })).toThrow(
      "[S/Orders] timeToLiveAttribute: received 'PK'; allowed: a non-empty attribute name that is not a key attribute (PK, SK)",
    );
    expect(() => build({ timeToLiveAttribute: 'GSI1SK', globalIndexes: [gsi(1)] })).toThrow(
      "[S/Orders] timeToLiveAttribute: received 'GSI1SK'; allowed: a non-empty attribute name that is not a key attribute (PK, SK, GSI1PK, GSI1SK)",
    );
    expect(() => build({ timeToLiveAttribute: '' })).toThrow("[S/Orders] timeToLiveAttribute: received ''");
  });

  test('SortDirection defaults to ascending in the docs and renders descending when asked', () => {
    const table = build({ entities: [USER], accessPatterns: [{ name: 'p', partitionKey: 'USER#{id}', sortDirection: SortDirection.DESCENDING }] });
    expect(table.renderMarkdown()).toContain('| p | table | `PK = USER#{id}` | descending | User |');
  });
});
