// Webhook events as Stripe sends them: an Event object POSTed as JSON with a Stripe-Signature header
// `t=<unix seconds>,v1=<hex HMAC-SHA256(webhook secret, "<t>.<payload>")>`, made by the stripe package itself.
import Stripe from 'stripe';
import { stripeId } from './sessions.ts';

export interface LocalEvent {
  id: string;
  object: 'event';
  api_version: string;
  created: number;
  data: { object: Record<string, unknown> };
  livemode: false;
  pending_webhooks: number;
  request: { id: null; idempotency_key: null };
  type: string;
}

export interface Delivery {
  eventId: string;
  type: string;
  at: string;
  /** The webhook's HTTP status, or null when it could not be reached. */
  status: number | null;
  error?: string;
}

export function buildEvent(type: string, object: Record<string, unknown>, now: Date = new Date()): LocalEvent {
  return {
    id: stripeId('evt'),
    object: 'event',
    api_version: Stripe.API_VERSION,
    created: Math.floor(now.getTime() / 1000),
    data: { object },
    livemode: false,
    pending_webhooks: 1,
    request: { id: null, idempotency_key: null },
    type,
  };
}

/** The Stripe-Signature header of a payload, by Stripe's scheme (as stripe.webhooks.constructEvent verifies it). */
export function signPayload(payload: string, secret: string, timestamp = Math.floor(Date.now() / 1000)): string {
  return Stripe.webhooks.generateTestHeaderString({ payload, secret, timestamp });
}

/** POSTs one event to the webhook, signed afresh (as Stripe signs every delivery and every resend). */
export async function deliverEvent(event: LocalEvent, webhookUrl: string, secret: string): Promise<Delivery> {
  const payload = JSON.stringify(event, null, 2);
  const at = new Date().toISOString();
  try {
    const response = await fetch(webhookUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json; charset=utf-8', 'stripe-signature': signPayload(payload, secret) },
      body: payload,
    });
    await response.arrayBuffer();
    return { eventId: event.id, type: event.type, at, status: response.status };
  } catch (error) {
    return { eventId: event.id, type: event.type, at, status: null, error: (error as Error).message };
  }
}
