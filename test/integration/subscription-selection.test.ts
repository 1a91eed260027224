import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { randomUUID } from 'node:crypto';
import { parse } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applicantKey, threadKey } from '../../resolvers/lib/keys.ts';
import { ListMessagesDocument, type SendMessageInput, type UpdateApplicantInput } from '../../schema/generated/client/graphql.ts';
import { createUser, signUpApplicant, type SignedInUser } from '../setup/users.ts';
import { createApplicant, gql, gqlOk, subscribe, type Subscription } from './support/api.ts';
import { auditEventsOf, getItem } from './support/table-fixtures.ts';

// AppSync sends subscribers only the fields a mutation selected, and filters on them: a mutation in an @aws_subscribe
// list that leaves out a field its subscriptions filter on would silently reach nobody. It is refused instead, before
// it writes, naming the fields; selecting them (and nothing more) reaches the subscriber.

type Data = Record<string, Record<string, unknown>>;
const sendMessage = (selection: string) =>
  parse(`mutation Send($input: SendMessageInput!) { sendMessage(input: $input) ${selection} }`) as TypedDocumentNode<Data, { input: SendMessageInput }>;
const updateApplicant = (selection: string) =>
  parse(`mutation Update($input: UpdateApplicantInput!) { updateApplicant(input: $input) ${selection} }`) as TypedDocumentNode<Data, { input: UpdateApplicantInput }>;

// The subscribers select no more than the mutations do: a field a subscriber selects that the mutation did not
// arrives as null (an error for a non-null field), which is the other half of docs/frontend.md's caveat.
const onThreadMessage = parse(
  'subscription Thread($applicantId: ID!) { onThreadMessage(applicantId: $applicantId) { applicantId senderSide assignedStaffId body } }',
) as TypedDocumentNode<Data, { applicantId: string }>;
const onApplicantChanged = parse('subscription Changed($id: ID) { onApplicantChanged(id: $id) { id firstName } }') as TypedDocumentNode<Data, { id: string }>;

let owner: SignedInUser;
let staff: SignedInUser;
let applicantId: string;
let applicantVersion: number;
const open: Subscription[] = [];

beforeAll(async () => {
  [owner, staff] = await Promise.all([signUpApplicant(), createUser({ group: 'staff' })]);
  const created = await createApplicant(owner);
  applicantId = created.id;
  applicantVersion = created.version;
});

afterAll(() => {
  for (const subscription of open) subscription.close();
});

describe('a mutation selecting too few fields for its subscriptions', () => {
  it('given sendMessage without senderSide and assignedStaffId, when the owner sends, then it is refused naming both and nothing is written', async () => {
    const threadBefore = await getItem(threadKey(applicantId));
    const result = await gql(owner, sendMessage('{ id applicantId body }'), { input: { applicantId, body: `Lost ${randomUUID()}` } });

    expect(result.errors).toEqual([
      expect.objectContaining({ errorType: 'ValidationError', message: expect.stringMatching(/^selectionSet: must select senderSide, assignedStaffId /) }),
    ]);
    expect(result.data).toBeNull();
    expect(await getItem(threadKey(applicantId))).toEqual(threadBefore);
    expect((await gqlOk(owner, ListMessagesDocument, { applicantId })).listMessages.items).toEqual([]);
    expect(await auditEventsOf('MESSAGE_THREAD', applicantId)).toEqual([]);
  });

  it('given updateApplicant without id, when the owner changes a field, then it is refused naming id and the applicant is unchanged', async () => {
    const before = await getItem(applicantKey(applicantId));
    const result = await gql(owner, updateApplicant('{ firstName version }'), { input: { id: applicantId, expectedVersion: applicantVersion, firstName: 'Changed' } });

    expect(result.errors).toEqual([expect.objectContaining({ errorType: 'ValidationError', message: expect.stringMatching(/^selectionSet: must select id /) })]);
    expect(await getItem(applicantKey(applicantId))).toEqual(before);
  });

  it('given sendMessage selecting just the filter fields, when the owner sends, then the thread subscriber receives it', async () => {
    const thread = await subscribe(staff, onThreadMessage, { applicantId });
    open.push(thread);
    const body = `Heard ${randomUUID()}`;
    await gqlOk(owner, sendMessage('{ applicantId senderSide assignedStaffId body }'), { input: { applicantId, body } });

    expect(await thread.next()).toMatchObject({ applicantId, senderSide: 'APPLICANT', assignedStaffId: null, body });
  });

  it('given updateApplicant selecting id, when the owner changes a field, then the applicant subscriber receives it', async () => {
    const changes = await subscribe(owner, onApplicantChanged, { id: applicantId });
    open.push(changes);
    await gqlOk(owner, updateApplicant('{ id firstName }'), { input: { id: applicantId, expectedVersion: applicantVersion, firstName: 'Renamed' } });

    expect(await changes.next()).toMatchObject({ id: applicantId, firstName: 'Renamed' });
  });
});
