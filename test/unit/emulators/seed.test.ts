import { randomUUID } from 'node:crypto';
import { DynamoDBClient, GetItemCommand, QueryCommand } from '@aws-sdk/client-dynamodb';
import { marshall, unmarshall } from '@aws-sdk/util-dynamodb';
import { beforeAll, describe, expect, it } from 'vitest';
import { ensureTable } from '../../../local/emulators/table.ts';
import { demoApplicants, demoTasks } from '../../../local/seed/demo-scenario.ts';
import { demoUsers, type SeededUser } from '../../../local/seed/demo-users.ts';
import { seedApplicantDataDirectly } from '../../../local/seed/index.ts';
import { applicantKey, counterShardKey, gsi, threadKey } from '../../../resolvers/lib/keys.ts';
import { awsClientConfig, localStack } from '../../setup/local-stack.ts';

// The applicant half of the seed, into a table of its own on the shared DynamoDB Local, so what is counted is exactly
// what was seeded (the users are made up: no Cognito needed).
describe('demo applicant data', () => {
  const tableName = `seed-${randomUUID()}`;
  const users: SeededUser[] = demoUsers.map((u) => ({ ...u, sub: randomUUID() }));
  const sub = (key: string) => users.find((u) => u.key === key)?.sub ?? '';
  let dynamodb: DynamoDBClient;

  beforeAll(async () => {
    dynamodb = new DynamoDBClient(awsClientConfig(localStack().urls.dynamodb));
    await ensureTable(dynamodb, tableName);
    await seedApplicantDataDirectly({ dynamodb, tableName }, users);
  });

  const query = async (index: string | undefined, keyName: string, value: string) => {
    const { Items = [] } = await dynamodb.send(
      new QueryCommand({
        TableName: tableName,
        ...(index ? { IndexName: index } : {}),
        KeyConditionExpression: '#k = :v',
        ExpressionAttributeNames: { '#k': keyName },
        ExpressionAttributeValues: { ':v': { S: value } },
      }),
    );
    return Items.map((i) => unmarshall(i));
  };
  const get = async (key: { pk: string; sk: string }) =>
    unmarshall((await dynamodb.send(new GetItemCommand({ TableName: tableName, Key: marshall(key) }))).Item ?? {});

  it('puts the applicants in several pipeline states, each findable by owner, status and kind', async () => {
    const all = await query('gsi4', 'gsi4pk', gsi.allApplicants);
    expect(all).toHaveLength(demoApplicants.length);
    expect(new Set(all.map((a) => a.status)).size).toBeGreaterThanOrEqual(5);
    const mei = await query('gsi1', 'gsi1pk', gsi.owner(sub('mei')));
    expect(mei.map((a) => a.firstName).sort()).toEqual(['Lin', 'Wei']);
    const inReview = await query('gsi2', 'gsi2pk', gsi.applicantStatus('IN_REVIEW'));
    expect(inReview.map((a) => `${a.firstName} ${a.lastName}`)).toEqual(['Amina Yusuf']);
    const priyas = await query('gsi3', 'gsi3pk', gsi.assignee(sub('priya')));
    expect(
      priyas
        .filter((i) => i.type === 'APPLICANT')
        .map((a) => a.firstName)
        .sort(),
    ).toEqual(['Amina', 'Kwame']);
  });

  it('keeps the dashboard counters equal to what the indexes hold', async () => {
    const counters = await get(counterShardKey(0));
    for (const status of [
      'DRAFT',
      'DOCUMENTS_SUBMITTED',
      'IN_REVIEW',
      'CONSULTATION_SCHEDULED',
      'ACCEPTED',
      'REJECTED',
    ]) {
      expect(counters[`applicants_${status}`], status).toBe(
        (await query('gsi2', 'gsi2pk', gsi.applicantStatus(status))).length,
      );
    }
    const pending = (await query('gsi2', 'gsi2pk', gsi.taskStatus('PENDING'))).length;
    const inProgress = (await query('gsi2', 'gsi2pk', gsi.taskStatus('IN_PROGRESS'))).length;
    expect(counters.pendingTasks).toBe(pending + inProgress);
    expect(pending + inProgress).toBe(
      demoTasks.filter((t) => t.status === 'PENDING' || t.status === 'IN_PROGRESS').length,
    );
    expect(counters.revenueCents).toBe(0);
  });

  it("writes each thread's messages newest-last by id, with unread counts up to each side's own last message", async () => {
    const [amina] = await query('gsi1', 'gsi1pk', gsi.owner(sub('amina')));
    const thread = await get(threadKey(String(amina?.id)));
    const messages = (await query(undefined, 'pk', applicantKey(String(amina?.id)).pk)).filter(
      (i) => i.type === 'MESSAGE',
    );
    expect(messages.map((m) => m.senderSide)).toEqual(['APPLICANT', 'STAFF', 'APPLICANT']);
    expect(messages.every((m) => m.ownerId === sub('amina'))).toBe(true);
    expect(thread).toMatchObject({
      applicantName: 'Amina Yusuf',
      unreadByStaff: 1,
      unreadByApplicant: 0,
      lastSenderSide: 'APPLICANT',
      lastMessageAt: messages.at(-1)?.createdAt,
      gsi2pk: gsi.unreadInbox,
      version: 4,
    });
    const [kwame] = await query('gsi1', 'gsi1pk', gsi.owner(sub('kwame')));
    const kwameThread = await get(threadKey(String(kwame?.id)));
    expect(kwameThread).toMatchObject({ unreadByStaff: 0, unreadByApplicant: 1 });
    expect(kwameThread.gsi2pk).toBeUndefined();
  });
});
