import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { build } from 'esbuild';
import { bundlePath, codeLengthProblem, functionSource, resolverSource, wiring } from '../infra/wiring/index.ts';

export interface BundleReport {
  source: string;
  bundle: string;
  characters: number;
  /** Why AppSync would refuse the bundle for its length (infra/wiring/limits.ts), or null. */
  tooLong: string | null;
}

export interface CompiledResolver {
  code: string;
  /** The files the bundle was built from, relative to the working directory given. */
  inputs: string[];
  /** What the bundle exports (a resolver or function exports `request` and `response`). */
  exports: string[];
}

/** Every source of the wiring table: its resolvers and the functions their pipelines name. */
export function wiredSources(): string[] {
  const functionNames = new Set(wiring.resolvers.flatMap((r) => (r.kind === 'PIPELINE' ? r.functions : [])));
  return [...wiring.resolvers.map(resolverSource), ...[...functionNames].map(functionSource)];
}

/**
 * Bundles one resolver source as AppSync's JS runtime expects, in memory: one ESM file, @aws-appsync/utils left
 * external, whitespace minified, inline source map without sources content (the AWS "Bundling, TypeScript, and source
 * maps" guidance). `outfile` is where the code will be written (the source map's paths are relative to it); relative
 * paths are taken from `workingDir`.
 */
export async function compileResolver(source: string, outfile: string, workingDir = process.cwd()): Promise<CompiledResolver> {
  const result = await build({
    absWorkingDir: resolve(workingDir),
    entryPoints: [source],
    outfile,
    bundle: true,
    write: false,
    metafile: true,
    format: 'esm',
    platform: 'node',
    target: 'esnext',
    sourcemap: 'inline',
    sourcesContent: false,
    // Whitespace only: names stay readable in logs and errors, and the inline source map still points at the TypeScript.
    minifyWhitespace: true,
    external: ['@aws-appsync/utils', '@aws-appsync/utils/dynamodb'],
    logLevel: 'silent',
  });
  const [output] = result.outputFiles;
  if (!output) throw new Error(`esbuild wrote no output for ${source}`);
  const exports = Object.values(result.metafile.outputs).flatMap((o) => o.exports);
  return { code: output.text, inputs: Object.keys(result.metafile.inputs), exports };
}

/** Bundles one resolver source (compileResolver) and writes the bundle. */
export async function bundleResolver(source: string, outfile = bundlePath(source)): Promise<BundleReport> {
  const { code } = await compileResolver(source, outfile);
  await mkdir(dirname(resolve(outfile)), { recursive: true });
  await writeFile(outfile, code);
  return { source, bundle: outfile, characters: code.length, tooLong: codeLengthProblem(code) };
}
