import { describe, expect, it } from 'vitest';
import { decodeEventKey, parseUploadStagingKey } from '../../../functions/uploads/object-key.ts';
import { documentFileKey, documentObjectKey, uploadStagingKey } from '../../../resolvers/lib/keys.ts';

const applicantId = '01JAPPLICANT000000000000A1';
const documentId = '01JDOCUMENT0000000000000D1';
const uploadId = '01JUPLOAD00000000000000000';

describe('staged upload keys', () => {
  it('given the key uploadStagingKey builds, when parsed, then the same ids and declared type come back', () => {
    expect(parseUploadStagingKey(uploadStagingKey(applicantId, documentId, uploadId, 'PNG'))).toEqual({ applicantId, documentId, uploadId, contentType: 'PNG' });
  });

  it.each([
    ['a document file key', documentFileKey(applicantId, documentId, uploadId)],
    ['a legacy document key', documentObjectKey(applicantId, documentId)],
    ['a staging key with an unknown type', `uploads/${applicantId}/${documentId}/${uploadId}/EXE`],
    ['a staging key with a part missing', `uploads/${applicantId}/${documentId}/PDF`],
    ['a staging key with an extra part', `uploads/${applicantId}/${documentId}/${uploadId}/PDF/x`],
    ['a staging key with an empty id', `uploads//${documentId}/${uploadId}/PDF`],
    ['anything else', 'other.txt'],
  ])('given %s, when parsed, then it is not a staged upload', (_what, key) => {
    expect(parseUploadStagingKey(key)).toBeNull();
  });

  it('given an S3 event key with + for a space and percent-escapes, when decoded, then it is the object key', () => {
    expect(decodeEventKey('applicants/A+1/documents/D%2B1')).toBe('applicants/A 1/documents/D+1');
  });

  it('given a malformed percent-escape, when decoded, then there is no key', () => {
    expect(decodeEventKey('applicants/%E0%A4%A/documents/D1')).toBeNull();
  });
});
