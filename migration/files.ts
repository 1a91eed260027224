// The documents' files: checked in the old bucket before mapping (the same landed-file check the upload handler runs),
// copied into the new bucket's layout after their items exist. A file that fails the check goes to quarantine/,
// which the upload handler ignores, and its document is REJECTED; nothing is ever deleted.
import { GetObjectCommand, HeadObjectCommand, PutObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import { documentObjectKey } from '../resolvers/lib/keys.ts';
import { inspectObject } from '../functions/uploads/inspect-object.ts';
import type { Row } from './legacy-rows.ts';
import type { FileVerdict, TableItem } from './map/context.ts';
import type { MigrationReport } from './report.ts';

export interface Buckets {
  source: { s3: S3Client; bucket: string };
  target: { s3: S3Client; bucket: string };
}

export const quarantineKey = (applicantId: string, documentId: string) => `quarantine/legacy/${applicantId}/${documentId}`;
export const genericUploadKey = (oldKey: string) => `legacy-uploads/${oldKey.replace(/^uploads\//, '')}`;

export async function inspectDocumentFiles(buckets: Buckets, documents: Row[]): Promise<Map<number, FileVerdict>> {
  const verdicts = new Map<number, FileVerdict>();
  for (const row of documents) {
    const inspection = await inspectObject(buckets.source.s3, buckets.source.bucket, String(row.s3_key));
    if (!inspection) verdicts.set(row.id, { state: 'missing' });
    else if (inspection.accepted) verdicts.set(row.id, { state: 'ok', sizeBytes: inspection.sizeBytes });
    else verdicts.set(row.id, { state: 'rejected', sizeBytes: inspection.sizeBytes, reason: inspection.reason });
  }
  return verdicts;
}

async function sameObject(s3: S3Client, bucket: string, key: string, size: number | undefined): Promise<boolean> {
  try {
    const head = await s3.send(new HeadObjectCommand({ Bucket: bucket, Key: key }));
    return head.ContentLength === size;
  } catch {
    return false;
  }
}

async function copy(buckets: Buckets, from: string, to: string): Promise<boolean> {
  const source = await buckets.source.s3.send(new GetObjectCommand({ Bucket: buckets.source.bucket, Key: from }));
  if (await sameObject(buckets.target.s3, buckets.target.bucket, to, source.ContentLength)) {
    await source.Body?.transformToByteArray();
    return false;
  }
  const body = await source.Body?.transformToByteArray();
  await buckets.target.s3.send(
    new PutObjectCommand({ Bucket: buckets.target.bucket, Key: to, Body: body, ContentType: source.ContentType }),
  );
  return true;
}

/** Copies each migrated document's file (after its item is written); returns the copies made. */
export async function copyDocumentFiles(buckets: Buckets, documents: TableItem[], report: MigrationReport): Promise<void> {
  for (const doc of documents) {
    const file = String(doc.legacyS3Key);
    if (doc.status === 'REJECTED' && doc.rejectionReason === 'The file was missing in the old system') continue;
    const target = doc.status === 'REJECTED' ? quarantineKey(String(doc.applicantId), String(doc.id)) : documentObjectKey(String(doc.applicantId), String(doc.id));
    if (await copy(buckets, file, target)) {
      if (doc.status === 'REJECTED') report.filesQuarantined += 1;
      else report.filesCopied += 1;
    }
  }
}

/** Generic uploads named only by audit entries, kept under legacy-uploads/. */
export async function copyGenericUploads(buckets: Buckets, audit: Row[], report: MigrationReport): Promise<void> {
  for (const row of audit) {
    if (row.resource_type !== 's3_object' || typeof row.resource_id !== 'string' || !row.resource_id.startsWith('uploads/')) continue;
    if (!String(row.action).endsWith('_completed')) continue;
    try {
      if (await copy(buckets, row.resource_id, genericUploadKey(row.resource_id))) report.filesCopied += 1;
    } catch (error) {
      if ((error as Error).name !== 'NoSuchKey') throw error;
    }
  }
}
