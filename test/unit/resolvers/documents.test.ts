import { describe, expect, it } from 'vitest';
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

// Documents: listDocuments, reviewDocument, deleteDocument, onDocumentChanged. Each handler's request shape as the
// evaluator produces it from the built bundle.

const uploaded = {
  type: 'DOCUMENT',
  id: '01JD0CVMENT000000000000001',
  applicantId: '01JAPP11CANT000000000000A1',
  ownerId: callers.applicantA.sub,
  fileName: 'transcript.pdf',
  contentType: 'PDF',
  status: 'UPLOADED',
  scanStatus: 'CLEAN',
  uploadedBy: callers.applicantA.sub,
  createdAt: '2025-01-01T00:00:00.000Z',
  updatedAt: '2025-01-01T00:00:00.000Z',
  version: 3,
};

describe('listDocuments', () => {
  const before = resolverBundle('Query', 'listDocuments');
  const list = functionBundle('listApplicantItems');

  it('given an applicantId, when the resolver starts, then it names the applicant, the DOCUMENT# prefix and a filter that hides expired upload intents', () => {
    const { stash } = evaluate(before, 'request', { caller: callers.applicantA, arguments: { applicantId: uploaded.applicantId } });
    expect(stash.applicantId).toBe(uploaded.applicantId);
    expect(stash.childPrefix).toBe('DOCUMENT#');
    expect(stash.childFilter.expression).toBe('attribute_not_exists(#expiresAt) OR #expiresAt > :now');
    const now = plainMap(stash.childFilter.expressionValues)[':now'];
    expect(Math.abs(now - Date.now() / 1000)).toBeLessThan(60);
  });

  it('given a limit of 101, when the resolver starts, then it refuses naming limit and its range', () => {
    const { error } = evaluate(before, 'request', { caller: callers.staff, arguments: { applicantId: 'x', limit: 101 } });
    expect(error).toBe('limit: must be a whole number from 1 to 100');
  });

  it('given the stash, when the list function builds its request, then it is one Query on the applicant partition, newest first, 20 by default', () => {
    const { result } = evaluate(list, 'request', {
      caller: callers.applicantA,
      arguments: { nextToken: 'page-2' },
      stash: { applicantId: uploaded.applicantId, childPrefix: 'DOCUMENT#' },
    });
    expect(result.operation).toBe('Query');
    expect(result.index).toBeUndefined();
    expect(readable(result.query)).toBe(`pk = "APPLICANT#${uploaded.applicantId}" AND begins_with(sk, "DOCUMENT#")`);
    expect(result.scanIndexForward).toBe(false);
    expect(result.limit).toBe(20);
    expect(result.nextToken).toBe('page-2');
  });

  it('given a Query page, when the list function answers, then it is a connection of the items and the next token', () => {
    const { result } = evaluate(list, 'response', { caller: callers.applicantA, result: { items: [uploaded], nextToken: 'next' } });
    expect(result).toEqual({ items: [uploaded], nextToken: 'next' });
  });
});

describe('loadAccessibleDocument', () => {
  const load = functionBundle('loadAccessibleDocument');
  const stash = { applicantId: uploaded.applicantId, documentId: uploaded.id };

  it('given ids in the stash, when it builds its request, then it is one consistent GetItem of the document key', () => {
    const { result } = evaluate(load, 'request', { caller: callers.applicantA, stash });
    expect(result).toEqual({
      operation: 'GetItem',
      key: { pk: { S: `APPLICANT#${uploaded.applicantId}` }, sk: { S: `DOCUMENT#${uploaded.id}` } },
      consistentRead: true,
    });
  });

  it.each([
    ['its owner', callers.applicantA],
    ['staff', callers.staff],
    ['an admin', callers.admin],
  ])('given the document, when %s reads it, then it is kept in the stash', (_who, caller) => {
    const { result, error, stash: after } = evaluate(load, 'response', { caller, stash, result: uploaded });
    expect(error).toBeUndefined();
    expect(result).toEqual(uploaded);
    expect(after.document).toEqual(uploaded);
  });

  it('given another applicant, when they read the document, then the answer is the one for a missing document', () => {
    const other = evaluate(load, 'response', { caller: callers.applicantB, stash, result: uploaded });
    const missing = evaluate(load, 'response', { caller: callers.applicantB, stash, result: null });
    expect(other.error).toBe('Document not found');
    expect(missing.error).toBe(other.error);
  });
});

describe('reviewDocument', () => {
  const before = resolverBundle('Mutation', 'reviewDocument');
  const decide = functionBundle('decideDocument');
  const input = { applicantId: uploaded.applicantId, documentId: uploaded.id, expectedVersion: 3 };

  it.each([
    [{ decision: 'REJECTED' }, 'input.reason: must not be empty'],
    [{ decision: 'REJECTED', reason: '   ' }, 'input.reason: must not be empty'],
    [{ decision: 'REJECTED', reason: 'x'.repeat(501) }, 'input.reason: must be at most 500 characters'],
    [{ decision: 'ACCEPTED', reason: 'fine' }, 'input.reason: is given only when the decision is REJECTED'],
    [{ decision: 'ACCEPTED', expectedVersion: 0 }, 'input.expectedVersion: must be a whole number from 1 to 2147483647'],
  ])('given %j, when the resolver starts, then it refuses with "%s"', (change, message) => {
    const { error } = evaluate(before, 'request', { caller: callers.staff, arguments: { input: { ...input, ...change } } });
    expect(error).toBe(message);
  });

  it('given a rejection with a reason, when the resolver starts, then the trimmed reason is kept for the decision', () => {
    const { stash } = evaluate(before, 'request', {
      caller: callers.staff,
      arguments: { input: { ...input, decision: 'REJECTED', reason: '  Blurry scan  ' } },
    });
    expect(stash.review).toEqual({ decision: 'REJECTED', reason: 'Blurry scan', expectedVersion: 3 });
    expect(stash.documentId).toBe(uploaded.id);
  });

  it('given an UPLOADED document at the expected version, when staff reject it, then one transaction updates it on version and status and audits it', () => {
    const { result, stash } = evaluate(decide, 'request', {
      caller: callers.staff,
      stash: { document: uploaded, review: { decision: 'REJECTED', reason: 'Blurry scan', expectedVersion: 3 } },
    });
    expect(result.operation).toBe('TransactWriteItems');
    const [change, audit, ...rest] = result.transactItems.map(describeTransactItem);
    expect(rest.map((i: { operation: string }) => i.operation)).toEqual(['ConditionCheck']);
    expect(change).toMatchObject({
      operation: 'UpdateItem',
      table: tableName,
      key: { pk: `APPLICANT#${uploaded.applicantId}`, sk: `DOCUMENT#${uploaded.id}` },
      condition: '(attribute_exists(pk) AND version = 3) AND (status IN ("UPLOADED", "ACCEPTED", "REJECTED"))',
    });
    expect(change.update).toMatch(/^SET status = "REJECTED", rejectionReason = "Blurry scan", reviewedBy = "user-staff", reviewedAt = "[^"]+", updatedAt = "[^"]+" ADD version 1$/);
    expect(audit).toMatchObject({
      operation: 'PutItem',
      key: { pk: `AUDIT#DOCUMENT#${uploaded.id}` },
      attributes: { action: 'DOCUMENT_REJECTED', actorId: 'user-staff', resourceType: 'DOCUMENT', sourceIp: '203.0.113.7' },
      condition: 'attribute_not_exists(pk)',
    });
    expect(JSON.parse(audit!.attributes!.details)).toEqual({
      applicantId: uploaded.applicantId,
      fileName: 'transcript.pdf',
      previousStatus: 'UPLOADED',
      reason: 'Blurry scan',
    });
    expect(stash.decided).toMatchObject({ status: 'REJECTED', rejectionReason: 'Blurry scan', reviewedBy: 'user-staff', version: 4 });
    expect(stash.notification).toEqual({
      topic: 'DOCUMENT_REJECTED',
      recipientId: callers.applicantA.sub,
      applicantId: uploaded.applicantId,
      documentId: uploaded.id,
      fileName: 'transcript.pdf',
      reason: 'Blurry scan',
    });
  });

  it('given a REJECTED document, when staff accept it, then the old reason is removed and no email is queued', () => {
    const { result, stash } = evaluate(decide, 'request', {
      caller: callers.admin,
      stash: {
        document: { ...uploaded, status: 'REJECTED', rejectionReason: 'Blurry scan' },
        review: { decision: 'ACCEPTED', reason: null, expectedVersion: 3 },
      },
    });
    expect(readable(result.transactItems[0].update)).toContain('REMOVE rejectionReason');
    expect(stash.decided.rejectionReason).toBeNull();
    expect(stash.notification).toBeUndefined();
  });

  it('given a stale expectedVersion, when staff decide, then it is a conflict before anything is written', () => {
    const { error, result } = evaluate(decide, 'request', {
      caller: callers.staff,
      stash: { document: uploaded, review: { decision: 'ACCEPTED', reason: null, expectedVersion: 2 } },
    });
    expect(error).toMatch(/^Document was changed by someone else: expectedVersion 2/);
    expect(result).toBeUndefined();
  });

  it.each([
    [{ status: 'PENDING_UPLOAD' }, 'ACCEPTED', 'Document status cannot change from PENDING_UPLOAD to ACCEPTED'],
    [{ scanStatus: 'INFECTED' }, 'ACCEPTED', 'its malware scan found it INFECTED'],
  ])('given a document %j, when staff decide %s, then the move is refused', (change, decision, message) => {
    const { error } = evaluate(decide, 'request', {
      caller: callers.staff,
      stash: { document: { ...uploaded, ...change }, review: { decision, reason: null, expectedVersion: 3 } },
    });
    expect(error).toContain(message);
  });

  it('given a cancelled transaction, when the decision answers, then it is reported as a conflict', () => {
    const { error } = evaluate(decide, 'response', {
      caller: callers.staff,
      stash: { review: { expectedVersion: 3 } },
      error: { type: 'DynamoDB:TransactionCanceledException', message: 'Transaction cancelled' },
      result: { cancellationReasons: [{ type: 'ConditionalCheckFailed' }, { type: 'None' }] },
    });
    expect(error).toMatch(/^Document was changed by someone else/);
  });
});

describe('deleteDocument', () => {
  const before = resolverBundle('Mutation', 'deleteDocument');
  const remove = functionBundle('removeDocument');

  it('given expectedVersion 0, when the resolver starts, then it refuses naming the argument', () => {
    const { error } = evaluate(before, 'request', {
      caller: callers.applicantA,
      arguments: { applicantId: uploaded.applicantId, documentId: uploaded.id, expectedVersion: 0 },
    });
    expect(error).toBe('expectedVersion: must be a whole number from 1 to 2147483647');
  });

  it('given the owner and a document not yet accepted, when they delete it, then the delete is conditioned on version, owner and status', () => {
    const { result } = evaluate(remove, 'request', { caller: callers.applicantA, stash: { document: uploaded, expectedVersion: 3 } });
    const [change, audit] = result.transactItems.map(describeTransactItem);
    expect(change).toEqual({
      operation: 'DeleteItem',
      table: tableName,
      key: { pk: `APPLICANT#${uploaded.applicantId}`, sk: `DOCUMENT#${uploaded.id}` },
      condition: `(attribute_exists(pk) AND version = 3) AND (ownerId = "${callers.applicantA.sub}") AND (status <> "ACCEPTED")`,
    });
    expect(audit).toMatchObject({ operation: 'PutItem', attributes: { action: 'DOCUMENT_DELETED', resourceId: uploaded.id } });
  });

  it('given a committed delete, when the file removal runs, then it asks the uploads Lambda asynchronously for that document only', () => {
    const { result } = evaluate(functionBundle('removeDocumentObject'), 'request', {
      caller: callers.applicantA,
      stash: { document: uploaded },
    });
    expect(result).toEqual({
      operation: 'Invoke',
      invocationType: 'Event',
      payload: { field: 'deleteDocument', applicantId: uploaded.applicantId, documentId: uploaded.id, objectKey: null },
    });
  });

  it('given staff and an ACCEPTED document, when they delete it, then only the version conditions the delete', () => {
    const { result } = evaluate(remove, 'request', {
      caller: callers.staff,
      stash: { document: { ...uploaded, status: 'ACCEPTED' }, expectedVersion: 3 },
    });
    expect(describeTransactItem(result.transactItems[0]).condition).toBe('attribute_exists(pk) AND version = 3');
  });

  it('given the owner and an ACCEPTED document, when they delete it, then it is refused before writing', () => {
    const { error, result } = evaluate(remove, 'request', {
      caller: callers.applicantA,
      stash: { document: { ...uploaded, status: 'ACCEPTED' }, expectedVersion: 3 },
    });
    expect(error).toBe('An ACCEPTED document can be deleted by staff only');
    expect(result).toBeUndefined();
  });

  it('given a stale expectedVersion, when the owner deletes, then it is a conflict', () => {
    const { error } = evaluate(remove, 'request', { caller: callers.applicantA, stash: { document: uploaded, expectedVersion: 1 } });
    expect(error).toMatch(/^Document was changed by someone else: expectedVersion 1/);
  });
});

describe('onDocumentChanged', () => {
  it('given an applicantId, when the subscription starts, then events are filtered to that applicant', async () => {
    const run = await runHandlers('Subscription', 'onDocumentChanged', callers.applicantA, { applicantId: uploaded.applicantId });
    expect(run.errors).toEqual([]);
    expect(run.stash.applicantId).toBe(uploaded.applicantId);
    expect(run.subscriptionFilter).toEqual({
      filterGroup: [{ filters: [{ fieldName: 'applicantId', operator: 'eq', value: uploaded.applicantId }] }],
    });
  });
});
