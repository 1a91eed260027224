// cognito-local answers a wrong password in USER_PASSWORD_AUTH with InvalidPasswordException "Invalid password";
// Amazon Cognito answers NotAuthorizedException "Incorrect username or password." (the error a frontend's sign-in
// form handles), for InitiateAuth and AdminInitiateAuth alike.
import { NotAuthorizedError } from 'cognito-local/lib/errors.js';
import type { CognitoRouter } from './cognito-router.ts';

const signInTargets = new Set(['InitiateAuth', 'AdminInitiateAuth']);

export function withCognitoSignInErrors(router: CognitoRouter): CognitoRouter {
  return (target) => {
    const route = router(target);
    if (!signInTargets.has(target)) return route;
    return async (ctx, req) => {
      try {
        return await route(ctx, req);
      } catch (error) {
        if ((error as { code?: string }).code === 'InvalidPasswordException') {
          throw new NotAuthorizedError('Incorrect username or password.');
        }
        throw error;
      }
    };
  };
}
