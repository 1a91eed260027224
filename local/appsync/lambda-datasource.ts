import type { DataSource, DataSourceResult } from './types.ts';

// The AWS_LAMBDA data source with the handler called in-process. Reference: "AWS AppSync JavaScript resolver function
// reference for Lambda" (https://docs.aws.amazon.com/appsync/latest/devguide/resolver-reference-lambda-js.html):
// request { operation: 'Invoke', payload, invocationType?: 'RequestResponse' | 'Event' }; the payload is the event.
// Event invocations are not awaited and give a null result. A handler that throws gives
// ctx.error = { message, type: 'Lambda:Unhandled' }. BatchInvoke is not supported locally.

export type LambdaHandler = (event: unknown) => Promise<unknown>;

export interface LambdaDataSourceOptions {
  /** Where failures of Event (asynchronous) invocations are reported; defaults to console.error. */
  onAsyncError?: (error: unknown) => void;
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

export function createLambdaDataSource(handler: LambdaHandler, options: LambdaDataSourceOptions = {}): DataSource {
  const onAsyncError = options.onAsyncError ?? ((error: unknown) => console.error('Async Lambda invocation failed:', error));
  return {
    async invoke(request: unknown): Promise<DataSourceResult> {
      const { operation, payload, invocationType } = (request ?? {}) as Record<string, unknown>;
      if (operation !== 'Invoke') {
        return { result: null, error: { message: `Unsupported operation '${String(operation)}'`, type: 'Lambda:Unsupported' } };
      }
      if (invocationType === 'Event') {
        // Fire and forget: the handler runs on a later tick so it never delays the resolver.
        setImmediate(() => {
          Promise.resolve()
            .then(() => handler(payload ?? null))
            .catch(onAsyncError);
        });
        return { result: null };
      }
      try {
        const result = await handler(payload ?? null);
        return { result: result === undefined ? null : JSON.parse(JSON.stringify(result)) };
      } catch (error) {
        return { result: null, error: { message: messageOf(error), type: 'Lambda:Unhandled' } };
      }
    },
  };
}
