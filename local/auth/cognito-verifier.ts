import { createRemoteJWKSet, errors, jwtVerify, type JWTPayload } from 'jose';
import { AuthenticationError, authMessages } from './errors.ts';
import type { CognitoIdentity } from './identity.ts';

// Cognito user-pool mode: AppSync accepts an id token or an access token in the Authorization header (Amplify JS v6
// sends the access token), checks its signature against the pool's JWKS, its issuer, its expiry, and, when the API
// names app client ids, the client the token was issued to ("Configuring authorization and authentication to secure
// your GraphQL APIs", AMAZON_COGNITO_USER_POOLS authorization,
// https://docs.aws.amazon.com/appsync/latest/devguide/security-authz.html).

export interface CognitoVerifierOptions {
  issuer: string;
  jwksUrl: string;
  /** When set, tokens issued to other app clients are refused (AppSync's `appIdClientRegex`). */
  appClientIds?: string[];
}

export type CognitoVerifier = (token: string, sourceIp: string[]) => Promise<CognitoIdentity>;

/** Every Cognito id and access token carries `exp` and `iat`; a token without them was not issued by a user pool. */
const requiredClaims = ['exp', 'iat'];

/** How far in the future a token's `iat` may lie, for clocks that differ slightly. */
export const maxIssuedAtSkewSeconds = 60;

function stringClaim(payload: JWTPayload, name: string): string | undefined {
  const value = payload[name];
  return typeof value === 'string' ? value : undefined;
}

function clientOf(payload: JWTPayload): string | undefined {
  if (payload.token_use === 'access') return stringClaim(payload, 'client_id');
  return typeof payload.aud === 'string' ? payload.aud : Array.isArray(payload.aud) ? payload.aud[0] : undefined;
}

function groupsOf(payload: JWTPayload): string[] | null {
  const groups = payload['cognito:groups'];
  return Array.isArray(groups) ? groups.filter((g): g is string => typeof g === 'string') : null;
}

/** The signing keys could not be read (emulator down, wrong URL): a fault of the setup, not of the caller. */
function isKeyFetchFailure(error: unknown): boolean {
  if (!(error instanceof errors.JOSEError)) return true;
  return error instanceof errors.JWKSTimeout || error instanceof errors.JWKSInvalid || error.code === 'ERR_JOSE_GENERIC';
}

function toAuthenticationError(error: unknown): AuthenticationError {
  if (error instanceof errors.JWTExpired) return new AuthenticationError(authMessages.expired);
  if (error instanceof errors.JWSInvalid || error instanceof errors.JWTInvalid) {
    return new AuthenticationError(authMessages.unparsable);
  }
  return new AuthenticationError(authMessages.denied);
}

export function createCognitoVerifier(options: CognitoVerifierOptions): CognitoVerifier {
  const jwks = createRemoteJWKSet(new URL(options.jwksUrl));
  const allowedClients = options.appClientIds && options.appClientIds.length > 0 ? new Set(options.appClientIds) : null;

  return async (token, sourceIp) => {
    let payload: JWTPayload;
    try {
      ({ payload } = await jwtVerify(token, jwks, { issuer: options.issuer, requiredClaims }));
    } catch (error) {
      if (isKeyFetchFailure(error)) {
        const reason = error instanceof Error ? error.message : String(error);
        throw new Error(`Cannot read the user pool's signing keys from ${options.jwksUrl}: ${reason}`);
      }
      throw toAuthenticationError(error);
    }
    if ((payload.iat ?? 0) > Date.now() / 1000 + maxIssuedAtSkewSeconds) throw new AuthenticationError(authMessages.denied);
    if (payload.token_use !== 'id' && payload.token_use !== 'access') throw new AuthenticationError(authMessages.denied);
    const client = clientOf(payload);
    if (allowedClients && (!client || !allowedClients.has(client))) throw new AuthenticationError(authMessages.denied);
    const sub = stringClaim(payload, 'sub');
    if (!sub) throw new AuthenticationError(authMessages.denied);
    return {
      sub,
      issuer: options.issuer,
      username: stringClaim(payload, 'cognito:username') ?? stringClaim(payload, 'username') ?? sub,
      claims: { ...payload },
      sourceIp,
      defaultAuthStrategy: 'ALLOW',
      groups: groupsOf(payload),
    };
  };
}
