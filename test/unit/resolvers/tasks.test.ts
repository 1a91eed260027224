import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { allowedTaskMoves, type TaskStatus } from '../../../resolvers/lib/tasks.ts';
import { callers, describeTransactItem, evaluate, functionBundle, readable, resolverBundle, runNoneResolver } from './evaluate-resolver.ts';
import { counterShardOf } from '../../../resolvers/lib/counters.ts';
import { counterShardKey } from '../../../resolvers/lib/keys.ts';

// Tasks: createTask, updateTask, setTaskStatus, listTasks, onTaskChanged. Each handler's request shape as the
// evaluator produces it from the built bundle.

const task = {
  type: 'TASK',
  id: '01JTASK0000000000000000001',
  applicantId: '01JAPP11CANT000000000000A1',
  assigneeId: callers.applicantA.sub,
  title: 'Upload your transcript',
  status: 'PENDING',
  createdBy: callers.staff.sub,
  createdAt: '2025-01-01T00:00:00.000Z',
  updatedAt: '2025-01-01T00:00:00.000Z',
  version: 2,
};

describe('createTask', () => {
  const before = resolverBundle('Mutation', 'createTask');
  const write = functionBundle('writeNewTask');
  const input = { assigneeId: callers.applicantA.sub, title: 'Upload your transcript' };
  const newTask = (change: Record<string, unknown> = {}) => ({
    title: input.title,
    description: null,
    assigneeId: input.assigneeId,
    applicantId: null,
    dueAt: null,
    ...change,
  });

  it.each([
    [{ title: ' ' }, 'input.title: must not be empty'],
    [{ title: 'x'.repeat(201) }, 'input.title: must be at most 200 characters'],
    [{ description: 'x'.repeat(5001) }, 'input.description: must be at most 5000 characters'],
    [{ assigneeId: '' }, 'input.assigneeId: must be a user id (a Cognito sub)'],
  ])('given %j, when the resolver starts, then it refuses with "%s"', (change, message) => {
    expect(evaluate(before, 'request', { caller: callers.staff, arguments: { input: { ...input, ...change } } }).error).toBe(message);
  });

  it('given a valid input, when the resolver starts, then the trimmed task is in the stash', () => {
    const { stash } = evaluate(before, 'request', {
      caller: callers.staff,
      arguments: { input: { ...input, title: '  Upload your transcript ', description: ' ', dueAt: '2025-03-01T12:00:00Z' } },
    });
    expect(stash.newTask).toEqual(newTask({ dueAt: '2025-03-01T12:00:00Z' }));
  });

  it('given a task without an applicant, when it is written, then one transaction puts it in PENDING, checks the assignee, counts it and audits it', () => {
    const { result, stash } = evaluate(write, 'request', { caller: callers.staff, stash: { newTask: newTask({ dueAt: '2025-03-01T12:00:00Z' }) } });
    const id = stash.task.id;
    const items = result.transactItems.map(describeTransactItem);
    expect(items.map((i: { operation: string }) => i.operation)).toEqual(['PutItem', 'ConditionCheck', 'UpdateItem', 'PutItem', 'ConditionCheck']);
    const [put, assignee, counters, audit] = items;
    expect(put.key).toEqual({ pk: `TASK#${id}`, sk: 'TASK' });
    expect(put.condition).toBe('attribute_not_exists(pk)');
    expect(put.attributes).toEqual({
      type: 'TASK',
      id,
      assigneeId: callers.applicantA.sub,
      title: 'Upload your transcript',
      status: 'PENDING',
      dueAt: '2025-03-01T12:00:00Z',
      createdBy: callers.staff.sub,
      createdAt: expect.any(String),
      updatedAt: expect.any(String),
      version: 1,
      gsi2pk: 'TASK_STATUS#PENDING',
      gsi2sk: id,
      gsi3pk: `ASSIGNEE#${callers.applicantA.sub}`,
      gsi3sk: `TASK#${id}`,
      gsi5pk: `ASSIGNEE_STATUS#${callers.applicantA.sub}#PENDING`,
      gsi5sk: `TASK#${id}`,
    });
    expect(assignee).toEqual({
      operation: 'ConditionCheck',
      table: expect.any(String),
      key: { pk: `USER#${callers.applicantA.sub}`, sk: 'PROFILE' },
      condition: '(attribute_exists(pk)) AND (active = true)',
    });
    expect(counters.key).toEqual(counterShardKey(counterShardOf(id)));
    expect(counters.update).toMatch(/ADD pendingTasks 1$/);
    expect(audit.attributes).toMatchObject({ action: 'TASK_CREATED', resourceType: 'TASK', resourceId: id });
    expect(stash.notification).toEqual({
      topic: 'TASK_ASSIGNED',
      recipientId: callers.applicantA.sub,
      applicantId: null,
      taskId: id,
      title: 'Upload your transcript',
      dueAt: '2025-03-01T12:00:00Z',
    });
  });

  it('given a task on an applicant, when it is written, then it is in the applicant’s gsi1 partition and the applicant must exist', () => {
    const { result, stash } = evaluate(write, 'request', { caller: callers.staff, stash: { newTask: newTask({ applicantId: task.applicantId }) } });
    const items = result.transactItems.map(describeTransactItem);
    expect(items[0].attributes).toMatchObject({ applicantId: task.applicantId, gsi1pk: `APPLICANT_TASKS#${task.applicantId}`, gsi1sk: stash.task.id });
    expect(items[2]).toMatchObject({
      operation: 'ConditionCheck',
      key: { pk: `APPLICANT#${task.applicantId}`, sk: 'APPLICANT' },
      condition: 'attribute_exists(pk)',
    });
  });

  it('given staff assigning a task to themselves, when it is written, then no email is queued', () => {
    const { stash } = evaluate(write, 'request', { caller: callers.staff, stash: { newTask: newTask({ assigneeId: callers.staff.sub }) } });
    expect(stash.notification).toBeUndefined();
  });

  const cancelled = (reasons: string[]) => ({
    error: { type: 'DynamoDB:TransactionCanceledException', message: 'cancelled' },
    result: { cancellationReasons: reasons.map((type) => ({ type })) },
  });

  it('given the assignee check failed, when it answers, then the error names input.assigneeId', () => {
    const { error } = evaluate(write, 'response', {
      caller: callers.staff,
      stash: { task: { id: 'x' } },
      ...cancelled(['None', 'ConditionalCheckFailed', 'None', 'None']),
    });
    expect(error).toBe('input.assigneeId: must be an existing, active user');
  });

  it('given the applicant check failed, when it answers, then the error names input.applicantId', () => {
    const { error } = evaluate(write, 'response', {
      caller: callers.staff,
      stash: { task: { id: 'x', applicantId: task.applicantId } },
      ...cancelled(['None', 'None', 'ConditionalCheckFailed', 'None', 'None']),
    });
    expect(error).toBe('input.applicantId: must be an existing applicant');
  });
});

describe('loadAccessibleTask', () => {
  const load = functionBundle('loadAccessibleTask');

  it('given a task id, when it builds its request, then it is one consistent GetItem', () => {
    const { result } = evaluate(load, 'request', { caller: callers.applicantA, stash: { taskId: task.id } });
    expect(result).toEqual({ operation: 'GetItem', key: { pk: { S: `TASK#${task.id}` }, sk: { S: 'TASK' } }, consistentRead: true });
  });

  it.each([
    ['its assignee', callers.applicantA],
    ['staff', callers.staff],
    ['an admin', callers.admin],
  ])('given the task, when %s loads it, then it is kept', (_who, caller) => {
    expect(evaluate(load, 'response', { caller, result: task }).stash.task).toEqual(task);
  });

  it('given someone who is neither assignee nor staff, when they load it, then the answer is the one for a missing task', () => {
    expect(evaluate(load, 'response', { caller: callers.applicantB, result: task }).error).toBe('Task not found');
    expect(evaluate(load, 'response', { caller: callers.applicantB, result: null }).error).toBe('Task not found');
  });
});

describe('updateTask', () => {
  const before = resolverBundle('Mutation', 'updateTask');
  const write = functionBundle('writeTaskUpdate');

  it('given only a title, when the resolver starts, then only the title is to change', () => {
    const { stash } = evaluate(before, 'request', {
      caller: callers.staff,
      arguments: { input: { id: task.id, expectedVersion: 2, title: ' New title ' } },
    });
    expect(stash.taskUpdate).toEqual({ changes: { title: 'New title' }, expectedVersion: 2 });
  });

  it('given description and dueAt as null, when the resolver starts, then both are to be cleared', () => {
    const { stash } = evaluate(before, 'request', {
      caller: callers.staff,
      arguments: { input: { id: task.id, expectedVersion: 2, description: null, dueAt: null } },
    });
    expect(stash.taskUpdate.changes).toEqual({ description: null, dueAt: null });
  });

  it.each([
    [{}, 'input: give at least one of title, description, dueAt, assigneeId'],
    [{ title: null }, 'input.title: must not be empty'],
    [{ assigneeId: null }, 'input.assigneeId: must be a user id (a Cognito sub)'],
  ])('given %j, when the resolver starts, then it refuses with "%s"', (change, message) => {
    const { error } = evaluate(before, 'request', { caller: callers.staff, arguments: { input: { id: task.id, expectedVersion: 2, ...change } } });
    expect(error).toBe(message);
  });

  it('given a new assignee, when the update is written, then gsi3 moves with it and the new assignee is checked', () => {
    const { result, stash } = evaluate(write, 'request', {
      caller: callers.staff,
      stash: { task, taskUpdate: { changes: { assigneeId: callers.applicantB.sub }, expectedVersion: 2 } },
    });
    const [change, check, audit] = result.transactItems.map(describeTransactItem);
    expect(change.condition).toBe('attribute_exists(pk) AND version = 2');
    expect(change.update).toBe(
      `SET assigneeId = "${callers.applicantB.sub}", gsi3pk = "ASSIGNEE#${callers.applicantB.sub}", gsi3sk = "TASK#${task.id}", ` +
        `gsi5pk = "ASSIGNEE_STATUS#${callers.applicantB.sub}#PENDING", gsi5sk = "TASK#${task.id}", ` +
        `updatedAt = "${stash.updatedTask.updatedAt}" ADD version 1`,
    );
    expect(check).toMatchObject({ operation: 'ConditionCheck', key: { pk: `USER#${callers.applicantB.sub}`, sk: 'PROFILE' } });
    expect(JSON.parse(audit.attributes.details)).toEqual({
      fields: ['assigneeId'],
      previousAssigneeId: callers.applicantA.sub,
      assigneeId: callers.applicantB.sub,
    });
    expect(stash.updatedTask).toMatchObject({ assigneeId: callers.applicantB.sub, version: 3 });
    expect(stash.notification).toMatchObject({ topic: 'TASK_ASSIGNED', recipientId: callers.applicantB.sub, taskId: task.id, title: task.title });
  });

  it('given only a cleared description, when the update is written, then it removes it and checks no assignee', () => {
    const { result } = evaluate(write, 'request', {
      caller: callers.staff,
      stash: { task: { ...task, description: 'old' }, taskUpdate: { changes: { description: null }, expectedVersion: 2 } },
    });
    const items = result.transactItems.map(describeTransactItem);
    expect(items.map((i: { operation: string }) => i.operation)).toEqual(['UpdateItem', 'PutItem', 'ConditionCheck']);
    expect(items[0].update).toContain('REMOVE description');
  });

  it('given a stale expectedVersion, when the update is written, then it is a conflict before writing', () => {
    const { error } = evaluate(write, 'request', { caller: callers.staff, stash: { task, taskUpdate: { changes: { title: 'x' }, expectedVersion: 1 } } });
    expect(error).toMatch(/^Task was changed by someone else: expectedVersion 1/);
  });
});

describe('setTaskStatus', () => {
  const change = functionBundle('changeTaskStatus');
  const move = (caller: (typeof callers)[keyof typeof callers], from: string, to: string, version = 2) =>
    evaluate(change, 'request', {
      caller,
      stash: { task: { ...task, status: from }, statusChange: { status: to, expectedVersion: version } },
    });

  it.each([
    ['PENDING', 'IN_PROGRESS', null],
    ['PENDING', 'COMPLETED', -1],
    ['PENDING', 'CANCELLED', -1],
    ['IN_PROGRESS', 'PENDING', null],
    ['IN_PROGRESS', 'COMPLETED', -1],
    ['IN_PROGRESS', 'CANCELLED', -1],
  ])('given the assignee and a %s task, when they move it to %s, then pendingTasks moves by %s', (from, to, delta) => {
    const { result, error } = move(callers.applicantA, from, to);
    expect(error).toBeUndefined();
    const items = result.transactItems.map(describeTransactItem);
    expect(items[0].condition).toBe(
      `(attribute_exists(pk) AND version = 2) AND (status = "${from}") AND (assigneeId = "${callers.applicantA.sub}")`,
    );
    expect(items[0].update).toMatch(
      new RegExp(`^SET status = "${to}", gsi2pk = "TASK_STATUS#${to}", gsi5pk = "ASSIGNEE_STATUS#${task.assigneeId}#${to}", gsi5sk = "TASK#${task.id}", updatedAt = "[^"]+" ADD version 1$`),
    );
    const counters = items.find((i: { key: { pk: string } }) => i.key.pk === 'COUNTERS');
    if (delta === null) expect(counters).toBeUndefined();
    else expect(counters.update).toMatch(new RegExp(`ADD pendingTasks ${delta}$`));
    expect(items.at(-2).attributes).toMatchObject({ action: 'TASK_STATUS_CHANGED', details: JSON.stringify({ from, to }) });
  });

  it.each(['COMPLETED', 'CANCELLED'])('given staff and a %s task, when they reopen it, then it is PENDING again and counted', (from) => {
    const items = move(callers.staff, from, 'PENDING').result.transactItems.map(describeTransactItem);
    expect(items[0].condition).toBe(`(attribute_exists(pk) AND version = 2) AND (status = "${from}")`);
    expect(items[1].update).toMatch(/ADD pendingTasks 1$/);
  });

  it.each([
    ['applicantA' as const, 'COMPLETED', 'PENDING', 'it is finished; only staff reopen it, to PENDING'],
    ['staff' as const, 'COMPLETED', 'IN_PROGRESS', 'it may move to PENDING'],
    ['staff' as const, 'CANCELLED', 'COMPLETED', 'it may move to PENDING'],
    ['staff' as const, 'PENDING', 'PENDING', 'it may move to IN_PROGRESS, COMPLETED, CANCELLED'],
  ])('given %s and a %s task, when the move to %s is asked, then it is refused saying what is allowed', (who, from, to, allowed) => {
    const { error, result } = move(callers[who], from, to);
    expect(error).toBe(`Task status cannot change from ${from} to ${to}: ${allowed} (see docs/pipeline.md)`);
    expect(result).toBeUndefined();
  });

  it('given a stale expectedVersion, when the move is asked, then it is a conflict', () => {
    expect(move(callers.staff, 'PENDING', 'IN_PROGRESS', 1).error).toMatch(/^Task was changed by someone else/);
  });
});

describe('listTasks', () => {
  const before = resolverBundle('Query', 'listTasks');
  const query = functionBundle('queryTasks');
  const listFor = (caller: (typeof callers)[keyof typeof callers], filters: Record<string, string>) => {
    const { stash } = evaluate(before, 'request', { caller, arguments: filters });
    return evaluate(query, 'request', { caller, arguments: filters, stash });
  };

  it('given an applicantId, when the resolver starts, then the applicant is named for the access check', () => {
    expect(evaluate(before, 'request', { caller: callers.applicantA, arguments: { applicantId: task.applicantId } }).stash.applicantId).toBe(task.applicantId);
    expect(evaluate(before, 'request', { caller: callers.staff, arguments: {} }).stash.applicantId).toBeNull();
  });

  it('given every filter, when the query is built, then gsi1 serves the applicant and the rest is a filter', () => {
    const { result } = listFor(callers.staff, { applicantId: task.applicantId, assigneeId: 'someone', status: 'PENDING' });
    expect(result).toMatchObject({ operation: 'Query', index: 'gsi1', scanIndexForward: false, limit: 20 });
    expect(readable(result.query)).toBe(`gsi1pk = "APPLICANT_TASKS#${task.applicantId}"`);
    expect(readable(result.filter)).toBe('(assigneeId = "someone") AND (status = "PENDING")');
  });

  it('given an assignee and a status, when staff list, then both are the gsi5 key condition and nothing is filtered', () => {
    const { result } = listFor(callers.staff, { assigneeId: 'someone', status: 'IN_PROGRESS' });
    expect(result.index).toBe('gsi5');
    expect(readable(result.query)).toBe('gsi5pk = "ASSIGNEE_STATUS#someone#IN_PROGRESS" AND begins_with(gsi5sk, "TASK#")');
    expect(result.filter).toBeUndefined();
  });

  it('given only a status, when staff list, then gsi2 serves it without a filter', () => {
    const { result } = listFor(callers.staff, { status: 'COMPLETED' });
    expect(result.index).toBe('gsi2');
    expect(readable(result.query)).toBe('gsi2pk = "TASK_STATUS#COMPLETED"');
    expect(result.filter).toBeUndefined();
  });

  it.each([
    ['staff', callers.staff],
    ['an applicant', callers.applicantA],
  ])('given no filter, when %s list, then they get their own tasks', (_who, caller) => {
    const { result } = listFor(caller, {});
    expect(readable(result.query)).toBe(`gsi3pk = "ASSIGNEE#${caller.sub}" AND begins_with(gsi3sk, "TASK#")`);
  });

  it('given only a status, when an applicant lists, then it is their own tasks in that status', () => {
    const { result } = listFor(callers.applicantA, { status: 'PENDING' });
    expect(readable(result.query)).toBe(`gsi5pk = "ASSIGNEE_STATUS#${callers.applicantA.sub}#PENDING" AND begins_with(gsi5sk, "TASK#")`);
    expect(result.filter).toBeUndefined();
  });

  it('given someone else’s assigneeId, when an applicant lists, then the answer is an empty page without a query', () => {
    const { result } = listFor(callers.applicantA, { assigneeId: callers.staff.sub });
    expect(result).toEqual({ items: [], nextToken: null });
  });
});

describe('onTaskChanged', () => {
  it.each([
    ['an applicant, for themselves', callers.applicantA, undefined, callers.applicantA.sub],
    ['an applicant naming themselves', callers.applicantA, callers.applicantA.sub, callers.applicantA.sub],
    ['staff, for another assignee', callers.staff, callers.applicantA.sub, callers.applicantA.sub],
  ])('given %s, when the subscription starts, then events are filtered to that assignee', async (_who, caller, assigneeId, expected) => {
    const run = await runNoneResolver('Subscription', 'onTaskChanged', caller, assigneeId ? { assigneeId } : {});
    expect(run.errors).toEqual([]);
    expect(run.subscriptionFilter).toEqual({ filterGroup: [{ filters: [{ fieldName: 'assigneeId', operator: 'eq', value: expected }] }] });
  });

  it('given an applicant naming someone else, when the subscription starts, then it is Unauthorized', async () => {
    const run = await runNoneResolver('Subscription', 'onTaskChanged', callers.applicantA, { assigneeId: callers.applicantB.sub });
    expect(run.errors.map((e) => e.errorType)).toEqual(['Unauthorized']);
    expect(run.subscriptionFilter).toBeUndefined();
  });
});

describe('docs/pipeline.md, task section', () => {
  it('given the task table in the doc, when it is compared with lib/tasks.ts, then both list the same moves for the same people', () => {
    const doc = readFileSync('docs/pipeline.md', 'utf8');
    const table = doc.split('<!-- task-table:start -->')[1]?.split('<!-- task-table:end -->')[0] ?? '';
    const rows = table
      .split('\n')
      .filter((line) => line.startsWith('| ') && !line.startsWith('| from'))
      .map((line) => line.split('|').slice(1, -1).map((cell) => cell.trim()).join(' '));
    const statuses: TaskStatus[] = ['PENDING', 'IN_PROGRESS', 'COMPLETED', 'CANCELLED'];
    const fromCode = statuses.flatMap((from) =>
      allowedTaskMoves(from, true).map((to) => `${from} ${to} ${allowedTaskMoves(from, false).includes(to) ? 'assignee or team' : 'team'}`),
    );
    expect(rows).toEqual(fromCode);
  });
});
