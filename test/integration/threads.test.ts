import { beforeAll, describe, expect, it } from 'vitest';
import {
  GetMessageThreadDocument,
  MarkThreadReadDocument,
  SendMessageDocument,
  StaffInboxDocument,
  type MessageThreadFieldsFragment,
} from '../../schema/generated/client/graphql.ts';
import { createUser, type SignedInUser } from '../setup/users.ts';
import { createApplicant, gql, gqlOk } from './support/api.ts';

// The thread reads over real HTTP: getMessageThread (owner, staff, admins; null for anyone else) and the staff inbox.

let owner: SignedInUser;
let stranger: SignedInUser;
let staff: SignedInUser;

beforeAll(async () => {
  [owner, stranger, staff] = await Promise.all([
    createUser({ group: 'applicant' }),
    createUser({ group: 'applicant' }),
    createUser({ group: 'staff' }),
  ]);
});

/** The whole inbox, following nextToken `pageSize` at a time. */
async function wholeInbox(pageSize: number): Promise<{ threads: MessageThreadFieldsFragment[]; pages: number }> {
  const threads: MessageThreadFieldsFragment[] = [];
  let nextToken: string | null | undefined;
  let pages = 0;
  do {
    const page = (await gqlOk(staff, StaffInboxDocument, { limit: pageSize, nextToken })).staffInbox;
    threads.push(...page.items);
    nextToken = page.nextToken;
    pages += 1;
  } while (nextToken && pages < 200);
  return { threads, pages };
}

describe('getMessageThread', () => {
  it('given a new applicant, when its owner, staff or a stranger reads the thread, then the stranger gets null and the others the empty thread', async () => {
    const applicant = await createApplicant(owner, { firstName: 'Amara', lastName: 'Okafor' });
    for (const reader of [owner, staff]) {
      expect((await gqlOk(reader, GetMessageThreadDocument, { applicantId: applicant.id })).getMessageThread).toMatchObject({
        applicantId: applicant.id,
        applicantName: 'Amara Okafor',
        unreadByStaff: 0,
        unreadByApplicant: 0,
        lastMessageAt: null,
      });
    }
    const byStranger = await gql(stranger, GetMessageThreadDocument, { applicantId: applicant.id });
    expect(byStranger.errors).toEqual([]);
    expect(byStranger.data?.getMessageThread).toBeNull();
  });

  it('given a message from the owner, when the thread is read, then staff have one unread and the preview is the message', async () => {
    const applicant = await createApplicant(owner);
    await gqlOk(owner, SendMessageDocument, { input: { applicantId: applicant.id, body: 'Hello, is my transcript enough?' } });
    expect((await gqlOk(owner, GetMessageThreadDocument, { applicantId: applicant.id })).getMessageThread).toMatchObject({
      unreadByStaff: 1,
      unreadByApplicant: 0,
      lastMessagePreview: 'Hello, is my transcript enough?',
      lastSenderSide: 'APPLICANT',
    });
  });
});

describe('staffInbox', () => {
  it('given two threads with unread messages, when staff page the inbox one at a time, then both are there, the most recent first; once read, it leaves', async () => {
    const older = await createApplicant(owner, { firstName: 'Older' });
    const newer = await createApplicant(owner, { firstName: 'Newer' });
    await gqlOk(owner, SendMessageDocument, { input: { applicantId: older.id, body: 'first' } });
    await gqlOk(owner, SendMessageDocument, { input: { applicantId: newer.id, body: 'second' } });

    const { threads, pages } = await wholeInbox(1);
    expect(pages).toBeGreaterThan(1);
    const mine = threads.filter((t) => t.applicantId === older.id || t.applicantId === newer.id).map((t) => t.applicantId);
    expect(mine).toEqual([newer.id, older.id]);
    const times = threads.map((t) => t.lastMessageAt ?? '');
    expect(times).toEqual([...times].sort().reverse());

    await gqlOk(staff, MarkThreadReadDocument, { applicantId: newer.id });
    const after = (await wholeInbox(100)).threads.map((t) => t.applicantId);
    expect(after).toContain(older.id);
    expect(after).not.toContain(newer.id);
  });

  it('given an applicant, when they ask for the staff inbox, then they are Unauthorized', async () => {
    expect((await gql(owner, StaffInboxDocument, {})).errors[0]?.errorType).toBe('Unauthorized');
  });
});
