// A Stripe webhook delivery: the signature verified on the raw body, the event mapped to a payment change, the
// change applied through the IAM mutation applyPaymentEvent (which records the event id, so a redelivery is a no-op).
// Answers: 400 for a bad signature (Stripe shows it, nothing changes); 200 once the event is applied or needs
// nothing; 500 when applying failed for a reason a retry can fix (Stripe retries with backoff for up to 3 days).
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

export async function handleStripeWebhook(deps: WebhookDeps, request: FunctionUrlEvent): Promise<FunctionUrlResult> {
  if (request.requestContext.http.method !== 'POST') return jsonResult(405, { error: 'Stripe webhooks are POSTed' });
  const signature = request.headers?.['stripe-signature'];
  if (!signature) return jsonResult(400, { error: 'Missing Stripe-Signature header' });

  let event: Stripe.Event;
  try {
    event = deps.stripe.webhooks.constructEvent(rawBody(request), signature, deps.webhookSecret);
  } catch (error) {
    deps.logger.warn('webhook signature refused', { reason: errorMessage(error) });
    return jsonResult(400, { error: 'Invalid Stripe signature' });
  }

  const decision = await decideWebhookEvent(event, async (paymentIntentId) => {
    const { data } = await deps.stripe.checkout.sessions.list({ payment_intent: paymentIntentId, limit: 1 });
    return data[0] ?? null;
  });
  if ('ignore' in decision) {
    deps.logger.info('event ignored', { eventId: event.id, eventType: event.type, reason: decision.ignore });
    return jsonResult(200, { received: true, applied: false });
  }

  const { eventId, eventType, paymentId, applicantId } = decision.apply;
  try {
    const { applyPaymentEvent: payment } = await deps.api.execute(ApplyPaymentEventDocument, { input: decision.apply });
    deps.logger.info('event applied', { eventId, eventType, paymentId, applicantId, status: payment.status });
    return jsonResult(200, { received: true, applied: true, status: payment.status });
  } catch (error) {
    if (error instanceof GraphqlRequestError && error.errorType === 'NotFound') {
      // The metadata names a payment this API never stored: retrying cannot help.
      deps.logger.warn('event names an unknown payment', { eventId, eventType, paymentId, applicantId });
      return jsonResult(200, { received: true, applied: false });
    }
    deps.logger.error('event not applied; Stripe will retry', { eventId, eventType, paymentId, reason: errorMessage(error) });
    return jsonResult(500, { error: 'The event could not be applied; retry later' });
  }
}
