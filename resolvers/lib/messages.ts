import type { Context } from '@aws-appsync/utils';
import { cognitoIdentity } from './context.ts';

/** How a sender is named in a thread: the profile name from the token, else the email, else the username. */
export function senderName(ctx: Context): string {
  const identity = cognitoIdentity(ctx);
  if (!identity) return 'Scholarvalley';
  const claims = identity.claims || {};
  return claims.name || claims.email || identity.username;
}

/** The inbox shows the start of the latest message. */
export const previewLength = 140;

export const maxMessageLength = 5000;
