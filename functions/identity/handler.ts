// The `identity` Lambda data source: Cognito admin calls of inviteStaff, setUserRole and deactivateUser. The
// resolver pipelines check the caller (admins only, no self-demotion) and write the profile and audit event after.
import { CognitoIdentityProviderClient } from '@aws-sdk/client-cognito-identity-provider';
import { requireConfig } from '../shared/config.ts';
import { validationError } from '../shared/errors.ts';
import { createLogger, withContext, type LambdaContext } from '../shared/logger.ts';
import { once } from '../shared/once.ts';
import { deactivate, inviteUser, moveToRole } from './cognito-admin.ts';
import { isUserRole } from './roles.ts';

/** The payloads resolvers/functions/callIdentityAdmin.ts sends (ctx.stash.identityCall). */
export type IdentityEvent =
  | { field: 'inviteStaff'; email: string; fullName: string; role: string }
  | { field: 'setUserRole'; userId: string; role: string }
  | { field: 'deactivateUser'; userId: string };

const logger = createLogger('identity');
const admin = once(() => ({ cognito: new CognitoIdentityProviderClient({}), userPoolId: requireConfig('userPoolId') }));

function role(value: string, field: string) {
  if (!isUserRole(value)) throw validationError(field, 'must be APPLICANT, STAFF or ADMIN');
  return value;
}

export async function handler(event: IdentityEvent, context?: LambdaContext): Promise<{ userId: string }> {
  withContext(logger, context);
  switch (event.field) {
    case 'inviteStaff': {
      const { userId } = await inviteUser(admin(), { email: event.email, fullName: event.fullName, role: role(event.role, 'input.role') });
      logger.info('user invited', { userId, role: event.role });
      return { userId };
    }
    case 'setUserRole':
      await moveToRole(admin(), event.userId, role(event.role, 'role'));
      logger.info('role changed', { userId: event.userId, role: event.role });
      return { userId: event.userId };
    case 'deactivateUser':
      await deactivate(admin(), event.userId);
      logger.info('user deactivated', { userId: event.userId });
      return { userId: event.userId };
    default:
      throw validationError('field', `the identity Lambda serves inviteStaff, setUserRole and deactivateUser, not ${String((event as { field?: unknown }).field)}`);
  }
}
