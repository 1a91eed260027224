// Pipeline function (requestDocumentUpload, after loadAccessibleApplicant): the document item, PENDING_UPLOAD and
// expiring by TTL in 24 hours, with its audit event, in one TransactWriteItems. It runs BEFORE the upload URL is
// signed, so a URL never exists for a document that does not: if signing fails afterwards, the pending item simply
// expires. (The other order could hand out a URL whose upload no document owns.) `uploadId` names this upload
// attempt: the form's staging key carries it, and the upload handler's report must name it.
import { util, type Context } from '@aws-appsync/utils';
import { auditPut } from '../lib/audit.ts';
import { callerTransactWrite } from '../lib/caller-check.ts';
import { callerId, tableName } from '../lib/context.ts';
import { invalid, raiseDataSourceError } from '../lib/errors.ts';
import { documentKey } from '../lib/keys.ts';
import { txPut } from '../lib/requests.ts';
import { pendingUploadSeconds } from '../lib/uploads.ts';

export function request(ctx: Context) {
  const table = tableName(ctx);
  const applicant = ctx.stash.applicant;
  if (applicant.status === 'ARCHIVED') invalid('input.applicantId', 'names an ARCHIVED applicant; restore it before adding documents');
  const { fileName, contentType, sizeBytes } = ctx.stash.upload;
  const id = util.autoUlid();
  const now = util.time.nowISO8601();
  const document = {
    type: 'DOCUMENT',
    id,
    applicantId: applicant.id,
    ownerId: applicant.ownerId,
    fileName,
    contentType,
    status: 'PENDING_UPLOAD',
    uploadId: util.autoUlid(),
    scanStatus: 'PENDING',
    uploadedBy: callerId(ctx),
    createdAt: now,
    updatedAt: now,
    version: 1,
    expiresAt: util.time.nowEpochSeconds() + pendingUploadSeconds,
  };
  ctx.stash.document = document;
  return callerTransactWrite(ctx, table, [
    txPut(table, documentKey(applicant.id, id), document),
    auditPut(ctx, table, {
      action: 'DOCUMENT_UPLOAD_REQUESTED',
      resourceType: 'DOCUMENT',
      resourceId: id,
      details: { applicantId: applicant.id, fileName, contentType, declaredSizeBytes: sizeBytes },
    }),
  ]);
}

export function response(ctx: Context) {
  raiseDataSourceError(ctx);
  return ctx.stash.document;
}
