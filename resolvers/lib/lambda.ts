// Lambda data sources: the Invoke request, and the way a Lambda's failure becomes a GraphQL error. A Lambda that
// fails on purpose throws "[ValidationError] input.x: rule" (functions/shared/errors.ts); AppSync hands that to the
// resolver as ctx.error.message, and the type in brackets becomes the GraphQL errorType again. Anything else is an
// unexpected failure: logged (AppSync's field logs), answered with a message that reveals nothing of the internals.
import { util, type Context } from '@aws-appsync/utils';

const intendedTypes = ['ValidationError', 'NotFound', 'ConflictError'];

/** A synchronous call: the resolver waits for the Lambda's answer. */
export function invoke(payload: Record<string, unknown>) {
  return { operation: 'Invoke' as const, payload };
}

/** An asynchronous call (Lambda's Event invocation): AppSync does not wait and gets no result. */
export function invokeAsync(payload: Record<string, unknown>) {
  return { operation: 'Invoke' as const, invocationType: 'Event' as const, payload };
}

/** Raises the Lambda's error, if any. `what` names the service in the message of an unexpected failure. */
export function raiseIfLambdaError(ctx: Context, what: string): void {
  const error = ctx.error;
  if (!error) return;
  const message = error.message || '';
  for (const type of intendedTypes) {
    const prefix = `[${type}] `;
    if (message.indexOf(prefix) === 0) util.error(message.substring(prefix.length), type);
  }
  console.log(`${what} failed: ${error.type}: ${message}`);
  util.error(`${what} is unavailable right now; try again later`, 'ServiceUnavailable');
}
