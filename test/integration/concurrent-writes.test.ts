import { beforeAll, describe, expect, it } from 'vitest';
import {
  AssignApplicantDocument,
  CreateTaskDocument,
  GetMessageThreadDocument,
  MarkThreadReadDocument,
  OnStaffInboxMessageDocument,
  ReviewDocumentDocument,
  SendMessageDocument,
  UpdateApplicantDocument,
  UpdateTaskDocument,
} from '../../schema/generated/client/graphql.ts';
import { createUser, type SignedInUser } from '../setup/users.ts';
import { createApplicant, emailsTo, eventually, gql, gqlOk, type GraphqlResult } from './support/api.ts';
import { openRealtimeSession } from './support/realtime-callers.ts';
import { putDocument } from './support/table-fixtures.ts';

// Behaviour under concurrency, through the real API: optimistic locks, the one email per unread run, and who hears
// what on the staff inbox subscription.

let owner: SignedInUser;
let staff: SignedInUser;
beforeAll(async () => {
  [owner, staff] = await Promise.all([createUser({ group: 'applicant' }), createUser({ group: 'staff' })]);
});

/** Emails this address received with a subject starting `New message`, once no more arrive for a while. */
async function settledNewMessageEmails(address: string, atLeast: number): Promise<number> {
  const count = async () => (await emailsTo(address)).filter((e) => e.subject.startsWith('New message')).length;
  await eventually(`${atLeast} new-message email(s) to ${address}`, async () => (await count()) >= atLeast);
  await new Promise((resolve) => setTimeout(resolve, 1500));
  return count();
}

const errorTypes = (results: GraphqlResult<unknown>[]) => results.flatMap((r) => r.errors.map((e) => e.errorType));

describe('one expectedVersion, two concurrent writes: exactly one ConflictError', () => {
  it('given an applicant at version 1, when two edits with expectedVersion 1 race, then one succeeds and one is a ConflictError', async () => {
    const applicant = await createApplicant(owner);
    const edit = (firstName: string) => gql(owner, UpdateApplicantDocument, { input: { id: applicant.id, expectedVersion: applicant.version, firstName } });
    const results = await Promise.all([edit('Ana'), edit('Bia')]);
    expect(results.filter((r) => r.errors.length === 0)).toHaveLength(1);
    expect(errorTypes(results)).toEqual(['ConflictError']);
  });

  it('given a task at version 1, when two updates with expectedVersion 1 race, then one succeeds and one is a ConflictError', async () => {
    const task = (await gqlOk(staff, CreateTaskDocument, { input: { assigneeId: staff.sub, title: 'Call the applicant' } })).createTask;
    const update = (title: string) => gql(staff, UpdateTaskDocument, { input: { id: task.id, expectedVersion: task.version, title } });
    const results = await Promise.all([update('Call today'), update('Call tomorrow')]);
    expect(results.filter((r) => r.errors.length === 0)).toHaveLength(1);
    expect(errorTypes(results)).toEqual(['ConflictError']);
  });

  it('given an UPLOADED document at version 1, when two reviews with expectedVersion 1 race, then one succeeds and one is a ConflictError', async () => {
    const applicant = await createApplicant(owner);
    const document = await putDocument({ id: applicant.id, ownerId: owner.sub });
    const review = (decision: 'ACCEPTED' | 'REJECTED') =>
      gql(staff, ReviewDocumentDocument, {
        input: { applicantId: applicant.id, documentId: String(document.id), decision, expectedVersion: 1, ...(decision === 'REJECTED' ? { reason: 'Blurry' } : {}) },
      });
    const results = await Promise.all([review('ACCEPTED'), review('REJECTED')]);
    expect(results.filter((r) => r.errors.length === 0)).toHaveLength(1);
    expect(errorTypes(results)).toEqual(['ConflictError']);
  });
});

describe('the new-message email', () => {
  it('given an owner with nothing unread, when one staff reply is sent, then the owner gets one new-message email', async () => {
    const applicant = await createApplicant(owner, { firstName: 'Lia', lastName: 'Mendes' });
    const before = (await emailsTo(owner.email)).length;
    await gqlOk(staff, SendMessageDocument, { input: { applicantId: applicant.id, body: 'Your transcript arrived.' } });
    const emails = await eventually('the new-message email', async () => {
      const all = await emailsTo(owner.email);
      return all.length > before ? all.slice(before) : null;
    });
    expect(emails.map((e) => e.subject)).toEqual(['New message about Lia Mendes']);
  });

  it('given an owner with nothing unread, when 40 staff replies race, then exactly one email is sent and every reply is stored', async () => {
    const recipient = await createUser({ group: 'applicant' });
    const applicant = await createApplicant(recipient);
    const replies = await Promise.all(
      Array.from({ length: 40 }, (_, i) => gql(staff, SendMessageDocument, { input: { applicantId: applicant.id, body: `Reply ${i}` } })),
    );
    expect(errorTypes(replies)).toEqual([]);
    expect(await settledNewMessageEmails(recipient.email, 1)).toBe(1);
    const thread = (await gqlOk(recipient, GetMessageThreadDocument, { applicantId: applicant.id })).getMessageThread;
    expect(thread?.unreadByApplicant).toBe(40);

    // Reading ends the run: the next burst sends exactly one more.
    await gqlOk(recipient, MarkThreadReadDocument, { applicantId: applicant.id });
    await Promise.all(Array.from({ length: 10 }, (_, i) => gqlOk(staff, SendMessageDocument, { input: { applicantId: applicant.id, body: `Again ${i}` } })));
    expect(await settledNewMessageEmails(recipient.email, 2)).toBe(2);
  });
});

describe('the staff inbox subscription', () => {
  it('given staff listening, when they reply and then the applicant writes, then they hear only the applicant', async () => {
    const applicant = await createApplicant(owner);
    await gqlOk(staff, AssignApplicantDocument, { input: { id: applicant.id, staffId: staff.sub, expectedVersion: applicant.version } });
    const session = await openRealtimeSession(staff);
    try {
      const started = await session.start(OnStaffInboxMessageDocument, {});
      if (!started.acknowledged) throw new Error(`Refused: ${JSON.stringify(started.errors)}`);
      await gqlOk(staff, SendMessageDocument, { input: { applicantId: applicant.id, body: 'Staff reply nobody on staff should hear' } });
      await gqlOk(owner, SendMessageDocument, { input: { applicantId: applicant.id, body: 'Applicant question' } });
      // Other suites' applicants write meanwhile, so only this thread's events count; the reply went first, so were it
      // delivered it would be the first of them.
      const heard = await started.subscription.next((m) => m.applicantId === applicant.id);
      expect(heard).toMatchObject({ body: 'Applicant question', senderSide: 'APPLICANT' });
    } finally {
      session.close();
    }
  });
});
