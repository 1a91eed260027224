// Pipeline (IAM only: the S3 upload handler): loadLandedDocument → writeDocumentLanded → sendNotification. The file
// failed the checks (wrong type by its bytes, too large, empty); the uploader is told why, live and by email.
import { util, type Context } from '@aws-appsync/utils';
import { isIamCaller } from '../lib/context.ts';
import { intRange, text, ulid } from '../lib/validate.ts';
import { requireSubscriptionFields, subscriptionFilterFields } from '../lib/subscription-fields.ts';

export function request(ctx: Context) {
  if (!isIamCaller(ctx)) util.unauthorized();
  requireSubscriptionFields(ctx, subscriptionFilterFields.document);
  const input = ctx.args.input;
  const sizeBytes = input.sizeBytes === null || input.sizeBytes === undefined ? null : intRange('input.sizeBytes', input.sizeBytes, 0, 2147483647);
  ctx.stash.applicantId = ulid('input.applicantId', input.applicantId);
  ctx.stash.documentId = ulid('input.documentId', input.documentId);
  ctx.stash.landing = {
    status: 'REJECTED',
    uploadId: ulid('input.uploadId', input.uploadId),
    sizeBytes,
    reason: text('input.reason', input.reason, 1, 500),
  };
  return {};
}

export function response(ctx: Context) {
  return ctx.prev.result;
}
