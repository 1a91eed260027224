// payment → the payment item under its applicant; the amount is what was paid, whatever the catalogue says today.
import { gsi, paymentKey } from '../../resolvers/lib/keys.ts';
import { findPrice } from '../../resolvers/lib/price-catalog.ts';
import { iso, legacyUlid } from '../ids.ts';
import type { Row } from '../legacy-rows.ts';
import { firstApplicantOf, text, type MapContext, type TableItem } from './context.ts';

const statuses: Record<string, string> = { created: 'CREATED', pending: 'PENDING', succeeded: 'SUCCEEDED', failed: 'FAILED', refunded: 'REFUNDED' };
const checkoutLifetimeMs = 24 * 60 * 60 * 1000;

export function mapPayment(ctx: MapContext, row: Row): TableItem | null {
  const userOldId = row.user_id === null ? null : Number(row.user_id);
  let applicant = row.applicant_id === null ? undefined : ctx.applicants.get(Number(row.applicant_id));
  if (!applicant) {
    applicant = firstApplicantOf(ctx, userOldId);
    if (!applicant) {
      ctx.report.skip('payment', row.id, 'paymentNoApplicant', `status ${String(row.status)}, ${String(row.amount_cents)} cents`);
      return null;
    }
    ctx.report.dirty('payment', row.id, 'paymentNoApplicant', `→ applicant ${applicant.oldId}`);
  }
  const payer = userOldId === null ? undefined : ctx.users.get(userOldId);
  if (!payer) ctx.report.dirty('payment', row.id, 'paymentNoUser');
  const userId = payer?.id ?? applicant.ownerId;
  ctx.report.dirty('payment', row.id, 'paymentNoService', applicant.serviceInterest);
  const amountCents = Number(row.amount_cents);
  if (findPrice(applicant.serviceInterest, applicant.levelOfStudy)?.amountCents !== amountCents) {
    ctx.report.dirty('payment', row.id, 'paymentAmount', `${amountCents} cents`);
  }
  let status = statuses[String(row.status)] ?? 'CREATED';
  if (status === 'CREATED' && ctx.now.getTime() - row.created_at.getTime() > checkoutLifetimeMs) {
    ctx.report.dirty('payment', row.id, 'paymentAbandoned');
    status = 'EXPIRED';
  }
  const id = legacyUlid('payment', row.id, row.created_at);
  ctx.paymentIds.set(row.id, id);
  const intent = text(row.stripe_payment_intent_id);
  const session = text(row.stripe_checkout_session_id);
  return {
    ...paymentKey(applicant.id, id),
    type: 'PAYMENT',
    id,
    applicantId: applicant.id,
    ownerId: applicant.ownerId,
    userId,
    service: applicant.serviceInterest,
    levelOfStudy: applicant.levelOfStudy,
    amountCents,
    currency: text(row.currency) ?? 'usd',
    status,
    ...(session ? { stripeCheckoutSessionId: session } : {}),
    ...(intent ? { stripePaymentIntentId: intent } : {}),
    createdAt: iso(row.created_at),
    updatedAt: iso((row.updated_at as Date | null) ?? row.created_at),
    version: 1,
    gsi1pk: gsi.payer(userId),
    gsi1sk: id,
    gsi4pk: gsi.allPayments,
    gsi4sk: id,
  };
}
