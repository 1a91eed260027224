import { describe, expect, it } from 'vitest';
import { priceCatalog } from '../../../resolvers/lib/price-catalog.ts';
import { callers, evaluate, functionBundle, readable, resolverBundle, runHandlers, runNoneResolver } from './evaluate-resolver.ts';

// Payments: priceCatalog, listPayments, onPaymentChanged. Each handler's request shape as the evaluator produces it
// from the built bundle.

const applicantId = '01JAPP11CANT000000000000A1';

describe('priceCatalog', () => {
  it('given any signed-in user, when the catalogue is asked for, then it is the server-side list, on the NONE data source', async () => {
    const run = await runNoneResolver('Query', 'priceCatalog', callers.applicantA);
    expect(run.errors).toEqual([]);
    expect(run.data).toEqual(priceCatalog);
    expect(run.data).toContainEqual(expect.objectContaining({ service: 'DOCUMENT_REVIEW', levelOfStudy: 'GRADUATE', amountCents: 1500 }));
  });
});

describe('listPayments', () => {
  const before = resolverBundle('Query', 'listPayments');
  const load = functionBundle('loadAccessibleApplicantIfNamed');
  const query = functionBundle('queryPayments');

  it.each([
    ['an applicant', callers.applicantA],
    ['staff', callers.staff],
  ])('given no applicantId, when %s list payments, then it is refused naming applicantId and the rule', (_who, caller) => {
    expect(evaluate(before, 'request', { caller, arguments: {} }).error).toBe('applicantId: is required (only admins list every payment)');
  });

  it('given an applicantId, when the pipeline runs, then the applicant is read (eventually: the check only authorizes a read) and its PAYMENT# items are queried', () => {
    const { stash } = evaluate(before, 'request', { caller: callers.applicantA, arguments: { applicantId } });
    expect(stash.applicantId).toBe(applicantId);
    const auth = evaluate(load, 'request', { caller: callers.applicantA, stash, operation: 'Query' });
    expect(auth.result).toEqual({
      operation: 'GetItem',
      key: { pk: { S: `APPLICANT#${applicantId}` }, sk: { S: 'APPLICANT' } },
      consistentRead: false,
    });
    const { result } = evaluate(query, 'request', { caller: callers.applicantA, arguments: { limit: 5 }, stash });
    expect(result).toMatchObject({ operation: 'Query', limit: 5, scanIndexForward: false });
    expect(result.index).toBeUndefined();
    expect(readable(result.query)).toBe(`pk = "APPLICANT#${applicantId}" AND begins_with(sk, "PAYMENT#")`);
  });

  it('given another applicant’s applicantId, when the access check answers, then it is the answer for a missing applicant', () => {
    const applicant = { id: applicantId, ownerId: callers.applicantA.sub };
    expect(evaluate(load, 'response', { caller: callers.applicantB, stash: { applicantId }, result: applicant }).error).toBe('Applicant not found');
    expect(evaluate(load, 'response', { caller: callers.applicantB, stash: { applicantId }, result: null }).error).toBe('Applicant not found');
  });

  it('given an admin without applicantId, when the pipeline runs, then nothing is read for access and gsi4 PAYMENTS is queried', () => {
    const { stash, error } = evaluate(before, 'request', { caller: callers.admin, arguments: {} });
    expect(error).toBeUndefined();
    const auth = evaluate(load, 'request', { caller: callers.admin, stash });
    expect(auth.result).toBeNull();
    const { result } = evaluate(query, 'request', { caller: callers.admin, arguments: { nextToken: 'next' }, stash });
    expect(result).toMatchObject({ operation: 'Query', index: 'gsi4', scanIndexForward: false, limit: 20, nextToken: 'next' });
    expect(readable(result.query)).toBe('gsi4pk = "PAYMENTS"');
  });
});

describe('onPaymentChanged', () => {
  it('given an applicantId, when an applicant subscribes, then events are filtered to that applicant', async () => {
    const run = await runHandlers('Subscription', 'onPaymentChanged', callers.applicantA, { applicantId });
    expect(run.errors).toEqual([]);
    expect(run.subscriptionFilter).toEqual({ filterGroup: [{ filters: [{ fieldName: 'applicantId', operator: 'eq', value: applicantId }] }] });
  });

  it('given no applicantId, when an admin subscribes, then every payment event is delivered (no filter)', async () => {
    const run = await runHandlers('Subscription', 'onPaymentChanged', callers.admin, {});
    expect(run.errors).toEqual([]);
    expect(run.subscriptionFilter).toBeUndefined();
  });

  it.each([
    ['an applicant', callers.applicantA],
    ['staff', callers.staff],
  ])('given no applicantId, when %s subscribes, then it is Unauthorized', async (_who, caller) => {
    const run = await runHandlers('Subscription', 'onPaymentChanged', caller, {});
    expect(run.errors.map((e) => e.errorType)).toEqual(['Unauthorized']);
  });
});
