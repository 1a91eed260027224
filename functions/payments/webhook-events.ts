// Which Stripe events change a payment, and how: each verified event becomes one applyPaymentEvent input, or is
// acknowledged and ignored with a reason. Whether the change is allowed from the payment's current status (events
// arrive out of order) is decided by the applyPaymentEvent resolver, in the same transaction that records the event.
import type Stripe from 'stripe';
import type { ApplyPaymentEventInput } from '../../schema/generated/graphql.ts';

export type WebhookDecision = { apply: ApplyPaymentEventInput } | { ignore: string };

/** Finds the Checkout Session that created a PaymentIntent (a refund's charge names only the PaymentIntent). */
export type SessionByPaymentIntent = (paymentIntentId: string) => Promise<Pick<Stripe.Checkout.Session, 'metadata'> | null>;

function idOf(value: string | { id: string } | null | undefined): string | null {
  if (!value) return null;
  return typeof value === 'string' ? value : value.id;
}

function paymentOf(metadata: Stripe.Metadata | null | undefined): { paymentId: string; applicantId: string } | null {
  const paymentId = metadata?.paymentId;
  const applicantId = metadata?.applicantId;
  return paymentId && applicantId ? { paymentId, applicantId } : null;
}

function fromSession(
  event: Stripe.Event,
  session: Stripe.Checkout.Session,
  eventType: ApplyPaymentEventInput['eventType'],
): WebhookDecision {
  const payment = paymentOf(session.metadata);
  if (!payment) return { ignore: `Checkout Session ${session.id} was not created by this API (no payment metadata)` };
  return {
    apply: {
      eventId: event.id,
      eventType,
      eventCreated: event.created,
      ...payment,
      stripePaymentIntentId: idOf(session.payment_intent),
    },
  };
}

export async function decideWebhookEvent(event: Stripe.Event, sessionByPaymentIntent: SessionByPaymentIntent): Promise<WebhookDecision> {
  switch (event.type) {
    case 'checkout.session.completed': {
      const session = event.data.object;
      // Paid now (cards), or a delayed method still settling: the async_payment_* event will tell.
      if (session.payment_status === 'unpaid') return { ignore: `Checkout Session ${session.id} completed unpaid; awaiting the async payment` };
      return fromSession(event, session, 'CHECKOUT_COMPLETED');
    }
    case 'checkout.session.async_payment_succeeded':
      return fromSession(event, event.data.object, 'ASYNC_PAYMENT_SUCCEEDED');
    case 'checkout.session.async_payment_failed':
      return fromSession(event, event.data.object, 'ASYNC_PAYMENT_FAILED');
    case 'checkout.session.expired':
      return fromSession(event, event.data.object, 'CHECKOUT_EXPIRED');
    case 'charge.refunded': {
      const charge = event.data.object;
      // charge.refunded fires for partial refunds too; only a full refund changes the payment's status.
      if (!charge.refunded) return { ignore: `Charge ${charge.id} was refunded in part only` };
      const paymentIntentId = idOf(charge.payment_intent);
      if (!paymentIntentId) return { ignore: `Charge ${charge.id} has no PaymentIntent` };
      const session = await sessionByPaymentIntent(paymentIntentId);
      const payment = paymentOf(session?.metadata);
      if (!payment) return { ignore: `PaymentIntent ${paymentIntentId} was not paid through a Checkout Session of this API` };
      return {
        apply: {
          eventId: event.id,
          eventType: 'CHARGE_REFUNDED',
          eventCreated: event.created,
          ...payment,
          stripePaymentIntentId: paymentIntentId,
        },
      };
    }
    default:
      return { ignore: `Event type ${event.type} does not change payments` };
  }
}
