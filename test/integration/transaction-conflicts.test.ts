import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CreateApplicantDocument, UpdateApplicantDocument } from '../../schema/generated/client/graphql.ts';
import { createUser, type SignedInUser } from '../setup/users.ts';
import { applicantInput, createApplicant } from './support/api.ts';
import { startExtraApi, type ExtraApi } from './support/extra-api.ts';

// With DynamoDB's transaction conflicts switched on (as AWS behaves; DynamoDB Local serializes transactions), a
// cancelled transaction answers a retryable TransactionConflict without internals, and the sharded dashboard
// counters let creations of different applicants run at once.

let owner: SignedInUser;
let api: ExtraApi;
beforeAll(async () => {
  owner = await createUser({ group: 'applicant' });
  api = await startExtraApi({ transactionConflicts: { holdMs: 50 } });
});
afterAll(() => api?.close());

describe('TransactionConflict', () => {
  it('given two edits of one applicant overlapping in DynamoDB, when both run, then one is cancelled with a retryable TransactionConflict', async () => {
    const applicant = await createApplicant(owner);
    const edit = (firstName: string) => api.gql(owner, UpdateApplicantDocument, { input: { id: applicant.id, expectedVersion: applicant.version, firstName } });
    const results = await Promise.all([edit('Ana'), edit('Bia')]);
    const errors = results.flatMap((r) => r.errors);
    expect(results.filter((r) => r.errors.length === 0)).toHaveLength(1);
    expect(errors.map((e) => e.errorType)).toEqual(['TransactionConflict']);
    expect(errors[0]?.message).toMatch(/send the same request again/);
    expect(errors[0]?.message).not.toMatch(/DynamoDB|Exception|cancellation reasons/);
  });

  it('given 8 applicants created at once, when each transaction also moves the DRAFT counter, then the shards keep them from conflicting', async () => {
    // Different owners (each write also checks its caller's profile). Ids landing on one shard may still conflict.
    const owners = await Promise.all(Array.from({ length: 8 }, () => createUser({ group: 'applicant' })));
    const results = await Promise.all(owners.map((o) => api.gql(o, CreateApplicantDocument, { input: applicantInput() })));
    const conflicts = results.filter((r) => r.errors.some((e) => e.errorType === 'TransactionConflict')).length;
    expect(results.filter((r) => r.errors.length === 0).length).toBeGreaterThan(conflicts);
    expect(conflicts).toBeLessThan(7);
  });
});
