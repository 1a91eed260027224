// Pipeline function (markDocumentUploaded, markDocumentRejected; IAM callers): the document whose file landed. It
// must still be PENDING_UPLOAD: the upload handler reports each file once, and a second report (S3 delivers events
// at least once) is a ConflictError it treats as done.
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
  ctx.stash.document = document;
  return document;
}
