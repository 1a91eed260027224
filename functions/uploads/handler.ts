// The `uploads` Lambda data source: presigned URLs for requestDocumentUpload and documentDownloadUrl, and removal of a
// deleted document's file (deleteDocument, invoked as an Event). The resolver pipelines have already checked access and
// written the document item; this Lambda only signs (no AWS call) or deletes the one object of that document.
import { once } from '../shared/once.ts';
import { requireConfig } from '../shared/config.ts';
import { createLogger, withContext, type LambdaContext } from '../shared/logger.ts';
import { validationError } from '../shared/errors.ts';
import { deleteDocumentObject } from './delete-object.ts';
import { presignDocumentDownload } from './presign-download.ts';
import { presignDocumentUpload } from './presign-upload.ts';
import { createS3Client } from './s3.ts';

/** The payloads the resolvers send (resolvers/functions/presignDocumentUpload.ts, presignDocumentDownload.ts). */
export type UploadsEvent =
  | { field: 'requestDocumentUpload'; applicantId: string; documentId: string; uploadId: string; contentType: string }
  | {
      field: 'documentDownloadUrl';
      applicantId: string;
      documentId: string;
      objectKey: string | null;
      fileName: string;
      contentType: string;
    }
  | { field: 'deleteDocument'; applicantId: string; documentId: string; objectKey: string | null };

const logger = createLogger('uploads');
const s3 = once(createS3Client);
const bucket = once(() => requireConfig('bucketName'));

export async function handler(event: UploadsEvent, context?: LambdaContext) {
  withContext(logger, context);
  logger.info(event.field, { field: event.field, applicantId: event.applicantId, documentId: event.documentId });
  switch (event.field) {
    case 'requestDocumentUpload':
      return presignDocumentUpload(s3(), bucket(), event);
    case 'documentDownloadUrl':
      return presignDocumentDownload(s3(), bucket(), event);
    case 'deleteDocument':
      return deleteDocumentObject(s3(), bucket(), event);
    default:
      throw validationError('field', `the uploads Lambda serves requestDocumentUpload, documentDownloadUrl and deleteDocument, not ${String((event as { field?: unknown }).field)}`);
  }
}
