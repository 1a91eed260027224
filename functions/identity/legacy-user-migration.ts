// Cognito UserMigration trigger (infra/lambdas.ts `legacy-user-migration`): a migrated user's first sign-in with their
// old email and password (USER_PASSWORD_AUTH), or their "forgot password", creates them in the pool, confirmed, with
// no email sent. Cognito invokes it only for a username it does not know yet. The claim of their data follows in
// PostAuthentication (legacy-post-authentication.ts). docs/migration.md, "Users and passwords".
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { requireConfig } from '../shared/config.ts';
import { createLogger, withContext, type LambdaContext } from '../shared/logger.ts';
import { once } from '../shared/once.ts';
import { findLegacyCredential, verifyLegacyPassword, type LegacyCredential } from './legacy-credential.ts';

export interface UserMigrationEvent {
  triggerSource: 'UserMigration_Authentication' | 'UserMigration_ForgotPassword' | string;
  userPoolId: string;
  userName: string;
  request: { password?: string; validationData?: Record<string, string>; clientMetadata?: Record<string, string> };
  response: Record<string, unknown>;
  [other: string]: unknown;
}

const logger = createLogger('legacy-user-migration');
const clients = once(() => ({ dynamodb: new DynamoDBClient({}) }));

const attributesOf = (credential: LegacyCredential) => ({
  email: credential.email,
  email_verified: 'true',
  name: credential.fullName,
});

/** Cognito answers the sign-in with NotAuthorized/UserNotFound whatever the message; it names no cause to the caller. */
const refuse = (): never => {
  throw new Error('Bad email or password');
};

export async function handler(event: UserMigrationEvent, context?: LambdaContext): Promise<UserMigrationEvent> {
  withContext(logger, context);
  const deps = { dynamodb: clients().dynamodb, tableName: requireConfig('tableName') };
  if (event.triggerSource === 'UserMigration_Authentication') {
    const verdict = await verifyLegacyPassword(deps, event.userName, event.request.password ?? '');
    if (!verdict.ok) {
      logger.info('legacy sign-in refused', { refusal: verdict.refusal });
      return refuse();
    }
    logger.info('legacy user migrated at sign-in', { legacyUserId: verdict.credential.legacyUserId });
    event.response = { userAttributes: attributesOf(verdict.credential), finalUserStatus: 'CONFIRMED', messageAction: 'SUPPRESS' };
    return event;
  }
  if (event.triggerSource === 'UserMigration_ForgotPassword') {
    // Cognito then sends the reset code to the email; the old password is not needed.
    const credential = await findLegacyCredential(deps, event.userName);
    if (!credential || !credential.active) return refuse();
    logger.info('legacy user migrated at password reset', { legacyUserId: credential.legacyUserId });
    event.response = { userAttributes: attributesOf(credential), messageAction: 'SUPPRESS' };
    return event;
  }
  return refuse();
}
