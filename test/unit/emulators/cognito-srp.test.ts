// Amplify JS v6 signs in with its default flow, USER_SRP_AUTH, and refreshes with GetTokensFromRefreshToken against
// cognito-local as the local stack starts it (local/emulators/cognito-srp.ts, cognito-refresh.ts).
import {
  AdminCreateUserCommand,
  AdminDisableUserCommand,
  CognitoIdentityProviderClient,
  CreateUserPoolClientCommand,
  GetTokensFromRefreshTokenCommand,
  InitiateAuthCommand,
  RespondToAuthChallengeCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import { randomBytes } from 'node:crypto';
import { Amplify } from 'aws-amplify';
import { confirmSignIn, fetchAuthSession, signIn, signOut } from 'aws-amplify/auth';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { passwordPolicy, userGroups } from '../../../infra/constructs/user-directory.ts';
import { startCognitoLocal, type RunningCognitoLocal } from '../../../local/emulators/cognito-local.ts';
import { freePort } from '../../../local/emulators/ports.ts';
import { ensureUserPool } from '../../../local/emulators/user-pool.ts';
import { ensureCognitoUser } from '../../../local/seed/cognito-users.ts';
import { localCredentials } from './support.ts';

const password = 'Srp-sign-in-test-1!';
const claimsOf = (jwt: string) =>
  JSON.parse(Buffer.from(jwt.split('.')[1] ?? '', 'base64url').toString()) as Record<string, unknown>;

/** Now as a claim's TIMESTAMP, "ddd MMM D HH:mm:ss UTC YYYY", from toUTCString's "Wed, 02 Dec 2026 09:05:07 GMT". */
function srpTimestampNow(): string {
  const [weekday, day, month, year, time] = new Date().toUTCString().replace(',', '').split(' ');
  return `${weekday} ${month} ${Number(day)} ${time} UTC ${year}`;
}

async function failureOf(promise: Promise<unknown>): Promise<{ name: string; message: string }> {
  try {
    await promise;
  } catch (error) {
    const e = error as Error;
    return { name: e.name, message: e.message };
  }
  throw new Error('Expected a failure, but it succeeded');
}

describe('USER_SRP_AUTH and token refresh on the local Cognito, through Amplify', () => {
  let cognito: RunningCognitoLocal;
  let idp: CognitoIdentityProviderClient;
  let userPoolId: string;
  let userPoolClientId: string;
  const migrationCalls: unknown[] = [];

  const addUser = (email: string) =>
    ensureCognitoUser(idp, userPoolId, { email, fullName: 'Srp Tester', password, group: 'applicant' });

  beforeAll(async () => {
    cognito = await startCognitoLocal({
      port: await freePort(),
      inMemory: true,
      triggers: {
        UserMigration: async (event) => {
          migrationCalls.push(event);
          throw new Error('Bad password');
        },
      },
    });
    idp = new CognitoIdentityProviderClient({
      endpoint: cognito.endpoint,
      region: 'us-east-1',
      credentials: localCredentials,
    });
    ({ userPoolId, userPoolClientId } = await ensureUserPool(idp, { groups: userGroups, passwordPolicy }));
    Amplify.configure({ Auth: { Cognito: { userPoolId, userPoolClientId, userPoolEndpoint: cognito.endpoint } } });
  });
  afterEach(async () => {
    await signOut().catch(() => undefined);
  });
  afterAll(async () => {
    await cognito.stop();
  });

  it('given a user, when Amplify signs in with its default flow (SRP), then the session holds their tokens', async () => {
    const sub = await addUser('srp.user@example.com');

    const result = await signIn({ username: 'srp.user@example.com', password });

    expect(result.isSignedIn).toBe(true);
    const { tokens } = await fetchAuthSession();
    expect(tokens?.idToken?.payload).toMatchObject({
      sub,
      email: 'srp.user@example.com',
      name: 'Srp Tester',
      'cognito:groups': ['applicant'],
      iss: cognito.issuer(userPoolId),
    });
  });

  it('given a signed-in session, when Amplify forces a refresh, then GetTokensFromRefreshToken gives new tokens', async () => {
    const sub = await addUser('refresh.user@example.com');
    await signIn({ username: 'refresh.user@example.com', password });
    const before = (await fetchAuthSession()).tokens;

    const after = (await fetchAuthSession({ forceRefresh: true })).tokens;

    expect(after?.accessToken.toString()).not.toBe(before?.accessToken.toString());
    expect(after?.accessToken.payload).toMatchObject({ sub, token_use: 'access' });
    expect(after?.idToken?.payload).toMatchObject({ sub, email: 'refresh.user@example.com', name: 'Srp Tester' });
  });

  it('given a user with a temporary password, when Amplify signs in with SRP, then Cognito asks for a new one', async () => {
    const email = 'invited.user@example.com';
    await idp.send(
      new AdminCreateUserCommand({
        UserPoolId: userPoolId,
        Username: email,
        TemporaryPassword: 'Temporary-pass-1!',
        MessageAction: 'SUPPRESS',
        UserAttributes: [{ Name: 'email', Value: email }],
      }),
    );

    const first = await signIn({ username: email, password: 'Temporary-pass-1!' });

    expect(first.nextStep.signInStep).toBe('CONFIRM_SIGN_IN_WITH_NEW_PASSWORD_REQUIRED');
    const confirmed = await confirmSignIn({ challengeResponse: password });
    expect(confirmed.isSignedIn).toBe(true);
    await signOut();
    expect((await signIn({ username: email, password })).isSignedIn).toBe(true);
  });

  it('given a wrong password, when Amplify signs in with SRP, then Cognito answers NotAuthorizedException', async () => {
    await addUser('wrong.password@example.com');

    expect(
      await failureOf(signIn({ username: 'wrong.password@example.com', password: 'Not-the-password-1!' })),
    ).toEqual({
      name: 'NotAuthorizedException',
      message: 'Incorrect username or password.',
    });
  });

  it('given a wrong password, when Amplify signs in with USER_PASSWORD_AUTH, then Cognito answers as in AWS too', async () => {
    await addUser('wrong.plain.password@example.com');

    const signingIn = signIn({
      username: 'wrong.plain.password@example.com',
      password: 'Not-the-password-1!',
      options: { authFlowType: 'USER_PASSWORD_AUTH' },
    });

    expect(await failureOf(signingIn)).toEqual({ name: 'NotAuthorizedException', message: 'Incorrect username or password.' });
  });

  it('given an unknown user, when Amplify signs in with SRP, then the same answer comes and no migration runs', async () => {
    expect(await failureOf(signIn({ username: 'nobody@example.com', password }))).toEqual({
      name: 'NotAuthorizedException',
      message: 'Incorrect username or password.',
    });
    // As in AWS: the UserMigration trigger needs the password, which SRP never sends.
    expect(migrationCalls).toEqual([]);
  });

  it('given a user disabled after signing in, when Amplify signs in or refreshes, then both are refused', async () => {
    await addUser('disabled.user@example.com');
    await signIn({ username: 'disabled.user@example.com', password });

    await idp.send(new AdminDisableUserCommand({ UserPoolId: userPoolId, Username: 'disabled.user@example.com' }));

    // Cognito refused the refresh ("User is disabled.", checked with the SDK below): Amplify drops the session.
    expect((await fetchAuthSession({ forceRefresh: true })).tokens).toBeUndefined();
    expect(await failureOf(signIn({ username: 'disabled.user@example.com', password }))).toEqual({
      name: 'NotAuthorizedException',
      message: 'User is disabled.',
    });
  });

  it('given a refresh token, when InitiateAuth or GetTokensFromRefreshToken refreshes, then it answers as AWS does', async () => {
    const sub = await addUser('initiate.refresh@example.com');
    const { AuthenticationResult: signedIn } = await idp.send(
      new InitiateAuthCommand({
        ClientId: userPoolClientId,
        AuthFlow: 'USER_PASSWORD_AUTH',
        AuthParameters: { USERNAME: 'initiate.refresh@example.com', PASSWORD: password },
      }),
    );
    const RefreshToken = signedIn?.RefreshToken ?? '';

    const answers = [
      ...(await Promise.all(
        (['REFRESH_TOKEN_AUTH', 'REFRESH_TOKEN'] as const).map((AuthFlow) =>
          idp.send(
            new InitiateAuthCommand({
              ClientId: userPoolClientId,
              AuthFlow,
              AuthParameters: { REFRESH_TOKEN: RefreshToken },
            }),
          ),
        ),
      )),
      await idp.send(new GetTokensFromRefreshTokenCommand({ ClientId: userPoolClientId, RefreshToken })),
    ];
    for (const { AuthenticationResult } of answers) {
      expect(AuthenticationResult).toMatchObject({ TokenType: 'Bearer', ExpiresIn: 86_400 });
      expect(claimsOf(AuthenticationResult?.IdToken ?? '')).toMatchObject({ sub, token_use: 'id' });
      expect(claimsOf(AuthenticationResult?.AccessToken ?? '')).toMatchObject({ sub, token_use: 'access' });
    }
  });

  it('given a disabled user or a bad request, when GetTokensFromRefreshToken is called, then it is refused', async () => {
    await addUser('refused.refresh@example.com');
    const { AuthenticationResult } = await idp.send(
      new InitiateAuthCommand({
        ClientId: userPoolClientId,
        AuthFlow: 'USER_PASSWORD_AUTH',
        AuthParameters: { USERNAME: 'refused.refresh@example.com', PASSWORD: password },
      }),
    );
    const RefreshToken = AuthenticationResult?.RefreshToken ?? '';
    await idp.send(new AdminDisableUserCommand({ UserPoolId: userPoolId, Username: 'refused.refresh@example.com' }));

    const refused = (input: { ClientId: string; RefreshToken: string }) =>
      failureOf(idp.send(new GetTokensFromRefreshTokenCommand(input)));
    expect(await refused({ ClientId: userPoolClientId, RefreshToken })).toEqual({
      name: 'NotAuthorizedException',
      message: 'User is disabled.',
    });
    expect(await refused({ ClientId: userPoolClientId, RefreshToken: '' })).toEqual({
      name: 'InvalidParameterException',
      message: 'Missing required parameter RefreshToken',
    });
    expect(await refused({ ClientId: 'no-such-client', RefreshToken })).toEqual({
      name: 'NotAuthorizedException',
      message: 'Invalid ClientId.',
    });
  });

  it('given a PASSWORD_VERIFIER challenge, when answered badly or twice, then each answer is refused', async () => {
    const sub = await addUser('bad.claims@example.com');
    const srpA = randomBytes(256).toString('hex');
    const { ChallengeName, ChallengeParameters = {} } = await idp.send(
      new InitiateAuthCommand({
        ClientId: userPoolClientId,
        AuthFlow: 'USER_SRP_AUTH',
        AuthParameters: { USERNAME: 'bad.claims@example.com', SRP_A: srpA },
      }),
    );
    expect(ChallengeName).toBe('PASSWORD_VERIFIER');
    expect(ChallengeParameters).toMatchObject({ USER_ID_FOR_SRP: sub, USERNAME: sub });
    expect(Object.keys(ChallengeParameters).sort()).toEqual([
      'SALT',
      'SECRET_BLOCK',
      'SRP_B',
      'USERNAME',
      'USER_ID_FOR_SRP',
    ]);

    const answer = (responses: Record<string, string>) =>
      failureOf(
        idp.send(
          new RespondToAuthChallengeCommand({
            ClientId: userPoolClientId,
            ChallengeName: 'PASSWORD_VERIFIER',
            ChallengeResponses: {
              USERNAME: sub,
              PASSWORD_CLAIM_SECRET_BLOCK: ChallengeParameters.SECRET_BLOCK ?? '',
              PASSWORD_CLAIM_SIGNATURE: randomBytes(32).toString('base64'),
              TIMESTAMP: 'Wed Dec 2 09:05:07 UTC 2026',
              ...responses,
            },
          }),
        ),
      );
    expect(await answer({ TIMESTAMP: '2026-12-02T09:05:07Z' })).toEqual({
      name: 'InvalidParameterException',
      message: 'ChallengeResponses.TIMESTAMP must read "ddd MMM D HH:mm:ss UTC YYYY"',
    });
    const timestamp = srpTimestampNow();
    expect(await answer({ TIMESTAMP: timestamp })).toEqual({
      name: 'NotAuthorizedException',
      message: 'Incorrect username or password.',
    });
    expect(await answer({ TIMESTAMP: timestamp })).toEqual({
      name: 'NotAuthorizedException',
      message: 'Invalid session for the user, session is expired.',
    });
  });

  it('given an app client without ALLOW_USER_SRP_AUTH, when SRP sign-in starts, then it is refused as AWS does', async () => {
    await addUser('password.only@example.com');
    const { UserPoolClient } = await idp.send(
      new CreateUserPoolClientCommand({
        UserPoolId: userPoolId,
        ClientName: 'password-only',
        ExplicitAuthFlows: ['ALLOW_USER_PASSWORD_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'],
      }),
    );

    expect(
      await failureOf(
        idp.send(
          new InitiateAuthCommand({
            ClientId: UserPoolClient?.ClientId,
            AuthFlow: 'USER_SRP_AUTH',
            AuthParameters: { USERNAME: 'password.only@example.com', SRP_A: randomBytes(256).toString('hex') },
          }),
        ),
      ),
    ).toEqual({ name: 'InvalidParameterException', message: 'USER_SRP_AUTH flow not enabled for this client' });
  });
});
