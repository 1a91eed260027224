// The owner, staff or an admin opens a Stripe Checkout for one service; the price comes from the server-side catalogue
// by the applicant's level of study (the input has no amount, so the client cannot set one). The payment is stored
// before the URL is returned, so nobody can pay on a session whose payment this API does not know.
import { util, type Context } from '@aws-appsync/utils';
import { ulid } from '../lib/validate.ts';

export function request(ctx: Context) {
  const input = ctx.args.input;
  ctx.stash.applicantId = ulid('input.applicantId', input.applicantId);
  ctx.stash.checkout = { paymentId: util.autoUlid(), service: input.service };
  return {};
}

export function response(ctx: Context) {
  return ctx.prev.result;
}
