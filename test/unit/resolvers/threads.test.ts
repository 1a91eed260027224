import { describe, expect, it } from 'vitest';
import { callers, evaluate, readable, resolverBundle } from './evaluate-resolver.ts';

// The thread reads: getMessageThread (one GetItem, ownership on the item) and staffInbox (gsi2 INBOX#UNREAD).

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
