import type Stripe from 'stripe';
import { describe, expect, it } from 'vitest';
import { decideWebhookEvent, type SessionByPaymentIntent } from '../../../functions/payments/webhook-events.ts';

const metadata = { paymentId: '01JPAYMENT00000000000000P1', applicantId: '01JAPPXCANT0000000000000A1', userId: 'user-1' };

function sessionEvent(type: string, session: Partial<Stripe.Checkout.Session>): Stripe.Event {
  return {
    id: 'evt_1',
    object: 'event',
    created: 1740830400,
    type,
    data: { object: { id: 'cs_test_1', object: 'checkout.session', metadata, payment_intent: 'pi_1', payment_status: 'paid', ...session } },
  } as unknown as Stripe.Event;
}

function refundEvent(charge: Partial<Stripe.Charge>): Stripe.Event {
  return {
    id: 'evt_2',
    object: 'event',
    created: 1740834000,
    type: 'charge.refunded',
    data: { object: { id: 'ch_1', object: 'charge', payment_intent: 'pi_1', refunded: true, ...charge } },
  } as unknown as Stripe.Event;
}

const noLookup: SessionByPaymentIntent = async () => {
  throw new Error('no lookup expected');
};

describe('Stripe events to payment changes', () => {
  it.each([
    ['checkout.session.completed', 'CHECKOUT_COMPLETED'],
    ['checkout.session.async_payment_succeeded', 'ASYNC_PAYMENT_SUCCEEDED'],
    ['checkout.session.async_payment_failed', 'ASYNC_PAYMENT_FAILED'],
    ['checkout.session.expired', 'CHECKOUT_EXPIRED'],
  ])('given %s for a session of this API, then it becomes %s for the payment in its metadata', async (type, eventType) => {
    await expect(decideWebhookEvent(sessionEvent(type, {}), noLookup)).resolves.toEqual({
      apply: {
        eventId: 'evt_1',
        eventType,
        eventCreated: 1740830400,
        paymentId: metadata.paymentId,
        applicantId: metadata.applicantId,
        stripePaymentIntentId: 'pi_1',
      },
    });
  });

  it('given a completed session still unpaid (a delayed payment method), then it is ignored until the async payment event', async () => {
    const decision = await decideWebhookEvent(sessionEvent('checkout.session.completed', { payment_status: 'unpaid' }), noLookup);
    expect(decision).toEqual({ ignore: 'Checkout Session cs_test_1 completed unpaid; awaiting the async payment' });
  });

  it('given an expanded PaymentIntent object, then its id is recorded', async () => {
    const decision = await decideWebhookEvent(sessionEvent('checkout.session.completed', { payment_intent: { id: 'pi_9' } as Stripe.PaymentIntent }), noLookup);
    expect(decision).toMatchObject({ apply: { stripePaymentIntentId: 'pi_9' } });
  });

  it('given a session without this API’s metadata, then it is ignored', async () => {
    const decision = await decideWebhookEvent(sessionEvent('checkout.session.completed', { metadata: {} }), noLookup);
    expect(decision).toEqual({ ignore: 'Checkout Session cs_test_1 was not created by this API (no payment metadata)' });
  });

  it('given a full refund, then the payment is found through the session of its PaymentIntent', async () => {
    const asked: string[] = [];
    const lookup: SessionByPaymentIntent = async (id) => {
      asked.push(id);
      return { metadata };
    };
    await expect(decideWebhookEvent(refundEvent({}), lookup)).resolves.toEqual({
      apply: {
        eventId: 'evt_2',
        eventType: 'CHARGE_REFUNDED',
        eventCreated: 1740834000,
        paymentId: metadata.paymentId,
        applicantId: metadata.applicantId,
        stripePaymentIntentId: 'pi_1',
      },
    });
    expect(asked).toEqual(['pi_1']);
  });

  it('given a partial refund, then the payment is not changed', async () => {
    await expect(decideWebhookEvent(refundEvent({ refunded: false }), noLookup)).resolves.toEqual({ ignore: 'Charge ch_1 was refunded in part only' });
  });

  it('given a refund of a charge no session of this API made, then it is ignored', async () => {
    await expect(decideWebhookEvent(refundEvent({}), async () => null)).resolves.toEqual({
      ignore: 'PaymentIntent pi_1 was not paid through a Checkout Session of this API',
    });
  });

  it('given an event type payments do not follow, then it is ignored naming the type', async () => {
    const event = { id: 'evt_3', type: 'customer.created', created: 1, data: { object: {} } } as unknown as Stripe.Event;
    await expect(decideWebhookEvent(event, noLookup)).resolves.toEqual({ ignore: 'Event type customer.created does not change payments' });
  });

  it.each([
    ['no data.object', 'data.object', { id: 'evt_4', type: 'checkout.session.completed', created: 1, data: {} }],
    ['no created time', 'created', { id: 'evt_4', type: 'checkout.session.completed', data: { object: {} } }],
    ['a session whose payment_status is a number', 'data.object.payment_status', { ...sessionEvent('checkout.session.completed', { payment_status: 1 as never }) }],
    ['a session whose metadata is a string', 'data.object.metadata', { ...sessionEvent('checkout.session.expired', { metadata: 'p1' as never }) }],
    ['metadata with the payment id only', 'data.object.metadata.applicantId', { ...sessionEvent('checkout.session.completed', { metadata: { paymentId: metadata.paymentId } }) }],
    ['a payment id that is no id of this API', 'data.object.metadata.paymentId', { ...sessionEvent('checkout.session.completed', { metadata: { ...metadata, paymentId: 'pay-1' } }) }],
    ['a charge whose refunded flag is a string', 'data.object.refunded', { ...refundEvent({ refunded: 'yes' as never }) }],
    ['a refund event carrying a session instead of a charge', 'data.object.object', { ...refundEvent({ object: 'checkout.session' as never }) }],
  ])('given a signed event with %s, then it is malformed, naming %s', async (_, field, event) => {
    const decision = await decideWebhookEvent(event, noLookup);
    expect(decision).toEqual({ malformed: { field, rule: expect.any(String) } });
  });

  it('given a refund whose session has metadata with a bad applicant id, then it is malformed, naming the session field', async () => {
    const decision = await decideWebhookEvent(refundEvent({}), async () => ({ metadata: { ...metadata, applicantId: '' } }));
    expect(decision).toEqual({ malformed: { field: 'checkout_session.metadata.applicantId', rule: 'must be an id issued by this API (a ULID)' } });
  });
});
