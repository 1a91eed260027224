import { InitiateAuthCommand, type CognitoIdentityProviderClient } from '@aws-sdk/client-cognito-identity-provider';
import type { LocalStackInfo } from '../local/stack/types.ts';

/** A user's ID token from the local Cognito (USER_PASSWORD_AUTH: one call, so sign-in costs the benches nothing). */
export async function idTokenOf(cognito: CognitoIdentityProviderClient, stack: LocalStackInfo, email: string, password: string): Promise<string> {
  const { AuthenticationResult } = await cognito.send(
    new InitiateAuthCommand({
      ClientId: stack.userPoolClientId,
      AuthFlow: 'USER_PASSWORD_AUTH',
      AuthParameters: { USERNAME: email, PASSWORD: password },
    }),
  );
  if (!AuthenticationResult?.IdToken) throw new Error(`${email} got no ID token from the local Cognito`);
  return AuthenticationResult.IdToken;
}
