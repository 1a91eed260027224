import { beforeAll, describe, expect, it } from 'vitest';
import { eligibilityKey, mlConsentKey } from '../../resolvers/lib/keys.ts';
import {
  ListEligibilityChecksDocument,
  ListReviewsDocument,
  MlConsentDocument,
  MlRecommendationDocument,
  PostReviewDocument,
  RunEligibilityCheckDocument,
  SetMlConsentDocument,
} from '../../schema/generated/client/graphql.ts';
import { createUser, signUpApplicant, type SignedInUser } from '../setup/users.ts';
import { createApplicant, gql, gqlOk } from './support/api.ts';
import { auditEventsOf, getItem } from './support/table-fixtures.ts';

// Reviews, eligibility checks and ML consent through the running local stack over real HTTP. Direct table reads check
// what was (not) written.

let owner: SignedInUser;
let stranger: SignedInUser;
let staff: SignedInUser;
let applicantId: string;

beforeAll(async () => {
  [owner, stranger, staff] = await Promise.all([signUpApplicant(), signUpApplicant(), createUser({ group: 'staff' })]);
  applicantId = (await createApplicant(owner)).id;
});

describe('reviews', () => {
  const review = (feedback: string, scholarshipLikelihoodPercent = 40) => ({ applicantId, positive: true, feedback, scholarshipLikelihoodPercent });

  it('given three reviews by staff, when the owner lists them two at a time, then they come newest first across pages', async () => {
    const posted = [];
    for (const feedback of ['First look', 'Second look', 'Third look']) {
      posted.push((await gqlOk(staff, PostReviewDocument, { input: review(feedback) })).postReview);
    }
    expect(posted[0]).toMatchObject({ applicantId, reviewerId: staff.sub, feedback: 'First look', scholarshipLikelihoodPercent: 40 });

    const first = (await gqlOk(owner, ListReviewsDocument, { applicantId, limit: 2 })).listReviews;
    expect(first.items.map((r) => r.feedback)).toEqual(['Third look', 'Second look']);
    expect(first.nextToken).toEqual(expect.any(String));
    const second = (await gqlOk(owner, ListReviewsDocument, { applicantId, limit: 2, nextToken: first.nextToken })).listReviews;
    expect(second.items.map((r) => r.feedback)).toEqual(['First look']);
    expect(second.nextToken).toBeNull();

    const audit = await auditEventsOf('REVIEW', posted[2]!.id);
    expect(audit).toEqual([expect.objectContaining({ action: 'REVIEW_POSTED', actorId: staff.sub })]);
  });

  it.each([
    [{ feedback: '' }, 'input.feedback: must not be empty'],
    [{ scholarshipLikelihoodPercent: 101 }, 'input.scholarshipLikelihoodPercent: must be a whole number from 0 to 100'],
  ])('given %j, when staff post it, then a ValidationError names the field and the rule and nothing is written', async (change, message) => {
    const before = (await gqlOk(staff, ListReviewsDocument, { applicantId, limit: 100 })).listReviews.items.length;
    const result = await gql(staff, PostReviewDocument, { input: { ...review('Fine'), ...change } });
    expect(result.data).toBeNull();
    expect(result.errors).toEqual([expect.objectContaining({ errorType: 'ValidationError', message })]);
    expect((await gqlOk(staff, ListReviewsDocument, { applicantId, limit: 100 })).listReviews.items).toHaveLength(before);
  });

  it('given an applicant, when they try to post a review, then it is Unauthorized', async () => {
    const result = await gql(owner, PostReviewDocument, { input: review('I am great') });
    expect(result.errors.map((e) => e.errorType)).toEqual(['Unauthorized']);
  });

  it('given another applicant, when they list the reviews, then the answer is the one for a missing applicant', async () => {
    const theirs = await gql(stranger, ListReviewsDocument, { applicantId });
    const missing = await gql(stranger, ListReviewsDocument, { applicantId: '01JNZZZZZZZZZZZZZZZZZZZZZZ' });
    expect(theirs.errors).toEqual([expect.objectContaining({ errorType: 'NotFound', message: 'Applicant not found' })]);
    expect(missing.errors).toEqual(theirs.errors);
    expect(theirs.data).toBeNull();
  });
});

describe('eligibility checks', () => {
  it('given checks by the owner and by staff, when they are listed, then each is stored with its result and who ran it, newest first', async () => {
    const top = (await gqlOk(owner, RunEligibilityCheckDocument, { input: { applicantId, gpa: 3.6, toefl: 95, notes: 'Spring scores' } }))
      .runEligibilityCheck;
    expect(top).toMatchObject({ eligible: true, recommendations: ['Top-tier programs', 'Scholarship-focused options'], ranBy: owner.sub });
    const solid = (await gqlOk(staff, RunEligibilityCheckDocument, { input: { applicantId, gpa: 3.0, toefl: 80 } })).runEligibilityCheck;
    expect(solid).toMatchObject({ eligible: true, recommendations: ['Solid programs', 'Consider mid-tier schools'], ranBy: staff.sub, notes: null });
    const low = (await gqlOk(owner, RunEligibilityCheckDocument, { input: { applicantId, gpa: 3.9, toefl: 79 } })).runEligibilityCheck;
    expect(low).toMatchObject({ eligible: false, recommendations: ['Foundational programs', 'Language or academic prep first'] });

    const listed = (await gqlOk(staff, ListEligibilityChecksDocument, { applicantId })).listEligibilityChecks.items;
    expect(listed.map((c) => c.id)).toEqual([low.id, solid.id, top.id]);
    expect(await getItem(eligibilityKey(applicantId, top.id))).toMatchObject({ type: 'ELIGIBILITY_CHECK', ownerId: owner.sub, gpa: 3.6, toefl: 95 });
    expect(await auditEventsOf('ELIGIBILITY_CHECK', solid.id)).toEqual([
      expect.objectContaining({ action: 'ELIGIBILITY_CHECKED', actorId: staff.sub }),
    ]);
  });

  it('given GPA 4.5, when the owner runs a check, then the error names input.gpa and the rule, and nothing is written', async () => {
    const before = (await gqlOk(owner, ListEligibilityChecksDocument, { applicantId, limit: 100 })).listEligibilityChecks.items.length;
    const result = await gql(owner, RunEligibilityCheckDocument, { input: { applicantId, gpa: 4.5, toefl: 100 } });
    expect(result.data).toBeNull();
    expect(result.errors).toEqual([expect.objectContaining({ errorType: 'ValidationError', message: 'input.gpa: must be from 0 to 4' })]);
    expect((await gqlOk(owner, ListEligibilityChecksDocument, { applicantId, limit: 100 })).listEligibilityChecks.items).toHaveLength(before);
  });

  it.each([
    [{ toefl: 121 }, 'input.toefl: must be a whole number from 0 to 120'],
    [{ notes: 'x'.repeat(1001) }, 'input.notes: must be at most 1000 characters'],
  ])('given %j, when the owner runs a check, then the error names the field and the rule', async (change, message) => {
    const result = await gql(owner, RunEligibilityCheckDocument, { input: { applicantId, gpa: 3, toefl: 90, ...change } });
    expect(result.errors).toEqual([expect.objectContaining({ errorType: 'ValidationError', message })]);
  });

  it('given another applicant, when they run or list checks, then the answer is the one for a missing applicant', async () => {
    const run = await gql(stranger, RunEligibilityCheckDocument, { input: { applicantId, gpa: 3, toefl: 90 } });
    const list = await gql(stranger, ListEligibilityChecksDocument, { applicantId });
    expect(run.errors.map((e) => e.errorType)).toEqual(['NotFound']);
    expect(list.errors.map((e) => e.errorType)).toEqual(['NotFound']);
  });
});

describe('ML consent and recommendation', () => {
  it('given the owner, when they consent, ask, revoke and ask again, then the recommendation follows the consent and invents nothing', async () => {
    expect((await gqlOk(owner, MlConsentDocument, { applicantId })).mlConsent).toBeNull();
    const without = (await gqlOk(owner, MlRecommendationDocument, { applicantId })).mlRecommendation;
    expect(without).toMatchObject({ applicantId, available: false, recommendations: [] });
    expect(without.message).toMatch(/need your consent/);

    const given = (await gqlOk(owner, SetMlConsentDocument, { input: { applicantId, consentGiven: true } })).setMlConsent;
    expect(given).toMatchObject({ userId: owner.sub, applicantId, consentVersion: 'v1', consentGiven: true, revokedAt: null });
    expect(given.consentedAt).toEqual(expect.any(String));
    expect((await gqlOk(owner, MlConsentDocument, { applicantId })).mlConsent).toEqual(given);
    const withConsent = (await gqlOk(owner, MlRecommendationDocument, { applicantId })).mlRecommendation;
    expect(withConsent).toMatchObject({ available: false, recommendations: [] });
    expect(withConsent.message).toMatch(/No recommendation model is deployed yet/);

    const revoked = (await gqlOk(owner, SetMlConsentDocument, { input: { applicantId, consentGiven: false } })).setMlConsent;
    expect(revoked).toMatchObject({ consentGiven: false, consentedAt: given.consentedAt });
    expect(revoked.revokedAt).toEqual(expect.any(String));
    expect((await gqlOk(owner, MlRecommendationDocument, { applicantId })).mlRecommendation.message).toMatch(/need your consent/);

    const stored = await getItem(mlConsentKey(owner.sub, applicantId, 'v1'));
    expect(stored).toMatchObject({ type: 'ML_CONSENT', version: 2, ownerId: owner.sub });
    expect((await auditEventsOf('ML_CONSENT', applicantId)).map((e) => e.action)).toEqual(['ML_CONSENT_GIVEN', 'ML_CONSENT_REVOKED']);
  });

  it('given the owner’s consent, when staff ask for their own, then each user’s consent is their own', async () => {
    expect((await gqlOk(staff, MlConsentDocument, { applicantId })).mlConsent).toBeNull();
  });

  it('given another applicant, when they record consent for this applicant, then the answer is the one for a missing applicant', async () => {
    const result = await gql(stranger, SetMlConsentDocument, { input: { applicantId, consentGiven: true } });
    expect(result.errors).toEqual([expect.objectContaining({ errorType: 'NotFound', message: 'Applicant not found' })]);
    expect(await getItem(mlConsentKey(stranger.sub, applicantId, 'v1'))).toBeNull();
  });
});
