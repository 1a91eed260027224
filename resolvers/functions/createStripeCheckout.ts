// Pipeline function (createCheckoutSession, after loadAccessibleApplicant) on the `payments` Lambda: prices the
// service and creates the Checkout Session, keyed by the payment id chosen in the resolver (Stripe idempotency key).
// The Lambda gets the applicant's level of study from the item read here, never from the client.
import type { Context } from '@aws-appsync/utils';
import { callerId } from '../lib/context.ts';
import { invalid } from '../lib/errors.ts';
import { invoke, raiseIfLambdaError } from '../lib/lambda.ts';

export function request(ctx: Context) {
  const applicant = ctx.stash.applicant;
  if (applicant.status === 'ARCHIVED') invalid('input.applicantId', 'names an ARCHIVED applicant; restore it before paying for a service');
  const { paymentId, service } = ctx.stash.checkout;
  return invoke({
    field: 'createCheckoutSession',
    paymentId,
    applicantId: applicant.id,
    userId: callerId(ctx),
    service,
    levelOfStudy: applicant.levelOfStudy,
  });
}

export function response(ctx: Context) {
  raiseIfLambdaError(ctx, 'Checkout');
  ctx.stash.session = ctx.result;
  return ctx.result;
}
