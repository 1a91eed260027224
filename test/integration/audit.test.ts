import { beforeAll, describe, expect, it } from 'vitest';
import {
  ListAuditEventsDocument,
  UpdateApplicantDocument,
  type AuditEventFieldsFragment,
  type ListAuditEventsQueryVariables,
} from '../../schema/generated/client/graphql.ts';
import { createUser, type SignedInUser } from '../setup/users.ts';
import { print } from 'graphql';
import { localStack } from '../setup/local-stack.ts';
import { postGraphql } from '../unit/server/support/clients.ts';
import { createApplicant, gql, gqlOk } from './support/api.ts';

// The audit log over real HTTP: admins read it by resource, by actor and by day, newest first, paged.

let admin: SignedInUser;
let owner: SignedInUser;
let applicantId: string;

beforeAll(async () => {
  [admin, owner] = await Promise.all([createUser({ group: 'admin' }), createUser({ group: 'applicant' })]);
  applicantId = (await createApplicant(owner)).id;
  await gqlOk(owner, UpdateApplicantDocument, { input: { id: applicantId, expectedVersion: 1, lastName: 'Renamed' } });
});

/** Every page of a listing, following nextToken (at most `maxPages`). */
async function allPages(args: ListAuditEventsQueryVariables, limit: number, maxPages = 50): Promise<{ events: AuditEventFieldsFragment[]; pages: number }> {
  const events: AuditEventFieldsFragment[] = [];
  let nextToken: string | null | undefined;
  let pages = 0;
  do {
    const page = (await gqlOk(admin, ListAuditEventsDocument, { ...args, limit, nextToken })).listAuditEvents;
    events.push(...page.items);
    nextToken = page.nextToken;
    pages += 1;
  } while (nextToken && pages < maxPages);
  return { events, pages };
}

describe('listAuditEvents', () => {
  it('given an applicant created then updated, when an admin pages its trail one at a time, then newest first with the actor, JSON details and source IP', async () => {
    const { events, pages } = await allPages({ resourceType: 'APPLICANT', resourceId: applicantId }, 1);
    // One event a page; a full page always carries a nextToken, so DynamoDB's empty third page ends the listing.
    expect(pages).toBe(3);
    expect(events.map((e) => e.action)).toEqual(['APPLICANT_UPDATED', 'APPLICANT_CREATED']);
    for (const event of events) expect(event).toMatchObject({ actorId: owner.sub, resourceType: 'APPLICANT', resourceId: applicantId });
    expect(JSON.parse(events[0]!.details!)).toEqual({ fields: ['lastName'] });
    expect(typeof events[0]!.sourceIp).toBe('string');
  });

  it('given a forged X-Forwarded-For, when the owner updates the applicant, then the audit entry keeps the address of the connection', async () => {
    const forged = '198.51.100.99';
    const other = await createUser({ group: 'applicant' });
    const { id } = await createApplicant(other);
    const response = await postGraphql(
      localStack().urls.graphql,
      { query: print(UpdateApplicantDocument), variables: { input: { id, expectedVersion: 1, lastName: 'Forged' } } },
      { token: other.idToken, headers: { 'x-forwarded-for': `${forged}, 203.0.113.1` } },
    );
    expect(response.body.errors).toBeUndefined();

    const { events } = await allPages({ resourceType: 'APPLICANT', resourceId: id }, 10);
    expect(events.map((e) => e.action)).toEqual(['APPLICANT_UPDATED', 'APPLICANT_CREATED']);
    expect(events[0]!.sourceIp).not.toBe(forged);
    expect(events[0]!.sourceIp).toMatch(/^(127\.0\.0\.1|::1)$/);
  });

  it('given an actor, when an admin lists their events, then only theirs, newest first', async () => {
    const { events } = await allPages({ actorId: owner.sub }, 100);
    expect(events.map((e) => e.action)).toEqual(['APPLICANT_UPDATED', 'APPLICANT_CREATED']);
  });

  it('given today (UTC), when an admin lists the day, then it holds this applicant\'s events in newest-first order', async () => {
    const day = new Date().toISOString().slice(0, 10);
    const { events } = await allPages({ day }, 100, 20);
    const ids = events.map((e) => e.id);
    expect(ids).toEqual([...ids].sort().reverse());
    expect(events.filter((e) => e.resourceId === applicantId).map((e) => e.action)).toEqual(['APPLICANT_UPDATED', 'APPLICANT_CREATED']);
  });

  it.each([
    [{}, 'arguments: give exactly one of resourceType with resourceId, actorId, or day'],
    [{ actorId: 'someone', day: '2025-01-01' }, 'arguments: give exactly one of resourceType with resourceId, actorId, or day'],
    [{ resourceType: 'APPLICANT' }, 'resourceId: is required with resourceType'],
  ] as [ListAuditEventsQueryVariables, string][])('given %o, when an admin lists, then a ValidationError names the argument and the rule', async (args, message) => {
    const result = await gql(admin, ListAuditEventsDocument, args);
    expect(result.errors[0]).toMatchObject({ errorType: 'ValidationError', message });
  });

  it('given staff, when they list the audit log, then they are Unauthorized', async () => {
    const staff = await createUser({ group: 'staff' });
    expect((await gql(staff, ListAuditEventsDocument, { actorId: owner.sub })).errors[0]?.errorType).toBe('Unauthorized');
  });
});
