// A self sign-up's profile: created once, role APPLICANT, in the `applicant` group. Cognito may deliver the trigger
// more than once, so each step is idempotent: the profile put is conditioned on attribute_not_exists, and the group
// is added only while the profile still says APPLICANT (a user promoted since is never put back).
import { AdminAddUserToGroupCommand } from '@aws-sdk/client-cognito-identity-provider';
import { GetItemCommand, TransactWriteItemsCommand, TransactionCanceledException, type DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { marshall, unmarshall } from '@aws-sdk/util-dynamodb';
import { userKey } from '../../resolvers/lib/keys.ts';
import { auditItem } from '../shared/audit-item.ts';
import type { CognitoAdmin } from './cognito-admin.ts';
import { roleGroups } from './roles.ts';

export interface SignUp {
  sub: string;
  /** The Cognito username (the sub in this pool). */
  username: string;
  email: string;
  name?: string;
}

export interface ProfileDeps {
  dynamodb: DynamoDBClient;
  tableName: string;
  admin: CognitoAdmin;
}

/** The new profile item (docs/data-model.md "user profile"). A user who gave no name is called by their email's name. */
export function applicantProfileItem(signUp: SignUp, now: Date = new Date()): Record<string, unknown> {
  const email = signUp.email.trim().toLowerCase();
  const fullName = (signUp.name ?? '').trim() || email.split('@')[0] || email;
  const at = now.toISOString();
  return {
    ...userKey(signUp.sub),
    type: 'USER',
    id: signUp.sub,
    email,
    fullName,
    role: 'APPLICANT',
    active: true,
    notificationPreferences: { optedOut: [] },
    createdAt: at,
    updatedAt: at,
    version: 1,
  };
}

async function existingRole(deps: ProfileDeps, sub: string): Promise<string | null> {
  const key = userKey(sub);
  const { Item } = await deps.dynamodb.send(
    new GetItemCommand({ TableName: deps.tableName, Key: marshall(key), ConsistentRead: true, ProjectionExpression: '#role', ExpressionAttributeNames: { '#role': 'role' } }),
  );
  return Item ? String(unmarshall(Item).role) : null;
}

/** Whether this call created the profile (false when an earlier delivery did). */
export async function ensureApplicantProfile(deps: ProfileDeps, signUp: SignUp, now: Date = new Date()): Promise<boolean> {
  let role = await existingRole(deps, signUp.sub);
  let created = false;
  if (role === null) {
    try {
      await deps.dynamodb.send(
        new TransactWriteItemsCommand({
          TransactItems: [
            {
              Put: {
                TableName: deps.tableName,
                Item: marshall(applicantProfileItem(signUp, now), { removeUndefinedValues: true }),
                ConditionExpression: 'attribute_not_exists(pk)',
              },
            },
            {
              Put: {
                TableName: deps.tableName,
                Item: marshall(auditItem({ actorId: signUp.sub, action: 'USER_SIGNED_UP', resourceType: 'USER', resourceId: signUp.sub }, now)),
              },
            },
          ],
        }),
      );
      created = true;
    } catch (error) {
      // A concurrent delivery wrote it first.
      if (!(error instanceof TransactionCanceledException) && (error as Error).name !== 'TransactionCanceledException') throw error;
    }
    role = 'APPLICANT';
  }
  if (role === 'APPLICANT') {
    await deps.admin.cognito.send(
      new AdminAddUserToGroupCommand({ UserPoolId: deps.admin.userPoolId, Username: signUp.username, GroupName: roleGroups.APPLICANT }),
    );
  }
  return created;
}
