import { existsSync, readFileSync } from 'node:fs';
import { Kind, parse } from 'graphql';
import { createNoneDataSource, evaluateCode, runResolver, type RunResolverResult } from '../../../local/appsync/index.ts';
import { bundlePath, functionSource, resolverSource } from '../../../infra/wiring/index.ts';

// Test support for resolver unit tests: evaluates the built bundles (build/resolvers/, from `npm run build`) with the
// local twin of AppSync's EvaluateCode, and turns DynamoDB's typed values back into plain JSON for assertions.

export const tableName = 'scholarvalley-test';

const cognito = (sub: string, groups: string[]) => ({
  sub,
  username: sub,
  issuer: 'https://cognito-idp.us-east-1.amazonaws.com/us-east-1_test',
  groups,
  claims: { sub, email: `${sub}@example.com`, 'cognito:groups': groups },
  sourceIp: ['203.0.113.7'],
  defaultAuthStrategy: 'ALLOW',
});

/** The callers of the authorization matrix (the ids are made up for the tests). */
export const callers = {
  applicantA: cognito('user-applicant-a', ['applicant']),
  applicantB: cognito('user-applicant-b', ['applicant']),
  staff: cognito('user-staff', ['staff']),
  admin: cognito('user-admin', ['admin']),
};

export type Caller = (typeof callers)[keyof typeof callers];

/**
 * ctx.info.selectionSetList unless a test gives its own: the top-level fields the project's own operation documents
 * select (the whole-item fragments of schema/operations/fragments.graphql), as a real client's request would carry.
 */
export const clientSelection: string[] = [
  ...new Set(
    parse(readFileSync(new URL('../../../schema/operations/fragments.graphql', import.meta.url), 'utf8')).definitions.flatMap((definition) =>
      definition.kind === Kind.FRAGMENT_DEFINITION
        ? definition.selectionSet.selections.flatMap((selection) => (selection.kind === Kind.FIELD ? [selection.name.value] : []))
        : [],
    ),
  ),
];

/** The info of a resolver's context, as the local runtime takes it. */
export const infoFor = (fieldName: string, parentTypeName: string, selectionSetList = clientSelection) => ({ fieldName, parentTypeName, selectionSetList });

function readBundle(source: string): string {
  const path = bundlePath(source);
  if (!existsSync(path)) throw new Error(`${path} is missing: run \`npm run build\` first`);
  return readFileSync(path, 'utf8');
}

export const resolverBundle = (typeName: string, fieldName: string) => readBundle(resolverSource({ typeName, fieldName }));
export const functionBundle = (name: string) => readBundle(functionSource(name));

export interface Evaluation {
  /** The handler's return value (the request object for a request handler). */
  result: any; // eslint-disable-line @typescript-eslint/no-explicit-any
  /** The message of util.error / util.unauthorized, if the handler raised one. */
  error?: string;
  stash: Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
}

export interface HandlerContext {
  caller?: Caller | null;
  arguments?: Record<string, unknown>;
  stash?: Record<string, unknown>;
  result?: unknown;
  error?: { message: string; type: string };
  prev?: { result?: unknown };
  /** The operation the handler runs for (ctx.info.parentTypeName), e.g. 'Query' or 'Mutation'. */
  operation?: string;
  selectionSetList?: string[];
}

/** Runs one handler of a bundle, as EvaluateCode does, with the table name in ctx.env. */
export function evaluate(code: string, handler: 'request' | 'response', context: HandlerContext): Evaluation {
  const output = evaluateCode({
    code,
    function: handler,
    context: {
      arguments: context.arguments ?? {},
      identity: context.caller ?? null,
      stash: context.stash ?? {},
      env: { TABLE_NAME: tableName },
      prev: context.prev ?? {},
      info: infoFor('', context.operation ?? '', context.selectionSetList),
      ...('result' in context ? { result: context.result } : {}),
      ...(context.error ? { error: context.error } : {}),
    },
  });
  return {
    result: output.evaluationResult === undefined ? undefined : JSON.parse(output.evaluationResult),
    ...(output.error ? { error: output.error.message } : {}),
    stash: JSON.parse(output.stash),
  };
}

/**
 * Runs a resolver's own handlers (before, then after, with no data source in between) through the local runtime,
 * for what EvaluateCode does not report: the error type and a subscription's filter.
 */
export async function runHandlers(
  typeName: string,
  fieldName: string,
  caller: Caller | null,
  args: Record<string, unknown> = {},
): Promise<RunResolverResult> {
  const code = resolverBundle(typeName, fieldName);
  return runResolver({
    resolver: { kind: 'PIPELINE', code, functions: [] },
    dataSources: { none: createNoneDataSource() },
    context: { arguments: args, identity: caller, info: infoFor(fieldName, typeName), env: { TABLE_NAME: tableName } },
  });
}

/** Runs a unit resolver on the NONE data source (the whole request → data source → response path). */
export async function runNoneResolver(typeName: string, fieldName: string, caller: Caller | null, args: Record<string, unknown> = {}) {
  return runResolver({
    resolver: { kind: 'UNIT', code: resolverBundle(typeName, fieldName), dataSource: 'none' },
    dataSources: { none: createNoneDataSource() },
    context: { arguments: args, identity: caller, info: infoFor(fieldName, typeName) },
  });
}

/** DynamoDB's typed form ({ S }, { N }, { M }, …) back to plain JSON. */
export function plain(value: unknown): unknown {
  if (value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map(plain);
  const typed = value as Record<string, unknown>;
  const [type] = Object.keys(typed);
  if (Object.keys(typed).length === 1 && type) {
    const inner = typed[type];
    switch (type) {
      case 'S':
      case 'BOOL':
        return inner;
      case 'N':
        return Number(inner);
      case 'NULL':
        return null;
      case 'L':
        return (inner as unknown[]).map(plain);
      case 'M':
        return plainMap(inner as Record<string, unknown>);
      case 'SS':
      case 'NS':
        return inner;
    }
  }
  return plainMap(typed);
}

export function plainMap(map: Record<string, unknown> | undefined): Record<string, any> { // eslint-disable-line @typescript-eslint/no-explicit-any
  return Object.fromEntries(Object.entries(map ?? {}).map(([k, v]) => [k, plain(v)]));
}

/** A condition, update or key-condition expression with its placeholders replaced, for assertions that read well. */
export function readable(expression: { expression: string; expressionNames?: Record<string, string>; expressionValues?: Record<string, unknown> } | undefined): string {
  if (!expression) return '';
  let text = expression.expression;
  const names = expression.expressionNames ?? {};
  const values = plainMap(expression.expressionValues);
  const placeholders = [...Object.keys(names), ...Object.keys(values)].sort((a, b) => b.length - a.length);
  for (const placeholder of placeholders) {
    const replacement = placeholder in names ? names[placeholder]! : JSON.stringify(values[placeholder]);
    text = text.split(placeholder).join(replacement);
  }
  return text;
}

/** A TransactWriteItems item with its key, attributes and expressions in plain, readable form. */
export function describeTransactItem(item: any) { // eslint-disable-line @typescript-eslint/no-explicit-any
  return {
    operation: item.operation as string,
    table: item.table as string,
    key: plainMap(item.key),
    ...(item.attributeValues ? { attributes: plainMap(item.attributeValues) } : {}),
    ...(item.update ? { update: readable(item.update) } : {}),
    ...(item.condition ? { condition: readable(item.condition) } : {}),
  };
}
