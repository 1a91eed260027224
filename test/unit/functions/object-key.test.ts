import { describe, expect, it } from 'vitest';
import { decodeEventKey, parseDocumentObjectKey } from '../../../functions/uploads/object-key.ts';
import { documentObjectKey } from '../../../resolvers/lib/keys.ts';

describe('document object keys', () => {
  it('given the key documentObjectKey builds, when parsed, then the same ids come back', () => {
    const key = documentObjectKey('01JAPPLICANT000000000000A1', '01JDOCUMENT0000000000000D1');
    expect(parseDocumentObjectKey(key)).toEqual({ applicantId: '01JAPPLICANT000000000000A1', documentId: '01JDOCUMENT0000000000000D1' });
  });

  it.each(['applicants/A1/documents', 'applicants/A1/documents/D1/extra', 'uploads/A1/documents/D1', 'applicants//documents/D1', 'other.txt'])(
    'given the key %s, when parsed, then it is not a document key',
    (key) => {
      expect(parseDocumentObjectKey(key)).toBeNull();
    },
  );

  it('given an S3 event key with + for a space and percent-escapes, when decoded, then it is the object key', () => {
    expect(decodeEventKey('applicants/A+1/documents/D%2B1')).toBe('applicants/A 1/documents/D+1');
  });

  it('given a malformed percent-escape, when decoded, then there is no key', () => {
    expect(decodeEventKey('applicants/%E0%A4%A/documents/D1')).toBeNull();
  });
});
