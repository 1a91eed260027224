// Pipeline (IAM only: the S3 upload handler): loadLandedDocument → writeDocumentLanded. The file landed and passed
// the type and size checks; onDocumentChanged subscribers hear of it.
import { util, type Context } from '@aws-appsync/utils';
import { isIamCaller } from '../lib/context.ts';
import { invalid } from '../lib/errors.ts';
import { documentFileKey, ulidPattern } from '../lib/keys.ts';
import { intRange, ulid } from '../lib/validate.ts';
import { maxDocumentBytes } from '../lib/uploads.ts';
import { requireSubscriptionFields, subscriptionFilterFields } from '../lib/subscription-fields.ts';

export function request(ctx: Context) {
  if (!isIamCaller(ctx)) util.unauthorized();
  requireSubscriptionFields(ctx, subscriptionFilterFields.document);
  const input = ctx.args.input;
  const applicantId = ulid('input.applicantId', input.applicantId);
  const documentId = ulid('input.documentId', input.documentId);
  ctx.stash.applicantId = applicantId;
  ctx.stash.documentId = documentId;
  const landingId = (input.objectKey || '').slice(documentFileKey(applicantId, documentId, '').length);
  if (input.objectKey !== documentFileKey(applicantId, documentId, landingId) || !util.matches(ulidPattern, landingId)) {
    invalid('input.objectKey', "must be one of this document's file keys (applicants/<applicantId>/documents/<documentId>/<landing id>)");
  }
  ctx.stash.landing = {
    status: 'UPLOADED',
    uploadId: ulid('input.uploadId', input.uploadId),
    contentType: input.contentType,
    objectKey: input.objectKey,
    sizeBytes: intRange('input.sizeBytes', input.sizeBytes, 1, maxDocumentBytes),
    reason: null,
  };
  return {};
}

export function response(ctx: Context) {
  return ctx.prev.result;
}
