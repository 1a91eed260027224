import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApiServer, type ApiServer } from '../../../local/server/index.ts';
import { postGraphql, RealtimeTestClient, signedHeaders, type ServerMessage } from './support/clients.ts';
import { startTokenIssuer, type TestUser, type TokenIssuer } from './support/token-issuer.ts';
import { fixtureBundleDir, fixtureWiring } from './fixtures/wiring.ts';

// The real-time endpoint over a raw WebSocket: what the server sends, message by message.

const ana: TestUser = { sub: 'a1111111-1111-4111-8111-111111111111', username: 'ana', groups: ['applicant'] };
const bo: TestUser = { sub: 'b2222222-2222-4222-8222-222222222222', username: 'bo', groups: ['applicant'] };
const sam: TestUser = { sub: 's3333333-3333-4333-8333-333333333333', username: 'sam', groups: ['staff'] };
const ada: TestUser = { sub: 'd4444444-4444-4444-8444-444444444444', username: 'ada', groups: ['admin'] };
const threadOf = (user: TestUser) => `app-${user.sub}`;

const onThreadMessage = 'subscription Thread($applicantId: ID!) { onThreadMessage(applicantId: $applicantId) { id body recipientId __typename } }';
const onStaffInbox = 'subscription Inbox { onStaffInboxMessage { id body senderSide } }';
const onDocumentChanged = 'subscription Docs($applicantId: ID!) { onDocumentChanged(applicantId: $applicantId) { id applicantId status } }';

let issuer: TokenIssuer;
let server: ApiServer;
let host: string;
const clients: RealtimeTestClient[] = [];

beforeAll(async () => {
  issuer = await startTokenIssuer();
  server = await startApiServer({
    httpPort: 0,
    // Every resolver here uses the NONE data source; the client is never called.
    dynamodb: new DynamoDBClient({ endpoint: 'http://127.0.0.1:9', region: 'us-east-1', credentials: { accessKeyId: 'x', secretAccessKey: 'x' } }),
    tableName: 'unused',
    auth: {
      region: 'us-east-1',
      userPoolId: issuer.userPoolId,
      issuer: issuer.issuer,
      jwksUrl: issuer.jwksUrl,
      iam: { accessKeyId: 'local', secretAccessKey: 'local-secret' },
    },
    wiring: fixtureWiring,
    resolverBundleDir: fixtureBundleDir,
    realtime: { keepAliveIntervalMs: 100 },
  });
  host = new URL(server.httpUrl).host;
});

afterAll(async () => {
  for (const client of clients) client.close();
  await server?.close();
  await issuer?.stop();
});

async function userHeader(user: TestUser): Promise<Record<string, string>> {
  return { Authorization: await issuer.token(user), host };
}

async function connected(user: TestUser): Promise<RealtimeTestClient> {
  const client = await RealtimeTestClient.connect(server.realtimeUrl, await userHeader(user));
  clients.push(client);
  expect((await client.init()).type).toBe('connection_ack');
  return client;
}

async function sendMessage(user: TestUser, applicantId: string, body: string, selection = '{ id applicantId body senderName }') {
  const response = await postGraphql(
    server.httpUrl,
    {
      query: `mutation Send($input: SendMessageInput!) { sendMessage(input: $input) ${selection} }`,
      variables: { input: { applicantId, body, recipientId: 'someone' } },
    },
    { token: await issuer.token(user) },
  );
  expect(response.body.errors).toBeUndefined();
  return response.body.data?.sendMessage as Record<string, unknown>;
}

const dataFor = (id: string) => (m: ServerMessage) => m.type === 'data' && m.id === id;

describe('connection', () => {
  it('acknowledges connection_init with connectionTimeoutMs, then keeps the connection alive with ka', async () => {
    const client = await RealtimeTestClient.connect(server.realtimeUrl, await userHeader(ana));
    clients.push(client);

    const ack = await client.init();
    await client.next((m) => m.type === 'ka');
    await client.next((m) => m.type === 'ka');

    expect(ack).toEqual({ type: 'connection_ack', payload: { connectionTimeoutMs: 300000 } });
    expect(client.socket.protocol).toBe('graphql-ws');
  });

  it('takes the handshake authorization from the `header` query parameter too', async () => {
    const client = await RealtimeTestClient.connect(server.realtimeUrl, await userHeader(ana), 'query');
    clients.push(client);

    expect((await client.init()).type).toBe('connection_ack');
  });

  it('accepts an IAM-signed handshake (SigV4 over <endpoint>/connect with body {})', async () => {
    const connectUrl = `${server.httpUrl}/connect`;
    const header = await signedHeaders(connectUrl, '{}', undefined, {
      accept: 'application/json, text/javascript',
      'content-encoding': 'amz-1.0',
      'content-type': 'application/json; charset=UTF-8',
    });
    const client = await RealtimeTestClient.connect(server.realtimeUrl, header);
    clients.push(client);

    expect((await client.init()).type).toBe('connection_ack');
  });

  it('refuses an IAM-signed connect header replayed on a start message with another body', async () => {
    const connectUrl = `${server.httpUrl}/connect`;
    const header = await signedHeaders(connectUrl, '{}');
    const client = await RealtimeTestClient.connect(server.realtimeUrl, header);
    clients.push(client);
    expect((await client.init()).type).toBe('connection_ack');

    const answer = await client.start('replayed', 'subscription { __typename }', {}, header);

    expect(answer).toMatchObject({
      type: 'error',
      payload: { errors: [{ errorType: 'UnauthorizedException', message: 'The provided x-amz-content-sha256 header does not match what was computed.' }] },
    });
  });

  it('answers a handshake with an invalid token with connection_error, then closes', async () => {
    const client = await RealtimeTestClient.connect(server.realtimeUrl, { Authorization: await issuer.token(ana, { foreignKey: true }), host });

    const answer = await client.init();

    expect(answer).toEqual({
      type: 'connection_error',
      payload: {
        errors: [
          {
            errorType: 'com.amazonaws.deepdish.graphql.auth#UnauthorizedException',
            message: 'You are not authorized to make this call.',
            errorCode: 400,
          },
        ],
      },
    });
    await client.closed;
  });
});

describe('subscriptions', () => {
  it('delivers a mutation result with only the fields the subscriber selected, and only those the mutation selected', async () => {
    const client = await connected(ana);
    const ack = await client.start('thread', onThreadMessage, { applicantId: threadOf(ana) }, await userHeader(ana));
    expect(ack).toEqual({ type: 'start_ack', id: 'thread' });

    const sent = await sendMessage(ana, threadOf(ana), 'Hello staff');
    const event = await client.next(dataFor('thread'));

    // recipientId was set by the resolver but the mutation did not select it, so subscribers get null.
    expect(event).toEqual({
      type: 'data',
      id: 'thread',
      payload: { data: { onThreadMessage: { id: sent.id, body: 'Hello staff', recipientId: null, __typename: 'Message' } } },
    });
  });

  it("applies the subscription's arguments to the mutation result when no enhanced filter is set", async () => {
    const client = await connected(ana);
    expect((await client.start('docs', onDocumentChanged, { applicantId: 'app-x' }, await userHeader(ana))).type).toBe('start_ack');

    for (const applicantId of ['app-y', 'app-x']) {
      const response = await postGraphql(
        server.httpUrl,
        { query: `mutation { markDocumentUploaded(input: { applicantId: "${applicantId}", documentId: "doc-${applicantId}", uploadId: "u1", contentType: PDF, objectKey: "k", sizeBytes: 5 }) { id applicantId status } }` },
        { iam: true },
      );
      expect(response.body.errors).toBeUndefined();
    }
    const event = await client.next(dataFor('docs'));

    expect(event.payload).toEqual({ data: { onDocumentChanged: { id: 'doc-app-x', applicantId: 'app-x', status: 'UPLOADED' } } });
    expect(client.messages.filter((m) => m.type === 'data')).toEqual([]);
  });

  it("keeps events the resolver's enhanced filter excludes away, judging the mutation's selected fields", async () => {
    const staff = await connected(sam);
    expect((await staff.start('inbox', onStaffInbox, {}, await userHeader(sam))).type).toBe('start_ack');
    const withSide = '{ id applicantId body senderSide }';

    await sendMessage(sam, threadOf(bo), 'Staff reply', withSide); // senderSide STAFF: filtered out
    await sendMessage(bo, threadOf(bo), 'Side not selected'); // the filter's field is missing from the payload
    const fromApplicant = await sendMessage(bo, threadOf(bo), 'Question from Bo', withSide);
    const event = await staff.next(dataFor('inbox'));

    expect(event.payload).toEqual({
      data: { onStaffInboxMessage: { id: fromApplicant.id, body: 'Question from Bo', senderSide: 'APPLICANT' } },
    });
    expect(staff.messages.filter((m) => m.type === 'data')).toEqual([]);
  });

  it("never gives one applicant another applicant's thread events", async () => {
    const anaClient = await connected(ana);
    const boClient = await connected(bo);
    await anaClient.start('mine', onThreadMessage, { applicantId: threadOf(ana) }, await userHeader(ana));
    await boClient.start('mine', onThreadMessage, { applicantId: threadOf(bo) }, await userHeader(bo));

    await sendMessage(ana, threadOf(ana), 'For Ana only');
    const toBo = await sendMessage(bo, threadOf(bo), 'For Bo only');
    const boEvent = await boClient.next(dataFor('mine'));
    const anaEvent = await anaClient.next(dataFor('mine'));

    expect(boEvent.payload).toEqual({ data: { onThreadMessage: expect.objectContaining({ id: toBo.id, body: 'For Bo only' }) } });
    expect(anaEvent.payload).toEqual({ data: { onThreadMessage: expect.objectContaining({ body: 'For Ana only' }) } });
    expect(boClient.messages.filter((m) => m.type === 'data')).toEqual([]);
  });

  it('refuses start for a subscription field the directives deny the caller', async () => {
    const client = await connected(ana);

    const answer = await client.start('inbox', onStaffInbox, {}, await userHeader(ana));

    expect(answer).toEqual({
      type: 'error',
      id: 'inbox',
      payload: { errors: [{ errorType: 'Unauthorized', message: 'Not Authorized to access onStaffInboxMessage on type Subscription' }] },
    });
  });

  it('refuses start when the subscription resolver calls util.unauthorized()', async () => {
    const client = await connected(bo);

    const answer = await client.start('spy', onThreadMessage, { applicantId: threadOf(ana) }, await userHeader(bo));

    expect(answer).toEqual({
      type: 'error',
      id: 'spy',
      payload: { errors: [{ errorType: 'Unauthorized', message: 'Not Authorized to access onThreadMessage on type Subscription' }] },
    });
  });

  it("refuses start when the start message's own authorization is invalid", async () => {
    const client = await connected(ana);

    const answer = await client.start('expired', onThreadMessage, { applicantId: threadOf(ana) }, {
      Authorization: await issuer.token(ana, { expiresIn: -5 }),
      host,
    });

    expect(answer).toEqual({
      type: 'error',
      id: 'expired',
      payload: { errors: [{ errorType: 'UnauthorizedException', message: 'Token has expired.' }] },
    });
  });

  it('refuses a duplicated id', async () => {
    const client = await connected(sam);
    await client.start('dup', onStaffInbox, {}, await userHeader(sam));

    const duplicate = await client.start('dup', onStaffInbox, {}, await userHeader(sam));

    expect(duplicate.payload).toEqual({ errors: [{ errorType: 'DuplicatedOperationError', message: 'Duplicated operation with id dup' }] });
  });

  it('answers stop with complete, and sends that subscription nothing more', async () => {
    const client = await connected(ana);
    await client.start('stopped', onThreadMessage, { applicantId: threadOf(ana) }, await userHeader(ana));
    await client.start('sentinel', onThreadMessage, { applicantId: threadOf(ana) }, await userHeader(ana));

    client.send({ type: 'stop', id: 'stopped' });
    const complete = await client.next((m) => m.type === 'complete');
    await sendMessage(ana, threadOf(ana), 'After stop');
    await client.next(dataFor('sentinel'));
    await sendMessage(ana, threadOf(ana), 'Again');
    await client.next(dataFor('sentinel'));

    expect(complete).toEqual({ type: 'complete', id: 'stopped' });
    expect(client.messages.filter((m) => m.id === 'stopped')).toEqual([]);
  });

  it("closes the subscriptions a mutation's invalidateSubscriptions matches, and only those", async () => {
    const boClient = await connected(bo);
    const anaClient = await connected(ana);
    await boClient.start('bo-thread', onThreadMessage, { applicantId: threadOf(bo) }, await userHeader(bo));
    await anaClient.start('ana-thread', onThreadMessage, { applicantId: threadOf(ana) }, await userHeader(ana));

    const response = await postGraphql(
      server.httpUrl,
      { query: `mutation { deactivateUser(userId: "${bo.sub}") { id active } }` },
      { token: await issuer.token(ada) },
    );
    const complete = await boClient.next((m) => m.type === 'complete');
    await boClient.closed;
    await sendMessage(ana, threadOf(ana), 'Still here');

    expect(response.body).toEqual({ data: { deactivateUser: { id: bo.sub, active: false } } });
    expect(complete).toEqual({ type: 'complete', id: 'bo-thread', payload: { message: 'Subscription complete.' } });
    expect((await anaClient.next(dataFor('ana-thread'))).type).toBe('data');
  });
});
