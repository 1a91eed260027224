import { describe, expect, it } from 'vitest';
import { createLambdaDataSource } from '../../../local/appsync/lambda-datasource.ts';
import { ResolverCodeError } from '../../../local/appsync/load-code.ts';
import { createNoneDataSource } from '../../../local/appsync/none-datasource.ts';
import { runResolver, type FunctionConfig } from '../../../local/appsync/run-resolver.ts';

// Semantics per "AWS AppSync JavaScript resolver overview" (unit and pipeline resolvers), "Runtime utilities"
// (runtime.earlyReturn) and "Runtime utilities / util" (util.error, util.appendError, util.unauthorized).

const dataSources = {
  none: createNoneDataSource(),
  failing: createLambdaDataSource(async () => {
    throw new Error('payment provider down');
  }),
  echo: createLambdaDataSource(async (event) => ({ echoed: event })),
};
const info = { fieldName: 'getThing', parentTypeName: 'Query' };
const context = (extra: Record<string, unknown> = {}) => ({ arguments: { id: '1' }, identity: null, info, ...extra });

const unit = (code: string, dataSource = 'none') => ({ kind: 'UNIT' as const, code, dataSource });
const pipeline = (code: string, functions: FunctionConfig[]) => ({ kind: 'PIPELINE' as const, code, functions });
const fn = (body: string, dataSource = 'none'): FunctionConfig => ({ code: `import { util, runtime } from '@aws-appsync/utils';\n${body}`, dataSource });
const passThrough = `export function request(ctx) { return {}; }\nexport function response(ctx) { return ctx.prev.result; }`;

describe('given a unit resolver', () => {
  it('when the request builds a NONE payload, then the response sees it as ctx.result and args/arguments/info are set', async () => {
    const code = `
      export function request(ctx) { return { payload: { id: ctx.args.id, same: ctx.args === ctx.arguments, field: ctx.info.fieldName } }; }
      export function response(ctx) { return { ...ctx.result, source: ctx.source, hasError: ctx.error !== undefined }; }`;
    const outcome = await runResolver({ resolver: unit(code), dataSources, context: context() });
    expect(outcome).toMatchObject({ data: { id: '1', same: true, field: 'getThing', source: null, hasError: false }, errors: [] });
  });

  it('when the request returns early, then the value is the data and neither data source nor response runs', async () => {
    const code = `import { runtime } from '@aws-appsync/utils';
      export function request(ctx) { runtime.earlyReturn({ hello: 'world' }); return ctx.args; }
      export function response(ctx) { console.log('response ran'); return ctx.result; }`;
    const outcome = await runResolver({ resolver: unit(code, 'failing'), dataSources, context: context() });
    expect(outcome).toMatchObject({ data: { hello: 'world' }, errors: [], logs: [] });
  });

  it('when the data source fails and the response ignores ctx.error, then AppSync raises nothing and data is null', async () => {
    const code = `export function request(ctx) { return { operation: 'Invoke', payload: {} }; }
      export function response(ctx) { return ctx.result; }`;
    expect(await runResolver({ resolver: unit(code, 'failing'), dataSources, context: context() })).toMatchObject({ data: null, errors: [] });
  });

  it('when the response raises ctx.error with util.error, then the error carries the data source type', async () => {
    const code = `import { util } from '@aws-appsync/utils';
      export function request(ctx) { return { operation: 'Invoke', payload: {} }; }
      export function response(ctx) { if (ctx.error) util.error(ctx.error.message, ctx.error.type); return ctx.result; }`;
    const outcome = await runResolver({ resolver: unit(code, 'failing'), dataSources, context: context() });
    expect(outcome).toMatchObject({
      data: null,
      errors: [{ message: 'payment provider down', errorType: 'Lambda:Unhandled', data: null, errorInfo: null }],
    });
  });

  it('when the request calls util.error, then the field is null with that error and the data source is not called', async () => {
    const code = `import { util } from '@aws-appsync/utils';
      export function request(ctx) { util.appendError('first'); util.error('Not yours', 'Forbidden', { id: ctx.args.id }, { hint: 1 }); }
      export function response(ctx) { return ctx.result; }`;
    const outcome = await runResolver({ resolver: unit(code, 'failing'), dataSources, context: context() });
    expect(outcome).toMatchObject({
      data: null,
      errors: [
        { message: 'first', errorType: null },
        { message: 'Not yours', errorType: 'Forbidden', data: { id: '1' }, errorInfo: { hint: 1 } },
      ],
    });
  });

  it('when the response calls util.appendError, then data and errors both come back', async () => {
    const code = `import { util } from '@aws-appsync/utils';
      export function request(ctx) { return { payload: 'partial' }; }
      export function response(ctx) { util.appendError('some items failed', 'PartialFailure'); return ctx.result; }`;
    const outcome = await runResolver({ resolver: unit(code), dataSources, context: context() });
    expect(outcome).toMatchObject({ data: 'partial', errors: [{ message: 'some items failed', errorType: 'PartialFailure' }] });
  });

  it('when util.unauthorized is called, then the error is AppSync’s Unauthorized for the field', async () => {
    const code = `import { util } from '@aws-appsync/utils';
      export function request(ctx) { util.unauthorized(); }
      export function response(ctx) { return ctx.result; }`;
    const outcome = await runResolver({ resolver: unit(code), dataSources, context: context() });
    expect(outcome.errors).toEqual([{ message: 'Not Authorized to access getThing on type Query', errorType: 'Unauthorized', data: null, errorInfo: null }]);
  });

  it('when the code throws a runtime error, then the field is null with a Code error', async () => {
    const code = `export function request(ctx) { return ctx.args.missing.deeper; }\nexport function response(ctx) { return 1; }`;
    const outcome = await runResolver({ resolver: unit(code), dataSources, context: context() });
    expect(outcome).toMatchObject({ data: null, errors: [{ errorType: 'Code', message: expect.stringMatching(/deeper/) }] });
  });

  it('when handlers log, then console.log and console.error are captured in order', async () => {
    const code = `export function request(ctx) { console.log('request', { id: ctx.args.id }); return { payload: 1 }; }
      export function response(ctx) { console.error('response', ctx.result); return ctx.result; }`;
    const outcome = await runResolver({ resolver: unit(code), dataSources, context: context() });
    expect(outcome.logs).toEqual(['INFO - request {"id":"1"}', 'ERROR - response 1']);
  });

  it('when the response sets subscription filters and invalidations, then they are recorded in the result', async () => {
    const code = `import { util, extensions } from '@aws-appsync/utils';
      export function request(ctx) { return { payload: null }; }
      export function response(ctx) {
        extensions.setSubscriptionFilter(util.transform.toSubscriptionFilter({ ownerId: { eq: ctx.identity.sub } }));
        extensions.setSubscriptionInvalidationFilter(util.transform.toSubscriptionFilter({ ownerId: { eq: 'x' } }));
        extensions.invalidateSubscriptions({ subscriptionField: 'onChange', payload: { ownerId: 'x' } });
        return null;
      }`;
    const identity = { sub: 'u1', username: 'ada', groups: ['applicant'], claims: {}, issuer: 'cognito', sourceIp: [], defaultAuthStrategy: 'ALLOW' };
    const outcome = await runResolver({ resolver: unit(code), dataSources, context: context({ identity }) });
    expect(outcome).toMatchObject({
      subscriptionFilter: { filterGroup: [{ filters: [{ fieldName: 'ownerId', operator: 'eq', value: 'u1' }] }] },
      subscriptionInvalidationFilter: { filterGroup: [{ filters: [{ fieldName: 'ownerId', operator: 'eq', value: 'x' }] }] },
      invalidation: [{ subscriptionField: 'onChange', payload: { ownerId: 'x' } }],
    });
  });

  it('when a response calls invalidateSubscriptions with more than 5 unique payloads, then the sixth is a GraphQL error; repeats do not count', async () => {
    const calls = (count: number) => `import { extensions } from '@aws-appsync/utils';
      export function request(ctx) { return { payload: null }; }
      export function response(ctx) {
        for (const n of [${Array.from({ length: count }, (_, i) => i).join(', ')}]) {
          extensions.invalidateSubscriptions({ subscriptionField: 'onChange', payload: { n } });
          extensions.invalidateSubscriptions({ subscriptionField: 'onChange', payload: { n } });
        }
        return 'done';
      }`;
    const five = await runResolver({ resolver: unit(calls(5)), dataSources, context: context() });
    expect(five.data).toBe('done');
    expect(five.invalidation).toHaveLength(5);
    const six = await runResolver({ resolver: unit(calls(6)), dataSources, context: context() });
    expect(six.data).toBeNull();
    expect(six.errors).toEqual([
      expect.objectContaining({
        errorType: 'InvalidationLimitExceeded',
        message: 'At most 5 unique extensions.invalidateSubscriptions() calls are allowed in one request',
      }),
    ]);
  });

  it('when a handler adds response headers with util.http, then the result carries them for the HTTP response', async () => {
    const code = `export function request(ctx) { util.http.addResponseHeader('x-page', 2); return { payload: null }; }
      export function response(ctx) { util.http.addResponseHeaders({ 'x-cache': 'miss' }); return 'ok'; }`;
    const outcome = await runResolver({ resolver: unit(code), dataSources, context: context() });
    expect(outcome).toMatchObject({ data: 'ok', responseHeaders: { 'x-page': '2', 'x-cache': 'miss' } });
  });

  it('when the identity is a Cognito user or IAM, then util.authType answers accordingly', async () => {
    const code = `export function request(ctx) { return { payload: util.authType() }; }\nexport function response(ctx) { return ctx.result; }`;
    const run = (identity: unknown) => runResolver({ resolver: unit(code), dataSources, context: context({ identity }) }).then((o) => o.data);
    expect(await run({ sub: 'u', username: 'u', groups: [], claims: {}, issuer: 'i', sourceIp: [], defaultAuthStrategy: 'ALLOW' })).toBe('User Pool Authorization');
    expect(await run({ accountId: '1', userArn: 'arn:aws:iam::1:role/x', username: 'x', sourceIp: [] })).toBe('IAM Authorization');
    expect(await run(null)).toBe('API Key Authorization');
  });
});

describe('given a pipeline resolver', () => {
  const before = `import { util } from '@aws-appsync/utils';
    export function request(ctx) { ctx.stash.trail = ['before']; return { started: ctx.args.id }; }
    export function response(ctx) { return { last: ctx.prev.result, trail: ctx.stash.trail }; }`;

  it('when functions run, then the stash is shared and ctx.prev.result chains from step to step', async () => {
    const functions = [
      fn(`export function request(ctx) { ctx.stash.trail.push('fn1'); return { payload: { fromBefore: ctx.prev.result } }; }
          export function response(ctx) { return { step: 1, got: ctx.result }; }`),
      fn(`export function request(ctx) { ctx.stash.trail.push('fn2'); return { operation: 'Invoke', payload: ctx.prev.result }; }
          export function response(ctx) { return ctx.result; }`, 'echo'),
    ];
    const outcome = await runResolver({ resolver: pipeline(before, functions), dataSources, context: context() });
    expect(outcome.data).toEqual({
      last: { echoed: { step: 1, got: { fromBefore: { started: '1' } } } },
      trail: ['before', 'fn1', 'fn2'],
    });
    expect(outcome.stash).toEqual({ trail: ['before', 'fn1', 'fn2'] });
  });

  it('when a function request returns early, then its data source and response are skipped and the value goes on', async () => {
    const functions = [
      fn(`export function request(ctx) { runtime.earlyReturn({ cached: true }); }
          export function response(ctx) { ctx.stash.trail.push('fn1 response'); return 'unused'; }`, 'failing'),
      fn(`export function request(ctx) { ctx.stash.trail.push('fn2'); return { payload: ctx.prev.result }; }
          export function response(ctx) { return ctx.result; }`),
    ];
    const outcome = await runResolver({ resolver: pipeline(before, functions), dataSources, context: context() });
    expect(outcome.data).toEqual({ last: { cached: true }, trail: ['before', 'fn2'] });
  });

  it("when a function returns early with skipTo 'END', then the remaining functions are skipped", async () => {
    const functions = [
      fn(`export function request(ctx) { runtime.earlyReturn('done', { skipTo: 'END' }); }\nexport function response(ctx) { return 1; }`),
      fn(`export function request(ctx) { ctx.stash.trail.push('fn2'); return { payload: 2 }; }\nexport function response(ctx) { return ctx.result; }`),
    ];
    const outcome = await runResolver({ resolver: pipeline(before, functions), dataSources, context: context() });
    expect(outcome.data).toEqual({ last: 'done', trail: ['before'] });
  });

  it("when the pipeline request returns early, then the functions are skipped unless skipTo is 'NEXT'", async () => {
    const early = (options: string) => `import { runtime } from '@aws-appsync/utils';
      export function request(ctx) { ctx.stash.trail = ['before']; runtime.earlyReturn({ early: true }${options}); }
      export function response(ctx) { return { last: ctx.prev.result, trail: ctx.stash.trail }; }`;
    const functions = [
      fn(`export function request(ctx) { ctx.stash.trail.push('fn1'); return { payload: ctx.prev.result }; }\nexport function response(ctx) { return ctx.result; }`),
    ];
    expect((await runResolver({ resolver: pipeline(early(''), functions), dataSources, context: context() })).data).toEqual({
      last: { early: true },
      trail: ['before'],
    });
    expect((await runResolver({ resolver: pipeline(early(", { skipTo: 'NEXT' }"), functions), dataSources, context: context() })).data).toEqual({
      last: { early: true },
      trail: ['before', 'fn1'],
    });
  });

  it('when a function calls util.error, then the pipeline stops and the field is null with the error', async () => {
    const functions = [
      fn(`export function request(ctx) { return { operation: 'Invoke', payload: {} }; }
          export function response(ctx) { if (ctx.error) { util.error(ctx.error.message, ctx.error.type); } return ctx.result; }`, 'failing'),
      fn(`export function request(ctx) { console.log('fn2 ran'); return { payload: 1 }; }\nexport function response(ctx) { return ctx.result; }`),
    ];
    const outcome = await runResolver({ resolver: pipeline(before, functions), dataSources, context: context() });
    expect(outcome).toMatchObject({ data: null, errors: [{ errorType: 'Lambda:Unhandled' }], logs: [] });
  });

  it('when there are 10 functions, then it runs; with 11, it is refused', async () => {
    const step = fn(`export function request(ctx) { return { payload: (ctx.prev.result ?? 0) + 1 }; }\nexport function response(ctx) { return ctx.result; }`);
    const start = `export function request(ctx) { return 0; }\nexport function response(ctx) { return ctx.prev.result; }`;
    const ten = await runResolver({ resolver: pipeline(start, Array(10).fill(step)), dataSources, context: context() });
    expect(ten.data).toBe(10);
    await expect(runResolver({ resolver: pipeline(start, Array(11).fill(step)), dataSources, context: context() })).rejects.toThrow(
      /at most 10 functions/,
    );
  });

  it('when a function is over 32,768 characters, then the resolver is refused like a failed deployment', async () => {
    const big = fn(`export function request(ctx) { return { payload: 1 }; }\nexport function response(ctx) { return ctx.result; }\n//${'x'.repeat(32_768)}`);
    await expect(runResolver({ resolver: pipeline(passThrough, [big]), dataSources, context: context() })).rejects.toBeInstanceOf(ResolverCodeError);
  });

  it('when code lacks a response function, then the resolver is refused', async () => {
    await expect(runResolver({ resolver: unit('export function request() { return {}; }'), dataSources, context: context() })).rejects.toThrow(
      /must export both a request and a response/,
    );
  });
});
