import { print } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { documentKey } from '../../resolvers/lib/keys.ts';
import {
  DeleteDocumentDocument,
  ListDocumentsDocument,
  OnDocumentChangedDocument,
  ReviewDocumentDocument,
} from '../../schema/generated/client/graphql.ts';
import { openRealtime, type RealtimeConnection } from '../setup/realtime.ts';
import { createUser, signUpApplicant, type SignedInUser } from '../setup/users.ts';
import { createApplicant, gql, gqlOk } from './support/api.ts';
import { auditEventsOf, getItem, putDocument } from './support/table-fixtures.ts';

// Documents through the running local stack over real HTTP: listing, staff decisions, deletion and the live
// subscription. Documents are put straight into the table as the upload flow (issue 5) leaves them.

let owner: SignedInUser;
let stranger: SignedInUser;
let staff: SignedInUser;
let applicant: { id: string; ownerId: string };
const connections: RealtimeConnection[] = [];

beforeAll(async () => {
  [owner, stranger, staff] = await Promise.all([signUpApplicant(), signUpApplicant(), createUser({ group: 'staff' })]);
  const created = await createApplicant(owner);
  applicant = { id: created.id, ownerId: owner.sub };
});

afterAll(async () => {
  await Promise.all(connections.map((c) => c.close()));
});

async function realtime(user: SignedInUser): Promise<RealtimeConnection> {
  const connection = await openRealtime(user.idToken);
  connections.push(connection);
  return connection;
}

const decide = (document: Record<string, unknown>, decision: 'ACCEPTED' | 'REJECTED', extra: Record<string, unknown> = {}) => ({
  input: { applicantId: applicant.id, documentId: String(document.id), decision, expectedVersion: Number(document.version), ...extra },
});

describe('listDocuments', () => {
  let listed: { id: string; applicantId: string; ownerId: string };

  beforeAll(async () => {
    const created = await createApplicant(owner, { firstName: 'Paged' });
    listed = { id: created.id, applicantId: created.id, ownerId: owner.sub };
  });

  it('given three documents and an expired upload intent, when the owner pages two at a time, then the live ones come newest first', async () => {
    const expiredIntent = await putDocument(listed, { status: 'PENDING_UPLOAD', scanStatus: 'PENDING', expiresAt: Math.floor(Date.now() / 1000) - 60 });
    const first = await putDocument(listed);
    const second = await putDocument(listed, { status: 'ACCEPTED' });
    const pending = await putDocument(listed, { status: 'PENDING_UPLOAD', scanStatus: 'PENDING', expiresAt: Math.floor(Date.now() / 1000) + 3600 });

    const ids: string[] = [];
    let nextToken: string | null | undefined;
    let pages = 0;
    do {
      const page = (await gqlOk(owner, ListDocumentsDocument, { applicantId: listed.id, limit: 2, nextToken })).listDocuments;
      ids.push(...page.items.map((d) => d.id));
      nextToken = page.nextToken;
      pages += 1;
    } while (nextToken && pages < 5);
    expect(ids).toEqual([pending.id, second.id, first.id]);
    expect(ids).not.toContain(expiredIntent.id);
  });

  it('given staff, when they list, then they see the documents too', async () => {
    const page = (await gqlOk(staff, ListDocumentsDocument, { applicantId: listed.id })).listDocuments;
    expect(page.items).toHaveLength(3);
  });

  it('given another applicant, when they list, then the answer is the one for a missing applicant', async () => {
    const theirs = await gql(stranger, ListDocumentsDocument, { applicantId: listed.id });
    const missing = await gql(stranger, ListDocumentsDocument, { applicantId: '01JNZZZZZZZZZZZZZZZZZZZZZZ' });
    expect(theirs.errors).toEqual([expect.objectContaining({ errorType: 'NotFound', message: 'Applicant not found' })]);
    expect(missing.errors).toEqual(theirs.errors);
  });
});

describe('reviewDocument', () => {
  it('given an uploaded document, when staff reject it with a reason, then it is REJECTED with who and when, version + 1, audited', async () => {
    const document = await putDocument(applicant);
    const rejected = (await gqlOk(staff, ReviewDocumentDocument, decide(document, 'REJECTED', { reason: 'The scan is blurry' }))).reviewDocument;
    expect(rejected).toMatchObject({ id: document.id, status: 'REJECTED', rejectionReason: 'The scan is blurry', reviewedBy: staff.sub, version: 2 });
    expect(await getItem(documentKey(applicant.id, String(document.id)))).toMatchObject({
      status: 'REJECTED',
      rejectionReason: 'The scan is blurry',
      version: 2,
      ownerId: owner.sub,
    });

    const accepted = (await gqlOk(staff, ReviewDocumentDocument, decide(rejected, 'ACCEPTED'))).reviewDocument;
    expect(accepted).toMatchObject({ status: 'ACCEPTED', rejectionReason: null, version: 3 });
    expect((await auditEventsOf('DOCUMENT', String(document.id))).map((e) => e.action)).toEqual(['DOCUMENT_REJECTED', 'DOCUMENT_ACCEPTED']);
  });

  it('given a rejection without a reason, when staff send it, then the error names input.reason and nothing is written', async () => {
    const document = await putDocument(applicant);
    const result = await gql(staff, ReviewDocumentDocument, decide(document, 'REJECTED'));
    expect(result.errors).toEqual([expect.objectContaining({ errorType: 'ValidationError', message: 'input.reason: must not be empty' })]);
    expect(await getItem(documentKey(applicant.id, String(document.id)))).toMatchObject({ status: 'UPLOADED', version: 1 });
    expect(await auditEventsOf('DOCUMENT', String(document.id))).toEqual([]);
  });

  it('given a stale expectedVersion, when staff decide, then it is a ConflictError and nothing is written', async () => {
    const document = await putDocument(applicant, { version: 4 });
    const result = await gql(staff, ReviewDocumentDocument, decide({ ...document, version: 3 }, 'ACCEPTED'));
    expect(result.errors).toEqual([expect.objectContaining({ errorType: 'ConflictError' })]);
    expect(await getItem(documentKey(applicant.id, String(document.id)))).toMatchObject({ status: 'UPLOADED', version: 4 });
    expect(await auditEventsOf('DOCUMENT', String(document.id))).toEqual([]);
  });

  it('given a document still waiting for its upload, when staff accept it, then the move is refused', async () => {
    const document = await putDocument(applicant, { status: 'PENDING_UPLOAD', scanStatus: 'PENDING' });
    const result = await gql(staff, ReviewDocumentDocument, decide(document, 'ACCEPTED'));
    expect(result.errors).toEqual([expect.objectContaining({ errorType: 'TransitionNotAllowed' })]);
    expect(result.errors[0]!.message).toMatch(/^Document status cannot change from PENDING_UPLOAD to ACCEPTED/);
  });

  it('given the owner, when they try to decide on their own document, then it is Unauthorized', async () => {
    const document = await putDocument(applicant);
    const result = await gql(owner, ReviewDocumentDocument, decide(document, 'ACCEPTED'));
    expect(result.errors.map((e) => e.errorType)).toEqual(['Unauthorized']);
  });
});

describe('deleteDocument', () => {
  const remove = (document: Record<string, unknown>, expectedVersion = Number(document.version)) => ({
    applicantId: applicant.id,
    documentId: String(document.id),
    expectedVersion,
  });

  it('given an uploaded document, when the owner deletes it, then the item is gone and the deletion audited', async () => {
    const document = await putDocument(applicant);
    const deleted = (await gqlOk(owner, DeleteDocumentDocument, remove(document))).deleteDocument;
    expect(deleted).toMatchObject({ id: document.id, status: 'UPLOADED' });
    expect(await getItem(documentKey(applicant.id, String(document.id)))).toBeNull();
    expect(await auditEventsOf('DOCUMENT', String(document.id))).toEqual([
      expect.objectContaining({ action: 'DOCUMENT_DELETED', actorId: owner.sub }),
    ]);
  });

  it('given an ACCEPTED document, when the owner deletes it, then it is refused; when staff delete it, then it is gone', async () => {
    const document = await putDocument(applicant, { status: 'ACCEPTED' });
    const refused = await gql(owner, DeleteDocumentDocument, remove(document));
    expect(refused.errors).toEqual([expect.objectContaining({ errorType: 'NotEditable', message: 'An ACCEPTED document can be deleted by staff only' })]);
    expect(await getItem(documentKey(applicant.id, String(document.id)))).not.toBeNull();
    await gqlOk(staff, DeleteDocumentDocument, remove(document));
    expect(await getItem(documentKey(applicant.id, String(document.id)))).toBeNull();
  });

  it('given another applicant, when they delete the document, then it is NotFound and the document stays', async () => {
    const document = await putDocument(applicant);
    const result = await gql(stranger, DeleteDocumentDocument, remove(document));
    expect(result.errors).toEqual([expect.objectContaining({ errorType: 'NotFound', message: 'Document not found' })]);
    expect(await getItem(documentKey(applicant.id, String(document.id)))).not.toBeNull();
  });

  it('given a stale expectedVersion, when the owner deletes, then it is a ConflictError and the document stays', async () => {
    const document = await putDocument(applicant, { version: 2 });
    const result = await gql(owner, DeleteDocumentDocument, remove(document, 1));
    expect(result.errors.map((e) => e.errorType)).toEqual(['ConflictError']);
    expect(await getItem(documentKey(applicant.id, String(document.id)))).not.toBeNull();
    expect(await auditEventsOf('DOCUMENT', String(document.id))).toEqual([]);
  });
});

describe('onDocumentChanged', () => {
  it('given the owner subscribed to their applicant, when staff decide a document, then the owner hears it and a subscriber of another applicant does not', async () => {
    const other = await createApplicant(stranger);
    const ownerSubscription = await (await realtime(owner)).subscribe(print(OnDocumentChangedDocument), { applicantId: applicant.id });
    const strangerSubscription = await (await realtime(stranger)).subscribe(print(OnDocumentChangedDocument), { applicantId: other.id });

    const document = await putDocument(applicant);
    await gqlOk(staff, ReviewDocumentDocument, decide(document, 'ACCEPTED'));

    const event = await ownerSubscription.next();
    expect(event.data).toEqual({ onDocumentChanged: expect.objectContaining({ id: document.id, status: 'ACCEPTED', version: 2 }) });
    await strangerSubscription.expectSilence(500);
  });

  it('given another applicant, when they subscribe to this applicant, then the subscription is refused', async () => {
    const connection = await realtime(stranger);
    await expect(connection.subscribe(print(OnDocumentChangedDocument), { applicantId: applicant.id })).rejects.toThrow(/NotFound/);
  });
});
