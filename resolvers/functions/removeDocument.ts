// Pipeline function (deleteDocument, after loadAccessibleDocument): the owner deletes a document that staff have not
// accepted; staff and admins delete any. One TransactWriteItems: the delete, conditioned on the version read (and,
// for the owner, on ownership and on the status still not being ACCEPTED), and the audit event.
// The S3 object is removed after the commit by removeDocumentObject (an asynchronous uploads Lambda call).
import { util, type Context } from '@aws-appsync/utils';
import { auditPut } from '../lib/audit.ts';
import { callerTransactWrite } from '../lib/caller-check.ts';
import { allOf, attributeIs, attributeIsNot } from '../lib/conditions.ts';
import { callerId, isTeam, tableName } from '../lib/context.ts';
import { conflict, raiseIfDataSourceError } from '../lib/errors.ts';
import { documentKey } from '../lib/keys.ts';
import { txDelete, versionIs } from '../lib/requests.ts';

export function request(ctx: Context) {
  const table = tableName(ctx);
  const document = ctx.stash.document;
  const expectedVersion = ctx.stash.expectedVersion;
  if (document.version !== expectedVersion) conflict('Document', expectedVersion);
  const team = isTeam(ctx);
  if (!team && document.status === 'ACCEPTED') {
    util.error('An ACCEPTED document can be deleted by staff only', 'NotEditable', null, { status: document.status });
  }
  const condition = team
    ? versionIs(expectedVersion)
    : allOf([versionIs(expectedVersion), attributeIs('ownerId', callerId(ctx)), attributeIsNot('status', 'ACCEPTED')]);
  return callerTransactWrite(ctx, table, [
    txDelete(table, documentKey(document.applicantId, document.id), condition),
    auditPut(ctx, table, {
      action: 'DOCUMENT_DELETED',
      resourceType: 'DOCUMENT',
      resourceId: document.id,
      details: { applicantId: document.applicantId, fileName: document.fileName, status: document.status },
    }),
  ]);
}

export function response(ctx: Context) {
  raiseIfDataSourceError(ctx, 'Document', ctx.stash.expectedVersion);
  return ctx.stash.document;
}
