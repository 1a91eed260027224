import { existsSync, readFileSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import type { ResolverConfig } from '../appsync/index.ts';
import { unsupportedConstructs } from '../appsync/unsupported-code.ts';
import {
  bundlePath,
  functionSource,
  resolverSource,
  validateWiring,
  type DataSourceName,
  type Wiring,
} from '../../infra/wiring/index.ts';

// The wiring table (infra/wiring/) turned into what the server runs: for every resolver, its bundle
// (build/resolvers/<Type>/<field>.js, and build/resolvers/functions/<name>.js for pipeline functions) and data
// sources. The table is checked by infra/wiring/validate.ts, as synth checks it. Bundles are re-read when they change
// on disk, so a rebuild (`npm run build`) takes effect without a restart.

export interface WiredField {
  typeName: string;
  fieldName: string;
  config(): ResolverConfig;
}

export interface ResolverRegistry {
  get(typeName: string, fieldName: string): WiredField | undefined;
}

const BUNDLE_ROOT = 'build/resolvers/';

class BundleFile {
  private mtimeMs = -1;
  private code = '';

  constructor(readonly path: string) {}

  read(): string {
    const { mtimeMs } = statSync(this.path);
    if (mtimeMs !== this.mtimeMs) {
      this.code = readFileSync(this.path, 'utf8');
      this.mtimeMs = mtimeMs;
    }
    return this.code;
  }
}

export function createResolverRegistry(
  wiring: Wiring,
  bundleDir: string,
  dataSourceNames: ReadonlySet<string>,
): ResolverRegistry {
  validateWiring(wiring, dataSourceNames as ReadonlySet<DataSourceName>);
  const root = resolve(bundleDir);
  const missing: string[] = [];
  const refused: string[] = [];
  const bundleOf = (source: string): BundleFile => {
    const path = resolve(root, bundlePath(source).slice(BUNDLE_ROOT.length));
    const file = new BundleFile(path);
    if (!existsSync(path)) {
      missing.push(`missing bundle ${path} (for ${source})`);
      return file;
    }
    // What AppSync refuses when the resolver or function is created, refused here when the server starts.
    const unsupported = unsupportedConstructs(file.read());
    if (unsupported.length > 0) refused.push(`${source}: ${unsupported.map((e) => e.value).join('; ')}`);
    return file;
  };
  const declared = new Map(wiring.pipelineFunctions.map((fn) => [fn.name, fn]));
  const functionBundles = new Map<string, { file: BundleFile; dataSource: string }>();
  const functionBundle = (name: string) => {
    let step = functionBundles.get(name);
    if (!step) {
      step = { file: bundleOf(functionSource(name)), dataSource: declared.get(name)!.dataSource };
      functionBundles.set(name, step);
    }
    return step;
  };

  const fields = new Map<string, WiredField>();
  for (const resolver of wiring.resolvers) {
    const { typeName, fieldName } = resolver;
    const bundle = bundleOf(resolverSource(resolver));
    const steps = resolver.kind === 'PIPELINE' ? resolver.functions.map(functionBundle) : [];
    const config = (): ResolverConfig => {
      if (resolver.kind === 'UNIT') return { kind: 'UNIT', code: bundle.read(), dataSource: resolver.dataSource };
      return { kind: 'PIPELINE', code: bundle.read(), functions: steps.map((s) => ({ code: s.file.read(), dataSource: s.dataSource })) };
    };
    fields.set(`${typeName}.${fieldName}`, { typeName, fieldName, config });
  }

  if (missing.length > 0) {
    throw new Error(`The wiring table cannot be served (run \`npm run build\` to write the resolver bundles):\n  - ${missing.join('\n  - ')}`);
  }
  if (refused.length > 0) {
    throw new Error(`Resolver code AppSync would refuse to create (The code contains one or more errors.):\n  - ${refused.join('\n  - ')}`);
  }
  return { get: (typeName, fieldName) => fields.get(`${typeName}.${fieldName}`) };
}
