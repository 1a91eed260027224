// Pipeline function (requestDocumentUpload, after writeDocumentIntent) on the `uploads` Lambda: the presigned POST
// for the document just written (its upload attempt's staging key, its declared Content-Type, 1 byte to 20 MB, 15 minutes).
import type { Context } from '@aws-appsync/utils';
import { invoke, raiseIfLambdaError } from '../lib/lambda.ts';

export function request(ctx: Context) {
  const document = ctx.stash.document;
  return invoke({
    field: 'requestDocumentUpload',
    applicantId: document.applicantId,
    documentId: document.id,
    uploadId: document.uploadId,
    contentType: document.contentType,
  });
}

export function response(ctx: Context) {
  raiseIfLambdaError(ctx, 'Document upload');
  const form = ctx.result;
  return {
    document: ctx.stash.document,
    url: form.url,
    fields: JSON.stringify(form.fields),
    expiresAt: form.expiresAt,
    maxSizeBytes: form.maxSizeBytes,
  };
}
