import { describe, expect, it } from 'vitest';
import { callers, evaluate, functionBundle, plain, readable, resolverBundle, runHandlers, tableName } from './evaluate-resolver.ts';

// The thread reads: getMessageThread (one GetItem, ownership on the item) and staffInbox (gsi2 INBOX#UNREAD); the
// staff inbox subscription's routing, and the assignee sendMessage reads for it.

const applicantId = '01J9ZQ4M2V7C3T8K5R6N1P0W9A';
const thread = {
  type: 'THREAD',
  applicantId,
  ownerId: callers.applicantA.sub,
  applicantName: 'Amara Okafor',
  unreadByStaff: 2,
  unreadByApplicant: 0,
  lastMessageAt: '2025-01-02T00:00:00.000Z',
  version: 3,
};

describe('getMessageThread', () => {
  const code = resolverBundle('Query', 'getMessageThread');

  it('given an applicantId, when the request is built, then it is one GetItem of the thread item', () => {
    const { result } = evaluate(code, 'request', { caller: callers.applicantA, arguments: { applicantId } });
    expect(result).toEqual({ operation: 'GetItem', key: { pk: { S: `APPLICANT#${applicantId}` }, sk: { S: 'THREAD' } }, consistentRead: false });
  });

  it('given the thread, when its owner, staff, an admin or another applicant reads it, then only the stranger gets null', () => {
    const read = (caller: (typeof callers)[keyof typeof callers]) => evaluate(code, 'response', { caller, result: thread }).result;
    expect(read(callers.applicantA)).toEqual(thread);
    expect(read(callers.staff)).toEqual(thread);
    expect(read(callers.admin)).toEqual(thread);
    expect(read(callers.applicantB)).toBeNull();
  });

  it('given no thread, when it answers, then it is null', () => {
    expect(evaluate(code, 'response', { caller: callers.applicantA, result: null }).result).toBeNull();
  });
});

describe('staffInbox', () => {
  it('given a page request, when it is built, then it is one Query of gsi2 INBOX#UNREAD, most recent first', () => {
    const { result } = evaluate(resolverBundle('Query', 'staffInbox'), 'request', { caller: callers.staff, arguments: { nextToken: 'n' } });
    expect(result).toMatchObject({ operation: 'Query', index: 'gsi2', limit: 20, nextToken: 'n', scanIndexForward: false });
    expect(readable(result.query)).toBe('gsi2pk = "INBOX#UNREAD"');
  });
});

describe('onStaffInboxMessage', () => {
  const filterOf = (filters: { fieldName: string; value: string }[]) => ({ filterGroup: [{ filters: filters.map((f) => ({ ...f, operator: 'eq' })) }] });

  it('given staff or an admin with the default scope, when they subscribe, then they hear applicants assigned to them only', async () => {
    for (const caller of [callers.staff, callers.admin]) {
      const run = await runHandlers('Subscription', 'onStaffInboxMessage', caller, {});
      expect(run.errors).toEqual([]);
      expect(run.subscriptionFilter).toEqual(filterOf([{ fieldName: 'senderSide', value: 'APPLICANT' }, { fieldName: 'assignedStaffId', value: caller.sub }]));
    }
  });

  it('given an admin with scope ALL, when they subscribe, then they hear every applicant', async () => {
    const run = await runHandlers('Subscription', 'onStaffInboxMessage', callers.admin, { scope: 'ALL' });
    expect(run.errors).toEqual([]);
    expect(run.subscriptionFilter).toEqual(filterOf([{ fieldName: 'senderSide', value: 'APPLICANT' }]));
  });

  it('given staff with scope ALL, when they subscribe, then it is Unauthorized', async () => {
    const run = await runHandlers('Subscription', 'onStaffInboxMessage', callers.staff, { scope: 'ALL' });
    expect(run.errors.map((e) => e.errorType)).toEqual(['Unauthorized']);
    expect(run.subscriptionFilter).toBeUndefined();
  });
});

describe('loadThreadAndSender', () => {
  const code = functionBundle('loadThreadAndSender');
  const profile = { type: 'USER', id: callers.applicantA.sub, role: 'APPLICANT', active: true, fullName: 'Amara Okafor' };

  it('given a message to send, when the read is built, then it is one BatchGetItem of the thread, the sender and the applicant', () => {
    const { result } = evaluate(code, 'request', { caller: callers.applicantA, stash: { applicantId } });
    expect(result.operation).toBe('BatchGetItem');
    expect(plain(result.tables[tableName].keys)).toEqual([
      { pk: `APPLICANT#${applicantId}`, sk: 'THREAD' },
      { pk: `USER#${callers.applicantA.sub}`, sk: 'PROFILE' },
      { pk: `APPLICANT#${applicantId}`, sk: 'APPLICANT' },
    ]);
  });

  it('given an assigned applicant, or none assigned, when the read answers, then the assignee (or null) is kept for the message', () => {
    const answer = (applicant: Record<string, unknown> | null) =>
      evaluate(code, 'response', { caller: callers.applicantA, stash: { applicantId }, result: { data: { [tableName]: [thread, profile, applicant] }, unprocessedKeys: {} } }).stash;
    expect(answer({ id: applicantId, ownerId: callers.applicantA.sub, assignedStaffId: callers.staff.sub }).assignedStaffId).toBe(callers.staff.sub);
    expect(answer({ id: applicantId, ownerId: callers.applicantA.sub }).assignedStaffId).toBeNull();
  });
});
