// Sign-up and password-reset codes appear as one line each on the local Cognito's output (standard output under
// `npm start`), whatever its log level.
import {
  CognitoIdentityProviderClient,
  ConfirmForgotPasswordCommand,
  ConfirmSignUpCommand,
  ForgotPasswordCommand,
  InitiateAuthCommand,
  SignUpCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { passwordPolicy, userGroups } from '../../../infra/constructs/user-directory.ts';
import { startCognitoLocal, type RunningCognitoLocal } from '../../../local/emulators/cognito-local.ts';
import { freePort } from '../../../local/emulators/ports.ts';
import { ensureUserPool } from '../../../local/emulators/user-pool.ts';
import { localCredentials } from './support.ts';

describe('codes the local Cognito prints', () => {
  const printed: string[] = [];
  let cognito: RunningCognitoLocal;
  let idp: CognitoIdentityProviderClient;
  let clientId: string;

  /** The code of the one line printed since `from`, which must name this address. */
  const codeFor = (email: string, from: number) => {
    const lines = printed.slice(from).join('').split('\n').filter(Boolean);
    expect(lines).toHaveLength(1);
    const [, destination, code] = /^confirmation code for (\S+): (\d{6})$/.exec(lines[0] ?? '') ?? [];
    expect(destination).toBe(email);
    return code ?? '';
  };

  beforeAll(async () => {
    cognito = await startCognitoLocal({
      port: await freePort(),
      inMemory: true,
      logLevel: 'silent',
      codeOutput: { write: (text: string) => printed.push(text) },
    });
    idp = new CognitoIdentityProviderClient({
      endpoint: cognito.endpoint,
      region: 'us-east-1',
      credentials: localCredentials,
    });
    ({ userPoolClientId: clientId } = await ensureUserPool(idp, { groups: userGroups, passwordPolicy }));
  });
  afterAll(async () => {
    await cognito.stop();
  });

  it('given a silent log, when a user signs up and then resets the password, then each code is one line that works', async () => {
    const email = 'new.applicant@example.com';
    let from = printed.length;
    await idp.send(new SignUpCommand({ ClientId: clientId, Username: email, Password: 'First-password-1!' }));
    const signUpCode = codeFor(email, from);
    await idp.send(new ConfirmSignUpCommand({ ClientId: clientId, Username: email, ConfirmationCode: signUpCode }));

    from = printed.length;
    await idp.send(new ForgotPasswordCommand({ ClientId: clientId, Username: email }));
    const resetCode = codeFor(email, from);
    await idp.send(
      new ConfirmForgotPasswordCommand({
        ClientId: clientId,
        Username: email,
        ConfirmationCode: resetCode,
        Password: 'Second-password-1!',
      }),
    );

    const { AuthenticationResult } = await idp.send(
      new InitiateAuthCommand({
        ClientId: clientId,
        AuthFlow: 'USER_PASSWORD_AUTH',
        AuthParameters: { USERNAME: email, PASSWORD: 'Second-password-1!' },
      }),
    );
    expect(AuthenticationResult?.IdToken).toBeTruthy();
  });
});
