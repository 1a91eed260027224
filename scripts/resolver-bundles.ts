import { readFile } from 'node:fs/promises';
import { build } from 'esbuild';
import { bundlePath, codeLengthProblem, functionSource, resolverSource, wiring } from '../infra/wiring/index.ts';

export interface BundleReport {
  source: string;
  bundle: string;
  characters: number;
  /** Why AppSync would refuse the bundle for its length (infra/wiring/limits.ts), or null. */
  tooLong: string | null;
}

/** Every source of the wiring table: its resolvers and the functions their pipelines name. */
export function wiredSources(): string[] {
  const functionNames = new Set(wiring.resolvers.flatMap((r) => (r.kind === 'PIPELINE' ? r.functions : [])));
  return [...wiring.resolvers.map(resolverSource), ...[...functionNames].map(functionSource)];
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
  const code = await readFile(outfile, 'utf8');
  return { source, bundle: outfile, characters: code.length, tooLong: codeLengthProblem(code) };
}
