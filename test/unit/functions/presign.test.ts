import { S3Client } from '@aws-sdk/client-s3';
import { describe, expect, it } from 'vitest';
import { attachmentDisposition, presignDocumentDownload } from '../../../functions/uploads/presign-download.ts';
import { presignDocumentUpload } from '../../../functions/uploads/presign-upload.ts';
import { documentFileKey, documentObjectKey, uploadStagingKey } from '../../../resolvers/lib/keys.ts';

// Presigning is computed locally (no request is sent), so a client with static credentials is all it needs.
const s3 = new S3Client({ region: 'us-east-1', credentials: { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'secret' } });
const bucket = 'scholarvalley-documents-test';
const applicantId = '01JAPPLICANT000000000000A1';
const documentId = '01JDOCUMENT0000000000000D1';
const uploadId = '01JUPLOAD00000000000000000';
const now = new Date('2025-03-01T12:00:00.000Z');

interface Policy {
  expiration: string;
  conditions: unknown[];
}

function policyOf(fields: Record<string, string>): Policy {
  return JSON.parse(Buffer.from(fields.Policy ?? '', 'base64').toString('utf8')) as Policy;
}

describe('the presigned upload form', () => {
  it('given a DOCX document, when its upload is presigned, then the policy pins its attempt\'s staging key (naming DOCX), its exact type and 1 byte to 20 MB, for 15 minutes', async () => {
    const before = Date.now();
    const form = await presignDocumentUpload(s3, bucket, { applicantId, documentId, uploadId, contentType: 'DOCX' }, now);
    const policy = policyOf(form.fields);
    const docx = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
    const key = uploadStagingKey(applicantId, documentId, uploadId, 'DOCX');
    expect(key.startsWith('uploads/')).toBe(true);
    expect(policy.conditions).toContainEqual({ key });
    expect(policy.conditions).toContainEqual({ 'Content-Type': docx });
    expect(policy.conditions).toContainEqual({ bucket });
    expect(policy.conditions).toContainEqual(['content-length-range', 1, 20 * 1024 * 1024]);
    expect(policy.conditions.some((c) => Array.isArray(c) && c[0] === 'starts-with')).toBe(false);
    const expires = Date.parse(policy.expiration) - before;
    expect(expires).toBeGreaterThan(14.9 * 60 * 1000);
    expect(expires).toBeLessThanOrEqual(15 * 60 * 1000 + 1000);
    expect(form.fields).toMatchObject({ key, 'Content-Type': docx });
    expect(form.expiresAt).toBe('2025-03-01T12:15:00.000Z');
    expect(form.maxSizeBytes).toBe(20 * 1024 * 1024);
    expect(form.url).toContain(bucket);
  });

  it('given a content type outside the enum, when presigned, then it is refused naming the field', async () => {
    await expect(presignDocumentUpload(s3, bucket, { applicantId, documentId, uploadId, contentType: 'EXE' }, now)).rejects.toThrow(
      '[ValidationError] input.contentType: must be one of PDF, DOC, DOCX, JPEG, PNG, HEIC',
    );
  });
});

describe('the presigned download URL', () => {
  it('given a document whose item records its file key, when its download is presigned, then the GET is for that key, valid 5 minutes, and saves it under its file name', async () => {
    const objectKey = documentFileKey(applicantId, documentId, '01JLANDING0000000000000000');
    const { url, expiresAt } = await presignDocumentDownload(s3, bucket, { applicantId, documentId, objectKey, fileName: 'Transcript 2024.pdf', contentType: 'PDF' }, now);
    const query = new URL(url).searchParams;
    expect(new URL(url).pathname).toMatch(new RegExp(`/${objectKey}$`));
    expect(query.get('X-Amz-Expires')).toBe('300');
    expect(query.get('X-Amz-Date')).toBe('20250301T120000Z');
    expect(query.get('response-content-disposition')).toBe(`attachment; filename="Transcript 2024.pdf"; filename*=UTF-8''Transcript%202024.pdf`);
    expect(query.get('response-content-type')).toBe('application/pdf');
    expect(expiresAt).toBe('2025-03-01T12:05:00.000Z');
  });

  it('given a document copied from the legacy system (no recorded key), when its download is presigned, then the GET is for the legacy key', async () => {
    const { url } = await presignDocumentDownload(s3, bucket, { applicantId, documentId, fileName: 'a.pdf', contentType: 'PDF' }, now);
    expect(new URL(url).pathname).toMatch(new RegExp(`/${documentObjectKey(applicantId, documentId)}$`));
  });

  it('given a name with quotes and non-ASCII letters, when it becomes a Content-Disposition, then the fallback is plain ASCII and filename* keeps it exactly', () => {
    expect(attachmentDisposition('Zeugnis "Müller".pdf')).toBe(`attachment; filename="Zeugnis _M_ller_.pdf"; filename*=UTF-8''Zeugnis%20%22M%C3%BCller%22.pdf`);
  });
});
