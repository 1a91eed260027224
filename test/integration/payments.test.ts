import { beforeAll, describe, expect, it } from 'vitest';
import { signPayload } from '../../local/stripe/index.ts';
import {
  ApplyPaymentEventDocument,
  CreateCheckoutSessionDocument,
  DashboardSummaryDocument,
  ListAuditEventsDocument,
  ListPaymentsDocument,
  OnPaymentChangedDocument,
} from '../../schema/generated/client/graphql.ts';
import { localStack } from '../setup/local-stack.ts';
import { createUser, signUpApplicant, type SignedInUser } from '../setup/users.ts';
import { postGraphql } from '../unit/server/support/clients.ts';
import { createApplicant, emailsTo, eventually, gql, gqlOk, subscribe } from './support/api.ts';

// Payments end to end through the local stack and its Stripe stand-in: createCheckoutSession (resolver + payments
// Lambda + the real stripe package) → the stand-in's checkout page → a signed webhook to /stripe/webhook → the webhook
// Lambda → the IAM mutation applyPaymentEvent → the payment, the revenue counter, subscribers and the receipt email.

let owner: SignedInUser;
let stranger: SignedInUser;
let admin: SignedInUser;
let applicantId: string;

/** The stand-in's address, as the local stack reports it. */
function stripeUrl(): string {
  const url = (localStack().urls as Record<string, string | undefined>).stripe;
  if (!url) throw new Error('The local stack runs no Stripe stand-in (LocalStackInfo.urls.stripe is missing)');
  return url;
}

const webhookUrl = () => new URL('/stripe/webhook', localStack().urls.graphql).href;

beforeAll(async () => {
  [owner, stranger, admin] = await Promise.all([signUpApplicant({ fullName: 'Ana Lima' }), signUpApplicant(), createUser({ group: 'admin' })]);
  applicantId = (await createApplicant(owner, { levelOfStudy: 'GRADUATE' })).id;
});

async function checkout(service: 'DOCUMENT_REVIEW' | 'APPLICATION_SUPPORT' | 'SCHOLARSHIP_SUPPORT' = 'DOCUMENT_REVIEW', user = owner, forApplicant = applicantId) {
  return gql(user, CreateCheckoutSessionDocument, { input: { applicantId: forApplicant, service } });
}

async function press(checkoutUrl: string, action: 'pay' | 'expire' | 'refund'): Promise<void> {
  const response = await fetch(`${checkoutUrl}/${action}`, { method: 'POST', redirect: 'manual' });
  if (response.status !== 303) throw new Error(`${action} answered ${response.status}: ${await response.text()}`);
}

async function paymentNamed(id: string) {
  const { listPayments } = await gqlOk(owner, ListPaymentsDocument, { applicantId, limit: 100 });
  return listPayments.items.find((p) => p.id === id);
}

async function revenue(): Promise<number> {
  return (await gqlOk(admin, DashboardSummaryDocument, {})).dashboardSummary.totalRevenueCents ?? 0;
}

async function paymentAudit(paymentId: string) {
  const { listAuditEvents } = await gqlOk(admin, ListAuditEventsDocument, { resourceType: 'PAYMENT', resourceId: paymentId, limit: 100 });
  return listAuditEvents.items.map((e) => ({ action: e.action, details: JSON.parse(e.details ?? '{}') as Record<string, unknown> }));
}

describe('payments', () => {
  it('given the owner, when they pay on the local checkout page, then the payment SUCCEEDED, a subscriber hears it, revenue grows and the receipt is in the mailbox', async () => {
    const revenueBefore = await revenue();
    const subscription = await subscribe(owner, OnPaymentChangedDocument, { applicantId });
    try {
      const created = await checkout('DOCUMENT_REVIEW');
      expect(created.errors).toEqual([]);
      const { payment, checkoutUrl } = created.data!.createCheckoutSession;
      expect(payment).toMatchObject({ status: 'CREATED', amountCents: 1500, currency: 'usd', service: 'DOCUMENT_REVIEW', levelOfStudy: 'GRADUATE', userId: owner.sub });
      expect(checkoutUrl.startsWith(stripeUrl())).toBe(true);
      expect(payment.checkoutUrl).toBe(checkoutUrl);
      expect((await fetch(checkoutUrl)).status).toBe(200);

      await press(checkoutUrl, 'pay');
      const heard = await subscription.next((p) => p.id === payment.id && p.status === 'SUCCEEDED');
      expect(heard.stripePaymentIntentId).toMatch(/^pi_/);
      expect(await paymentNamed(payment.id)).toMatchObject({ status: 'SUCCEEDED', version: 2 });
      expect(await revenue()).toBe(revenueBefore + 1500);

      const receipt = await eventually('the receipt email', async () => (await emailsTo(owner.email, 'Payment received: Document Review (graduate)'))[0]);
      expect(receipt.body.text).toContain('we received your payment of $15.00 for Document Review (graduate)');
      expect(receipt.body.text).toContain(`Payment reference: ${payment.id}.`);
    } finally {
      subscription.close();
    }
  });

  it('given an applied event, when Stripe delivers the same event again, then it is applied once: no new version, audit entry, revenue or receipt', async () => {
    const { payment, checkoutUrl } = (await checkout('APPLICATION_SUPPORT')).data!.createCheckoutSession;
    await press(checkoutUrl, 'pay');
    await eventually('the payment to succeed', async () => (await paymentNamed(payment.id))?.status === 'SUCCEEDED');
    await eventually('the receipt', async () => (await emailsTo(owner.email, 'Payment received: Application Support')).length === 1);
    const audit = await paymentAudit(payment.id);
    const succeeded = audit.find((e) => e.action === 'PAYMENT_SUCCEEDED');
    expect(succeeded).toBeDefined();
    const revenueBefore = await revenue();

    const resend = await fetch(`${stripeUrl()}/events/${String(succeeded!.details.eventId)}/resend`, { method: 'POST', redirect: 'manual' });
    expect(resend.status).toBe(303);
    expect(decodeURIComponent(resend.headers.get('location') ?? '')).toContain('HTTP 200');

    expect(await paymentNamed(payment.id)).toMatchObject({ status: 'SUCCEEDED', version: 2 });
    expect(await paymentAudit(payment.id)).toHaveLength(audit.length);
    expect(await revenue()).toBe(revenueBefore);
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(await emailsTo(owner.email, 'Payment received: Application Support')).toHaveLength(1);
  });

  it('given a SUCCEEDED payment, when checkout.session.expired arrives after it, then the payment stays SUCCEEDED and the event is recorded as ignored', async () => {
    const { payment, checkoutUrl } = (await checkout('SCHOLARSHIP_SUPPORT')).data!.createCheckoutSession;
    await press(checkoutUrl, 'pay');
    await eventually('the payment to succeed', async () => (await paymentNamed(payment.id))?.status === 'SUCCEEDED');
    const revenueBefore = await revenue();

    const late = await gql('iam', ApplyPaymentEventDocument, {
      input: { eventId: `evt_late_${payment.id}`, eventType: 'CHECKOUT_EXPIRED', eventCreated: Math.floor(Date.now() / 1000) - 60, applicantId, paymentId: payment.id },
    });
    expect(late.errors).toEqual([]);
    expect(late.data?.applyPaymentEvent).toMatchObject({ status: 'SUCCEEDED', version: 2 });
    expect(await paymentNamed(payment.id)).toMatchObject({ status: 'SUCCEEDED', version: 2 });
    expect(await revenue()).toBe(revenueBefore);
    expect((await paymentAudit(payment.id)).map((e) => e.action)).toContain('PAYMENT_EVENT_IGNORED');
  });

  it('given a webhook signed with the wrong secret, when it arrives, then the answer is 400 and the payment does not change', async () => {
    const { payment } = (await checkout()).data!.createCheckoutSession;
    const body = JSON.stringify({
      id: `evt_forged_${payment.id}`,
      object: 'event',
      type: 'checkout.session.completed',
      created: Math.floor(Date.now() / 1000),
      data: { object: { id: 'cs_test_forged', object: 'checkout.session', payment_status: 'paid', payment_intent: 'pi_forged', metadata: { paymentId: payment.id, applicantId } } },
    });
    const response = await fetch(webhookUrl(), {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'stripe-signature': signPayload(body, 'whsec_not_the_endpoint_secret') },
      body,
    });
    expect(response.status).toBe(400);
    expect(await paymentNamed(payment.id)).toMatchObject({ status: 'CREATED', version: 1 });
  });

  it('given an open checkout, when it expires, then the payment is EXPIRED without revenue', async () => {
    const revenueBefore = await revenue();
    const { payment, checkoutUrl } = (await checkout()).data!.createCheckoutSession;
    await press(checkoutUrl, 'expire');
    expect(await eventually('the payment to expire', async () => paymentNamed(payment.id).then((p) => p?.status === 'EXPIRED' && p))).toMatchObject({ version: 2 });
    expect(await revenue()).toBe(revenueBefore);
  });

  it('given a paid payment, when it is refunded, then it is REFUNDED and its amount leaves the revenue', async () => {
    const { payment, checkoutUrl } = (await checkout()).data!.createCheckoutSession;
    await press(checkoutUrl, 'pay');
    await eventually('the payment to succeed', async () => (await paymentNamed(payment.id))?.status === 'SUCCEEDED');
    const revenueBefore = await revenue();
    await press(checkoutUrl, 'refund');
    await eventually('the refund', async () => (await paymentNamed(payment.id))?.status === 'REFUNDED');
    expect(await revenue()).toBe(revenueBefore - 1500);
  });

  it('given a client that sends an amount, when it creates a checkout, then the API refuses the unknown field and stores no payment', async () => {
    const before = (await gqlOk(owner, ListPaymentsDocument, { applicantId, limit: 100 })).listPayments.items.length;
    const response = await postGraphql(
      localStack().urls.graphql,
      {
        query: 'mutation { createCheckoutSession(input: { applicantId: "' + applicantId + '", service: DOCUMENT_REVIEW, amountCents: 1 }) { checkoutUrl } }',
      },
      { token: owner.idToken },
    );
    expect(response.body.data ?? null).toBeNull();
    expect(JSON.stringify(response.body.errors)).toContain('amountCents');
    expect((await gqlOk(owner, ListPaymentsDocument, { applicantId, limit: 100 })).listPayments.items).toHaveLength(before);
  });

  it('given a freshman applicant, when Document Review is bought, then the catalogue’s freshman price is charged', async () => {
    const freshman = (await createApplicant(owner, { levelOfStudy: 'FRESHMAN' })).id;
    const created = await checkout('DOCUMENT_REVIEW', owner, freshman);
    expect(created.data?.createCheckoutSession.payment).toMatchObject({ amountCents: 500, levelOfStudy: 'FRESHMAN' });
  });

  it('given a stranger, when they open a checkout for the owner’s applicant, then it is NotFound', async () => {
    const result = await checkout('DOCUMENT_REVIEW', stranger);
    expect(result.errors).toEqual([expect.objectContaining({ errorType: 'NotFound', message: 'Applicant not found' })]);
  });

  it('given a signed-in user, when they call the IAM-only applyPaymentEvent, then AppSync refuses it', async () => {
    const { payment } = (await checkout()).data!.createCheckoutSession;
    const result = await gql(owner, ApplyPaymentEventDocument, {
      input: { eventId: 'evt_self', eventType: 'CHECKOUT_COMPLETED', eventCreated: 1, applicantId, paymentId: payment.id },
    });
    expect(result.errors[0]?.errorType).toBe('Unauthorized');
    expect(await paymentNamed(payment.id)).toMatchObject({ status: 'CREATED' });
  });
});
