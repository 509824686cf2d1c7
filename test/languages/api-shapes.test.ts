import * as fs from 'fs';
import * as path from 'path';
import { ROOT } from './packages';

/**
 * The public API reads well in every jsii language: no `any`/`Json` or union types (they become
 * `object`/`Object`/`interface{}` in Python, Java, Go and C#), and no member or parameter named
 * after a keyword of a target language (the compile task silences jsii's own reserved-word
 * warning). Reads the assembly `.jsii` that `npx projen compile` writes; skipped without it.
 */
const PYTHON = ['and', 'as', 'assert', 'async', 'await', 'break', 'class', 'continue', 'def', 'del', 'elif', 'else',
  'except', 'finally', 'for', 'from', 'global', 'if', 'import', 'in', 'is', 'lambda', 'nonlocal', 'not', 'or', 'pass',
  'raise', 'return', 'try', 'while', 'with', 'yield', 'self', 'print', 'exec'];
const JAVA = ['abstract', 'assert', 'boolean', 'break', 'byte', 'case', 'catch', 'char', 'class', 'const', 'continue',
  'default', 'do', 'double', 'else', 'enum', 'extends', 'final', 'finally', 'float', 'for', 'goto', 'if', 'implements',
  'import', 'instanceof', 'int', 'interface', 'long', 'native', 'new', 'package', 'private', 'protected', 'public',
  'return', 'short', 'static', 'strictfp', 'super', 'switch', 'synchronized', 'this', 'throw', 'throws', 'transient',
  'try', 'void', 'volatile', 'while'];
const GO = ['break', 'case', 'chan', 'const', 'continue', 'default', 'defer', 'else', 'fallthrough', 'for', 'func', 'go',
  'goto', 'if', 'import', 'interface', 'map', 'package', 'range', 'return', 'select', 'struct', 'switch', 'type', 'var'];
const CSHARP = ['base', 'checked', 'decimal', 'delegate', 'event', 'explicit', 'extern', 'fixed', 'foreach', 'implicit',
  'internal', 'lock', 'namespace', 'object', 'operator', 'out', 'override', 'params', 'readonly', 'ref', 'sbyte',
  'sealed', 'sizeof', 'stackalloc', 'string', 'uint', 'ulong', 'unchecked', 'unsafe', 'ushort', 'using', 'virtual'];
/** Python and Java keep member names (snake_case kwargs, builder methods); Go and C# capitalise them. */
const RESERVED_MEMBER = new Set([...PYTHON, ...JAVA]);
/** Parameter names stay lower-case in every language. */
const RESERVED_PARAMETER = new Set([...PYTHON, ...JAVA, ...GO, ...CSHARP]);

interface TypeRef { primitive?: string; union?: unknown; collection?: { elementtype: TypeRef } }
interface Param { name: string; type: TypeRef }
interface JsiiType {
  fqn: string;
  kind: string;
  properties?: { name: string; type: TypeRef }[];
  methods?: { name: string; returns?: { type: TypeRef }; parameters?: Param[] }[];
  initializer?: { parameters?: Param[] };
}

/** Every named place in the public API with its type: `Type#member`, `Type#method(param)`. */
export function apiMembers(types: JsiiType[]): { where: string; name: string; parameter: boolean; type?: TypeRef }[] {
  return types.flatMap((t) => [
    ...(t.properties ?? []).map((p) => ({ where: `${t.fqn}#${p.name}`, name: p.name, parameter: false, type: p.type })),
    ...(t.methods ?? []).flatMap((m) => [
      { where: `${t.fqn}#${m.name}()`, name: m.name, parameter: false, type: m.returns?.type },
      ...(m.parameters ?? []).map((p) => ({ where: `${t.fqn}#${m.name}(${p.name})`, name: p.name, parameter: true, type: p.type })),
    ]),
    ...(t.initializer?.parameters ?? []).map((p) => ({ where: `${t.fqn}(${p.name})`, name: p.name, parameter: true, type: p.type })),
  ]);
}

/** Whether a member or parameter name is a keyword where it keeps its name. */
export function isReserved(member: { name: string; parameter: boolean }): boolean {
  return (member.parameter ? RESERVED_PARAMETER : RESERVED_MEMBER).has(member.name);
}

/** Whether a type reference is, or contains, `any`, `Json` or a union. */
export function isLoose(type: TypeRef | undefined): boolean {
  if (!type) return false;
  if (type.union || type.primitive === 'any' || type.primitive === 'json') return true;
  return isLoose(type.collection?.elementtype);
}

describe('API shapes for other languages', () => {
  test('the checks see loose types and keywords', () => {
    const sample: JsiiType[] = [{
      fqn: 'x.T',
      kind: 'class',
      properties: [
        { name: 'lambda', type: { primitive: 'string' } },
        { name: 'type', type: { primitive: 'string' } }, // Go capitalises it: fine
        { name: 'ok', type: { collection: { elementtype: { primitive: 'any' } } } },
      ],
      methods: [{ name: 'grant', parameters: [{ name: 'type', type: { primitive: 'string' } }] }],
    }];
    const members = apiMembers(sample);
    expect(members.filter(isReserved).map((m) => m.where)).toEqual(['x.T#lambda', 'x.T#grant(type)']);
    expect(members.filter((m) => isLoose(m.type)).map((m) => m.where)).toEqual(['x.T#ok']);
  });

  describe('the assembly', () => {
    // `npx projen test` compiles first when .jsii is missing or older than src/ (projenrc/assembly-stale.sh)
    const jsiiFile = path.join(ROOT, '.jsii');
    if (!fs.existsSync(jsiiFile)) {
      throw new Error('.jsii is missing: run npx projen compile (npx projen test does it when .jsii is missing or stale)');
    }
    const assembly = JSON.parse(fs.readFileSync(jsiiFile, 'utf-8')) as { types: Record<string, JsiiType> };
    const members = apiMembers(Object.values(assembly.types));

    test('has no any, Json or union type', () => {
      expect(members.filter((m) => isLoose(m.type)).map((m) => m.where)).toEqual([]);
    });

    test('names no member or parameter after a Python, Java, Go or C# keyword', () => {
      expect(members.filter(isReserved).map((m) => m.where)).toEqual([]);
    });
  });
});
