import { handlerContext, inferAuthType, toBaseContext } from './context.ts';
import { toJsonValue } from './json.ts';
import { loadResolverCode, ResolverCodeError, type CodeError } from './load-code.ts';
import { toOutcome } from './signals.ts';
import { createEvaluationState, type AuthTypeName, type DataSourceError } from './types.ts';

// Shaped like AppSync's EvaluateCode API (https://docs.aws.amazon.com/appsync/latest/APIReference/API_EvaluateCode.html):
// code + context (a JSON string or object) + function in; evaluationResult (JSON string), error
// ({ message, codeErrors }), logs, stash (JSON string) and outErrors (JSON string of appended errors) out.

export interface EvaluateCodeInput {
  code: string;
  function: 'request' | 'response';
  context: string | Record<string, unknown>;
}

export interface EvaluateCodeOutput {
  evaluationResult?: string;
  error?: { message: string; codeErrors?: CodeError[] };
  logs: string[];
  stash: string;
  outErrors: string;
}

const authTypes: readonly AuthTypeName[] = [
  'API Key Authorization',
  'IAM Authorization',
  'User Pool Authorization',
  'Open ID Connect Authorization',
  'Lambda Authorization',
];

/** A context may name the authorization type util.authType() answers (`"authType": "IAM Authorization"`). */
function authTypeOf(value: unknown): AuthTypeName | undefined {
  return authTypes.find((name) => name === value);
}

function failure(message: string, codeErrors?: CodeError[]): EvaluateCodeOutput {
  return { error: codeErrors?.length ? { message, codeErrors } : { message }, logs: [], stash: '{}', outErrors: '[]' };
}

export function evaluateCode(input: EvaluateCodeInput): EvaluateCodeOutput {
  let context: Record<string, unknown>;
  try {
    context = (typeof input.context === 'string' ? JSON.parse(input.context) : input.context) ?? {};
  } catch {
    return failure('The context is not valid JSON');
  }
  let handler;
  try {
    handler = loadResolverCode(input.code)[input.function];
  } catch (error) {
    if (error instanceof ResolverCodeError) return failure(error.message, error.codeErrors);
    return failure(error instanceof Error ? error.message : String(error));
  }
  if (!handler) return failure(`The code does not export a '${input.function}' function`);

  const base = toBaseContext({ ...context, info: context.info as never, request: context.request as never });
  const state = createEvaluationState(authTypeOf(context.authType) ?? inferAuthType(base.identity), base.info);
  const ctx = handlerContext(base, {
    prev: (context.prev ?? {}) as { result?: unknown },
    ...('result' in context ? { result: toJsonValue(context.result) } : {}),
    error: context.error as DataSourceError | undefined,
  });
  const outcome = toOutcome(() => handler(ctx, state));
  const recorded = { logs: state.logs, stash: JSON.stringify(base.stash), outErrors: JSON.stringify(state.errors) };
  if (outcome.kind === 'error') return { error: { message: outcome.error.message }, ...recorded };
  return { evaluationResult: JSON.stringify(toJsonValue(outcome.value)), ...recorded };
}
