import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type Stripe from 'stripe';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { createStripe } from '../../../functions/payments/stripe-client.ts';
import type { FunctionUrlEvent } from '../../../functions/payments/function-url.ts';
import { handleStripeWebhook } from '../../../functions/payments/stripe-webhook.ts';
import { createIamGraphqlClient } from '../../../functions/shared/appsync-iam-client.ts';
import { createLogger } from '../../../functions/shared/logger.ts';
import { signPayload, startStripeStandIn, type StripeStandIn } from '../../../local/stripe/index.ts';
import { functionUrlRoute } from '../../../local/stack/function-url-route.ts';
import { iamCredentials, region, startIamGraphqlEndpoint, type IamGraphqlEndpoint } from './support/iam-graphql-endpoint.ts';

// The webhook Lambda's logic behind the local Function URL route (local/stack/function-url-route.ts), fed by the Stripe stand-in, calling a stand-in of
// the API that checks the IAM signature: every piece real except AppSync itself.

let standIn: StripeStandIn;
let api: IamGraphqlEndpoint;
let route: Server;
let webhookUrl: string;
let stripe: Stripe;
const logger = createLogger('stripe-webhook-test');

const metadata = { paymentId: '01JPAYMENT00000000000000P1', applicantId: '01JAPPXCANT0000000000000A1', userId: 'user-1' };

beforeAll(async () => {
  api = await startIamGraphqlEndpoint();
  route = createServer((request, response) => {
    void functionUrlRoute((event) =>
      handleStripeWebhook(
        {
          stripe,
          webhookSecret: standIn.webhookSecret,
          api: createIamGraphqlClient({ url: api.url, region, credentials: async () => iamCredentials }),
          logger,
        },
        event as FunctionUrlEvent,
      ),
    )(request, response);
  });
  await new Promise<void>((resolve) => route.listen(0, '127.0.0.1', resolve));
  webhookUrl = `http://127.0.0.1:${(route.address() as AddressInfo).port}/stripe/webhook`;
  standIn = await startStripeStandIn({ port: 0, webhookUrl });
  stripe = createStripe(standIn.secretKey, standIn.url);
});
afterAll(async () => {
  await standIn.stop();
  await new Promise<void>((resolve) => route.close(() => resolve()));
  await api.stop();
});
beforeEach(() => {
  vi.restoreAllMocks();
  api.received.length = 0;
  api.answer = (request) => ({ data: { applyPaymentEvent: { id: metadata.paymentId, status: request.variables.input ? 'SUCCEEDED' : null, eventOutcome: 'APPLIED' } } });
});

async function openSession(): Promise<string> {
  const session = await stripe.checkout.sessions.create({
    mode: 'payment',
    line_items: [{ quantity: 1, price_data: { currency: 'usd', unit_amount: 500, product_data: { name: 'Document Review' } } }],
    metadata,
    success_url: 'http://localhost/success',
  });
  return session.id;
}

const press = (sessionId: string, action: string) => fetch(`${standIn.url}/checkout/${sessionId}/${action}`, { method: 'POST', redirect: 'manual' });

function post(body: string, signature?: string, method = 'POST') {
  return fetch(webhookUrl, {
    method,
    headers: { 'content-type': 'application/json', ...(signature ? { 'stripe-signature': signature } : {}) },
    ...(method === 'POST' ? { body } : {}),
  });
}

describe('the Stripe webhook', () => {
  it('given Pay on the local checkout page, when the event arrives, then applyPaymentEvent is called once, IAM-signed, with the completed payment', async () => {
    const sessionId = await openSession();
    await press(sessionId, 'pay');
    expect(standIn.deliveries().at(-1)?.status).toBe(200);
    expect(api.received).toHaveLength(1);
    const [call] = api.received;
    expect(call?.signer).toBe(iamCredentials.accessKeyId);
    expect(call?.operationName).toBe('ApplyPaymentEvent');
    expect(call?.variables.input).toMatchObject({
      eventType: 'CHECKOUT_COMPLETED',
      paymentId: metadata.paymentId,
      applicantId: metadata.applicantId,
      stripePaymentIntentId: expect.stringMatching(/^pi_/),
      eventId: standIn.deliveries().at(-1)?.eventId,
    });
  });

  it('given a refund on the page, when charge.refunded arrives, then the payment is found through Stripe and refunded', async () => {
    const sessionId = await openSession();
    await press(sessionId, 'pay');
    await press(sessionId, 'refund');
    expect(api.received.map((r) => (r.variables.input as { eventType: string }).eventType)).toEqual(['CHECKOUT_COMPLETED', 'CHARGE_REFUNDED']);
    expect(api.received[1]?.variables.input).toMatchObject({ paymentId: metadata.paymentId, applicantId: metadata.applicantId });
  });

  it('given a body signed with another secret, when posted, then the answer is 400 and the API is not called', async () => {
    const body = JSON.stringify({ id: 'evt_forged', object: 'event', type: 'checkout.session.completed', data: { object: {} } });
    const response = await post(body, signPayload(body, 'whsec_not_the_secret'));
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({ error: 'Invalid Stripe signature' });
    expect(api.received).toHaveLength(0);
  });

  it('given a correctly signed body changed after signing, when posted, then the answer is 400 and the API is not called', async () => {
    const body = JSON.stringify({ id: 'evt_1', object: 'event', type: 'checkout.session.expired', data: { object: { metadata } } });
    const response = await post(body.replace('expired', 'completed'), signPayload(body, standIn.webhookSecret));
    expect(response.status).toBe(400);
    expect(api.received).toHaveLength(0);
  });

  it('given no Stripe-Signature header, when posted, then the answer is 400', async () => {
    expect((await post('{}')).status).toBe(400);
  });

  it('given a GET, when sent, then the answer is 405', async () => {
    expect((await post('', undefined, 'GET')).status).toBe(405);
  });

  it('given the API does not know the payment, when the event arrives, then it is acknowledged (200) since a retry cannot help', async () => {
    api.answer = () => ({ data: null, errors: [{ errorType: 'NotFound', message: 'Payment not found' }] });
    const sessionId = await openSession();
    await press(sessionId, 'pay');
    expect(standIn.deliveries().at(-1)?.status).toBe(200);
  });

  it('given the API reports a concurrent change, when the event arrives, then the answer is 500 so Stripe delivers it again', async () => {
    api.answer = () => ({ data: null, errors: [{ errorType: 'ConflictError', message: 'Payment changed while the event was applied' }] });
    const sessionId = await openSession();
    await press(sessionId, 'pay');
    expect(standIn.deliveries().at(-1)?.status).toBe(500);
  });

  it('given an event type payments do not follow, when it arrives signed, then it is acknowledged without calling the API', async () => {
    const body = JSON.stringify({ id: 'evt_other', object: 'event', type: 'customer.created', created: 1, data: { object: { id: 'cus_1' } } });
    const response = await post(body, signPayload(body, standIn.webhookSecret));
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ received: true, outcome: 'ignored', reason: 'Event type customer.created does not change payments' });
    expect(api.received).toHaveLength(0);
  });

  it('given a correctly signed event without data.object, when posted, then the answer is 400 naming the field, it is logged and the API is not called', async () => {
    const warn = vi.spyOn(logger, 'warn');
    const body = JSON.stringify({ id: 'evt_shapeless', object: 'event', type: 'checkout.session.completed', created: 1, data: {} });
    const response = await post(body, signPayload(body, standIn.webhookSecret));
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({ error: expect.stringMatching(/^Malformed event: data\.object: /), field: 'data.object' });
    expect(warn).toHaveBeenCalledWith('malformed event refused', expect.objectContaining({ eventId: 'evt_shapeless', field: 'data.object' }));
    expect(api.received).toHaveLength(0);
  });

  it('given a correctly signed session event with only one metadata id, when posted, then the answer is 400 naming that id', async () => {
    const body = JSON.stringify({
      id: 'evt_half',
      object: 'event',
      type: 'checkout.session.completed',
      created: 1,
      data: { object: { id: 'cs_test_half', object: 'checkout.session', payment_status: 'paid', payment_intent: 'pi_1', metadata: { paymentId: metadata.paymentId } } },
    });
    const response = await post(body, signPayload(body, standIn.webhookSecret));
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ field: 'data.object.metadata.applicantId' });
    expect(api.received).toHaveLength(0);
  });

  it.each([
    ['APPLIED', { received: true, outcome: 'applied', status: 'SUCCEEDED' }, 'event applied'],
    ['DUPLICATE', { received: true, outcome: 'duplicate', status: 'SUCCEEDED' }, 'event duplicate'],
    [
      'IGNORED',
      { received: true, outcome: 'ignored', status: 'SUCCEEDED', reason: 'CHECKOUT_COMPLETED is not allowed from payment status SUCCEEDED (it arrived out of order)' },
      'event ignored',
    ],
  ])('given the API answers eventOutcome %s, when Pay’s event arrives, then the answer and the log say so', async (eventOutcome, body, line) => {
    const info = vi.spyOn(logger, 'info');
    api.answer = () => ({ data: { applyPaymentEvent: { id: metadata.paymentId, status: 'SUCCEEDED', eventOutcome } } });
    const sessionId = await openSession();
    await press(sessionId, 'pay');
    const { eventId } = standIn.deliveries().at(-1)!;
    const event = await stripe.events.retrieve(eventId);
    const payload = JSON.stringify(event);
    const response = await post(payload, signPayload(payload, standIn.webhookSecret));
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual(body);
    expect(info).toHaveBeenLastCalledWith(line, expect.objectContaining({ outcome: body.outcome, eventId, paymentId: metadata.paymentId }));
  });

  it('given the API does not know the payment, when the event arrives, then it is answered and logged as ignored with the reason', async () => {
    api.answer = () => ({ data: null, errors: [{ errorType: 'NotFound', message: 'Payment not found' }] });
    const info = vi.spyOn(logger, 'info');
    const body = JSON.stringify({
      id: 'evt_unknown_payment',
      type: 'checkout.session.expired',
      created: 1,
      data: { object: { id: 'cs_test_x', object: 'checkout.session', payment_status: 'unpaid', payment_intent: null, metadata } },
    });
    const response = await post(body, signPayload(body, standIn.webhookSecret));
    expect(await response.json()).toEqual({
      received: true,
      outcome: 'ignored',
      reason: `Payment ${metadata.paymentId} of applicant ${metadata.applicantId} is not stored by this API`,
    });
    expect(info).toHaveBeenLastCalledWith('event ignored', expect.objectContaining({ eventId: 'evt_unknown_payment' }));
  });
});
