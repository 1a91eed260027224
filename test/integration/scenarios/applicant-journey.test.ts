import { randomUUID } from 'node:crypto';
import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  CreateApplicantDocument,
  CreateCheckoutSessionDocument,
  CreateTaskDocument,
  GetMessageThreadDocument,
  ListDocumentsDocument,
  ListMessagesDocument,
  ListMyApplicantsDocument,
  ListPaymentsDocument,
  ListReviewsDocument,
  ListTasksDocument,
  MeDocument,
  OnDocumentChangedDocument,
  OnPaymentChangedDocument,
  OnTaskChangedDocument,
  PostReviewDocument,
  PriceCatalogDocument,
  RequestDocumentUploadDocument,
  SendMessageDocument,
  SetTaskStatusDocument,
  SubmitApplicantDocument,
  type ApplicantFieldsFragment,
} from '../../../schema/generated/client/graphql.ts';
import { localStack } from '../../setup/local-stack.ts';
import { createUser, signUpApplicant, uniqueEmail, type SignedInUser } from '../../setup/users.ts';
import { emailsTo, eventually, gqlOk, subscribe, type Subscription } from '../support/api.ts';
import { pressOnCheckoutPage } from '../support/stripe-checkout.ts';
import { postToPresignedForm, samplePdf } from '../support/upload-form.ts';

// One applicant's whole journey through the real stack: self sign-up in Cognito (the post-confirmation trigger writes
// the profile and the group), the applicant profile, a document uploaded through the presigned form and checked by
// the S3 handler, the submission, a message to staff, a task and a review from staff, and a payment on the Stripe
// stand-in's checkout page, its webhook and the receipt. Each step builds on the one before.

const email = uniqueEmail('Journey.Applicant');
let student: SignedInUser;
let staff: SignedInUser;
let applicant: ApplicantFieldsFragment;
const subscriptions: Subscription[] = [];
/** Where their emails go: their profile's address, which the sign-up trigger lower-cases. */
const inbox = () => email.toLowerCase();

beforeAll(async () => {
  staff = await createUser({ group: 'staff', fullName: 'Sam Counsellor' });
});

afterAll(() => {
  for (const subscription of subscriptions) subscription.close();
});

async function listen<T, V extends Record<string, unknown>>(user: SignedInUser, document: TypedDocumentNode<T, V>, variables: V): Promise<Subscription> {
  const subscription = await subscribe(user, document, variables);
  subscriptions.push(subscription);
  return subscription;
}

describe('an applicant’s journey', () => {
  it('signs up through Cognito: the trigger writes their profile and puts them in `applicant`', async () => {
    student = await signUpApplicant({ email, fullName: 'Priya Raman' });

    expect(student.groups).toEqual(['applicant']);
    expect((await gqlOk(student, MeDocument, {})).me).toMatchObject({
      id: student.sub,
      email: email.toLowerCase(),
      fullName: 'Priya Raman',
      role: 'APPLICANT',
      active: true,
      version: 1,
    });
  });

  it('creates an applicant profile: DRAFT with an open document bundle, an empty thread, and listed as theirs', async () => {
    applicant = (
      await gqlOk(student, CreateApplicantDocument, {
        input: {
          firstName: 'Priya',
          lastName: 'Raman',
          countryOfResidence: 'India',
          studyDestination: 'CANADA',
          levelOfStudy: 'CONTINUING_UNDERGRADUATE',
          serviceInterest: 'DOCUMENT_REVIEW',
          annualBudgetUsd: 18_000,
        },
      })
    ).createApplicant;

    expect(applicant).toMatchObject({ ownerId: student.sub, status: 'DRAFT', bundle: { name: 'Registration documents', status: 'OPEN' }, version: 1 });
    expect((await gqlOk(student, ListMyApplicantsDocument, { limit: 10 })).listMyApplicants.items.map((a) => a.id)).toEqual([applicant.id]);
    expect((await gqlOk(student, GetMessageThreadDocument, { applicantId: applicant.id })).getMessageThread).toMatchObject({
      applicantName: 'Priya Raman',
      unreadByStaff: 0,
      unreadByApplicant: 0,
    });
  });

  it('uploads a transcript through the presigned form; the S3 handler checks it and they hear it is UPLOADED', async () => {
    const documents = await listen(student, OnDocumentChangedDocument, { applicantId: applicant.id });
    const upload = (
      await gqlOk(student, RequestDocumentUploadDocument, {
        input: { applicantId: applicant.id, fileName: 'Transcript.pdf', contentType: 'PDF', sizeBytes: samplePdf.length },
      })
    ).requestDocumentUpload;
    expect(upload.document).toMatchObject({ status: 'PENDING_UPLOAD', fileName: 'Transcript.pdf' });
    expect(upload.url.startsWith(localStack().urls.s3)).toBe(true);

    expect((await postToPresignedForm(upload, samplePdf, 'Transcript.pdf')).status).toBeLessThan(300);

    const landed = await documents.next((d) => d.id === upload.document.id && d.status !== 'PENDING_UPLOAD');
    expect(landed).toMatchObject({ status: 'UPLOADED', sizeBytes: samplePdf.length });
    expect((await gqlOk(student, ListDocumentsDocument, { applicantId: applicant.id })).listDocuments.items).toEqual([
      expect.objectContaining({ id: upload.document.id, status: 'UPLOADED', uploadedBy: student.sub }),
    ]);
  });

  it('submits: DOCUMENTS_SUBMITTED, and the bundle is SUBMITTED', async () => {
    const submitted = (await gqlOk(student, SubmitApplicantDocument, { id: applicant.id, expectedVersion: applicant.version })).submitApplicant;

    expect(submitted).toMatchObject({ status: 'DOCUMENTS_SUBMITTED', bundle: { status: 'SUBMITTED' }, version: applicant.version + 1 });
    applicant = submitted;
  });

  it('messages staff: the thread shows it, unread for staff', async () => {
    const body = `Is my transcript enough? ${randomUUID()}`;
    const sent = (await gqlOk(student, SendMessageDocument, { input: { applicantId: applicant.id, body } })).sendMessage;

    expect(sent).toMatchObject({ applicantId: applicant.id, senderId: student.sub, senderSide: 'APPLICANT', senderName: 'Priya Raman', body });
    expect((await gqlOk(student, ListMessagesDocument, { applicantId: applicant.id })).listMessages.items.map((m) => m.body)).toEqual([body]);
    expect((await gqlOk(student, GetMessageThreadDocument, { applicantId: applicant.id })).getMessageThread).toMatchObject({
      unreadByStaff: 1,
      lastSenderSide: 'APPLICANT',
    });
  });

  it('gets a task from staff live, is emailed about it, and works it to COMPLETED', async () => {
    const tasks = await listen(student, OnTaskChangedDocument, {});
    const title = `Upload your passport ${randomUUID().slice(0, 8)}`;
    const task = (await gqlOk(staff, CreateTaskDocument, { input: { applicantId: applicant.id, assigneeId: student.sub, title } })).createTask;

    expect(await tasks.next((t) => t.id === task.id)).toMatchObject({ title, status: 'PENDING', assigneeId: student.sub });
    expect((await gqlOk(student, ListTasksDocument, { applicantId: applicant.id })).listTasks.items.map((t) => t.id)).toEqual([task.id]);
    await eventually('the task email', async () => (await emailsTo(inbox(), `Task assigned to you: ${title}`))[0]);

    const started = (await gqlOk(student, SetTaskStatusDocument, { input: { id: task.id, status: 'IN_PROGRESS', expectedVersion: task.version } })).setTaskStatus;
    const done = (await gqlOk(student, SetTaskStatusDocument, { input: { id: task.id, status: 'COMPLETED', expectedVersion: started.version } })).setTaskStatus;
    expect(done).toMatchObject({ status: 'COMPLETED', version: task.version + 2 });
    expect(await tasks.next((t) => t.id === task.id && t.status === 'COMPLETED')).toMatchObject({ version: done.version });
  });

  it('gets a review from staff, with the promised likelihood, and an email saying it is ready', async () => {
    const review = (
      await gqlOk(staff, PostReviewDocument, {
        input: { applicantId: applicant.id, positive: true, feedback: 'Strong grades; add a second reference.', scholarshipLikelihoodPercent: 65 },
      })
    ).postReview;

    expect((await gqlOk(student, ListReviewsDocument, { applicantId: applicant.id })).listReviews.items).toEqual([
      expect.objectContaining({ id: review.id, reviewerId: staff.sub, positive: true, scholarshipLikelihoodPercent: 65 }),
    ]);
    await eventually('the review email', async () => (await emailsTo(inbox(), 'A review of Priya Raman is ready'))[0]);
  });

  it('pays for Document Review at the catalogue price on the checkout page; the payment SUCCEEDED live and the receipt arrives', async () => {
    const price = (await gqlOk(student, PriceCatalogDocument, {})).priceCatalog.find(
      (p) => p.service === 'DOCUMENT_REVIEW' && p.levelOfStudy === 'CONTINUING_UNDERGRADUATE',
    );
    expect(price).toBeDefined();
    const payments = await listen(student, OnPaymentChangedDocument, { applicantId: applicant.id });

    const { payment, checkoutUrl } = (await gqlOk(student, CreateCheckoutSessionDocument, { input: { applicantId: applicant.id, service: 'DOCUMENT_REVIEW' } }))
      .createCheckoutSession;
    expect(payment).toMatchObject({ status: 'CREATED', amountCents: price!.amountCents, currency: price!.currency, userId: student.sub });
    expect(checkoutUrl.startsWith(localStack().urls.stripe)).toBe(true);
    await pressOnCheckoutPage(checkoutUrl, 'pay');

    expect(await payments.next((p) => p.id === payment.id && p.status === 'SUCCEEDED')).toMatchObject({ amountCents: price!.amountCents });
    expect((await gqlOk(student, ListPaymentsDocument, { applicantId: applicant.id })).listPayments.items).toEqual([
      expect.objectContaining({ id: payment.id, status: 'SUCCEEDED' }),
    ]);
    const receipt = await eventually('the receipt', async () => (await emailsTo(inbox())).find((e) => e.subject.startsWith('Payment received: Document Review')));
    expect(receipt.body.text).toContain(`Payment reference: ${payment.id}.`);
  });
});
