import { maxPipelineFunctions } from './limits.ts';
import type { DataSourceName, Wiring } from './types.ts';

/** A wiring table that cannot be deployed or served; `problems` says each thing wrong, naming the field or function. */
export class WiringError extends Error {
  constructor(readonly problems: string[]) {
    super(`The wiring table (infra/wiring/) cannot be deployed or served:\n  - ${problems.join('\n  - ')}`);
    this.name = 'WiringError';
  }
}

/**
 * Every way a wiring table can be wrong before any bundle is read: a field wired twice, a pipeline of no function or
 * more than AppSync allows, a pipeline naming an undeclared function, a function declared twice, and a resolver or
 * function on a data source that is not there (`dataSources`: the ones the stack or the local server provides).
 * The CDK construct (infra/constructs/graphql-endpoint.ts) and the local server (local/server/resolver-registry.ts)
 * both call it, so the two refuse the same tables with the same words.
 */
export function wiringProblems(wiring: Wiring, dataSources: ReadonlySet<DataSourceName>): string[] {
  const problems: string[] = [];
  const onDataSource = (owner: string, name: DataSourceName) => {
    if (!dataSources.has(name)) problems.push(`${owner} runs on the "${name}" data source, which is not deployed`);
  };
  const declared = new Set<string>();
  for (const fn of wiring.pipelineFunctions) {
    if (declared.has(fn.name)) problems.push(`pipeline function "${fn.name}" is declared twice`);
    declared.add(fn.name);
    onDataSource(`pipeline function "${fn.name}"`, fn.dataSource);
  }
  const fields = new Set<string>();
  for (const resolver of wiring.resolvers) {
    const field = `${resolver.typeName}.${resolver.fieldName}`;
    if (fields.has(field)) problems.push(`${field} is wired twice`);
    fields.add(field);
    if (resolver.kind === 'UNIT') {
      onDataSource(field, resolver.dataSource);
      continue;
    }
    const count = resolver.functions.length;
    if (count === 0 || count > maxPipelineFunctions) {
      problems.push(`${field} is a pipeline of ${count} functions; AppSync allows 1 to ${maxPipelineFunctions}`);
    }
    for (const name of resolver.functions) {
      if (!declared.has(name)) problems.push(`${field} names pipeline function "${name}", which is not declared in infra/wiring/`);
    }
  }
  return problems;
}

/** Throws a WiringError listing every problem of wiringProblems(). */
export function validateWiring(wiring: Wiring, dataSources: ReadonlySet<DataSourceName>): void {
  const problems = wiringProblems(wiring, dataSources);
  if (problems.length > 0) throw new WiringError(problems);
}
