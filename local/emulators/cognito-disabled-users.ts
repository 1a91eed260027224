// Two things Amazon Cognito does that cognito-local 5.3 does not, added around its router so `deactivateUser` behaves
// locally as in AWS (AdminDisableUser, AdminUserGlobalSignOut):
// - a disabled user cannot sign in, answer a challenge or refresh: NotAuthorizedException "User is disabled."
//   ("AdminDisableUser", Amazon Cognito API reference);
// - AdminUserGlobalSignOut revokes every refresh token of the user (cognito-local has no such target).
import { NotAuthorizedError, UserNotFoundError } from 'cognito-local/lib/errors.js';
import type { CognitoRouter, CognitoService, StoredUser } from './cognito-router.ts';

const signInTargets = new Set(['InitiateAuth', 'AdminInitiateAuth', 'RespondToAuthChallenge']);

/** The user an authentication request is about: by user name, or by the refresh token it presents. */
async function requestedUser(cognito: CognitoService, ctx: unknown, req: Record<string, unknown>): Promise<StoredUser | null> {
  const pool = req.UserPoolId
    ? await cognito.getUserPool(ctx, String(req.UserPoolId))
    : await cognito.getUserPoolForClientId(ctx, String(req.ClientId));
  const parameters = (req.AuthParameters ?? req.ChallengeResponses ?? {}) as Record<string, string>;
  if (parameters.REFRESH_TOKEN) return pool.getUserByRefreshToken(ctx, parameters.REFRESH_TOKEN);
  if (parameters.USERNAME) return pool.getUserByUsername(ctx, parameters.USERNAME);
  return null;
}

export function withDisabledUsers(router: CognitoRouter, cognito: CognitoService): CognitoRouter {
  return (target) => {
    if (target === 'AdminUserGlobalSignOut') {
      return async (ctx, req) => {
        const pool = await cognito.getUserPool(ctx, String(req.UserPoolId));
        const user = await pool.getUserByUsername(ctx, String(req.Username));
        if (!user) throw new UserNotFoundError();
        await pool.saveUser(ctx, { ...user, RefreshTokens: [] });
        return {};
      };
    }
    const route = router(target);
    if (!signInTargets.has(target)) return route;
    return async (ctx, req) => {
      const user = await requestedUser(cognito, ctx, req);
      if (user && user.Enabled === false) throw new NotAuthorizedError('User is disabled.');
      return route(ctx, req);
    };
  };
}
