import vm from 'node:vm';
import { transformSync, type Message } from 'esbuild';
import { appSyncCodeLimit, codeLengthProblem } from '../../infra/wiring/limits.ts';
import { dynamodbModule } from './dynamodb-helpers.ts';
import { createGuard, GUARD_NAME, guardLoops } from './loop-guard.ts';
import { createExtensions, createRuntime } from './runtime-extensions.ts';
import type { EvaluationState } from './types.ts';
import { unsupportedConstructs } from './unsupported-code.ts';
import { createUtil, type StateHolder } from './util.ts';

// Loads an APPSYNC_JS file the way AppSync accepts it: an ES module exporting `request` and/or `response`,
// importing only '@aws-appsync/utils' and '@aws-appsync/utils/dynamodb'. Each module gets a fresh node:vm
// context with no process, require, fetch or timers, and with string code generation (eval) disabled.
// node:vm is an isolation of globals, not a security boundary; the code run here is this repository's own.
// A handler that runs too long is stopped by the loop guard (loop-guard.ts), not by a vm timeout per call.

/** A runaway handler is stopped after this long (by the loop guard); AppSync enforces its own execution limits. */
const HANDLER_TIMEOUT_MS = 5_000;

export interface CodeError {
  errorType: string;
  value: string;
  location?: { line: number; column: number; span: number };
}

/** Code that AppSync would refuse to save (too long, not parseable, or using what APPSYNC_JS does not support). */
export class ResolverCodeError extends Error {
  constructor(
    message: string,
    readonly codeErrors: CodeError[] = [],
  ) {
    super(message);
    this.name = 'ResolverCodeError';
  }
}

export type Handler = (ctx: unknown, state: EvaluationState) => unknown;

export interface ResolverModule {
  request?: Handler;
  response?: Handler;
}

const cache = new Map<string, ResolverModule>();
const invokeScript = new vm.Script('__appsyncHandler(__appsyncContext)', { filename: 'appsync-invoke.js' });

function toCodeErrors(messages: Message[]): CodeError[] {
  return messages.map((message) => ({
    errorType: 'PARSER_ERROR',
    value: message.text,
    location: message.location
      ? { line: message.location.line, column: message.location.column, span: message.location.length }
      : undefined,
  }));
}

function compile(code: string): string {
  try {
    return transformSync(code, { format: 'cjs', loader: 'js', sourcefile: 'code.js' }).code;
  } catch (error) {
    const errors = (error as { errors?: Message[] }).errors ?? [];
    throw new ResolverCodeError('The code contains one or more errors.', toCodeErrors(errors));
  }
}

function instantiate(code: string): ResolverModule {
  const holder: StateHolder = { current: null };
  const log = (level: string) => (...args: unknown[]) => {
    const text = args.map((arg) => (typeof arg === 'string' ? arg : JSON.stringify(arg))).join(' ');
    holder.current?.logs.push(`${level} - ${text}`);
  };
  const consoleObject = { log: log('INFO'), info: log('INFO'), debug: log('DEBUG'), warn: log('WARN'), error: log('ERROR') };
  const util = createUtil(holder);
  const runtime = createRuntime();
  const extensions = createExtensions(holder);
  const modules: Record<string, unknown> = {
    '@aws-appsync/utils': Object.freeze({ util, runtime, extensions }),
    '@aws-appsync/utils/dynamodb': dynamodbModule,
  };
  const guard = createGuard();
  const sandbox = vm.createContext(
    { util, runtime, extensions, console: consoleObject, [GUARD_NAME]: guard.check },
    { name: 'APPSYNC_JS', codeGeneration: { strings: false, wasm: false } },
  );
  const require = (id: string) => {
    if (!(id in modules)) throw new Error(`Cannot import '${id}': APPSYNC_JS provides only ${Object.keys(modules).join(', ')}`);
    return modules[id];
  };
  const moduleObject: { exports: Record<string, unknown> } = { exports: {} };
  const factory = vm.runInContext(`(function (exports, require, module) {${compile(guardLoops(code))}\n})`, sandbox, {
    filename: 'code.js',
    timeout: HANDLER_TIMEOUT_MS,
  }) as (exports: unknown, require: unknown, module: unknown) => void;
  guard.start(HANDLER_TIMEOUT_MS);
  factory(moduleObject.exports, require, moduleObject);

  const wrap = (fn: unknown): Handler | undefined => {
    if (typeof fn !== 'function') return undefined;
    return (ctx, state) => {
      holder.current = state;
      guard.start(HANDLER_TIMEOUT_MS);
      sandbox.__appsyncHandler = fn;
      sandbox.__appsyncContext = ctx;
      try {
        return invokeScript.runInContext(sandbox);
      } finally {
        holder.current = null;
        sandbox.__appsyncHandler = undefined;
        sandbox.__appsyncContext = undefined;
      }
    };
  };
  const exported = moduleObject.exports;
  return { request: wrap(exported.request), response: wrap(exported.response) };
}

/** Loads (or returns the cached) module for `code`; throws ResolverCodeError for code AppSync would refuse. */
export function loadResolverCode(code: string): ResolverModule {
  if (codeLengthProblem(code)) {
    throw new ResolverCodeError(
      `1 validation error detected: Value at 'code' failed to satisfy constraint: Member must have length less than or equal to ${appSyncCodeLimit}`,
    );
  }
  let loaded = cache.get(code);
  if (!loaded) {
    const unsupported = unsupportedConstructs(code);
    if (unsupported.length > 0) throw new ResolverCodeError('The code contains one or more errors.', unsupported);
    loaded = instantiate(code);
    cache.set(code, loaded);
  }
  return loaded;
}
