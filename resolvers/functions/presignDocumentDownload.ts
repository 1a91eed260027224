// Pipeline function (documentDownloadUrl, after loadDownloadableDocument) on the `uploads` Lambda: a presigned GET
// valid 5 minutes that saves the file under its original name.
import type { Context } from '@aws-appsync/utils';
import { invoke, raiseIfLambdaError } from '../lib/lambda.ts';

export function request(ctx: Context) {
  const document = ctx.stash.document;
  return invoke({
    field: 'documentDownloadUrl',
    applicantId: document.applicantId,
    documentId: document.id,
    objectKey: document.objectKey || null,
    fileName: document.fileName,
    contentType: document.contentType,
  });
}

export function response(ctx: Context) {
  raiseIfLambdaError(ctx, 'Document download');
  return { url: ctx.result.url, expiresAt: ctx.result.expiresAt };
}
