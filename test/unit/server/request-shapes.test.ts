import { randomUUID } from 'node:crypto';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { marshall } from '@aws-sdk/util-dynamodb';
import { print } from 'graphql';
import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startApiServer, type ApiServer, type DynamoDbRequestOrigin } from '../../../local/server/index.ts';
import { userKey } from '../../../resolvers/lib/keys.ts';
import { AssignApplicantDocument, CreateApplicantDocument } from '../../../schema/generated/client/graphql.ts';
import { applicantInput } from '../../integration/support/api.ts';
import { postGraphql } from './support/clients.ts';
import { profileItem as profile } from './support/profile-item.ts';
import { tableWithIssuer } from './support/server-table.ts';
import { serverAuth, type TokenIssuer } from './support/token-issuer.ts';

// The DynamoDB requests real operations send (the deployed wiring and resolver bundles, on a table of this file's
// own): how many, and their shape (ConsistentRead, the items of a transaction).

const owner = { sub: 'a1111111-1111-4111-8111-111111111111', username: 'ana', groups: ['applicant'] };
const staff = { sub: 's3333333-3333-4333-8333-333333333333', username: 'sam', groups: ['staff'] };

interface SentRequest {
  api: string;
  field: string | null;
  input: Record<string, unknown>;
}

const tableName = `shapes-${randomUUID()}`;
let dynamodb: DynamoDBClient;
let issuer: TokenIssuer;
let server: ApiServer;
let sent: SentRequest[] = [];

beforeAll(async () => {
  ({ dynamodb, issuer } = await tableWithIssuer(tableName, [profile(owner, 'APPLICANT'), profile(staff, 'STAFF')]));
  server = await startApiServer({
    httpPort: 0,
    dynamodb,
    tableName,
    auth: serverAuth(issuer),
    environmentVariables: { STAGE: 'test' },
    onDynamoDbRequest: (api: string, origin: DynamoDbRequestOrigin) => {
      sent.push({ api, field: origin.field, input: (origin.input ?? {}) as Record<string, unknown> });
    },
  });
});

afterAll(async () => {
  await server?.close();
  await issuer?.stop();
  dynamodb?.destroy();
});

beforeEach(() => {
  sent = [];
});

async function call<T, V extends Record<string, unknown>>(user: typeof owner, document: TypedDocumentNode<T, V>, variables: V): Promise<T> {
  const response = await postGraphql(server.httpUrl, { query: print(document), variables }, { token: await issuer.token(user) });
  const body = response.body as { data?: T; errors?: unknown[] };
  if (body.errors?.length) throw new Error(JSON.stringify(body.errors));
  return body.data as T;
}

async function newApplicant(): Promise<{ id: string; version: number }> {
  const data = await call(owner, CreateApplicantDocument, { input: applicantInput() });
  sent = [];
  return data.createApplicant;
}

describe('assignApplicant', () => {
  it('given a staff member, when an applicant is assigned to them, then it is the auth get and one transaction whose ConditionCheck checks the staff profile, with no read of it', async () => {
    const applicant = await newApplicant();

    await call(staff, AssignApplicantDocument, {
      input: { id: applicant.id, staffId: staff.sub, expectedVersion: applicant.version },
    });

    expect(sent.map((r) => r.api)).toEqual(['GetItem', 'TransactWriteItems']);
    const items = sent[1]!.input.TransactItems as { ConditionCheck?: { Key: unknown; ConditionExpression: string } }[];
    const staffCheck = items.find((i) => JSON.stringify(i.ConditionCheck?.Key ?? null) === JSON.stringify(marshall(userKey(staff.sub))));
    expect(staffCheck?.ConditionCheck?.ConditionExpression).toContain('IN');
  });
});
