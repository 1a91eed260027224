import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  AssignApplicantDocument,
  ChangeApplicantStatusDocument,
  CreateApplicantDocument,
  CreateCheckoutSessionDocument,
  CreateTaskDocument,
  DashboardSummaryDocument,
  ListAuditEventsDocument,
  ListPaymentsDocument,
  SendMessageDocument,
  SubmitApplicantDocument,
  UpdateApplicantDocument,
  type ApplicantFieldsFragment,
  type ApplicantStatus,
  type AuditEventFieldsFragment,
  type DashboardSummaryQuery,
  type ListAuditEventsQueryVariables,
} from '../../../schema/generated/client/graphql.ts';
import { createUser, signUpApplicant, type SignedInUser } from '../../setup/users.ts';
import { eventually, gqlOk } from '../support/api.ts';
import { collectPages } from '../support/paging.ts';
import { pressOnCheckoutPage } from '../support/stripe-checkout.ts';

// An admin's view of one applicant's story through the real stack: the dashboard counters move as staff decide the
// applicant, assign a task and take the payment (revenue for admins only), then the audit trail of that applicant is
// read by resource, by actor and by day. Other suites write the same counters and audit days at the same time, so
// counters are read just before and just after the one mutation that moves them, and lists are searched, not counted.

type Dashboard = DashboardSummaryQuery['dashboardSummary'];

let admin: SignedInUser;
let staff: SignedInUser;
let student: SignedInUser;
let applicant: ApplicantFieldsFragment;
let paymentId: string;

const dashboard = async (user: SignedInUser): Promise<Dashboard> => (await gqlOk(user, DashboardSummaryDocument, {})).dashboardSummary;
const inStatus = (d: Dashboard, status: ApplicantStatus) => d.applicantsByStatus.find((s) => s.status === status)?.count ?? 0;

/** The admin's dashboard just before and just after `act`. */
async function around<T>(act: () => Promise<T>): Promise<{ before: Dashboard; after: Dashboard; result: T }> {
  const before = await dashboard(admin);
  const result = await act();
  return { before, after: await dashboard(admin), result };
}

async function move(status: ApplicantStatus): Promise<ApplicantFieldsFragment> {
  const moved = (await gqlOk(staff, ChangeApplicantStatusDocument, { input: { id: applicant.id, status, expectedVersion: applicant.version } }))
    .changeApplicantStatus;
  applicant = moved;
  return moved;
}

async function auditTrail(args: ListAuditEventsQueryVariables, wanted: (events: AuditEventFieldsFragment[]) => boolean = () => false) {
  return collectPages(async (nextToken) => (await gqlOk(admin, ListAuditEventsDocument, { ...args, limit: 100, nextToken })).listAuditEvents, wanted);
}

beforeAll(async () => {
  [admin, staff, student] = await Promise.all([
    createUser({ group: 'admin', fullName: 'Ada Admin' }),
    createUser({ group: 'staff', fullName: 'Sam Counsellor' }),
    signUpApplicant({ fullName: 'Lena Okoye' }),
  ]);
  const created = (
    await gqlOk(student, CreateApplicantDocument, {
      input: {
        firstName: 'Lena',
        lastName: 'Okoye',
        countryOfResidence: 'Nigeria',
        studyDestination: 'USA',
        levelOfStudy: 'FRESHMAN',
        serviceInterest: 'DOCUMENT_REVIEW',
      },
    })
  ).createApplicant;
  const corrected = (await gqlOk(student, UpdateApplicantDocument, { input: { id: created.id, expectedVersion: created.version, latestEducation: 'A-levels' } }))
    .updateApplicant;
  applicant = (await gqlOk(student, SubmitApplicantDocument, { id: corrected.id, expectedVersion: corrected.version })).submitApplicant;
  await gqlOk(student, SendMessageDocument, { input: { applicantId: applicant.id, body: `Hello from Lena ${randomUUID()}` } });
  applicant = (await gqlOk(staff, AssignApplicantDocument, { input: { id: applicant.id, staffId: staff.sub, expectedVersion: applicant.version } })).assignApplicant;
  for (const status of ['DOCUMENTS_ACCEPTED', 'IN_REVIEW', 'CONSULTATION_SCHEDULED', 'APPLICATION_PROCESS', 'SCHOLARSHIP_ASSISTANCE'] as const) await move(status);
});

describe('an admin’s journey', () => {
  it('sees the decision on the dashboard: one more accepted client, one fewer in scholarship assistance', async () => {
    const { before, after } = await around(() => move('ACCEPTED'));

    expect(after.acceptedClients - before.acceptedClients).toBe(1);
    expect(inStatus(after, 'ACCEPTED') - inStatus(before, 'ACCEPTED')).toBe(1);
    expect(inStatus(after, 'SCHOLARSHIP_ASSISTANCE') - inStatus(before, 'SCHOLARSHIP_ASSISTANCE')).toBe(-1);
    expect(after.acceptedClients).toBe(inStatus(after, 'ACCEPTED'));
  });

  it('sees a new task on the dashboard: one more pending task', async () => {
    const { before, after } = await around(() =>
      gqlOk(staff, CreateTaskDocument, { input: { applicantId: applicant.id, assigneeId: student.sub, title: 'Send your visa appointment' } }),
    );

    expect(after.pendingTasks - before.pendingTasks).toBe(1);
  });

  it('sees the payment as revenue, which staff are not shown', async () => {
    const { before, after, result } = await around(async () => {
      const { payment, checkoutUrl } = (await gqlOk(student, CreateCheckoutSessionDocument, { input: { applicantId: applicant.id, service: 'DOCUMENT_REVIEW' } }))
        .createCheckoutSession;
      await pressOnCheckoutPage(checkoutUrl, 'pay');
      await eventually('the payment to succeed', async () =>
        (await gqlOk(admin, ListPaymentsDocument, { applicantId: applicant.id })).listPayments.items.some((p) => p.id === payment.id && p.status === 'SUCCEEDED'),
      );
      return payment;
    });
    paymentId = result.id;

    expect(result.amountCents).toBeGreaterThan(0);
    expect((after.totalRevenueCents ?? 0) - (before.totalRevenueCents ?? 0)).toBe(result.amountCents);
    const seenByStaff = await dashboard(staff);
    expect(seenByStaff.totalRevenueCents).toBeNull();
    expect(seenByStaff.acceptedClients).toEqual(expect.any(Number));
  });

  it('reads the applicant’s trail by resource: every change, newest first, with who made it and what changed', async () => {
    const trail = await auditTrail({ resourceType: 'APPLICANT', resourceId: applicant.id });

    expect(trail.map((e) => [e.action, e.actorId])).toEqual([
      ['APPLICANT_DECIDED', staff.sub],
      ...Array.from({ length: 5 }, () => ['APPLICANT_ADVANCED', staff.sub]),
      ['APPLICANT_ASSIGNED', staff.sub],
      ['APPLICANT_SUBMITTED', student.sub],
      ['APPLICANT_UPDATED', student.sub],
      ['APPLICANT_CREATED', student.sub],
    ]);
    expect(JSON.parse(trail[0]!.details ?? 'null')).toMatchObject({ from: 'SCHOLARSHIP_ASSISTANCE', to: 'ACCEPTED', via: 'changeApplicantStatus' });
    expect(JSON.parse(trail.at(-2)!.details ?? 'null')).toEqual({ fields: ['latestEducation'] });
    expect(trail.every((e) => typeof e.sourceIp === 'string')).toBe(true);

    const paymentTrail = await auditTrail({ resourceType: 'PAYMENT', resourceId: paymentId });
    expect(paymentTrail.map((e) => e.action)).toEqual(['PAYMENT_SUCCEEDED', 'CHECKOUT_CREATED']);
  });

  it('reads the trail by actor: what the applicant did since signing up, and what the staff member did', async () => {
    expect((await auditTrail({ actorId: student.sub })).map((e) => e.action)).toEqual([
      'CHECKOUT_CREATED',
      'MESSAGE_SENT',
      'APPLICANT_SUBMITTED',
      'APPLICANT_UPDATED',
      'APPLICANT_CREATED',
      'USER_SIGNED_UP',
    ]);
    expect((await auditTrail({ actorId: staff.sub })).map((e) => e.action)).toEqual([
      'TASK_CREATED',
      'APPLICANT_DECIDED',
      ...Array.from({ length: 5 }, () => 'APPLICANT_ADVANCED'),
      'APPLICANT_ASSIGNED',
    ]);
  });

  it('reads the trail by day: each day’s listing, newest first, holds the applicant’s events of that day', async () => {
    const mine = await auditTrail({ resourceType: 'APPLICANT', resourceId: applicant.id });
    const days = [...new Set(mine.map((e) => e.createdAt.slice(0, 10)))];
    for (const day of days) {
      const wanted = mine.filter((e) => e.createdAt.startsWith(day)).map((e) => e.id);
      const listing = await auditTrail({ day }, (events) => wanted.every((id) => events.some((e) => e.id === id)));
      const ids = listing.map((e) => e.id);
      expect(ids).toEqual([...ids].sort().reverse());
      expect(ids).toEqual(expect.arrayContaining(wanted));
      expect(listing.every((e) => e.createdAt.startsWith(day))).toBe(true);
    }
  });
});
