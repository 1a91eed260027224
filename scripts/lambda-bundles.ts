import { build, type Metafile } from 'esbuild';
import { lambdaBundling } from '../infra/lambda-bundling.ts';
import { lambdas, type LambdaDefinition } from '../infra/lambdas.ts';

export interface LambdaBundleReport {
  name: string;
  entry: string;
  bytes: number;
  /** The AWS SDK packages the handler imports (left to the runtime). */
  sdkPackages: string[];
  /** Imports of the monolithic AWS SDK v2 (`aws-sdk`) or a whole-SDK barrel: must be none. */
  wholeSdkImports: string[];
}

function importsOf(metafile: Metafile): string[] {
  return Object.values(metafile.inputs).flatMap((input) => input.imports.map((i) => i.path));
}

/** The package name of an import path (`@scope/name/sub` → `@scope/name`). */
function packageOf(path: string): string {
  const parts = path.split('/');
  return path.startsWith('@') ? parts.slice(0, 2).join('/') : (parts[0] ?? path);
}

/** Bundles one handler as CDK deploys it (infra/lambda-bundling.ts) and reports on it. */
export async function bundleLambda(definition: LambdaDefinition): Promise<LambdaBundleReport> {
  const result = await build({
    entryPoints: [definition.entry],
    outfile: 'index.mjs',
    bundle: true,
    write: false,
    metafile: true,
    platform: 'node',
    format: lambdaBundling.format,
    target: lambdaBundling.target,
    mainFields: [...lambdaBundling.mainFields],
    banner: { js: lambdaBundling.banner },
    minify: lambdaBundling.minify,
    sourcemap: lambdaBundling.sourceMap ? 'external' : false,
    sourcesContent: lambdaBundling.sourcesContent,
    external: [...lambdaBundling.externalModules],
    logLevel: 'silent',
  });
  const imports = importsOf(result.metafile);
  const sdkPackages = [...new Set(imports.filter((p) => p.startsWith('@aws-sdk/')).map(packageOf))].sort();
  const wholeSdkImports = [...new Set(imports.filter((p) => packageOf(p) === 'aws-sdk'))];
  // The code the Lambda loads; the source map beside it is not counted.
  const bytes = result.outputFiles.filter((f) => !f.path.endsWith('.map')).reduce((sum, file) => sum + file.contents.byteLength, 0);
  return { name: definition.name, entry: definition.entry, bytes, sdkPackages, wholeSdkImports };
}

export function bundleAllLambdas(): Promise<LambdaBundleReport[]> {
  return Promise.all(lambdas.map(bundleLambda));
}
