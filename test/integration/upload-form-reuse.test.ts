import { GetObjectCommand, HeadObjectCommand, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  DocumentDownloadUrlDocument,
  ListDocumentsDocument,
  RequestDocumentUploadDocument,
  ReviewDocumentDocument,
} from '../../schema/generated/client/graphql.ts';
import { documentObjectKey } from '../../resolvers/lib/keys.ts';
import { awsClientConfig, localStack } from '../setup/local-stack.ts';
import { createUser, signUpApplicant, type SignedInUser } from '../setup/users.ts';
import { createApplicant, eventually, gqlOk } from './support/api.ts';
import { postToPresignedForm, samplePdf, type DocumentUpload } from './support/upload-form.ts';

// A presigned form stays valid 15 minutes: posting it again after the document was checked or decided must never
// change or remove the document's file. Each form writes only its own staging key under uploads/; the upload handler
// copies a checked file to a key of its own and reports it, and ignores every key outside uploads/.

const otherPdf = Buffer.from('%PDF-1.7\n% a different file posted with the same form\n%%EOF\n');
const pngBytes = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(32, 7)]);

let owner: SignedInUser;
let staff: SignedInUser;
let applicantId: string;
let s3: S3Client;

beforeAll(async () => {
  [owner, staff] = await Promise.all([signUpApplicant({ fullName: 'Rui Costa' }), createUser({ group: 'staff' })]);
  applicantId = (await createApplicant(owner)).id;
  s3 = new S3Client({ ...awsClientConfig(localStack().urls.s3), forcePathStyle: true });
});
afterAll(() => s3.destroy());

async function requestUpload(contentType: 'PDF' | 'PNG', sizeBytes: number): Promise<DocumentUpload> {
  const input = { applicantId, fileName: `file.${contentType.toLowerCase()}`, contentType, sizeBytes };
  return (await gqlOk(owner, RequestDocumentUploadDocument, { input })).requestDocumentUpload;
}

async function documentNamed(documentId: string) {
  const { items } = (await gqlOk(owner, ListDocumentsDocument, { applicantId, limit: 100 })).listDocuments;
  return items.find((d) => d.id === documentId);
}

async function checked(documentId: string) {
  return eventually('the upload to be checked', async () => {
    const document = await documentNamed(documentId);
    return document && document.status !== 'PENDING_UPLOAD' ? document : undefined;
  });
}

async function objectExists(key: string): Promise<boolean> {
  try {
    await s3.send(new HeadObjectCommand({ Bucket: localStack().bucketName, Key: key }));
    return true;
  } catch {
    return false;
  }
}

/** The staging key a form posts to: the handler removes it once it has dealt with the file. */
const stagingKeyOf = (upload: DocumentUpload) => (JSON.parse(upload.fields) as Record<string, string>).key!;

async function handled(upload: DocumentUpload): Promise<void> {
  await eventually('the staged upload to be handled', async () => !(await objectExists(stagingKeyOf(upload))));
}

async function downloaded(documentId: string): Promise<Buffer> {
  const { documentDownloadUrl } = await gqlOk(staff, DocumentDownloadUrlDocument, { applicantId, documentId });
  const file = await fetch(documentDownloadUrl!.url);
  expect(file.status).toBe(200);
  return Buffer.from(await file.arrayBuffer());
}

async function acceptedUpload(): Promise<DocumentUpload> {
  const upload = await requestUpload('PDF', samplePdf.length);
  expect(stagingKeyOf(upload)).toMatch(/^uploads\//);
  expect((await postToPresignedForm(upload, samplePdf, 'file.pdf')).status).toBeLessThan(300);
  const uploaded = await checked(upload.document.id);
  expect(uploaded.status).toBe('UPLOADED');
  const input = { applicantId, documentId: uploaded.id, decision: 'ACCEPTED' as const, expectedVersion: uploaded.version };
  expect((await gqlOk(staff, ReviewDocumentDocument, { input })).reviewDocument.status).toBe('ACCEPTED');
  return upload;
}

describe('posting a presigned form again', () => {
  it('given an ACCEPTED document, when its old form is posted again with other bytes, then the accepted bytes, status and version stay and it still downloads', async () => {
    const upload = await acceptedUpload();
    const before = await documentNamed(upload.document.id);

    expect((await postToPresignedForm(upload, otherPdf, 'file.pdf')).status).toBeLessThan(300);
    await handled(upload);

    expect(await documentNamed(upload.document.id)).toEqual(before);
    expect(await downloaded(upload.document.id)).toEqual(samplePdf);
  });

  it('given an ACCEPTED document, when a file that fails the checks is posted with its old form, then the accepted file is not deleted and still downloads', async () => {
    const upload = await acceptedUpload();

    expect((await postToPresignedForm(upload, Buffer.from('MZ this is not a PDF'), 'file.pdf')).status).toBeLessThan(300);
    await handled(upload);

    expect((await documentNamed(upload.document.id))?.status).toBe('ACCEPTED');
    expect(await downloaded(upload.document.id)).toEqual(samplePdf);
  });

  it('given a document declared PDF, when PNG bytes are posted with the form Content-Type changed to image/png, then it is REJECTED against the declared PDF', async () => {
    // The real S3 refuses a Content-Type the policy does not sign; the local S3 does not check policies, which is
    // exactly the case of a check that trusted the Content-Type S3 reports.
    const upload = await requestUpload('PDF', pngBytes.length);
    const fields = JSON.parse(upload.fields) as Record<string, string>;
    const forged = { ...upload, fields: JSON.stringify({ ...fields, 'Content-Type': 'image/png' }) };
    expect((await postToPresignedForm(forged, pngBytes, 'file.pdf')).status).toBeLessThan(300);

    expect(await checked(upload.document.id)).toMatchObject({
      status: 'REJECTED',
      rejectionReason: "The file's content is not a PDF file, as its declared type says it should be",
    });
  });

  it('given a file written straight to a document’s legacy key (as the migration copies files), then the upload handler leaves it alone and the form’s own file is the one checked', async () => {
    const upload = await requestUpload('PDF', samplePdf.length);
    const legacyKey = documentObjectKey(applicantId, upload.document.id);
    await s3.send(new PutObjectCommand({ Bucket: localStack().bucketName, Key: legacyKey, Body: Buffer.from('MZ not a PDF'), ContentType: 'application/pdf' }));

    expect((await postToPresignedForm(upload, samplePdf, 'file.pdf')).status).toBeLessThan(300);
    expect((await checked(upload.document.id)).status).toBe('UPLOADED');
    await handled(upload);

    expect(await objectExists(legacyKey)).toBe(true);
    const legacy = await s3.send(new GetObjectCommand({ Bucket: localStack().bucketName, Key: legacyKey }));
    expect(await legacy.Body!.transformToString()).toBe('MZ not a PDF');
    expect(await downloaded(upload.document.id)).toEqual(samplePdf);
  });
});
