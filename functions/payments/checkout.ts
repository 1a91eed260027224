// createCheckoutSession's Stripe side: the price from the server-side catalogue (never from the client), one Checkout
// Session per payment id (the idempotency key, so a retried invocation cannot open a second session).
import type Stripe from 'stripe';
import { findPrice, type PriceRow } from '../../resolvers/lib/price-catalog.ts';
import { validationError } from '../shared/errors.ts';

export interface CheckoutRequest {
  /** The payment's id, chosen by the resolver; it also keys the payment item written after this call. */
  paymentId: string;
  applicantId: string;
  /** The payer: the signed-in caller. */
  userId: string;
  service: string;
  /** The applicant's level of study, read from the applicant item (it prices Document Review). */
  levelOfStudy: string;
}

export interface CheckoutUrls {
  successUrl: string;
  cancelUrl: string;
}

export interface CheckoutCreated {
  stripeCheckoutSessionId: string;
  checkoutUrl: string;
  amountCents: number;
  currency: string;
  service: string;
  /** Set where the price depends on it. */
  levelOfStudy: string | null;
  label: string;
}

/** The catalogue row for this service and level of study; an error naming the field when there is none. */
export function priceFor(service: string, levelOfStudy: string): PriceRow {
  const row = findPrice(service, levelOfStudy);
  if (!row) throw validationError('input.service', `has no price for an applicant at level of study ${levelOfStudy}`);
  return row;
}

/** Metadata carried by the session and its PaymentIntent, so every webhook event leads back to the payment. */
export function checkoutMetadata(request: CheckoutRequest): Record<string, string> {
  return { paymentId: request.paymentId, applicantId: request.applicantId, userId: request.userId };
}

export async function createCheckout(stripe: Stripe, urls: CheckoutUrls, request: CheckoutRequest): Promise<CheckoutCreated> {
  const price = priceFor(request.service, request.levelOfStudy);
  const metadata = checkoutMetadata(request);
  const session = await stripe.checkout.sessions.create(
    {
      mode: 'payment',
      line_items: [
        {
          quantity: 1,
          price_data: { currency: price.currency, unit_amount: price.amountCents, product_data: { name: price.label } },
        },
      ],
      client_reference_id: request.paymentId,
      metadata,
      payment_intent_data: { metadata },
      success_url: urls.successUrl,
      cancel_url: urls.cancelUrl,
    },
    { idempotencyKey: `checkout-${request.paymentId}` },
  );
  if (!session.url) throw new Error(`Stripe returned Checkout Session ${session.id} without a URL`);
  return {
    stripeCheckoutSessionId: session.id,
    checkoutUrl: session.url,
    amountCents: price.amountCents,
    currency: price.currency,
    service: price.service,
    levelOfStudy: price.levelOfStudy,
    label: price.label,
  };
}
