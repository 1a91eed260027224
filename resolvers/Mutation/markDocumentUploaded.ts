// Pipeline (IAM only: the S3 upload handler): loadLandedDocument → writeDocumentLanded. The file landed and passed
// the type and size checks; onDocumentChanged subscribers hear of it.
import { util, type Context } from '@aws-appsync/utils';
import { isIamCaller } from '../lib/context.ts';
import { intRange, ulid } from '../lib/validate.ts';
import { maxDocumentBytes } from '../lib/uploads.ts';

export function request(ctx: Context) {
  if (!isIamCaller(ctx)) util.unauthorized();
  const input = ctx.args.input;
  ctx.stash.applicantId = ulid('input.applicantId', input.applicantId);
  ctx.stash.documentId = ulid('input.documentId', input.documentId);
  ctx.stash.landing = { status: 'UPLOADED', sizeBytes: intRange('input.sizeBytes', input.sizeBytes, 1, maxDocumentBytes), reason: null };
  return {};
}

export function response(ctx: Context) {
  return ctx.prev.result;
}
