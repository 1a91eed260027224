// Pipeline function on the `identity` Lambda: the Cognito admin call the resolver prepared in ctx.stash.identityCall
// (functions/identity/handler.ts IdentityEvent). Cognito goes first, the profile after: every Cognito step is safe to
// repeat, so if the profile write fails, running the same mutation again completes it.
import type { Context } from '@aws-appsync/utils';
import { invoke, raiseIfLambdaError } from '../lib/lambda.ts';

export function request(ctx: Context) {
  return invoke(ctx.stash.identityCall);
}

export function response(ctx: Context) {
  raiseIfLambdaError(ctx, 'User administration');
  ctx.stash.identityResult = ctx.result;
  return ctx.result;
}
