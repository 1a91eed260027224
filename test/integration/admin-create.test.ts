import {
  AdminAddUserToGroupCommand,
  AdminCreateUserCommand,
  AdminGetUserCommand,
  AdminListGroupsForUserCommand,
  AdminSetUserPasswordCommand,
  CognitoIdentityProviderClient,
} from '@aws-sdk/client-cognito-identity-provider';
import { DynamoDBClient, GetItemCommand, QueryCommand } from '@aws-sdk/client-dynamodb';
import { marshall, unmarshall } from '@aws-sdk/util-dynamodb';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { grantAdmin, type GrantAdminDeps } from '../../functions/identity/grant-admin.ts';
import { auditKey, userKey } from '../../resolvers/lib/keys.ts';
import { SetUserRoleDocument } from '../../schema/generated/client/graphql.ts';
import { parseAdminCreateArgs } from '../../scripts/admin-create.ts';
import { awsClientConfig, localStack } from '../setup/local-stack.ts';
import { signIn, signUpApplicant, uniqueEmail } from '../setup/users.ts';
import { gql } from './support/api.ts';

// `npm run admin:create` (scripts/admin-create.ts over functions/identity/grant-admin.ts) against the local stack's
// Cognito and DynamoDB, then the admin it made calling an admin-only write through the local API.

let cognito: CognitoIdentityProviderClient;
let dynamodb: DynamoDBClient;
let deps: GrantAdminDeps;

beforeAll(() => {
  const stack = localStack();
  cognito = new CognitoIdentityProviderClient(awsClientConfig(stack.urls.cognito));
  dynamodb = new DynamoDBClient(awsClientConfig(stack.urls.dynamodb));
  deps = { admin: { cognito, userPoolId: stack.userPoolId }, dynamodb, tableName: stack.tableName, actorId: 'admin:create' };
});
afterAll(() => {
  cognito.destroy();
  dynamodb.destroy();
});

const groupsOf = async (userId: string) =>
  ((await cognito.send(new AdminListGroupsForUserCommand({ UserPoolId: localStack().userPoolId, Username: userId }))).Groups ?? [])
    .map((g) => g.GroupName)
    .sort();

async function profileOf(userId: string) {
  const { Item } = await dynamodb.send(new GetItemCommand({ TableName: localStack().tableName, Key: marshall(userKey(userId)), ConsistentRead: true }));
  return Item ? unmarshall(Item) : null;
}

async function auditActionsOf(userId: string): Promise<string[]> {
  const prefix = auditKey('USER', userId, '');
  const { Items = [] } = await dynamodb.send(
    new QueryCommand({
      TableName: localStack().tableName,
      KeyConditionExpression: 'pk = :pk',
      ExpressionAttributeValues: marshall({ ':pk': prefix.pk }),
    }),
  );
  return Items.map((i) => String(unmarshall(i).action)).sort();
}

/** A user made in the Cognito console: no sign-up, so no post-confirmation trigger and no profile item. */
async function consoleUser(email: string, password: string): Promise<void> {
  const userPoolId = localStack().userPoolId;
  await cognito.send(
    new AdminCreateUserCommand({
      UserPoolId: userPoolId,
      Username: email,
      MessageAction: 'SUPPRESS',
      UserAttributes: [
        { Name: 'email', Value: email },
        { Name: 'email_verified', Value: 'true' },
        { Name: 'name', Value: 'Console Admin' },
      ],
    }),
  );
  await cognito.send(new AdminSetUserPasswordCommand({ UserPoolId: userPoolId, Username: email, Password: password, Permanent: true }));
}

/** An admin-only write that runs the standing check (loadStandingCaller): make a fresh applicant staff. */
async function adminWriteAs(email: string, password: string) {
  const target = await signUpApplicant();
  return gql(await signIn(email, password), SetUserRoleDocument, { userId: target.sub, role: 'STAFF' });
}

describe('npm run admin:create', () => {
  it('given a user made in the console and put in `admin` by hand, when they write, then the standing check refuses them; after admin:create, it accepts them', async () => {
    const email = uniqueEmail('console-admin');
    const password = `Pw-${randomUUID()}-aA1!`;
    await consoleUser(email, password);
    await cognito.send(new AdminAddUserToGroupCommand({ UserPoolId: localStack().userPoolId, Username: email, GroupName: 'admin' }));
    const before = await adminWriteAs(email, password);
    expect(before.errors[0]?.errorType).toBe('Unauthorized');

    const { userId, outcome } = await grantAdmin(deps, { email });

    expect(outcome).toBe('promoted');
    expect(await groupsOf(userId)).toEqual(['admin']);
    expect(await profileOf(userId)).toMatchObject({
      id: userId,
      email,
      fullName: 'Console Admin',
      role: 'ADMIN',
      active: true,
      version: 1,
      gsi4pk: 'TEAM',
      gsi4sk: `Console Admin#${userId}`,
    });
    expect(await auditActionsOf(userId)).toEqual(['ADMIN_CREATED']);
    const after = await adminWriteAs(email, password);
    expect(after.errors).toEqual([]);
    expect(after.data?.setUserRole).toMatchObject({ role: 'STAFF' });
  });

  it('given a self-signed-up applicant, when made admin, then Cognito moves them to `admin` and the profile says ADMIN; a second run changes nothing', async () => {
    const applicant = await signUpApplicant({ fullName: 'Future Admin' });

    const first = await grantAdmin(deps, { email: applicant.email.toUpperCase() });

    expect(first).toEqual({ userId: applicant.sub, outcome: 'promoted' });
    expect(await groupsOf(applicant.sub)).toEqual(['admin']);
    expect(await profileOf(applicant.sub)).toMatchObject({ role: 'ADMIN', version: 2, gsi4pk: 'TEAM', gsi4sk: `Future Admin#${applicant.sub}` });
    expect(await auditActionsOf(applicant.sub)).toEqual(['USER_ROLE_CHANGED', 'USER_SIGNED_UP']);
    expect((await adminWriteAs(applicant.email, applicant.password)).errors).toEqual([]);

    const second = await grantAdmin(deps, { email: applicant.email });
    expect(second.outcome).toBe('unchanged');
    expect(await profileOf(applicant.sub)).toMatchObject({ role: 'ADMIN', version: 2 });
    expect(await auditActionsOf(applicant.sub)).toHaveLength(2);
  });

  it('given an address nobody has, when made admin, then Cognito creates (and invites) the user in `admin`, with an ADMIN profile', async () => {
    const email = uniqueEmail('new-admin');

    const { userId, outcome } = await grantAdmin(deps, { email, fullName: 'Nova Admin' });

    expect(outcome).toBe('invited');
    const user = await cognito.send(new AdminGetUserCommand({ UserPoolId: localStack().userPoolId, Username: email }));
    expect(user.UserStatus).toBe('FORCE_CHANGE_PASSWORD');
    expect(await groupsOf(userId)).toEqual(['admin']);
    expect(await profileOf(userId)).toMatchObject({ email, fullName: 'Nova Admin', role: 'ADMIN', active: true, gsi4pk: 'TEAM' });
  });

  it('given a malformed address or an empty name, then it is refused naming the option and the rule, and no user is made', async () => {
    await expect(grantAdmin(deps, { email: 'not-an-address' })).rejects.toThrow('--email: must be an email address like ops@example.com');
    const email = uniqueEmail('nameless');
    await expect(grantAdmin(deps, { email, fullName: '  ' })).rejects.toThrow('--name: must be 1 to 200 characters');
    await expect(cognito.send(new AdminGetUserCommand({ UserPoolId: localStack().userPoolId, Username: email }))).rejects.toThrow();
  });

  it('given the command line, then --email is required and --stage is dev or prod, each refused naming the option', () => {
    expect(parseAdminCreateArgs(['--email', 'ops@example.com'])).toEqual({ email: 'ops@example.com', stage: 'dev' });
    expect(parseAdminCreateArgs(['--email', 'ops@example.com', '--stage', 'prod', '--name', 'Ops'])).toEqual({
      email: 'ops@example.com',
      stage: 'prod',
      fullName: 'Ops',
    });
    expect(() => parseAdminCreateArgs([])).toThrow("--email: is required (the admin's address)");
    expect(() => parseAdminCreateArgs(['--email', 'a@b.co', '--stage', 'staging'])).toThrow('--stage: must be one of dev, prod (got staging)');
  });
});
