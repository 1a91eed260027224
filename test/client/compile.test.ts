// Given the packed @scholarvalley/api-client installed in a frontend project, when tsc compiles the sample programs of
// samples/, then the typed ones compile and each mistake (a wrong enum value, a missing variable or input field, a
// field the operation does not select) is a compile error naming it, with Amplify JS v6 and with urql.
import { cpSync, mkdirSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import ts from 'typescript';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildClientPackage, clientPackageName } from '../../scripts/client-package/build.ts';

const root = resolve(import.meta.dirname, '../..');
// Inside the repository, so the project resolves aws-amplify, @urql/core and TypedDocumentNode from its node_modules.
const project = join(root, 'build/client-compile-test');
const samples = join(import.meta.dirname, 'samples');

let diagnosticsByFile: Map<string, string[]>;

beforeAll(() => {
  buildClientPackage(join(project, 'node_modules', clientPackageName));
  mkdirSync(join(project, 'src'), { recursive: true });
  const files = readdirSync(samples).map((file) => {
    cpSync(join(samples, file), join(project, 'src', file));
    return join(project, 'src', file);
  });
  // What a frontend project typically compiles with (a bundler, DOM types).
  const program = ts.createProgram(files, {
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.ESNext,
    moduleResolution: ts.ModuleResolutionKind.Bundler,
    lib: ['lib.es2022.d.ts', 'lib.dom.d.ts'],
    types: [],
    strict: true,
    skipLibCheck: true,
    noEmit: true,
  });
  diagnosticsByFile = new Map(files.map((file) => [file.split('/').at(-1)!, []]));
  for (const diagnostic of ts.getPreEmitDiagnostics(program)) {
    const file = diagnostic.file?.fileName.split('/').at(-1) ?? '(global)';
    const message = ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n');
    diagnosticsByFile.set(file, [...(diagnosticsByFile.get(file) ?? []), message]);
  }
}, 120_000);

const errorsOf = (file: string): string[] => diagnosticsByFile.get(file) ?? [`no sample ${file}`];

describe('the frontend client package under tsc', () => {
  it('compiles typed Amplify JS v6 and urql programs without a diagnostic', () => {
    expect(diagnosticsByFile.get('(global)')).toBeUndefined();
    expect(errorsOf('amplify-typed.ts')).toEqual([]);
    expect(errorsOf('urql-typed.ts')).toEqual([]);
  });

  it.each(['amplify-wrong-enum.ts', 'urql-wrong-enum.ts'])('refuses a wrong enum value (%s)', (file) => {
    const errors = errorsOf(file);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(/"IN_REVEIW"/);
    expect(errors[0]).toMatch(/ApplicantStatus|"IN_REVIEW"/);
  });

  it.each(['amplify-missing-variable.ts', 'urql-missing-variable.ts'])('refuses a missing variable (%s)', (file) => {
    const errors = errorsOf(file);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(/Property 'id' is missing/);
  });

  it('refuses an input missing a required field', () => {
    const errors = errorsOf('amplify-missing-input-field.ts');
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(/Property 'serviceInterest' is missing/);
  });

  it('refuses reading a field the operation does not select', () => {
    const errors = errorsOf('amplify-unselected-field.ts');
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(/Property 'email' does not exist/);
  });
});
