import { readFile } from 'node:fs/promises';
import { build } from 'esbuild';
import { bundlePath, functionSource, pipelineFunctions, resolverSource, resolvers } from '../infra/wiring/index.ts';

/** AppSync refuses resolver and function code longer than this (APPSYNC_JS runtime limits). */
export const appSyncCodeLimit = 32_768;

export interface BundleReport {
  source: string;
  bundle: string;
  characters: number;
}

/** Every source the wiring table says is written: implemented resolvers and the functions their pipelines name. */
export function wiredSources(): string[] {
  const implemented = resolvers.filter((r) => !r.planned);
  const functionNames = new Set(implemented.flatMap((r) => (r.kind === 'PIPELINE' ? r.functions : [])));
  const known = new Set(pipelineFunctions.map((f) => f.name));
  for (const name of functionNames) {
    if (!known.has(name)) throw new Error(`Pipeline function "${name}" is not declared in infra/wiring/`);
  }
  return [...implemented.map(resolverSource), ...[...functionNames].map(functionSource)];
}

/**
 * Bundles one resolver source as AppSync's JS runtime expects: one ESM file, @aws-appsync/utils left external,
 * whitespace minified, inline source map without sources content (the AWS "Bundling, TypeScript, and source maps" guidance).
 */
export async function bundleResolver(source: string, outfile = bundlePath(source)): Promise<BundleReport> {
  await build({
    entryPoints: [source],
    outfile,
    bundle: true,
    write: true,
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
  return { source, bundle: outfile, characters: (await readFile(outfile, 'utf8')).length };
}
