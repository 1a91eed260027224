// Which Stripe events change a payment, and how: each verified event becomes one applyPaymentEvent input, is
// acknowledged and ignored with a reason, or is refused as malformed (a field the decision reads has the wrong shape).
// Whether the change is allowed from the payment's current status (events arrive out of order) is decided by the
// applyPaymentEvent resolver, in the same transaction that records the event.
import type { ApplyPaymentEventInput } from '../../schema/generated/graphql.ts';
import {
  check,
  checkEnvelope,
  checkoutSessionShape,
  chargeShape,
  paymentMetadataShape,
  type CheckoutSessionObject,
  type ShapeProblem,
  type StripeEventEnvelope,
} from './event-shape.ts';

export type WebhookDecision = { apply: ApplyPaymentEventInput } | { ignore: string } | { malformed: ShapeProblem };

/** Finds the Checkout Session that created a PaymentIntent (a refund's charge names only the PaymentIntent). */
export type SessionByPaymentIntent = (paymentIntentId: string) => Promise<{ metadata?: unknown } | null>;

type PaymentIds = { paymentId: string; applicantId: string };

function idOf(value: string | { id: string } | null): string | null {
  if (!value) return null;
  return typeof value === 'string' ? value : value.id;
}

/**
 * The payment named by metadata: null when the metadata names none (not this API's checkout: ignored), a problem when
 * it names one badly (one id missing, or not an id this API issues).
 */
function paymentOf(metadata: unknown, field: string): PaymentIds | null | { malformed: ShapeProblem } {
  const given = (metadata ?? {}) as Record<string, unknown>;
  if (given.paymentId === undefined && given.applicantId === undefined) return null;
  const checked = check(paymentMetadataShape, given, field);
  return checked.ok ? checked.value : { malformed: checked.problem };
}

function applyInput(event: StripeEventEnvelope, eventType: ApplyPaymentEventInput['eventType'], payment: PaymentIds, paymentIntentId: string | null) {
  return { apply: { eventId: event.id, eventType, eventCreated: event.created, ...payment, stripePaymentIntentId: paymentIntentId } };
}

function fromSession(event: StripeEventEnvelope, session: CheckoutSessionObject, eventType: ApplyPaymentEventInput['eventType']): WebhookDecision {
  const payment = paymentOf(session.metadata, 'data.object.metadata');
  if (!payment) return { ignore: `Checkout Session ${session.id} was not created by this API (no payment metadata)` };
  if ('malformed' in payment) return payment;
  return applyInput(event, eventType, payment, idOf(session.payment_intent));
}

const sessionEventTypes: Record<string, ApplyPaymentEventInput['eventType']> = {
  'checkout.session.completed': 'CHECKOUT_COMPLETED',
  'checkout.session.async_payment_succeeded': 'ASYNC_PAYMENT_SUCCEEDED',
  'checkout.session.async_payment_failed': 'ASYNC_PAYMENT_FAILED',
  'checkout.session.expired': 'CHECKOUT_EXPIRED',
};

async function fromRefund(event: StripeEventEnvelope, sessionByPaymentIntent: SessionByPaymentIntent): Promise<WebhookDecision> {
  const checked = check(chargeShape, event.data.object, 'data.object');
  if (!checked.ok) return { malformed: checked.problem };
  const charge = checked.value;
  // charge.refunded fires for partial refunds too; only a full refund changes the payment's status.
  if (!charge.refunded) return { ignore: `Charge ${charge.id} was refunded in part only` };
  const paymentIntentId = idOf(charge.payment_intent);
  if (!paymentIntentId) return { ignore: `Charge ${charge.id} has no PaymentIntent` };
  const session = await sessionByPaymentIntent(paymentIntentId);
  const payment = paymentOf(session?.metadata, 'checkout_session.metadata');
  if (!payment) return { ignore: `PaymentIntent ${paymentIntentId} was not paid through a Checkout Session of this API` };
  if ('malformed' in payment) return payment;
  return applyInput(event, 'CHARGE_REFUNDED', payment, paymentIntentId);
}

export async function decideWebhookEvent(event: unknown, sessionByPaymentIntent: SessionByPaymentIntent): Promise<WebhookDecision> {
  const envelope = checkEnvelope(event);
  if (!envelope.ok) return { malformed: envelope.problem };
  const verified = envelope.value;
  const sessionEventType = sessionEventTypes[verified.type];
  if (sessionEventType) {
    const checked = check(checkoutSessionShape, verified.data.object, 'data.object');
    if (!checked.ok) return { malformed: checked.problem };
    const session = checked.value;
    // Paid now (cards), or a delayed method still settling: the async_payment_* event will tell.
    if (sessionEventType === 'CHECKOUT_COMPLETED' && session.payment_status === 'unpaid') {
      return { ignore: `Checkout Session ${session.id} completed unpaid; awaiting the async payment` };
    }
    return fromSession(verified, session, sessionEventType);
  }
  if (verified.type === 'charge.refunded') return fromRefund(verified, sessionByPaymentIntent);
  return { ignore: `Event type ${verified.type} does not change payments` };
}
