// A Stripe webhook delivery: the signature verified on the raw body, the event's shape checked, the event mapped to a
// payment change, the change applied through the IAM mutation applyPaymentEvent (which records the event id, so a
// redelivery is a no-op and says so). Every answer and its log line say what happened:
// - 400: a bad signature, or a signed event whose shape is wrong or names a payment id badly (the body names the
//   field). Stripe retries every non-2xx, so a 400 stays visible as failed in its dashboard and can be resent once the
//   code reads that shape; nothing was changed;
// - 200 with outcome `applied`, `duplicate` (the event id was recorded by an earlier delivery) or `ignored` (with the
//   reason: a type payments do not follow, not this API's checkout, not allowed from the payment's status, an unknown
//   payment);
// - 500 when applying failed for a reason a retry can fix (Stripe retries with backoff for up to 3 days).
import type { Logger } from '@aws-lambda-powertools/logger';
import type Stripe from 'stripe';
import { ApplyPaymentEventDocument } from '../../schema/generated/client/graphql.ts';
import { GraphqlRequestError, type IamGraphqlClient } from '../shared/appsync-iam-client.ts';
import { errorMessage } from '../shared/logger.ts';
import { jsonResult, rawBody, type FunctionUrlEvent, type FunctionUrlResult } from './function-url.ts';
import { decideWebhookEvent } from './webhook-events.ts';

export interface WebhookDeps {
  stripe: Stripe;
  webhookSecret: string;
  api: IamGraphqlClient;
  logger: Logger;
}

/** What the webhook did with an event, as its answer and its log line say it. */
export type WebhookOutcome = 'applied' | 'duplicate' | 'ignored';

function acknowledged(logger: Logger, outcome: WebhookOutcome, details: Record<string, unknown>): FunctionUrlResult {
  logger.info(`event ${outcome}`, { outcome, ...details });
  const { reason, status } = details;
  return jsonResult(200, { received: true, outcome, ...(reason ? { reason } : {}), ...(status ? { status } : {}) });
}

export async function handleStripeWebhook(deps: WebhookDeps, request: FunctionUrlEvent): Promise<FunctionUrlResult> {
  if (request.requestContext.http.method !== 'POST') return jsonResult(405, { error: 'Stripe webhooks are POSTed' });
  const signature = request.headers?.['stripe-signature'];
  if (!signature) return jsonResult(400, { error: 'Missing Stripe-Signature header' });

  let event: unknown;
  try {
    event = deps.stripe.webhooks.constructEvent(rawBody(request), signature, deps.webhookSecret);
  } catch (error) {
    deps.logger.warn('webhook signature refused', { reason: errorMessage(error) });
    return jsonResult(400, { error: 'Invalid Stripe signature' });
  }
  const { id: eventId, type: eventType } = (event ?? {}) as { id?: unknown; type?: unknown };

  const decision = await decideWebhookEvent(event, async (paymentIntentId) => {
    const { data } = await deps.stripe.checkout.sessions.list({ payment_intent: paymentIntentId, limit: 1 });
    return data[0] ?? null;
  });
  if ('malformed' in decision) {
    const { field, rule } = decision.malformed;
    deps.logger.warn('malformed event refused', { eventId, eventType, field, rule });
    return jsonResult(400, { error: `Malformed event: ${field}: ${rule}`, field });
  }
  if ('ignore' in decision) return acknowledged(deps.logger, 'ignored', { eventId, eventType, reason: decision.ignore });

  const { paymentId, applicantId } = decision.apply;
  const ids = { eventId, eventType, paymentId, applicantId };
  try {
    const { applyPaymentEvent: payment } = await deps.api.execute(ApplyPaymentEventDocument, { input: decision.apply });
    switch (payment.eventOutcome) {
      case 'APPLIED':
        return acknowledged(deps.logger, 'applied', { ...ids, status: payment.status });
      case 'DUPLICATE':
        return acknowledged(deps.logger, 'duplicate', { ...ids, status: payment.status });
      case 'IGNORED':
        return acknowledged(deps.logger, 'ignored', {
          ...ids,
          status: payment.status,
          reason: `${decision.apply.eventType} is not allowed from payment status ${payment.status} (it arrived out of order)`,
        });
      default:
        throw new Error(`applyPaymentEvent answered without an eventOutcome (${String(payment.eventOutcome)})`);
    }
  } catch (error) {
    if (error instanceof GraphqlRequestError && error.errorType === 'NotFound') {
      // The metadata names a payment this API never stored: retrying cannot help.
      return acknowledged(deps.logger, 'ignored', { ...ids, reason: `Payment ${paymentId} of applicant ${applicantId} is not stored by this API` });
    }
    if (error instanceof GraphqlRequestError && error.errorType === 'ValidationError') {
      // The API refused the input the event made: a retry would be refused the same way.
      const message = error.errors[0]?.message ?? error.message;
      deps.logger.warn('malformed event refused', { ...ids, rule: message });
      return jsonResult(400, { error: `Malformed event: ${message}` });
    }
    deps.logger.error('event not applied; Stripe will retry', { ...ids, reason: errorMessage(error) });
    return jsonResult(500, { error: 'The event could not be applied; retry later' });
  }
}
