import { SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import Stripe from 'stripe';
import { optionalConfig, requireConfig } from '../shared/config.ts';
import { onceAsync } from '../shared/once.ts';
import { readStripeSecrets, type StripeSecrets } from './stripe-secrets.ts';

/**
 * The real Stripe client. `apiUrl` (STRIPE_API_URL, set only by the local stack) points it at the local stand-in
 * through the SDK's own host/port/protocol options; in AWS it is unset and the SDK talks to api.stripe.com.
 */
export function createStripe(secretKey: string, apiUrl?: string): Stripe {
  if (!apiUrl) return new Stripe(secretKey, { maxNetworkRetries: 2, timeout: 10_000 });
  const url = new URL(apiUrl);
  return new Stripe(secretKey, {
    host: url.hostname,
    port: url.port || (url.protocol === 'https:' ? 443 : 80),
    protocol: url.protocol === 'https:' ? 'https' : 'http',
    maxNetworkRetries: 2,
    timeout: 10_000,
  });
}

export interface StripeAccess {
  stripe: Stripe;
  secrets: StripeSecrets;
}

/** The secrets read from Secrets Manager at cold start and the client built from them, kept for the container. */
export const stripeAccess = onceAsync(async (): Promise<StripeAccess> => {
  const secrets = await readStripeSecrets(new SecretsManagerClient({}), requireConfig('stripeSecretArn'));
  return { stripe: createStripe(secrets.secretKey, optionalConfig('stripeApiUrl')), secrets };
});
