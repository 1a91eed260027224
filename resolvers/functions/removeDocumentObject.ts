// Pipeline function on the `uploads` data source, after removeDocument committed: asks the uploads Lambda, as an
// asynchronous Event, to delete the document's file. The user's mutation does not wait for S3; a failure is retried by
// Lambda and then lands in its failure destination (docs/runbook.md).
import type { Context } from '@aws-appsync/utils';
import { invokeAsync } from '../lib/lambda.ts';

export function request(ctx: Context) {
  const document = ctx.stash.document;
  return invokeAsync({
    field: 'deleteDocument',
    applicantId: document.applicantId,
    documentId: document.id,
    objectKey: document.objectKey || null,
  });
}

export function response(ctx: Context) {
  if (ctx.error) console.log(`Removing the file of document ${ctx.stash.document.id} was not queued: ${ctx.error.type}: ${ctx.error.message}`);
  return ctx.prev.result;
}
