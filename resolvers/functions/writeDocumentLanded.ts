// Pipeline function (markDocumentUploaded, markDocumentRejected): records the upload check in one
// TransactWriteItems: the document update, conditioned on status PENDING_UPLOAD, the upload attempt and the version
// read, which removes expiresAt (the item no longer expires) and records an accepted file's objectKey, and the audit
// event. scanStatus stays PENDING: this project runs no malware
// scanner. A rejection leaves ctx.stash.notification for the uploader's "document not accepted" email.
import { util, type Context } from '@aws-appsync/utils';
import { auditPut } from '../lib/audit.ts';
import { allOf, attributeIs } from '../lib/conditions.ts';
import { tableName } from '../lib/context.ts';
import { documentRejectedNotification } from '../lib/document-notifications.ts';
import { documentKey } from '../lib/keys.ts';
import { transactWrite, txUpdate, update, versionIs } from '../lib/requests.ts';
import { conditionFailedAt } from '../lib/transactions.ts';
import { raiseDataSourceError } from '../lib/errors.ts';

export function request(ctx: Context) {
  const table = tableName(ctx);
  const document = ctx.stash.document;
  const { status, sizeBytes, reason, objectKey } = ctx.stash.landing;
  const now = util.time.nowISO8601();
  const changes: Record<string, unknown> = { status, updatedAt: now, expiresAt: null };
  if (sizeBytes !== null && sizeBytes !== undefined) changes.sizeBytes = sizeBytes;
  if (status === 'REJECTED') changes.rejectionReason = reason;
  if (status === 'UPLOADED') changes.objectKey = objectKey;
  ctx.stash.landed = { ...document, ...changes, version: document.version + 1 };
  if (status === 'REJECTED') ctx.stash.notification = documentRejectedNotification(document, document.uploadedBy, reason);
  return transactWrite([
    txUpdate(
      table,
      documentKey(document.applicantId, document.id),
      update({ set: changes, add: { version: 1 } }),
      allOf([versionIs(document.version), attributeIs('status', 'PENDING_UPLOAD'), attributeIs('uploadId', document.uploadId)]),
    ),
    auditPut(ctx, table, {
      action: status === 'REJECTED' ? 'DOCUMENT_UPLOAD_REJECTED' : 'DOCUMENT_UPLOADED',
      resourceType: 'DOCUMENT',
      resourceId: document.id,
      details: { applicantId: document.applicantId, uploadId: document.uploadId, sizeBytes, reason: reason || null, objectKey: objectKey || null },
    }),
  ]);
}

export function response(ctx: Context) {
  if (conditionFailedAt(ctx, 0)) util.error('Document changed while its upload was checked; it is no longer PENDING_UPLOAD', 'ConflictError');
  raiseDataSourceError(ctx);
  return ctx.stash.landed;
}
