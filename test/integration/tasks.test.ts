import { print } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { taskKey } from '../../resolvers/lib/keys.ts';
import {
  CreateTaskDocument,
  ListTasksDocument,
  OnTaskChangedDocument,
  SetTaskStatusDocument,
  UpdateTaskDocument,
  type CreateTaskInput,
  type TaskFieldsFragment,
  type TaskStatus,
} from '../../schema/generated/client/graphql.ts';
import { openRealtime, type RealtimeConnection } from '../setup/realtime.ts';
import { createUser, signUpApplicant, type SignedInUser } from '../setup/users.ts';
import { createApplicant, gql, gqlOk } from './support/api.ts';
import { auditEventsOf, counter, getItem } from './support/table-fixtures.ts';

// Tasks through the running local stack over real HTTP: create, update, status moves with the pendingTasks counter,
// the lists and the live subscription. Direct table reads check what was (not) written.
// The counters item is shared with suites running in parallel; only this file creates or moves tasks.

let owner: SignedInUser;
let stranger: SignedInUser;
let staff: SignedInUser;
let otherStaff: SignedInUser;
let applicantId: string;
const connections: RealtimeConnection[] = [];

beforeAll(async () => {
  [owner, stranger, staff, otherStaff] = await Promise.all([
    signUpApplicant(),
    signUpApplicant(),
    createUser({ group: 'staff' }),
    createUser({ group: 'staff' }),
  ]);
  applicantId = (await createApplicant(owner)).id;
});

afterAll(async () => {
  await Promise.all(connections.map((c) => c.close()));
});

async function realtime(user: SignedInUser): Promise<RealtimeConnection> {
  const connection = await openRealtime(user.idToken);
  connections.push(connection);
  return connection;
}

async function createTask(input: Partial<CreateTaskInput> = {}): Promise<TaskFieldsFragment> {
  return (await gqlOk(staff, CreateTaskDocument, { input: { applicantId, assigneeId: owner.sub, title: 'Upload your transcript', ...input } })).createTask;
}

const setStatus = (user: SignedInUser, task: { id: string; version: number }, status: TaskStatus) =>
  gql(user, SetTaskStatusDocument, { input: { id: task.id, status, expectedVersion: task.version } });

describe('createTask', () => {
  it('given staff, when they create a task on an applicant, then it is PENDING, counted and audited', async () => {
    const before = await counter('pendingTasks');
    const task = await createTask({ description: 'The latest one', dueAt: '2030-01-15T17:00:00.000Z' });
    expect(task).toMatchObject({
      applicantId,
      assigneeId: owner.sub,
      title: 'Upload your transcript',
      description: 'The latest one',
      status: 'PENDING',
      dueAt: '2030-01-15T17:00:00.000Z',
      createdBy: staff.sub,
      version: 1,
    });
    expect(await counter('pendingTasks')).toBe(before + 1);
    expect(await getItem(taskKey(task.id))).toMatchObject({ gsi2pk: 'TASK_STATUS#PENDING', gsi3pk: `ASSIGNEE#${owner.sub}` });
    expect(await auditEventsOf('TASK', task.id)).toEqual([expect.objectContaining({ action: 'TASK_CREATED', actorId: staff.sub })]);
  });

  it.each([
    [{ assigneeId: 'no-such-user' }, 'input.assigneeId: must be an existing, active user'],
    [{ applicantId: '01JNZZZZZZZZZZZZZZZZZZZZZZ' }, 'input.applicantId: must be an existing applicant'],
    [{ title: '' }, 'input.title: must not be empty'],
  ])('given %j, when staff create the task, then the error names the field and nothing is written or counted', async (change, message) => {
    const before = await counter('pendingTasks');
    const result = await gql(staff, CreateTaskDocument, { input: { applicantId, assigneeId: owner.sub, title: 'A task', ...change } });
    expect(result.data).toBeNull();
    expect(result.errors).toEqual([expect.objectContaining({ errorType: 'ValidationError', message })]);
    expect(await counter('pendingTasks')).toBe(before);
  });

  it('given an applicant, when they try to create a task, then it is Unauthorized', async () => {
    const result = await gql(owner, CreateTaskDocument, { input: { assigneeId: owner.sub, title: 'Me' } });
    expect(result.errors.map((e) => e.errorType)).toEqual(['Unauthorized']);
  });
});

describe('updateTask', () => {
  it('given a task, when staff change only its title, then the rest stays and the version moves', async () => {
    const task = await createTask({ description: 'Keep me' });
    const updated = (await gqlOk(staff, UpdateTaskDocument, { input: { id: task.id, expectedVersion: 1, title: 'Upload both transcripts' } })).updateTask;
    expect(updated).toMatchObject({ title: 'Upload both transcripts', description: 'Keep me', assigneeId: owner.sub, version: 2 });
  });

  it('given a task, when staff move it to another assignee, then the assignee lists follow', async () => {
    const task = await createTask({ title: 'Call the school' });
    const moved = (await gqlOk(staff, UpdateTaskDocument, { input: { id: task.id, expectedVersion: 1, assigneeId: otherStaff.sub } })).updateTask;
    expect(moved.assigneeId).toBe(otherStaff.sub);
    const theirs = (await gqlOk(otherStaff, ListTasksDocument, {})).listTasks.items.map((t) => t.id);
    const owners = (await gqlOk(owner, ListTasksDocument, { limit: 100 })).listTasks.items.map((t) => t.id);
    expect(theirs).toContain(task.id);
    expect(owners).not.toContain(task.id);
  });

  it('given an unknown assignee or a stale version, when staff update, then the error says which and nothing changes', async () => {
    const task = await createTask();
    const unknown = await gql(staff, UpdateTaskDocument, { input: { id: task.id, expectedVersion: 1, assigneeId: 'no-such-user' } });
    expect(unknown.errors).toEqual([expect.objectContaining({ errorType: 'ValidationError', message: 'input.assigneeId: must be an existing, active user' })]);
    const stale = await gql(staff, UpdateTaskDocument, { input: { id: task.id, expectedVersion: 5, title: 'Late' } });
    expect(stale.errors.map((e) => e.errorType)).toEqual(['ConflictError']);
    expect(await getItem(taskKey(task.id))).toMatchObject({ version: 1, assigneeId: owner.sub, title: 'Upload your transcript' });
    expect(await auditEventsOf('TASK', task.id)).toHaveLength(1);
  });
});

describe('setTaskStatus', () => {
  it('given the assignee, when they start and complete a task, then the counter moves only when it leaves the open set', async () => {
    const task = await createTask();
    const start = await counter('pendingTasks');
    const started = (await setStatus(owner, task, 'IN_PROGRESS')).data!.setTaskStatus;
    expect(started).toMatchObject({ status: 'IN_PROGRESS', version: 2 });
    expect(await counter('pendingTasks')).toBe(start);
    const done = (await setStatus(owner, started, 'COMPLETED')).data!.setTaskStatus;
    expect(done).toMatchObject({ status: 'COMPLETED', version: 3 });
    expect(await counter('pendingTasks')).toBe(start - 1);

    const reopenByAssignee = await setStatus(owner, done, 'PENDING');
    expect(reopenByAssignee.errors).toEqual([expect.objectContaining({ errorType: 'TransitionNotAllowed' })]);
    expect(reopenByAssignee.errors[0]!.message).toBe(
      'Task status cannot change from COMPLETED to PENDING: it is finished; only staff reopen it, to PENDING (see docs/pipeline.md)',
    );
    const reopened = (await setStatus(staff, done, 'PENDING')).data!.setTaskStatus;
    expect(reopened).toMatchObject({ status: 'PENDING', version: 4 });
    expect(await counter('pendingTasks')).toBe(start);
    expect((await auditEventsOf('TASK', task.id)).map((e) => [e.action, JSON.parse(String(e.details))])).toEqual([
      ['TASK_CREATED', expect.any(Object)],
      ['TASK_STATUS_CHANGED', { from: 'PENDING', to: 'IN_PROGRESS' }],
      ['TASK_STATUS_CHANGED', { from: 'IN_PROGRESS', to: 'COMPLETED' }],
      ['TASK_STATUS_CHANGED', { from: 'COMPLETED', to: 'PENDING' }],
    ]);
  });

  it('given two moves with the same expectedVersion at once, when both arrive, then exactly one wins and the counter moves once', async () => {
    const task = await createTask();
    const before = await counter('pendingTasks');
    const results = await Promise.all([setStatus(owner, task, 'COMPLETED'), setStatus(staff, task, 'CANCELLED')]);
    const winners = results.filter((r) => r.errors.length === 0);
    const losers = results.filter((r) => r.errors.length > 0);
    expect(winners).toHaveLength(1);
    expect(losers.flatMap((r) => r.errors.map((e) => e.errorType))).toEqual(['ConflictError']);
    expect(await counter('pendingTasks')).toBe(before - 1);
    expect(await getItem(taskKey(task.id))).toMatchObject({ version: 2, status: winners[0]!.data!.setTaskStatus.status });
    expect((await auditEventsOf('TASK', task.id)).filter((e) => e.action === 'TASK_STATUS_CHANGED')).toHaveLength(1);
  });

  it('given someone who is neither the assignee nor staff, when they move the task, then it is NotFound and nothing changes', async () => {
    const task = await createTask();
    const result = await setStatus(stranger, task, 'COMPLETED');
    expect(result.errors).toEqual([expect.objectContaining({ errorType: 'NotFound', message: 'Task not found' })]);
    expect(await getItem(taskKey(task.id))).toMatchObject({ status: 'PENDING', version: 1 });
  });
});

describe('listTasks', () => {
  let pagedApplicantId: string;
  const created: TaskFieldsFragment[] = [];

  beforeAll(async () => {
    pagedApplicantId = (await createApplicant(owner, { firstName: 'Tasks' })).id;
    created.push(await createTask({ applicantId: pagedApplicantId, title: 'One' }));
    created.push(await createTask({ applicantId: pagedApplicantId, title: 'Two', assigneeId: staff.sub }));
    created.push(await createTask({ applicantId: pagedApplicantId, title: 'Three' }));
    await setStatus(owner, created[2]!, 'IN_PROGRESS');
  });

  it('given three tasks on an applicant, when the owner pages them one at a time, then all come newest first', async () => {
    const ids: string[] = [];
    let nextToken: string | null | undefined;
    for (let page = 0; page < 5; page += 1) {
      const result = (await gqlOk(owner, ListTasksDocument, { applicantId: pagedApplicantId, limit: 1, nextToken })).listTasks;
      ids.push(...result.items.map((t) => t.id));
      nextToken = result.nextToken;
      if (!nextToken) break;
    }
    expect(ids).toEqual(created.map((t) => t.id).reverse());
  });

  it('given an applicant and a status, when staff list, then only that applicant’s tasks in that status come back', async () => {
    const items = (await gqlOk(staff, ListTasksDocument, { applicantId: pagedApplicantId, status: 'IN_PROGRESS' })).listTasks.items;
    expect(items.map((t) => t.title)).toEqual(['Three']);
  });

  it('given an assignee, when staff list by assignee and status, then the assignee’s tasks in that status come back', async () => {
    const items = (await gqlOk(staff, ListTasksDocument, { assigneeId: owner.sub, status: 'IN_PROGRESS', limit: 100 })).listTasks.items;
    expect(items.map((t) => t.id)).toContain(created[2]!.id);
    expect(items.every((t) => t.assigneeId === owner.sub && t.status === 'IN_PROGRESS')).toBe(true);
  });

  it('given only a status, when staff list, then every task in it is served from the status queue', async () => {
    const items = (await gqlOk(staff, ListTasksDocument, { status: 'IN_PROGRESS', limit: 100 })).listTasks.items;
    expect(items.map((t) => t.id)).toContain(created[2]!.id);
    expect(items.every((t) => t.status === 'IN_PROGRESS')).toBe(true);
  });

  it('given another applicant, when they ask for this applicant’s or this assignee’s tasks, then they see nothing', async () => {
    const byApplicant = await gql(stranger, ListTasksDocument, { applicantId: pagedApplicantId });
    expect(byApplicant.errors).toEqual([expect.objectContaining({ errorType: 'NotFound', message: 'Applicant not found' })]);
    const byAssignee = await gqlOk(stranger, ListTasksDocument, { assigneeId: owner.sub });
    expect(byAssignee.listTasks).toEqual({ items: [], nextToken: null });
    expect((await gqlOk(stranger, ListTasksDocument, {})).listTasks.items).toEqual([]);
  });
});

describe('onTaskChanged', () => {
  it('given the assignee subscribed without arguments and staff watching them, when a task is created for them, then both hear it', async () => {
    const mine = await (await realtime(owner)).subscribe(print(OnTaskChangedDocument), {});
    const watched = await (await realtime(staff)).subscribe(print(OnTaskChangedDocument), { assigneeId: owner.sub });
    const strangers = await (await realtime(stranger)).subscribe(print(OnTaskChangedDocument), {});
    const task = await createTask({ title: 'Sign the consent form' });
    expect((await mine.next()).data).toEqual({ onTaskChanged: expect.objectContaining({ id: task.id, assigneeId: owner.sub }) });
    expect((await watched.next()).data).toEqual({ onTaskChanged: expect.objectContaining({ id: task.id }) });
    await strangers.expectSilence(500);
  });

  it('given an applicant, when they subscribe to someone else’s tasks, then it is Unauthorized', async () => {
    const connection = await realtime(stranger);
    await expect(connection.subscribe(print(OnTaskChangedDocument), { assigneeId: owner.sub })).rejects.toThrow(/Unauthorized/);
  });
});
