import { randomUUID } from 'node:crypto';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DynamoDbRequestCounter, startApiServer, type ApiServer } from '../../../local/server/index.ts';
import { postGraphql, signedHeaders } from './support/clients.ts';
import { profileItem as profile } from './support/profile-item.ts';
import { tableWithIssuer } from './support/server-table.ts';
import { serverAuth, type TokenIssuer } from './support/token-issuer.ts';
import { fixtureBundleDir, fixtureWiring } from './fixtures/wiring.ts';
import { directiveBundleDir, directiveSchema, directiveWiring } from './fixtures/directive-schema.ts';

const applicant = { sub: 'a1111111-1111-4111-8111-111111111111', username: 'ana', groups: ['applicant'] };
const otherApplicant = { sub: 'b2222222-2222-4222-8222-222222222222', username: 'bo', groups: ['applicant'] };
const staff = { sub: 's3333333-3333-4333-8333-333333333333', username: 'sam', groups: ['staff'] };

// The run's shared DynamoDB Local, on a table of this file's own.
const tableName = `server-${randomUUID()}`;
let dynamodb: DynamoDBClient;
let issuer: TokenIssuer;
let server: ApiServer;
let directiveServer: ApiServer;
const counter = new DynamoDbRequestCounter();
const lambdaEvents: unknown[] = [];

beforeAll(async () => {
  ({ dynamodb, issuer } = await tableWithIssuer(tableName, [
    profile(applicant, 'APPLICANT'),
    profile(staff, 'STAFF'),
    { pk: 'APPLICANT#app-1', sk: 'APPLICANT', id: 'app-1', ownerId: applicant.sub, firstName: 'Ana', assignedStaffId: staff.sub },
  ]));
  server = await startApiServer({
    httpPort: 0,
    dynamodb,
    tableName,
    auth: serverAuth(issuer),
    wiring: fixtureWiring,
    resolverBundleDir: fixtureBundleDir,
    onDynamoDbRequest: counter.onDynamoDbRequest,
    environmentVariables: { STAGE: 'test' },
    lambdaHandlers: {
      payments: async (event) => {
        lambdaEvents.push(event);
        return { checkoutUrl: 'https://checkout.example.com/c/1', payment: null };
      },
    },
  });
  directiveServer = await startApiServer({
    httpPort: 0,
    dynamodb,
    tableName,
    auth: serverAuth(issuer),
    schema: directiveSchema,
    wiring: directiveWiring,
    resolverBundleDir: directiveBundleDir,
  });
});

afterAll(async () => {
  await Promise.all([server?.close(), directiveServer?.close()]);
  await issuer?.stop();
  dynamodb?.destroy();
});

describe('POST /graphql', () => {
  it('answers a query from DynamoDB Local with one GetItem', async () => {
    const token = await issuer.token(applicant);
    counter.reset();

    const response = await postGraphql(server.httpUrl, { query: 'query Me { me { id email role } }' }, { token });

    expect(response.status).toBe(200);
    expect(response.body).toEqual({ data: { me: { id: applicant.sub, email: 'ana@example.com', role: 'APPLICANT' } } });
    expect(counter.forOperation('Me')).toMatchObject({ total: 1, byApi: { GetItem: 1 } });
  });

  it('accepts an id token as well as an access token', async () => {
    const token = await issuer.token(applicant, { use: 'id' });

    const response = await postGraphql(server.httpUrl, { query: '{ me { id } }' }, { token: `Bearer ${token}` });

    expect(response.body).toEqual({ data: { me: { id: applicant.sub } } });
  });

  it('runs a pipeline resolver, then a type field resolver with ctx.source', async () => {
    const token = await issuer.token(applicant);
    counter.reset();

    const response = await postGraphql(
      server.httpUrl,
      { query: 'query Get($id: ID!) { getApplicant(id: $id) { id firstName assignedStaff { id fullName } } }', variables: { id: 'app-1' } },
      { token },
    );

    expect(response.body).toEqual({
      data: { getApplicant: { id: 'app-1', firstName: 'Ana', assignedStaff: { id: staff.sub, fullName: 'SAM' } } },
    });
    expect(counter.forOperation('Get')).toMatchObject({ total: 2, byApi: { GetItem: 2 } });
  });

  it("answers util.unauthorized() in AppSync's error shape, the field null", async () => {
    const token = await issuer.token(otherApplicant);

    const response = await postGraphql(server.httpUrl, { query: '{\n  getApplicant(id: "app-1") { id }\n}' }, { token });

    expect(response.status).toBe(200);
    expect(response.body).toEqual({
      data: { getApplicant: null },
      errors: [
        {
          path: ['getApplicant'],
          data: null,
          errorType: 'Unauthorized',
          errorInfo: null,
          locations: [{ line: 2, column: 3, sourceName: null }],
          message: 'Not Authorized to access getApplicant on type Query',
        },
      ],
    });
  });

  it('filters util.error data by the selection set as AppSync does: unselected keys dropped, aliases applied', async () => {
    const token = await issuer.token(applicant);

    const aliased = await postGraphql(
      server.httpUrl,
      { query: '{ mlConsent(applicantId: "app-1") { given: consentGiven consentVersion userId } }' },
      { token },
    );

    expect(aliased.body.errors).toEqual([
      expect.objectContaining({ errorType: 'ConsentUnavailable', data: { given: false, consentVersion: 'v1' }, errorInfo: { code: 7 } }),
    ]);
  });

  it('carries util.error data and errorInfo, and appended errors next to data', async () => {
    const token = await issuer.token(applicant);

    const failed = await postGraphql(server.httpUrl, { query: '{ mlConsent(applicantId: "app-1") { consentGiven } }' }, { token });
    const partial = await postGraphql(server.httpUrl, { query: '{ listReviews(applicantId: "app-1") { items { id } } }' }, { token });

    expect(failed.body.data).toEqual({ mlConsent: null });
    expect(failed.body.errors).toEqual([
      expect.objectContaining({
        path: ['mlConsent'],
        errorType: 'ConsentUnavailable',
        data: { consentGiven: false },
        errorInfo: { code: 7 },
        message: 'Consent records are unavailable',
      }),
    ]);
    expect(partial.body.data).toEqual({ listReviews: { items: [] } });
    expect(partial.body.errors).toEqual([
      expect.objectContaining({ path: ['listReviews'], errorType: 'PartialResult', message: 'Some reviews could not be read' }),
    ]);
  });

  it('gives resolvers ctx.info selection sets as AppSync computes them, and request headers without cookie', async () => {
    const token = await issuer.token(applicant);
    const query = `query Echo {
  mlRecommendation(applicantId: "app-1") {
    applicantId
    note: message
    ... on MlRecommendation { recommendations }
    ...More
  }
}
fragment More on MlRecommendation { available }`;

    const response = await postGraphql(server.httpUrl, { query }, { token, headers: { 'x-echo': 'echoed', cookie: 'session=secret' } });

    expect(response.body.errors).toBeUndefined();
    expect(response.body.data).toEqual({
      mlRecommendation: {
        applicantId: 'echoed',
        note: '{\n  applicantId\n  note: message\n  ... on MlRecommendation {\n    recommendations\n  }\n  ...More\n}',
        recommendations: ['applicantId', 'note', 'recommendations', 'available'],
        available: true,
      },
    });
  });

  it("gives resolvers the API's environment variables in ctx.env, TABLE_NAME included", async () => {
    const token = await issuer.token(applicant);

    const response = await postGraphql(server.httpUrl, { query: '{ priceCatalog { label } }' }, { token });

    expect(response.body).toEqual({ data: { priceCatalog: [{ label: `${tableName}/test` }] } });
  });

  it("calls a Lambda data source's handler in-process, and reports a missing handler as the data source's error", async () => {
    const token = await issuer.token(applicant);
    lambdaEvents.length = 0;

    const checkout = await postGraphql(
      server.httpUrl,
      { query: 'mutation { createCheckoutSession(input: { applicantId: "app-1", service: DOCUMENT_REVIEW }) { checkoutUrl } }' },
      { token },
    );
    const download = await postGraphql(
      server.httpUrl,
      { query: '{ documentDownloadUrl(applicantId: "app-1", documentId: "d1") { url } }' },
      { token },
    );

    expect(checkout.body).toEqual({ data: { createCheckoutSession: { checkoutUrl: 'https://checkout.example.com/c/1' } } });
    expect(lambdaEvents).toEqual([
      expect.objectContaining({
        fieldName: 'createCheckoutSession',
        arguments: { input: { applicantId: 'app-1', service: 'DOCUMENT_REVIEW' } },
        identity: expect.objectContaining({ sub: applicant.sub }),
      }),
    ]);
    expect(download.body.errors).toEqual([
      expect.objectContaining({
        errorType: 'Lambda:Unhandled',
        message: "The 'uploads' Lambda data source has no handler in the local runtime",
      }),
    ]);
  });

  it('refuses AWS scalar input that breaks its format, naming the scalar and the rule', async () => {
    const token = await issuer.token(staff);

    const response = await postGraphql(
      server.httpUrl,
      {
        query: 'mutation Create($input: CreateTaskInput!) { createTask(input: $input) { id } }',
        variables: { input: { assigneeId: staff.sub, title: 'Call', dueAt: 'next Tuesday' } },
      },
      { token },
    );

    expect(response.body.data).toBeNull();
    expect(response.body.errors?.[0]?.message).toContain('AWSDateTime must be a date-time');
    expect(response.body.errors?.[0]?.message).toContain('"input.dueAt"');
  });

  it('answers a CORS preflight', async () => {
    const response = await fetch(server.httpUrl, {
      method: 'OPTIONS',
      headers: { origin: 'http://localhost:5173', 'access-control-request-headers': 'authorization,content-type' },
    });

    expect(response.status).toBe(204);
    expect(response.headers.get('access-control-allow-origin')).toBe('http://localhost:5173');
    expect(response.headers.get('access-control-allow-headers')).toBe('authorization,content-type');
  });
});

describe('authentication', () => {
  const query = { query: '{ me { id } }' };
  const unauthorized = (message: string) => ({ status: 401, body: { errors: [{ errorType: 'UnauthorizedException', message }] } });

  it('refuses a request without a token with 401 UnauthorizedException', async () => {
    const response = await postGraphql(server.httpUrl, query);

    expect({ status: response.status, body: response.body }).toEqual(unauthorized('Valid authorization header not provided.'));
  });

  it('refuses an expired token', async () => {
    const token = await issuer.token(applicant, { expiresIn: -10 });

    const response = await postGraphql(server.httpUrl, query, { token });

    expect({ status: response.status, body: response.body }).toEqual(unauthorized('Token has expired.'));
  });

  it('refuses a token without exp, or issued in the future beyond the clock skew, as no user pool issues them', async () => {
    const tokens = await Promise.all([
      issuer.token(applicant, { withoutExp: true }),
      issuer.token(applicant, { issuedIn: 10 * 60 }),
    ]);

    for (const token of tokens) {
      const response = await postGraphql(server.httpUrl, query, { token });
      expect({ status: response.status, body: response.body }).toEqual(unauthorized('You are not authorized to make this call.'));
    }
  });

  it('accepts a token issued a few seconds ahead of the server clock', async () => {
    const token = await issuer.token(applicant, { issuedIn: 20 });

    const response = await postGraphql(server.httpUrl, query, { token });

    expect(response.status).toBe(200);
  });

  it('refuses a token from another issuer, another key or another app client', async () => {
    const tokens = await Promise.all([
      issuer.token(applicant, { issuer: 'https://cognito-idp.us-east-1.amazonaws.com/us-east-1_other' }),
      issuer.token(applicant, { foreignKey: true }),
      issuer.token(applicant, { clientId: 'another-client' }),
    ]);

    for (const token of tokens) {
      const response = await postGraphql(server.httpUrl, query, { token });
      expect({ status: response.status, body: response.body }).toEqual(unauthorized('You are not authorized to make this call.'));
    }
  });

  it('refuses something that is not a JWT', async () => {
    const response = await postGraphql(server.httpUrl, query, { token: 'not-a-jwt' });

    expect({ status: response.status, body: response.body }).toEqual(unauthorized('Unable to parse JWT token.'));
  });

  it('refuses a SigV4 signature made with the wrong secret', async () => {
    const body = JSON.stringify(query);
    const { host: _host, ...headers } = await signedHeaders(server.httpUrl, body, { accessKeyId: 'local', secretAccessKey: 'wrong' });

    const response = await fetch(server.httpUrl, { method: 'POST', headers, body });

    expect(response.status).toBe(401);
    expect(await response.json()).toEqual({
      errors: [{ errorType: 'UnauthorizedException', message: expect.stringContaining('The request signature we calculated does not match') }],
    });
  });
});

describe('SigV4 binds the body', () => {
  const other = JSON.stringify({ query: '{ __typename }' });

  it('refuses a captured signature replayed with another body', async () => {
    const { host: _host, ...headers } = await signedHeaders(server.httpUrl, JSON.stringify({ query: '{ me { id } }' }));

    const response = await fetch(server.httpUrl, { method: 'POST', headers, body: other });

    expect(response.status).toBe(401);
    expect(await response.json()).toEqual({
      errors: [{ errorType: 'UnauthorizedException', message: 'The provided x-amz-content-sha256 header does not match what was computed.' }],
    });
  });

  it('refuses UNSIGNED-PAYLOAD, even correctly signed', async () => {
    const { host: _host, ...headers } = await signedHeaders(server.httpUrl, other, undefined, { 'x-amz-content-sha256': 'UNSIGNED-PAYLOAD' });

    const response = await fetch(server.httpUrl, { method: 'POST', headers, body: other });

    expect(response.status).toBe(401);
    expect(((await response.json()) as { errors: { message: string }[] }).errors[0]!.message).toContain('UNSIGNED-PAYLOAD is not accepted');
  });

  it('accepts the signed body itself', async () => {
    const { host: _host, ...headers } = await signedHeaders(server.httpUrl, other);

    const response = await fetch(server.httpUrl, { method: 'POST', headers, body: other });

    expect(response.status).toBe(200);
  });
});

describe('auth directives', () => {
  const markUploaded = {
    query: 'mutation { markDocumentUploaded(input: { applicantId: "app-1", documentId: "d1", uploadId: "u1", contentType: PDF, objectKey: "k", sizeBytes: 10 }) { id status sizeBytes } }',
  };

  it('restricts a group-only field to its groups', async () => {
    const query = { query: '{ listApplicants { items { id } } }' };

    const asApplicant = await postGraphql(server.httpUrl, query, { token: await issuer.token(applicant) });
    const asStaff = await postGraphql(server.httpUrl, query, { token: await issuer.token(staff) });

    expect(asApplicant.body).toEqual({
      data: null,
      errors: [
        expect.objectContaining({
          path: ['listApplicants'],
          errorType: 'Unauthorized',
          message: 'Not Authorized to access listApplicants on type Query',
        }),
      ],
    });
    expect(asStaff.body).toEqual({ data: { listApplicants: { items: [] } } });
  });

  it('refuses an IAM-only mutation to a user-pool caller and runs it for a SigV4-signed caller', async () => {
    const asUser = await postGraphql(server.httpUrl, markUploaded, { token: await issuer.token(staff) });
    const asIam = await postGraphql(server.httpUrl, markUploaded, { iam: true });

    expect(asUser.body.errors).toEqual([
      expect.objectContaining({ errorType: 'Unauthorized', message: 'Not Authorized to access markDocumentUploaded on type Mutation' }),
    ]);
    expect(asIam.body).toEqual({ data: { markDocumentUploaded: { id: 'd1', status: 'UPLOADED', sizeBytes: 10 } } });
  });

  it('keeps an IAM caller away from user-pool-only fields', async () => {
    const response = await postGraphql(server.httpUrl, { query: '{ me { id } }' }, { iam: true });

    expect(response.body).toEqual({
      data: { me: null },
      errors: [expect.objectContaining({ errorType: 'Unauthorized', message: 'Not Authorized to access me on type Query' })],
    });
  });

  describe('on a schema exercising each rule', () => {
    const query = { query: '{ open { text staffNote } staffOnly { text } iamOnly { text } shared { text staffNote } }' };
    const deniedPaths = (body: { errors?: Record<string, unknown>[] }) =>
      (body.errors ?? []).map((e) => [e.errorType, (e.path as string[]).join('.')]);

    it('gives an applicant the default-mode fields only; the rest of the query still runs', async () => {
      const response = await postGraphql(directiveServer.httpUrl, query, { token: await issuer.token(applicant) });

      expect(response.body.data).toEqual({
        open: { text: 'note', staffNote: null },
        staffOnly: null,
        iamOnly: null,
        shared: { text: 'note', staffNote: null },
      });
      expect(deniedPaths(response.body).sort()).toEqual(
        [
          ['Unauthorized', 'iamOnly'],
          ['Unauthorized', 'open.staffNote'],
          ['Unauthorized', 'shared.staffNote'],
          ['Unauthorized', 'staffOnly'],
        ].sort(),
      );
    });

    it('gives staff the group fields too', async () => {
      const response = await postGraphql(directiveServer.httpUrl, query, { token: await issuer.token(staff) });

      expect(response.body.data).toEqual({
        open: { text: 'note', staffNote: 'staff note' },
        staffOnly: { text: 'note' },
        iamOnly: null,
        shared: { text: 'note', staffNote: 'staff note' },
      });
      expect(deniedPaths(response.body)).toEqual([['Unauthorized', 'iamOnly']]);
    });

    it('gives an IAM caller the IAM fields only: a field directive overrides the type directive', async () => {
      const response = await postGraphql(directiveServer.httpUrl, query, { iam: true });

      expect(response.body.data).toEqual({
        open: null,
        staffOnly: null,
        iamOnly: { text: 'note' },
        shared: { text: 'note', staffNote: null },
      });
      expect(deniedPaths(response.body).sort()).toEqual(
        [
          ['Unauthorized', 'open'],
          ['Unauthorized', 'shared.staffNote'],
          ['Unauthorized', 'staffOnly'],
        ].sort(),
      );
    });
  });
});
