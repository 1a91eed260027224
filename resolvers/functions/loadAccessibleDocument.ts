// Pipeline function: reads the document ctx.stash.applicantId / ctx.stash.documentId and stops with NotFound unless
// the caller may see it. The document repeats its applicant's ownerId, so this one GetItem is the whole access check.
import type { Context } from '@aws-appsync/utils';
import { canAccessApplicant } from '../lib/access.ts';
import { notFound, raiseDataSourceError } from '../lib/errors.ts';
import { documentKey } from '../lib/keys.ts';
import { getItem } from '../lib/requests.ts';

export function request(ctx: Context) {
  return getItem(documentKey(ctx.stash.applicantId, ctx.stash.documentId), true);
}

export function response(ctx: Context) {
  raiseDataSourceError(ctx);
  if (!canAccessApplicant(ctx, ctx.result)) notFound('Document');
  ctx.stash.document = ctx.result;
  return ctx.result;
}
