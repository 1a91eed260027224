// Checkout Sessions as the stand-in keeps them: created from the API's create parameters, then completed, expired
// or refunded from the local checkout page. Objects carry the fields of Stripe's Checkout Session object that the
// API reads (id, url, status, payment_status, payment_intent, metadata, amounts) in Stripe's shapes.
import { randomBytes } from 'node:crypto';
import type { FormObject, FormValue } from './form-params.ts';

export class StripeRequestError extends Error {
  constructor(
    readonly statusCode: number,
    message: string,
    readonly param?: string,
    readonly type = 'invalid_request_error',
  ) {
    super(message);
  }
}

export interface LocalSession {
  id: string;
  object: 'checkout.session';
  amount_subtotal: number;
  amount_total: number;
  currency: string;
  client_reference_id: string | null;
  created: number;
  expires_at: number;
  livemode: false;
  metadata: Record<string, string>;
  mode: 'payment';
  payment_intent: string | null;
  payment_status: 'unpaid' | 'paid';
  status: 'open' | 'complete' | 'expired';
  success_url: string | null;
  cancel_url: string | null;
  url: string | null;
  /** Not part of Stripe's object: what the checkout page shows, and whether the charge was refunded. */
  local: { label: string; paymentIntentMetadata: Record<string, string>; chargeId: string | null; refunded: boolean };
}

export function stripeId(prefix: string): string {
  return `${prefix}_${randomBytes(12).toString('hex')}`;
}

function text(params: FormObject, name: string, required: boolean): string | null {
  const value = params[name];
  if (value === undefined || value === '') {
    if (required) throw new StripeRequestError(400, `Missing required param: ${name}.`, name);
    return null;
  }
  if (typeof value !== 'string') throw new StripeRequestError(400, `Invalid string: ${name}`, name);
  return value;
}

function stringMap(value: FormValue | undefined, name: string): Record<string, string> {
  if (value === undefined) return {};
  if (typeof value !== 'object' || Array.isArray(value)) throw new StripeRequestError(400, `Invalid object: ${name}`, name);
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, typeof v === 'string' ? v : JSON.stringify(v)]));
}

interface PricedLine {
  amount: number;
  currency: string;
  label: string;
}

function lineOf(line: FormValue | undefined, index: number): PricedLine {
  const at = `line_items[${index}]`;
  if (typeof line !== 'object' || Array.isArray(line)) throw new StripeRequestError(400, `Invalid object: ${at}`, at);
  const priceData = line.price_data;
  if (typeof priceData !== 'object' || Array.isArray(priceData)) {
    throw new StripeRequestError(400, `The stand-in supports ${at}[price_data] only.`, `${at}[price_data]`);
  }
  const amount = Number(priceData.unit_amount);
  if (!Number.isInteger(amount) || amount < 1) {
    throw new StripeRequestError(400, `Invalid integer: ${at}[price_data][unit_amount]`, `${at}[price_data][unit_amount]`);
  }
  const quantity = Number(line.quantity ?? '1');
  if (!Number.isInteger(quantity) || quantity < 1) throw new StripeRequestError(400, `Invalid integer: ${at}[quantity]`, `${at}[quantity]`);
  const currency = typeof priceData.currency === 'string' ? priceData.currency : '';
  if (!currency) throw new StripeRequestError(400, `Missing required param: ${at}[price_data][currency].`, `${at}[price_data][currency]`);
  const product = priceData.product_data;
  const label = typeof product === 'object' && !Array.isArray(product) && typeof product.name === 'string' ? product.name : '';
  if (!label) throw new StripeRequestError(400, `Missing required param: ${at}[price_data][product_data][name].`, `${at}[price_data][product_data][name]`);
  return { amount: amount * quantity, currency, label };
}

/** A new open session from `POST /v1/checkout/sessions` parameters (mode payment, price_data line items). */
export function createSession(params: FormObject, baseUrl: string, now: Date = new Date()): LocalSession {
  const mode = text(params, 'mode', true);
  if (mode !== 'payment') throw new StripeRequestError(400, 'The stand-in supports mode=payment only.', 'mode');
  const lines = params.line_items;
  if (!Array.isArray(lines) || lines.length === 0) throw new StripeRequestError(400, 'Missing required param: line_items.', 'line_items');
  const priced = lines.map(lineOf);
  const currency = priced[0]?.currency ?? 'usd';
  if (priced.some((line) => line.currency !== currency)) throw new StripeRequestError(400, 'All line items must use the same currency.', 'line_items');
  const total = priced.reduce((sum, line) => sum + line.amount, 0);
  const created = Math.floor(now.getTime() / 1000);
  const id = stripeId('cs_test');
  const paymentIntentData = params.payment_intent_data;
  return {
    id,
    object: 'checkout.session',
    amount_subtotal: total,
    amount_total: total,
    currency,
    client_reference_id: text(params, 'client_reference_id', false),
    created,
    expires_at: created + 24 * 60 * 60,
    livemode: false,
    metadata: stringMap(params.metadata, 'metadata'),
    mode: 'payment',
    payment_intent: null,
    payment_status: 'unpaid',
    status: 'open',
    success_url: text(params, 'success_url', true),
    cancel_url: text(params, 'cancel_url', false),
    url: `${baseUrl}/checkout/${id}`,
    local: {
      label: priced.map((line) => line.label).join(', '),
      paymentIntentMetadata:
        typeof paymentIntentData === 'object' && !Array.isArray(paymentIntentData) ? stringMap(paymentIntentData.metadata, 'payment_intent_data[metadata]') : {},
      chargeId: null,
      refunded: false,
    },
  };
}

/** The session as the API returns it (without the stand-in's own fields). */
export function publicSession(session: LocalSession): Omit<LocalSession, 'local'> {
  const { local: _local, ...visible } = session;
  return visible;
}

export function requireOpen(session: LocalSession, action: string): void {
  if (session.status !== 'open') throw new StripeRequestError(400, `Cannot ${action} a Checkout Session that is ${session.status}.`);
}
