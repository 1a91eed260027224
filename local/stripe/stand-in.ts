// A local stand-in for Stripe, for `npm start` and the tests (Stripe cannot be reached offline). It answers exactly
// the API calls the payment Lambdas make with the real `stripe` package pointed at it (STRIPE_API_URL):
// create, retrieve and list Checkout Sessions; serves the local checkout page whose buttons send correctly signed
// webhook events; and answers the Lambdas' Secrets Manager GetSecretValue with test secrets it makes at start,
// so no secret is ever written to the repository.
import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { configNames } from '../../functions/shared/config.ts';
import { checkoutPage } from './checkout-page.ts';
import { buildEvent, deliverEvent, type Delivery, type LocalEvent } from './events.ts';
import { parseStripeForm } from './form-params.ts';
import { getSecretValueResponse, type LocalSecret } from './secrets-manager.ts';
import { createSession, publicSession, requireOpen, StripeRequestError, stripeId, type LocalSession } from './sessions.ts';

export interface StripeStandInOptions {
  /** 0 picks a free port. */
  port: number;
  /** Where events are POSTed: the local webhook route (see webhook-route.ts). */
  webhookUrl: string;
  host?: string;
  /** The region in the secret's ARN. */
  region?: string;
}

export interface StripeStandIn {
  url: string;
  /** The `whsec_...` secret webhooks are signed with, made at start. */
  webhookSecret: string;
  /** The `sk_test_...` key the stand-in accepts, made at start. */
  secretKey: string;
  /** The Secrets Manager ARN the stand-in answers GetSecretValue for. */
  secretArn: string;
  /** What the payment Lambdas need in their environment to use the stand-in through their normal code path. */
  lambdaEnvironment: Record<string, string>;
  /** Every webhook delivery so far, oldest first. */
  deliveries(): Delivery[];
  stop(): Promise<void>;
}

interface State {
  baseUrl: string;
  sessions: Map<string, LocalSession>;
  events: Map<string, LocalEvent>;
  /** The Checkout Session each event is about (a refund's charge names only its PaymentIntent). */
  eventSessions: Map<string, string>;
  deliveries: Delivery[];
  idempotency: Map<string, { fingerprint: string; status: number; body: unknown }>;
}

function readBody(request: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    request.on('error', reject);
  });
}

function sendJson(response: ServerResponse, status: number, body: unknown, contentType = 'application/json'): void {
  response.writeHead(status, { 'content-type': contentType });
  response.end(JSON.stringify(body));
}

function stripeError(response: ServerResponse, error: StripeRequestError): void {
  sendJson(response, error.statusCode, { error: { type: error.type, message: error.message, ...(error.param ? { param: error.param } : {}) } });
}

function redirect(response: ServerResponse, location: string): void {
  response.writeHead(303, { location });
  response.end();
}

export async function startStripeStandIn(options: StripeStandInOptions): Promise<StripeStandIn> {
  const host = options.host ?? '127.0.0.1';
  const secretKey = `sk_test_local_${randomBytes(16).toString('hex')}`;
  const webhookSecret = `whsec_${randomBytes(24).toString('base64url')}`;
  const secretName = 'scholarvalley-local/stripe';
  const secretArn = `arn:aws:secretsmanager:${options.region ?? 'us-east-1'}:000000000000:secret:${secretName}`;
  const secret: LocalSecret = { arn: secretArn, name: secretName, value: JSON.stringify({ secretKey, webhookSecret }) };
  const state: State = { baseUrl: '', sessions: new Map(), events: new Map(), eventSessions: new Map(), deliveries: [], idempotency: new Map() };

  function sessionNamed(id: string): LocalSession {
    const session = state.sessions.get(id);
    if (!session) throw new StripeRequestError(404, `No such checkout.session: '${id}'`, 'id');
    return session;
  }

  async function emit(sessionId: string, type: string, object: Record<string, unknown>): Promise<void> {
    const event = buildEvent(type, object);
    state.events.set(event.id, event);
    state.eventSessions.set(event.id, sessionId);
    state.deliveries.push(await deliverEvent(event, options.webhookUrl, webhookSecret));
  }

  function checkApiKey(request: IncomingMessage): void {
    const key = (request.headers.authorization ?? '').replace(/^Bearer\s+/i, '');
    if (key !== secretKey) {
      throw new StripeRequestError(401, `Invalid API Key provided: ${key.slice(0, 8)}${'*'.repeat(Math.max(0, key.length - 8))}`);
    }
  }

  async function api(request: IncomingMessage, response: ServerResponse, url: URL, body: string): Promise<void> {
    checkApiKey(request);
    const path = url.pathname;
    if (request.method === 'POST' && path === '/v1/checkout/sessions') {
      const key = request.headers['idempotency-key'];
      const fingerprint = `${path}\n${body}`;
      const previous = typeof key === 'string' ? state.idempotency.get(key) : undefined;
      if (previous) {
        if (previous.fingerprint !== fingerprint) {
          throw new StripeRequestError(
            400,
            'Keys for idempotent requests can only be used with the same parameters they were first used with.',
            undefined,
            'idempotency_error',
          );
        }
        response.setHeader('idempotent-replayed', 'true');
        return sendJson(response, previous.status, previous.body);
      }
      const session = createSession(parseStripeForm(body), state.baseUrl);
      state.sessions.set(session.id, session);
      const result = publicSession(session);
      if (typeof key === 'string') state.idempotency.set(key, { fingerprint, status: 200, body: result });
      return sendJson(response, 200, result);
    }
    if (request.method === 'GET' && path === '/v1/checkout/sessions') {
      const query = parseStripeForm(url.search.slice(1));
      const limit = Math.min(Math.max(Number(query.limit ?? 10), 1), 100);
      const matching = [...state.sessions.values()]
        .filter((s) => query.payment_intent === undefined || s.payment_intent === query.payment_intent)
        .sort((a, b) => b.created - a.created);
      return sendJson(response, 200, {
        object: 'list',
        url: '/v1/checkout/sessions',
        has_more: matching.length > limit,
        data: matching.slice(0, limit).map(publicSession),
      });
    }
    const sessionMatch = /^\/v1\/checkout\/sessions\/([^/]+)$/.exec(path);
    if (request.method === 'GET' && sessionMatch) return sendJson(response, 200, publicSession(sessionNamed(decodeURIComponent(sessionMatch[1] ?? ''))));
    const eventMatch = /^\/v1\/events\/([^/]+)$/.exec(path);
    if (request.method === 'GET' && eventMatch) {
      const event = state.events.get(decodeURIComponent(eventMatch[1] ?? ''));
      if (!event) throw new StripeRequestError(404, `No such event: '${eventMatch[1]}'`, 'id');
      return sendJson(response, 200, event);
    }
    throw new StripeRequestError(404, `Unrecognized request URL (${request.method}: ${path}). The stand-in answers Checkout Sessions and events only.`);
  }

  async function checkoutAction(id: string, action: string): Promise<string> {
    const session = sessionNamed(id);
    if (action === 'pay') {
      requireOpen(session, 'pay');
      session.status = 'complete';
      session.payment_status = 'paid';
      session.payment_intent = stripeId('pi');
      session.local.chargeId = stripeId('ch');
      await emit(id, 'checkout.session.completed', publicSession(session));
      return 'Paid: checkout.session.completed sent.';
    }
    if (action === 'expire') {
      requireOpen(session, 'expire');
      session.status = 'expired';
      session.url = null;
      await emit(id, 'checkout.session.expired', publicSession(session));
      return 'Expired: checkout.session.expired sent.';
    }
    if (action === 'refund') {
      if (session.payment_status !== 'paid' || session.local.refunded) throw new StripeRequestError(400, 'Only a paid, unrefunded session can be refunded.');
      session.local.refunded = true;
      await emit(id, 'charge.refunded', {
        id: session.local.chargeId,
        object: 'charge',
        amount: session.amount_total,
        amount_captured: session.amount_total,
        amount_refunded: session.amount_total,
        currency: session.currency,
        captured: true,
        paid: true,
        refunded: true,
        payment_intent: session.payment_intent,
        metadata: session.local.paymentIntentMetadata,
        created: Math.floor(Date.now() / 1000),
        livemode: false,
        status: 'succeeded',
      });
      return 'Refunded: charge.refunded sent.';
    }
    throw new StripeRequestError(404, `Unknown checkout action ${action}`);
  }

  async function route(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const url = new URL(request.url ?? '/', state.baseUrl);
    const body = await readBody(request);
    try {
      const target = request.headers['x-amz-target'];
      if (request.method === 'POST' && url.pathname === '/' && typeof target === 'string') {
        const answer = getSecretValueResponse(target, body, secret);
        return sendJson(response, answer.status, answer.body, 'application/x-amz-json-1.1');
      }
      if (url.pathname.startsWith('/v1/')) return await api(request, response, url, body);
      const page = /^\/checkout\/([^/]+)$/.exec(url.pathname);
      if (request.method === 'GET' && page) {
        const session = sessionNamed(decodeURIComponent(page[1] ?? ''));
        response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
        response.end(checkoutPage(session, state.deliveries.filter((d) => state.eventSessions.get(d.eventId) === session.id), url.searchParams.get('notice') ?? undefined));
        return;
      }
      const action = /^\/checkout\/([^/]+)\/(pay|expire|refund)$/.exec(url.pathname);
      if (request.method === 'POST' && action) {
        const id = decodeURIComponent(action[1] ?? '');
        const notice = await checkoutAction(id, action[2] ?? '');
        return redirect(response, `/checkout/${id}?notice=${encodeURIComponent(notice)}`);
      }
      const resend = /^\/events\/([^/]+)\/resend$/.exec(url.pathname);
      if (request.method === 'POST' && resend) {
        const event = state.events.get(decodeURIComponent(resend[1] ?? ''));
        if (!event) throw new StripeRequestError(404, `No such event: '${resend[1]}'`, 'id');
        const delivery = await deliverEvent(event, options.webhookUrl, webhookSecret);
        state.deliveries.push(delivery);
        const sessionId = state.eventSessions.get(event.id) ?? '';
        return redirect(response, `/checkout/${sessionId}?notice=${encodeURIComponent(`Resent ${event.id}: HTTP ${delivery.status ?? 'unreachable'}`)}`);
      }
      throw new StripeRequestError(404, `Not found: ${request.method} ${url.pathname}`);
    } catch (error) {
      if (error instanceof StripeRequestError) return stripeError(response, error);
      sendJson(response, 500, { error: { type: 'api_error', message: (error as Error).message } });
    }
  }

  const server = createServer((request, response) => {
    void route(request, response);
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, host, () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  state.baseUrl = `http://${host}:${port}`;

  return {
    url: state.baseUrl,
    webhookSecret,
    secretKey,
    secretArn,
    lambdaEnvironment: {
      [configNames.stripeApiUrl]: state.baseUrl,
      [configNames.stripeSecretArn]: secretArn,
      AWS_ENDPOINT_URL_SECRETS_MANAGER: state.baseUrl,
    },
    deliveries: () => [...state.deliveries],
    stop: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
