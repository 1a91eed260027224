import { GetObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import { maxDocumentBytes } from '../../resolvers/lib/uploads.ts';
import { checkLandedFile, signatureLength, type DocumentContentType, type FileVerdict } from './file-checks.ts';

export type Inspection = FileVerdict & {
  sizeBytes: number;
  /** The bytes the verdict is about, when accepted: exactly these are copied to the document's file key. */
  bytes: Uint8Array;
};

/**
 * Reads a staged upload once (at most 20 MB) and checks those very bytes against the declared type, so the file kept
 * is the file checked even if the form is posted again meanwhile. S3's Content-Type is not consulted. A body over the
 * limit (the real S3 policy refuses it; the local S3 does not) is refused without being read. Null when the object
 * is gone already.
 */
export async function inspectObject(s3: S3Client, bucket: string, key: string, declared: DocumentContentType): Promise<Inspection | null> {
  let object;
  try {
    object = await s3.send(new GetObjectCommand({ Bucket: bucket, Key: key }));
  } catch (error) {
    if ((error as Error).name === 'NotFound' || (error as Error).name === 'NoSuchKey') return null;
    throw error;
  }
  const announced = object.ContentLength ?? 0;
  if (announced > maxDocumentBytes) {
    await object.Body?.transformToWebStream().cancel();
    return { ...checkLandedFile({ declared, sizeBytes: announced, head: new Uint8Array() }), sizeBytes: announced, bytes: new Uint8Array() };
  }
  const bytes = object.Body ? await object.Body.transformToByteArray() : new Uint8Array();
  const verdict = checkLandedFile({ declared, sizeBytes: bytes.length, head: bytes.subarray(0, signatureLength) });
  return { ...verdict, sizeBytes: bytes.length, bytes: verdict.accepted ? bytes : new Uint8Array() };
}
