import { SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import Stripe from 'stripe';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createStripe } from '../../../functions/payments/stripe-client.ts';
import { readStripeSecrets } from '../../../functions/payments/stripe-secrets.ts';
import { parseStripeForm } from '../../../local/stripe/form-params.ts';
import { startStripeStandIn, type StripeStandIn } from '../../../local/stripe/index.ts';
import { startWebhookReceiver, type Received } from './support/webhook-receiver.ts';

// The stand-in answers the real `stripe` package (pointed at it by host/port/protocol) and sends webhooks that the
// real stripe.webhooks.constructEvent accepts.

let standIn: StripeStandIn;
let hook: Awaited<ReturnType<typeof startWebhookReceiver>>;
let stripe: Stripe;

beforeAll(async () => {
  hook = await startWebhookReceiver();
  standIn = await startStripeStandIn({ port: 0, webhookUrl: hook.url });
  stripe = createStripe(standIn.secretKey, standIn.url);
});
afterAll(async () => {
  await standIn.stop();
  await hook.stop();
});

const params: Stripe.Checkout.SessionCreateParams = {
  mode: 'payment',
  line_items: [{ quantity: 1, price_data: { currency: 'usd', unit_amount: 25000, product_data: { name: 'Application Support' } } }],
  client_reference_id: 'P1',
  metadata: { paymentId: 'P1', applicantId: 'A1', userId: 'U1' },
  payment_intent_data: { metadata: { paymentId: 'P1', applicantId: 'A1', userId: 'U1' } },
  success_url: 'http://localhost:5173/checkout/success',
  cancel_url: 'http://localhost:5173/checkout/cancel',
};

function verified(delivery: Received | undefined): Stripe.Event {
  if (!delivery) throw new Error('no delivery');
  return stripe.webhooks.constructEvent(delivery.body, delivery.signature, standIn.webhookSecret);
}

async function press(sessionId: string, action: 'pay' | 'expire' | 'refund'): Promise<Response> {
  return fetch(`${standIn.url}/checkout/${sessionId}/${action}`, { method: 'POST', redirect: 'manual' });
}

describe('the Stripe API stand-in', () => {
  it('given price_data line items, when a Checkout Session is created, then it is open, unpaid, priced from them and has a local checkout URL', async () => {
    const session = await stripe.checkout.sessions.create(params, { idempotencyKey: 'checkout-P1' });
    expect(session).toMatchObject({ object: 'checkout.session', status: 'open', payment_status: 'unpaid', amount_total: 25000, currency: 'usd' });
    expect(session.metadata).toEqual(params.metadata);
    expect(session.url).toBe(`${standIn.url}/checkout/${session.id}`);
    expect(session.id).toMatch(/^cs_test_/);
    const page = await fetch(session.url ?? '');
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('$250.00');
  });

  it('given the same idempotency key and parameters, when created again, then the same session comes back', async () => {
    const first = await stripe.checkout.sessions.create(params, { idempotencyKey: 'checkout-P2' });
    const again = await stripe.checkout.sessions.create(params, { idempotencyKey: 'checkout-P2' });
    expect(again.id).toBe(first.id);
  });

  it('given the same idempotency key with other parameters, when created, then Stripe’s idempotency error comes back', async () => {
    await stripe.checkout.sessions.create(params, { idempotencyKey: 'checkout-P3' });
    const error = await stripe.checkout.sessions.create({ ...params, client_reference_id: 'other' }, { idempotencyKey: 'checkout-P3' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(Stripe.errors.StripeIdempotencyError);
  });

  it('given a wrong secret key, when a call is made, then it is refused as Stripe refuses it', async () => {
    const error = await createStripe('sk_test_wrong', standIn.url).checkout.sessions.list().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(Stripe.errors.StripeAuthenticationError);
  });

  it('given an unknown session id, when retrieved, then the answer is 404 naming it', async () => {
    const error = (await stripe.checkout.sessions.retrieve('cs_test_missing').catch((e: unknown) => e)) as Stripe.errors.StripeError;
    expect(error.statusCode).toBe(404);
    expect(error.message).toBe("No such checkout.session: 'cs_test_missing'");
  });

  it('given params without line items, when created, then the error names the missing param', async () => {
    const error = (await stripe.checkout.sessions.create({ mode: 'payment', success_url: 'http://x' }).catch((e: unknown) => e)) as Stripe.errors.StripeError;
    expect(error.statusCode).toBe(400);
    expect(error.param).toBe('line_items');
  });
});

describe('the local checkout page', () => {
  it('given an open session, when Pay is pressed, then a correctly signed checkout.session.completed with a PaymentIntent reaches the webhook', async () => {
    const session = await stripe.checkout.sessions.create(params);
    const before = hook.received.length;
    const response = await press(session.id, 'pay');
    expect(response.status).toBe(303);
    expect(hook.received.length).toBe(before + 1);
    const event = verified(hook.received.at(-1));
    expect(event.type).toBe('checkout.session.completed');
    const paid = event.data.object as Stripe.Checkout.Session;
    expect(paid).toMatchObject({ id: session.id, status: 'complete', payment_status: 'paid', metadata: params.metadata });
    expect(paid.payment_intent).toMatch(/^pi_/);
    const listed = await stripe.checkout.sessions.list({ payment_intent: String(paid.payment_intent), limit: 1 });
    expect(listed.data.map((s) => s.id)).toEqual([session.id]);
  });

  it('given a paid session, when Refund is pressed, then charge.refunded names its PaymentIntent and says it is fully refunded', async () => {
    const session = await stripe.checkout.sessions.create(params);
    await press(session.id, 'pay');
    const paymentIntent = (verified(hook.received.at(-1)).data.object as Stripe.Checkout.Session).payment_intent;
    await press(session.id, 'refund');
    const event = verified(hook.received.at(-1));
    expect(event.type).toBe('charge.refunded');
    expect(event.data.object).toMatchObject({ object: 'charge', refunded: true, amount_refunded: 25000, payment_intent: paymentIntent });
  });

  it('given a paid session, when Expire is pressed, then it is refused and nothing is sent', async () => {
    const session = await stripe.checkout.sessions.create(params);
    await press(session.id, 'pay');
    const before = hook.received.length;
    const response = await press(session.id, 'expire');
    expect(response.status).toBe(400);
    expect(hook.received.length).toBe(before);
  });

  it('given an open session, when Expire is pressed, then checkout.session.expired is sent', async () => {
    const session = await stripe.checkout.sessions.create(params);
    await press(session.id, 'expire');
    const event = verified(hook.received.at(-1));
    expect(event.type).toBe('checkout.session.expired');
    expect(event.data.object).toMatchObject({ id: session.id, status: 'expired' });
  });

  it('given a sent event, when it is resent, then the same event id arrives again with a fresh valid signature', async () => {
    const session = await stripe.checkout.sessions.create(params);
    await press(session.id, 'pay');
    const first = verified(hook.received.at(-1));
    const resend = await fetch(`${standIn.url}/events/${first.id}/resend`, { method: 'POST', redirect: 'manual' });
    expect(resend.status).toBe(303);
    expect(verified(hook.received.at(-1)).id).toBe(first.id);
    expect(standIn.deliveries().filter((d) => d.eventId === first.id).map((d) => d.status)).toEqual([200, 200]);
  });
});

describe('the Secrets Manager stand-in', () => {
  const secretsManager = () =>
    new SecretsManagerClient({ region: 'us-east-1', endpoint: standIn.url, credentials: { accessKeyId: 'local', secretAccessKey: 'local' } });

  it('given the stand-in’s secret ARN, when the payment Lambdas read it, then they get its secret key and webhook secret', async () => {
    await expect(readStripeSecrets(secretsManager(), standIn.secretArn)).resolves.toEqual({
      secretKey: standIn.secretKey,
      webhookSecret: standIn.webhookSecret,
    });
    expect(standIn.lambdaEnvironment).toEqual({
      STRIPE_API_URL: standIn.url,
      STRIPE_SECRET_ARN: standIn.secretArn,
      AWS_ENDPOINT_URL_SECRETS_MANAGER: standIn.url,
    });
  });

  it('given another secret id, when read, then Secrets Manager’s ResourceNotFoundException comes back', async () => {
    const error = await readStripeSecrets(secretsManager(), 'arn:aws:secretsmanager:us-east-1:000000000000:secret:other').catch((e: unknown) => e);
    expect((error as Error).name).toBe('ResourceNotFoundException');
  });
});

describe('Stripe form parameters', () => {
  it('given the bracketed form the stripe package writes, when parsed, then nested objects and indexed arrays come back', () => {
    const body = 'mode=payment&line_items[0][quantity]=1&line_items[0][price_data][unit_amount]=500&line_items[1][quantity]=2&metadata[paymentId]=P%201';
    expect(parseStripeForm(body)).toEqual({
      mode: 'payment',
      line_items: [{ quantity: '1', price_data: { unit_amount: '500' } }, { quantity: '2' }],
      metadata: { paymentId: 'P 1' },
    });
  });
});

describe('reading the Stripe secret', () => {
  it('given a secret without the webhook secret, when read, then the error names what is missing and shows no value', async () => {
    const { createServer } = await import('node:http');
    const server = createServer((_request, response) => {
      response.writeHead(200, { 'content-type': 'application/x-amz-json-1.1' });
      response.end(JSON.stringify({ ARN: 'arn', Name: 'n', SecretString: JSON.stringify({ secretKey: 'sk_live_do_not_show' }) }));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const port = (server.address() as { port: number }).port;
      const client = new SecretsManagerClient({ region: 'us-east-1', endpoint: `http://127.0.0.1:${port}`, credentials: { accessKeyId: 'a', secretAccessKey: 'b' } });
      const error = (await readStripeSecrets(client, 'arn').catch((e: unknown) => e)) as Error;
      expect(error.message).toBe('The Stripe secret lacks webhookSecret');
      expect(error.message).not.toContain('sk_live');
    } finally {
      server.close();
    }
  });
});
