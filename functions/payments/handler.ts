// The `payments` Lambda data source: createCheckoutSession's Stripe call. The resolver pipeline has checked that the
// caller may act on the applicant and passes the applicant's level of study from the item it read; it writes the
// payment item with what this returns.
import { requireConfig } from '../shared/config.ts';
import { validationError } from '../shared/errors.ts';
import { createLogger, withContext, type LambdaContext } from '../shared/logger.ts';
import { createCheckout, type CheckoutRequest } from './checkout.ts';
import { stripeAccess } from './stripe-client.ts';

/** The payload resolvers/functions/createStripeCheckout.ts sends. */
export type PaymentsEvent = { field: 'createCheckoutSession' } & CheckoutRequest;

const logger = createLogger('payments');

export async function handler(event: PaymentsEvent, context?: LambdaContext) {
  withContext(logger, context);
  if (event.field !== 'createCheckoutSession') {
    throw validationError('field', `the payments Lambda serves createCheckoutSession, not ${String(event.field)}`);
  }
  const { stripe } = await stripeAccess();
  const created = await createCheckout(
    stripe,
    { successUrl: requireConfig('checkoutSuccessUrl'), cancelUrl: requireConfig('checkoutCancelUrl') },
    event,
  );
  logger.info('checkout session created', {
    paymentId: event.paymentId,
    applicantId: event.applicantId,
    stripeCheckoutSessionId: created.stripeCheckoutSessionId,
    amountCents: created.amountCents,
  });
  return created;
}
