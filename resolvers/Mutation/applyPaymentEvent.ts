// Pipeline (IAM only: the Stripe webhook): loadPaymentForEvent → writePaymentEvent → sendNotification. Applies one
// Stripe event to a payment at most once (lib/payment-events.ts says what each event may change); a payment that
// succeeds gets its receipt email.
import { util, type Context } from '@aws-appsync/utils';
import { isIamCaller } from '../lib/context.ts';
import { intRange, optionalText, text, ulid } from '../lib/validate.ts';
import { requireSubscriptionFields, subscriptionFilterFields } from '../lib/subscription-fields.ts';

export function request(ctx: Context) {
  if (!isIamCaller(ctx)) util.unauthorized();
  requireSubscriptionFields(ctx, subscriptionFilterFields.payment);
  const input = ctx.args.input;
  ctx.stash.applicantId = ulid('input.applicantId', input.applicantId);
  ctx.stash.paymentId = ulid('input.paymentId', input.paymentId);
  ctx.stash.paymentEvent = {
    eventId: text('input.eventId', input.eventId, 1, 255),
    eventType: input.eventType,
    eventCreated: intRange('input.eventCreated', input.eventCreated, 0, 2147483647),
    stripePaymentIntentId: optionalText('input.stripePaymentIntentId', input.stripePaymentIntentId, 255),
  };
  return {};
}

export function response(ctx: Context) {
  return ctx.prev.result;
}
