// Pipeline function (applyPaymentEvent, after loadPaymentForEvent): ONE TransactWriteItems records the Stripe event
// (its marker put only if the event id is new: a redelivered event cancels the transaction and changes nothing) and,
// when the event's change is allowed from the payment's status, updates the payment (conditioned on that status and
// the version read), moves revenueCents, and writes the audit event. An event not allowed from the current status
// (out of order) is recorded and audited as ignored, and the payment is returned as it is. The answer's eventOutcome
// (APPLIED, IGNORED, DUPLICATE) tells the webhook which of these happened.
import { util, type Context } from '@aws-appsync/utils';
import { auditPut } from '../lib/audit.ts';
import { allOf, attributeIn } from '../lib/conditions.ts';
import { tableName } from '../lib/context.ts';
import { countersUpdate } from '../lib/counters.ts';
import { paymentKey, stripeEventKey } from '../lib/keys.ts';
import { paymentEventTransitions, revenueDelta, stripeEventMarkerSeconds } from '../lib/payment-events.ts';
import { transactWrite, txPut, txUpdate, update, versionIs, type TransactItem } from '../lib/requests.ts';
import { conditionFailedAt } from '../lib/transactions.ts';
import { raiseDataSourceError } from '../lib/errors.ts';

export function request(ctx: Context) {
  const table = tableName(ctx);
  const payment = ctx.stash.payment;
  const event = ctx.stash.paymentEvent;
  const rule = paymentEventTransitions[event.eventType];
  if (!rule) util.error(`input.eventType: ${event.eventType} changes no payment`, 'ValidationError');
  const applies = rule.from.includes(payment.status);
  const now = util.time.nowISO8601();
  const items: TransactItem[] = [
    txPut(table, stripeEventKey(event.eventId), {
      type: 'STRIPE_EVENT',
      eventId: event.eventId,
      eventType: event.eventType,
      eventCreated: event.eventCreated,
      applicantId: payment.applicantId,
      paymentId: payment.id,
      outcome: applies ? 'APPLIED' : 'IGNORED',
      createdAt: now,
      expiresAt: util.time.nowEpochSeconds() + stripeEventMarkerSeconds,
    }),
  ];
  const details = { applicantId: payment.applicantId, eventId: event.eventId, eventType: event.eventType, from: payment.status };
  if (!applies) {
    ctx.stash.applied = { ...payment, eventOutcome: 'IGNORED' };
    items.push(auditPut(ctx, table, { action: 'PAYMENT_EVENT_IGNORED', resourceType: 'PAYMENT', resourceId: payment.id, details }));
    return transactWrite(items);
  }
  const changes: Record<string, unknown> = { status: rule.to, updatedAt: now };
  if (event.stripePaymentIntentId) changes.stripePaymentIntentId = event.stripePaymentIntentId;
  items.push(
    txUpdate(
      table,
      paymentKey(payment.applicantId, payment.id),
      update({ set: changes, add: { version: 1 } }),
      allOf([versionIs(payment.version), attributeIn('status', rule.from)]),
    ),
  );
  const delta = revenueDelta(payment.status, rule.to, payment.amountCents);
  if (delta !== 0) items.push(countersUpdate(table, payment.applicantId, { revenueCents: delta }));
  items.push(
    auditPut(ctx, table, {
      action: rule.action,
      resourceType: 'PAYMENT',
      resourceId: payment.id,
      details: { ...details, to: rule.to, amountCents: payment.amountCents },
    }),
  );
  ctx.stash.applied = { ...payment, ...changes, version: payment.version + 1, eventOutcome: 'APPLIED' };
  if (rule.to === 'SUCCEEDED') {
    ctx.stash.notification = {
      topic: 'PAYMENT_RECEIPT',
      recipientId: payment.userId,
      applicantId: payment.applicantId,
      paymentId: payment.id,
      amountCents: payment.amountCents,
      currency: payment.currency,
      service: payment.service,
      levelOfStudy: payment.levelOfStudy || null,
      paidAt: now,
    };
  }
  return transactWrite(items);
}

export function response(ctx: Context) {
  if (conditionFailedAt(ctx, 0)) {
    // Applied before: a no-op, no second receipt.
    ctx.stash.notification = null;
    return { ...ctx.stash.payment, eventOutcome: 'DUPLICATE' };
  }
  if (conditionFailedAt(ctx, 1)) util.error('Payment changed while the event was applied; deliver the event again', 'ConflictError');
  raiseDataSourceError(ctx);
  return ctx.stash.applied;
}
