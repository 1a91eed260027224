import { getIntrospectionQuery } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { documentTokenLimit, queryDepthLimit } from '../../infra/wiring/limits.ts';
import { DynamoDbRequestCounter } from '../../local/server/index.ts';
import { ListApplicantsDocument, ListMyApplicantsDocument } from '../../schema/generated/client/graphql.ts';
import { openRealtime } from '../setup/realtime.ts';
import { authorizationOf, createUser, type SignedInUser } from '../setup/users.ts';
import { postGraphql } from '../unit/server/support/clients.ts';
import { createApplicant } from './support/api.ts';
import { startExtraApi, type ExtraApi } from './support/extra-api.ts';

// The cost bound per request with the limits CDK deploys, on the real schema and resolver bundles: a too-deep
// document, a 5,000-level nesting and 1,000 aliases of a list query are refused before any DynamoDB request, and the
// operations the clients use (and GraphiQL's introspection) still run.

const counter = new DynamoDbRequestCounter();
let api: ExtraApi;
let applicant: SignedInUser;
let staff: SignedInUser;

beforeAll(async () => {
  [api, applicant, staff] = await Promise.all([
    startExtraApi({ onDynamoDbRequest: counter.onDynamoDbRequest }),
    createUser({ group: 'applicant' }),
    createUser({ group: 'staff' }),
  ]);
  await createApplicant(applicant);
});

afterAll(async () => {
  await api?.close();
});

async function post(user: SignedInUser, query: string) {
  counter.reset();
  const response = await postGraphql(api.server.httpUrl, { query }, { token: authorizationOf(user) });
  return { status: response.status, body: response.body, requests: counter.totals().total };
}

/**
 * `__type { ofType { ofType ... } }`: the schema's own types nest at most 5 levels, but introspection nests without
 * end (graphql-js's validation already bounds `fields`/`inputFields` cycles; `ofType` chains it lets through).
 */
function introspectionNestedTo(levels: number): string {
  return `{ __type(name: "Applicant") { ${'ofType { '.repeat(levels - 2)}name${' }'.repeat(levels - 2)} } }`;
}

const tooBig = { errorType: 'DocumentTokenLimitReached', message: `The document has more than ${documentTokenLimit} tokens, the most this API parses` };

describe('documents past the limits are refused before anything runs', () => {
  it(`given fields nested deeper than ${queryDepthLimit} levels, when sent, then QueryDepthLimitReached and no DynamoDB request`, async () => {
    const response = await post(applicant, introspectionNestedTo(queryDepthLimit + 2));

    expect(response.status).toBe(200);
    expect(response.body.data).toBeNull();
    expect(response.body.errors).toEqual([
      expect.objectContaining({
        errorType: 'QueryDepthLimitReached',
        message: `The query is nested deeper than ${queryDepthLimit} levels, the query depth limit of this API`,
      }),
    ]);
    expect((response.body.errors?.[0]?.path as string[]).length).toBe(queryDepthLimit + 1);
    expect(response.requests).toBe(0);
  });

  it('given a document nested 5,000 levels deep, when sent, then a clean refusal instead of "Maximum call stack size exceeded"', async () => {
    const response = await post(applicant, `query Deep ${'{ me '.repeat(5_000)}${'}'.repeat(5_000)}`);

    expect(response.status).toBe(200);
    expect(response.body).toEqual({ data: null, errors: [expect.objectContaining(tooBig)] });
    expect(response.requests).toBe(0);
  });

  it('given 1,000 aliases of a list query, when sent, then refused before it runs, with no DynamoDB request', async () => {
    const aliases = Array.from({ length: 1_000 }, (_, i) => `l${i}: listMyApplicants(limit: 100) { items { id assignedStaff { id } } }`);

    const response = await post(applicant, `query Many { ${aliases.join(' ')} }`);

    expect(response.body).toEqual({ data: null, errors: [expect.objectContaining(tooBig)] });
    expect(response.requests).toBe(0);
  });

  it('given the same documents in a real-time start, then the start is refused the same way', async () => {
    const connection = await openRealtime(authorizationOf(applicant));
    try {
      const nested = `subscription Deep ${'{ onApplicantChanged '.repeat(5_000)}${'}'.repeat(5_000)}`;
      await expect(connection.subscribe(nested)).rejects.toMatchObject({ payload: { errors: [tooBig] } });
    } finally {
      await connection.close();
    }
  });
});

describe('the operations the clients use still run', () => {
  it('given a full page of the staff queue and of my applicants, then each answers without errors', async () => {
    const queue = await api.gql(staff, ListApplicantsDocument, { limit: 100 });
    const mine = await api.gql(applicant, ListMyApplicantsDocument, { limit: 100 });

    expect([queue.errors, mine.errors]).toEqual([[], []]);
    expect(mine.data?.listMyApplicants.items).toHaveLength(1);
  });

  it("given GraphiQL's introspection query, then the schema comes back whole", async () => {
    const query = getIntrospectionQuery({ descriptions: true, specifiedByUrl: true, directiveIsRepeatable: true, inputValueDeprecation: true });

    const response = await post(applicant, query);

    expect(response.body.errors).toBeUndefined();
    expect((response.body.data?.__schema as { types: unknown[] }).types.length).toBeGreaterThan(50);
  });
});
