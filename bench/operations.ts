// Every query and mutation of the client operations (schema/operations/), each with the DynamoDB requests the design
// allows (docs/data-model.md) and how to make one call of it. `setup` runs before each call, unmeasured, and makes
// the state that call needs (a fresh DRAFT applicant to submit, an uploaded document to review, ...); its requests
// are not counted. Subscriptions are not operations of their own here: their cost is in the cost model's fan-out.
import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { ulid } from 'ulid';
import { documentFileKey } from '../resolvers/lib/keys.ts';
import * as ops from '../schema/generated/client/graphql.ts';

export type Caller = 'applicant' | 'staff' | 'admin' | 'iam';

/** What a setup may do: call the API as anyone, and the ids made once before the run. */
export interface BenchHarness {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  call(caller: Caller, document: TypedDocumentNode<any, any>, variables?: Record<string, unknown>): Promise<any>;
  fixtures: Fixtures;
  /** A string unique in this run (emails, Stripe event ids). */
  unique(): string;
}

export interface Fixtures {
  /** The applicant's own, assigned to the staff member, with a thread, documents, reviews, payments and tasks. */
  applicantId: string;
  staffId: string;
  /** An uploaded document of that applicant. */
  documentId: string;
}

export interface BenchOperation {
  name: string;
  caller: Caller;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  document: TypedDocumentNode<any, any>;
  /** What the design allows, as the DynamoDB API calls of one operation. */
  budget: Record<string, number>;
  variables: (h: BenchHarness) => Record<string, unknown> | Promise<Record<string, unknown>>;
}

export const applicantInput = {
  firstName: 'Bench',
  lastName: 'Mark',
  countryOfResidence: 'Ghana',
  studyDestination: 'CANADA',
  levelOfStudy: 'GRADUATE',
  serviceInterest: 'SCHOLARSHIP_SUPPORT',
};

/** A fresh applicant of the demo applicant's, as the API returns it. */
export async function newApplicant(h: BenchHarness): Promise<{ id: string; version: number }> {
  const data = await h.call('applicant', ops.CreateApplicantDocument, { input: applicantInput });
  return data.createApplicant;
}

/** A PDF document of the shared applicant waiting for its upload, with the upload attempt its form is for. */
export interface PendingDocument {
  id: string;
  version: number;
  uploadId: string;
}

/** A new document of the shared applicant: PENDING_UPLOAD, or UPLOADED when `landed`. */
export async function newDocument(h: BenchHarness, landed: boolean): Promise<{ id: string; version: number }> {
  const document = await newPendingDocument(h);
  if (!landed) return document;
  const uploaded = await h.call('iam', ops.MarkDocumentUploadedDocument, { input: landedInput(h, document) });
  return uploaded.markDocumentUploaded;
}

async function newPendingDocument(h: BenchHarness): Promise<PendingDocument> {
  const { applicantId } = h.fixtures;
  const requested = await h.call('applicant', ops.RequestDocumentUploadDocument, {
    input: { applicantId, fileName: 'transcript.pdf', contentType: 'PDF', sizeBytes: 2048 },
  });
  const { document, fields } = requested.requestDocumentUpload;
  // The form's staging key names the upload attempt, as the upload handler reads it (uploadStagingKey).
  const stagingKey = (JSON.parse(fields) as { key: string }).key;
  return { id: document.id, version: document.version, uploadId: stagingKey.split('/')[3] ?? '' };
}

/** What the upload handler reports for a checked PDF of this document's upload attempt. */
function landedInput(h: BenchHarness, document: PendingDocument) {
  const { applicantId } = h.fixtures;
  const objectKey = documentFileKey(applicantId, document.id, ulid());
  return { applicantId, documentId: document.id, uploadId: document.uploadId, contentType: 'PDF', objectKey, sizeBytes: 2048 };
}

async function newTask(h: BenchHarness): Promise<{ id: string; version: number }> {
  const { applicantId, staffId } = h.fixtures;
  const data = await h.call('staff', ops.CreateTaskDocument, { input: { applicantId, assigneeId: staffId, title: 'Check transcript' } });
  return data.createTask;
}

async function newCheckout(h: BenchHarness): Promise<{ id: string }> {
  const data = await h.call('applicant', ops.CreateCheckoutSessionDocument, {
    input: { applicantId: h.fixtures.applicantId, service: 'DOCUMENT_REVIEW' },
  });
  return data.createCheckoutSession.payment;
}

async function invitedStaff(h: BenchHarness): Promise<string> {
  const data = await h.call('admin', ops.InviteStaffDocument, {
    input: { email: `bench-${h.unique()}@example.com`, fullName: 'Bench Staff', role: 'STAFF' },
  });
  return data.inviteStaff.id;
}

async function myProfileVersion(h: BenchHarness, caller: Caller): Promise<number> {
  return (await h.call(caller, ops.MeDocument)).me.version;
}

const page = { limit: 20 };

export const benchOperations: BenchOperation[] = [
  // users
  { name: 'Me', caller: 'applicant', document: ops.MeDocument, budget: { GetItem: 1 }, variables: () => ({}) },
  { name: 'ListStaff', caller: 'admin', document: ops.ListStaffDocument, budget: { Query: 1 }, variables: () => page },
  {
    name: 'UpdateMyProfile',
    caller: 'applicant',
    document: ops.UpdateMyProfileDocument,
    budget: { GetItem: 1, TransactWriteItems: 1 },
    variables: async (h) => ({ input: { fullName: 'Amina Yusuf', expectedVersion: await myProfileVersion(h, 'applicant') } }),
  },
  {
    name: 'SetNotificationPreferences',
    caller: 'applicant',
    document: ops.SetNotificationPreferencesDocument,
    budget: { GetItem: 1, TransactWriteItems: 1 },
    variables: async (h) => ({ input: { optedOut: [], expectedVersion: await myProfileVersion(h, 'applicant') } }),
  },
  {
    name: 'InviteStaff',
    caller: 'admin',
    document: ops.InviteStaffDocument,
    budget: { GetItem: 1, TransactWriteItems: 1 },
    variables: (h) => ({ input: { email: `bench-${h.unique()}@example.com`, fullName: 'Bench Staff', role: 'STAFF' } }),
  },
  {
    name: 'SetUserRole',
    caller: 'admin',
    document: ops.SetUserRoleDocument,
    budget: { GetItem: 2, TransactWriteItems: 1 },
    variables: async (h) => ({ userId: await invitedStaff(h), role: 'ADMIN' }),
  },
  {
    name: 'DeactivateUser',
    caller: 'admin',
    document: ops.DeactivateUserDocument,
    budget: { GetItem: 2, TransactWriteItems: 1 },
    variables: async (h) => ({ userId: await invitedStaff(h) }),
  },
  // applicants
  {
    name: 'GetApplicant',
    caller: 'applicant',
    document: ops.GetApplicantDocument,
    // the applicant, and its assigned staff member's profile
    budget: { GetItem: 2 },
    variables: (h) => ({ id: h.fixtures.applicantId }),
  },
  { name: 'ListMyApplicants', caller: 'applicant', document: ops.ListMyApplicantsDocument, budget: { Query: 1 }, variables: () => page },
  {
    name: 'ListApplicants (all, 20)',
    caller: 'staff',
    document: ops.ListApplicantsDocument,
    // the page, and the assigned staff of the whole page in one batch
    budget: { Query: 1, BatchGetItem: 1 },
    variables: () => page,
  },
  {
    name: 'ListApplicants (assignee + status)',
    caller: 'staff',
    document: ops.ListApplicantsDocument,
    budget: { Query: 1, BatchGetItem: 1 },
    // the staff member's submitted applicants, behind 20 newer DRAFT ones: a full page only when status is in the key
    variables: (h) => ({ ...page, assignedStaffId: h.fixtures.staffId, status: 'DOCUMENTS_SUBMITTED' }),
  },
  { name: 'DashboardSummary', caller: 'staff', document: ops.DashboardSummaryDocument, budget: { Query: 1 }, variables: () => ({}) },
  {
    name: 'CreateApplicant',
    caller: 'applicant',
    document: ops.CreateApplicantDocument,
    budget: { TransactWriteItems: 1 },
    variables: () => ({ input: applicantInput }),
  },
  {
    name: 'UpdateApplicant',
    caller: 'applicant',
    document: ops.UpdateApplicantDocument,
    budget: { GetItem: 1, TransactWriteItems: 1 },
    variables: async (h) => {
      const a = await newApplicant(h);
      return { input: { id: a.id, expectedVersion: a.version, latestEducation: 'BSc' } };
    },
  },
  {
    name: 'SubmitApplicant',
    caller: 'applicant',
    document: ops.SubmitApplicantDocument,
    budget: { GetItem: 1, TransactWriteItems: 1 },
    variables: async (h) => {
      const a = await newApplicant(h);
      return { id: a.id, expectedVersion: a.version };
    },
  },
  {
    name: 'ChangeApplicantStatus',
    caller: 'staff',
    document: ops.ChangeApplicantStatusDocument,
    budget: { GetItem: 1, TransactWriteItems: 1 },
    variables: async (h) => {
      const a = await newApplicant(h);
      const submitted = await h.call('applicant', ops.SubmitApplicantDocument, { id: a.id, expectedVersion: a.version });
      return { input: { id: a.id, status: 'DOCUMENTS_ACCEPTED', expectedVersion: submitted.submitApplicant.version } };
    },
  },
  {
    name: 'ArchiveApplicant',
    caller: 'applicant',
    document: ops.ArchiveApplicantDocument,
    budget: { GetItem: 1, TransactWriteItems: 1 },
    variables: async (h) => {
      const a = await newApplicant(h);
      return { id: a.id, expectedVersion: a.version };
    },
  },
  {
    name: 'AssignApplicant',
    caller: 'staff',
    document: ops.AssignApplicantDocument,
    budget: { GetItem: 1, TransactWriteItems: 1 },
    variables: async (h) => {
      const a = await newApplicant(h);
      return { input: { id: a.id, staffId: h.fixtures.staffId, expectedVersion: a.version } };
    },
  },
  {
    name: 'SetBundleStatus',
    caller: 'staff',
    document: ops.SetBundleStatusDocument,
    budget: { GetItem: 1, TransactWriteItems: 1 },
    variables: async (h) => {
      const a = await newApplicant(h);
      return { input: { applicantId: a.id, status: 'IN_REVIEW', expectedVersion: a.version } };
    },
  },
  // documents
  {
    name: 'ListDocuments',
    caller: 'applicant',
    document: ops.ListDocumentsDocument,
    budget: { GetItem: 1, Query: 1 },
    variables: (h) => ({ applicantId: h.fixtures.applicantId, ...page }),
  },
  {
    name: 'DocumentDownloadUrl',
    caller: 'applicant',
    document: ops.DocumentDownloadUrlDocument,
    budget: { GetItem: 1 },
    variables: (h) => ({ applicantId: h.fixtures.applicantId, documentId: h.fixtures.documentId }),
  },
  {
    name: 'RequestDocumentUpload',
    caller: 'applicant',
    document: ops.RequestDocumentUploadDocument,
    budget: { GetItem: 1, TransactWriteItems: 1 },
    variables: (h) => ({ input: { applicantId: h.fixtures.applicantId, fileName: 'passport.png', contentType: 'PNG', sizeBytes: 4096 } }),
  },
  {
    name: 'MarkDocumentUploaded (IAM)',
    caller: 'iam',
    document: ops.MarkDocumentUploadedDocument,
    budget: { GetItem: 1, TransactWriteItems: 1 },
    variables: async (h) => ({ input: landedInput(h, await newPendingDocument(h)) }),
  },
  {
    name: 'MarkDocumentRejected (IAM)',
    caller: 'iam',
    document: ops.MarkDocumentRejectedDocument,
    budget: { GetItem: 1, TransactWriteItems: 1 },
    variables: async (h) => {
      const document = await newPendingDocument(h);
      return { input: { applicantId: h.fixtures.applicantId, documentId: document.id, uploadId: document.uploadId, reason: 'not a PDF' } };
    },
  },
  {
    name: 'ReviewDocument',
    caller: 'staff',
    document: ops.ReviewDocumentDocument,
    budget: { GetItem: 1, TransactWriteItems: 1 },
    variables: async (h) => {
      const d = await newDocument(h, true);
      return { input: { applicantId: h.fixtures.applicantId, documentId: d.id, decision: 'ACCEPTED', expectedVersion: d.version } };
    },
  },
  {
    name: 'DeleteDocument',
    caller: 'applicant',
    document: ops.DeleteDocumentDocument,
    budget: { GetItem: 1, TransactWriteItems: 1 },
    variables: async (h) => {
      const d = await newDocument(h, false);
      return { applicantId: h.fixtures.applicantId, documentId: d.id, expectedVersion: d.version };
    },
  },
  // guidance
  {
    name: 'ListReviews',
    caller: 'applicant',
    document: ops.ListReviewsDocument,
    budget: { GetItem: 1, Query: 1 },
    variables: (h) => ({ applicantId: h.fixtures.applicantId, ...page }),
  },
  {
    name: 'ListEligibilityChecks',
    caller: 'applicant',
    document: ops.ListEligibilityChecksDocument,
    budget: { GetItem: 1, Query: 1 },
    variables: (h) => ({ applicantId: h.fixtures.applicantId, ...page }),
  },
  {
    name: 'MlConsent',
    caller: 'applicant',
    document: ops.MlConsentDocument,
    budget: { GetItem: 1 },
    variables: (h) => ({ applicantId: h.fixtures.applicantId }),
  },
  {
    name: 'MlRecommendation',
    caller: 'applicant',
    document: ops.MlRecommendationDocument,
    budget: { GetItem: 1 },
    variables: (h) => ({ applicantId: h.fixtures.applicantId }),
  },
  {
    name: 'PostReview',
    caller: 'staff',
    document: ops.PostReviewDocument,
    budget: { GetItem: 1, TransactWriteItems: 1 },
    variables: (h) => ({
      input: { applicantId: h.fixtures.applicantId, positive: true, feedback: 'Strong profile', scholarshipLikelihoodPercent: 60 },
    }),
  },
  {
    name: 'RunEligibilityCheck',
    caller: 'staff',
    document: ops.RunEligibilityCheckDocument,
    budget: { GetItem: 1, TransactWriteItems: 1 },
    variables: (h) => ({ input: { applicantId: h.fixtures.applicantId, gpa: 3.6, toefl: 95 } }),
  },
  {
    name: 'SetMlConsent',
    caller: 'applicant',
    document: ops.SetMlConsentDocument,
    budget: { GetItem: 2, TransactWriteItems: 1 },
    variables: (h) => ({ input: { applicantId: h.fixtures.applicantId, consentGiven: true } }),
  },
  // messages
  {
    name: 'ListMessages',
    caller: 'applicant',
    document: ops.ListMessagesDocument,
    budget: { GetItem: 1, Query: 1 },
    variables: (h) => ({ applicantId: h.fixtures.applicantId, ...page }),
  },
  {
    name: 'GetMessageThread',
    caller: 'applicant',
    document: ops.GetMessageThreadDocument,
    budget: { GetItem: 1 },
    variables: (h) => ({ applicantId: h.fixtures.applicantId }),
  },
  { name: 'StaffInbox', caller: 'staff', document: ops.StaffInboxDocument, budget: { Query: 1 }, variables: () => page },
  {
    name: 'SendMessage',
    caller: 'applicant',
    document: ops.SendMessageDocument,
    budget: { BatchGetItem: 1, TransactWriteItems: 1 },
    variables: (h) => ({ input: { applicantId: h.fixtures.applicantId, body: 'Hello from the benchmark' } }),
  },
  {
    name: 'MarkThreadRead',
    caller: 'staff',
    document: ops.MarkThreadReadDocument,
    budget: { GetItem: 1, TransactWriteItems: 1 },
    variables: (h) => ({ applicantId: h.fixtures.applicantId }),
  },
  // payments
  {
    name: 'ListPayments (applicant)',
    caller: 'applicant',
    document: ops.ListPaymentsDocument,
    budget: { GetItem: 1, Query: 1 },
    variables: (h) => ({ applicantId: h.fixtures.applicantId, ...page }),
  },
  { name: 'ListPayments (all, admin)', caller: 'admin', document: ops.ListPaymentsDocument, budget: { Query: 1 }, variables: () => page },
  { name: 'PriceCatalog', caller: 'applicant', document: ops.PriceCatalogDocument, budget: {}, variables: () => ({}) },
  {
    name: 'CreateCheckoutSession',
    caller: 'applicant',
    document: ops.CreateCheckoutSessionDocument,
    budget: { GetItem: 1, TransactWriteItems: 1 },
    variables: (h) => ({ input: { applicantId: h.fixtures.applicantId, service: 'DOCUMENT_REVIEW' } }),
  },
  {
    name: 'ApplyPaymentEvent (IAM)',
    caller: 'iam',
    document: ops.ApplyPaymentEventDocument,
    budget: { GetItem: 1, TransactWriteItems: 1 },
    variables: async (h) => ({
      input: {
        eventId: `evt_bench_${h.unique()}`,
        eventType: 'CHECKOUT_COMPLETED',
        eventCreated: Math.floor(Date.now() / 1000),
        applicantId: h.fixtures.applicantId,
        paymentId: (await newCheckout(h)).id,
        stripePaymentIntentId: `pi_bench_${h.unique()}`,
      },
    }),
  },
  // tasks
  {
    name: 'ListTasks (applicant)',
    caller: 'staff',
    document: ops.ListTasksDocument,
    budget: { GetItem: 1, Query: 1 },
    variables: (h) => ({ applicantId: h.fixtures.applicantId, ...page }),
  },
  { name: 'ListTasks (own)', caller: 'staff', document: ops.ListTasksDocument, budget: { Query: 1 }, variables: () => page },
  {
    name: 'CreateTask',
    caller: 'staff',
    document: ops.CreateTaskDocument,
    budget: { TransactWriteItems: 1 },
    variables: (h) => ({ input: { applicantId: h.fixtures.applicantId, assigneeId: h.fixtures.staffId, title: 'Call the applicant' } }),
  },
  {
    name: 'UpdateTask',
    caller: 'staff',
    document: ops.UpdateTaskDocument,
    budget: { GetItem: 1, TransactWriteItems: 1 },
    variables: async (h) => {
      const t = await newTask(h);
      return { input: { id: t.id, expectedVersion: t.version, title: 'Check the transcript again' } };
    },
  },
  {
    name: 'SetTaskStatus',
    caller: 'staff',
    document: ops.SetTaskStatusDocument,
    budget: { GetItem: 1, TransactWriteItems: 1 },
    variables: async (h) => {
      const t = await newTask(h);
      return { input: { id: t.id, status: 'IN_PROGRESS', expectedVersion: t.version } };
    },
  },
  // audit
  {
    name: 'ListAuditEvents (by resource)',
    caller: 'admin',
    document: ops.ListAuditEventsDocument,
    budget: { Query: 1 },
    variables: (h) => ({ resourceType: 'APPLICANT', resourceId: h.fixtures.applicantId, ...page }),
  },
];
