/**
 * A small structural check of a schema document at synth (EVB-4): what `AWS::EventSchemas::Schema`
 * accepts is a JSON Schema Draft 4 document or an OpenAPI 3 document. This is not a full
 * meta-schema validation; it catches what makes a document "not a schema": text that is not JSON,
 * a document that is not an object, keywords of the wrong type (`type: 'strnig'`, `required: 'id'`,
 * `properties: []`, an invalid `pattern`), and a wrong `$schema` or `openapi` version.
 *
 * Pure functions, no dependency: each returns the problems found, as `<JSON pointer>: <problem>`.
 */

const SIMPLE_TYPES = ['array', 'boolean', 'integer', 'null', 'number', 'object', 'string'];
const DRAFT4_URIS = ['http://json-schema.org/draft-04/schema#', 'http://json-schema.org/draft-04/schema'];

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

function isObject(x: unknown): x is { [key: string]: Json } {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}

function pointer(path: string[]): string {
  return path.length === 0 ? '/' : '/' + path.map((p) => p.replace(/~/g, '~0').replace(/\//g, '~1')).join('/');
}

/** How schema objects differ between the two formats. */
interface Dialect {
  /** OpenAPI 3 schema objects: `type` is one string, `nullable` is allowed, no `$schema`. */
  readonly openApi: boolean;
}

function checkSchemaObject(schema: unknown, path: string[], dialect: Dialect, problems: string[]): void {
  const at = pointer(path);
  if (!isObject(schema)) {
    problems.push(`${at}: a schema must be an object, got ${describe(schema)}`);
    return;
  }
  const nonNegativeInteger = (key: string) => {
    const v = schema[key];
    if (v !== undefined && !(typeof v === 'number' && Number.isInteger(v) && v >= 0)) {
      problems.push(`${pointer([...path, key])}: must be a non-negative integer, got ${describe(v)}`);
    }
  };
  const number = (key: string) => {
    const v = schema[key];
    if (v !== undefined && typeof v !== 'number') {
      problems.push(`${pointer([...path, key])}: must be a number, got ${describe(v)}`);
    }
  };
  const bool = (key: string) => {
    const v = schema[key];
    if (v !== undefined && typeof v !== 'boolean') {
      problems.push(`${pointer([...path, key])}: must be a boolean, got ${describe(v)}`);
    }
  };
  const str = (key: string) => {
    const v = schema[key];
    if (v !== undefined && typeof v !== 'string') {
      problems.push(`${pointer([...path, key])}: must be a string, got ${describe(v)}`);
    }
  };
  const schemaMap = (key: string) => {
    const v = schema[key];
    if (v === undefined) return;
    if (!isObject(v)) {
      problems.push(`${pointer([...path, key])}: must be an object of schemas, got ${describe(v)}`);
      return;
    }
    for (const [name, sub] of Object.entries(v)) {
      checkSchemaObject(sub, [...path, key, name], dialect, problems);
    }
  };
  const schemaList = (key: string) => {
    const v = schema[key];
    if (v === undefined) return;
    if (!Array.isArray(v) || v.length === 0) {
      problems.push(`${pointer([...path, key])}: must be a non-empty array of schemas, got ${describe(v)}`);
      return;
    }
    v.forEach((sub, i) => checkSchemaObject(sub, [...path, key, String(i)], dialect, problems));
  };
  const schemaOrBool = (key: string) => {
    const v = schema[key];
    if (v === undefined || typeof v === 'boolean') return;
    checkSchemaObject(v, [...path, key], dialect, problems);
  };

  // $schema: only the root's matters, and it must be Draft 4; OpenAPI schema objects have none
  if (schema.$schema !== undefined) {
    if (dialect.openApi) {
      problems.push(`${pointer([...path, '$schema'])}: OpenAPI 3 schema objects have no $schema`);
    } else if (path.length === 0 && (typeof schema.$schema !== 'string' || !DRAFT4_URIS.includes(schema.$schema))) {
      problems.push(`${pointer([...path, '$schema'])}: must be '${DRAFT4_URIS[0]}' (JSON Schema Draft 4), got ${describe(schema.$schema)}`);
    }
  }

  const type = schema.type;
  if (type !== undefined) {
    const types = Array.isArray(type) && !dialect.openApi ? type : [type];
    if (Array.isArray(type) && type.length === 0) {
      problems.push(`${pointer([...path, 'type'])}: must not be an empty array`);
    }
    for (const t of types) {
      if (typeof t !== 'string' || !SIMPLE_TYPES.includes(t) || (dialect.openApi && t === 'null')) {
        const allowed = (dialect.openApi ? SIMPLE_TYPES.filter((x) => x !== 'null') : SIMPLE_TYPES).join(', ');
        problems.push(`${pointer([...path, 'type'])}: must be ${dialect.openApi ? 'one' : 'one or a list'} of ${allowed}, got ${describe(t)}`);
      }
    }
  }

  schemaMap('properties');
  schemaMap('patternProperties');
  schemaMap('definitions');
  schemaList('allOf');
  schemaList('anyOf');
  schemaList('oneOf');
  if (schema.not !== undefined) checkSchemaObject(schema.not, [...path, 'not'], dialect, problems);
  schemaOrBool('additionalProperties');
  schemaOrBool('additionalItems');

  if (schema.items !== undefined) {
    if (Array.isArray(schema.items) && !dialect.openApi) {
      schema.items.forEach((sub, i) => checkSchemaObject(sub, [...path, 'items', String(i)], dialect, problems));
    } else {
      checkSchemaObject(schema.items, [...path, 'items'], dialect, problems);
    }
  }

  if (schema.required !== undefined) {
    const r = schema.required;
    const ok = Array.isArray(r) && r.length > 0 && r.every((x) => typeof x === 'string') && new Set(r).size === r.length;
    if (!ok) {
      problems.push(`${pointer([...path, 'required'])}: must be a non-empty array of unique property names, got ${describe(r)}`);
    }
  }
  if (schema.enum !== undefined && !(Array.isArray(schema.enum) && schema.enum.length > 0)) {
    problems.push(`${pointer([...path, 'enum'])}: must be a non-empty array, got ${describe(schema.enum)}`);
  }
  if (schema.pattern !== undefined) {
    if (typeof schema.pattern !== 'string') {
      problems.push(`${pointer([...path, 'pattern'])}: must be a regular expression string, got ${describe(schema.pattern)}`);
    } else {
      try {
        new RegExp(schema.pattern, 'u');
      } catch {
        problems.push(`${pointer([...path, 'pattern'])}: is not a valid regular expression: ${describe(schema.pattern)}`);
      }
    }
  }
  if (schema.patternProperties !== undefined && isObject(schema.patternProperties)) {
    for (const key of Object.keys(schema.patternProperties)) {
      try {
        new RegExp(key, 'u');
      } catch {
        problems.push(`${pointer([...path, 'patternProperties', key])}: the key is not a valid regular expression`);
      }
    }
  }
  if (schema.dependencies !== undefined) {
    if (!isObject(schema.dependencies)) {
      problems.push(`${pointer([...path, 'dependencies'])}: must be an object, got ${describe(schema.dependencies)}`);
    } else {
      for (const [name, dep] of Object.entries(schema.dependencies)) {
        if (Array.isArray(dep)) {
          if (dep.length === 0 || !dep.every((x) => typeof x === 'string')) {
            problems.push(`${pointer([...path, 'dependencies', name])}: must be a schema or a non-empty array of property names`);
          }
        } else {
          checkSchemaObject(dep, [...path, 'dependencies', name], dialect, problems);
        }
      }
    }
  }
  if (schema.multipleOf !== undefined && !(typeof schema.multipleOf === 'number' && schema.multipleOf > 0)) {
    problems.push(`${pointer([...path, 'multipleOf'])}: must be a number greater than 0, got ${describe(schema.multipleOf)}`);
  }
  ['maxLength', 'minLength', 'maxItems', 'minItems', 'maxProperties', 'minProperties'].forEach(nonNegativeInteger);
  ['maximum', 'minimum'].forEach(number);
  // Draft 4 (and OpenAPI 3.0): exclusiveMaximum / exclusiveMinimum are booleans
  ['exclusiveMaximum', 'exclusiveMinimum', 'uniqueItems'].forEach(bool);
  ['title', 'description', 'format', '$ref', 'id'].forEach(str);
  if (dialect.openApi) {
    ['nullable', 'readOnly', 'writeOnly', 'deprecated'].forEach(bool);
  }
}

function describe(x: unknown): string {
  if (x === undefined) return 'nothing';
  const text = JSON.stringify(x);
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}

/** Parses `content` as JSON; returns the value or the parse problem. */
export function parseJson(content: string): { value?: unknown; problem?: string } {
  try {
    return { value: JSON.parse(content) };
  } catch (e) {
    return { problem: `/: not JSON (${(e as Error).message})` };
  }
}

/** The problems of a JSON Schema Draft 4 document (empty when it is structurally valid). */
export function jsonSchemaDraft4Problems(content: string): string[] {
  const parsed = parseJson(content);
  if (parsed.problem) {
    return [parsed.problem];
  }
  const problems: string[] = [];
  checkSchemaObject(parsed.value, [], { openApi: false }, problems);
  return problems;
}

/** The problems of an OpenAPI 3 document as EventBridge schemas use it (empty when valid). */
export function openApi3Problems(content: string): string[] {
  const parsed = parseJson(content);
  if (parsed.problem) {
    return [parsed.problem];
  }
  const doc = parsed.value;
  if (!isObject(doc)) {
    return [`/: an OpenAPI document must be an object, got ${describe(doc)}`];
  }
  const problems: string[] = [];
  if (typeof doc.openapi !== 'string' || !/^3\.\d+\.\d+$/.test(doc.openapi)) {
    problems.push(`/openapi: must be an OpenAPI 3 version such as '3.0.0', got ${describe(doc.openapi)}`);
  }
  if (!isObject(doc.info) || typeof doc.info.title !== 'string' || typeof doc.info.version !== 'string') {
    problems.push('/info: must be an object with a string title and a string version');
  }
  if (doc.paths !== undefined && !isObject(doc.paths)) {
    problems.push(`/paths: must be an object, got ${describe(doc.paths)}`);
  }
  const components = doc.components;
  if (components !== undefined && !isObject(components)) {
    problems.push(`/components: must be an object, got ${describe(components)}`);
  } else if (isObject(components) && components.schemas !== undefined) {
    if (!isObject(components.schemas)) {
      problems.push(`/components/schemas: must be an object of schemas, got ${describe(components.schemas)}`);
    } else {
      for (const [name, schema] of Object.entries(components.schemas)) {
        checkSchemaObject(schema, ['components', 'schemas', name], { openApi: true }, problems);
      }
    }
  }
  if (!isObject(components) || !isObject(components.schemas) || Object.keys(components.schemas).length === 0) {
    problems.push('/components/schemas: must define at least one schema (the event, e.g. AWSEvent)');
  }
  return problems;
}
