// Pipeline function (createCheckoutSession, after createStripeCheckout): the payment item, CREATED with the
// Checkout Session's id and URL and the catalogue's price, and its audit event, in one TransactWriteItems.
import { util, type Context } from '@aws-appsync/utils';
import { auditPut } from '../lib/audit.ts';
import { callerTransactWrite } from '../lib/caller-check.ts';
import { callerId, tableName } from '../lib/context.ts';
import { gsi, paymentKey } from '../lib/keys.ts';
import { txPut } from '../lib/requests.ts';
import { raiseDataSourceError } from '../lib/errors.ts';

export function request(ctx: Context) {
  const table = tableName(ctx);
  const applicant = ctx.stash.applicant;
  const session = ctx.stash.session;
  const id = ctx.stash.checkout.paymentId;
  const userId = callerId(ctx);
  const now = util.time.nowISO8601();
  const payment: Record<string, unknown> = {
    type: 'PAYMENT',
    id,
    applicantId: applicant.id,
    ownerId: applicant.ownerId,
    userId,
    service: session.service,
    amountCents: session.amountCents,
    currency: session.currency,
    status: 'CREATED',
    checkoutUrl: session.checkoutUrl,
    stripeCheckoutSessionId: session.stripeCheckoutSessionId,
    createdAt: now,
    updatedAt: now,
    version: 1,
    gsi1pk: gsi.payer(userId),
    gsi1sk: id,
    gsi4pk: gsi.allPayments,
    gsi4sk: id,
  };
  if (session.levelOfStudy) payment.levelOfStudy = session.levelOfStudy;
  ctx.stash.payment = payment;
  return callerTransactWrite(ctx, table, [
    txPut(table, paymentKey(applicant.id, id), payment),
    auditPut(ctx, table, {
      action: 'CHECKOUT_CREATED',
      resourceType: 'PAYMENT',
      resourceId: id,
      details: {
        applicantId: applicant.id,
        service: session.service,
        amountCents: session.amountCents,
        currency: session.currency,
        stripeCheckoutSessionId: session.stripeCheckoutSessionId,
      },
    }),
  ]);
}

export function response(ctx: Context) {
  raiseDataSourceError(ctx);
  return { payment: ctx.stash.payment, checkoutUrl: ctx.stash.payment.checkoutUrl };
}
