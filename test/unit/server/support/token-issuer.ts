import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { exportJWK, generateKeyPair, SignJWT, type JWK } from 'jose';

// Stands in for the Cognito emulator: an RS256 key pair, its JWKS served at /<userPoolId>/.well-known/jwks.json,
// and Cognito-shaped id and access tokens signed with it.

export interface TestUser {
  sub: string;
  username: string;
  groups?: string[];
  email?: string;
}

export interface TokenOptions {
  use?: 'id' | 'access';
  /** Seconds from now; negative for an expired token. */
  expiresIn?: number;
  issuer?: string;
  clientId?: string;
  /** Leave out the `exp` claim (Cognito never does). */
  withoutExp?: boolean;
  /** Seconds from now of `iat`; -60 unless told. */
  issuedIn?: number;
  /** Sign with a key the JWKS does not publish. */
  foreignKey?: boolean;
}

export interface TokenIssuer {
  userPoolId: string;
  clientId: string;
  issuer: string;
  jwksUrl: string;
  token(user: TestUser, options?: TokenOptions): Promise<string>;
  stop(): Promise<void>;
}

/** The local server's auth settings for tokens of this issuer, and the IAM key the tests sign with. */
export const serverAuth = (issuer: TokenIssuer) => ({
  region: 'us-east-1',
  userPoolId: issuer.userPoolId,
  issuer: issuer.issuer,
  jwksUrl: issuer.jwksUrl,
  appClientIds: [issuer.clientId],
  iam: { accessKeyId: 'local', secretAccessKey: 'local-secret' },
});

export async function startTokenIssuer(userPoolId = 'us-east-1_servertests', clientId = 'server-tests-client'): Promise<TokenIssuer> {
  const { publicKey, privateKey } = await generateKeyPair('RS256');
  const foreign = await generateKeyPair('RS256');
  const jwk: JWK = { ...(await exportJWK(publicKey)), kid: 'test-key', alg: 'RS256', use: 'sig' };
  const server: Server = createServer((req, res) => {
    if (req.url === `/${userPoolId}/.well-known/jwks.json`) {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ keys: [jwk] }));
    } else {
      res.writeHead(404);
      res.end();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const issuer = `http://127.0.0.1:${port}/${userPoolId}`;

  return {
    userPoolId,
    clientId,
    issuer,
    jwksUrl: `${issuer}/.well-known/jwks.json`,
    async token(user, options = {}) {
      const use = options.use ?? 'access';
      const now = Math.floor(Date.now() / 1000);
      const claims: Record<string, unknown> = {
        sub: user.sub,
        token_use: use,
        auth_time: now,
        ...(user.groups ? { 'cognito:groups': user.groups } : {}),
        ...(use === 'access'
          ? { client_id: options.clientId ?? clientId, username: user.username, scope: 'aws.cognito.signin.user.admin' }
          : { 'cognito:username': user.username, email: user.email ?? `${user.username}@example.com` }),
      };
      const jwt = new SignJWT(claims)
        .setProtectedHeader({ alg: 'RS256', kid: 'test-key' })
        .setIssuer(options.issuer ?? issuer)
        .setIssuedAt(now + (options.issuedIn ?? -60));
      if (!options.withoutExp) jwt.setExpirationTime(now + (options.expiresIn ?? 3600));
      if (use === 'id') jwt.setAudience(options.clientId ?? clientId);
      return jwt.sign(options.foreignKey ? foreign.privateKey : privateKey);
    },
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
