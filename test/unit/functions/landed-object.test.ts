import { GetObjectCommand, HeadObjectCommand, ListObjectsV2Command, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { processLandedObject } from '../../../functions/uploads/process-landed-object.ts';
import { createIamGraphqlClient } from '../../../functions/shared/appsync-iam-client.ts';
import { createLogger } from '../../../functions/shared/logger.ts';
import { freePort } from '../../../local/emulators/ports.ts';
import { startS3Local } from '../../../local/emulators/s3-local.ts';
import type { RunningEmulator } from '../../../local/emulators/dynamodb-local.ts';
import { documentFileKey, documentObjectKey, uploadStagingKey } from '../../../resolvers/lib/keys.ts';
import { iamCredentials, region, startIamGraphqlEndpoint, type IamGraphqlEndpoint } from './support/iam-graphql-endpoint.ts';

// The upload-landed Lambda's work on one staged upload, against a real (local, in-memory) S3 and a stand-in of the API that
// checks the IAM signature and answers as the test scripts it.

const bucket = 'documents-test';
const applicantId = '01JAPPLICANT000000000000A1';
let s3Local: RunningEmulator;
let s3: S3Client;
let api: IamGraphqlEndpoint;
let deps: Parameters<typeof processLandedObject>[0];
let counter = 0;

beforeAll(async () => {
  const port = await freePort();
  s3Local = await startS3Local({ port, bucketName: bucket, credentials: iamCredentials, inMemory: true });
  s3 = new S3Client({
    endpoint: s3Local.endpoint,
    region,
    credentials: iamCredentials,
    forcePathStyle: true,
    requestChecksumCalculation: 'WHEN_REQUIRED',
    responseChecksumValidation: 'WHEN_REQUIRED',
  });
  api = await startIamGraphqlEndpoint();
  deps = {
    s3,
    api: createIamGraphqlClient({ url: api.url, region, credentials: async () => iamCredentials }),
    logger: createLogger('upload-landed-test'),
  };
});
afterAll(async () => {
  s3.destroy();
  await api.stop();
  await s3Local.stop();
});
beforeEach(() => {
  api.received.length = 0;
  api.answer = (request) => ({ data: { [request.operationName === 'MarkDocumentUploaded' ? 'markDocumentUploaded' : 'markDocumentRejected']: { id: 'x' } } });
});

function nextDocument(): { documentId: string; uploadId: string } {
  counter += 1;
  const suffix = counter.toString(36).toUpperCase().padStart(2, '0');
  return { documentId: `01JDOCUMENT000000000000${suffix}0`, uploadId: `01JUPLOAD00000000000000${suffix}0` };
}

/** A file posted with an upload attempt's form: declared `declared`, with whatever Content-Type the form sent. */
async function stage(body: Buffer, declared: string, formContentType: string) {
  const { documentId, uploadId } = nextDocument();
  const key = uploadStagingKey(applicantId, documentId, uploadId, declared);
  await s3.send(new PutObjectCommand({ Bucket: bucket, Key: key, Body: body, ContentType: formContentType }));
  return { key, documentId, uploadId };
}

async function exists(key: string): Promise<boolean> {
  try {
    await s3.send(new HeadObjectCommand({ Bucket: bucket, Key: key }));
    return true;
  } catch {
    return false;
  }
}

async function filesOf(documentId: string): Promise<string[]> {
  const listed = await s3.send(new ListObjectsV2Command({ Bucket: bucket, Prefix: documentObjectKey(applicantId, documentId) }));
  return (listed.Contents ?? []).map((o) => o.Key!);
}

async function bytesOf(key: string): Promise<Buffer> {
  const object = await s3.send(new GetObjectCommand({ Bucket: bucket, Key: key }));
  return Buffer.from(await object.Body!.transformToByteArray());
}

const pdf = Buffer.from('%PDF-1.4\n%%EOF\n');
const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]);
const conflict = () => ({ data: null, errors: [{ errorType: 'ConflictError', message: 'Document is ACCEPTED, not PENDING_UPLOAD' }] });

describe('a staged upload', () => {
  it('given a real PDF staged as PDF, then it is copied to a file key of its own, markDocumentUploaded (IAM-signed) names the attempt, type, key and size, and the staged object is removed', async () => {
    const { key, documentId, uploadId } = await stage(pdf, 'PDF', 'application/pdf');
    await expect(processLandedObject(deps, bucket, key)).resolves.toBe('uploaded');
    expect(api.received).toHaveLength(1);
    expect(api.received[0]).toMatchObject({ operationName: 'MarkDocumentUploaded', signer: iamCredentials.accessKeyId });
    const input = api.received[0]?.variables.input as Record<string, unknown>;
    expect(input).toMatchObject({ applicantId, documentId, uploadId, contentType: 'PDF', sizeBytes: pdf.length });
    expect(String(input.objectKey)).toMatch(new RegExp(`^${documentFileKey(applicantId, documentId, '')}[0-9A-Z]{26}$`));
    expect(await filesOf(documentId)).toEqual([input.objectKey]);
    expect(await bytesOf(String(input.objectKey))).toEqual(pdf);
    expect((await s3.send(new HeadObjectCommand({ Bucket: bucket, Key: String(input.objectKey) }))).ContentType).toBe('application/pdf');
    expect(await exists(key)).toBe(false);
  });

  it('given PNG bytes staged as PDF while the form said image/png, then it is rejected against the declared PDF, nothing is copied, and the staged object is removed', async () => {
    const { key, documentId, uploadId } = await stage(png, 'PDF', 'image/png');
    await expect(processLandedObject(deps, bucket, key)).resolves.toBe('rejected');
    expect(api.received[0]).toMatchObject({ operationName: 'MarkDocumentRejected' });
    expect(api.received[0]?.variables.input).toEqual({
      applicantId,
      documentId,
      uploadId,
      reason: "The file's content is not a PDF file, as its declared type says it should be",
      sizeBytes: png.length,
    });
    expect(await filesOf(documentId)).toEqual([]);
    expect(await exists(key)).toBe(false);
  });

  it('given no pending document owns the upload (the API says NotFound), then the staged object and the copy are removed', async () => {
    api.answer = () => ({ data: null, errors: [{ errorType: 'NotFound', message: 'Document not found' }] });
    const { key, documentId } = await stage(pdf, 'PDF', 'application/pdf');
    await expect(processLandedObject(deps, bucket, key)).resolves.toBe('orphan-removed');
    expect(await exists(key)).toBe(false);
    expect(await filesOf(documentId)).toEqual([]);
  });

  it('given a decided document and a good file posted again with its form, then the decided file is untouched and the new copy and staged object are removed', async () => {
    api.answer = conflict;
    const { key, documentId } = await stage(Buffer.concat([pdf, Buffer.from('second')]), 'PDF', 'application/pdf');
    const decided = documentFileKey(applicantId, documentId, '01JLANDING0000000000000000');
    await s3.send(new PutObjectCommand({ Bucket: bucket, Key: decided, Body: pdf, ContentType: 'application/pdf' }));
    await expect(processLandedObject(deps, bucket, key)).resolves.toBe('already-decided');
    expect(await filesOf(documentId)).toEqual([decided]);
    expect(await bytesOf(decided)).toEqual(pdf);
    expect(await exists(key)).toBe(false);
  });

  it('given a decided document and a bad file posted again with its form, then the decided file is untouched and the staged object removed', async () => {
    api.answer = conflict;
    const { key, documentId } = await stage(Buffer.from('MZ-not-a-pdf'), 'PDF', 'application/pdf');
    const decided = documentFileKey(applicantId, documentId, '01JLANDING0000000000000000');
    await s3.send(new PutObjectCommand({ Bucket: bucket, Key: decided, Body: pdf, ContentType: 'application/pdf' }));
    await expect(processLandedObject(deps, bucket, key)).resolves.toBe('already-decided');
    expect(await filesOf(documentId)).toEqual([decided]);
    expect(await exists(key)).toBe(false);
  });

  it('given any other API failure, then it throws so Lambda retries, and the staged object and the copy (which the item may record) stay', async () => {
    api.answer = () => ({ data: null, errors: [{ errorType: 'DynamoDB:ProvisionedThroughputExceededException', message: 'slow down' }] });
    const { key, documentId } = await stage(pdf, 'PDF', 'application/pdf');
    await expect(processLandedObject(deps, bucket, key)).rejects.toThrow('slow down');
    expect(await exists(key)).toBe(true);
    expect(await filesOf(documentId)).toHaveLength(1);
  });

  it.each([
    ['a legacy file copied to its document key', () => documentObjectKey(applicantId, nextDocument().documentId)],
    ['a checked file at its file key', () => documentFileKey(applicantId, nextDocument().documentId, '01JLANDING0000000000000000')],
    ['an object outside both prefixes', () => 'exports/report.csv'],
  ])('given %s, then nothing is called and the object is left alone', async (_what, keyOf) => {
    const key = keyOf();
    await s3.send(new PutObjectCommand({ Bucket: bucket, Key: key, Body: Buffer.from('MZ-not-a-pdf'), ContentType: 'application/pdf' }));
    await expect(processLandedObject(deps, bucket, key)).resolves.toBe('ignored');
    expect(api.received).toHaveLength(0);
    expect(await exists(key)).toBe(true);
  });

  it('given a staged object deleted before its event is handled, then it is ignored', async () => {
    const { documentId, uploadId } = nextDocument();
    await expect(processLandedObject(deps, bucket, uploadStagingKey(applicantId, documentId, uploadId, 'PDF'))).resolves.toBe('ignored');
    expect(api.received).toHaveLength(0);
  });
});
