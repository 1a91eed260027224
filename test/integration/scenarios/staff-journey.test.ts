import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  AssignApplicantDocument,
  ChangeApplicantStatusDocument,
  CreateApplicantDocument,
  GetApplicantDocument,
  GetMessageThreadDocument,
  ListApplicantsDocument,
  ListMessagesDocument,
  MarkThreadReadDocument,
  OnApplicantChangedDocument,
  OnStaffInboxMessageDocument,
  OnThreadMessageDocument,
  SendMessageDocument,
  StaffInboxDocument,
  SubmitApplicantDocument,
  type ApplicantFieldsFragment,
  type ApplicantStatus,
  type ListApplicantsQueryVariables,
} from '../../../schema/generated/client/graphql.ts';
import { createUser, signUpApplicant, type SignedInUser } from '../../setup/users.ts';
import { gql, gqlOk, subscribe, type Subscription } from '../support/api.ts';
import { collectPages } from '../support/paging.ts';

// A staff member's working day through the real stack: staff find the submitted applicant in the queue and take it;
// from then on the applicant's messages reach their staff inbox subscription (the question asked while nobody had the
// applicant did not: unassigned applicants are heard live by admins only). They move it through the pipeline one step
// at a time while the owner hears every change, then answer, which the owner's thread subscription receives live.
// Other suites fill the same queue and inbox, so lists are searched for this applicant, never counted.

let student: SignedInUser;
let staff: SignedInUser;
let applicant: ApplicantFieldsFragment;
let question: string;
let followUp: string;
let staffInbox: Subscription;
let ownerHearsApplicant: Subscription;
let ownerHearsThread: Subscription;

beforeAll(async () => {
  [student, staff] = await Promise.all([signUpApplicant({ fullName: 'Tomas Varga' }), createUser({ group: 'staff', fullName: 'Sam Counsellor' })]);
  staffInbox = await subscribe(staff, OnStaffInboxMessageDocument, {});
  const created = (
    await gqlOk(student, CreateApplicantDocument, {
      input: {
        firstName: 'Tomas',
        lastName: 'Varga',
        countryOfResidence: 'Hungary',
        studyDestination: 'USA',
        levelOfStudy: 'GRADUATE',
        serviceInterest: 'SCHOLARSHIP_SUPPORT',
      },
    })
  ).createApplicant;
  applicant = (await gqlOk(student, SubmitApplicantDocument, { id: created.id, expectedVersion: created.version })).submitApplicant;
  [ownerHearsApplicant, ownerHearsThread] = await Promise.all([
    subscribe(student, OnApplicantChangedDocument, { id: applicant.id }),
    subscribe(student, OnThreadMessageDocument, { applicantId: applicant.id }),
  ]);
  question = `When is my consultation? ${randomUUID()}`;
  await gqlOk(student, SendMessageDocument, { input: { applicantId: applicant.id, body: question } });
});

afterAll(() => {
  for (const subscription of [staffInbox, ownerHearsApplicant, ownerHearsThread]) subscription?.close();
});

/** The queue page by page until this applicant shows up. */
async function findInQueue(filter: ListApplicantsQueryVariables) {
  const queue = await collectPages(
    async (nextToken) => (await gqlOk(staff, ListApplicantsDocument, { ...filter, limit: 50, nextToken })).listApplicants,
    (found) => found.some((a) => a.id === applicant.id),
  );
  return queue.find((a) => a.id === applicant.id);
}

describe('a staff member’s journey', () => {
  it('picks the applicant up from the queue of submitted applicants', async () => {
    expect(await findInQueue({ status: 'DOCUMENTS_SUBMITTED' })).toMatchObject({ status: 'DOCUMENTS_SUBMITTED', assignedStaffId: null, assignedStaff: null });
  });

  it('assigns it to themselves: the applicant shows them, their own queue lists it, and the owner hears it', async () => {
    const assigned = (await gqlOk(staff, AssignApplicantDocument, { input: { id: applicant.id, staffId: staff.sub, expectedVersion: applicant.version } }))
      .assignApplicant;
    expect(assigned).toMatchObject({ assignedStaffId: staff.sub, status: 'DOCUMENTS_SUBMITTED', version: applicant.version + 1 });
    applicant = assigned;

    expect(await ownerHearsApplicant.next((a) => a.version === assigned.version)).toMatchObject({ assignedStaffId: staff.sub });
    expect((await gqlOk(student, GetApplicantDocument, { id: applicant.id })).getApplicant?.assignedStaff).toEqual({
      id: staff.sub,
      fullName: 'Sam Counsellor',
      email: staff.email.toLowerCase(),
    });
    expect(await findInQueue({ assignedStaffId: staff.sub })).toMatchObject({ assignedStaff: { id: staff.sub, fullName: 'Sam Counsellor' } });
  });

  it('hears the applicant’s next message on the staff inbox subscription, the first event it receives', async () => {
    followUp = `Should I bring my passport? ${randomUUID()}`;
    await gqlOk(student, SendMessageDocument, { input: { applicantId: applicant.id, body: followUp } });
    expect(await staffInbox.next()).toMatchObject({
      applicantId: applicant.id,
      body: followUp,
      senderId: student.sub,
      senderSide: 'APPLICANT',
      senderName: 'Tomas Varga',
      assignedStaffId: staff.sub,
    });
  });

  it('moves it through the pipeline one step at a time to ACCEPTED, and the owner hears every step in order', async () => {
    const steps: ApplicantStatus[] = ['DOCUMENTS_ACCEPTED', 'IN_REVIEW', 'CONSULTATION_SCHEDULED', 'APPLICATION_PROCESS', 'SCHOLARSHIP_ASSISTANCE', 'ACCEPTED'];
    for (const status of steps) {
      const moved = (
        await gqlOk(staff, ChangeApplicantStatusDocument, { input: { id: applicant.id, status, expectedVersion: applicant.version, note: `Step to ${status}` } })
      ).changeApplicantStatus;
      expect(moved).toMatchObject({ status, statusChangedBy: staff.sub, version: applicant.version + 1 });
      expect(await ownerHearsApplicant.next((a) => a.version === moved.version)).toMatchObject({ status });
      applicant = moved;
    }
    expect(await findInQueue({ status: 'ACCEPTED' })).toMatchObject({ status: 'ACCEPTED' });
  });

  it('cannot skip back out of a decision: ACCEPTED is final but for archiving', async () => {
    const result = await gql(staff, ChangeApplicantStatusDocument, { input: { id: applicant.id, status: 'IN_REVIEW', expectedVersion: applicant.version } });
    expect(result.errors).toEqual([expect.objectContaining({ errorType: 'TransitionNotAllowed' })]);
    expect((await gqlOk(staff, GetApplicantDocument, { id: applicant.id })).getApplicant).toMatchObject({ status: 'ACCEPTED', version: applicant.version });
  });

  it('finds the unread thread in the inbox, reads it, and it leaves the inbox', async () => {
    const inbox = async () =>
      collectPages(
        async (nextToken) => (await gqlOk(staff, StaffInboxDocument, { limit: 50, nextToken })).staffInbox,
        (threads) => threads.some((t) => t.applicantId === applicant.id),
      );
    expect((await inbox()).find((t) => t.applicantId === applicant.id)).toMatchObject({
      applicantName: 'Tomas Varga',
      unreadByStaff: 2,
      lastMessagePreview: followUp,
    });
    expect((await gqlOk(staff, ListMessagesDocument, { applicantId: applicant.id })).listMessages.items.map((m) => m.body)).toEqual([followUp, question]);

    expect((await gqlOk(staff, MarkThreadReadDocument, { applicantId: applicant.id })).markThreadRead).toMatchObject({ unreadByStaff: 0 });
    expect((await inbox()).map((t) => t.applicantId)).not.toContain(applicant.id);
  });

  it('answers, and the owner’s thread subscription receives the reply live', async () => {
    const answer = `Next Tuesday at 10:00 UTC. ${randomUUID()}`;
    const sent = (await gqlOk(staff, SendMessageDocument, { input: { applicantId: applicant.id, body: answer, recipientId: student.sub } })).sendMessage;

    expect(await ownerHearsThread.next((m) => m.id === sent.id)).toMatchObject({
      body: answer,
      senderId: staff.sub,
      senderSide: 'STAFF',
      senderName: 'Sam Counsellor',
      recipientId: student.sub,
    });
    expect((await gqlOk(student, GetMessageThreadDocument, { applicantId: applicant.id })).getMessageThread).toMatchObject({
      unreadByApplicant: 1,
      unreadByStaff: 0,
      lastSenderSide: 'STAFF',
    });
  });
});
