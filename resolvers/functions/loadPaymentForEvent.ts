// Pipeline function (applyPaymentEvent; IAM callers): the payment a Stripe event names, read consistently so the
// transition is decided on its latest status. NotFound when this API never stored it.
import type { Context } from '@aws-appsync/utils';
import { notFound, raiseDataSourceError } from '../lib/errors.ts';
import { paymentKey } from '../lib/keys.ts';
import { getItem } from '../lib/requests.ts';

export function request(ctx: Context) {
  return getItem(paymentKey(ctx.stash.applicantId, ctx.stash.paymentId), true);
}

export function response(ctx: Context) {
  raiseDataSourceError(ctx);
  if (!ctx.result) notFound('Payment');
  ctx.stash.payment = ctx.result;
  return ctx.result;
}
