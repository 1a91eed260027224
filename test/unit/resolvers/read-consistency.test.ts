import { describe, expect, it } from 'vitest';
import { callers, evaluate, functionBundle } from './evaluate-resolver.ts';

// Which reads are strongly consistent (docs/data-model.md "Read consistency"): an access check that only authorizes a
// read (a query or a subscription) reads eventually, half the read units; a read in a mutation decides a write and
// reads strongly. The shared checks take the operation from ctx.info.parentTypeName.

const stash = { applicantId: '01JAPP11CANT000000000000A1', documentId: '01JDOC11CANT000000000000D1', taskId: '01JTSK11CANT000000000000T1' };

const consistentRead = (name: string, operation: string) =>
  evaluate(functionBundle(name), 'request', { caller: callers.applicantA, stash, operation }).result.consistentRead;

describe.each(['loadAccessibleApplicant', 'loadAccessibleThread'])('%s (shared by queries, subscriptions and mutations)', (name) => {
  it.each(['Query', 'Subscription'])('given a %s, when it reads for the access check, then the GetItem is eventually consistent', (operation) => {
    expect(consistentRead(name, operation)).toBe(false);
  });

  it('given a Mutation, when it reads for the access check, then the GetItem is strongly consistent', () => {
    expect(consistentRead(name, 'Mutation')).toBe(true);
  });

  it('given no operation named, when it reads, then it is strongly consistent (eventual only where it is known to be a read)', () => {
    expect(evaluate(functionBundle(name), 'request', { caller: callers.applicantA, stash }).result.consistentRead).toBe(true);
  });
});

describe.each([
  ['loadAccessibleApplicantIfNamed', ['Query', 'Subscription']],
  ['loadDownloadableDocument', ['Query']],
])('%s (reads only)', (name, operations) => {
  it.each(operations)('given a %s, when it reads for the access check, then the GetItem is eventually consistent', (operation) => {
    expect(consistentRead(name, operation)).toBe(false);
  });
});

describe.each(['loadAccessibleDocument', 'loadAccessibleTask', 'loadLandedDocument', 'loadMlConsent', 'loadMyProfile', 'loadPaymentForEvent', 'loadStandingCaller', 'loadTargetUser'])(
  '%s (mutations only)',
  (name) => {
    it('given a Mutation, when it reads, then the GetItem is strongly consistent: what it read decides the write', () => {
      const result = evaluate(functionBundle(name), 'request', {
        caller: callers.admin,
        stash: { ...stash, paymentId: '01JPAY11CANT000000000000P1', targetUserId: callers.staff.sub },
        operation: 'Mutation',
      }).result;
      expect(result).toMatchObject({ operation: 'GetItem', consistentRead: true });
    });
  },
);
