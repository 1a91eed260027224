// Pipeline function (markDocumentUploaded, markDocumentRejected; IAM callers): the document whose file landed. It
// must still be PENDING_UPLOAD and waiting for this upload attempt, and an accepted file must have been checked
// against the type the document declares: anything else is a ConflictError the upload handler treats as done (S3
// delivers events at least once, and a presigned form can be posted again within its 15 minutes).
import { util, type Context } from '@aws-appsync/utils';
import { notFound, raiseDataSourceError } from '../lib/errors.ts';
import { documentKey } from '../lib/keys.ts';
import { getItem } from '../lib/requests.ts';

export function request(ctx: Context) {
  return getItem(documentKey(ctx.stash.applicantId, ctx.stash.documentId), true);
}

export function response(ctx: Context) {
  raiseDataSourceError(ctx);
  const document = ctx.result;
  if (!document) notFound('Document');
  if (document.status !== 'PENDING_UPLOAD') {
    util.error(`Document is ${document.status}, not PENDING_UPLOAD: its upload was checked already`, 'ConflictError');
  }
  const landing = ctx.stash.landing;
  if (document.uploadId !== landing.uploadId) {
    util.error(`Upload ${landing.uploadId} is not the upload this document is waiting for`, 'ConflictError');
  }
  if (landing.contentType && landing.contentType !== document.contentType) {
    util.error(`The file was checked as ${landing.contentType}, but the document is declared ${document.contentType}`, 'ConflictError');
  }
  ctx.stash.document = document;
  return document;
}
