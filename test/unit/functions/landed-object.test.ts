import { HeadObjectCommand, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { processLandedObject } from '../../../functions/uploads/process-landed-object.ts';
import { createIamGraphqlClient } from '../../../functions/shared/appsync-iam-client.ts';
import { createLogger } from '../../../functions/shared/logger.ts';
import { freePort } from '../../../local/emulators/ports.ts';
import { startS3Local } from '../../../local/emulators/s3-local.ts';
import type { RunningEmulator } from '../../../local/emulators/dynamodb-local.ts';
import { documentObjectKey } from '../../../resolvers/lib/keys.ts';
import { iamCredentials, region, startIamGraphqlEndpoint, type IamGraphqlEndpoint } from './support/iam-graphql-endpoint.ts';

// The upload-landed Lambda's work on one object, against a real (local, in-memory) S3 and a stand-in of the API that
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

async function land(body: Buffer, contentType: string): Promise<string> {
  counter += 1;
  const key = documentObjectKey(applicantId, `01JDOCUMENT00000000000000${counter.toString(36).toUpperCase()}`);
  await s3.send(new PutObjectCommand({ Bucket: bucket, Key: key, Body: body, ContentType: contentType }));
  return key;
}

async function exists(key: string): Promise<boolean> {
  try {
    await s3.send(new HeadObjectCommand({ Bucket: bucket, Key: key }));
    return true;
  } catch {
    return false;
  }
}

const pdf = Buffer.from('%PDF-1.4\n%%EOF\n');

describe('a landed object', () => {
  it('given a real PDF declared as PDF, then markDocumentUploaded is called, IAM-signed, with its size, and the file stays', async () => {
    const key = await land(pdf, 'application/pdf');
    await expect(processLandedObject(deps, bucket, key)).resolves.toBe('uploaded');
    expect(api.received).toHaveLength(1);
    expect(api.received[0]).toMatchObject({ operationName: 'MarkDocumentUploaded', signer: iamCredentials.accessKeyId });
    expect(api.received[0]?.variables.input).toMatchObject({ applicantId, sizeBytes: pdf.length });
    expect(await exists(key)).toBe(true);
  });

  it('given bytes that are not what the declared type says, then markDocumentRejected gets the reason and the file is deleted', async () => {
    const key = await land(pdf, 'image/jpeg');
    await expect(processLandedObject(deps, bucket, key)).resolves.toBe('rejected');
    expect(api.received[0]).toMatchObject({ operationName: 'MarkDocumentRejected' });
    expect(api.received[0]?.variables.input).toMatchObject({
      reason: "The file's content is not a JPEG file, as its declared type says it should be",
      sizeBytes: pdf.length,
    });
    expect(await exists(key)).toBe(false);
  });

  it('given no pending document owns the key (the API says NotFound), then the orphan file is deleted', async () => {
    api.answer = () => ({ data: null, errors: [{ errorType: 'NotFound', message: 'Document not found' }] });
    const key = await land(pdf, 'application/pdf');
    await expect(processLandedObject(deps, bucket, key)).resolves.toBe('orphan-removed');
    expect(await exists(key)).toBe(false);
  });

  it('given a document decided already and a replacement that fails the checks, then the replacement is deleted', async () => {
    api.answer = () => ({ data: null, errors: [{ errorType: 'ConflictError', message: 'Document is UPLOADED, not PENDING_UPLOAD' }] });
    const key = await land(Buffer.from('MZ-not-a-pdf'), 'application/pdf');
    await expect(processLandedObject(deps, bucket, key)).resolves.toBe('already-decided');
    expect(await exists(key)).toBe(false);
  });

  it('given the same event delivered twice for a good file, then the second is treated as done and the file stays', async () => {
    api.answer = () => ({ data: null, errors: [{ errorType: 'ConflictError', message: 'Document is UPLOADED, not PENDING_UPLOAD' }] });
    const key = await land(pdf, 'application/pdf');
    await expect(processLandedObject(deps, bucket, key)).resolves.toBe('already-decided');
    expect(await exists(key)).toBe(true);
  });

  it('given any other API failure, then it throws so Lambda retries, and the file stays', async () => {
    api.answer = () => ({ data: null, errors: [{ errorType: 'DynamoDB:ProvisionedThroughputExceededException', message: 'slow down' }] });
    const key = await land(pdf, 'application/pdf');
    await expect(processLandedObject(deps, bucket, key)).rejects.toThrow('slow down');
    expect(await exists(key)).toBe(true);
  });

  it('given a key that is not a document’s, then nothing is called and the object is left alone', async () => {
    await s3.send(new PutObjectCommand({ Bucket: bucket, Key: 'exports/report.csv', Body: 'a,b' }));
    await expect(processLandedObject(deps, bucket, 'exports/report.csv')).resolves.toBe('ignored');
    expect(api.received).toHaveLength(0);
    expect(await exists('exports/report.csv')).toBe(true);
  });

  it('given an object deleted before its event is handled, then it is ignored', async () => {
    await expect(processLandedObject(deps, bucket, documentObjectKey(applicantId, '01JDOCUMENTGONE00000000000Z'))).resolves.toBe('ignored');
    expect(api.received).toHaveLength(0);
  });
});
