import { IConstruct } from 'constructs';
import { ConstructValidationError } from '../../core/private/errors';
import { checkUnique, isUnresolved } from '../../core/private/validation';
import { AccessPattern, EntityDefinition, KeyConditionOperator, SortDirection } from '../access-patterns';

/** The key schema of the table or one of its global secondary indexes. */
export interface IndexKeySchema {
  /** `undefined` for the table itself. */
  readonly indexName?: string;
  readonly partitionKeyName: string;
  readonly sortKeyName?: string;
  /** `true` when the sort key is a NUMBER or BINARY attribute (no literal text, no begins_with on a number). */
  readonly sortKeyNotString?: boolean;
  /** `true` when the partition key is a NUMBER or BINARY attribute. */
  readonly partitionKeyNotString?: boolean;
  /** `true` when the sort key is a NUMBER attribute (begins_with works on STRING and BINARY only). */
  readonly sortKeyIsNumber?: boolean;
}

/** A template that is one placeholder and nothing else, e.g. `{createdAt}`. */
const SINGLE_PLACEHOLDER = /^\{[A-Za-z_][A-Za-z0-9_]*\}$/;

/** Throws unless a template for a NUMBER or BINARY key attribute is one placeholder (tokens are skipped). */
function checkNonStringKey(scope: IConstruct, prop: string, template: string, index: IndexKeySchema, attribute: string): void {
  if (isUnresolved(template) || SINGLE_PLACEHOLDER.test(template)) return;
  throw new ConstructValidationError(scope, {
    prop,
    received: template,
    allowed: `one placeholder such as '{value}': '${attribute}' of index '${index.indexName}' is not a STRING attribute, so its values hold no literal text`,
  });
}

/** The label of the table's own key in errors and rendered docs. */
export const TABLE_LABEL = 'table';

const TEMPLATE = /^(?:[^{}]|\{[A-Za-z_][A-Za-z0-9_]*\})+$/;
const TEMPLATE_ALLOWED =
  "a non-empty key template: literal text with {name} placeholders (name: a letter or _ then letters, digits, _), e.g. 'USER#{userId}'";

/** Throws unless `template` is a well-formed key template (tokens are skipped). */
export function checkTemplate(scope: IConstruct, prop: string, template: string): void {
  if (isUnresolved(template)) return;
  if (typeof template !== 'string' || !TEMPLATE.test(template)) {
    throw new ConstructValidationError(scope, { prop, received: template, allowed: TEMPLATE_ALLOWED });
  }
}

/** A template with placeholder names erased: `USER#{userId}` → `USER#{}`. */
function shape(template: string): string {
  return template.replace(/\{[^}]*\}/g, '{}');
}

/** The literal text before the first placeholder. */
function literalPrefix(template: string): string {
  const i = template.indexOf('{');
  return i < 0 ? template : template.slice(0, i);
}

/** Stands for a query template's placeholder when it is matched against an entity's template. */
const ANY_VALUE = '\u0000';

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * Whether the entity's key template can produce the key a query asks for with equality: the same
 * shape (placeholder names may differ, `USER#{id}` asks for `USER#{userId}`), or literal text where
 * the entity has a placeholder (`STATUS#shipped` asks for `STATUS#{status}`,
 * `ORDER#2026#{id}` for `ORDER#{year}#{id}`). A query placeholder fills one entity placeholder.
 */
export function canEqual(entity: string, query: string): boolean {
  if (isUnresolved(entity) || isUnresolved(query)) return true;
  const slot = `(?:${ANY_VALUE}|[^${ANY_VALUE}]+)`;
  const regex = new RegExp(`^${entity.split(/\{[^}]*\}/).map(escapeRegExp).join(slot)}$`);
  return regex.test(query.replace(/\{[^}]*\}/g, ANY_VALUE));
}

/** Whether keys of template `entity` can begin with the prefix template `prefix`. */
export function canBeginWith(entity: string, prefix: string): boolean {
  if (isUnresolved(entity) || isUnresolved(prefix)) return true;
  const e = shape(entity);
  const p = shape(prefix);
  if (e.startsWith(p)) return true;
  // the entity's placeholder can hold the rest of the prefix: 'ORDER#{date}' serves 'ORDER#2026-'
  const lit = literalPrefix(e);
  return e.includes('{') && literalPrefix(p).startsWith(lit);
}

/** DynamoDB's rule for index names: 3 to 255 of A-Z a-z 0-9 _ - . */
const INDEX_NAME = /^[A-Za-z0-9_.-]{3,255}$/;

/** Throws unless `name` is a valid DynamoDB index name (tokens are skipped). */
export function checkIndexName(scope: IConstruct, prop: string, name: string): void {
  if (isUnresolved(name) || INDEX_NAME.test(name)) return;
  throw new ConstructValidationError(scope, {
    prop,
    received: name,
    allowed: 'a DynamoDB index name: 3 to 255 letters, digits, underscores, hyphens and dots',
  });
}

/** Throws when an entity or access pattern name is empty (it names a row of the rendered docs). */
export function checkName(scope: IConstruct, prop: string, name: string): void {
  if (isUnresolved(name) || (typeof name === 'string' && name.trim() !== '')) return;
  throw new ConstructValidationError(scope, { prop, received: name, allowed: 'a non-empty name' });
}

/** Throws on the first duplicate `name` (tokens are skipped), naming the entry that has it first. */
export function checkUniqueNames(scope: IConstruct, propOf: (i: number) => string, names: string[], what: string): void {
  checkUnique(scope, propOf(0), names, (first) => `a unique ${what} name (${first} has it)`, { propOf });
}

/** The keys `entity` has on `index`, or undefined when it is not in that index. */
export function entityKeysOn(entity: EntityDefinition, index: IndexKeySchema): { pk: string; sk?: string } | undefined {
  if (index.indexName === undefined) {
    return { pk: entity.partitionKey, sk: entity.sortKey };
  }
  const keys = (entity.indexKeys ?? []).find((k) => k.indexName === index.indexName);
  return keys ? { pk: keys.partitionKey, sk: keys.sortKey } : undefined;
}

/** The entities a pattern can return: same partition key shape, sort key compatible. */
export function servedEntities(pattern: AccessPattern, index: IndexKeySchema, entities: EntityDefinition[]): string[] {
  return entities
    .filter((entity) => {
      const keys = entityKeysOn(entity, index);
      if (!keys || !canEqual(keys.pk, pattern.partitionKey)) return false;
      const cond = pattern.sortKey;
      if (!cond) return true;
      if (keys.sk === undefined) return false;
      return cond.operator === KeyConditionOperator.EQUALS ? canEqual(keys.sk, cond.value) : canBeginWith(keys.sk, cond.value);
    })
    .map((e) => e.name);
}

/** Checks one entity against the declared indexes (templates, index names, index keys). */
export function checkEntity(scope: IConstruct, prop: string, entity: EntityDefinition, indexes: Map<string, IndexKeySchema>): void {
  checkName(scope, `${prop}.name`, entity.name);
  checkTemplate(scope, `${prop}.partitionKey`, entity.partitionKey);
  checkTemplate(scope, `${prop}.sortKey`, entity.sortKey);
  checkUniqueNames(scope, (j) => `${prop}.indexKeys[${j}].indexName`, (entity.indexKeys ?? []).map((k) => k.indexName), 'index');
  (entity.indexKeys ?? []).forEach((keys, j) => {
    const keyProp = `${prop}.indexKeys[${j}]`;
    const index = isUnresolved(keys.indexName) ? undefined : indexes.get(keys.indexName);
    if (!isUnresolved(keys.indexName) && !index) {
      throw new ConstructValidationError(scope, {
        prop: `${keyProp}.indexName`,
        received: keys.indexName,
        allowed: `a declared global secondary index: ${listOrNone([...indexes.keys()])}`,
      });
    }
    checkTemplate(scope, `${keyProp}.partitionKey`, keys.partitionKey);
    if (keys.sortKey !== undefined) checkTemplate(scope, `${keyProp}.sortKey`, keys.sortKey);
    if (index?.partitionKeyNotString) checkNonStringKey(scope, `${keyProp}.partitionKey`, keys.partitionKey, index, index.partitionKeyName);
    if (index?.sortKeyNotString && keys.sortKey !== undefined) checkNonStringKey(scope, `${keyProp}.sortKey`, keys.sortKey, index, index.sortKeyName!);
    if (index && index.sortKeyName === undefined && keys.sortKey !== undefined) {
      throw new ConstructValidationError(scope, {
        prop: `${keyProp}.sortKey`,
        received: keys.sortKey,
        allowed: `no sort key: index '${index.indexName}' has only the partition key '${index.partitionKeyName}'`,
      });
    }
    if (index && index.sortKeyName !== undefined && keys.sortKey === undefined) {
      throw new ConstructValidationError(scope, {
        prop: `${keyProp}.sortKey`,
        received: undefined,
        allowed: `a key template for the sort key '${index.sortKeyName}' of index '${index.indexName}'`,
      });
    }
  });
}

/**
 * Checks one access pattern (DDB-2): its index exists, it only conditions keys the index has,
 * its templates are well formed, and at least one declared entity can be returned by it.
 * Returns the key schema it runs on.
 */
export function checkPattern(
  scope: IConstruct,
  prop: string,
  pattern: AccessPattern,
  table: IndexKeySchema,
  indexes: Map<string, IndexKeySchema>,
  entities: EntityDefinition[],
): IndexKeySchema | undefined {
  let index: IndexKeySchema | undefined = table;
  if (pattern.indexName !== undefined) {
    if (isUnresolved(pattern.indexName)) {
      index = undefined;
    } else {
      index = indexes.get(pattern.indexName);
      if (!index) {
        throw new ConstructValidationError(scope, {
          prop: `${prop}.indexName`,
          received: pattern.indexName,
          allowed: `a declared global secondary index (${listOrNone([...indexes.keys()])}), or no indexName for the table's own key`,
        });
      }
    }
  }
  checkTemplate(scope, `${prop}.partitionKey`, pattern.partitionKey);
  if (pattern.sortKey) {
    checkTemplate(scope, `${prop}.sortKey`, pattern.sortKey.value);
    if (index && index.sortKeyName === undefined) {
      throw new ConstructValidationError(scope, {
        prop: `${prop}.sortKey`,
        received: { operator: pattern.sortKey.operator, value: pattern.sortKey.value },
        allowed: `no sort key condition: index '${index.indexName}' has only the partition key '${index.partitionKeyName}'`,
      });
    }
    if (index?.sortKeyIsNumber && pattern.sortKey.operator === KeyConditionOperator.BEGINS_WITH) {
      throw new ConstructValidationError(scope, {
        prop: `${prop}.sortKey`,
        received: { operator: pattern.sortKey.operator, value: pattern.sortKey.value },
        allowed: `an equality: begins_with works on STRING and BINARY sort keys, and '${index.sortKeyName}' of index '${index.indexName}' is a NUMBER`,
      });
    }
  }
  if (index && servedEntities(pattern, index, entities).length === 0) {
    const onIndex = entities
      .map((e) => entityKeysOn(e, index!))
      .filter((k): k is { pk: string; sk?: string } => k !== undefined)
      .map((k) => (k.sk === undefined ? `'${k.pk}'` : `'${k.pk}' / '${k.sk}'`));
    throw new ConstructValidationError(scope, {
      prop: prop,
      received: pattern.sortKey
        ? { partitionKey: pattern.partitionKey, sortKey: { operator: pattern.sortKey.operator, value: pattern.sortKey.value } }
        : { partitionKey: pattern.partitionKey },
      allowed: `keys of a declared entity on ${index.indexName ?? TABLE_LABEL} (${listOrNone(onIndex)})`,
      hint: 'Declare the entity this pattern reads (entities[].partitionKey/sortKey, or entities[].indexKeys for an index)',
    });
  }
  return index;
}

/** The items joined by commas, or `none declared`. */
export function listOrNone(items: string[]): string {
  return items.length === 0 ? 'none declared' : items.join(', ');
}

function cell(text: string): string {
  return text.replace(/\|/g, '\\|');
}

function code(text: string): string {
  return `\`${cell(text)}\``;
}

/** Renders the entities and access patterns as two Markdown tables (DDB-1). */
export function renderMarkdown(
  table: IndexKeySchema,
  indexes: IndexKeySchema[],
  entities: EntityDefinition[],
  patterns: AccessPattern[],
): string {
  const lines: string[] = [];
  const keyColumns: string[] = [table.partitionKeyName, table.sortKeyName!];
  for (const index of indexes) {
    keyColumns.push(index.partitionKeyName);
    if (index.sortKeyName !== undefined) keyColumns.push(index.sortKeyName);
  }
  // a Description column only when the model has descriptions, so a model without them stays compact
  const entityNotes = entities.some((e) => e.description !== undefined);
  const patternNotes = patterns.some((p) => p.description !== undefined);
  const entityColumns = ['Entity', ...keyColumns, ...(entityNotes ? ['Description'] : [])];
  lines.push(`| ${entityColumns.join(' | ')} |`);
  lines.push(`|${' --- |'.repeat(entityColumns.length)}`);
  for (const entity of entities) {
    const cells = [cell(entity.name), code(entity.partitionKey), code(entity.sortKey)];
    for (const index of indexes) {
      const keys = entityKeysOn(entity, index);
      cells.push(keys ? code(keys.pk) : '');
      if (index.sortKeyName !== undefined) cells.push(keys?.sk !== undefined ? code(keys.sk) : '');
    }
    if (entityNotes) cells.push(cell(entity.description ?? ''));
    lines.push(`| ${cells.join(' | ')} |`);
  }
  lines.push('');
  const patternColumns = ['Access pattern', 'Index', 'Key condition', 'Order', 'Returns', ...(patternNotes ? ['Description'] : [])];
  lines.push(`| ${patternColumns.join(' | ')} |`);
  lines.push(`|${' --- |'.repeat(patternColumns.length)}`);
  for (const pattern of patterns) {
    const index = pattern.indexName === undefined ? table : indexes.find((i) => i.indexName === pattern.indexName);
    const pkName = index?.partitionKeyName ?? 'PK';
    let condition = `${pkName} = ${pattern.partitionKey}`;
    if (pattern.sortKey) {
      const skName = index?.sortKeyName ?? 'SK';
      condition += pattern.sortKey.operator === KeyConditionOperator.EQUALS
        ? ` AND ${skName} = ${pattern.sortKey.value}`
        : ` AND begins_with(${skName}, ${pattern.sortKey.value})`;
    }
    const order = pattern.sortDirection === SortDirection.DESCENDING ? 'descending' : 'ascending';
    const returns = index ? servedEntities(pattern, index, entities).join(', ') : '';
    const cells = [cell(pattern.name), cell(pattern.indexName ?? TABLE_LABEL), code(condition), order, cell(returns)];
    if (patternNotes) cells.push(cell(pattern.description ?? ''));
    lines.push(`| ${cells.join(' | ')} |`);
  }
  return lines.join('\n') + '\n';
}
