import { documentMimeTypes } from '../../resolvers/lib/uploads.ts';
import { uploadStagingKey, uploadStagingPrefix } from '../../resolvers/lib/keys.ts';
import type { DocumentContentType } from './file-checks.ts';

/** S3 event notifications URL-encode object keys (a space as '+'); this is the key itself, or null if malformed. */
export function decodeEventKey(eventKey: string): string | null {
  try {
    return decodeURIComponent(eventKey.replace(/\+/g, ' '));
  } catch {
    return null;
  }
}

export interface StagedUpload {
  applicantId: string;
  documentId: string;
  uploadId: string;
  /** The type the uploader declared, signed into the form's key. */
  contentType: DocumentContentType;
}

/** The upload attempt a staging key names (the inverse of uploadStagingKey), or null for any other key. */
export function parseUploadStagingKey(key: string): StagedUpload | null {
  if (!key.startsWith(uploadStagingPrefix)) return null;
  const parts = key.slice(uploadStagingPrefix.length).split('/');
  const [applicantId, documentId, uploadId, contentType] = parts;
  if (parts.length !== 4 || !applicantId || !documentId || !uploadId || !contentType) return null;
  if (!Object.hasOwn(documentMimeTypes, contentType)) return null;
  if (uploadStagingKey(applicantId, documentId, uploadId, contentType) !== key) return null;
  return { applicantId, documentId, uploadId, contentType: contentType as DocumentContentType };
}
