import { beforeAll, describe, expect, it } from 'vitest';
import {
  CreateTaskDocument,
  DeactivateUserDocument,
  GetApplicantDocument,
  InviteStaffDocument,
  ListMessagesDocument,
  ListReviewsDocument,
  ListTasksDocument,
  MeDocument,
  PostReviewDocument,
  SendMessageDocument,
  SetUserRoleDocument,
  UpdateApplicantDocument,
  UpdateMyProfileDocument,
} from '../../schema/generated/client/graphql.ts';
import { createUser, signIn, uniqueEmail, type SignedInUser } from '../setup/users.ts';
import { createApplicant, gql, gqlOk, type GraphqlError } from './support/api.ts';

// An ID token keeps its groups until it expires, whatever happens to its user meanwhile. Every write checks the
// caller's profile (active, in a role covering the token's groups) inside its own transaction, or before a Cognito
// call, so a deactivated or demoted user's still-valid token writes nothing.

let admin: SignedInUser;
let owner: SignedInUser;
beforeAll(async () => {
  [admin, owner] = await Promise.all([createUser({ group: 'admin' }), createUser({ group: 'applicant' })]);
});

const expectUnauthorized = (errors: GraphqlError[]) => expect(errors.map((e) => e.errorType)).toEqual(['Unauthorized']);

describe('a deactivated staff member with a token issued before', () => {
  it('given staff deactivated by an admin, when their old token writes, then every write is Unauthorized and nothing changed', async () => {
    const staff = await createUser({ group: 'staff' });
    const applicant = await createApplicant(owner);
    // The token works before: a reply is written.
    await gqlOk(staff, SendMessageDocument, { input: { applicantId: applicant.id, body: 'Before deactivation' } });
    await gqlOk(admin, DeactivateUserDocument, { userId: staff.sub });

    expectUnauthorized((await gql(staff, SendMessageDocument, { input: { applicantId: applicant.id, body: 'After' } })).errors);
    expectUnauthorized((await gql(staff, PostReviewDocument, { input: { applicantId: applicant.id, positive: true, feedback: 'Fine', scholarshipLikelihoodPercent: 50 } })).errors);
    expectUnauthorized((await gql(staff, CreateTaskDocument, { input: { applicantId: applicant.id, assigneeId: staff.sub, title: 'Self-assigned' } })).errors);
    const me = (await gqlOk(staff, MeDocument, {})).me;
    expectUnauthorized((await gql(staff, UpdateMyProfileDocument, { input: { fullName: 'Renamed', expectedVersion: me!.version } })).errors);

    const messages = (await gqlOk(owner, ListMessagesDocument, { applicantId: applicant.id })).listMessages.items;
    expect(messages.map((m) => m.body)).toEqual(['Before deactivation']);
    expect((await gqlOk(owner, ListReviewsDocument, { applicantId: applicant.id })).listReviews.items).toEqual([]);
    expect((await gqlOk(admin, ListTasksDocument, { applicantId: applicant.id })).listTasks.items).toEqual([]);
    expect((await gqlOk(admin, MeDocument, {})).me?.fullName).not.toBe('Renamed');
  });
});

describe('a demoted user with a token issued before', () => {
  it('given staff demoted to APPLICANT, when their old staff token writes as staff, then it is Unauthorized and the applicant is unchanged', async () => {
    const staff = await createUser({ group: 'staff' });
    const applicant = await createApplicant(owner);
    await gqlOk(admin, SetUserRoleDocument, { userId: staff.sub, role: 'APPLICANT' });
    const edit = await gql(staff, UpdateApplicantDocument, { input: { id: applicant.id, expectedVersion: applicant.version, firstName: 'Changed' } });
    expectUnauthorized(edit.errors);
    const after = (await gqlOk(owner, GetApplicantDocument, { id: applicant.id })).getApplicant;
    expect(after).toMatchObject({ firstName: applicant.firstName, version: applicant.version });
  });

  it('given an admin demoted to STAFF, when their old admin token invites staff, then it is Unauthorized before Cognito is called', async () => {
    const demoted = await createUser({ group: 'admin' });
    await gqlOk(admin, SetUserRoleDocument, { userId: demoted.sub, role: 'STAFF' });
    const email = uniqueEmail('invitee');
    expectUnauthorized((await gql(demoted, InviteStaffDocument, { input: { email, fullName: 'Invitee', role: 'ADMIN' } })).errors);
    // No Cognito user was created: the same invitation by an admin in good standing goes through.
    await gqlOk(admin, InviteStaffDocument, { input: { email, fullName: 'Invitee', role: 'STAFF' } });
  });

  it('given the same user signing in again after the demotion, when they write as what they now are, then it works', async () => {
    const staff = await createUser({ group: 'staff' });
    await gqlOk(admin, SetUserRoleDocument, { userId: staff.sub, role: 'APPLICANT' });
    const fresh = await signIn(staff.email, staff.password);
    expect(fresh.groups).toEqual(['applicant']);
    await expect(createApplicant(fresh)).resolves.toMatchObject({ status: 'DRAFT' });
  });
});
