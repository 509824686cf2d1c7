/**
 * What src/index.ts exports (no jsii compile needed): each exported class, whether it is a
 * construct (its prototype chain reaches `Construct`), the file that declares it, and the required
 * props of its constructor's `props` parameter, read from the sources with the TypeScript parser
 * (syntax only: building a type-checked program over aws-cdk-lib's declarations took 17–28 s here).
 * Used by the tests that must cover every exported construct (test/core/construct-registry.test.ts,
 * test/core/required-props.test.ts).
 */
import * as fs from 'fs';
import * as path from 'path';
import { Construct } from 'constructs';
import * as ts from 'typescript';
import * as library from '../../src';

const ROOT = path.join(__dirname, '..', '..');

/**
 * Props interfaces from outside src/ that a props interface of the library extends, each checked
 * (with the type checker, 2026-12) to have no required property. A new one fails
 * `exportedClasses()`: check it and add it here.
 */
const EXTERNAL_BASES_WITHOUT_REQUIRED_PROPS = ['lambda.FunctionOptions', 's3.BucketProps'];

/** One exported class. */
export interface ExportedClass {
  readonly name: string;
  /** The file that declares it, relative to the root (`src/secure-bucket/secure-bucket.ts`). */
  readonly file: string;
  /** Whether it extends `Construct` (directly or through an L2). */
  readonly isConstruct: boolean;
  /** Required props of the constructor's `props` parameter, own before inherited (empty when none). */
  readonly requiredProps: string[];
}

interface InterfaceInfo {
  readonly required: string[];
  readonly bases: string[];
}

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    return entry.name.endsWith('.ts') ? [full] : [];
  });
}

let cached: ExportedClass[] | undefined;

/** Every class src/index.ts exports, sorted by name. */
export function exportedClasses(): ExportedClass[] {
  if (cached) return cached;
  const interfaces = new Map<string, InterfaceInfo>();
  const classes = new Map<string, { file: string; propsType?: string }>();
  for (const file of sourceFiles(path.join(ROOT, 'src'))) {
    const source = ts.createSourceFile(file, fs.readFileSync(file, 'utf-8'), ts.ScriptTarget.ES2022, true);
    for (const statement of source.statements) {
      if (ts.isInterfaceDeclaration(statement)) {
        interfaces.set(statement.name.text, {
          required: statement.members
            .filter((m): m is ts.PropertySignature => ts.isPropertySignature(m) && !m.questionToken)
            .map((m) => m.name.getText(source)),
          bases: (statement.heritageClauses ?? []).flatMap((h) => h.types.map((t) => t.expression.getText(source))),
        });
      }
      if (ts.isClassDeclaration(statement) && statement.name) {
        const ctor = statement.members.find(ts.isConstructorDeclaration);
        const props = ctor?.parameters.find((p) => ts.isIdentifier(p.name) && p.name.text === 'props');
        classes.set(statement.name.text, { file: path.relative(ROOT, file), propsType: props?.type?.getText(source) });
      }
    }
  }
  const requiredOf = (name: string): string[] => {
    const info = interfaces.get(name);
    if (!info) {
      if (!EXTERNAL_BASES_WITHOUT_REQUIRED_PROPS.includes(name)) {
        throw new Error(`a props interface extends ${name}: check whether it has required props, then list it in test/util/exported-api.ts`);
      }
      return [];
    }
    return [...info.required, ...info.bases.flatMap(requiredOf)];
  };
  cached = (Object.entries(library) as [string, unknown][])
    .filter((pair): pair is [string, Function] => typeof pair[1] === 'function' && classes.has(pair[1].name))
    .map(([name, value]) => {
      const declared = classes.get(name)!;
      return {
        name,
        file: declared.file,
        isConstruct: value.prototype instanceof Construct,
        requiredProps: declared.propsType ? requiredOf(declared.propsType) : [],
      };
    })
    .sort((a, b) => a.name.localeCompare(b.name));
  return cached;
}
