import { GetSecretValueCommand, type SecretsManagerClient } from '@aws-sdk/client-secrets-manager';

/** The Secrets Manager secret STRIPE_SECRET_ARN names holds this JSON object. */
export interface StripeSecrets {
  secretKey: string;
  webhookSecret: string;
}

/** Reads and checks the Stripe secrets. Errors name the secret's missing keys, never their values. */
export async function readStripeSecrets(client: SecretsManagerClient, secretId: string): Promise<StripeSecrets> {
  const { SecretString } = await client.send(new GetSecretValueCommand({ SecretId: secretId }));
  let parsed: Partial<Record<keyof StripeSecrets, unknown>>;
  try {
    parsed = JSON.parse(SecretString ?? '') as typeof parsed;
  } catch {
    throw new Error('The Stripe secret is not a JSON object {"secretKey": ..., "webhookSecret": ...}');
  }
  const missing = (['secretKey', 'webhookSecret'] as const).filter((name) => typeof parsed[name] !== 'string' || !parsed[name]);
  if (missing.length > 0) throw new Error(`The Stripe secret lacks ${missing.join(' and ')}`);
  return { secretKey: parsed.secretKey as string, webhookSecret: parsed.webhookSecret as string };
}
