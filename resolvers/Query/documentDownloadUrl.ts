// A presigned GET valid 5 minutes for the document's owner, staff and admins; null for anyone else, as for a document
// that does not exist.
import type { Context } from '@aws-appsync/utils';
import { ulid } from '../lib/validate.ts';

export function request(ctx: Context) {
  ctx.stash.applicantId = ulid('applicantId', ctx.args.applicantId);
  ctx.stash.documentId = ulid('documentId', ctx.args.documentId);
  return {};
}

export function response(ctx: Context) {
  return ctx.prev.result;
}
