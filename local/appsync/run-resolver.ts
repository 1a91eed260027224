import { handlerContext, inferAuthType, toBaseContext, type BaseContext, type HandlerContextParts, type ResolverInvocationContext } from './context.ts';
import { maxPipelineFunctions } from '../../infra/wiring/limits.ts';
import { toJsonValue } from './json.ts';
import { loadResolverCode, ResolverCodeError, type Handler, type ResolverModule } from './load-code.ts';
import { toOutcome, type HandlerOutcome } from './signals.ts';
import { createEvaluationState, type AppSyncError, type DataSource, type DataSourceResult, type EvaluationState } from './types.ts';

export { evaluateCode } from './evaluate-code.ts';

// Runs one field's resolver with AppSync's semantics. References: "AWS AppSync JavaScript resolver overview"
// (unit and pipeline resolvers: https://docs.aws.amazon.com/appsync/latest/devguide/resolver-reference-overview-js.html),
// "Runtime utilities" (runtime.earlyReturn), and "Runtime utilities / util" (util.error, util.appendError).
// - A data source error only sets ctx.error; it reaches the GraphQL response only if a handler raises it
//   (util.error / util.appendError), as AppSync does not raise data source errors by itself.
// - util.error in any handler stops the resolver: data null, the error (after any appended ones) in `errors`.
// - runtime.earlyReturn: in a unit request handler the value is the field's data (data source and response skipped);
//   in a function request handler the data source and response are skipped and the value goes to the next step;
//   in the pipeline's request handler the functions are skipped and the response handler runs, unless
//   skipTo is 'NEXT'; skipTo 'END' anywhere jumps to the pipeline's response handler.
// - A pipeline has at most maxPipelineFunctions functions (infra/wiring/limits.ts).

export interface FunctionConfig {
  code: string;
  dataSource: string;
}

export type ResolverConfig =
  | { kind: 'UNIT'; code: string; dataSource: string }
  | { kind: 'PIPELINE'; code: string; functions: FunctionConfig[] };

export interface RunResolverInput {
  resolver: ResolverConfig;
  dataSources: Record<string, DataSource>;
  context: ResolverInvocationContext;
}

export interface RunResolverResult {
  data: unknown;
  errors: AppSyncError[];
  subscriptionFilter?: unknown;
  subscriptionInvalidationFilter?: unknown;
  invalidation?: unknown[];
  responseHeaders?: Record<string, string>;
  logs: string[];
  stash: Record<string, unknown>;
}

function handlersOf(code: string, what: string): { request: Handler; response: Handler } {
  const module: ResolverModule = loadResolverCode(code);
  if (!module.request || !module.response) {
    throw new ResolverCodeError(`The ${what} code must export both a request and a response function`);
  }
  return { request: module.request, response: module.response };
}

function dataSourceNamed(dataSources: Record<string, DataSource>, name: string): DataSource {
  const dataSource = dataSources[name];
  if (!dataSource) throw new Error(`No data source named '${name}'`);
  return dataSource;
}

class Run {
  constructor(
    readonly base: BaseContext,
    readonly state: EvaluationState,
    readonly dataSources: Record<string, DataSource>,
  ) {}

  call(handler: Handler, parts: HandlerContextParts): HandlerOutcome {
    return toOutcome(() => handler(handlerContext(this.base, parts), this.state));
  }

  invoke(dataSourceName: string, request: unknown): Promise<DataSourceResult> {
    return dataSourceNamed(this.dataSources, dataSourceName).invoke(toJsonValue(request), {
      identity: this.base.identity,
      arguments: this.base.arguments,
      source: this.base.source,
      info: this.base.info,
    });
  }

  finish(data: unknown, error?: AppSyncError): RunResolverResult {
    const { state } = this;
    const result: RunResolverResult = {
      data: error ? null : toJsonValue(data),
      errors: error ? [...state.errors, error] : [...state.errors],
      logs: state.logs,
      stash: toJsonValue(this.base.stash) as Record<string, unknown>,
    };
    if (state.subscriptionFilter !== undefined) result.subscriptionFilter = state.subscriptionFilter;
    if (state.subscriptionInvalidationFilter !== undefined) result.subscriptionInvalidationFilter = state.subscriptionInvalidationFilter;
    if (state.invalidations.length > 0) result.invalidation = state.invalidations;
    if (Object.keys(state.responseHeaders).length > 0) result.responseHeaders = state.responseHeaders;
    return result;
  }
}

async function runUnit(run: Run, code: string, dataSource: string): Promise<RunResolverResult> {
  const { request, response } = handlersOf(code, 'resolver');
  const before = run.call(request, {});
  if (before.kind === 'error') return run.finish(null, before.error);
  if (before.kind === 'earlyReturn') return run.finish(before.value);
  const { result, error } = await run.invoke(dataSource, before.value);
  const after = run.call(response, { result, error });
  return after.kind === 'error' ? run.finish(null, after.error) : run.finish(after.value);
}

async function runPipeline(run: Run, code: string, functions: FunctionConfig[]): Promise<RunResolverResult> {
  if (functions.length > maxPipelineFunctions) {
    throw new ResolverCodeError(`A pipeline resolver can have at most ${maxPipelineFunctions} functions; got ${functions.length}`);
  }
  const resolver = handlersOf(code, 'pipeline resolver');
  const steps = functions.map((fn, index) => ({ ...handlersOf(fn.code, `function #${index + 1}`), dataSource: fn.dataSource }));

  const before = run.call(resolver.request, {});
  if (before.kind === 'error') return run.finish(null, before.error);
  let prev = toJsonValue(before.value);
  const skipFunctions = before.kind === 'earlyReturn' && before.skipTo !== 'NEXT';

  if (!skipFunctions) {
    for (const step of steps) {
      const request = run.call(step.request, { prev: { result: prev } });
      if (request.kind === 'error') return run.finish(null, request.error);
      if (request.kind === 'earlyReturn') {
        prev = request.value;
        if (request.skipTo === 'END') break;
        continue;
      }
      const { result, error } = await run.invoke(step.dataSource, request.value);
      const response = run.call(step.response, { prev: { result: prev }, result, error });
      if (response.kind === 'error') return run.finish(null, response.error);
      prev = toJsonValue(response.value);
      if (response.kind === 'earlyReturn' && response.skipTo === 'END') break;
    }
  }

  const after = run.call(resolver.response, { prev: { result: prev } });
  return after.kind === 'error' ? run.finish(null, after.error) : run.finish(after.value);
}

/** Resolves one field. Throws (like a failed deployment) for code or configuration AppSync would refuse. */
export async function runResolver(input: RunResolverInput): Promise<RunResolverResult> {
  const { resolver, dataSources, context } = input;
  const state = createEvaluationState(context.authType ?? inferAuthType(context.identity), context.info);
  const run = new Run(toBaseContext(context), state, dataSources);
  return resolver.kind === 'UNIT'
    ? runUnit(run, resolver.code, resolver.dataSource)
    : runPipeline(run, resolver.code, resolver.functions);
}
