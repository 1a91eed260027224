/** The data sources of the API. `table` is the single DynamoDB table; the Lambda ones live in functions/. */
export type DataSourceName = 'table' | 'none' | 'uploads' | 'payments' | 'email' | 'identity';

export const lambdaDataSources = ['uploads', 'payments', 'email', 'identity'] as const satisfies readonly DataSourceName[];

interface ResolverBase {
  typeName: string;
  fieldName: string;
}

/** A unit resolver: `resolvers/<typeName>/<fieldName>.ts` runs against one data source. */
export interface UnitResolver extends ResolverBase {
  kind: 'UNIT';
  dataSource: DataSourceName;
}

/**
 * A pipeline resolver: `resolvers/<typeName>/<fieldName>.ts` holds the before/after handlers, and
 * each named function `resolvers/functions/<name>.ts` runs in order (1 to `maxPipelineFunctions`, see limits.ts).
 */
export interface PipelineResolver extends ResolverBase {
  kind: 'PIPELINE';
  functions: string[];
}

export type ResolverWiring = UnitResolver | PipelineResolver;

/** A pipeline function: `resolvers/functions/<name>.ts` against one data source. */
export interface PipelineFunctionWiring {
  name: string;
  dataSource: DataSourceName;
}

/** A wiring table: the resolvers, and the pipeline functions they name. infra/wiring/index.ts holds the API's. */
export interface Wiring {
  resolvers: readonly ResolverWiring[];
  pipelineFunctions: readonly PipelineFunctionWiring[];
}

export function unit(typeName: string, fieldName: string, dataSource: DataSourceName): UnitResolver {
  return { typeName, fieldName, kind: 'UNIT', dataSource };
}

export function pipeline(typeName: string, fieldName: string, functions: string[]): PipelineResolver {
  return { typeName, fieldName, kind: 'PIPELINE', functions };
}

/** Source file of a resolver, relative to the repository root. */
export function resolverSource(r: Pick<ResolverBase, 'typeName' | 'fieldName'>): string {
  return `resolvers/${r.typeName}/${r.fieldName}.ts`;
}

/** Source file of a pipeline function, relative to the repository root. */
export function functionSource(name: string): string {
  return `resolvers/functions/${name}.ts`;
}

/** Bundle of a resolver or function source, relative to the repository root (see scripts/build-resolvers.ts). */
export function bundlePath(source: string): string {
  return source.replace(/^resolvers\//, 'build/resolvers/').replace(/\.ts$/, '.js');
}
