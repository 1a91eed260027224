// document → the document item under its applicant, in a decided state (UPLOADED or REJECTED) that the S3 upload
// handler leaves alone. Its file is copied after the items exist (migration/files.ts).
import { documentKey } from '../../resolvers/lib/keys.ts';
import { documentMimeTypes } from '../../resolvers/lib/uploads.ts';
import { iso, legacyUlid } from '../ids.ts';
import type { Row } from '../legacy-rows.ts';
import { text, type MapContext, type TableItem } from './context.ts';

const extensions: Record<string, string> = { pdf: 'PDF', doc: 'DOC', docx: 'DOCX', jpg: 'JPEG', jpeg: 'JPEG', png: 'PNG', heic: 'HEIC' };

function contentTypeOfMime(mime: string): string | null {
  const normalized = mime.split(';')[0]?.trim().toLowerCase();
  return Object.entries(documentMimeTypes).find(([, value]) => value === normalized)?.[0] ?? null;
}

export function documentContentType(mime: string, fileName: string): string | null {
  return contentTypeOfMime(mime) ?? extensions[fileName.split('.').pop()?.toLowerCase() ?? ''] ?? null;
}

export function mapDocument(ctx: MapContext, row: Row): TableItem | null {
  const applicantOldId = ctx.bundleApplicant.get(Number(row.bundle_id));
  const applicant = applicantOldId === undefined ? undefined : ctx.applicants.get(applicantOldId);
  if (!applicant) throw new Error(`document ${row.id} names bundle ${String(row.bundle_id)}, which has no applicant`);
  const file = ctx.files.get(row.id);
  if (row.size_bytes === null && (!file || file.state === 'missing')) {
    ctx.report.skip('document', row.id, 'documentIncomplete');
    return null;
  }
  if (row.size_bytes === null) ctx.report.dirty('document', row.id, 'documentIncompleteFound');
  const fileName = text(row.filename) ?? `document-${row.id}`;
  const mime = String(row.content_type ?? '');
  const declared = documentContentType(mime, fileName);
  if (!declared || declared !== contentTypeOfMime(mime)) ctx.report.dirty('document', row.id, 'documentType', `${mime} → ${declared ?? 'none'}`);
  let rejectionReason: string | null = null;
  if (!declared) rejectionReason = `The old system accepted a ${mime || 'typeless'} file; the new one takes PDF, DOC, DOCX, JPEG, PNG and HEIC`;
  else if (file?.state === 'missing') {
    rejectionReason = 'The file was missing in the old system';
    ctx.report.dirty('document', row.id, 'documentMissing');
  } else if (file?.state === 'rejected') {
    rejectionReason = file.reason ?? 'The file failed the upload check';
    ctx.report.dirty('document', row.id, 'documentFailsCheck', rejectionReason);
  }
  const id = legacyUlid('document', row.id, row.created_at);
  ctx.documentIds.set(row.id, { applicantId: applicant.id, id });
  const created = iso(row.created_at);
  return {
    ...documentKey(applicant.id, id),
    type: 'DOCUMENT',
    id,
    applicantId: applicant.id,
    ownerId: applicant.ownerId,
    fileName,
    contentType: declared ?? 'PDF',
    sizeBytes: file?.sizeBytes ?? (row.size_bytes === null ? null : Number(row.size_bytes)),
    status: rejectionReason ? 'REJECTED' : 'UPLOADED',
    scanStatus: 'PENDING',
    ...(rejectionReason ? { rejectionReason } : {}),
    ...(file?.state === 'missing' ? { legacyFileMissing: true } : {}),
    uploadedBy: applicant.ownerId,
    legacyS3Key: String(row.s3_key),
    createdAt: created,
    updatedAt: created,
    version: 1,
  };
}
