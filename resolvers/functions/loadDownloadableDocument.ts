// Pipeline function (documentDownloadUrl): reads the document; a caller who may not see it gets null, as for a
// document that does not exist (the pipeline ends here). Only a file that landed and passed the checks
// (UPLOADED, ACCEPTED) can be downloaded. The document repeats its applicant's ownerId: one GetItem is the whole check.
import { runtime, type Context } from '@aws-appsync/utils';
import { canAccessApplicant } from '../lib/access.ts';
import { invalid, raiseDataSourceError } from '../lib/errors.ts';
import { documentKey } from '../lib/keys.ts';
import { getItem, readsStrongly } from '../lib/requests.ts';
import { downloadableStatuses } from '../lib/uploads.ts';

export function request(ctx: Context) {
  return getItem(documentKey(ctx.stash.applicantId, ctx.stash.documentId), readsStrongly(ctx));
}

export function response(ctx: Context) {
  raiseDataSourceError(ctx);
  const document = ctx.result;
  if (!canAccessApplicant(ctx, document)) runtime.earlyReturn(null, { skipTo: 'END' });
  if (!downloadableStatuses.includes(document.status)) {
    invalid('documentId', `names a document that is ${document.status}; only UPLOADED or ACCEPTED documents can be downloaded`);
  }
  ctx.stash.document = document;
  return document;
}
