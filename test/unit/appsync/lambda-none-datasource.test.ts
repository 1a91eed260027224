import { describe, expect, it } from 'vitest';
import { createLambdaDataSource } from '../../../local/appsync/lambda-datasource.ts';
import { createNoneDataSource } from '../../../local/appsync/none-datasource.ts';

// "AWS AppSync JavaScript resolver function reference for Lambda" and "... for None data source".

describe('given a Lambda data source', () => {
  it('when invoked synchronously, then the handler receives the payload as its event and its answer is ctx.result', async () => {
    const events: unknown[] = [];
    const source = createLambdaDataSource(async (event) => {
      events.push(event);
      return { ok: true };
    });
    expect(await source.invoke({ operation: 'Invoke', payload: { field: 'x' } }, {})).toEqual({ result: { ok: true } });
    expect(events).toEqual([{ field: 'x' }]);
  });

  it('when the handler throws, then ctx.error is Lambda:Unhandled with its message', async () => {
    const source = createLambdaDataSource(async () => {
      throw new Error('boom');
    });
    expect(await source.invoke({ operation: 'Invoke', payload: {} }, {})).toEqual({ result: null, error: { message: 'boom', type: 'Lambda:Unhandled' } });
  });

  it('when invoked with invocationType Event, then it answers null at once and the handler runs later; failures are reported, not thrown', async () => {
    let release!: () => void;
    const finished = new Promise<void>((resolve) => (release = resolve));
    const reported: unknown[] = [];
    const calls: unknown[] = [];
    const source = createLambdaDataSource(
      async (event) => {
        calls.push(event);
        release();
        throw new Error('ses down');
      },
      { onAsyncError: (error) => reported.push((error as Error).message) },
    );
    expect(await source.invoke({ operation: 'Invoke', invocationType: 'Event', payload: { to: 'a@b.c' } }, {})).toEqual({ result: null });
    expect(calls).toEqual([]);
    await finished;
    await new Promise((resolve) => setImmediate(resolve));
    expect(calls).toEqual([{ to: 'a@b.c' }]);
    expect(reported).toEqual(['ses down']);
  });

  it('when BatchInvoke is requested, then it is refused locally', async () => {
    const source = createLambdaDataSource(async () => null);
    expect((await source.invoke({ operation: 'BatchInvoke', payload: {} }, {})).error?.message).toMatch(/Unsupported operation/);
  });
});

describe('given a NONE data source', () => {
  it('when invoked, then ctx.result is the payload (null when absent)', async () => {
    const source = createNoneDataSource();
    expect(await source.invoke({ payload: { a: 1 } }, {})).toEqual({ result: { a: 1 } });
    expect(await source.invoke({}, {})).toEqual({ result: null });
  });
});
