import { CognitoIdentityProviderClient } from '@aws-sdk/client-cognito-identity-provider';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { enabledMfaOf, tokenGroups } from '../../functions/identity/staff-mfa.ts';
import { awsClientConfig, localStack } from '../setup/local-stack.ts';
import { createUser } from '../setup/users.ts';

// The staff-MFA rule of the pre-token-generation trigger: team groups only with an authenticator app enabled.

let cognito: CognitoIdentityProviderClient;
beforeAll(() => {
  cognito = new CognitoIdentityProviderClient(awsClientConfig(localStack().urls.cognito));
});
afterAll(() => cognito.destroy());

describe('team groups need an authenticator app', () => {
  it('given a staff member without MFA in the local Cognito, when their token is made, then it carries no team group and says MFA setup is required', async () => {
    const staff = await createUser({ group: 'staff' });
    const enabled = await enabledMfaOf({ cognito, userPoolId: localStack().userPoolId }, staff.sub);
    expect(enabled).not.toContain('SOFTWARE_TOKEN_MFA');
    expect(tokenGroups(['staff'], enabled)).toEqual({ groups: [], mfaSetupRequired: true });
  });

  it('given an admin with TOTP enabled, then the token keeps admin', () => {
    expect(tokenGroups(['admin'], ['SOFTWARE_TOKEN_MFA'])).toEqual({ groups: ['admin'], mfaSetupRequired: false });
  });

  it('given an admin who is also in staff, without MFA, then both team groups are withheld and other groups kept', () => {
    expect(tokenGroups(['admin', 'staff', 'applicant'], [])).toEqual({ groups: ['applicant'], mfaSetupRequired: true });
  });

  it('given an applicant, then nothing changes (no MFA needed)', () => {
    expect(tokenGroups(['applicant'], [])).toEqual({ groups: ['applicant'], mfaSetupRequired: false });
  });
});
