// The authorization matrix's world, built once: applicant A (self sign-up) with an applicant that has a document,
// a task assigned to A, a thread with A's message, a review, an eligibility check, a payment, and the ML consent A,
// staff and the admin each gave for it; applicant B (self sign-up) with an applicant of their own; a staff member and
// an admin. Everything A owns carries a marker string nobody else may ever read back. Calls that change what they touch get fresh items instead
// (`fresh`), so no row's call can spoil another row's fixture.
import { randomUUID } from 'node:crypto';
import { ulid } from 'ulid';
import {
  CreateTaskDocument,
  PostReviewDocument,
  RunEligibilityCheckDocument,
  SendMessageDocument,
  SetMlConsentDocument,
  SubmitApplicantDocument,
} from '../../../../schema/generated/client/graphql.ts';
import { createUser, signUpApplicant, withAccessToken, type SignedInUser, type TokenUse } from '../../../setup/users.ts';
import { createApplicant, gqlOk } from '../api.ts';
import { putDocument, putPayment } from '../table-fixtures.ts';

export type CallerName = 'anonymous' | 'A' | 'B' | 'staff' | 'admin' | 'iam';

export const callerNames: CallerName[] = ['anonymous', 'A', 'B', 'staff', 'admin', 'iam'];

/** The matrix runs once per token a user can send: AppSync takes either, and Amplify JS v6 sends the access token. */
export const tokenUses: TokenUse[] = ['id', 'access'];

export interface ItemRef {
  id: string;
  version: number;
}

export interface MatrixFixtures {
  users: { A: SignedInUser; B: SignedInUser; staff: SignedInUser; admin: SignedInUser };
  /** Each user's profile name, as they signed up or were created. */
  fullNames: { A: string; B: string; staff: string; admin: string };
  /** Strings only A, staff and admins may ever read back: A's email and name, and text in A's items. */
  markers: string[];
  /** A's applicant and the items under it; only read, or named by calls that must be refused. */
  a: { applicantId: string; documentId: string; taskId: string; paymentId: string };
  /** B's own applicant: what B may subscribe to, to prove A's events never reach it. */
  b: { applicantId: string };
  /** A user nobody else uses: what refused user-administration calls name. */
  bystanderId: string;
  /** New items, for calls expected to change what they touch. */
  fresh: {
    applicant(): Promise<ItemRef>;
    submittedApplicant(): Promise<ItemRef>;
    uploadedDocument(): Promise<ItemRef & { applicantId: string }>;
    /** A document waiting for its upload attempt `uploadId`, as requestDocumentUpload leaves it. */
    pendingDocument(): Promise<ItemRef & { applicantId: string; uploadId: string }>;
    taskForA(): Promise<ItemRef>;
    createdPayment(): Promise<ItemRef & { applicantId: string }>;
    /** A confirmed applicant user nobody else uses (a target for the admin's user mutations). */
    user(): Promise<SignedInUser>;
  };
}

export async function buildMatrixFixtures(): Promise<MatrixFixtures> {
  const marker = `Mx${randomUUID().slice(0, 8)}`;
  const fullNames = { A: `Avery ${marker}`, B: 'Blake Other', staff: 'Sam Matrix-Staff', admin: 'Ada Matrix-Admin' };
  const [A, B, staff, admin, bystander] = await Promise.all([
    signUpApplicant({ fullName: fullNames.A }),
    signUpApplicant({ fullName: fullNames.B }),
    createUser({ group: 'staff', fullName: fullNames.staff }),
    createUser({ group: 'admin', fullName: fullNames.admin }),
    createUser({ group: 'applicant', fullName: 'Bea Bystander' }),
  ]);
  const [applicantA, applicantB] = await Promise.all([
    createApplicant(A, { firstName: 'Avery', lastName: `Lastname${marker}` }),
    createApplicant(B, { firstName: 'Blake', lastName: 'Other' }),
  ]);
  const ownedByA = { id: applicantA.id, ownerId: A.sub };
  const [document, task, payment] = await Promise.all([
    putDocument(ownedByA, { fileName: `transcript-${marker}.pdf` }),
    gqlOk(staff, CreateTaskDocument, { input: { applicantId: applicantA.id, assigneeId: A.sub, title: `Task ${marker}` } }),
    putPayment(ownedByA, { status: 'SUCCEEDED' }),
    gqlOk(A, SendMessageDocument, { input: { applicantId: applicantA.id, body: `Message ${marker}` } }),
    gqlOk(staff, PostReviewDocument, {
      input: { applicantId: applicantA.id, positive: true, feedback: `Review ${marker}`, scholarshipLikelihoodPercent: 70 },
    }),
    gqlOk(A, RunEligibilityCheckDocument, { input: { applicantId: applicantA.id, gpa: 3.7, toefl: 100, notes: `Notes ${marker}` } }),
    ...[A, staff, admin].map((user) => gqlOk(user, SetMlConsentDocument, { input: { applicantId: applicantA.id, consentGiven: true } })),
  ]);

  const freshApplicant = async () => {
    const created = await createApplicant(A, { firstName: 'Fresh', lastName: 'Applicant' });
    return { id: created.id, version: created.version };
  };
  const freshDocument = async (overrides: Record<string, unknown>) => {
    const made = await putDocument(ownedByA, { fileName: 'fresh.pdf', ...overrides });
    return { id: String(made.id), version: Number(made.version), applicantId: applicantA.id };
  };

  return {
    users: { A, B, staff, admin },
    fullNames,
    markers: [marker, A.email],
    a: { applicantId: applicantA.id, documentId: String(document.id), taskId: task.createTask.id, paymentId: String(payment.id) },
    b: { applicantId: applicantB.id },
    bystanderId: bystander.sub,
    fresh: {
      applicant: freshApplicant,
      async submittedApplicant() {
        const made = await freshApplicant();
        const submitted = await gqlOk(A, SubmitApplicantDocument, { id: made.id, expectedVersion: made.version });
        return { id: made.id, version: submitted.submitApplicant.version };
      },
      uploadedDocument: () => freshDocument({ status: 'UPLOADED' }),
      async pendingDocument() {
        const uploadId = ulid();
        return { ...(await freshDocument({ status: 'PENDING_UPLOAD', scanStatus: 'PENDING', sizeBytes: undefined, uploadId })), uploadId };
      },
      async taskForA() {
        const created = await gqlOk(staff, CreateTaskDocument, { input: { applicantId: applicantA.id, assigneeId: A.sub, title: 'Fresh task' } });
        return { id: created.createTask.id, version: created.createTask.version };
      },
      async createdPayment() {
        const made = await putPayment(ownedByA, { status: 'CREATED', version: 1 });
        return { id: String(made.id), version: 1, applicantId: applicantA.id };
      },
      user: () => createUser({ group: 'applicant' }),
    },
  };
}

/** The same world, its users calling with their access tokens (the fixtures' own setup calls stay as they were). */
export function sendingAccessTokens(f: MatrixFixtures): MatrixFixtures {
  const { A, B, staff, admin } = f.users;
  return { ...f, users: { A: withAccessToken(A), B: withAccessToken(B), staff: withAccessToken(staff), admin: withAccessToken(admin) } };
}
