import { beforeAll, describe, expect, it } from 'vitest';
import {
  DocumentDownloadUrlDocument,
  ListDocumentsDocument,
  MarkDocumentUploadedDocument,
  OnDocumentChangedDocument,
  RequestDocumentUploadDocument,
  type RequestDocumentUploadMutation,
} from '../../schema/generated/client/graphql.ts';
import { createUser, signUpApplicant, type SignedInUser } from '../setup/users.ts';
import { createApplicant, emailsTo, eventually, gql, gqlOk, subscribe } from './support/api.ts';

// Uploads end to end through the local stack: requestDocumentUpload (resolver + uploads Lambda) → a multipart POST of
// the file to the presigned form (local S3) → the S3 event → the upload-landed Lambda → the IAM mutation → the
// document item, onDocumentChanged subscribers and, for a rejection, the email.

const pdfBytes = Buffer.from('%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');
const pngHeader = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

type Upload = RequestDocumentUploadMutation['requestDocumentUpload'];

/** What a browser does with the presigned form: every field, in order, then the file last. */
async function postToForm(upload: Upload, bytes: Buffer, fileName: string): Promise<Response> {
  const form = new FormData();
  for (const [name, value] of Object.entries(JSON.parse(upload.fields) as Record<string, string>)) form.append(name, value);
  const fields = JSON.parse(upload.fields) as Record<string, string>;
  form.append('file', new Blob([bytes], { type: fields['Content-Type'] }), fileName);
  return fetch(upload.url, { method: 'POST', body: form });
}

let owner: SignedInUser;
let stranger: SignedInUser;
let staff: SignedInUser;
let applicantId: string;

beforeAll(async () => {
  [owner, stranger, staff] = await Promise.all([signUpApplicant({ fullName: 'Ana Lima' }), signUpApplicant(), createUser({ group: 'staff' })]);
  applicantId = (await createApplicant(owner)).id;
});

async function requestUpload(user: SignedInUser, fileName: string, contentType: 'PDF' | 'PNG', sizeBytes: number) {
  return gql(user, RequestDocumentUploadDocument, { input: { applicantId, fileName, contentType, sizeBytes } });
}

async function documents(user: SignedInUser) {
  return (await gqlOk(user, ListDocumentsDocument, { applicantId, limit: 100 })).listDocuments.items;
}

describe('document uploads', () => {
  it('given the owner, when they upload a PDF through the presigned form, then it becomes UPLOADED, a subscriber hears it, and staff can download it under its name', async () => {
    const subscription = await subscribe(owner, OnDocumentChangedDocument, { applicantId });
    try {
      const requested = await requestUpload(owner, 'Transcript 2024.pdf', 'PDF', pdfBytes.length);
      expect(requested.errors).toEqual([]);
      const upload = requested.data!.requestDocumentUpload;
      expect(upload.document).toMatchObject({ status: 'PENDING_UPLOAD', scanStatus: 'PENDING', fileName: 'Transcript 2024.pdf', uploadedBy: owner.sub });
      expect(upload.maxSizeBytes).toBe(20 * 1024 * 1024);
      expect(Date.parse(upload.expiresAt) - Date.now()).toBeGreaterThan(14 * 60 * 1000);

      const posted = await postToForm(upload, pdfBytes, 'Transcript 2024.pdf');
      expect(posted.status).toBeLessThan(300);

      const heard = await subscription.next((d) => d.id === upload.document.id && d.status === 'UPLOADED');
      expect(heard).toMatchObject({ sizeBytes: pdfBytes.length, scanStatus: 'PENDING', version: 2 });
      expect((await documents(owner)).find((d) => d.id === upload.document.id)).toMatchObject({ status: 'UPLOADED', sizeBytes: pdfBytes.length });

      const download = await gqlOk(staff, DocumentDownloadUrlDocument, { applicantId, documentId: upload.document.id });
      expect(Date.parse(download.documentDownloadUrl!.expiresAt) - Date.now()).toBeLessThanOrEqual(5 * 60 * 1000);
      const file = await fetch(download.documentDownloadUrl!.url);
      expect(file.status).toBe(200);
      expect(Buffer.from(await file.arrayBuffer())).toEqual(pdfBytes);
      expect(file.headers.get('content-disposition')).toContain(`filename*=UTF-8''Transcript%202024.pdf`);
    } finally {
      subscription.close();
    }
  });

  it('given a file declared PNG whose bytes are a PDF, when it lands, then it is REJECTED with the reason, the uploader is emailed, and it cannot be downloaded', async () => {
    const subscription = await subscribe(owner, OnDocumentChangedDocument, { applicantId });
    try {
      const upload = (await requestUpload(owner, 'photo.png', 'PNG', pdfBytes.length)).data!.requestDocumentUpload;
      await postToForm(upload, pdfBytes, 'photo.png');
      const heard = await subscription.next((d) => d.id === upload.document.id && d.status !== 'PENDING_UPLOAD');
      expect(heard).toMatchObject({ status: 'REJECTED', rejectionReason: "The file's content is not a PNG file, as its declared type says it should be" });

      const email = await eventually('the rejection email', async () => (await emailsTo(owner.email, 'Document not accepted: photo.png'))[0]);
      expect(email.body.text).toContain("Reason: The file's content is not a PNG file");

      const download = await gql(owner, DocumentDownloadUrlDocument, { applicantId, documentId: upload.document.id });
      expect(download.errors).toEqual([
        expect.objectContaining({ errorType: 'ValidationError', message: 'documentId: names a document that is REJECTED; only UPLOADED or ACCEPTED documents can be downloaded' }),
      ]);
    } finally {
      subscription.close();
    }
  });

  it('given a real PNG, when it lands, then it is UPLOADED', async () => {
    const png = Buffer.concat([pngHeader, Buffer.alloc(64, 1)]);
    const upload = (await requestUpload(owner, 'photo.png', 'PNG', png.length)).data!.requestDocumentUpload;
    await postToForm(upload, png, 'photo.png');
    const landed = await eventually('the PNG to be checked', async () =>
      (await documents(owner)).find((d) => d.id === upload.document.id && d.status !== 'PENDING_UPLOAD'),
    );
    expect(landed).toMatchObject({ status: 'UPLOADED', sizeBytes: png.length });
  });

  it('given a stranger, when they ask for an upload URL for the owner’s applicant, then it is NotFound and no document is written', async () => {
    const before = (await documents(owner)).length;
    const result = await requestUpload(stranger, 'x.pdf', 'PDF', 10);
    expect(result.data).toBeNull();
    expect(result.errors).toEqual([expect.objectContaining({ errorType: 'NotFound', message: 'Applicant not found' })]);
    expect(await documents(owner)).toHaveLength(before);
  });

  it('given a stranger, when they ask for a download URL of the owner’s uploaded document, then the answer is null', async () => {
    const uploaded = (await documents(owner)).find((d) => d.status === 'UPLOADED');
    expect(uploaded).toBeDefined();
    const result = await gql(stranger, DocumentDownloadUrlDocument, { applicantId, documentId: uploaded!.id });
    expect(result.errors).toEqual([]);
    expect(result.data?.documentDownloadUrl).toBeNull();
  });

  it('given a declared size over 20 MB, when requested, then it is refused naming input.sizeBytes and nothing is written', async () => {
    const before = (await documents(owner)).length;
    const result = await requestUpload(owner, 'big.pdf', 'PDF', 20 * 1024 * 1024 + 1);
    expect(result.errors).toEqual([
      expect.objectContaining({ errorType: 'ValidationError', message: 'input.sizeBytes: must be from 1 byte to 20 MB (20971520 bytes)' }),
    ]);
    expect(await documents(owner)).toHaveLength(before);
  });

  it('given a signed-in user, when they call the IAM-only markDocumentUploaded, then AppSync refuses it', async () => {
    const pending = (await requestUpload(owner, 'never.pdf', 'PDF', 10)).data!.requestDocumentUpload.document;
    const objectKey = `applicants/${applicantId}/documents/${pending.id}/${pending.id}`;
    const input = { applicantId, documentId: pending.id, uploadId: pending.id, contentType: 'PDF' as const, objectKey, sizeBytes: 10 };
    const result = await gql(owner, MarkDocumentUploadedDocument, { input });
    expect(result.errors[0]?.errorType).toBe('Unauthorized');
    expect((await documents(owner)).find((d) => d.id === pending.id)?.status).toBe('PENDING_UPLOAD');
  });
});
