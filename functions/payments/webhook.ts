// The Stripe webhook endpoint, a Lambda Function URL (infra/lambdas.ts `stripe-webhook`). Stripe authenticates with
// its signature, so the URL itself has no IAM auth; everything else is in stripe-webhook.ts.
import { createIamGraphqlClient } from '../shared/appsync-iam-client.ts';
import { awsRegion } from '../shared/aws-region.ts';
import { requireConfig } from '../shared/config.ts';
import { createLogger, withContext, type LambdaContext } from '../shared/logger.ts';
import { once } from '../shared/once.ts';
import type { FunctionUrlEvent, FunctionUrlResult } from './function-url.ts';
import { stripeAccess } from './stripe-client.ts';
import { handleStripeWebhook } from './stripe-webhook.ts';

const logger = createLogger('stripe-webhook');
const api = once(() => createIamGraphqlClient({ url: requireConfig('graphqlUrl'), region: awsRegion() }));

export async function handler(event: FunctionUrlEvent, context?: LambdaContext): Promise<FunctionUrlResult> {
  withContext(logger, context);
  const { stripe, secrets } = await stripeAccess();
  return handleStripeWebhook({ stripe, webhookSecret: secrets.webhookSecret, api: api(), logger }, event);
}
