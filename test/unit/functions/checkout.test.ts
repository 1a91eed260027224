import type Stripe from 'stripe';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCheckout, priceFor } from '../../../functions/payments/checkout.ts';
import { createStripe } from '../../../functions/payments/stripe-client.ts';
import { startStripeStandIn, type StripeStandIn } from '../../../local/stripe/index.ts';
import { priceCatalog } from '../../../resolvers/lib/price-catalog.ts';

describe('pricing from the catalogue', () => {
  it.each([
    ['DOCUMENT_REVIEW', 'FRESHMAN', 500],
    ['DOCUMENT_REVIEW', 'CONTINUING_UNDERGRADUATE', 1000],
    ['DOCUMENT_REVIEW', 'GRADUATE', 1500],
    ['APPLICATION_SUPPORT', 'FRESHMAN', 25000],
    ['APPLICATION_SUPPORT', 'GRADUATE', 25000],
    ['SCHOLARSHIP_SUPPORT', 'CONTINUING_UNDERGRADUATE', 150000],
  ])('given %s for a %s applicant, when priced, then it costs %i cents', (service, level, cents) => {
    expect(priceFor(service, level)).toMatchObject({ amountCents: cents, currency: 'usd' });
  });

  it('given Document Review for a level the catalogue does not list, when priced, then the error names input.service and the level', () => {
    expect(() => priceFor('DOCUMENT_REVIEW', 'POSTDOC')).toThrow('[ValidationError] input.service: has no price for an applicant at level of study POSTDOC');
  });
});

describe('creating the Checkout Session', () => {
  let standIn: StripeStandIn;
  let stripe: Stripe;
  const urls = { successUrl: 'http://localhost:5173/checkout/success', cancelUrl: 'http://localhost:5173/checkout/cancel' };

  beforeAll(async () => {
    standIn = await startStripeStandIn({ port: 0, webhookUrl: 'http://127.0.0.1:9/unused' });
    stripe = createStripe(standIn.secretKey, standIn.url);
  });
  afterAll(() => standIn.stop());

  it('given a graduate’s Document Review, when checkout is created, then Stripe charges the catalogue price with the payment’s metadata', async () => {
    const created = await createCheckout(stripe, urls, {
      paymentId: '01JPAYMENT00000000000000P1',
      applicantId: '01JAPPLICANT000000000000A1',
      userId: 'user-1',
      service: 'DOCUMENT_REVIEW',
      levelOfStudy: 'GRADUATE',
    });
    expect(created).toMatchObject({ amountCents: 1500, currency: 'usd', service: 'DOCUMENT_REVIEW', levelOfStudy: 'GRADUATE', label: 'Document Review (graduate)' });
    const session = await stripe.checkout.sessions.retrieve(created.stripeCheckoutSessionId);
    expect(session.amount_total).toBe(1500);
    expect(session.client_reference_id).toBe('01JPAYMENT00000000000000P1');
    expect(session.metadata).toEqual({ paymentId: '01JPAYMENT00000000000000P1', applicantId: '01JAPPLICANT000000000000A1', userId: 'user-1' });
    expect(created.checkoutUrl).toBe(session.url);
  });

  it('given a service priced the same at every level, when checkout is created, then the payment records no level of study', async () => {
    const created = await createCheckout(stripe, urls, { paymentId: 'P2', applicantId: 'A1', userId: 'user-1', service: 'SCHOLARSHIP_SUPPORT', levelOfStudy: 'FRESHMAN' });
    expect(created).toMatchObject({ amountCents: priceCatalog.find((p) => p.service === 'SCHOLARSHIP_SUPPORT')?.amountCents, levelOfStudy: null });
  });

  it('given the same payment id twice (a retried invocation), when checkout is created, then Stripe returns the one session', async () => {
    const request = { paymentId: 'P3', applicantId: 'A1', userId: 'user-1', service: 'APPLICATION_SUPPORT', levelOfStudy: 'GRADUATE' };
    const first = await createCheckout(stripe, urls, request);
    const second = await createCheckout(stripe, urls, request);
    expect(second.stripeCheckoutSessionId).toBe(first.stripeCheckoutSessionId);
  });
});
