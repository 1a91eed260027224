// The old system's password check, for the UserMigration trigger: the bcrypt hash the migration stored for an email
// (a LEGACY_CREDENTIAL item, never readable through the API), verified with bcryptjs. Plain functions over the table.
import { GetItemCommand, type DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { marshall, unmarshall } from '@aws-sdk/util-dynamodb';
import bcrypt from 'bcryptjs';
import { legacyCredentialKey } from '../../resolvers/lib/keys.ts';

export interface LegacyCredential {
  email: string;
  legacyUserId: string;
  passwordHash: string;
  role: 'APPLICANT' | 'STAFF' | 'ADMIN';
  active: boolean;
  fullName: string;
}

export interface CredentialDeps {
  dynamodb: DynamoDBClient;
  tableName: string;
}

/** Old emails were stored lower-cased and trimmed; Cognito hands over what the user typed. */
export const normaliseEmail = (email: string): string => email.trim().toLowerCase();

export async function findLegacyCredential(deps: CredentialDeps, email: string): Promise<LegacyCredential | null> {
  const out = await deps.dynamodb.send(
    new GetItemCommand({ TableName: deps.tableName, Key: marshall(legacyCredentialKey(normaliseEmail(email))), ConsistentRead: true }),
  );
  return out.Item ? (unmarshall(out.Item) as LegacyCredential) : null;
}

export type LegacySignInRefusal = 'unknown' | 'inactive' | 'wrong-password';

/** Whether `password` is the old password of `email`'s migrated user: the credential, or why not. */
export async function verifyLegacyPassword(
  deps: CredentialDeps,
  email: string,
  password: string,
): Promise<{ ok: true; credential: LegacyCredential } | { ok: false; refusal: LegacySignInRefusal }> {
  const credential = await findLegacyCredential(deps, email);
  if (!credential) return { ok: false, refusal: 'unknown' };
  if (!credential.active) return { ok: false, refusal: 'inactive' };
  if (!(await bcrypt.compare(password, credential.passwordHash))) return { ok: false, refusal: 'wrong-password' };
  return { ok: true, credential };
}
