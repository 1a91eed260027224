import { existsSync, readFileSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import type { ResolverConfig } from '../appsync/index.ts';
import {
  bundlePath,
  functionSource,
  resolverSource,
  type DataSourceName,
  type PipelineFunctionWiring,
  type ResolverWiring,
} from '../../infra/wiring/index.ts';

// The wiring table (infra/wiring/) turned into what the server runs: for every written resolver, its bundle
// (build/resolvers/<Type>/<field>.js, and build/resolvers/functions/<name>.js for pipeline functions) and data
// sources; for every `planned` one, the issue that will write it. Bundles are re-read when they change on disk, so a
// rebuild (`npm run build`) takes effect without a restart.

export interface Wiring {
  resolvers: readonly ResolverWiring[];
  pipelineFunctions: readonly PipelineFunctionWiring[];
}

export type WiredField =
  | { kind: 'planned'; typeName: string; fieldName: string; issue: number }
  | { kind: 'resolver'; typeName: string; fieldName: string; config(): ResolverConfig };

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
  const root = resolve(bundleDir);
  const problems: string[] = [];
  const bundleOf = (source: string): BundleFile => {
    const path = resolve(root, bundlePath(source).slice(BUNDLE_ROOT.length));
    if (!existsSync(path)) problems.push(`missing bundle ${path} (for ${source})`);
    return new BundleFile(path);
  };
  const checkDataSource = (name: DataSourceName, owner: string) => {
    if (!dataSourceNames.has(name)) problems.push(`${owner} names unknown data source '${name}'`);
  };
  const functionsByName = new Map(wiring.pipelineFunctions.map((fn) => [fn.name, fn]));
  const functionBundles = new Map<string, BundleFile>();

  const fields = new Map<string, WiredField>();
  for (const resolver of wiring.resolvers) {
    const { typeName, fieldName } = resolver;
    const key = `${typeName}.${fieldName}`;
    if (fields.has(key)) problems.push(`${key} is wired twice`);
    if (resolver.planned) {
      fields.set(key, { kind: 'planned', typeName, fieldName, issue: resolver.planned.issue });
      continue;
    }
    const bundle = bundleOf(resolverSource(resolver));
    if (resolver.kind === 'UNIT') {
      checkDataSource(resolver.dataSource, key);
      const dataSource = resolver.dataSource;
      fields.set(key, { kind: 'resolver', typeName, fieldName, config: () => ({ kind: 'UNIT', code: bundle.read(), dataSource }) });
      continue;
    }
    const steps = resolver.functions.map((name) => {
      const fn = functionsByName.get(name);
      if (!fn) {
        problems.push(`${key} uses pipeline function '${name}', which infra/wiring/functions.ts does not declare`);
        return null;
      }
      checkDataSource(fn.dataSource, `function ${name}`);
      let file = functionBundles.get(name);
      if (!file) {
        file = bundleOf(functionSource(name));
        functionBundles.set(name, file);
      }
      return { file, dataSource: fn.dataSource };
    });
    fields.set(key, {
      kind: 'resolver',
      typeName,
      fieldName,
      config: () => ({
        kind: 'PIPELINE',
        code: bundle.read(),
        functions: steps.flatMap((step) => (step ? [{ code: step.file.read(), dataSource: step.dataSource }] : [])),
      }),
    });
  }

  if (problems.length > 0) {
    throw new Error(
      `The wiring table cannot be served (run \`npm run build\` to write the resolver bundles):\n  - ${problems.join('\n  - ')}`,
    );
  }
  return { get: (typeName, fieldName) => fields.get(`${typeName}.${fieldName}`) };
}
