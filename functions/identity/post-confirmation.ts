// Cognito post-confirmation trigger (infra/lambdas.ts `post-confirmation`): every confirmed self sign-up gets its
// profile and the `applicant` group. Invited staff never reach it (AdminCreateUser users are not confirmed by sign-up).
import { CognitoIdentityProviderClient } from '@aws-sdk/client-cognito-identity-provider';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { requireConfig } from '../shared/config.ts';
import { createLogger, withContext, type LambdaContext } from '../shared/logger.ts';
import { once } from '../shared/once.ts';
import type { CognitoUserTriggerEvent } from './user-trigger-event.ts';
import { ensureApplicantProfile } from './applicant-profile.ts';

export type PostConfirmationEvent = CognitoUserTriggerEvent;

const logger = createLogger('post-confirmation');
const clients = once(() => ({ dynamodb: new DynamoDBClient({}), cognito: new CognitoIdentityProviderClient({}) }));

export async function handler(event: PostConfirmationEvent, context?: LambdaContext): Promise<PostConfirmationEvent> {
  withContext(logger, context);
  // Also fired after a password reset (PostConfirmation_ConfirmForgotPassword): nothing to create then.
  if (event.triggerSource !== 'PostConfirmation_ConfirmSignUp') return event;
  const { sub, email, name } = event.request.userAttributes;
  if (!sub || !email) throw new Error('The confirmed user has no sub or email attribute');
  const { dynamodb, cognito } = clients();
  const created = await ensureApplicantProfile(
    { dynamodb, tableName: requireConfig('tableName'), admin: { cognito, userPoolId: event.userPoolId } },
    { sub, username: event.userName, email, name },
  );
  logger.info(created ? 'profile created' : 'profile existed', { userId: sub });
  return event;
}
