import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { evaluateCode } from '../../../local/appsync/index.ts';
import { transitionRefusal, transitions, type StatusMove } from '../../../resolvers/lib/pipeline.ts';
import {
  callers,
  describeTransactItem,
  evaluate,
  functionBundle,
  plainMap,
  readable,
  resolverBundle,
  runHandlers,
  tableName,
} from './evaluate-resolver.ts';
import { errorTypeOf, runFunction } from './run-function.ts';
import { counterShardOf } from '../../../resolvers/lib/counters.ts';
import { counterShardKey } from '../../../resolvers/lib/keys.ts';

// Applicants: the pipeline rules, and each resolver's and function's request shape as the evaluator produces it from
// the built bundles (`npm run build` first).

const applicantId = '01J9ZQ4M2V7C3T8K5R6N1P0W9A';
const staffSub = 'b1c2d3e4-0000-4000-8000-000000005a1f';

const stored = {
  type: 'APPLICANT',
  id: applicantId,
  ownerId: callers.applicantA.sub,
  firstName: 'Amara',
  lastName: 'Okafor',
  countryOfResidence: 'Nigeria',
  studyDestination: 'USA',
  levelOfStudy: 'GRADUATE',
  serviceInterest: 'SCHOLARSHIP_SUPPORT',
  status: 'IN_REVIEW',
  statusChangedAt: '2025-01-02T00:00:00.000Z',
  statusChangedBy: callers.staff.sub,
  bundle: { name: 'Registration documents', status: 'SUBMITTED', updatedAt: '2025-01-02T00:00:00.000Z' },
  createdAt: '2025-01-01T00:00:00.000Z',
  updatedAt: '2025-01-02T00:00:00.000Z',
  version: 4,
  gsi1pk: `OWNER#${callers.applicantA.sub}`,
  gsi1sk: `APPLICANT#${applicantId}`,
  gsi2pk: 'APPLICANT_STATUS#IN_REVIEW',
  gsi2sk: applicantId,
  gsi4pk: 'APPLICANTS',
  gsi4sk: applicantId,
};

const inStatus = (status: string, extra: Record<string, unknown> = {}) => ({
  ...stored,
  status,
  gsi2pk: `APPLICANT_STATUS#${status}`,
  ...extra,
});

const createInput = {
  firstName: '  Amara ',
  lastName: 'Okafor',
  countryOfResidence: 'Nigeria',
  studyDestination: 'USA',
  levelOfStudy: 'GRADUATE',
  serviceInterest: 'SCHOLARSHIP_SUPPORT',
  annualBudgetUsd: 12000,
  latestEducation: '',
};

describe('the pipeline table', () => {
  it('given docs/pipeline.md, when its transition table is read, then it lists exactly the rules of lib/pipeline.ts', () => {
    const doc = readFileSync('docs/pipeline.md', 'utf8');
    const table = doc.split('<!-- pipeline-table:start -->')[1]!.split('<!-- pipeline-table:end -->')[0]!;
    const rows = table
      .trim()
      .split('\n')
      .slice(2)
      .map((line) => line.split('|').slice(1, -1).map((cell) => cell.trim()).join(' | '));
    const fromModule = transitions.map((t) => [t.from, t.to, t.via, t.by, t.action, t.bundleStatus ?? ''].join(' | '));
    expect(rows).toEqual(fromModule);
  });

  const move = (m: Partial<StatusMove>): StatusMove => ({
    via: 'changeApplicantStatus',
    from: 'IN_REVIEW',
    to: 'CONSULTATION_SCHEDULED',
    callerIsOwner: false,
    callerIsTeam: true,
    ...m,
  });

  it('given staff, when they move one step forward, then it is allowed', () => {
    expect(transitionRefusal(move({}))).toBeNull();
  });

  it('given staff, when they skip a step, then the refusal names from and to and what is allowed', () => {
    expect(transitionRefusal(move({ to: 'APPLICATION_PROCESS' }))).toBe(
      'Applicant status cannot change from IN_REVIEW to APPLICATION_PROCESS: from IN_REVIEW, changeApplicantStatus allows CONSULTATION_SCHEDULED (see docs/pipeline.md)',
    );
  });

  it('given the owner, when they try a staff move, then it is refused as staff-only', () => {
    expect(transitionRefusal(move({ callerIsOwner: true, callerIsTeam: false }))).toBe(
      'Applicant status cannot change from IN_REVIEW to CONSULTATION_SCHEDULED: only staff and admins may make this change',
    );
  });

  it('given staff, when they submit for the owner, then it is refused: only the owner submits', () => {
    expect(transitionRefusal(move({ via: 'submitApplicant', from: 'DRAFT', to: 'DOCUMENTS_SUBMITTED' }))).toBe(
      "Applicant status cannot change from DRAFT to DOCUMENTS_SUBMITTED: only the applicant's owner may make this change",
    );
  });

  it('given a final status, when staff move it anywhere but archive, then it is refused', () => {
    expect(transitionRefusal(move({ from: 'ACCEPTED', to: 'REJECTED' }))).toBe(
      'Applicant status cannot change from ACCEPTED to REJECTED: changeApplicantStatus allows no change from ACCEPTED (see docs/pipeline.md)',
    );
    expect(transitionRefusal(move({ via: 'archiveApplicant', from: 'ACCEPTED', to: 'ARCHIVED', callerIsOwner: true, callerIsTeam: false }))).toBeNull();
  });

  it('given an archived applicant, when staff restore it, then only its previous status is allowed', () => {
    expect(transitionRefusal(move({ from: 'ARCHIVED', to: 'IN_REVIEW', previousStatus: 'IN_REVIEW' }))).toBeNull();
    expect(transitionRefusal(move({ from: 'ARCHIVED', to: 'DRAFT', previousStatus: 'IN_REVIEW' }))).toBe(
      'Applicant status cannot change from ARCHIVED to DRAFT: from ARCHIVED, changeApplicantStatus allows IN_REVIEW (see docs/pipeline.md)',
    );
    expect(transitionRefusal(move({ from: 'ARCHIVED', to: 'IN_REVIEW', previousStatus: 'IN_REVIEW', callerIsOwner: true, callerIsTeam: false }))).toBe(
      'Applicant status cannot change from ARCHIVED to IN_REVIEW: only staff and admins may make this change',
    );
  });

  it('given ARCHIVED as a target, when asked through changeApplicantStatus, then it is refused (archiveApplicant keeps previousStatus)', () => {
    expect(transitionRefusal(move({ to: 'ARCHIVED' }))).toContain('from IN_REVIEW to ARCHIVED');
  });

  it('given the same status, when asked, then the refusal says it is already there', () => {
    expect(transitionRefusal(move({ via: 'archiveApplicant', from: 'ARCHIVED', to: 'ARCHIVED' }))).toBe(
      'Applicant status cannot change from ARCHIVED to ARCHIVED: it is already ARCHIVED',
    );
  });
});

describe('createApplicant', () => {
  const code = resolverBundle('Mutation', 'createApplicant');

  it('given an applicant and valid input, when the request is built, then ONE transaction puts the applicant, the thread, the DRAFT counter and the audit event', () => {
    const { result, error } = evaluate(code, 'request', { caller: callers.applicantA, arguments: { input: createInput } });
    expect(error).toBeUndefined();
    expect(result.operation).toBe('TransactWriteItems');
    const [applicant, thread, counters, audit, callerCheck] = result.transactItems.map(describeTransactItem);
    expect(result.transactItems).toHaveLength(5);
    expect(callerCheck).toMatchObject({ operation: 'ConditionCheck', key: { pk: `USER#${callers.applicantA.sub}`, sk: 'PROFILE' } });
    expect(callerCheck.condition).toBe('attribute_exists(pk) AND active = true AND role IN ("APPLICANT", "STAFF", "ADMIN")');

    const id = applicant.attributes.id;
    expect(id).toMatch(/^[0-9A-HJKMNP-TV-Z]{26}$/);
    expect(applicant.operation).toBe('PutItem');
    expect(applicant.table).toBe(tableName);
    expect(applicant.key).toEqual({ pk: `APPLICANT#${id}`, sk: 'APPLICANT' });
    expect(applicant.condition).toBe('attribute_not_exists(pk)');
    expect(applicant.attributes).toMatchObject({
      type: 'APPLICANT',
      ownerId: callers.applicantA.sub,
      firstName: 'Amara',
      status: 'DRAFT',
      statusChangedBy: callers.applicantA.sub,
      bundle: { name: 'Registration documents', status: 'OPEN' },
      annualBudgetUsd: 12000,
      version: 1,
      gsi1pk: `OWNER#${callers.applicantA.sub}`,
      gsi1sk: `APPLICANT#${id}`,
      gsi2pk: 'APPLICANT_STATUS#DRAFT',
      gsi2sk: id,
      gsi4pk: 'APPLICANTS',
      gsi4sk: id,
    });
    expect(applicant.attributes).not.toHaveProperty('latestEducation');
    expect(applicant.attributes).not.toHaveProperty('gsi3pk');

    expect(thread).toMatchObject({
      operation: 'PutItem',
      key: { pk: `APPLICANT#${id}`, sk: 'THREAD' },
      condition: 'attribute_not_exists(pk)',
      attributes: { type: 'THREAD', applicantId: id, ownerId: callers.applicantA.sub, applicantName: 'Amara Okafor', unreadByStaff: 0, unreadByApplicant: 0, version: 1 },
    });
    expect(counters.key).toEqual(counterShardKey(counterShardOf(id)));
    expect(counters.update).toMatch(/ADD applicants_DRAFT 1$/);
    expect(audit.key.pk).toBe(`AUDIT#APPLICANT#${id}`);
    expect(audit.attributes).toMatchObject({ action: 'APPLICANT_CREATED', actorId: callers.applicantA.sub, resourceType: 'APPLICANT', sourceIp: '203.0.113.7' });
  });

  it.each([
    [{ firstName: ' ' }, 'input.firstName: must not be empty'],
    [{ lastName: 'x'.repeat(101) }, 'input.lastName: must be at most 100 characters'],
    [{ countryOfResidence: 'N' }, 'input.countryOfResidence: must be at least 2 characters'],
    [{ annualBudgetUsd: -1 }, 'input.annualBudgetUsd: must be a whole number of US dollars from 0 to 10000000'],
    [{ annualBudgetUsd: 10_000_001 }, 'input.annualBudgetUsd: must be a whole number of US dollars from 0 to 10000000'],
    [{ incomeSource: 'x'.repeat(201) }, 'input.incomeSource: must be at most 200 characters'],
  ])('given %o, when the request is built, then it refuses naming the field and the rule', (change, message) => {
    const { error, result } = evaluate(code, 'request', { caller: callers.applicantA, arguments: { input: { ...createInput, ...change } } });
    expect(error).toBe(message);
    expect(result).toBeUndefined();
  });

  it.each([
    ['staff', callers.staff],
    ['an admin', callers.admin],
  ])('given %s, when they create an applicant, then they are Unauthorized (the caller would become the owner)', async (_who, caller) => {
    const run = await runHandlers('Mutation', 'createApplicant', caller, { input: createInput });
    expect(run.errors[0]?.errorType).toBe('Unauthorized');
  });
});

describe('getApplicant', () => {
  const code = resolverBundle('Query', 'getApplicant');

  it('given an id, when the request is built, then it is one GetItem of the applicant key', () => {
    const { result } = evaluate(code, 'request', { caller: callers.applicantA, arguments: { id: applicantId } });
    expect(result).toEqual({ operation: 'GetItem', key: { pk: { S: `APPLICANT#${applicantId}` }, sk: { S: 'APPLICANT' } }, consistentRead: false });
  });

  it('given the item, when the owner, staff or another applicant reads it, then only the stranger gets null', () => {
    expect(evaluate(code, 'response', { caller: callers.applicantA, result: stored }).result).toEqual(stored);
    expect(evaluate(code, 'response', { caller: callers.staff, result: stored }).result).toEqual(stored);
    expect(evaluate(code, 'response', { caller: callers.applicantB, result: stored }).result).toBeNull();
  });

  it('given an id that is not a ULID, when the request is built, then it refuses naming id', () => {
    expect(evaluate(code, 'request', { caller: callers.applicantA, arguments: { id: 'nope' } }).error).toBe('id: must be an id issued by this API');
  });
});

describe('listMyApplicants and listApplicants', () => {
  it('given a caller, when listMyApplicants builds its request, then it is one Query of gsi1 OWNER#<sub>, newest first', () => {
    const { result } = evaluate(functionBundle('queryOwnApplicants'), 'request', { caller: callers.applicantB, arguments: { limit: 5, nextToken: 't' } });
    expect(result).toMatchObject({ operation: 'Query', index: 'gsi1', limit: 5, nextToken: 't', scanIndexForward: false });
    expect(readable(result.query)).toBe(`gsi1pk = "OWNER#${callers.applicantB.sub}"`);
  });

  const list = functionBundle('queryApplicantQueue');

  it('given no filter, when listApplicants builds its request, then it queries gsi4 APPLICANTS newest first', () => {
    const { result } = evaluate(list, 'request', { caller: callers.staff, arguments: {} });
    expect(result).toMatchObject({ operation: 'Query', index: 'gsi4', limit: 20, scanIndexForward: false });
    expect(readable(result.query)).toBe('gsi4pk = "APPLICANTS"');
    expect(result.filter).toBeUndefined();
  });

  it('given a status, when listApplicants builds its request, then it queries gsi2 APPLICANT_STATUS#<status>', () => {
    const { result } = evaluate(list, 'request', { caller: callers.staff, arguments: { status: 'IN_REVIEW' } });
    expect(result.index).toBe('gsi2');
    expect(readable(result.query)).toBe('gsi2pk = "APPLICANT_STATUS#IN_REVIEW"');
  });

  it('given an assignee and a status, when listApplicants builds its request, then both are the gsi5 key condition and nothing is filtered', () => {
    const { result } = evaluate(list, 'request', { caller: callers.staff, arguments: { assignedStaffId: staffSub, status: 'IN_REVIEW' } });
    expect(result.index).toBe('gsi5');
    expect(readable(result.query)).toBe(`gsi5pk = "ASSIGNEE_STATUS#${staffSub}#IN_REVIEW" AND begins_with(gsi5sk, "APPLICANT#")`);
    expect(result.filter).toBeUndefined();
    expect(result.scanIndexForward).toBe(false);
  });

  it('given a limit of 0, when listApplicants builds its request, then it refuses naming limit', () => {
    expect(evaluate(list, 'request', { caller: callers.staff, arguments: { limit: 0 } }).error).toBe('limit: must be a whole number from 1 to 100');
  });
});

describe('dashboardSummary', () => {
  const code = resolverBundle('Query', 'dashboardSummary');
  const counters = { applicants_DRAFT: 3, applicants_ACCEPTED: 2, applicants_IN_REVIEW: 0, pendingTasks: 5, revenueCents: 150000, updatedAt: '2025-01-03T00:00:00.000Z' };

  it('given a request, when it is built, then it is ONE Query of the counters partition, every shard in one page', () => {
    const { result } = evaluate(code, 'request', { caller: callers.staff });
    expect(result).toMatchObject({ operation: 'Query', limit: 16, query: { expression: '#pk = :pk AND begins_with(#sk, :skPrefix)' } });
    expect(result.query.expressionValues).toEqual({ ':pk': { S: 'COUNTERS' }, ':skPrefix': { S: 'DASHBOARD#' } });
  });

  it('given the counters split over shards, when read, then each figure is the sum and updatedAt the latest', () => {
    const shards = [
      { ...counterShardKey(0), applicants_DRAFT: 2, pendingTasks: 5, revenueCents: 100000, updatedAt: '2025-01-01T00:00:00.000Z' },
      { ...counterShardKey(7), applicants_DRAFT: 1, applicants_ACCEPTED: 2, revenueCents: 50000, updatedAt: counters.updatedAt },
    ];
    const { result } = evaluate(code, 'response', { caller: callers.admin, result: { items: shards } });
    expect(result).toMatchObject({ acceptedClients: 2, pendingTasks: 5, totalRevenueCents: 150000, updatedAt: counters.updatedAt });
    expect(result.applicantsByStatus[0]).toEqual({ status: 'DRAFT', count: 3 });
  });

  it('given the counters, when an admin reads them, then every status is listed (zeros too), with accepted clients and revenue', () => {
    const { result } = evaluate(code, 'response', { caller: callers.admin, result: { items: [counters] } });
    expect(result.applicantsByStatus).toHaveLength(10);
    expect(result.applicantsByStatus[0]).toEqual({ status: 'DRAFT', count: 3 });
    expect(result.applicantsByStatus.find((s: { status: string }) => s.status === 'ARCHIVED')).toEqual({ status: 'ARCHIVED', count: 0 });
    expect(result).toMatchObject({ acceptedClients: 2, pendingTasks: 5, totalRevenueCents: 150000, updatedAt: counters.updatedAt });
  });

  it('given the counters, when staff read them, then revenue is null', () => {
    expect(evaluate(code, 'response', { caller: callers.staff, result: { items: [counters] } }).result.totalRevenueCents).toBeNull();
  });

  it('given no counters item yet, when read, then every figure is zero', () => {
    const { result } = evaluate(code, 'response', { caller: callers.admin, result: { items: [] } });
    expect(result).toMatchObject({ acceptedClients: 0, pendingTasks: 0, totalRevenueCents: 0, updatedAt: null });
  });
});

describe('the status mutations', () => {
  it('given submitApplicant, when it starts, then it names the applicant and asks for DOCUMENTS_SUBMITTED', () => {
    const { stash } = evaluate(resolverBundle('Mutation', 'submitApplicant'), 'request', { caller: callers.applicantA, arguments: { id: applicantId, expectedVersion: 1 } });
    expect(stash).toEqual({ applicantId, statusMove: { via: 'submitApplicant', to: 'DOCUMENTS_SUBMITTED', expectedVersion: 1, note: null } });
  });

  it('given archiveApplicant, when it starts, then it asks for ARCHIVED', () => {
    const { stash } = evaluate(resolverBundle('Mutation', 'archiveApplicant'), 'request', { caller: callers.applicantA, arguments: { id: applicantId, expectedVersion: 2 } });
    expect(stash.statusMove).toEqual({ via: 'archiveApplicant', to: 'ARCHIVED', expectedVersion: 2, note: null });
  });

  it('given changeApplicantStatus with a note too long or a version of 0, when it starts, then it refuses naming the field', () => {
    const code = resolverBundle('Mutation', 'changeApplicantStatus');
    const input = { id: applicantId, status: 'IN_REVIEW', expectedVersion: 1 };
    expect(evaluate(code, 'request', { caller: callers.staff, arguments: { input: { ...input, note: 'x'.repeat(1001) } } }).error).toBe(
      'input.note: must be at most 1000 characters',
    );
    expect(evaluate(code, 'request', { caller: callers.staff, arguments: { input: { ...input, expectedVersion: 0 } } }).error).toBe(
      'input.expectedVersion: must be a whole number from 1 to 2147483647',
    );
  });
});

describe('moveApplicantStatus', () => {
  const code = functionBundle('moveApplicantStatus');
  const move = (to: string, expectedVersion = stored.version, via = 'changeApplicantStatus', note: string | null = null) => ({ via, to, expectedVersion, note });

  it('given staff moving IN_REVIEW forward, when the request is built, then ONE transaction updates the applicant on version AND status, moves both counters and audits', () => {
    const { result, stash } = evaluate(code, 'request', {
      caller: callers.staff,
      stash: { applicant: stored, statusMove: move('CONSULTATION_SCHEDULED', 4, 'changeApplicantStatus', 'Call booked') },
    });
    expect(result.operation).toBe('TransactWriteItems');
    const [applicant, counters, audit] = result.transactItems.map(describeTransactItem);
    expect(result.transactItems).toHaveLength(4);
    expect(applicant.operation).toBe('UpdateItem');
    expect(applicant.key).toEqual({ pk: `APPLICANT#${applicantId}`, sk: 'APPLICANT' });
    expect(applicant.condition).toBe('attribute_exists(pk) AND version = 4 AND status = "IN_REVIEW"');
    expect(applicant.update).toMatch(
      new RegExp(`^SET status = "CONSULTATION_SCHEDULED", statusChangedAt = "[^"]+", statusChangedBy = "${callers.staff.sub}", gsi2pk = "APPLICANT_STATUS#CONSULTATION_SCHEDULED", updatedAt = "[^"]+" ADD version 1$`),
    );
    expect(counters.key).toEqual(counterShardKey(counterShardOf(applicantId)));
    expect(counters.update).toMatch(/ADD applicants_IN_REVIEW -1, applicants_CONSULTATION_SCHEDULED 1$/);
    expect(audit.attributes).toMatchObject({ action: 'APPLICANT_ADVANCED', resourceId: applicantId, actorId: callers.staff.sub });
    expect(JSON.parse(audit.attributes.details)).toEqual({ from: 'IN_REVIEW', to: 'CONSULTATION_SCHEDULED', via: 'changeApplicantStatus', note: 'Call booked' });
    expect(stash.updatedApplicant).toMatchObject({ status: 'CONSULTATION_SCHEDULED', version: 5, statusChangedBy: callers.staff.sub });
    expect(stash.notification).toEqual({
      topic: 'STATUS_CHANGED',
      recipientId: callers.applicantA.sub,
      applicantId,
      status: 'CONSULTATION_SCHEDULED',
      previousStatus: 'IN_REVIEW',
      note: 'Call booked',
    });
  });

  it('given an assigned applicant, when staff move it, then the same update moves its gsi5 assignee-status key to the new status', () => {
    const assigned = { ...stored, assignedStaffId: staffSub };
    const { result } = evaluate(code, 'request', { caller: callers.staff, stash: { applicant: assigned, statusMove: move('CONSULTATION_SCHEDULED', 4) } });
    const [applicant] = result.transactItems.map(describeTransactItem);
    expect(applicant.update).toContain(`gsi5pk = "ASSIGNEE_STATUS#${staffSub}#CONSULTATION_SCHEDULED", gsi5sk = "APPLICANT#${applicantId}"`);
  });

  it('given the owner submitting a DRAFT, when the request is built, then the bundle becomes SUBMITTED in the same update', () => {
    const { result, stash } = evaluate(code, 'request', { caller: callers.applicantA, stash: { applicant: inStatus('DRAFT'), statusMove: move('DOCUMENTS_SUBMITTED', 4, 'submitApplicant') } });
    const update = plainMap(result.transactItems[0].update.expressionValues);
    expect(update[':bundle']).toMatchObject({ name: 'Registration documents', status: 'SUBMITTED' });
    expect(stash.updatedApplicant.bundle.status).toBe('SUBMITTED');
    expect(stash.notification).toBeUndefined();
    expect(describeTransactItem(result.transactItems[2]).attributes!.action).toBe('APPLICANT_SUBMITTED');
  });

  it('given an archive, when the request is built, then previousStatus keeps the status it leaves', () => {
    const { result } = evaluate(code, 'request', { caller: callers.applicantA, stash: { applicant: stored, statusMove: move('ARCHIVED', 4, 'archiveApplicant') } });
    expect(readable(result.transactItems[0].update)).toContain('previousStatus = "IN_REVIEW"');
    expect(readable(result.transactItems[1].update)).toMatch(/ADD applicants_IN_REVIEW -1, applicants_ARCHIVED 1$/);
  });

  it('given a restore, when the request is built, then it returns to previousStatus and removes it', () => {
    const archived = inStatus('ARCHIVED', { previousStatus: 'IN_REVIEW' });
    const { result, stash } = evaluate(code, 'request', { caller: callers.staff, stash: { applicant: archived, statusMove: move('IN_REVIEW') } });
    const update = readable(result.transactItems[0].update);
    expect(update).toContain('status = "IN_REVIEW"');
    expect(update).toContain('REMOVE previousStatus');
    expect(describeTransactItem(result.transactItems[0]).condition).toBe('attribute_exists(pk) AND version = 4 AND status = "ARCHIVED"');
    expect(stash.updatedApplicant.previousStatus).toBeNull();
  });

  it('given a stale expectedVersion, when the request is built, then it is a ConflictError and no request is made', async () => {
    const run = await runFunction('moveApplicantStatus', callers.staff, { applicant: stored, statusMove: move('CONSULTATION_SCHEDULED', 3) });
    expect(errorTypeOf(run)).toBe('ConflictError');
    expect(run.errors[0]?.message).toBe('Applicant was changed by someone else: expectedVersion 3 is not its current version; read it again');
    expect(run.data).toBeNull();
  });

  it('given a skipped step, when the request is built, then it is TransitionNotAllowed naming from and to', async () => {
    const run = await runFunction('moveApplicantStatus', callers.staff, { applicant: stored, statusMove: move('ACCEPTED') });
    expect(errorTypeOf(run)).toBe('TransitionNotAllowed');
    expect(run.errors[0]?.message).toContain('cannot change from IN_REVIEW to ACCEPTED');
    expect(run.errors[0]?.errorInfo).toEqual({ from: 'IN_REVIEW', to: 'ACCEPTED' });
  });

  it('given a cancelled transaction, when the response runs, then it is a ConflictError', () => {
    const { error } = evaluate(code, 'response', {
      caller: callers.staff,
      stash: { statusMove: move('CONSULTATION_SCHEDULED') },
      error: { type: 'DynamoDB:TransactionCanceledException', message: 'Transaction cancelled' },
      result: { cancellationReasons: [{ type: 'ConditionalCheckFailed' }, { type: 'None' }, { type: 'None' }] },
    });
    expect(error).toBe('Applicant was changed by someone else: expectedVersion 4 is not its current version; read it again');
  });
});

describe('updateApplicant and writeApplicantChanges', () => {
  const before = resolverBundle('Mutation', 'updateApplicant');
  const write = functionBundle('writeApplicantChanges');

  it('given only a budget, when the resolver starts, then only that field is to change', () => {
    const { stash } = evaluate(before, 'request', { caller: callers.applicantA, arguments: { input: { id: applicantId, expectedVersion: 4, annualBudgetUsd: 5000 } } });
    expect(stash.applicantChanges).toEqual({ fields: { annualBudgetUsd: 5000 }, expectedVersion: 4 });
  });

  it('given no field, or a required field as null, when the resolver starts, then it refuses naming the field', () => {
    expect(evaluate(before, 'request', { caller: callers.applicantA, arguments: { input: { id: applicantId, expectedVersion: 4 } } }).error).toBe(
      'input: give at least one field to change',
    );
    expect(evaluate(before, 'request', { caller: callers.applicantA, arguments: { input: { id: applicantId, expectedVersion: 4, firstName: null } } }).error).toBe(
      'input.firstName: must not be null',
    );
  });

  it('given staff renaming the applicant and clearing the income source, when the request is built, then the update sets and removes just those, renames the thread, and audits the field names', () => {
    const applicant = { ...stored, incomeSource: 'Family' };
    const { result } = evaluate(write, 'request', {
      caller: callers.staff,
      stash: { applicant, applicantChanges: { fields: { firstName: 'Ama', incomeSource: null }, expectedVersion: 4 } },
    });
    const [update, thread, audit] = result.transactItems.map(describeTransactItem);
    expect(update.update).toMatch(/^SET firstName = "Ama", updatedAt = "[^"]+" REMOVE incomeSource ADD version 1$/);
    expect(update.condition).toBe('attribute_exists(pk) AND version = 4 AND status = "IN_REVIEW"');
    expect(thread.key).toEqual({ pk: `APPLICANT#${applicantId}`, sk: 'THREAD' });
    expect(thread.update).toMatch(/^SET applicantName = "Ama Okafor", updatedAt = "[^"]+" ADD version 1$/);
    expect(JSON.parse(audit.attributes.details)).toEqual({ fields: ['firstName', 'incomeSource'] });
  });

  it('given the owner and an applicant IN_REVIEW, when they edit, then it is NotEditable', async () => {
    const run = await runFunction('writeApplicantChanges', callers.applicantA, { applicant: stored, applicantChanges: { fields: { lastName: 'O' }, expectedVersion: 4 } });
    expect(errorTypeOf(run)).toBe('NotEditable');
    expect(run.errors[0]?.message).toBe('An applicant in status IN_REVIEW can be edited by staff only; its owner edits it while it is DRAFT or DOCUMENTS_SUBMITTED');
  });

  it('given the owner and a DOCUMENTS_SUBMITTED applicant, when they edit the budget, then the transaction has no thread update', () => {
    const { result } = evaluate(write, 'request', {
      caller: callers.applicantA,
      stash: { applicant: inStatus('DOCUMENTS_SUBMITTED'), applicantChanges: { fields: { annualBudgetUsd: 1 }, expectedVersion: 4 } },
    });
    expect(result.transactItems).toHaveLength(3);
  });

  it('given an ARCHIVED applicant, when staff edit it, then it is NotEditable', async () => {
    const run = await runFunction('writeApplicantChanges', callers.staff, { applicant: inStatus('ARCHIVED'), applicantChanges: { fields: { lastName: 'O' }, expectedVersion: 4 } });
    expect(errorTypeOf(run)).toBe('NotEditable');
  });
});

describe('assignApplicant', () => {
  const write = functionBundle('writeApplicantAssignment');

  it('given a staffId, when the resolver starts, then it stashes the assignment', () => {
    const { stash } = evaluate(resolverBundle('Mutation', 'assignApplicant'), 'request', {
      caller: callers.staff,
      arguments: { input: { id: applicantId, staffId: staffSub, expectedVersion: 4 } },
    });
    expect(stash.assignment).toEqual({ staffId: staffSub, expectedVersion: 4 });
  });

  it('given a staff member, when the write is built, then it sets the gsi3 assignee and gsi5 assignee-status keys, checks their profile in the transaction and audits', () => {
    const { result, stash } = evaluate(write, 'request', { caller: callers.staff, stash: { applicant: stored, assignment: { staffId: staffSub, expectedVersion: 4 } } });
    const [update, check, audit] = result.transactItems.map(describeTransactItem);
    expect(update.update).toMatch(
      new RegExp(
        `^SET assignedStaffId = "${staffSub}", gsi3pk = "ASSIGNEE#${staffSub}", gsi3sk = "APPLICANT#${applicantId}", ` +
          `gsi5pk = "ASSIGNEE_STATUS#${staffSub}#IN_REVIEW", gsi5sk = "APPLICANT#${applicantId}", updatedAt = "[^"]+" ADD version 1$`,
      ),
    );
    expect(update.condition).toBe('attribute_exists(pk) AND version = 4 AND status = "IN_REVIEW"');
    expect(check).toEqual({
      operation: 'ConditionCheck',
      table: tableName,
      key: { pk: `USER#${staffSub}`, sk: 'PROFILE' },
      condition: 'attribute_exists(pk) AND role IN ("STAFF", "ADMIN") AND active = true',
    });
    expect(audit.attributes.action).toBe('APPLICANT_ASSIGNED');
    expect(stash.updatedApplicant).toMatchObject({ assignedStaffId: staffSub, version: 5 });
  });

  it('given staffId null on an assigned applicant, when the write is built, then it removes the assignee keys and has no profile check', () => {
    const assigned = { ...stored, assignedStaffId: staffSub, gsi3pk: `ASSIGNEE#${staffSub}`, gsi3sk: `APPLICANT#${applicantId}` };
    const { result } = evaluate(write, 'request', { caller: callers.staff, stash: { applicant: assigned, assignment: { staffId: null, expectedVersion: 4 } } });
    expect(result.transactItems.map((i: { operation: string }) => i.operation)).toEqual(['UpdateItem', 'PutItem', 'ConditionCheck']);
    expect(readable(result.transactItems[0].update)).toMatch(/REMOVE assignedStaffId, gsi3pk, gsi3sk, gsi5pk, gsi5sk ADD version 1$/);
  });

  it('given a transaction cancelled by the staff check only, when the response runs, then it names input.staffId; by the applicant, a conflict', () => {
    const stash = { assignment: { staffId: staffSub, expectedVersion: 4 } };
    const error = { type: 'DynamoDB:TransactionCanceledException', message: 'cancelled' };
    const byStaff = evaluate(write, 'response', { caller: callers.staff, stash, error, result: { cancellationReasons: [{ type: 'None' }, { type: 'ConditionalCheckFailed' }, { type: 'None' }] } });
    expect(byStaff.error).toBe('input.staffId: must be an active staff member or admin');
    const byApplicant = evaluate(write, 'response', { caller: callers.staff, stash, error, result: { cancellationReasons: [{ type: 'ConditionalCheckFailed' }, { type: 'None' }, { type: 'None' }] } });
    expect(byApplicant.error).toContain('Applicant was changed by someone else');
  });
});

describe('setBundleStatus and writeBundleStatus', () => {
  const write = functionBundle('writeBundleStatus');

  it('given a new bundle status, when the write is built, then the bundle map changes on version and status, and the audit says from and to', () => {
    const { result } = evaluate(write, 'request', { caller: callers.staff, stash: { applicant: stored, bundleChange: { status: 'IN_REVIEW', expectedVersion: 4 } } });
    const [update, audit] = result.transactItems.map(describeTransactItem);
    expect(plainMap(result.transactItems[0].update.expressionValues)[':bundle']).toMatchObject({ name: 'Registration documents', status: 'IN_REVIEW' });
    expect(update.condition).toBe('attribute_exists(pk) AND version = 4 AND status = "IN_REVIEW"');
    expect(audit.attributes.action).toBe('BUNDLE_STATUS_SET');
    expect(JSON.parse(audit.attributes.details)).toEqual({ from: 'SUBMITTED', to: 'IN_REVIEW' });
  });

  it('given the status it already has, when the write is built, then it refuses naming input.status', () => {
    const { error } = evaluate(write, 'request', { caller: callers.staff, stash: { applicant: stored, bundleChange: { status: 'SUBMITTED', expectedVersion: 4 } } });
    expect(error).toBe('input.status: the bundle is already SUBMITTED');
  });
});

describe('Applicant.assignedStaff', () => {
  const code = resolverBundle('Applicant', 'assignedStaff');
  const request = (source: Record<string, unknown>) =>
    evaluateCode({ code, function: 'request', context: { arguments: {}, source, identity: callers.applicantA, stash: {} } });

  it('given an assigned applicant, when the request is built, then it is one GetItem of the staff profile', () => {
    const output = request({ ...stored, assignedStaffId: staffSub });
    expect(JSON.parse(output.evaluationResult!)).toEqual({
      operation: 'GetItem',
      key: { pk: { S: `USER#${staffSub}` }, sk: { S: 'PROFILE' } },
      consistentRead: false,
    });
  });

  it('given an unassigned applicant, when the request is built, then it answers null without a request', () => {
    expect(JSON.parse(request(stored).evaluationResult!)).toBeNull();
  });
});

describe('onApplicantChanged', () => {
  it('given an applicant without an id, when they subscribe, then they are Unauthorized', async () => {
    const run = await runHandlers('Subscription', 'onApplicantChanged', callers.applicantA, {});
    expect(run.errors[0]?.errorType).toBe('Unauthorized');
  });

  it('given staff without an id, when they subscribe, then no filter is set: they hear every applicant', async () => {
    const run = await runHandlers('Subscription', 'onApplicantChanged', callers.staff, {});
    expect(run.errors).toEqual([]);
    expect(run.subscriptionFilter).toBeUndefined();
  });

  it('given an id, when anyone subscribes, then the applicant is loaded first and events are filtered on that id', async () => {
    const run = await runHandlers('Subscription', 'onApplicantChanged', callers.applicantA, { id: applicantId });
    expect(run.stash.applicantId).toBe(applicantId);
    expect(run.subscriptionFilter).toEqual({ filterGroup: [{ filters: [{ fieldName: 'id', operator: 'eq', value: applicantId }] }] });
  });
});
