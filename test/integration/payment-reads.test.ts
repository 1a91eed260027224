import { print } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { priceCatalog } from '../../resolvers/lib/price-catalog.ts';
import {
  ApplyPaymentEventDocument,
  ListPaymentsDocument,
  OnPaymentChangedDocument,
  PriceCatalogDocument,
} from '../../schema/generated/client/graphql.ts';
import { graphqlIam } from '../setup/graphql.ts';
import { openRealtime, type RealtimeConnection } from '../setup/realtime.ts';
import { createUser, signUpApplicant, type SignedInUser } from '../setup/users.ts';
import { createApplicant, gql, gqlOk } from './support/api.ts';
import { putPayment } from './support/table-fixtures.ts';

// The payment reads through the running local stack over real HTTP: the price catalogue, listPayments and who may
// subscribe to onPaymentChanged. (test/integration/payments.test.ts walks checkout and the Stripe webhook.) Payments
// are put straight into the table as checkout and the webhook leave them.

let owner: SignedInUser;
let stranger: SignedInUser;
let staff: SignedInUser;
let admin: SignedInUser;
let applicant: { id: string; ownerId: string };
const connections: RealtimeConnection[] = [];

beforeAll(async () => {
  [owner, stranger, staff, admin] = await Promise.all([
    signUpApplicant(),
    signUpApplicant(),
    createUser({ group: 'staff' }),
    createUser({ group: 'admin' }),
  ]);
  applicant = { id: (await createApplicant(owner)).id, ownerId: owner.sub };
});

afterAll(async () => {
  await Promise.all(connections.map((c) => c.close()));
});

async function realtime(user: SignedInUser): Promise<RealtimeConnection> {
  const connection = await openRealtime(user.idToken);
  connections.push(connection);
  return connection;
}

describe('priceCatalog', () => {
  it('given a signed-in applicant, when they ask for prices, then they get the server-side catalogue', async () => {
    const prices = (await gqlOk(owner, PriceCatalogDocument, {})).priceCatalog;
    expect(prices).toEqual(priceCatalog);
  });
});

describe('listPayments', () => {
  const payments: Record<string, unknown>[] = [];

  beforeAll(async () => {
    for (const service of ['DOCUMENT_REVIEW', 'APPLICATION_SUPPORT', 'SCHOLARSHIP_SUPPORT']) {
      payments.push(await putPayment(applicant, { service }));
    }
  });

  it('given three payments, when the owner pages two at a time, then they come newest first across pages', async () => {
    const first = (await gqlOk(owner, ListPaymentsDocument, { applicantId: applicant.id, limit: 2 })).listPayments;
    const second = (await gqlOk(owner, ListPaymentsDocument, { applicantId: applicant.id, limit: 2, nextToken: first.nextToken })).listPayments;
    expect([...first.items, ...second.items].map((p) => p.id)).toEqual(payments.map((p) => p.id).reverse());
    expect(second.nextToken).toBeNull();
    expect(first.items[0]).toMatchObject({ applicantId: applicant.id, userId: owner.sub, service: 'SCHOLARSHIP_SUPPORT', status: 'SUCCEEDED' });
  });

  it('given staff, when they list the applicant’s payments, then they see them', async () => {
    expect((await gqlOk(staff, ListPaymentsDocument, { applicantId: applicant.id })).listPayments.items).toHaveLength(3);
  });

  it('given an admin without applicantId, when they list every payment, then these are among them, newest first', async () => {
    const ids: string[] = [];
    let nextToken: string | null | undefined;
    for (let page = 0; page < 50; page += 1) {
      const result = (await gqlOk(admin, ListPaymentsDocument, { limit: 100, nextToken })).listPayments;
      ids.push(...result.items.map((p) => p.id));
      nextToken = result.nextToken;
      if (!nextToken) break;
    }
    const ours = ids.filter((id) => payments.some((p) => p.id === id));
    expect(ours).toEqual(payments.map((p) => String(p.id)).reverse());
  });

  it.each([
    ['the owner', () => owner],
    ['staff', () => staff],
  ])('given %s without applicantId, when they list payments, then the error names applicantId and the rule', async (_who, user) => {
    const result = await gql(user(), ListPaymentsDocument, {});
    expect(result.data).toBeNull();
    expect(result.errors).toEqual([
      expect.objectContaining({ errorType: 'ValidationError', message: 'applicantId: is required (only admins list every payment)' }),
    ]);
  });

  it('given another applicant, when they list these payments, then the answer is the one for a missing applicant', async () => {
    const theirs = await gql(stranger, ListPaymentsDocument, { applicantId: applicant.id });
    const missing = await gql(stranger, ListPaymentsDocument, { applicantId: '01JNZZZZZZZZZZZZZZZZZZZZZZ' });
    expect(theirs.errors).toEqual([expect.objectContaining({ errorType: 'NotFound', message: 'Applicant not found' })]);
    expect(missing.errors).toEqual(theirs.errors);
  });
});

describe('onPaymentChanged', () => {
  it('given the owner on their applicant and an admin on every payment, when a payment changes, then both hear it and another applicant does not', async () => {
    const strangersApplicant = await createApplicant(stranger);
    const ownerSubscription = await (await realtime(owner)).subscribe(print(OnPaymentChangedDocument), { applicantId: applicant.id });
    const adminSubscription = await (await realtime(admin)).subscribe(print(OnPaymentChangedDocument), {});
    const strangerSubscription = await (await realtime(stranger)).subscribe(print(OnPaymentChangedDocument), { applicantId: strangersApplicant.id });

    const payment = await putPayment(applicant, { status: 'CREATED', version: 1 });
    const applied = await graphqlIam(print(ApplyPaymentEventDocument), {
      input: {
        eventId: `evt_test_${String(payment.id)}`,
        eventType: 'CHECKOUT_EXPIRED',
        eventCreated: Math.floor(Date.now() / 1000),
        applicantId: applicant.id,
        paymentId: String(payment.id),
      },
    });
    expect(applied.errors ?? []).toEqual([]);

    const expected = { onPaymentChanged: expect.objectContaining({ id: payment.id, status: 'EXPIRED' }) };
    expect((await ownerSubscription.next()).data).toEqual(expected);
    expect((await adminSubscription.next()).data).toEqual(expected);
    await strangerSubscription.expectSilence(500);
  });

  it.each([
    ['an applicant', () => owner],
    ['staff', () => staff],
  ])('given %s without applicantId, when they subscribe to every payment, then it is Unauthorized', async (_who, user) => {
    const connection = await realtime(user());
    await expect(connection.subscribe(print(OnPaymentChangedDocument), {})).rejects.toThrow(/Unauthorized/);
  });

  it('given another applicant, when they subscribe to this applicant’s payments, then the subscription is refused', async () => {
    const connection = await realtime(stranger);
    await expect(connection.subscribe(print(OnPaymentChangedDocument), { applicantId: applicant.id })).rejects.toThrow(/NotFound/);
  });
});
