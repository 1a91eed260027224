// Cognito PostAuthentication trigger (infra/lambdas.ts `legacy-post-authentication`): after a migrated user's sign-in,
// claims their migrated data for their Cognito sub (legacy-claim.ts). For everyone else it is one GetItem that finds
// no legacy credential. Cognito fails the sign-in when it throws, so a claim that cannot finish is retried at the next.
import { CognitoIdentityProviderClient } from '@aws-sdk/client-cognito-identity-provider';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { requireConfig } from '../shared/config.ts';
import { createLogger, withContext, type LambdaContext } from '../shared/logger.ts';
import { once } from '../shared/once.ts';
import type { CognitoUserTriggerEvent } from './user-trigger-event.ts';
import { claimLegacyData } from './legacy-claim.ts';

export type PostAuthenticationEvent = CognitoUserTriggerEvent;

const logger = createLogger('legacy-post-authentication');
const clients = once(() => ({ dynamodb: new DynamoDBClient({}), cognito: new CognitoIdentityProviderClient({}) }));

export async function handler(event: PostAuthenticationEvent, context?: LambdaContext): Promise<PostAuthenticationEvent> {
  withContext(logger, context);
  const { sub, email } = event.request.userAttributes;
  if (!sub || !email) throw new Error('The signed-in user has no sub or email attribute');
  const { dynamodb, cognito } = clients();
  const result = await claimLegacyData(
    { dynamodb, tableName: requireConfig('tableName'), admin: { cognito, userPoolId: event.userPoolId } },
    { sub, username: event.userName, email },
    context && 'getRemainingTimeInMillis' in context ? () => context.getRemainingTimeInMillis() : undefined,
  );
  if (result.claimed) logger.info('legacy data claimed', { userId: sub, items: result.items, transactions: result.transactions });
  if (result.unfinished) logger.warn('legacy claim continues at the next sign-in', { userId: sub, items: result.items });
  return event;
}
