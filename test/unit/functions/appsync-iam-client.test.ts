import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createIamGraphqlClient, GraphqlRequestError } from '../../../functions/shared/appsync-iam-client.ts';
import { MarkDocumentUploadedDocument } from '../../../schema/generated/client/graphql.ts';
import { iamCredentials, region, startIamGraphqlEndpoint, type IamGraphqlEndpoint } from './support/iam-graphql-endpoint.ts';

let endpoint: IamGraphqlEndpoint;
beforeAll(async () => {
  endpoint = await startIamGraphqlEndpoint();
});
afterAll(() => endpoint.stop());

const input = {
  applicantId: '01JAPPLICANT000000000000A1',
  documentId: '01JDOCUMENT0000000000000D1',
  uploadId: '01JUPLOAD00000000000000000',
  contentType: 'PDF' as const,
  objectKey: 'applicants/01JAPPLICANT000000000000A1/documents/01JDOCUMENT0000000000000D1/01JLANDING0000000000000000',
  sizeBytes: 2048,
};

describe('the IAM GraphQL client', () => {
  it('given the typed MarkDocumentUploaded document, when executed, then the request is SigV4-signed for appsync and carries the printed operation', async () => {
    endpoint.answer = () => ({ data: { markDocumentUploaded: { id: input.documentId, status: 'UPLOADED' } } });
    const client = createIamGraphqlClient({ url: endpoint.url, region, credentials: async () => iamCredentials });
    const data = await client.execute(MarkDocumentUploadedDocument, { input });
    expect(data.markDocumentUploaded).toEqual({ id: input.documentId, status: 'UPLOADED' });
    const request = endpoint.received.at(-1);
    expect(request?.signer).toBe(iamCredentials.accessKeyId);
    expect(request?.operationName).toBe('MarkDocumentUploaded');
    expect(request?.query).toContain('mutation MarkDocumentUploaded($input: MarkDocumentUploadedInput!)');
    expect(request?.query).toContain('fragment DocumentFields on Document');
    expect(request?.variables).toEqual({ input });
  });

  it('given credentials the API does not know, when executed, then the API refuses the signature and the client raises its error', async () => {
    const client = createIamGraphqlClient({ url: endpoint.url, region, credentials: async () => ({ ...iamCredentials, secretAccessKey: 'wrong' }) });
    const error = await client.execute(MarkDocumentUploadedDocument, { input }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(GraphqlRequestError);
    expect((error as GraphqlRequestError).errorType).toBe('UnauthorizedException');
    expect((error as GraphqlRequestError).status).toBe(401);
  });

  it('given an answer with GraphQL errors, when executed, then the error carries the first errorType and message', async () => {
    endpoint.answer = () => ({ data: null, errors: [{ errorType: 'ConflictError', message: 'Document is UPLOADED, not PENDING_UPLOAD' }] });
    const client = createIamGraphqlClient({ url: endpoint.url, region, credentials: async () => iamCredentials });
    const error = (await client.execute(MarkDocumentUploadedDocument, { input }).catch((e: unknown) => e)) as GraphqlRequestError;
    expect(error.errorType).toBe('ConflictError');
    expect(error.message).toBe('MarkDocumentUploaded failed (HTTP 200): ConflictError: Document is UPLOADED, not PENDING_UPLOAD');
  });
});
