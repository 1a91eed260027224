import { SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import type Stripe from 'stripe';
import { beforeAll, describe, expect, it } from 'vitest';
import { createStripe } from '../../functions/payments/stripe-client.ts';
import { readStripeSecrets, type StripeSecrets } from '../../functions/payments/stripe-secrets.ts';
import { signPayload } from '../../local/stripe/index.ts';
import { CreateCheckoutSessionDocument, ListPaymentsDocument } from '../../schema/generated/client/graphql.ts';
import { localStack } from '../setup/local-stack.ts';
import { signUpApplicant, type SignedInUser } from '../setup/users.ts';
import { createApplicant, eventually, gql, gqlOk } from './support/api.ts';
import { pressOnCheckoutPage } from './support/stripe-checkout.ts';

// What the webhook answers Stripe, through the local stack: the stand-in signs with the real stripe package, the
// webhook Lambda runs behind /stripe/webhook and applies events through applyPaymentEvent on DynamoDB Local. Events
// are posted here the way Stripe posts them, signed with the endpoint secret the Lambda reads from Secrets Manager.

let owner: SignedInUser;
let applicantId: string;
let secrets: StripeSecrets;
let stripe: Stripe;

const stripeUrl = () => localStack().urls.stripe;
const webhookUrl = () => new URL('/stripe/webhook', localStack().urls.graphql).href;

beforeAll(async () => {
  const { region, credentials } = localStack();
  // The stand-in answers the Lambdas' GetSecretValue; read the secret exactly as they do.
  secrets = await readStripeSecrets(new SecretsManagerClient({ region, credentials, endpoint: stripeUrl() }), 'scholarvalley-local/stripe');
  stripe = createStripe(secrets.secretKey, stripeUrl());
  owner = await signUpApplicant();
  applicantId = (await createApplicant(owner, { levelOfStudy: 'GRADUATE' })).id;
});

async function deliver(event: unknown): Promise<{ status: number; body: Record<string, unknown> }> {
  const payload = JSON.stringify(event);
  const response = await fetch(webhookUrl(), {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'stripe-signature': signPayload(payload, secrets.webhookSecret) },
    body: payload,
  });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

async function openCheckout() {
  const created = await gql(owner, CreateCheckoutSessionDocument, { input: { applicantId, service: 'DOCUMENT_REVIEW' } });
  expect(created.errors).toEqual([]);
  return created.data!.createCheckoutSession;
}

async function paymentNamed(id: string) {
  const { listPayments } = await gqlOk(owner, ListPaymentsDocument, { applicantId, limit: 100 });
  return listPayments.items.find((p) => p.id === id);
}

/** The checkout.session.completed event the stand-in sent when Pay was pressed, as Stripe's API returns it. */
async function completedEventOf(sessionId: string): Promise<Stripe.Event> {
  const session = await stripe.checkout.sessions.retrieve(sessionId);
  const { paymentId } = session.metadata ?? {};
  await eventually('the payment to succeed', async () => (await paymentNamed(paymentId ?? ''))?.status === 'SUCCEEDED');
  const page = await (await fetch(`${stripeUrl()}/checkout/${sessionId}`)).text();
  const eventId = /<td>checkout\.session\.completed<\/td><td><code>(evt_[0-9a-f]+)<\/code>/.exec(page)?.[1];
  if (!eventId) throw new Error(`The checkout page lists no checkout.session.completed delivery for ${sessionId}`);
  return stripe.events.retrieve(eventId);
}

describe('the Stripe webhook’s answers', () => {
  it('given a paid checkout, when its completed event is delivered again, then the answer is 200 duplicate and the payment is unchanged', async () => {
    const { payment, checkoutUrl } = await openCheckout();
    await pressOnCheckoutPage(checkoutUrl, 'pay');
    const event = await completedEventOf(payment.stripeCheckoutSessionId!);

    const again = await deliver(event);

    expect(again).toEqual({ status: 200, body: { received: true, outcome: 'duplicate', status: 'SUCCEEDED' } });
    expect(await paymentNamed(payment.id)).toMatchObject({ status: 'SUCCEEDED', version: 2 });
  });

  it('given a new completed event for an open checkout, when delivered, then the answer is 200 applied with the new status', async () => {
    const { payment } = await openCheckout();
    const session = await stripe.checkout.sessions.retrieve(payment.stripeCheckoutSessionId!);
    const event = { id: `evt_applied_${payment.id}`, object: 'event', type: 'checkout.session.completed', created: Math.floor(Date.now() / 1000), data: { object: { ...session, payment_status: 'paid', payment_intent: 'pi_applied' } } };

    const answer = await deliver(event);

    expect(answer).toEqual({ status: 200, body: { received: true, outcome: 'applied', status: 'SUCCEEDED' } });
    expect(await paymentNamed(payment.id)).toMatchObject({ status: 'SUCCEEDED', version: 2, stripePaymentIntentId: 'pi_applied' });
  });

  it('given a paid checkout, when a late checkout.session.expired arrives, then the answer is 200 ignored with the reason and the payment stays SUCCEEDED', async () => {
    const { payment, checkoutUrl } = await openCheckout();
    await pressOnCheckoutPage(checkoutUrl, 'pay');
    const completed = await completedEventOf(payment.stripeCheckoutSessionId!);
    const late = { ...completed, id: `evt_late_${payment.id}`, type: 'checkout.session.expired', created: completed.created - 60 };

    const answer = await deliver(late);

    expect(answer).toEqual({
      status: 200,
      body: { received: true, outcome: 'ignored', status: 'SUCCEEDED', reason: 'CHECKOUT_EXPIRED is not allowed from payment status SUCCEEDED (it arrived out of order)' },
    });
    expect(await paymentNamed(payment.id)).toMatchObject({ status: 'SUCCEEDED', version: 2 });
  });

  it('given an event type payments do not follow, when delivered, then the answer is 200 ignored naming the type', async () => {
    const answer = await deliver({ id: 'evt_customer', object: 'event', type: 'customer.created', created: 1, data: { object: { id: 'cus_1', object: 'customer' } } });
    expect(answer).toEqual({ status: 200, body: { received: true, outcome: 'ignored', reason: 'Event type customer.created does not change payments' } });
  });

  it.each([
    ['without data.object', 'data.object', () => ({})],
    ['whose payment_status is not a string', 'data.object.payment_status', (session: Record<string, unknown>) => ({ object: { ...session, payment_status: 1 } })],
    ['whose metadata lacks the applicant id', 'data.object.metadata.applicantId', (session: Record<string, unknown>) => ({ object: { ...session, metadata: { paymentId: (session.metadata as Record<string, string>).paymentId } } })],
  ])('given a correctly signed completed event %s, when delivered, then the answer is 400 naming %s and the payment does not change', async (_, field, dataOf) => {
    const { payment } = await openCheckout();
    const session = (await stripe.checkout.sessions.retrieve(payment.stripeCheckoutSessionId!)) as unknown as Record<string, unknown>;
    const data = dataOf({ ...session, payment_status: 'paid' });
    const event = { id: `evt_malformed_${payment.id}`, object: 'event', type: 'checkout.session.completed', created: Math.floor(Date.now() / 1000), data };

    const answer = await deliver(event);

    expect(answer.status).toBe(400);
    expect(answer.body).toEqual({ error: expect.stringContaining(`Malformed event: ${field}: `), field });
    expect(await paymentNamed(payment.id)).toMatchObject({ status: 'CREATED', version: 1 });
  });
});
