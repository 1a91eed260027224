// Test support for the Lambda-backed flows, against the run's shared local stack (test/setup/): typed GraphQL calls
// over HTTP as a signed-in user or as an IAM caller, AppSync real-time subscriptions, the SES mailbox, and polling.
import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { print } from 'graphql';
import { CreateApplicantDocument, type CreateApplicantInput } from '../../../schema/generated/client/graphql.ts';
import { localStack } from '../../setup/local-stack.ts';
import { authorizationOf, type SignedInUser } from '../../setup/users.ts';
import { postGraphql, RealtimeTestClient } from '../../unit/server/support/clients.ts';

export interface GraphqlError {
  message: string;
  errorType?: string;
}

export interface GraphqlResult<T> {
  status: number;
  data: T | null;
  errors: GraphqlError[];
}

/** A typed operation over HTTP, as `user` (the token they send, authorizationOf) or as the local IAM caller. */
export async function gql<T, V extends Record<string, unknown>>(
  caller: SignedInUser | 'iam',
  document: TypedDocumentNode<T, V>,
  variables: V,
): Promise<GraphqlResult<T>> {
  const auth = caller === 'iam' ? { iam: true } : { token: authorizationOf(caller) };
  const response = await postGraphql(localStack().urls.graphql, { query: print(document), variables }, auth);
  return {
    status: response.status,
    data: (response.body.data ?? null) as T | null,
    errors: (response.body.errors ?? []) as unknown as GraphqlError[],
  };
}

/** The data of an operation that must succeed; the errors in the failure message otherwise. */
export async function gqlOk<T, V extends Record<string, unknown>>(caller: SignedInUser | 'iam', document: TypedDocumentNode<T, V>, variables: V): Promise<T> {
  const result = await gql(caller, document, variables);
  if (result.errors.length > 0 || !result.data) throw new Error(`${print(document).split('(')[0]} failed: ${JSON.stringify(result.errors)}`);
  return result.data;
}

export const applicantInput = (overrides: Partial<CreateApplicantInput> = {}): CreateApplicantInput => ({
  firstName: 'Ana',
  lastName: 'Lima',
  countryOfResidence: 'Brazil',
  studyDestination: 'USA',
  levelOfStudy: 'GRADUATE',
  serviceInterest: 'DOCUMENT_REVIEW',
  ...overrides,
});

export async function createApplicant(owner: SignedInUser, overrides: Partial<CreateApplicantInput> = {}) {
  return (await gqlOk(owner, CreateApplicantDocument, { input: applicantInput(overrides) })).createApplicant;
}

export interface Subscription {
  /** The next event's data for this subscription's field. */
  next(match?: (data: Record<string, unknown>) => boolean, timeoutMs?: number): Promise<Record<string, unknown>>;
  close(): void;
}

/** Starts one AppSync real-time subscription as `user`; resolves once the server acknowledged it. */
export async function subscribe<T, V extends Record<string, unknown>>(
  user: SignedInUser,
  document: TypedDocumentNode<T, V>,
  variables: V,
): Promise<Subscription> {
  const stack = localStack();
  const authorization = { Authorization: authorizationOf(user), host: new URL(stack.urls.graphql).host };
  const client = await RealtimeTestClient.connect(stack.urls.realtimeWs, authorization);
  const ack = await client.init();
  if (ack.type !== 'connection_ack') throw new Error(`Real-time connection refused: ${JSON.stringify(ack)}`);
  const started = await client.start('1', print(document), variables, authorization);
  if (started.type !== 'start_ack') throw new Error(`Subscription refused: ${JSON.stringify(started)}`);
  return {
    async next(match = () => true, timeoutMs = 10_000) {
      const fieldOf = (m: { payload?: Record<string, unknown> }) =>
        Object.values(((m.payload?.data ?? {}) as Record<string, unknown>) ?? {})[0] as Record<string, unknown> | undefined;
      const message = await client.next((m) => m.type === 'data' && m.id === '1' && !!fieldOf(m) && match(fieldOf(m)!), timeoutMs);
      return fieldOf(message)!;
    },
    close: () => client.close(),
  };
}

export interface MailboxEmail {
  messageId: string;
  from: string;
  destination: { to: string[] };
  subject: string;
  body: { text?: string; html?: string };
  at: number;
}

/** Every email the local SES received so far. */
export async function mailbox(): Promise<MailboxEmail[]> {
  const response = await fetch(`${localStack().urls.ses}/store`);
  return ((await response.json()) as { emails: MailboxEmail[] }).emails;
}

/** Polls until `check` returns a value (not undefined/null/false), or fails after `timeoutMs` with `what`. */
export async function eventually<T>(what: string, check: () => Promise<T | undefined | null | false>, timeoutMs = 10_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value !== undefined && value !== null && value !== false) return value;
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** The emails sent to this address with this subject so far. */
export async function emailsTo(address: string, subject?: string): Promise<MailboxEmail[]> {
  return (await mailbox()).filter((e) => e.destination.to.includes(address) && (subject === undefined || e.subject === subject));
}
