import { beforeAll, describe, expect, it } from 'vitest';
import {
  AssignApplicantDocument,
  CreateTaskDocument,
  ListApplicantsDocument,
  ListTasksDocument,
  SetTaskStatusDocument,
  SubmitApplicantDocument,
} from '../../schema/generated/client/graphql.ts';
import { createUser, signUpApplicant, type SignedInUser } from '../setup/users.ts';
import { createApplicant, gqlOk } from './support/api.ts';

// A list filtered by assignee AND status answers full pages: the status is part of the index key (gsi5), not a
// filter applied after DynamoDB's Limit, which would return short or empty pages with a nextToken.
// Each case makes 100 items for a fresh assignee, every fourth (25) in the status asked for, newest first interleaved.

const total = 100;
const matching = (i: number) => i % 4 === 0;

/** Runs `make(i)` for i in 0..n-1, ten at a time. */
async function inBatches<T>(n: number, make: (i: number) => Promise<T>): Promise<T[]> {
  const out: T[] = [];
  for (let start = 0; start < n; start += 10) {
    out.push(...(await Promise.all(Array.from({ length: Math.min(10, n - start) }, (_, k) => make(start + k)))));
  }
  return out;
}

let owner: SignedInUser;
let staff: SignedInUser;

beforeAll(async () => {
  [owner, staff] = await Promise.all([signUpApplicant(), createUser({ group: 'staff' })]);
});

describe('listApplicants by assignee and status', () => {
  let submitted: string[];

  beforeAll(async () => {
    const made = await inBatches(total, async (i) => {
      const created = await createApplicant(owner);
      const assigned = (await gqlOk(staff, AssignApplicantDocument, { input: { id: created.id, staffId: staff.sub, expectedVersion: created.version } }))
        .assignApplicant;
      if (matching(i)) await gqlOk(owner, SubmitApplicantDocument, { id: created.id, expectedVersion: assigned.version });
      return { id: created.id, submitted: matching(i) };
    });
    submitted = made.filter((a) => a.submitted).map((a) => a.id);
  });

  it('given 25 of their 100 applicants submitted, when staff list that status with limit 20, then the first page holds 20 and the next the other 5', async () => {
    const args = { assignedStaffId: staff.sub, status: 'DOCUMENTS_SUBMITTED' as const, limit: 20 };

    const first = (await gqlOk(staff, ListApplicantsDocument, args)).listApplicants;
    const second = (await gqlOk(staff, ListApplicantsDocument, { ...args, nextToken: first.nextToken })).listApplicants;

    expect(first.items).toHaveLength(20);
    expect(first.nextToken).toBeTruthy();
    expect(second.items).toHaveLength(5);
    expect(second.nextToken ?? null).toBeNull();
    const listed = [...first.items, ...second.items];
    expect(listed.map((a) => a.id).sort()).toEqual([...submitted].sort());
    for (const a of listed) expect(a).toMatchObject({ status: 'DOCUMENTS_SUBMITTED', assignedStaffId: staff.sub });
  });

  it('given one of them unassigned, when staff list that status again, then it is gone from their pages', async () => {
    const leaving = submitted[0]!;
    const args = { assignedStaffId: staff.sub, status: 'DOCUMENTS_SUBMITTED' as const, limit: 100 };
    const before = (await gqlOk(staff, ListApplicantsDocument, args)).listApplicants.items.find((a) => a.id === leaving);

    await gqlOk(staff, AssignApplicantDocument, { input: { id: leaving, staffId: null, expectedVersion: before!.version } });

    const after = (await gqlOk(staff, ListApplicantsDocument, args)).listApplicants;
    expect(after.items).toHaveLength(24);
    expect(after.items.map((a) => a.id)).not.toContain(leaving);
  });
});

describe('listTasks by assignee and status', () => {
  let assignee: SignedInUser;
  let started: string[];

  beforeAll(async () => {
    // An applicant user as the assignee, so their own listing takes the caller's-own path, not the staff status queue.
    assignee = await signUpApplicant();
    const made = await inBatches(total, async (i) => {
      const task = (await gqlOk(staff, CreateTaskDocument, { input: { assigneeId: assignee.sub, title: `Task ${i}` } })).createTask;
      if (matching(i)) await gqlOk(assignee, SetTaskStatusDocument, { input: { id: task.id, status: 'IN_PROGRESS', expectedVersion: task.version } });
      return { id: task.id, started: matching(i) };
    });
    started = made.filter((t) => t.started).map((t) => t.id);
  });

  it('given 25 of their 100 tasks in progress, when staff list that assignee and status with limit 20, then the pages hold 20 and 5', async () => {
    const args = { assigneeId: assignee.sub, status: 'IN_PROGRESS' as const, limit: 20 };

    const first = (await gqlOk(staff, ListTasksDocument, args)).listTasks;
    const second = (await gqlOk(staff, ListTasksDocument, { ...args, nextToken: first.nextToken })).listTasks;

    expect(first.items).toHaveLength(20);
    expect(second.items).toHaveLength(5);
    expect(second.nextToken ?? null).toBeNull();
    expect([...first.items, ...second.items].map((t) => t.id).sort()).toEqual([...started].sort());
  });

  it('given the same tasks, when the assignee lists their own by status with limit 20, then the first page is full', async () => {
    const first = (await gqlOk(assignee, ListTasksDocument, { status: 'IN_PROGRESS', limit: 20 })).listTasks;

    expect(first.items).toHaveLength(20);
    for (const t of first.items) expect(t).toMatchObject({ status: 'IN_PROGRESS', assigneeId: assignee.sub });
  });
});
