import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  DeleteDocumentDocument,
  ListDocumentsDocument,
  ListMyApplicantsDocument,
  MeDocument,
  SendMessageDocument,
  SetTaskStatusDocument,
} from '../../schema/generated/client/graphql.ts';
import { createUser, type SignedInUser } from '../setup/users.ts';
import { createApplicant, gql, type GraphqlError } from './support/api.ts';
import { closedPort, startExtraApi, type ExtraApi } from './support/extra-api.ts';

// Hostile ids and page tokens get a ValidationError naming the field before any request reaches DynamoDB, and a data
// source failure (a refused page token, the database down) is answered without its internals.

const internals = /DynamoDB|Exception|ECONNREFUSED|127\.0\.0\.1|localhost|:\d{2,5}/;

function expectOneError(errors: GraphqlError[], errorType: string, field?: string) {
  expect(errors).toHaveLength(1);
  const [error] = errors;
  expect(error?.errorType).toBe(errorType);
  if (field) expect(error?.message.startsWith(`${field}: `)).toBe(true);
  expect(error?.message).not.toMatch(internals);
}

let owner: SignedInUser;
beforeAll(async () => {
  owner = await createUser({ group: 'applicant' });
});

describe('ids are checked before they reach the data source', () => {
  it('given an empty or oversized id, when it is sent, then a ValidationError names the field', async () => {
    expectOneError((await gql(owner, SendMessageDocument, { input: { applicantId: '', body: 'Hi' } })).errors, 'ValidationError', 'input.applicantId');
    expectOneError((await gql(owner, ListDocumentsDocument, { applicantId: 'x'.repeat(3000) })).errors, 'ValidationError', 'applicantId');
    expectOneError(
      (await gql(owner, SetTaskStatusDocument, { input: { id: '', status: 'COMPLETED', expectedVersion: 1 } })).errors,
      'ValidationError',
      'input.id',
    );
    const applicant = await createApplicant(owner);
    expectOneError(
      (await gql(owner, DeleteDocumentDocument, { applicantId: applicant.id, documentId: '', expectedVersion: 1 })).errors,
      'ValidationError',
      'documentId',
    );
  });
});

describe('page tokens', () => {
  it('given a nextToken that is not base64, when a list is asked for, then a ValidationError names nextToken', async () => {
    expectOneError((await gql(owner, ListMyApplicantsDocument, { nextToken: 'not a token!' })).errors, 'ValidationError', 'nextToken');
  });

  it('given base64 that no list issued, when a list is asked for, then the data source refusal becomes a ValidationError on nextToken', async () => {
    const notJson = Buffer.from('not json').toString('base64');
    expectOneError((await gql(owner, ListMyApplicantsDocument, { nextToken: notJson })).errors, 'ValidationError', 'nextToken');
    const foreignKey = Buffer.from(JSON.stringify({ pk: { S: 'X' }, sk: { S: 'Y' } })).toString('base64');
    expectOneError((await gql(owner, ListMyApplicantsDocument, { nextToken: foreignKey })).errors, 'ValidationError', 'nextToken');
  });
});

describe('the database is unreachable', () => {
  let api: ExtraApi;
  beforeAll(async () => {
    api = await startExtraApi({ dynamodbEndpoint: `http://127.0.0.1:${await closedPort()}` });
  });
  afterAll(() => api?.close());

  it('given an API whose DynamoDB endpoint refuses connections, when a query and a mutation run, then each answers ServiceUnavailable without internals', async () => {
    const me = await api.gql(owner, MeDocument, {});
    expectOneError(me.errors, 'ServiceUnavailable');
    const sent = await api.gql(owner, SendMessageDocument, { input: { applicantId: '01JAAAAAAAAAAAAAAAAAAAAAAA', body: 'Hi' } });
    expectOneError(sent.errors, 'ServiceUnavailable');
  });
});
