import { documentObjectKey } from '../../resolvers/lib/keys.ts';

/** S3 event notifications URL-encode object keys (a space as '+'); this is the key itself, or null if malformed. */
export function decodeEventKey(eventKey: string): string | null {
  try {
    return decodeURIComponent(eventKey.replace(/\+/g, ' '));
  } catch {
    return null;
  }
}

/** The applicant and document ids of a document's S3 object key (the inverse of documentObjectKey), or null. */
export function parseDocumentObjectKey(key: string): { applicantId: string; documentId: string } | null {
  const parts = key.split('/');
  const [, applicantId, , documentId] = parts;
  if (parts.length !== 4 || !applicantId || !documentId) return null;
  return documentObjectKey(applicantId, documentId) === key ? { applicantId, documentId } : null;
}
