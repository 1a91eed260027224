import { DeleteObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import { documentObjectKey } from '../../resolvers/lib/keys.ts';

/**
 * Removes a deleted document's file: the key its item recorded, or the legacy key for a document that records none.
 * Deleting a key that is already gone succeeds, so a retried event is harmless.
 */
export async function deleteDocumentObject(
  s3: S3Client,
  bucket: string,
  event: { applicantId: string; documentId: string; objectKey?: string | null },
): Promise<{ deleted: string }> {
  const key = event.objectKey ?? documentObjectKey(event.applicantId, event.documentId);
  await s3.send(new DeleteObjectCommand({ Bucket: bucket, Key: key }));
  return { deleted: key };
}
