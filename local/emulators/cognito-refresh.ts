// Token refresh as Amazon Cognito answers it, around cognito-local 5.3:
// - GetTokensFromRefreshToken (what Amplify JS v6 calls to refresh; cognito-local has no such target) runs
//   cognito-local's InitiateAuth REFRESH_TOKEN_AUTH and answers AWS's shape, { AuthenticationResult };
// - refresh answers carry ExpiresIn and TokenType "Bearer", as AWS's do (cognito-local leaves both out).
import { InvalidParameterError, NotAuthorizedError } from 'cognito-local/lib/errors.js';
import { decodeJwt } from 'jose';
import type { CognitoRouter, CognitoService } from './cognito-router.ts';

interface AuthenticationResult {
  AccessToken?: string;
  IdToken?: string;
  RefreshToken?: string;
  ExpiresIn?: number;
  TokenType?: string;
}

/** Seconds the access token lives, from its own exp and iat. */
function expiresIn(accessToken: string): number | undefined {
  const { exp, iat } = decodeJwt(accessToken);
  return exp && iat ? exp - iat : undefined;
}

function withTokenFields(result: AuthenticationResult | undefined): AuthenticationResult | undefined {
  if (!result?.AccessToken) return result;
  return {
    ...result,
    ExpiresIn: result.ExpiresIn ?? expiresIn(result.AccessToken),
    TokenType: result.TokenType ?? 'Bearer',
  };
}

const isRefresh = (flow: unknown) => flow === 'REFRESH_TOKEN_AUTH' || flow === 'REFRESH_TOKEN';

export function withTokenRefresh(router: CognitoRouter, cognito: CognitoService): CognitoRouter {
  const initiate = router('InitiateAuth');
  return (target) => {
    if (target === 'GetTokensFromRefreshToken') {
      return async (ctx, req) => {
        const clientId = String(req.ClientId ?? '');
        const client = clientId ? await cognito.getAppClient(ctx, clientId) : null;
        if (!client) throw new NotAuthorizedError('Invalid ClientId.');
        if (client.ClientSecret && req.ClientSecret !== client.ClientSecret)
          throw new NotAuthorizedError(
            `Client ${clientId} is configured with secret but ClientSecret was not received or is wrong`,
          );
        if (!req.RefreshToken) throw new InvalidParameterError('Missing required parameter RefreshToken');
        const answer = (await initiate(ctx, {
          ClientId: clientId,
          AuthFlow: 'REFRESH_TOKEN_AUTH',
          AuthParameters: { REFRESH_TOKEN: req.RefreshToken },
          ClientMetadata: req.ClientMetadata,
        })) as { AuthenticationResult?: AuthenticationResult };
        return { AuthenticationResult: withTokenFields(answer.AuthenticationResult) };
      };
    }
    if (target === 'InitiateAuth') {
      return async (ctx, req) => {
        const answer = (await initiate(ctx, req)) as { AuthenticationResult?: AuthenticationResult };
        if (!isRefresh(req.AuthFlow)) return answer;
        return { ...answer, AuthenticationResult: withTokenFields(answer.AuthenticationResult) };
      };
    }
    return router(target);
  };
}
