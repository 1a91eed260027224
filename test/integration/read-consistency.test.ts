import { randomUUID } from 'node:crypto';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { print } from 'graphql';
import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startApiServer, type ApiServer, type DynamoDbRequestOrigin } from '../../local/server/index.ts';
import {
  CreateApplicantDocument,
  ListDocumentsDocument,
  ListEligibilityChecksDocument,
  ListMessagesDocument,
  ListPaymentsDocument,
  ListReviewsDocument,
  ListTasksDocument,
  MarkThreadReadDocument,
  MlConsentDocument,
  MlRecommendationDocument,
  UpdateApplicantDocument,
} from '../../schema/generated/client/graphql.ts';
import { postGraphql } from '../unit/server/support/clients.ts';
import { profileItem } from '../unit/server/support/profile-item.ts';
import { tableWithIssuer } from '../unit/server/support/server-table.ts';
import { serverAuth, type TokenIssuer } from '../unit/server/support/token-issuer.ts';
import { applicantInput } from './support/api.ts';

// Read consistency through the deployed wiring and the built bundles (docs/data-model.md "Read consistency"): the
// GetItem a query's access check sends is eventually consistent, the one a mutation's sends is strong, and the
// eventual checks still let the owner in and keep another applicant out.

const owner = { sub: 'a1111111-1111-4111-8111-111111111111', username: 'ana', groups: ['applicant'] };
const stranger = { sub: 'b2222222-2222-4222-8222-222222222222', username: 'bea', groups: ['applicant'] };
type User = typeof owner;

interface SentGet {
  field: string | null;
  consistentRead: boolean;
}

const tableName = `consistency-${randomUUID()}`;
let dynamodb: DynamoDBClient;
let issuer: TokenIssuer;
let server: ApiServer;
let gets: SentGet[] = [];
let applicant: { id: string; version: number };

beforeAll(async () => {
  ({ dynamodb, issuer } = await tableWithIssuer(tableName, [profileItem(owner, 'APPLICANT'), profileItem(stranger, 'APPLICANT')]));
  server = await startApiServer({
    httpPort: 0,
    dynamodb,
    tableName,
    auth: serverAuth(issuer),
    environmentVariables: { STAGE: 'test' },
    onDynamoDbRequest: (api: string, origin: DynamoDbRequestOrigin) => {
      const input = (origin.input ?? {}) as { ConsistentRead?: boolean };
      if (api === 'GetItem') gets.push({ field: origin.field, consistentRead: input.ConsistentRead === true });
    },
  });
  applicant = (await call(owner, CreateApplicantDocument, { input: applicantInput() })).data!.createApplicant;
});

afterAll(async () => {
  await server?.close();
  await issuer?.stop();
  dynamodb?.destroy();
});

beforeEach(() => {
  gets = [];
});

async function call<T, V extends Record<string, unknown>>(user: User, document: TypedDocumentNode<T, V>, variables: V) {
  const response = await postGraphql(server.httpUrl, { query: print(document), variables }, { token: await issuer.token(user) });
  return response.body as { data?: T | null; errors?: { errorType?: string }[] };
}

const byApplicant = () => ({ applicantId: applicant.id });

describe.each([
  ['listDocuments', ListDocumentsDocument],
  ['listReviews', ListReviewsDocument],
  ['listEligibilityChecks', ListEligibilityChecksDocument],
  ['listMessages', ListMessagesDocument],
  ['listPayments', ListPaymentsDocument],
  ['listTasks', ListTasksDocument],
  ['mlConsent', MlConsentDocument],
] as const)('%s', (field, document) => {
  it('given the owner, when they call it, then it answers and its one GetItem is eventually consistent', async () => {
    const body = await call(owner, document as TypedDocumentNode<unknown, { applicantId: string }>, byApplicant());

    expect(body.errors ?? []).toEqual([]);
    expect(gets).toEqual([{ field: `Query.${field}`, consistentRead: false }]);
  });
});

describe('an eventual access check still refuses', () => {
  it('given another applicant, when they list the documents, then it is NotFound, as for an applicant that does not exist', async () => {
    const body = await call(stranger, ListDocumentsDocument, byApplicant());

    expect(body.errors?.map((e) => e.errorType)).toEqual(['NotFound']);
    expect(gets).toEqual([{ field: 'Query.listDocuments', consistentRead: false }]);
  });
});

describe('reads that stay strong', () => {
  it('given the owner, when they change the applicant, then the access check that decides the write reads strongly', async () => {
    const body = await call(owner, UpdateApplicantDocument, { input: { id: applicant.id, expectedVersion: applicant.version, firstName: 'Anna' } });

    expect(body.errors ?? []).toEqual([]);
    applicant = body.data!.updateApplicant;
    expect(gets).toEqual([{ field: 'Mutation.updateApplicant', consistentRead: true }]);
  });

  it('given the owner, when they mark the thread read, then the thread it answers with is read strongly', async () => {
    const body = await call(owner, MarkThreadReadDocument, byApplicant());

    expect(body.errors ?? []).toEqual([]);
    expect(gets).toEqual([{ field: 'Mutation.markThreadRead', consistentRead: true }]);
  });

  it('given the owner, when they ask for a recommendation, then the consent that gates it is read strongly', async () => {
    const body = await call(owner, MlRecommendationDocument, byApplicant());

    expect(body.errors ?? []).toEqual([]);
    expect(gets).toEqual([{ field: 'Query.mlRecommendation', consistentRead: true }]);
  });
});
