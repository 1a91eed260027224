import { DynamoDBClient, GetItemCommand, QueryCommand } from '@aws-sdk/client-dynamodb';
import { marshall, unmarshall } from '@aws-sdk/util-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditKey, userKey } from '../../resolvers/lib/keys.ts';
import {
  ListStaffDocument,
  MeDocument,
  SetNotificationPreferencesDocument,
  UpdateMyProfileDocument,
  type UserProfileFieldsFragment,
} from '../../schema/generated/client/graphql.ts';
import { awsClientConfig, localStack } from '../setup/local-stack.ts';
import { createUser, type SignedInUser } from '../setup/users.ts';
import { gql, gqlOk } from './support/api.ts';

// The caller's own profile (updateMyProfile, setNotificationPreferences) and the team list, over real HTTP.

let dynamodb: DynamoDBClient;

beforeAll(() => {
  dynamodb = new DynamoDBClient(awsClientConfig(localStack().urls.dynamodb));
});
afterAll(() => dynamodb?.destroy());

async function storedProfile(sub: string) {
  const { Item } = await dynamodb.send(new GetItemCommand({ TableName: localStack().tableName, Key: marshall(userKey(sub)), ConsistentRead: true }));
  return Item ? unmarshall(Item) : null;
}

async function auditActions(sub: string): Promise<string[]> {
  const { Items = [] } = await dynamodb.send(
    new QueryCommand({
      TableName: localStack().tableName,
      KeyConditionExpression: 'pk = :pk',
      ExpressionAttributeValues: marshall({ ':pk': auditKey('USER', sub, '').pk }),
      ConsistentRead: true,
    }),
  );
  return Items.map((item) => String(unmarshall(item).action));
}

/** Every team member, following nextToken `pageSize` at a time. */
async function wholeTeam(reader: SignedInUser, pageSize: number): Promise<{ members: UserProfileFieldsFragment[]; pages: number }> {
  const members: UserProfileFieldsFragment[] = [];
  let nextToken: string | null | undefined;
  let pages = 0;
  do {
    const page = (await gqlOk(reader, ListStaffDocument, { limit: pageSize, nextToken })).listStaff;
    members.push(...page.items);
    nextToken = page.nextToken;
    pages += 1;
  } while (nextToken && pages < 100);
  return { members, pages };
}

describe('updateMyProfile', () => {
  it('given an applicant, when they rename themself, then me shows the new name, the version is bumped and it is audited', async () => {
    const user = await createUser({ group: 'applicant', fullName: 'Old Name' });
    const updated = (await gqlOk(user, UpdateMyProfileDocument, { input: { fullName: '  Amara Okafor ', expectedVersion: 1 } })).updateMyProfile;
    expect(updated).toMatchObject({ id: user.sub, fullName: 'Amara Okafor', version: 2 });
    expect((await gqlOk(user, MeDocument, {})).me).toMatchObject({ fullName: 'Amara Okafor', version: 2 });
    expect(await storedProfile(user.sub)).not.toHaveProperty('gsi4pk');
    expect(await auditActions(user.sub)).toEqual(['PROFILE_UPDATED']);
  });

  it('given a stale expectedVersion, when they rename themself, then ConflictError and nothing is written', async () => {
    const user = await createUser({ group: 'applicant', fullName: 'Kept Name' });
    await gqlOk(user, UpdateMyProfileDocument, { input: { fullName: 'Second Name', expectedVersion: 1 } });
    const stale = await gql(user, UpdateMyProfileDocument, { input: { fullName: 'Third Name', expectedVersion: 1 } });
    expect(stale.errors[0]?.errorType).toBe('ConflictError');
    expect(await storedProfile(user.sub)).toMatchObject({ fullName: 'Second Name', version: 2 });
    expect(await auditActions(user.sub)).toEqual(['PROFILE_UPDATED']);
  });

  it('given a blank name, when they rename themself, then the error names input.fullName and nothing is written', async () => {
    const user = await createUser({ group: 'applicant', fullName: 'Kept Name' });
    const result = await gql(user, UpdateMyProfileDocument, { input: { fullName: '   ', expectedVersion: 1 } });
    expect(result.errors[0]).toMatchObject({ errorType: 'ValidationError', message: 'input.fullName: must not be empty' });
    expect(await storedProfile(user.sub)).toMatchObject({ fullName: 'Kept Name', version: 1 });
    expect(await auditActions(user.sub)).toEqual([]);
  });

  it('given a staff member, when they rename themself, then the team list, paged, is sorted by the new name and never shows the old one', async () => {
    const member = await createUser({ group: 'staff', fullName: `Zz Before ${Date.now()}` });
    const renamed = `Aa After ${Date.now()}`;
    await gqlOk(member, UpdateMyProfileDocument, { input: { fullName: renamed, expectedVersion: 1 } });
    expect(await storedProfile(member.sub)).toMatchObject({ gsi4pk: 'TEAM', gsi4sk: `${renamed}#${member.sub}` });

    const { members, pages } = await wholeTeam(member, 2);
    expect(pages).toBeGreaterThan(1);
    const mine = members.filter((m) => m.id === member.sub);
    expect(mine.map((m) => m.fullName)).toEqual([renamed]);
    const keys = members.map((m) => `${m.fullName}#${m.id}`);
    expect(keys).toEqual([...keys].sort());
    expect(members.every((m) => m.role === 'STAFF' || m.role === 'ADMIN')).toBe(true);
  });
});

describe('setNotificationPreferences', () => {
  it('given topics with a repeat, when an applicant opts out, then each topic is stored once, me shows it, and a stale version conflicts', async () => {
    const user = await createUser({ group: 'applicant' });
    const set = (
      await gqlOk(user, SetNotificationPreferencesDocument, { input: { optedOut: ['NEW_MESSAGE', 'PAYMENT_RECEIPT', 'NEW_MESSAGE'], expectedVersion: 1 } })
    ).setNotificationPreferences;
    expect(set).toMatchObject({ notificationPreferences: { optedOut: ['NEW_MESSAGE', 'PAYMENT_RECEIPT'] }, version: 2 });
    expect((await gqlOk(user, MeDocument, {})).me?.notificationPreferences.optedOut).toEqual(['NEW_MESSAGE', 'PAYMENT_RECEIPT']);

    const stale = await gql(user, SetNotificationPreferencesDocument, { input: { optedOut: [], expectedVersion: 1 } });
    expect(stale.errors[0]?.errorType).toBe('ConflictError');
    expect((await storedProfile(user.sub))?.notificationPreferences).toEqual({ optedOut: ['NEW_MESSAGE', 'PAYMENT_RECEIPT'] });
    expect(await auditActions(user.sub)).toEqual(['NOTIFICATION_PREFERENCES_SET']);
  });
});

describe('listStaff', () => {
  it('given an applicant, when they list the team, then they are Unauthorized', async () => {
    const user = await createUser({ group: 'applicant' });
    expect((await gql(user, ListStaffDocument, {})).errors[0]?.errorType).toBe('Unauthorized');
  });
});
