// Builds the frontend package @scholarvalley/api-client from the generated client code: JavaScript and declarations
// (tsc), the schema and the operations, and a package.json whose exports name each entry point (docs/frontend.md).
import { cpSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import ts from 'typescript';

const root = resolve(import.meta.dirname, '../..');
export const clientPackageName = '@scholarvalley/api-client';

/** The generated sources the package is compiled from: TypedDocumentNode documents and Amplify's typed strings. */
const entryPoints = ['schema/generated/client/index.ts', 'schema/generated/amplify/operations.ts'];

function packageJson(version: string): object {
  return {
    name: clientPackageName,
    version,
    description: 'Scholarvalley API: schema, operations and typed documents for Amplify JS v6, urql and Apollo.',
    type: 'module',
    sideEffects: false,
    exports: {
      // Every type and TypedDocumentNode document (XxxDocument) of schema/operations/.
      '.': { types: './dist/client/graphql.d.ts', default: './dist/client/graphql.js' },
      // The client preset's graphql(`...`) function, for projects that keep operations inline.
      './gql': { types: './dist/client/gql.d.ts', default: './dist/client/gql.js' },
      // The same operations as Amplify JS v6 typed strings (getApplicant, listApplicants, ...).
      './amplify': { types: './dist/amplify/operations.d.ts', default: './dist/amplify/operations.js' },
      './schema.graphql': './schema/schema.graphql',
      './appsync-builtins.graphql': './schema/appsync-builtins.graphql',
      './operations/*': './schema/operations/*',
      './package.json': './package.json',
    },
    // The declarations of . and ./gql import TypedDocumentNode (types only; urql and Apollo accept it).
    dependencies: { '@graphql-typed-document-node/core': '^3.2.0' },
    files: ['dist', 'schema'],
  };
}

/** Compiles the generated client into `outDir` and writes its package.json; throws with tsc's diagnostics. */
export function buildClientPackage(outDir: string): string {
  rmSync(outDir, { recursive: true, force: true });
  const program = ts.createProgram(
    entryPoints.map((file) => join(root, file)),
    {
      target: ts.ScriptTarget.ES2022,
      module: ts.ModuleKind.NodeNext,
      moduleResolution: ts.ModuleResolutionKind.NodeNext,
      strict: true,
      skipLibCheck: true,
      declaration: true,
      rootDir: join(root, 'schema/generated'),
      outDir: join(outDir, 'dist'),
    },
  );
  const emitted = program.emit();
  const diagnostics = [...ts.getPreEmitDiagnostics(program), ...emitted.diagnostics];
  if (diagnostics.length > 0) {
    const host = { getCanonicalFileName: (f: string) => f, getCurrentDirectory: () => root, getNewLine: () => '\n' };
    throw new Error(`client package: tsc failed\n${ts.formatDiagnostics(diagnostics, host)}`);
  }
  mkdirSync(join(outDir, 'schema'), { recursive: true });
  for (const file of ['schema.graphql', 'appsync-builtins.graphql']) {
    cpSync(join(root, 'schema', file), join(outDir, 'schema', file));
  }
  cpSync(join(root, 'schema/operations'), join(outDir, 'schema/operations'), { recursive: true });
  const { version } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string };
  writeFileSync(join(outDir, 'package.json'), `${JSON.stringify(packageJson(version), null, 2)}\n`);
  return outDir;
}
