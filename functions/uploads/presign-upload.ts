import type { S3Client } from '@aws-sdk/client-s3';
import { createPresignedPost } from '@aws-sdk/s3-presigned-post';
import { uploadStagingKey } from '../../resolvers/lib/keys.ts';
import { documentMimeTypes, maxDocumentBytes, uploadUrlSeconds } from '../../resolvers/lib/uploads.ts';
import { validationError } from '../shared/errors.ts';

export interface UploadRequest {
  applicantId: string;
  documentId: string;
  /** The upload attempt (the document item's uploadId). */
  uploadId: string;
  contentType: string;
}

export interface UploadForm {
  url: string;
  /** Form fields to send before the file, in this order. */
  fields: Record<string, string>;
  expiresAt: string;
  maxSizeBytes: number;
}

/**
 * A presigned POST for one upload attempt: the policy allows exactly the attempt's staging key (which names the
 * declared type), exactly the declared Content-Type and 1 byte to 20 MB, for 15 minutes. S3 refuses any upload that
 * breaks one of these. The form never names a document's file key: posting it again cannot touch a kept file.
 */
export async function presignDocumentUpload(
  s3: S3Client,
  bucket: string,
  request: UploadRequest,
  now: Date = new Date(),
): Promise<UploadForm> {
  const mime = documentMimeTypes[request.contentType];
  if (!mime) throw validationError('input.contentType', `must be one of ${Object.keys(documentMimeTypes).join(', ')}`);
  const { url, fields } = await createPresignedPost(s3, {
    Bucket: bucket,
    Key: uploadStagingKey(request.applicantId, request.documentId, request.uploadId, request.contentType),
    // Fields become exact-match conditions of the policy, next to bucket and key.
    Fields: { 'Content-Type': mime },
    Conditions: [['content-length-range', 1, maxDocumentBytes]],
    Expires: uploadUrlSeconds,
  });
  return {
    url,
    fields,
    expiresAt: new Date(now.getTime() + uploadUrlSeconds * 1000).toISOString(),
    maxSizeBytes: maxDocumentBytes,
  };
}
