import { build, type Metafile } from 'esbuild';
import { lambdas, type LambdaDefinition } from '../infra/lambdas.ts';

/** The Lambda runtime the handlers are built for (infra/lambdas.ts deploys Node.js 22 on arm64; the JS is the same). */
export const lambdaTarget = 'node22';

/** The AWS SDK v3 ships with the Node.js Lambda runtime, so its modular packages are left out of the bundles. */
export const lambdaExternals = ['@aws-sdk/*'];

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

/** Bundles one handler as the Lambda runs it (minified ESM for Node 22, the SDK external) and reports on it. */
export async function bundleLambda(definition: LambdaDefinition): Promise<LambdaBundleReport> {
  const result = await build({
    entryPoints: [definition.entry],
    bundle: true,
    write: false,
    metafile: true,
    minify: true,
    format: 'esm',
    platform: 'node',
    target: lambdaTarget,
    external: lambdaExternals,
    // Packages written for CommonJS (stripe) call require(); ESM bundles get one from node:module.
    banner: { js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);" },
    logLevel: 'silent',
  });
  const imports = importsOf(result.metafile);
  const sdkPackages = [...new Set(imports.filter((p) => p.startsWith('@aws-sdk/')).map(packageOf))].sort();
  const wholeSdkImports = [...new Set(imports.filter((p) => packageOf(p) === 'aws-sdk'))];
  const bytes = result.outputFiles.reduce((sum, file) => sum + file.contents.byteLength, 0);
  return { name: definition.name, entry: definition.entry, bytes, sdkPackages, wholeSdkImports };
}

export function bundleAllLambdas(): Promise<LambdaBundleReport[]> {
  return Promise.all(lambdas.map(bundleLambda));
}
