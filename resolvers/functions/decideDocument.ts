// Pipeline function (reviewDocument, after loadAccessibleDocument): staff accept or reject a document whose file
// has landed. One TransactWriteItems: the document update, conditioned on the version read and on a reviewable
// status, and the audit event. A rejection leaves ctx.stash.notification for the "document rejected" email, which
// issue 5 sends by appending the email function to this pipeline.
import { util, type Context } from '@aws-appsync/utils';
import { auditPut } from '../lib/audit.ts';
import { callerTransactWrite } from '../lib/caller-check.ts';
import { allOf, attributeIn } from '../lib/conditions.ts';
import { callerId, tableName } from '../lib/context.ts';
import { documentRejectedNotification } from '../lib/document-notifications.ts';
import { decisionRefusal, reviewableDocumentStatuses } from '../lib/document-review.ts';
import { conflict, raiseIfDataSourceError } from '../lib/errors.ts';
import { documentKey } from '../lib/keys.ts';
import { txUpdate, update, versionIs } from '../lib/requests.ts';

export function request(ctx: Context) {
  const table = tableName(ctx);
  const document = ctx.stash.document;
  const { decision, reason, expectedVersion } = ctx.stash.review;
  if (document.version !== expectedVersion) conflict('Document', expectedVersion);
  const refusal = decisionRefusal(document, decision);
  if (refusal) util.error(refusal, 'TransitionNotAllowed', null, { from: document.status, to: decision });
  const now = util.time.nowISO8601();
  const changes = {
    status: decision,
    rejectionReason: decision === 'REJECTED' ? reason : null,
    reviewedBy: callerId(ctx),
    reviewedAt: now,
    updatedAt: now,
  };
  ctx.stash.decided = { ...document, ...changes, version: document.version + 1 };
  if (decision === 'REJECTED') ctx.stash.notification = documentRejectedNotification(document, document.ownerId, reason);
  return callerTransactWrite(ctx, table, [
    txUpdate(
      table,
      documentKey(document.applicantId, document.id),
      update({ set: changes, add: { version: 1 } }),
      allOf([versionIs(expectedVersion), attributeIn('status', reviewableDocumentStatuses)]),
    ),
    auditPut(ctx, table, {
      action: decision === 'REJECTED' ? 'DOCUMENT_REJECTED' : 'DOCUMENT_ACCEPTED',
      resourceType: 'DOCUMENT',
      resourceId: document.id,
      details: { applicantId: document.applicantId, fileName: document.fileName, previousStatus: document.status, reason },
    }),
  ]);
}

export function response(ctx: Context) {
  raiseIfDataSourceError(ctx, 'Document', ctx.stash.review.expectedVersion);
  return ctx.stash.decided;
}
