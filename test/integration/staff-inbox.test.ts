import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AssignApplicantDocument, OnStaffInboxMessageDocument, SendMessageDocument, type StaffInboxScope } from '../../schema/generated/client/graphql.ts';
import { createUser, signUpApplicant, type SignedInUser } from '../setup/users.ts';
import { createApplicant, gqlOk, subscribe, type Subscription } from './support/api.ts';
import { openRealtimeSession } from './support/realtime-callers.ts';

// Who hears an applicant's message live on onStaffInboxMessage, through the real WebSocket: the staff member the
// applicant is assigned to (scope ASSIGNED_TO_ME, the default); for an unassigned applicant, admins with scope ALL
// only; never the sender's own side. A subscriber that must not hear a message is shown to receive, as its very first
// event, a later message it must hear: events reach one subscription in the order they were published.

let staffA: SignedInUser;
let staffB: SignedInUser;
let admin: SignedInUser;
let owner: SignedInUser;
/** Applicant ids: assigned to staff A, to staff B, to the admin, and to nobody. */
const applicants = { ofA: '', ofB: '', ofAdmin: '', unassigned: '' };
const open: Subscription[] = [];

async function assignedTo(staffId: string | null): Promise<string> {
  const created = await createApplicant(owner);
  if (!staffId) return created.id;
  await gqlOk(admin, AssignApplicantDocument, { input: { id: created.id, staffId, expectedVersion: created.version } });
  return created.id;
}

async function inbox(user: SignedInUser, scope?: StaffInboxScope): Promise<Subscription> {
  const subscription = await subscribe(user, OnStaffInboxMessageDocument, scope ? { scope } : {});
  open.push(subscription);
  return subscription;
}

async function write(user: SignedInUser, applicantId: string): Promise<string> {
  const body = `Message ${randomUUID()}`;
  await gqlOk(user, SendMessageDocument, { input: { applicantId, body } });
  return body;
}

beforeAll(async () => {
  [staffA, staffB, admin, owner] = await Promise.all([
    createUser({ group: 'staff', fullName: 'Asha Assigned' }),
    createUser({ group: 'staff', fullName: 'Bruno Bystander' }),
    createUser({ group: 'admin', fullName: 'Ines Admin' }),
    signUpApplicant({ fullName: 'Olu Owner' }),
  ]);
  [applicants.ofA, applicants.ofB, applicants.ofAdmin, applicants.unassigned] = await Promise.all([
    assignedTo(staffA.sub),
    assignedTo(staffB.sub),
    assignedTo(admin.sub),
    assignedTo(null),
  ]);
});

afterAll(() => {
  for (const subscription of open) subscription.close();
});

describe('onStaffInboxMessage routing', () => {
  it('given an applicant assigned to staff A, when its owner writes, then A hears it and staff B does not', async () => {
    const [a, b] = await Promise.all([inbox(staffA), inbox(staffB)]);
    const toA = await write(owner, applicants.ofA);
    const toB = await write(owner, applicants.ofB);

    expect(await a.next()).toMatchObject({ applicantId: applicants.ofA, body: toA, senderSide: 'APPLICANT', assignedStaffId: staffA.sub });
    expect(await b.next()).toMatchObject({ applicantId: applicants.ofB, body: toB, assignedStaffId: staffB.sub });
  });

  it('given an unassigned applicant, when its owner writes, then no staff member hears it and an admin with scope ALL does', async () => {
    const [a, all] = await Promise.all([inbox(staffA), inbox(admin, 'ALL')]);
    const unassigned = await write(owner, applicants.unassigned);
    const toA = await write(owner, applicants.ofA);

    expect(await a.next()).toMatchObject({ body: toA });
    expect(await all.next()).toMatchObject({ applicantId: applicants.unassigned, body: unassigned, assignedStaffId: null });
    expect(await all.next()).toMatchObject({ applicantId: applicants.ofA, body: toA });
  });

  it('given an admin with the default scope, when owners write, then the admin hears only the applicants assigned to them', async () => {
    const mine = await inbox(admin);
    await write(owner, applicants.ofA);
    await write(owner, applicants.unassigned);
    const toAdmin = await write(owner, applicants.ofAdmin);

    expect(await mine.next()).toMatchObject({ applicantId: applicants.ofAdmin, body: toAdmin, assignedStaffId: admin.sub });
  });

  it('given a staff member, when they ask for scope ALL, then the subscription is refused as Unauthorized', async () => {
    const session = await openRealtimeSession(staffA);
    try {
      const answer = await session.start(OnStaffInboxMessageDocument, { scope: 'ALL' });
      expect(answer).toMatchObject({ acknowledged: false, errors: [expect.objectContaining({ errorType: 'Unauthorized' })] });
    } finally {
      session.close();
    }
  });

  it('given staff A, when A replies on an assigned thread, then A does not hear the reply, only the owner’s next message', async () => {
    const a = await inbox(staffA);
    await write(staffA, applicants.ofA);
    const fromOwner = await write(owner, applicants.ofA);

    expect(await a.next()).toMatchObject({ body: fromOwner, senderSide: 'APPLICANT' });
  });

  it('given an applicant reassigned from A to B, when its owner writes, then B hears it and A does not', async () => {
    const moved = await createApplicant(owner);
    const toA = (await gqlOk(admin, AssignApplicantDocument, { input: { id: moved.id, staffId: staffA.sub, expectedVersion: moved.version } })).assignApplicant;
    await gqlOk(admin, AssignApplicantDocument, { input: { id: moved.id, staffId: staffB.sub, expectedVersion: toA.version } });
    const [a, b] = await Promise.all([inbox(staffA), inbox(staffB)]);
    const afterMove = await write(owner, moved.id);
    const stillA = await write(owner, applicants.ofA);

    expect(await b.next()).toMatchObject({ applicantId: moved.id, body: afterMove, assignedStaffId: staffB.sub });
    expect(await a.next()).toMatchObject({ body: stillA });
  });
});
