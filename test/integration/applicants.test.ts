import { DynamoDBClient, GetItemCommand, QueryCommand } from '@aws-sdk/client-dynamodb';
import { marshall, unmarshall } from '@aws-sdk/util-dynamodb';
import { print } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applicantKey, auditKey, threadKey } from '../../resolvers/lib/keys.ts';
import { counter as counterNamed } from './support/table-fixtures.ts';
import {
  ArchiveApplicantDocument,
  AssignApplicantDocument,
  ChangeApplicantStatusDocument,
  CreateApplicantDocument,
  DashboardSummaryDocument,
  GetApplicantDocument,
  GetMessageThreadDocument,
  ListApplicantsDocument,
  ListMyApplicantsDocument,
  OnApplicantChangedDocument,
  SetBundleStatusDocument,
  SubmitApplicantDocument,
  UpdateApplicantDocument,
  type ApplicantFieldsFragment,
  type ApplicantStatus,
} from '../../schema/generated/client/graphql.ts';
import { awsClientConfig, localStack } from '../setup/local-stack.ts';
import { openRealtime } from '../setup/realtime.ts';
import { createUser, type SignedInUser } from '../setup/users.ts';
import { applicantInput, gql, gqlOk } from './support/api.ts';

// Applicants through the running local stack over real HTTP: create, read, list, the pipeline, assignment, the
// bundle, the dashboard and the live subscription. Direct table reads check what was (not) written.
// The stack is shared with other suites running in parallel, so counter checks look only at statuses that this file
// moves applicants into (APPLICATION_PROCESS, SCHOLARSHIP_ASSISTANCE), never at DRAFT.

let owner: SignedInUser;
let stranger: SignedInUser;
let staff: SignedInUser;
let admin: SignedInUser;
let dynamodb: DynamoDBClient;

beforeAll(async () => {
  [owner, stranger, staff, admin] = await Promise.all([
    createUser({ group: 'applicant', fullName: 'Amara Okafor' }),
    createUser({ group: 'applicant', fullName: 'Bruno Stranger' }),
    createUser({ group: 'staff', fullName: 'Sam Staff' }),
    createUser({ group: 'admin', fullName: 'Ada Admin' }),
  ]);
  dynamodb = new DynamoDBClient(awsClientConfig(localStack().urls.dynamodb));
});
afterAll(() => dynamodb?.destroy());

async function tableItem(key: { pk: string; sk: string }) {
  const { Item } = await dynamodb.send(new GetItemCommand({ TableName: localStack().tableName, Key: marshall(key), ConsistentRead: true }));
  return Item ? unmarshall(Item) : null;
}

/** Every audit event of one applicant, oldest first, straight from its audit partition. */
async function auditTrail(applicantId: string): Promise<Record<string, unknown>[]> {
  const { Items = [] } = await dynamodb.send(
    new QueryCommand({
      TableName: localStack().tableName,
      KeyConditionExpression: 'pk = :pk',
      ExpressionAttributeValues: marshall({ ':pk': auditKey('APPLICANT', applicantId, '').pk }),
      ConsistentRead: true,
    }),
  );
  return Items.map((item) => unmarshall(item));
}

async function counter(status: ApplicantStatus): Promise<number> {
  return counterNamed(`applicants_${status}`);
}

async function create(by: SignedInUser = owner, overrides = {}): Promise<ApplicantFieldsFragment> {
  return (await gqlOk(by, CreateApplicantDocument, { input: applicantInput(overrides) })).createApplicant;
}

const forward: ApplicantStatus[] = ['DOCUMENTS_ACCEPTED', 'IN_REVIEW', 'CONSULTATION_SCHEDULED', 'APPLICATION_PROCESS', 'SCHOLARSHIP_ASSISTANCE'];

/** A new applicant of `owner`, submitted, then moved forward by staff until it reaches `status`. */
async function applicantIn(status: ApplicantStatus): Promise<ApplicantFieldsFragment> {
  let applicant = await create();
  if (status === 'DRAFT') return applicant;
  applicant = (await gqlOk(owner, SubmitApplicantDocument, { id: applicant.id, expectedVersion: applicant.version })).submitApplicant;
  for (const next of forward) {
    if (applicant.status === status) break;
    applicant = (await gqlOk(staff, ChangeApplicantStatusDocument, { input: { id: applicant.id, status: next, expectedVersion: applicant.version } }))
      .changeApplicantStatus;
  }
  return applicant;
}

describe('createApplicant', () => {
  it('given an applicant, when they create a profile, then it is DRAFT with an OPEN bundle, theirs, with a thread and an audit event', async () => {
    const created = await create(owner, { firstName: 'Amara', lastName: 'Okafor', annualBudgetUsd: 12000 });
    expect(created).toMatchObject({
      ownerId: owner.sub,
      firstName: 'Amara',
      status: 'DRAFT',
      statusChangedBy: owner.sub,
      previousStatus: null,
      assignedStaffId: null,
      annualBudgetUsd: 12000,
      latestEducation: null,
      bundle: { name: 'Registration documents', status: 'OPEN' },
      version: 1,
    });
    const thread = (await gqlOk(owner, GetMessageThreadDocument, { applicantId: created.id })).getMessageThread;
    expect(thread).toMatchObject({ applicantId: created.id, applicantName: 'Amara Okafor', unreadByStaff: 0, unreadByApplicant: 0, version: 1 });
    const trail = await auditTrail(created.id);
    expect(trail.map((e) => [e.action, e.actorId])).toEqual([['APPLICANT_CREATED', owner.sub]]);
  });

  it('given a budget over 10,000,000, when an applicant creates, then the error names the field and the rule and nothing is written', async () => {
    const fresh = await createUser({ group: 'applicant' });
    const result = await gql(fresh, CreateApplicantDocument, { input: applicantInput({ annualBudgetUsd: 10_000_001 }) });
    expect(result.errors[0]).toMatchObject({
      errorType: 'ValidationError',
      message: 'input.annualBudgetUsd: must be a whole number of US dollars from 0 to 10000000',
    });
    const mine = (await gqlOk(fresh, ListMyApplicantsDocument, {})).listMyApplicants;
    expect(mine.items).toEqual([]);
  });

  it('given staff or an admin, when they create an applicant, then they are Unauthorized', async () => {
    for (const caller of [staff, admin]) {
      const result = await gql(caller, CreateApplicantDocument, { input: applicantInput() });
      expect(result.errors[0]?.errorType).toBe('Unauthorized');
    }
  });
});

describe('getApplicant and listMyApplicants', () => {
  it('given an applicant, when its owner, staff, an admin or another applicant reads it, then the stranger gets null as for a missing one', async () => {
    const created = await create();
    for (const reader of [owner, staff, admin]) {
      expect((await gqlOk(reader, GetApplicantDocument, { id: created.id })).getApplicant?.id).toBe(created.id);
    }
    const byStranger = await gql(stranger, GetApplicantDocument, { id: created.id });
    expect(byStranger.errors).toEqual([]);
    expect(byStranger.data?.getApplicant).toBeNull();
    const missing = await gql(owner, GetApplicantDocument, { id: '01J0000000000000000000000Z' });
    expect(missing.data?.getApplicant).toBeNull();
  });

  it('given three applicants of one owner, when they page through listMyApplicants two at a time, then they get all three newest first and no one else\'s', async () => {
    const parent = await createUser({ group: 'applicant' });
    const ids: string[] = [];
    for (const firstName of ['One', 'Two', 'Three']) ids.push((await create(parent, { firstName })).id);
    const first = (await gqlOk(parent, ListMyApplicantsDocument, { limit: 2 })).listMyApplicants;
    expect(first.items.map((a) => a.firstName)).toEqual(['Three', 'Two']);
    expect(first.nextToken).toBeTruthy();
    const second = (await gqlOk(parent, ListMyApplicantsDocument, { limit: 2, nextToken: first.nextToken })).listMyApplicants;
    expect(second.items.map((a) => a.id)).toEqual([ids[0]]);
    expect(second.nextToken).toBeNull();
  });
});

describe('the pipeline', () => {
  it('given a DRAFT, when the owner submits and staff move it to a decision, then each step records who and when, bumps the version and is audited', async () => {
    const draft = await create();
    const submitted = (await gqlOk(owner, SubmitApplicantDocument, { id: draft.id, expectedVersion: 1 })).submitApplicant;
    expect(submitted).toMatchObject({ status: 'DOCUMENTS_SUBMITTED', statusChangedBy: owner.sub, version: 2, bundle: { status: 'SUBMITTED' } });

    let current = submitted;
    for (const next of [...forward, 'ACCEPTED' as const]) {
      current = (await gqlOk(staff, ChangeApplicantStatusDocument, { input: { id: draft.id, status: next, expectedVersion: current.version } }))
        .changeApplicantStatus;
      expect(current).toMatchObject({ status: next, statusChangedBy: staff.sub });
    }
    expect(current.version).toBe(8);
    const stored = await tableItem(applicantKey(draft.id));
    expect(stored).toMatchObject({ status: 'ACCEPTED', version: 8, gsi2pk: 'APPLICANT_STATUS#ACCEPTED' });
    const trail = await auditTrail(draft.id);
    expect(trail.map((e) => e.action)).toEqual([
      'APPLICANT_CREATED',
      'APPLICANT_SUBMITTED',
      ...forward.map(() => 'APPLICANT_ADVANCED'),
      'APPLICANT_DECIDED',
    ]);
    expect(JSON.parse(String(trail.at(-1)?.details))).toEqual({ from: 'SCHOLARSHIP_ASSISTANCE', to: 'ACCEPTED', via: 'changeApplicantStatus' });
  });

  it('given a skipped step, when staff ask for it, then TransitionNotAllowed names from and to, and nothing is written', async () => {
    const applicant = await applicantIn('CONSULTATION_SCHEDULED');
    const before = await counter('SCHOLARSHIP_ASSISTANCE');
    const trailBefore = await auditTrail(applicant.id);
    const result = await gql(staff, ChangeApplicantStatusDocument, {
      input: { id: applicant.id, status: 'SCHOLARSHIP_ASSISTANCE', expectedVersion: applicant.version },
    });
    expect(result.errors[0]).toMatchObject({ errorType: 'TransitionNotAllowed' });
    expect(result.errors[0]?.message).toContain('cannot change from CONSULTATION_SCHEDULED to SCHOLARSHIP_ASSISTANCE');
    expect(await tableItem(applicantKey(applicant.id))).toMatchObject({ status: 'CONSULTATION_SCHEDULED', version: applicant.version });
    expect(await auditTrail(applicant.id)).toEqual(trailBefore);
    expect(await counter('SCHOLARSHIP_ASSISTANCE')).toBe(before);
  });

  it('given a stale expectedVersion, when staff move the applicant, then ConflictError, and no audit event, no counter change, no change to the item', async () => {
    const applicant = await applicantIn('APPLICATION_PROCESS');
    const item = await tableItem(applicantKey(applicant.id));
    const [fromBefore, toBefore] = [await counter('APPLICATION_PROCESS'), await counter('SCHOLARSHIP_ASSISTANCE')];
    const trailBefore = await auditTrail(applicant.id);
    const result = await gql(staff, ChangeApplicantStatusDocument, {
      input: { id: applicant.id, status: 'SCHOLARSHIP_ASSISTANCE', expectedVersion: applicant.version - 1 },
    });
    expect(result.errors[0]?.errorType).toBe('ConflictError');
    expect(result.data).toBeNull();
    expect(await tableItem(applicantKey(applicant.id))).toEqual(item);
    expect(await auditTrail(applicant.id)).toEqual(trailBefore);
    expect([await counter('APPLICATION_PROCESS'), await counter('SCHOLARSHIP_ASSISTANCE')]).toEqual([fromBefore, toBefore]);
  });

  it('given two staff moves with the same expectedVersion at once, when both run, then exactly one wins, once in the counters and the audit trail', async () => {
    const applicant = await applicantIn('APPLICATION_PROCESS');
    const toBefore = await counter('SCHOLARSHIP_ASSISTANCE');
    const input = { id: applicant.id, status: 'SCHOLARSHIP_ASSISTANCE' as const, expectedVersion: applicant.version };
    const results = await Promise.all([gql(staff, ChangeApplicantStatusDocument, { input }), gql(admin, ChangeApplicantStatusDocument, { input })]);
    const winners = results.filter((r) => r.errors.length === 0);
    const losers = results.filter((r) => r.errors.length > 0);
    expect(winners).toHaveLength(1);
    expect(losers.map((r) => r.errors[0]?.errorType)).toEqual(['ConflictError']);
    expect(await tableItem(applicantKey(applicant.id))).toMatchObject({ status: 'SCHOLARSHIP_ASSISTANCE', version: applicant.version + 1 });
    expect((await auditTrail(applicant.id)).filter((e) => e.action === 'APPLICANT_ADVANCED')).toHaveLength(forward.indexOf('APPLICATION_PROCESS') + 2);
    expect(await counter('SCHOLARSHIP_ASSISTANCE')).toBe(toBefore + 1);
  });

  it('given a DOCUMENTS_SUBMITTED applicant, when staff send it back, then it is DRAFT with the bundle OPEN, and the owner can submit again', async () => {
    const applicant = await applicantIn('DOCUMENTS_SUBMITTED');
    const back = (await gqlOk(staff, ChangeApplicantStatusDocument, { input: { id: applicant.id, status: 'DRAFT', expectedVersion: applicant.version, note: 'Transcript missing' } }))
      .changeApplicantStatus;
    expect(back).toMatchObject({ status: 'DRAFT', bundle: { status: 'OPEN' } });
    const again = (await gqlOk(owner, SubmitApplicantDocument, { id: applicant.id, expectedVersion: back.version })).submitApplicant;
    expect(again.status).toBe('DOCUMENTS_SUBMITTED');
    const sentBack = (await auditTrail(applicant.id)).find((e) => e.action === 'APPLICANT_SENT_BACK');
    expect(JSON.parse(String(sentBack?.details))).toMatchObject({ note: 'Transcript missing' });
  });

  it('given staff, when they submit an owner\'s DRAFT, then it is refused: only the owner submits', async () => {
    const draft = await create();
    const result = await gql(staff, SubmitApplicantDocument, { id: draft.id, expectedVersion: 1 });
    expect(result.errors[0]).toMatchObject({ errorType: 'TransitionNotAllowed' });
  });

  it('given an applicant, when the owner archives it, then previousStatus keeps its status; the owner cannot restore it, staff can', async () => {
    const applicant = await applicantIn('IN_REVIEW');
    const archived = (await gqlOk(owner, ArchiveApplicantDocument, { id: applicant.id, expectedVersion: applicant.version })).archiveApplicant;
    expect(archived).toMatchObject({ status: 'ARCHIVED', previousStatus: 'IN_REVIEW', statusChangedBy: owner.sub });

    const byOwner = await gql(owner, ChangeApplicantStatusDocument, { input: { id: applicant.id, status: 'IN_REVIEW', expectedVersion: archived.version } });
    expect(byOwner.errors[0]?.errorType).toBe('Unauthorized');
    const elsewhere = await gql(staff, ChangeApplicantStatusDocument, { input: { id: applicant.id, status: 'DRAFT', expectedVersion: archived.version } });
    expect(elsewhere.errors[0]?.message).toContain('from ARCHIVED, changeApplicantStatus allows IN_REVIEW');

    const restored = (await gqlOk(staff, ChangeApplicantStatusDocument, { input: { id: applicant.id, status: 'IN_REVIEW', expectedVersion: archived.version } }))
      .changeApplicantStatus;
    expect(restored).toMatchObject({ status: 'IN_REVIEW', previousStatus: null });
  });

  it('given another applicant\'s applicant, when a stranger submits, archives or updates it, then NotFound and nothing is written', async () => {
    const draft = await create();
    const attempts = await Promise.all([
      gql(stranger, SubmitApplicantDocument, { id: draft.id, expectedVersion: 1 }),
      gql(stranger, ArchiveApplicantDocument, { id: draft.id, expectedVersion: 1 }),
      gql(stranger, UpdateApplicantDocument, { input: { id: draft.id, expectedVersion: 1, firstName: 'Mine' } }),
    ]);
    for (const attempt of attempts) expect(attempt.errors[0]).toMatchObject({ errorType: 'NotFound', message: 'Applicant not found' });
    expect(await tableItem(applicantKey(draft.id))).toMatchObject({ status: 'DRAFT', version: 1, firstName: draft.firstName });
    expect((await auditTrail(draft.id)).map((e) => e.action)).toEqual(['APPLICANT_CREATED']);
  });
});

describe('updateApplicant', () => {
  it('given a DRAFT, when the owner renames it, then only the name changes, the thread follows, and the version is bumped', async () => {
    const draft = await create(owner, { incomeSource: 'Family' });
    const updated = (await gqlOk(owner, UpdateApplicantDocument, { input: { id: draft.id, expectedVersion: 1, firstName: 'Ama' } })).updateApplicant;
    expect(updated).toMatchObject({ firstName: 'Ama', lastName: draft.lastName, incomeSource: 'Family', version: 2 });
    expect(await tableItem(threadKey(draft.id))).toMatchObject({ applicantName: `Ama ${draft.lastName}` });
  });

  it('given an applicant past DOCUMENTS_SUBMITTED, when the owner edits it, then NotEditable; staff may, and clear an optional field', async () => {
    const applicant = await applicantIn('DOCUMENTS_ACCEPTED');
    const byOwner = await gql(owner, UpdateApplicantDocument, { input: { id: applicant.id, expectedVersion: applicant.version, annualBudgetUsd: 1 } });
    expect(byOwner.errors[0]?.errorType).toBe('NotEditable');
    const byStaff = (await gqlOk(staff, UpdateApplicantDocument, { input: { id: applicant.id, expectedVersion: applicant.version, latestEducation: null } })).updateApplicant;
    expect(byStaff).toMatchObject({ latestEducation: null, version: applicant.version + 1 });
  });

  it('given a country of one letter, when the owner updates, then the error names the field and the rule and the item is unchanged', async () => {
    const draft = await create();
    const result = await gql(owner, UpdateApplicantDocument, { input: { id: draft.id, expectedVersion: 1, countryOfResidence: 'B' } });
    expect(result.errors[0]).toMatchObject({ errorType: 'ValidationError', message: 'input.countryOfResidence: must be at least 2 characters' });
    expect(await tableItem(applicantKey(draft.id))).toMatchObject({ version: 1, countryOfResidence: draft.countryOfResidence });
  });

  it('given a stale expectedVersion, when the owner updates, then ConflictError and no audit event', async () => {
    const draft = await create();
    await gqlOk(owner, UpdateApplicantDocument, { input: { id: draft.id, expectedVersion: 1, lastName: 'First' } });
    const stale = await gql(owner, UpdateApplicantDocument, { input: { id: draft.id, expectedVersion: 1, lastName: 'Second' } });
    expect(stale.errors[0]?.errorType).toBe('ConflictError');
    expect(await tableItem(applicantKey(draft.id))).toMatchObject({ lastName: 'First', version: 2 });
    expect((await auditTrail(draft.id)).map((e) => e.action)).toEqual(['APPLICANT_CREATED', 'APPLICANT_UPDATED']);
  });
});

describe('assignment, the queue and the bundle', () => {
  it('given a staff member, when an applicant is assigned to them, then their queue lists it, assignedStaff resolves, and unassigning takes it out', async () => {
    const applicant = await applicantIn('DOCUMENTS_SUBMITTED');
    const assigned = (await gqlOk(admin, AssignApplicantDocument, { input: { id: applicant.id, staffId: staff.sub, expectedVersion: applicant.version } })).assignApplicant;
    expect(assigned).toMatchObject({ assignedStaffId: staff.sub, version: applicant.version + 1 });

    const read = (await gqlOk(owner, GetApplicantDocument, { id: applicant.id })).getApplicant;
    expect(read?.assignedStaff).toMatchObject({ id: staff.sub, fullName: 'Sam Staff' });
    const queue = (await gqlOk(staff, ListApplicantsDocument, { assignedStaffId: staff.sub, status: 'DOCUMENTS_SUBMITTED', limit: 100 })).listApplicants;
    expect(queue.items.map((a) => a.id)).toContain(applicant.id);

    const unassigned = (await gqlOk(staff, AssignApplicantDocument, { input: { id: applicant.id, staffId: null, expectedVersion: assigned.version } })).assignApplicant;
    expect(unassigned.assignedStaffId).toBeNull();
    expect((await gqlOk(owner, GetApplicantDocument, { id: applicant.id })).getApplicant?.assignedStaff).toBeNull();
    const after = (await gqlOk(staff, ListApplicantsDocument, { assignedStaffId: staff.sub, limit: 100 })).listApplicants;
    expect(after.items.map((a) => a.id)).not.toContain(applicant.id);
    expect(await tableItem(applicantKey(applicant.id))).not.toHaveProperty('gsi3pk');
  });

  it('given an applicant user as the assignee, when staff assign, then the error names input.staffId and nothing is written', async () => {
    const draft = await create();
    const result = await gql(staff, AssignApplicantDocument, { input: { id: draft.id, staffId: stranger.sub, expectedVersion: 1 } });
    expect(result.errors[0]).toMatchObject({ errorType: 'ValidationError', message: 'input.staffId: must be an active staff member or admin' });
    expect(await tableItem(applicantKey(draft.id))).toMatchObject({ version: 1 });
  });

  it('given the status queue, when staff page it one at a time, then pages follow with nextToken, newest first, each in that status', async () => {
    await applicantIn('IN_REVIEW');
    await applicantIn('IN_REVIEW');
    const first = (await gqlOk(staff, ListApplicantsDocument, { status: 'IN_REVIEW', limit: 1 })).listApplicants;
    expect(first.items).toHaveLength(1);
    expect(first.nextToken).toBeTruthy();
    const second = (await gqlOk(staff, ListApplicantsDocument, { status: 'IN_REVIEW', limit: 1, nextToken: first.nextToken })).listApplicants;
    expect(second.items).toHaveLength(1);
    expect(second.items[0]!.id < first.items[0]!.id).toBe(true);
    for (const a of [...first.items, ...second.items]) expect(a.status).toBe('IN_REVIEW');
  });

  it('given an applicant user, when they list the queue, then they are Unauthorized', async () => {
    expect((await gql(owner, ListApplicantsDocument, {})).errors[0]?.errorType).toBe('Unauthorized');
  });

  it('given staff, when they set the bundle status, then it changes and is audited; the owner may not', async () => {
    const applicant = await applicantIn('DOCUMENTS_SUBMITTED');
    const set = (await gqlOk(staff, SetBundleStatusDocument, { input: { applicantId: applicant.id, status: 'APPROVED', expectedVersion: applicant.version } })).setBundleStatus;
    expect(set).toMatchObject({ status: 'DOCUMENTS_SUBMITTED', bundle: { name: 'Registration documents', status: 'APPROVED' }, version: applicant.version + 1 });
    expect((await auditTrail(applicant.id)).at(-1)).toMatchObject({ action: 'BUNDLE_STATUS_SET', actorId: staff.sub });
    const byOwner = await gql(owner, SetBundleStatusDocument, { input: { applicantId: applicant.id, status: 'OPEN', expectedVersion: set.version } });
    expect(byOwner.errors[0]?.errorType).toBe('Unauthorized');
  });
});

describe('dashboardSummary', () => {
  it('given the counters, when an admin and staff read the dashboard, then every status is listed, and only the admin sees revenue', async () => {
    const byAdmin = (await gqlOk(admin, DashboardSummaryDocument, {})).dashboardSummary;
    expect(byAdmin.applicantsByStatus.map((s) => s.status)).toHaveLength(10);
    expect(byAdmin.acceptedClients).toBe(byAdmin.applicantsByStatus.find((s) => s.status === 'ACCEPTED')?.count);
    expect(typeof byAdmin.totalRevenueCents).toBe('number');
    const byStaff = (await gqlOk(staff, DashboardSummaryDocument, {})).dashboardSummary;
    expect(byStaff.totalRevenueCents).toBeNull();
    expect((await gql(owner, DashboardSummaryDocument, {})).errors[0]?.errorType).toBe('Unauthorized');
  });

  it('given an applicant moved into APPLICATION_PROCESS, when the dashboard is read before and after, then that count went up', async () => {
    const before = (await gqlOk(admin, DashboardSummaryDocument, {})).dashboardSummary;
    await applicantIn('APPLICATION_PROCESS');
    const after = (await gqlOk(admin, DashboardSummaryDocument, {})).dashboardSummary;
    const count = (s: typeof before) => s.applicantsByStatus.find((x) => x.status === 'APPLICATION_PROCESS')?.count ?? 0;
    expect(count(after)).toBeGreaterThanOrEqual(count(before) + 1);
  });
});

describe('onApplicantChanged', () => {
  const subscription = print(OnApplicantChangedDocument);

  it('given the owner subscribed to their applicant and staff to all, when staff move it, then both hear it; another applicant cannot subscribe to it', async () => {
    const applicant = await applicantIn('DOCUMENTS_SUBMITTED');
    const ownerSocket = await openRealtime(owner.idToken);
    const staffSocket = await openRealtime(staff.idToken);
    const strangerSocket = await openRealtime(stranger.idToken);
    try {
      const mine = await ownerSocket.subscribe(subscription, { id: applicant.id });
      const all = await staffSocket.subscribe(subscription, {});
      await expect(strangerSocket.subscribe(subscription, { id: applicant.id })).rejects.toThrow(/not found/i);
      await expect(strangerSocket.subscribe(subscription, {})).rejects.toThrow(/Unauthorized|Not Authorized/i);

      const other = await applicantIn('DRAFT');
      await gqlOk(owner, UpdateApplicantDocument, { input: { id: other.id, expectedVersion: 1, lastName: 'Elsewhere' } });
      await gqlOk(staff, ChangeApplicantStatusDocument, { input: { id: applicant.id, status: 'DOCUMENTS_ACCEPTED', expectedVersion: applicant.version } });

      const heard = (await mine.next()).data as { onApplicantChanged: ApplicantFieldsFragment };
      expect(heard.onApplicantChanged).toMatchObject({ id: applicant.id, status: 'DOCUMENTS_ACCEPTED' });
      // Other suites share the stack, so staff may hear their applicants too: read until both of ours arrived.
      const wanted = new Set([applicant.id, other.id]);
      for (let i = 0; i < 50 && wanted.size > 0; i += 1) {
        wanted.delete(((await all.next()).data as { onApplicantChanged: ApplicantFieldsFragment }).onApplicantChanged.id);
      }
      expect([...wanted]).toEqual([]);
      await mine.expectSilence(300);
    } finally {
      await Promise.all([ownerSocket.close(), staffSocket.close(), strangerSocket.close()]);
    }
  });
});
