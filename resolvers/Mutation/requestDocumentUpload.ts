// The owner, staff or an admin gets a presigned POST for one new document; the S3 upload handler checks what lands
// (functions/uploads/).
import { util, type Context } from '@aws-appsync/utils';
import { invalid } from '../lib/errors.ts';
import { maxDocumentBytes, maxFileNameLength } from '../lib/uploads.ts';
import { text, ulid } from '../lib/validate.ts';

export function request(ctx: Context) {
  const input = ctx.args.input;
  const fileName = text('input.fileName', input.fileName, 1, maxFileNameLength);
  if (!util.matches('[^/\\\\\\x00-\\x1f\\x7f]+', fileName)) {
    invalid('input.fileName', 'must be a file name without / or \\ or control characters');
  }
  if (!Number.isInteger(input.sizeBytes) || input.sizeBytes < 1 || input.sizeBytes > maxDocumentBytes) {
    invalid('input.sizeBytes', `must be from 1 byte to 20 MB (${maxDocumentBytes} bytes)`);
  }
  ctx.stash.applicantId = ulid('input.applicantId', input.applicantId);
  ctx.stash.upload = { fileName, contentType: input.contentType, sizeBytes: input.sizeBytes };
  return {};
}

export function response(ctx: Context) {
  return ctx.prev.result;
}
