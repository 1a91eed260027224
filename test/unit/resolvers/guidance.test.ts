import { describe, expect, it } from 'vitest';
import { callers, describeTransactItem, evaluate, functionBundle, plainMap, resolverBundle } from './evaluate-resolver.ts';

// Reviews, eligibility checks and ML consent. Each handler's request shape as the evaluator produces it from the
// built bundle.

const applicant = { id: '01JAPP11CANT000000000000A1', ownerId: callers.applicantA.sub, status: 'IN_REVIEW', version: 4 };

describe('postReview', () => {
  const before = resolverBundle('Mutation', 'postReview');
  const write = functionBundle('writeReview');
  const input = { applicantId: applicant.id, positive: true, feedback: 'Strong essays.', scholarshipLikelihoodPercent: 70 };

  it.each([
    [{ feedback: '' }, 'input.feedback: must not be empty'],
    [{ feedback: 'x'.repeat(5001) }, 'input.feedback: must be at most 5000 characters'],
    [{ scholarshipLikelihoodPercent: 101 }, 'input.scholarshipLikelihoodPercent: must be a whole number from 0 to 100'],
    [{ scholarshipLikelihoodPercent: -1 }, 'input.scholarshipLikelihoodPercent: must be a whole number from 0 to 100'],
  ])('given %j, when the resolver starts, then it refuses with "%s"', (change, message) => {
    expect(evaluate(before, 'request', { caller: callers.staff, arguments: { input: { ...input, ...change } } }).error).toBe(message);
  });

  it('given a valid review, when the resolver starts, then the applicant and the review are in the stash', () => {
    const { stash } = evaluate(before, 'request', { caller: callers.staff, arguments: { input } });
    expect(stash.applicantId).toBe(applicant.id);
    expect(stash.review).toEqual({ positive: true, feedback: 'Strong essays.', scholarshipLikelihoodPercent: 70 });
  });

  it('given the applicant read, when the review is written, then one transaction puts it under the applicant (new item) with its audit event', () => {
    const { result, stash } = evaluate(write, 'request', {
      caller: callers.staff,
      stash: { applicant, review: { positive: false, feedback: 'Needs a stronger essay.', scholarshipLikelihoodPercent: 20 } },
    });
    const [put, audit, ...rest] = result.transactItems.map(describeTransactItem);
    expect(rest.map((i: { operation: string }) => i.operation)).toEqual(['ConditionCheck']);
    expect(put).toMatchObject({
      operation: 'PutItem',
      key: { pk: `APPLICANT#${applicant.id}`, sk: `REVIEW#${stash.posted.id}` },
      condition: 'attribute_not_exists(pk)',
      attributes: {
        type: 'REVIEW',
        applicantId: applicant.id,
        ownerId: applicant.ownerId,
        reviewerId: callers.staff.sub,
        positive: false,
        feedback: 'Needs a stronger essay.',
        scholarshipLikelihoodPercent: 20,
      },
    });
    expect(audit).toMatchObject({ key: { pk: `AUDIT#REVIEW#${stash.posted.id}` }, attributes: { action: 'REVIEW_POSTED' } });
    expect(stash.notification).toMatchObject({ topic: 'REVIEW_POSTED', recipientId: applicant.ownerId });
  });
});

describe('runEligibilityCheck', () => {
  const before = resolverBundle('Mutation', 'runEligibilityCheck');
  const write = functionBundle('writeEligibilityCheck');
  const input = { applicantId: applicant.id, gpa: 3.6, toefl: 95 };

  it.each([
    [{ gpa: 4.5 }, 'input.gpa: must be from 0 to 4'],
    [{ gpa: -0.1 }, 'input.gpa: must be from 0 to 4'],
    [{ toefl: 121 }, 'input.toefl: must be a whole number from 0 to 120'],
    [{ toefl: -1 }, 'input.toefl: must be a whole number from 0 to 120'],
    [{ notes: 'x'.repeat(1001) }, 'input.notes: must be at most 1000 characters'],
  ])('given %j, when the resolver starts, then it refuses with "%s"', (change, message) => {
    expect(evaluate(before, 'request', { caller: callers.applicantA, arguments: { input: { ...input, ...change } } }).error).toBe(message);
  });

  it('given blank notes, when the resolver starts, then they are stored as none', () => {
    const { stash } = evaluate(before, 'request', { caller: callers.applicantA, arguments: { input: { ...input, notes: '  ' } } });
    expect(stash.eligibilityInput).toEqual({ gpa: 3.6, toefl: 95, notes: null });
  });

  const top = ['Top-tier programs', 'Scholarship-focused options'];
  const solid = ['Solid programs', 'Consider mid-tier schools'];
  const foundational = ['Foundational programs', 'Language or academic prep first'];
  it.each([
    [3.5, 90, true, top],
    [4, 120, true, top],
    [3.49, 90, true, solid],
    [3.5, 89, true, solid],
    [3.0, 80, true, solid],
    [2.99, 120, false, foundational],
    [4, 79, false, foundational],
    [0, 0, false, foundational],
  ])('given GPA %d and TOEFL %d, when the check is written, then eligible is %s with %j', (gpa, toefl, eligible, recommendations) => {
    const { result } = evaluate(write, 'request', {
      caller: callers.applicantA,
      stash: { applicant, eligibilityInput: { gpa, toefl, notes: null } },
    });
    const [put] = result.transactItems.map(describeTransactItem);
    expect(put!.attributes).toMatchObject({ gpa, toefl, eligible, recommendations, ranBy: callers.applicantA.sub });
  });

  it('given a check, when it is written, then it lives under the applicant with who ran it and an audit event', () => {
    const { result, stash } = evaluate(write, 'request', {
      caller: callers.staff,
      stash: { applicant, eligibilityInput: { gpa: 3.2, toefl: 85, notes: 'Retaking TOEFL in May' } },
    });
    const [put, audit] = result.transactItems.map(describeTransactItem);
    expect(put).toMatchObject({
      operation: 'PutItem',
      key: { pk: `APPLICANT#${applicant.id}`, sk: `ELIGIBILITY#${stash.check.id}` },
      condition: 'attribute_not_exists(pk)',
      attributes: { type: 'ELIGIBILITY_CHECK', ownerId: applicant.ownerId, ranBy: callers.staff.sub, notes: 'Retaking TOEFL in May' },
    });
    expect(audit).toMatchObject({ attributes: { action: 'ELIGIBILITY_CHECKED', resourceType: 'ELIGIBILITY_CHECK' } });
    expect(JSON.parse(audit!.attributes!.details)).toEqual({ applicantId: applicant.id, gpa: 3.2, toefl: 85, eligible: true });
  });
});

describe.each([
  ['listReviews', 'REVIEW#'],
  ['listEligibilityChecks', 'ELIGIBILITY#'],
])('%s', (field, prefix) => {
  it(`given an applicantId, when the resolver starts, then the list reads the ${prefix} items of that applicant`, () => {
    const { stash } = evaluate(resolverBundle('Query', field), 'request', { caller: callers.applicantA, arguments: { applicantId: applicant.id } });
    expect(stash).toEqual({ applicantId: applicant.id, childPrefix: prefix });
  });
});

describe('mlConsent and mlRecommendation', () => {
  const consentKey = { pk: { S: `USER#${callers.applicantA.sub}` }, sk: { S: `ML_CONSENT#${applicant.id}#v1` } };

  it.each([
    ['mlConsent', 'eventual: it only shows the caller their own consent', false],
    ['mlRecommendation', 'strong: it gates processing on consent, so a revocation holds from the next request', true],
  ])('given an applicantId, when %s builds its request, then it is one GetItem of the caller’s own consent, %s', (field, _why, consistentRead) => {
    const { result } = evaluate(resolverBundle('Query', field), 'request', { caller: callers.applicantA, arguments: { applicantId: applicant.id } });
    expect(result).toEqual({ operation: 'GetItem', key: consentKey, consistentRead });
  });

  it('given no consent recorded, when mlConsent answers, then it is null', () => {
    expect(evaluate(resolverBundle('Query', 'mlConsent'), 'response', { caller: callers.applicantA, result: null }).result).toBeNull();
  });

  const recommend = (consent: unknown) =>
    evaluate(resolverBundle('Query', 'mlRecommendation'), 'response', {
      caller: callers.applicantA,
      arguments: { applicantId: applicant.id },
      result: consent,
    }).result;

  it.each([
    ['never recorded', null],
    ['revoked', { consentGiven: false, consentedAt: '2025-01-01T00:00:00Z', revokedAt: '2025-02-01T00:00:00Z' }],
  ])('given consent %s, when mlRecommendation answers, then nothing is available and it says consent is needed', (_state, consent) => {
    const answer = recommend(consent);
    expect(answer).toMatchObject({ applicantId: applicant.id, available: false, recommendations: [] });
    expect(answer.message).toMatch(/need your consent/);
  });

  it('given consent given and not revoked, when mlRecommendation answers, then it says plainly that no model is deployed and invents nothing', () => {
    const answer = recommend({ consentGiven: true, consentedAt: '2025-01-01T00:00:00Z', revokedAt: null });
    expect(answer).toMatchObject({ available: false, recommendations: [] });
    expect(answer.message).toMatch(/No recommendation model is deployed yet/);
  });
});

describe('setMlConsent', () => {
  const before = resolverBundle('Mutation', 'setMlConsent');
  const load = functionBundle('loadMlConsent');
  const write = functionBundle('writeMlConsent');

  it('given the input, when the pipeline runs, then it reads the caller’s consent at version v1', () => {
    const { stash } = evaluate(before, 'request', { caller: callers.applicantA, arguments: { input: { applicantId: applicant.id, consentGiven: true } } });
    expect(stash).toEqual({ applicantId: applicant.id, consentGiven: true });
    const { result } = evaluate(load, 'request', { caller: callers.applicantA, stash });
    expect(plainMap(result.key)).toEqual({ pk: `USER#${callers.applicantA.sub}`, sk: `ML_CONSENT#${applicant.id}#v1` });
  });

  it('given no consent yet, when consent is given, then a new item is put with consentedAt and no revokedAt, and audited', () => {
    const { result, stash } = evaluate(write, 'request', { caller: callers.applicantA, stash: { applicant, consent: null, consentGiven: true } });
    const [put, audit] = result.transactItems.map(describeTransactItem);
    expect(put).toMatchObject({
      operation: 'PutItem',
      key: { pk: `USER#${callers.applicantA.sub}`, sk: `ML_CONSENT#${applicant.id}#v1` },
      condition: 'attribute_not_exists(pk)',
      attributes: { type: 'ML_CONSENT', userId: callers.applicantA.sub, consentVersion: 'v1', consentGiven: true, revokedAt: null, version: 1 },
    });
    expect(put!.attributes!.consentedAt).toBe(stash.recorded.updatedAt);
    expect(audit).toMatchObject({ key: { pk: `AUDIT#ML_CONSENT#${applicant.id}` }, attributes: { action: 'ML_CONSENT_GIVEN' } });
  });

  it('given consent recorded, when it is revoked, then consentedAt is kept, revokedAt set, and the put is conditioned on the version read', () => {
    const previous = {
      consentGiven: true,
      consentedAt: '2025-01-01T00:00:00.000Z',
      revokedAt: null,
      createdAt: '2025-01-01T00:00:00.000Z',
      version: 2,
    };
    const { result } = evaluate(write, 'request', { caller: callers.applicantA, stash: { applicant, consent: previous, consentGiven: false } });
    const [put, audit] = result.transactItems.map(describeTransactItem);
    expect(put!.condition).toBe('attribute_exists(pk) AND version = 2');
    expect(put!.attributes).toMatchObject({ consentGiven: false, consentedAt: previous.consentedAt, createdAt: previous.createdAt, version: 3 });
    expect(put!.attributes!.revokedAt).toEqual(expect.any(String));
    expect(audit!.attributes!.action).toBe('ML_CONSENT_REVOKED');
  });

  it('given the put lost a race, when it answers, then it is a conflict', () => {
    const { error } = evaluate(write, 'response', {
      caller: callers.applicantA,
      error: { type: 'DynamoDB:TransactionCanceledException', message: 'cancelled' },
      result: { cancellationReasons: [{ type: 'ConditionalCheckFailed' }, { type: 'None' }] },
    });
    expect(error).toMatch(/changed by another request/);
  });
});
