// The documents' files: checked in the old bucket before mapping, with the upload handler's own landed-file check
// (functions/uploads/file-checks.ts) against the type the migration decided for the document, and copied into the
// new bucket after their items exist. A file that passes goes to the document's final key, stored with the MIME type
// of its decided type, so the upload handler's check (which S3's ObjectCreated event runs on that key) passes it too
// and leaves it in place. A file that fails goes to quarantine/, a prefix the upload handler ignores, and its document
// is REJECTED with the reason. Nothing is ever deleted, in either bucket.
import { GetObjectCommand, HeadObjectCommand, PutObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import { documentObjectKey } from '../resolvers/lib/keys.ts';
import { documentMimeTypes } from '../resolvers/lib/uploads.ts';
import { checkLandedFile, signatureLength, type DocumentContentType } from '../functions/uploads/file-checks.ts';
import type { Row } from './legacy-rows.ts';
import type { FileVerdict, TableItem } from './map/context.ts';
import { documentContentType } from './map/documents.ts';
import type { MigrationReport } from './report.ts';

export interface Buckets {
  source: { s3: S3Client; bucket: string };
  target: { s3: S3Client; bucket: string };
}

export const quarantineKey = (applicantId: string, documentId: string) => `quarantine/legacy/${applicantId}/${documentId}`;
export const genericUploadKey = (oldKey: string) => `legacy-uploads/${oldKey.replace(/^uploads\//, '')}`;

async function sizeOf(s3: S3Client, bucket: string, key: string): Promise<number | null> {
  try {
    const head = await s3.send(new HeadObjectCommand({ Bucket: bucket, Key: key }));
    return head.ContentLength ?? 0;
  } catch (error) {
    if ((error as Error).name === 'NotFound' || (error as Error).name === 'NoSuchKey') return null;
    throw error;
  }
}

/** The landed-file check of one old object, for the type the document will have (null: no allowed type). */
async function inspectOld(buckets: Buckets, row: Row): Promise<FileVerdict> {
  const { s3, bucket } = buckets.source;
  const key = String(row.s3_key);
  const sizeBytes = await sizeOf(s3, bucket, key);
  if (sizeBytes === null) return { state: 'missing' };
  const type = documentContentType(String(row.content_type ?? ''), String(row.filename ?? ''));
  let head: Uint8Array = new Uint8Array();
  if (sizeBytes > 0) {
    const object = await s3.send(new GetObjectCommand({ Bucket: bucket, Key: key, Range: `bytes=0-${signatureLength - 1}` }));
    head = object.Body ? await object.Body.transformToByteArray() : head;
  }
  if (!type) return { state: 'rejected', sizeBytes, reason: `The file's type ${String(row.content_type ?? '(none)')} is not an allowed document type` };
  const verdict = checkLandedFile({ declared: type as DocumentContentType, sizeBytes, head: head.subarray(0, signatureLength) });
  return verdict.accepted ? { state: 'ok', sizeBytes } : { state: 'rejected', sizeBytes, reason: verdict.reason };
}

export async function inspectDocumentFiles(buckets: Buckets, documents: Row[]): Promise<Map<number, FileVerdict>> {
  const verdicts = new Map<number, FileVerdict>();
  for (const row of documents) verdicts.set(row.id, await inspectOld(buckets, row));
  return verdicts;
}

/** Copies unless the target already holds an object of the same size (a rerun); true when it copied. */
async function copy(buckets: Buckets, from: string, to: string, contentType: string | undefined): Promise<boolean> {
  const size = await sizeOf(buckets.source.s3, buckets.source.bucket, from);
  if (size === null) return false;
  if ((await sizeOf(buckets.target.s3, buckets.target.bucket, to)) === size) return false;
  const source = await buckets.source.s3.send(new GetObjectCommand({ Bucket: buckets.source.bucket, Key: from }));
  const body = await source.Body?.transformToByteArray();
  await buckets.target.s3.send(
    new PutObjectCommand({ Bucket: buckets.target.bucket, Key: to, Body: body, ContentType: contentType ?? source.ContentType }),
  );
  return true;
}

/** Copies each migrated document's file (after its item is written): accepted ones to their key, the others to quarantine. */
export async function copyDocumentFiles(buckets: Buckets, documents: TableItem[], report: MigrationReport): Promise<void> {
  for (const doc of documents) {
    if (doc.legacyFileMissing === true) continue;
    const applicantId = String(doc.applicantId);
    const documentId = String(doc.id);
    const rejected = doc.status === 'REJECTED';
    const target = rejected ? quarantineKey(applicantId, documentId) : documentObjectKey(applicantId, documentId);
    const mime = rejected ? undefined : documentMimeTypes[String(doc.contentType)];
    if (await copy(buckets, String(doc.legacyS3Key), target, mime)) {
      if (rejected) report.quarantined.push({ documentId, legacyKey: String(doc.legacyS3Key), key: target, reason: String(doc.rejectionReason) });
      else report.filesCopied += 1;
    }
  }
}

/** Generic uploads named only by audit entries, kept under legacy-uploads/ (no document item names them). */
export async function copyGenericUploads(buckets: Buckets, audit: Row[], report: MigrationReport): Promise<void> {
  const keys = new Set<string>();
  for (const row of audit) {
    if (row.resource_type === 's3_object' && typeof row.resource_id === 'string' && row.resource_id.startsWith('uploads/')) keys.add(row.resource_id);
  }
  for (const key of keys) if (await copy(buckets, key, genericUploadKey(key), undefined)) report.filesCopied += 1;
}
