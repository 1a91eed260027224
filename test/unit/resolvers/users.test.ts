import { describe, expect, it } from 'vitest';
import { callers, describeTransactItem, evaluate, functionBundle, readable, resolverBundle } from './evaluate-resolver.ts';
import { errorTypeOf, runFunction } from './run-function.ts';

// Users: listStaff, updateMyProfile, setNotificationPreferences (loadMyProfile → writeProfileChanges).

const profile = (caller: { sub: string }, team: boolean) => ({
  type: 'USER',
  id: caller.sub,
  email: `${caller.sub}@example.com`,
  fullName: 'Old Name',
  role: team ? 'STAFF' : 'APPLICANT',
  active: true,
  notificationPreferences: { optedOut: [] },
  createdAt: '2025-01-01T00:00:00.000Z',
  updatedAt: '2025-01-01T00:00:00.000Z',
  version: 2,
  ...(team ? { gsi4pk: 'TEAM', gsi4sk: `Old Name#${caller.sub}` } : {}),
});

describe('listStaff', () => {
  it('given a page request, when it is built, then it is one Query of gsi4 TEAM sorted by name A to Z', () => {
    const { result } = evaluate(resolverBundle('Query', 'listStaff'), 'request', { caller: callers.staff, arguments: { limit: 50 } });
    expect(result).toMatchObject({ operation: 'Query', index: 'gsi4', limit: 50, nextToken: null, scanIndexForward: true });
    expect(readable(result.query)).toBe('gsi4pk = "TEAM"');
  });
});

describe('updateMyProfile', () => {
  const before = resolverBundle('Mutation', 'updateMyProfile');

  it('given a new name, when the resolver starts, then it stashes the trimmed name, the action and the version', () => {
    const { stash } = evaluate(before, 'request', { caller: callers.applicantA, arguments: { input: { fullName: ' Ada Lovelace ', expectedVersion: 2 } } });
    expect(stash.profileChanges).toEqual({ set: { fullName: 'Ada Lovelace' }, action: 'PROFILE_UPDATED', details: { fields: ['fullName'] }, expectedVersion: 2 });
  });

  it('given an empty or too long name, when the resolver starts, then it refuses naming input.fullName', () => {
    const run = (fullName: string) => evaluate(before, 'request', { caller: callers.applicantA, arguments: { input: { fullName, expectedVersion: 2 } } }).error;
    expect(run('  ')).toBe('input.fullName: must not be empty');
    expect(run('x'.repeat(101))).toBe('input.fullName: must be at most 100 characters');
  });
});

describe('setNotificationPreferences', () => {
  it('given repeated topics, when the resolver starts, then each is kept once', () => {
    const { stash } = evaluate(resolverBundle('Mutation', 'setNotificationPreferences'), 'request', {
      caller: callers.applicantA,
      arguments: { input: { optedOut: ['NEW_MESSAGE', 'PAYMENT_RECEIPT', 'NEW_MESSAGE'], expectedVersion: 2 } },
    });
    expect(stash.profileChanges.set).toEqual({ notificationPreferences: { optedOut: ['NEW_MESSAGE', 'PAYMENT_RECEIPT'] } });
    expect(stash.profileChanges.action).toBe('NOTIFICATION_PREFERENCES_SET');
  });
});

describe('loadMyProfile', () => {
  const code = functionBundle('loadMyProfile');

  it('given a caller, when it builds its request, then it reads their own profile consistently', () => {
    const { result } = evaluate(code, 'request', { caller: callers.applicantB });
    expect(result).toEqual({ operation: 'GetItem', key: { pk: { S: `USER#${callers.applicantB.sub}` }, sk: { S: 'PROFILE' } }, consistentRead: true });
  });

  it('given no profile item, when it answers, then it is not found', () => {
    expect(evaluate(code, 'response', { caller: callers.applicantB, result: null }).error).toBe('Profile not found');
  });
});

describe('writeProfileChanges', () => {
  const code = functionBundle('writeProfileChanges');
  const rename = { set: { fullName: 'New Name' }, action: 'PROFILE_UPDATED', details: { fields: ['fullName'] }, expectedVersion: 2 };

  it('given a team member renaming themself, when the write is built, then the gsi4 TEAM sort key follows the name in the same update, on the version', () => {
    const { result, stash } = evaluate(code, 'request', { caller: callers.staff, stash: { profile: profile(callers.staff, true), profileChanges: rename } });
    const [update, audit] = result.transactItems.map(describeTransactItem);
    expect(update.key).toEqual({ pk: `USER#${callers.staff.sub}`, sk: 'PROFILE' });
    expect(update.update).toMatch(new RegExp(`^SET fullName = "New Name", updatedAt = "[^"]+", gsi4sk = "New Name#${callers.staff.sub}" ADD version 1$`));
    expect(update.condition).toBe('attribute_exists(pk) AND version = 2');
    expect(audit.key.pk).toBe(`AUDIT#USER#${callers.staff.sub}`);
    expect(audit.attributes.action).toBe('PROFILE_UPDATED');
    expect(stash.updatedProfile).toMatchObject({ fullName: 'New Name', version: 3 });
  });

  it('given an applicant renaming themself, when the write is built, then no team key is written', () => {
    const { result } = evaluate(code, 'request', { caller: callers.applicantA, stash: { profile: profile(callers.applicantA, false), profileChanges: rename } });
    expect(readable(result.transactItems[0].update)).not.toContain('gsi4sk');
  });

  it('given a stale expectedVersion, when the write is built, then it is a ConflictError before any request', async () => {
    const run = await runFunction('writeProfileChanges', callers.applicantA, { profile: profile(callers.applicantA, false), profileChanges: { ...rename, expectedVersion: 1 } });
    expect(errorTypeOf(run)).toBe('ConflictError');
    expect(run.errors[0]?.message).toBe('Profile was changed by someone else: expectedVersion 1 is not its current version; read it again');
  });
});
