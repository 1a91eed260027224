// The first admin of a new deployment (`npm run admin:create`, scripts/admin-create.ts): nobody can call inviteStaff
// or setUserRole before an admin exists, and a user made in the Cognito console has no profile item (the
// post-confirmation trigger runs for self sign-ups only), so the API's standing check would refuse them. This puts the
// user in the `admin` group and writes the profile the standing check reads, with its audit event. Every step is safe
// to repeat: a run that stopped halfway is completed by running it again.
import { AdminGetUserCommand } from '@aws-sdk/client-cognito-identity-provider';
import { GetItemCommand, TransactWriteItemsCommand, type DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { marshall, unmarshall } from '@aws-sdk/util-dynamodb';
import { gsi, teamSortKey, userKey } from '../../resolvers/lib/keys.ts';
import { auditItem } from '../shared/audit-item.ts';
import { awsErrorName, validationError } from '../shared/errors.ts';
import { applicantProfileItem } from './applicant-profile.ts';
import { inviteUser, moveToRole, type CognitoAdmin } from './cognito-admin.ts';

export interface GrantAdminDeps {
  admin: CognitoAdmin;
  dynamodb: DynamoDBClient;
  tableName: string;
  /** Who ran it, for the audit event (the operator's IAM identity ARN when known). */
  actorId: string;
}

export interface GrantAdminRequest {
  email: string;
  /** Only for a user who does not exist yet; an existing user keeps their name. */
  fullName?: string;
}

/**
 * `invited`: Cognito created the user and emailed the invitation (temporary password). `promoted`: an existing user
 * became admin. `unchanged`: they were an admin already, in Cognito and in their profile.
 */
export type GrantAdminOutcome = 'invited' | 'promoted' | 'unchanged';

const emailPattern = /^[^@\s]+@([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/i;

export async function grantAdmin(
  deps: GrantAdminDeps,
  request: GrantAdminRequest,
  now: Date = new Date(),
): Promise<{ userId: string; outcome: GrantAdminOutcome }> {
  const email = request.email.trim().toLowerCase();
  if (!emailPattern.test(email)) throw validationError('--email', 'must be an email address like ops@example.com');
  const fullName = request.fullName?.trim();
  if (request.fullName !== undefined && (!fullName || fullName.length > 200)) {
    throw validationError('--name', 'must be 1 to 200 characters');
  }

  const existing = await cognitoUser(deps.admin, email);
  let userId: string;
  let name: string;
  let invited = false;
  if (existing) {
    userId = existing.sub;
    name = existing.name ?? fullName ?? email.split('@')[0] ?? email;
    await moveToRole(deps.admin, userId, 'ADMIN');
  } else {
    name = fullName ?? email.split('@')[0] ?? email;
    ({ userId } = await inviteUser(deps.admin, { email, fullName: name, role: 'ADMIN' }));
    invited = true;
  }

  const changed = await writeAdminProfile(deps, { userId, email, fullName: name }, now);
  return { userId, outcome: invited ? 'invited' : changed ? 'promoted' : 'unchanged' };
}

async function cognitoUser(admin: CognitoAdmin, email: string): Promise<{ sub: string; name?: string } | null> {
  try {
    // The pool signs in with email, so the admin APIs accept the address as the user name.
    const { UserAttributes = [] } = await admin.cognito.send(new AdminGetUserCommand({ UserPoolId: admin.userPoolId, Username: email }));
    const attribute = (name: string) => UserAttributes.find((a) => a.Name === name)?.Value;
    const sub = attribute('sub');
    if (!sub) throw new Error(`Cognito returned ${email} without a sub`);
    const name = attribute('name')?.trim();
    return name ? { sub, name } : { sub };
  } catch (error) {
    if (awsErrorName(error) === 'UserNotFoundException') return null;
    throw error;
  }
}

/** The admin profile, created or moved to ADMIN (in the team index), with its audit event, in one transaction. */
async function writeAdminProfile(
  deps: GrantAdminDeps,
  user: { userId: string; email: string; fullName: string },
  now: Date,
): Promise<boolean> {
  const key = userKey(user.userId);
  const { Item } = await deps.dynamodb.send(new GetItemCommand({ TableName: deps.tableName, Key: marshall(key), ConsistentRead: true }));
  const profile = Item ? unmarshall(Item) : null;
  const at = now.toISOString();
  if (!profile) {
    const item = {
      ...applicantProfileItem({ sub: user.userId, username: user.userId, email: user.email, name: user.fullName }, now),
      role: 'ADMIN',
      gsi4pk: gsi.team,
      gsi4sk: teamSortKey(user.fullName, user.userId),
    };
    await deps.dynamodb.send(
      new TransactWriteItemsCommand({
        TransactItems: [
          { Put: { TableName: deps.tableName, Item: marshall(item), ConditionExpression: 'attribute_not_exists(pk)' } },
          { Put: { TableName: deps.tableName, Item: marshall(auditEvent(deps, user.userId, { role: 'ADMIN' }, 'ADMIN_CREATED', now)) } },
        ],
      }),
    );
    return true;
  }
  if (profile.active !== true) {
    throw validationError('--email', 'belongs to a deactivated user; an admin account must be one that may sign in');
  }
  if (profile.role === 'ADMIN' && profile.gsi4pk === gsi.team) return false;
  await deps.dynamodb.send(
    new TransactWriteItemsCommand({
      TransactItems: [
        {
          Update: {
            TableName: deps.tableName,
            Key: marshall(key),
            UpdateExpression: 'SET #role = :role, updatedAt = :at, gsi4pk = :team, gsi4sk = :teamSort ADD version :one',
            ConditionExpression: 'version = :version',
            ExpressionAttributeNames: { '#role': 'role' },
            ExpressionAttributeValues: marshall({
              ':role': 'ADMIN',
              ':at': at,
              ':team': gsi.team,
              ':teamSort': teamSortKey(String(profile.fullName), user.userId),
              ':one': 1,
              ':version': profile.version,
            }),
          },
        },
        {
          Put: {
            TableName: deps.tableName,
            Item: marshall(auditEvent(deps, user.userId, { from: profile.role, to: 'ADMIN' }, 'USER_ROLE_CHANGED', now)),
          },
        },
      ],
    }),
  );
  return true;
}

function auditEvent(deps: GrantAdminDeps, userId: string, details: Record<string, unknown>, action: string, now: Date) {
  return auditItem({ actorId: deps.actorId, action, resourceType: 'USER', resourceId: userId, details: { ...details, via: 'admin:create' } }, now);
}
