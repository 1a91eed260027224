import { createCognitoVerifier } from './cognito-verifier.ts';
import { AuthenticationError, authMessages } from './errors.ts';
import type { Caller } from './identity.ts';
import { createSigV4Verifier, isSigV4Authorization, type SignedRequest } from './sigv4-verifier.ts';

// Picks the authorization mode from the request, as AppSync does for an API with user pools as the default mode and
// IAM as an additional mode: a SigV4 `Authorization` header means IAM, any other value is a user-pool JWT
// (a "Bearer " prefix is accepted, as the real-time documentation allows), no header is refused.

export interface AuthOptions {
  region: string;
  userPoolId: string;
  issuer: string;
  jwksUrl: string;
  appClientIds?: string[];
  iam: { accessKeyId: string; secretAccessKey: string };
}

/** What authentication needs to know about one request (an HTTP POST, or a real-time connect/start message). */
export interface AuthRequest extends Omit<SignedRequest, 'headers'> {
  /** Header names in lower case. */
  headers: Record<string, string>;
  sourceIp: string[];
}

export type Authenticator = (request: AuthRequest) => Promise<Caller>;

export function createAuthenticator(options: AuthOptions): Authenticator {
  const verifyJwt = createCognitoVerifier({
    issuer: options.issuer,
    jwksUrl: options.jwksUrl,
    appClientIds: options.appClientIds,
  });
  const verifySigV4 = createSigV4Verifier({ region: options.region, ...options.iam });

  return async (request) => {
    const authorization = request.headers.authorization?.trim();
    if (!authorization) throw new AuthenticationError(authMessages.missing);
    if (isSigV4Authorization(authorization)) {
      return { mode: 'AWS_IAM', identity: await verifySigV4(request, request.sourceIp) };
    }
    const token = authorization.replace(/^Bearer\s+/i, '');
    return { mode: 'AMAZON_COGNITO_USER_POOLS', identity: await verifyJwt(token, request.sourceIp) };
  };
}

/** Lower-cases header names and joins repeated values, for the verifiers. */
export function normalizeHeaders(headers: Record<string, string | string[] | undefined>): Record<string, string> {
  const normalized: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value === undefined) continue;
    normalized[name.toLowerCase()] = Array.isArray(value) ? value.join(',') : String(value);
  }
  return normalized;
}
