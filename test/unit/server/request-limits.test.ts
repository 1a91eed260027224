import { randomUUID } from 'node:crypto';
import { connect } from 'node:net';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DynamoDbRequestCounter, startApiServer, type ApiServer } from '../../../local/server/index.ts';
import { postGraphql, RealtimeTestClient } from './support/clients.ts';
import { profileItem } from './support/profile-item.ts';
import { tableWithIssuer } from './support/server-table.ts';
import { serverAuth, type TokenIssuer } from './support/token-issuer.ts';
import { fixtureBundleDir, fixtureWiring } from './fixtures/wiring.ts';

// The cost bound of a request on a server whose limits are lowered (depth 3, two resolvers, 200 tokens) so that small documents
// reach them, and the 1 MB body limit answered with a 413 the client actually receives.

const applicant = { sub: 'a1111111-1111-4111-8111-111111111111', username: 'ana', groups: ['applicant'] };
const staff = { sub: 's3333333-3333-4333-8333-333333333333', username: 'sam', groups: ['staff'] };
const tableName = `limits-${randomUUID()}`;
const counter = new DynamoDbRequestCounter();
let dynamodb: DynamoDBClient;
let issuer: TokenIssuer;
let server: ApiServer;

beforeAll(async () => {
  ({ dynamodb, issuer } = await tableWithIssuer(tableName, [
    profileItem(applicant, 'APPLICANT'),
    profileItem(staff, 'STAFF'),
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
    limits: { queryDepth: 3, resolverCount: 2, documentTokens: 200 },
  });
});

afterAll(async () => {
  await server?.close();
  await issuer?.stop();
  dynamodb?.destroy();
});

async function post(query: string) {
  const token = await issuer.token(applicant);
  counter.reset();
  const response = await postGraphql(server.httpUrl, { query }, { token });
  return { ...response, requests: counter.totals().total };
}

const aliases = (count: number) => `{ ${Array.from({ length: count }, (_, i) => `a${i}: me { id }`).join(' ')} }`;
const nested = (levels: number) => `${'{ a '.repeat(levels)}${'}'.repeat(levels)}`;

describe('query depth limit', () => {
  it('given fields nested deeper than the limit, then each is refused with QueryDepthLimitReached and nothing runs', async () => {
    const response = await post('query Deep { getApplicant(id: "app-1") { id assignedStaff { notificationPreferences { optedOut } role } } }');

    expect(response.status).toBe(200);
    expect(response.body.data).toBeNull();
    expect(response.body.errors).toEqual([
      {
        path: ['getApplicant', 'assignedStaff', 'notificationPreferences', 'optedOut'],
        data: null,
        errorType: 'QueryDepthLimitReached',
        errorInfo: null,
        locations: [{ line: 1, column: 87, sourceName: null }],
        message: 'The query is nested deeper than 3 levels, the query depth limit of this API',
      },
    ]);
    expect(response.requests).toBe(0);
  });

  it('given fields reached through fragments or introspection, then they count too', async () => {
    const viaFragment = await post(
      'query F { getApplicant(id: "app-1") { ...Staff } } fragment Staff on Applicant { assignedStaff { ... on UserProfile { notificationPreferences { optedOut } } } }',
    );
    const introspection = await post('{ __schema { queryType { fields { name } } } }');

    expect(viaFragment.body.errors?.map((e) => [e.errorType, e.path])).toEqual([
      ['QueryDepthLimitReached', ['getApplicant', 'assignedStaff', 'notificationPreferences', 'optedOut']],
    ]);
    expect(introspection.body.errors?.map((e) => [e.errorType, e.path])).toEqual([['QueryDepthLimitReached', ['__schema', 'queryType', 'fields', 'name']]]);
    expect(viaFragment.requests + introspection.requests).toBe(0);
  });

  it('given a document within the limit, then it runs', async () => {
    const response = await post('{ getApplicant(id: "app-1") { id assignedStaff { id } } }');

    expect(response.body).toEqual({ data: { getApplicant: { id: 'app-1', assignedStaff: { id: staff.sub } } } });
  });
});

describe('resolver count limit', () => {
  it('given more resolver invocations than the limit, then the ones past it fail with ResolverExecutionLimitReached and do not run', async () => {
    const response = await post('query Three { a: me { id } b: me { id } c: me { id } }');

    expect(response.body.data).toEqual({ a: { id: applicant.sub }, b: { id: applicant.sub }, c: null });
    expect(response.body.errors).toEqual([
      expect.objectContaining({
        path: ['c'],
        errorType: 'ResolverExecutionLimitReached',
        message: 'The request invoked more than 2 resolvers, the resolver count limit of this API',
      }),
    ]);
    expect(counter.forOperation('Three')).toMatchObject({ total: 2, byApi: { GetItem: 2 } });
  });

  it('given a nested type resolver, then it counts as an invocation of its own, in the order the fields run', async () => {
    const response = await post('{ a: getApplicant(id: "app-1") { assignedStaff { id } } b: me { id } }');

    expect(response.body.data).toEqual({ a: { assignedStaff: null }, b: { id: applicant.sub } });
    expect(response.body.errors?.map((e) => [e.errorType, e.path])).toEqual([['ResolverExecutionLimitReached', ['a', 'assignedStaff']]]);
  });
});

describe('document token limit', () => {
  it('given many aliases, then the document is refused before it is parsed, and nothing runs', async () => {
    const response = await post(aliases(100));

    expect(response.status).toBe(200);
    expect(response.body).toEqual({
      data: null,
      errors: [
        {
          path: null,
          data: null,
          errorType: 'DocumentTokenLimitReached',
          errorInfo: null,
          locations: null,
          message: 'The document has more than 200 tokens, the most this API parses',
        },
      ],
    });
    expect(response.requests).toBe(0);
  });

  it('given 5,000 levels of nesting, then the same clean refusal instead of a stack overflow', async () => {
    const response = await post(nested(5_000));

    expect(response.body.errors).toEqual([expect.objectContaining({ errorType: 'DocumentTokenLimitReached' })]);
    expect(JSON.stringify(response.body)).not.toMatch(/call stack|at .*\.(ts|js):\d+/);
  });
});

describe('the real-time start message applies the same limits', () => {
  async function startWith(query: string) {
    const host = new URL(server.httpUrl).host;
    const authorization = { Authorization: await issuer.token(applicant), host };
    const client = await RealtimeTestClient.connect(server.realtimeUrl, authorization);
    try {
      expect((await client.init()).type).toBe('connection_ack');
      return await client.start('s1', query, { applicantId: `app-${applicant.sub}` }, authorization);
    } finally {
      client.close();
    }
  }

  it('given a subscription nested deeper than the limit, then start is refused with QueryDepthLimitReached', async () => {
    const answer = await startWith('subscription S($applicantId: ID!) { onThreadMessage(applicantId: $applicantId) { id } }');
    const deep = await startWith('subscription S { onApplicantChanged { assignedStaff { notificationPreferences { optedOut } } } }');

    expect(answer.type).toBe('start_ack');
    expect(deep).toMatchObject({ type: 'error', id: 's1', payload: { errors: [{ errorType: 'QueryDepthLimitReached' }] } });
  });

  it('given a document over the token limit, then start is refused with DocumentTokenLimitReached', async () => {
    const answer = await startWith(`subscription S ${nested(5_000)}`);

    expect(answer).toMatchObject({ type: 'error', id: 's1', payload: { errors: [{ errorType: 'DocumentTokenLimitReached' }] } });
  });

  it('given a frame over 1 MB, then the socket is closed with 1009 (message too big), not reset', async () => {
    const host = new URL(server.httpUrl).host;
    const client = await RealtimeTestClient.connect(server.realtimeUrl, { Authorization: await issuer.token(applicant), host });
    expect((await client.init()).type).toBe('connection_ack');

    client.socket.send('x'.repeat(2 * 1024 * 1024));

    expect(await client.closed).toEqual({ code: 1009, reason: '' });
  });
});

/** Sends a raw HTTP/1.1 POST and resolves with everything the server wrote back; rejects on a reset. */
function rawPost(port: number, body: Buffer, framing: 'content-length' | 'chunked'): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1');
    const received: Buffer[] = [];
    socket.on('data', (data: Buffer) => received.push(data));
    socket.on('error', reject);
    socket.on('end', () => resolve(Buffer.concat(received).toString('utf8')));
    const length = framing === 'content-length' ? `content-length: ${body.length}` : 'transfer-encoding: chunked';
    socket.write(`POST /graphql HTTP/1.1\r\nhost: localhost\r\ncontent-type: application/json\r\n${length}\r\n\r\n`);
    for (let offset = 0; offset < body.length; offset += 64 * 1024) {
      const piece = body.subarray(offset, offset + 64 * 1024);
      socket.write(framing === 'chunked' ? Buffer.concat([Buffer.from(`${piece.length.toString(16)}\r\n`), piece, Buffer.from('\r\n')]) : piece);
    }
    if (framing === 'chunked') socket.write('0\r\n\r\n');
  });
}

describe('oversized bodies', () => {
  const body = Buffer.from(JSON.stringify({ query: `{ me { id } } # ${'x'.repeat(2 * 1024 * 1024)}` }));

  it.each(['content-length', 'chunked'] as const)('given a 2 MB body sent with %s, then the client receives the 413 answer', async (framing) => {
    const answer = await rawPost(server.httpPort, body, framing);

    expect(answer).toMatch(/^HTTP\/1\.1 413 /);
    expect(answer.toLowerCase()).toContain('connection: close');
    expect(JSON.parse(answer.slice(answer.indexOf('\r\n\r\n') + 4))).toEqual({
      errors: [{ errorType: 'PayloadTooLargeException', message: 'The request body exceeds 1048576 bytes' }],
    });
  });

  it('given a 2 MB body through fetch, then fetch gets the 413 too', async () => {
    const response = await fetch(server.httpUrl, { method: 'POST', headers: { 'content-type': 'application/json' }, body });

    expect(response.status).toBe(413);
    expect(await response.json()).toEqual({ errors: [{ errorType: 'PayloadTooLargeException', message: 'The request body exceeds 1048576 bytes' }] });
  });
});
