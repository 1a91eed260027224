// Staff and admin rights need a second factor. Cognito cannot require MFA for some groups only, and its tokens do not
// say whether the sign-in used one, so the pool keeps MFA optional (TOTP) and the pre-token-generation trigger gives a
// token the `staff` and `admin` groups only when the user has an authenticator app enabled: Cognito then asks for
// its code at every sign-in. Until they enrol, a staff member's tokens carry no team group (the API treats them as
// having no staff rights) and say `mfa_setup_required`, and their access token still works for Cognito's
// AssociateSoftwareToken / VerifySoftwareToken / SetUserMFAPreference, which is how they enrol.
import { AdminGetUserCommand } from '@aws-sdk/client-cognito-identity-provider';
import type { CognitoAdmin } from './cognito-admin.ts';
import { roleGroups } from './roles.ts';

/** The groups that need MFA. */
export const mfaGroups: string[] = [roleGroups.STAFF, roleGroups.ADMIN];

export interface TokenGroups {
  groups: string[];
  /** True when team groups were withheld because the user has no authenticator app enabled. */
  mfaSetupRequired: boolean;
}

/** The groups a token may carry, given the user's groups and their enabled MFA methods (AdminGetUser's UserMFASettingList). */
export function tokenGroups(groups: string[], enabledMfa: string[]): TokenGroups {
  const needsMfa = groups.some((g) => mfaGroups.includes(g));
  if (!needsMfa || enabledMfa.includes('SOFTWARE_TOKEN_MFA')) return { groups, mfaSetupRequired: false };
  return { groups: groups.filter((g) => !mfaGroups.includes(g)), mfaSetupRequired: true };
}

/** The user's enabled MFA methods; only asked for users in an MFA group. */
export async function enabledMfaOf(admin: CognitoAdmin, username: string): Promise<string[]> {
  const user = await admin.cognito.send(new AdminGetUserCommand({ UserPoolId: admin.userPoolId, Username: username }));
  return user.UserMFASettingList ?? [];
}
