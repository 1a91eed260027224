import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  CognitoIdentityProviderClient,
  DescribeUserPoolClientCommand,
  InitiateAuthCommand,
  ListGroupsCommand,
  UpdateUserPoolClientCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import { afterAll, describe, expect, it } from 'vitest';
import { userGroups, passwordPolicy } from '../../../infra/constructs/user-directory.ts';
import { startCognitoLocal } from '../../../local/emulators/cognito-local.ts';
import { freePort } from '../../../local/emulators/ports.ts';
import { ensureUserPool } from '../../../local/emulators/user-pool.ts';
import { ensureCognitoUser } from '../../../local/seed/cognito-users.ts';
import { failureOf, listening, localCredentials, occupyPort } from './support.ts';

const settings = { groups: userGroups, passwordPolicy };
const client = (endpoint: string) =>
  new CognitoIdentityProviderClient({ endpoint, region: 'us-east-1', credentials: localCredentials });
const claimsOf = (jwt: string) =>
  JSON.parse(Buffer.from(jwt.split('.')[1] ?? '', 'base64url').toString()) as Record<string, unknown>;

describe('cognito-local launcher and user pool', () => {
  const dirs: string[] = [];
  afterAll(async () => {
    await Promise.all(dirs.map((d) => rm(d, { recursive: true, force: true })));
  });

  it('creates the pool, app client and groups once, serves the JWKS, and stop frees the port', async () => {
    const port = await freePort();
    const cognito = await startCognitoLocal({ port, inMemory: true });
    try {
      const idp = client(cognito.endpoint);
      const first = await ensureUserPool(idp, settings);
      const again = await ensureUserPool(idp, settings);
      expect(first.created).toBe(true);
      expect(again).toEqual({ userPoolId: first.userPoolId, userPoolClientId: first.userPoolClientId, created: false });

      const { Groups = [] } = await idp.send(new ListGroupsCommand({ UserPoolId: first.userPoolId }));
      expect(Groups.map((g) => [g.GroupName, g.Precedence]).sort()).toEqual(
        userGroups.map((g) => [g.name, g.precedence]).sort(),
      );
      const { UserPoolClient } = await idp.send(
        new DescribeUserPoolClientCommand({ UserPoolId: first.userPoolId, ClientId: first.userPoolClientId }),
      );
      expect(UserPoolClient?.ClientSecret).toBeUndefined();
      // The deployed web client's sign-in settings (test/infra/stack.test.ts checks the same three flows there).
      expect(UserPoolClient).toMatchObject({
        ExplicitAuthFlows: ['ALLOW_USER_PASSWORD_AUTH', 'ALLOW_USER_SRP_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'],
        PreventUserExistenceErrors: 'ENABLED',
        EnableTokenRevocation: true,
      });

      const jwks = await fetch(cognito.jwksUrl(first.userPoolId));
      expect(jwks.status).toBe(200);
      expect(((await jwks.json()) as { keys: Array<{ kty: string }> }).keys[0]?.kty).toBe('RSA');
    } finally {
      await cognito.stop();
    }
    expect(await listening(port)).toBe(false);
  });

  it('issues ID tokens with the issuer it serves on, the groups, and the name claim AWS puts in them', async () => {
    const cognito = await startCognitoLocal({ port: await freePort(), inMemory: true });
    try {
      const idp = client(cognito.endpoint);
      const { userPoolId, userPoolClientId } = await ensureUserPool(idp, settings);
      const password = 'Staff-only-test-1!';
      const sub = await ensureCognitoUser(idp, userPoolId, {
        email: 'staff.member@example.com',
        fullName: 'Staff Member',
        password,
        group: 'staff',
      });
      const { AuthenticationResult } = await idp.send(
        new InitiateAuthCommand({
          ClientId: userPoolClientId,
          AuthFlow: 'USER_PASSWORD_AUTH',
          AuthParameters: { USERNAME: 'staff.member@example.com', PASSWORD: password },
        }),
      );
      const claims = claimsOf(AuthenticationResult?.IdToken ?? '');
      expect(claims).toMatchObject({
        sub,
        iss: cognito.issuer(userPoolId),
        aud: userPoolClientId,
        token_use: 'id',
        email: 'staff.member@example.com',
        name: 'Staff Member',
        'cognito:groups': ['staff'],
      });
      expect(cognito.issuer(userPoolId)).toBe(`${cognito.endpoint}/${userPoolId}`);
    } finally {
      await cognito.stop();
    }
  });

  it('given an app client kept with older sign-in settings, brings it up to the deployed ones', async () => {
    const cognito = await startCognitoLocal({ port: await freePort(), inMemory: true });
    try {
      const idp = client(cognito.endpoint);
      const { userPoolId, userPoolClientId } = await ensureUserPool(idp, settings);
      await idp.send(
        new UpdateUserPoolClientCommand({
          UserPoolId: userPoolId,
          ClientId: userPoolClientId,
          ExplicitAuthFlows: ['ALLOW_USER_PASSWORD_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'],
          PreventUserExistenceErrors: 'LEGACY',
        }),
      );

      const again = await ensureUserPool(idp, settings, { userPoolId });
      expect(again).toEqual({ userPoolId, userPoolClientId, created: false });

      const { UserPoolClient } = await idp.send(
        new DescribeUserPoolClientCommand({ UserPoolId: userPoolId, ClientId: userPoolClientId }),
      );
      expect(UserPoolClient).toMatchObject({
        ExplicitAuthFlows: ['ALLOW_USER_PASSWORD_AUTH', 'ALLOW_USER_SRP_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'],
        PreventUserExistenceErrors: 'ENABLED',
      });
    } finally {
      await cognito.stop();
    }
  });

  it('given a data folder, finds the same pool by name after a restart', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'cognito-test-'));
    dirs.push(dataDir);
    const port = await freePort();
    const first = await startCognitoLocal({ port, dataDir });
    const ids = await ensureUserPool(client(first.endpoint), settings).finally(() => first.stop());
    const second = await startCognitoLocal({ port, dataDir });
    try {
      // Nothing remembered: it is found by its name.
      const found = await ensureUserPool(client(second.endpoint), settings);
      expect(found).toEqual({ ...ids, created: false });
    } finally {
      await second.stop();
    }
  });

  it('given a busy port, fails with the one-line message naming COGNITO_PORT', async () => {
    const busy = await occupyPort();
    try {
      expect(await failureOf(startCognitoLocal({ port: busy.port, inMemory: true }))).toBe(
        `port ${busy.port} is in use: stop what uses it or set COGNITO_PORT`,
      );
    } finally {
      await busy.release();
    }
  });

  it('calls an in-process post-confirmation trigger with Cognito’s event when a sign-up is confirmed', async () => {
    const events: Array<Record<string, unknown>> = [];
    const cognito = await startCognitoLocal({
      port: await freePort(),
      inMemory: true,
      triggers: {
        PostConfirmation: async (event) => {
          events.push(event);
          return event;
        },
      },
    });
    try {
      const idp = client(cognito.endpoint);
      const { userPoolId, userPoolClientId } = await ensureUserPool(idp, settings);
      const { SignUpCommand, AdminConfirmSignUpCommand } = await import('@aws-sdk/client-cognito-identity-provider');
      await idp.send(
        new SignUpCommand({ ClientId: userPoolClientId, Username: 'new@example.com', Password: 'New-user-test-1!' }),
      );
      await idp.send(new AdminConfirmSignUpCommand({ UserPoolId: userPoolId, Username: 'new@example.com' }));
      expect(events).toHaveLength(1);
      expect(events[0]).toMatchObject({
        triggerSource: 'PostConfirmation_ConfirmSignUp',
        userPoolId,
        request: { userAttributes: { email: 'new@example.com' } },
      });
    } finally {
      await cognito.stop();
    }
  });
});
