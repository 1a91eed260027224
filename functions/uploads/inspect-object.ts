import { GetObjectCommand, HeadObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import { checkLandedFile, signatureLength, type FileVerdict } from './file-checks.ts';

export type Inspection = FileVerdict & { sizeBytes: number };

/**
 * Reads what actually landed: HeadObject for the size and Content-Type, then a ranged GetObject of the first bytes
 * (never the whole file). Null when the object is gone already.
 */
export async function inspectObject(s3: S3Client, bucket: string, key: string): Promise<Inspection | null> {
  let head;
  try {
    head = await s3.send(new HeadObjectCommand({ Bucket: bucket, Key: key }));
  } catch (error) {
    if ((error as Error).name === 'NotFound' || (error as Error).name === 'NoSuchKey') return null;
    throw error;
  }
  const sizeBytes = head.ContentLength ?? 0;
  let first: Uint8Array = new Uint8Array();
  if (sizeBytes > 0) {
    const object = await s3.send(new GetObjectCommand({ Bucket: bucket, Key: key, Range: `bytes=0-${signatureLength - 1}` }));
    first = object.Body ? await object.Body.transformToByteArray() : first;
  }
  return { ...checkLandedFile({ mime: head.ContentType, sizeBytes, head: first.subarray(0, signatureLength) }), sizeBytes };
}
