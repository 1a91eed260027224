// What each Stripe event does to a payment, from which statuses. Events arrive out of order and more than once; an
// event whose change is not allowed from the current status is recorded and ignored, so nothing older ever undoes
// something newer:
// - money Stripe reports taken (completed, async succeeded) is recorded whatever was recorded before, except after a
//   refund (a late "completed" never un-refunds). Stripe never completes a session that expired or failed, so
//   EXPIRED/FAILED → SUCCEEDED only matters if Stripe reports both, and then the money taken is the truth;
// - expiry and async failure only end a payment still waiting (CREATED, PENDING): "expired" after "completed" never
//   undoes it;
// - a refund ends a succeeded payment, or one still waiting whose "completed" has not arrived yet (it then never will
//   count as revenue).
// Revenue (counter revenueCents) moves by the amount on → SUCCEEDED and back on SUCCEEDED → REFUNDED.

export interface PaymentTransition {
  to: string;
  from: string[];
  /** The audit action of an applied event. */
  action: string;
}

const taken = ['CREATED', 'PENDING', 'EXPIRED', 'FAILED'];

export const paymentEventTransitions: Record<string, PaymentTransition> = {
  CHECKOUT_COMPLETED: { to: 'SUCCEEDED', from: taken, action: 'PAYMENT_SUCCEEDED' },
  ASYNC_PAYMENT_SUCCEEDED: { to: 'SUCCEEDED', from: taken, action: 'PAYMENT_SUCCEEDED' },
  ASYNC_PAYMENT_FAILED: { to: 'FAILED', from: ['CREATED', 'PENDING'], action: 'PAYMENT_FAILED' },
  CHECKOUT_EXPIRED: { to: 'EXPIRED', from: ['CREATED', 'PENDING'], action: 'PAYMENT_EXPIRED' },
  CHARGE_REFUNDED: { to: 'REFUNDED', from: ['CREATED', 'PENDING', 'SUCCEEDED'], action: 'PAYMENT_REFUNDED' },
};

/** The revenue change of moving a payment of this amount between these statuses. */
export function revenueDelta(from: string, to: string, amountCents: number): number {
  if (to === 'SUCCEEDED' && from !== 'SUCCEEDED') return amountCents;
  if (from === 'SUCCEEDED' && to !== 'SUCCEEDED') return -amountCents;
  return 0;
}

/** Stripe event markers are kept 90 days (TTL), far longer than Stripe retries a delivery (3 days). */
export const stripeEventMarkerSeconds = 90 * 24 * 60 * 60;
