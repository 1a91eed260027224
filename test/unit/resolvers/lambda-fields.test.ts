import { describe, expect, it } from 'vitest';
import { runResolver, type DataSource } from '../../../local/appsync/index.ts';
import { pipelineFunctions, resolvers } from '../../../infra/wiring/index.ts';
import {
  callers,
  describeTransactItem,
  evaluate,
  functionBundle,
  infoFor,
  plainMap,
  readable,
  resolverBundle,
  tableName,
  type Caller,
} from './evaluate-resolver.ts';
import { counterShardOf } from '../../../resolvers/lib/counters.ts';
import { counterShardKey } from '../../../resolvers/lib/keys.ts';

// The resolvers of the Lambda-backed and IAM-only fields (issue 5): uploads and downloads, checkout and Stripe
// events, user administration, and the email function. Request shapes from the built bundles (`npm run build`).

const applicantId = '01JAPP11CANT000000000000A1';
const documentId = '01JD0CVMENT0000000000000D1';
const paymentId = '01JPAYMENT00000000000000P1';

/** The S3 upload handler and the Stripe webhook sign their calls with IAM. */
const iamArn = 'arn:aws:sts::000000000000:assumed-role/upload-landed/upload-landed';
const iamCaller = {
  accountId: '000000000000',
  cognitoIdentityPoolId: null,
  cognitoIdentityId: null,
  sourceIp: ['10.0.0.1'],
  username: 'AROAEXAMPLE:upload-landed',
  userArn: iamArn,
  cognitoIdentityAuthType: null,
  cognitoIdentityAuthProvider: null,
} as unknown as Caller;

const applicant = { id: applicantId, ownerId: callers.applicantA.sub, status: 'DRAFT', levelOfStudy: 'GRADUATE', firstName: 'Ana', lastName: 'Lima' };

const pendingDocument = {
  id: documentId,
  applicantId,
  ownerId: callers.applicantA.sub,
  fileName: 'transcript.pdf',
  contentType: 'PDF',
  status: 'PENDING_UPLOAD',
  uploadId: '01JAAAAAAAAAAAAAAAAAAAAAA1',
  scanStatus: 'PENDING',
  uploadedBy: callers.applicantA.sub,
  version: 1,
  expiresAt: 1_900_000_000,
};

const payment = {
  id: paymentId,
  applicantId,
  ownerId: callers.applicantA.sub,
  userId: callers.applicantA.sub,
  service: 'DOCUMENT_REVIEW',
  levelOfStudy: 'GRADUATE',
  amountCents: 1500,
  currency: 'usd',
  status: 'CREATED',
  version: 1,
};

/** Runs a wired pipeline through the local runtime, each data source answering as the test scripts it. */
async function runPipeline(
  typeName: string,
  fieldName: string,
  caller: Caller | null,
  args: Record<string, unknown>,
  answers: Partial<Record<string, (request: any) => { result?: unknown; error?: { message: string; type: string } }>>, // eslint-disable-line @typescript-eslint/no-explicit-any
) {
  const wiring = resolvers.find((r) => r.typeName === typeName && r.fieldName === fieldName);
  if (!wiring || wiring.kind !== 'PIPELINE') throw new Error(`${typeName}.${fieldName} is not a pipeline`);
  const requests: Array<{ dataSource: string; request: any }> = []; // eslint-disable-line @typescript-eslint/no-explicit-any
  const dataSources: Record<string, DataSource> = {};
  for (const name of ['table', 'uploads', 'payments', 'email', 'identity']) {
    dataSources[name] = {
      async invoke(request) {
        requests.push({ dataSource: name, request });
        const answer = answers[name];
        if (!answer) throw new Error(`unexpected call to ${name}`);
        return { result: null, ...answer(request) };
      },
    };
  }
  const run = await runResolver({
    resolver: {
      kind: 'PIPELINE',
      code: resolverBundle(typeName, fieldName),
      functions: wiring.functions.map((name) => ({
        code: functionBundle(name),
        dataSource: pipelineFunctions.find((f) => f.name === name)!.dataSource,
      })),
    },
    dataSources,
    context: { arguments: args, identity: caller, info: infoFor(fieldName, typeName), env: { TABLE_NAME: tableName } },
  });
  return { ...run, requests };
}

describe('requestDocumentUpload', () => {
  const before = resolverBundle('Mutation', 'requestDocumentUpload');
  const write = functionBundle('writeDocumentIntent');
  const presign = functionBundle('presignDocumentUpload');
  const input = { applicantId, fileName: 'transcript.pdf', contentType: 'PDF', sizeBytes: 2048 };

  it.each([
    [{ sizeBytes: 20 * 1024 * 1024 + 1 }, 'input.sizeBytes: must be from 1 byte to 20 MB (20971520 bytes)'],
    [{ sizeBytes: 0 }, 'input.sizeBytes: must be from 1 byte to 20 MB (20971520 bytes)'],
    [{ fileName: '../etc/passwd' }, 'input.fileName: must be a file name without / or \\ or control characters'],
    [{ fileName: 'a\nb.pdf' }, 'input.fileName: must be a file name without / or \\ or control characters'],
    [{ fileName: '   ' }, 'input.fileName: must not be empty'],
  ])('given %o, when requested, then it is refused naming the field and the rule', (change, message) => {
    expect(evaluate(before, 'request', { caller: callers.applicantA, arguments: { input: { ...input, ...change } } }).error).toBe(message);
  });

  it('given a valid request, when the item is written, then ONE transaction puts the PENDING_UPLOAD document (TTL 24 h) and its audit event', () => {
    const { stash } = evaluate(before, 'request', { caller: callers.applicantA, arguments: { input } });
    const { result, stash: after } = evaluate(write, 'request', { caller: callers.applicantA, stash: { ...stash, applicant } });
    expect(result.operation).toBe('TransactWriteItems');
    const [put, audit] = result.transactItems.map(describeTransactItem);
    expect(put).toMatchObject({
      operation: 'PutItem',
      table: tableName,
      condition: 'attribute_not_exists(pk)',
      attributes: { type: 'DOCUMENT', applicantId, ownerId: callers.applicantA.sub, status: 'PENDING_UPLOAD', scanStatus: 'PENDING', contentType: 'PDF', fileName: 'transcript.pdf', version: 1 },
    });
    expect(put.key).toEqual({ pk: `APPLICANT#${applicantId}`, sk: `DOCUMENT#${after.document.id}` });
    const ttl = put.attributes.expiresAt - Math.floor(Date.now() / 1000);
    expect(ttl).toBeGreaterThan(24 * 3600 - 60);
    expect(ttl).toBeLessThanOrEqual(24 * 3600);
    expect(audit).toMatchObject({ operation: 'PutItem', attributes: { action: 'DOCUMENT_UPLOAD_REQUESTED', resourceType: 'DOCUMENT', resourceId: after.document.id } });
    expect(result.transactItems).toHaveLength(3);
  });

  it('given an ARCHIVED applicant, when the item would be written, then it is refused', () => {
    const { stash } = evaluate(before, 'request', { caller: callers.applicantA, arguments: { input } });
    expect(evaluate(write, 'request', { caller: callers.applicantA, stash: { ...stash, applicant: { ...applicant, status: 'ARCHIVED' } } }).error).toBe(
      'input.applicantId: names an ARCHIVED applicant; restore it before adding documents',
    );
  });

  it('given the written document, when the upload Lambda is invoked, then it gets exactly the ids, the upload attempt and the declared type', () => {
    const { result } = evaluate(presign, 'request', { caller: callers.applicantA, stash: { document: pendingDocument } });
    expect(result).toEqual({ operation: 'Invoke', payload: { field: 'requestDocumentUpload', applicantId, documentId, uploadId: pendingDocument.uploadId, contentType: 'PDF' } });
  });

  it('given the Lambda’s form, when the response is built, then fields are a JSON string next to the document', () => {
    const form = { url: 'https://s3/bucket', fields: { key: 'k', Policy: 'p' }, expiresAt: '2025-03-01T12:15:00.000Z', maxSizeBytes: 20971520 };
    const { result } = evaluate(presign, 'response', { caller: callers.applicantA, stash: { document: pendingDocument }, result: form });
    expect(result).toEqual({ document: pendingDocument, url: form.url, fields: JSON.stringify(form.fields), expiresAt: form.expiresAt, maxSizeBytes: 20971520 });
  });

  it('given a caller who may not see the applicant, when the pipeline runs, then it is NotFound and nothing is written or signed', async () => {
    const run = await runPipeline('Mutation', 'requestDocumentUpload', callers.applicantB, { input }, { table: () => ({ result: applicant }) });
    expect(run.errors).toEqual([expect.objectContaining({ errorType: 'NotFound', message: 'Applicant not found' })]);
    expect(run.requests.map((r) => r.request.operation)).toEqual(['GetItem']);
  });

  it('given the Lambda fails on purpose, when the pipeline runs, then its error type and message reach the client', async () => {
    const run = await runPipeline('Mutation', 'requestDocumentUpload', callers.applicantA, { input }, {
      table: (request) => ({ result: request.operation === 'GetItem' ? applicant : {} }),
      uploads: () => ({ error: { message: '[ValidationError] input.contentType: must be one of PDF', type: 'Lambda:Unhandled' } }),
    });
    expect(run.errors).toEqual([expect.objectContaining({ errorType: 'ValidationError', message: 'input.contentType: must be one of PDF' })]);
  });

  it('given the Lambda crashes, when the pipeline runs, then the client gets ServiceUnavailable without the internals', async () => {
    const run = await runPipeline('Mutation', 'requestDocumentUpload', callers.applicantA, { input }, {
      table: (request) => ({ result: request.operation === 'GetItem' ? applicant : {} }),
      uploads: () => ({ error: { message: 'connect ECONNREFUSED 10.1.2.3:443', type: 'Lambda:Unhandled' } }),
    });
    expect(run.errors).toEqual([expect.objectContaining({ errorType: 'ServiceUnavailable', message: 'Document upload is unavailable right now; try again later' })]);
  });
});

describe('documentDownloadUrl', () => {
  const load = functionBundle('loadDownloadableDocument');
  const presign = functionBundle('presignDocumentDownload');
  const uploaded = { ...pendingDocument, status: 'UPLOADED' };

  it('given the ids, when the document is read for the download query, then it is one eventually consistent GetItem of the document', () => {
    const { result } = evaluate(load, 'request', { caller: callers.applicantA, stash: { applicantId, documentId }, operation: 'Query' });
    expect(result).toEqual({ operation: 'GetItem', key: { pk: { S: `APPLICANT#${applicantId}` }, sk: { S: `DOCUMENT#${documentId}` } }, consistentRead: false });
  });

  it.each([
    ['another applicant', callers.applicantB, uploaded],
    ['anyone, for a missing document', callers.applicantA, null],
  ])('given %s, when the document is checked, then the answer is null, as for a document that does not exist', async (_who, caller, item) => {
    const run = await runPipeline('Query', 'documentDownloadUrl', caller, { applicantId, documentId }, { table: () => ({ result: item }) });
    expect(run.errors).toEqual([]);
    expect(run.data).toBeNull();
    expect(run.requests.map((r) => r.dataSource)).toEqual(['table']);
  });

  it.each(['PENDING_UPLOAD', 'REJECTED'])('given a %s document, when its owner asks, then it is refused naming the rule', (status) => {
    expect(evaluate(load, 'response', { caller: callers.applicantA, result: { ...uploaded, status } }).error).toBe(
      `documentId: names a document that is ${status}; only UPLOADED or ACCEPTED documents can be downloaded`,
    );
  });

  it.each([
    ['its owner', callers.applicantA],
    ['staff', callers.staff],
  ])('given %s and an UPLOADED document, when the pipeline runs, then the Lambda signs a GET with the original file name', async (_who, caller) => {
    const run = await runPipeline('Query', 'documentDownloadUrl', caller, { applicantId, documentId }, {
      table: () => ({ result: uploaded }),
      uploads: () => ({ result: { url: 'https://s3/get', expiresAt: '2025-03-01T12:05:00.000Z' } }),
    });
    expect(run.data).toEqual({ url: 'https://s3/get', expiresAt: '2025-03-01T12:05:00.000Z' });
    expect(run.requests[1]?.request).toEqual({
      operation: 'Invoke',
      payload: { field: 'documentDownloadUrl', applicantId, documentId, objectKey: null, fileName: 'transcript.pdf', contentType: 'PDF' },
    });
  });

  it('given the presign Lambda’s answer, then the response is its URL and expiry', () => {
    expect(evaluate(presign, 'response', { caller: callers.staff, stash: { document: uploaded }, result: { url: 'u', expiresAt: 'e' } }).result).toEqual({ url: 'u', expiresAt: 'e' });
  });
});

describe('markDocumentUploaded and markDocumentRejected (IAM)', () => {
  const uploadId = String(pendingDocument.uploadId);
  const landedInput = {
    applicantId,
    documentId,
    uploadId,
    contentType: 'PDF',
    objectKey: `applicants/${applicantId}/documents/${documentId}/01JBBBBBBBBBBBBBBBBBBBBBB2`,
    sizeBytes: 2048,
  };
  const uploadedBefore = resolverBundle('Mutation', 'markDocumentUploaded');
  const rejectedBefore = resolverBundle('Mutation', 'markDocumentRejected');
  const load = functionBundle('loadLandedDocument');
  const write = functionBundle('writeDocumentLanded');

  it.each([
    ['an applicant', callers.applicantA],
    ['an admin', callers.admin],
  ])('given %s signed in with Cognito, when they call it, then it is unauthorized', (_who, caller) => {
    expect(evaluate(uploadedBefore, 'request', { caller, arguments: { input: { applicantId, documentId, sizeBytes: 10 } } }).error).toBe('Unauthorized'); // util.unauthorized() under EvaluateCode with no info in the context
  });

  it('given the upload handler, when a landed file is reported, then the document is read consistently', () => {
    const { stash } = evaluate(uploadedBefore, 'request', { caller: iamCaller, arguments: { input: landedInput } });
    expect(stash.landing).toEqual({ status: 'UPLOADED', uploadId, contentType: 'PDF', objectKey: landedInput.objectKey, sizeBytes: 2048, reason: null });
    expect(evaluate(load, 'request', { caller: iamCaller, stash }).result).toMatchObject({ operation: 'GetItem', consistentRead: true });
  });

  it('given a document already checked, when reported again, then it is a ConflictError the handler treats as done', async () => {
    const run = await runPipeline('Mutation', 'markDocumentUploaded', iamCaller, { input: landedInput }, {
      table: () => ({ result: { ...pendingDocument, status: 'UPLOADED' } }),
    });
    expect(run.errors).toEqual([expect.objectContaining({ errorType: 'ConflictError', message: 'Document is UPLOADED, not PENDING_UPLOAD: its upload was checked already' })]);
  });

  it('given no such document, when reported, then it is NotFound', async () => {
    const run = await runPipeline('Mutation', 'markDocumentUploaded', iamCaller, { input: landedInput }, { table: () => ({ result: null }) });
    expect(run.errors).toEqual([expect.objectContaining({ errorType: 'NotFound' })]);
  });

  it('given a file that passed, when written, then the update sets UPLOADED and the size, removes expiresAt, keeps scanStatus, and is conditioned on PENDING_UPLOAD and the version', () => {
    const { result, stash } = evaluate(write, 'request', {
      caller: iamCaller,
      stash: { document: pendingDocument, landing: { status: 'UPLOADED', uploadId, objectKey: landedInput.objectKey, sizeBytes: 2048, reason: null } },
    });
    const [update, audit] = result.transactItems.map(describeTransactItem);
    expect(update.update).toMatch(/^SET status = "UPLOADED", updatedAt = "[^"]+", sizeBytes = 2048, objectKey = "[^"]+" REMOVE expiresAt ADD version 1$/);
    expect(update.condition).toBe(`(attribute_exists(pk) AND version = 1) AND (status = "PENDING_UPLOAD") AND (uploadId = "${uploadId}")`);
    expect(audit.attributes).toMatchObject({ action: 'DOCUMENT_UPLOADED', actorId: iamArn });
    expect(stash.landed).toMatchObject({ status: 'UPLOADED', scanStatus: 'PENDING', sizeBytes: 2048, version: 2 });
    expect(stash.notification).toBeUndefined();
  });

  it('given a file that failed, when written, then the reason is stored and the uploader is to be emailed', () => {
    const { stash: before } = evaluate(rejectedBefore, 'request', {
      caller: iamCaller,
      arguments: { input: { applicantId, documentId, uploadId, reason: "The file's content is not a PDF file", sizeBytes: 10 } },
    });
    const { result, stash } = evaluate(write, 'request', { caller: iamCaller, stash: { ...before, document: pendingDocument } });
    expect(readable(result.transactItems[0].update)).toContain(`rejectionReason = "The file's content is not a PDF file"`);
    expect(stash.notification).toEqual({
      topic: 'DOCUMENT_REJECTED',
      recipientId: pendingDocument.uploadedBy,
      applicantId,
      documentId,
      fileName: 'transcript.pdf',
      reason: "The file's content is not a PDF file",
    });
  });

  it('given the document changed between read and write, when the transaction is cancelled, then it is a ConflictError', () => {
    const error = { message: 'Transaction cancelled', type: 'DynamoDB:TransactionCanceledException' };
    const result = { cancellationReasons: [{ type: 'ConditionalCheckFailed' }, { type: 'None' }] };
    expect(evaluate(write, 'response', { caller: iamCaller, stash: { landed: {} }, error, result }).error).toBe(
      'Document changed while its upload was checked; it is no longer PENDING_UPLOAD',
    );
  });
});

describe('createCheckoutSession', () => {
  const before = resolverBundle('Mutation', 'createCheckoutSession');
  const checkout = functionBundle('createStripeCheckout');
  const write = functionBundle('writePayment');
  const session = {
    stripeCheckoutSessionId: 'cs_test_1',
    checkoutUrl: 'https://checkout.stripe.com/c/pay/cs_test_1',
    amountCents: 1500,
    currency: 'usd',
    service: 'DOCUMENT_REVIEW',
    levelOfStudy: 'GRADUATE',
    label: 'Document Review (graduate)',
  };

  it('given the owner, when checkout starts, then the payments Lambda gets the level of study from the applicant item and the caller as payer', () => {
    const { stash } = evaluate(before, 'request', { caller: callers.applicantA, arguments: { input: { applicantId, service: 'DOCUMENT_REVIEW' } } });
    expect(stash.checkout.paymentId).toMatch(/^[0-9A-HJKMNP-TV-Z]{26}$/);
    const { result } = evaluate(checkout, 'request', { caller: callers.applicantA, stash: { ...stash, applicant } });
    expect(result).toEqual({
      operation: 'Invoke',
      payload: {
        field: 'createCheckoutSession',
        paymentId: stash.checkout.paymentId,
        applicantId,
        userId: callers.applicantA.sub,
        service: 'DOCUMENT_REVIEW',
        levelOfStudy: 'GRADUATE',
      },
    });
  });

  it('given the session, when the payment is written, then ONE transaction puts it CREATED with the catalogue amount, payer and PAYMENTS index keys, and its audit event', () => {
    const { result, stash } = evaluate(write, 'request', {
      caller: callers.applicantA,
      stash: { applicant, session, checkout: { paymentId, service: 'DOCUMENT_REVIEW' } },
    });
    const [put, audit] = result.transactItems.map(describeTransactItem);
    expect(put).toMatchObject({
      operation: 'PutItem',
      key: { pk: `APPLICANT#${applicantId}`, sk: `PAYMENT#${paymentId}` },
      condition: 'attribute_not_exists(pk)',
      attributes: {
        type: 'PAYMENT',
        status: 'CREATED',
        amountCents: 1500,
        currency: 'usd',
        userId: callers.applicantA.sub,
        ownerId: callers.applicantA.sub,
        stripeCheckoutSessionId: 'cs_test_1',
        checkoutUrl: session.checkoutUrl,
        levelOfStudy: 'GRADUATE',
        gsi1pk: `PAYER#${callers.applicantA.sub}`,
        gsi1sk: paymentId,
        gsi4pk: 'PAYMENTS',
        gsi4sk: paymentId,
        version: 1,
      },
    });
    expect(audit.attributes).toMatchObject({ action: 'CHECKOUT_CREATED', resourceType: 'PAYMENT', resourceId: paymentId });
    expect(evaluate(write, 'response', { caller: callers.applicantA, stash, result: {} }).result).toMatchObject({ checkoutUrl: session.checkoutUrl, payment: { id: paymentId } });
  });

  it('given another applicant’s applicant, when checkout starts, then it is NotFound and Stripe is never called', async () => {
    const run = await runPipeline('Mutation', 'createCheckoutSession', callers.applicantB, { input: { applicantId, service: 'DOCUMENT_REVIEW' } }, {
      table: () => ({ result: applicant }),
    });
    expect(run.errors).toEqual([expect.objectContaining({ errorType: 'NotFound' })]);
    expect(run.requests.map((r) => r.dataSource)).toEqual(['table']);
  });
});

describe('applyPaymentEvent (IAM)', () => {
  const before = resolverBundle('Mutation', 'applyPaymentEvent');
  const write = functionBundle('writePaymentEvent');
  const event = (eventType: string) => ({ eventId: 'evt_1', eventType, eventCreated: 1740830400, stripePaymentIntentId: 'pi_1' });

  it('given a Cognito caller, when they call it, then it is unauthorized', () => {
    const input = { ...event('CHECKOUT_COMPLETED'), applicantId, paymentId };
    expect(evaluate(before, 'request', { caller: callers.admin, arguments: { input } }).error).toBe('Unauthorized'); // util.unauthorized() under EvaluateCode with no info in the context
  });

  it('given completed on a CREATED payment, then ONE transaction records the event once, sets SUCCEEDED from allowed statuses, adds the revenue and audits; the receipt is queued', () => {
    const { result, stash } = evaluate(write, 'request', { caller: iamCaller, stash: { payment, paymentEvent: event('CHECKOUT_COMPLETED') } });
    const [marker, update, counters, audit] = result.transactItems.map(describeTransactItem);
    expect(marker).toMatchObject({
      key: { pk: 'STRIPE_EVENT#evt_1', sk: 'STRIPE_EVENT' },
      condition: 'attribute_not_exists(pk)',
      attributes: { type: 'STRIPE_EVENT', outcome: 'APPLIED', paymentId },
    });
    expect(marker.attributes.expiresAt - Math.floor(Date.now() / 1000)).toBeGreaterThan(89 * 24 * 3600);
    expect(update.update).toMatch(/^SET status = "SUCCEEDED", updatedAt = "[^"]+", stripePaymentIntentId = "pi_1" ADD version 1$/);
    expect(update.condition).toBe('(attribute_exists(pk) AND version = 1) AND (status IN ("CREATED", "PENDING", "EXPIRED", "FAILED"))');
    expect(counters).toMatchObject({ key: counterShardKey(counterShardOf(applicantId)) });
    expect(counters.update).toContain('ADD revenueCents 1500');
    expect(audit.attributes).toMatchObject({ action: 'PAYMENT_SUCCEEDED', resourceType: 'PAYMENT', resourceId: paymentId });
    expect(stash.applied).toMatchObject({ status: 'SUCCEEDED', version: 2, stripePaymentIntentId: 'pi_1', eventOutcome: 'APPLIED' });
    expect(stash.notification).toMatchObject({ topic: 'PAYMENT_RECEIPT', recipientId: payment.userId, paymentId, amountCents: 1500 });
  });

  it('given expired after the payment SUCCEEDED, then only the event marker and an "ignored" audit are written, and the payment is unchanged', () => {
    const succeeded = { ...payment, status: 'SUCCEEDED', version: 2 };
    const { result, stash } = evaluate(write, 'request', { caller: iamCaller, stash: { payment: succeeded, paymentEvent: event('CHECKOUT_EXPIRED') } });
    const items = result.transactItems.map(describeTransactItem);
    expect(items.map((i: { operation: string }) => i.operation)).toEqual(['PutItem', 'PutItem']);
    expect(items[0].attributes.outcome).toBe('IGNORED');
    expect(items[1].attributes.action).toBe('PAYMENT_EVENT_IGNORED');
    expect(stash.applied).toEqual({ ...succeeded, eventOutcome: 'IGNORED' });
    expect(stash.notification).toBeUndefined();
  });

  it('given a refund of a SUCCEEDED payment, then the revenue goes back down by its amount', () => {
    const { result } = evaluate(write, 'request', { caller: iamCaller, stash: { payment: { ...payment, status: 'SUCCEEDED' }, paymentEvent: event('CHARGE_REFUNDED') } });
    const counters = describeTransactItem(result.transactItems[2]);
    expect(counters.update).toContain('ADD revenueCents -1500');
  });

  it('given the same event delivered again, when the marker put is cancelled, then the payment is returned as read and no second receipt goes out', () => {
    const error = { message: 'Transaction cancelled', type: 'DynamoDB:TransactionCanceledException' };
    const result = { cancellationReasons: [{ type: 'ConditionalCheckFailed' }, { type: 'None' }, { type: 'None' }, { type: 'None' }] };
    const evaluation = evaluate(write, 'response', { caller: iamCaller, stash: { payment, notification: { topic: 'PAYMENT_RECEIPT' } }, error, result });
    expect(evaluation.error).toBeUndefined();
    expect(evaluation.result).toEqual({ ...payment, eventOutcome: 'DUPLICATE' });
    expect(evaluation.stash.notification).toBeNull();
  });

  it('given the payment changed between read and write, then it is a ConflictError (the webhook answers 500 and Stripe redelivers)', () => {
    const error = { message: 'Transaction cancelled', type: 'DynamoDB:TransactionCanceledException' };
    const result = { cancellationReasons: [{ type: 'None' }, { type: 'ConditionalCheckFailed' }] };
    expect(evaluate(write, 'response', { caller: iamCaller, stash: { payment }, error, result }).error).toBe(
      'Payment changed while the event was applied; deliver the event again',
    );
  });

  it('given a succeeded payment event, when the whole pipeline runs, then the email Lambda is invoked asynchronously with the receipt', async () => {
    const input = { ...event('CHECKOUT_COMPLETED'), applicantId, paymentId };
    const run = await runPipeline('Mutation', 'applyPaymentEvent', iamCaller, { input }, {
      table: (request) => ({ result: request.operation === 'GetItem' ? payment : {} }),
      email: () => ({ result: null }),
    });
    expect(run.errors).toEqual([]);
    expect(run.data).toMatchObject({ id: paymentId, status: 'SUCCEEDED', version: 2 });
    const email = run.requests.find((r) => r.dataSource === 'email')?.request;
    expect(email).toMatchObject({ operation: 'Invoke', invocationType: 'Event', payload: { notification: { topic: 'PAYMENT_RECEIPT', paymentId } } });
  });
});

describe('sendNotification', () => {
  const send = functionBundle('sendNotification');

  it('given no notification in the stash, when it runs, then it passes the previous result on without invoking the Lambda', () => {
    const { result } = evaluate(send, 'request', { caller: callers.staff, stash: {}, prev: { result: { id: 'x' } } });
    expect(result).toEqual({ id: 'x' });
  });

  it('given a notification, when it runs, then it is an Event (asynchronous) invocation carrying it', () => {
    const notification = { topic: 'REVIEW_POSTED', recipientId: 'user-1', applicantId };
    const { result } = evaluate(send, 'request', { caller: callers.staff, stash: { notification }, prev: { result: { id: 'x' } } });
    expect(result).toEqual({ operation: 'Invoke', invocationType: 'Event', payload: { notification } });
  });

  it('given the invocation could not be queued, when it answers, then the mutation still succeeds with the previous result', () => {
    const notification = { topic: 'REVIEW_POSTED', recipientId: 'user-1', applicantId };
    const evaluation = evaluate(send, 'response', {
      caller: callers.staff,
      stash: { notification },
      prev: { result: { id: 'x' } },
      error: { message: 'Rate exceeded', type: 'Lambda:TooManyRequestsException' },
    });
    expect(evaluation.error).toBeUndefined();
    expect(evaluation.result).toEqual({ id: 'x' });
  });
});

describe('inviteStaff, setUserRole, deactivateUser', () => {
  const invite = resolverBundle('Mutation', 'inviteStaff');
  const setRole = resolverBundle('Mutation', 'setUserRole');
  const deactivate = resolverBundle('Mutation', 'deactivateUser');
  const staffProfile = {
    id: 'user-staff-2',
    email: 'sam@example.com',
    fullName: 'Sam Staff',
    role: 'STAFF',
    active: true,
    version: 3,
    gsi4pk: 'TEAM',
    gsi4sk: 'Sam Staff#user-staff-2',
  };
  const adminProfile = { ...staffProfile, id: callers.admin.sub, role: 'ADMIN' };
  /** The profile a GetItem asks for: the calling admin's own, or the target's. */
  const profileByKey = (request: Record<string, unknown>) =>
    JSON.stringify(request.key).includes(callers.admin.sub) ? adminProfile : staffProfile;

  it('given an invitation for the APPLICANT role, when requested, then it is refused naming input.role', () => {
    const input = { email: 'new@example.com', fullName: 'New Person', role: 'APPLICANT' };
    expect(evaluate(invite, 'request', { caller: callers.admin, arguments: { input } }).error).toBe('input.role: must be STAFF or ADMIN (applicants sign up themselves)');
  });

  it('given a mixed-case email, when inviting, then the identity Lambda gets it lower-cased, and the profile is put in the team index', () => {
    const input = { email: 'Sam.Staff@Example.com', fullName: ' Sam Staff ', role: 'STAFF' };
    const { stash } = evaluate(invite, 'request', { caller: callers.admin, arguments: { input } });
    expect(stash.identityCall).toEqual({ field: 'inviteStaff', email: 'sam.staff@example.com', fullName: 'Sam Staff', role: 'STAFF' });
    const { result } = evaluate(functionBundle('writeStaffProfile'), 'request', { caller: callers.admin, stash: { ...stash, identityResult: { userId: 'new-sub' } } });
    const [put, audit] = result.transactItems.map(describeTransactItem);
    expect(put).toMatchObject({
      key: { pk: 'USER#new-sub', sk: 'PROFILE' },
      condition: 'attribute_not_exists(pk)',
      attributes: { role: 'STAFF', active: true, email: 'sam.staff@example.com', gsi4pk: 'TEAM', gsi4sk: 'Sam Staff#new-sub', notificationPreferences: { optedOut: [] } },
    });
    expect(audit.attributes).toMatchObject({ action: 'STAFF_INVITED', actorId: callers.admin.sub, resourceId: 'new-sub' });
  });

  it('given an admin demoting themselves, when requested, then it is refused naming role', () => {
    expect(evaluate(setRole, 'request', { caller: callers.admin, arguments: { userId: callers.admin.sub, role: 'STAFF' } }).error).toBe(
      'role: an admin cannot remove their own admin role; ask another admin',
    );
  });

  it('given staff made an applicant, when the profile is written, then the role changes and the team index keys are removed, on the version read', () => {
    const { stash } = evaluate(setRole, 'request', { caller: callers.admin, arguments: { userId: staffProfile.id, role: 'APPLICANT' } });
    expect(stash.identityCall).toEqual({ field: 'setUserRole', userId: staffProfile.id, role: 'APPLICANT' });
    const { result } = evaluate(functionBundle('writeUserRole'), 'request', { caller: callers.admin, stash: { ...stash, targetUser: staffProfile } });
    const [update, audit] = result.transactItems.map(describeTransactItem);
    expect(update.update).toMatch(/^SET role = "APPLICANT", updatedAt = "[^"]+" REMOVE gsi4pk, gsi4sk ADD version 1$/);
    expect(update.condition).toBe('attribute_exists(pk) AND version = 3');
    expect(audit.attributes.details).toBe(JSON.stringify({ from: 'STAFF', to: 'APPLICANT' }));
  });

  it('given the role the profile already has, when written, then nothing is written and the profile comes back', () => {
    const { result } = evaluate(functionBundle('writeUserRole'), 'request', { caller: callers.admin, stash: { targetUser: staffProfile, newRole: 'STAFF' } });
    expect(result).toEqual(staffProfile);
  });

  it('given an admin deactivating themselves, when requested, then it is refused naming userId', () => {
    expect(evaluate(deactivate, 'request', { caller: callers.admin, arguments: { userId: callers.admin.sub } }).error).toBe(
      'userId: an admin cannot deactivate themselves; ask another admin',
    );
  });

  it('given an active user, when deactivated, then Cognito goes first and the profile is marked inactive on the version read', async () => {
    const run = await runPipeline('Mutation', 'deactivateUser', callers.admin, { userId: staffProfile.id }, {
      table: (request) => ({ result: request.operation === 'GetItem' ? profileByKey(request) : {} }),
      identity: () => ({ result: { userId: staffProfile.id } }),
    });
    expect(run.errors).toEqual([]);
    expect(run.data).toMatchObject({ id: staffProfile.id, active: false, version: 4 });
    // The caller's own standing first (lib/caller-check.ts), then the target, Cognito, the profile.
    expect(run.requests.map((r) => r.dataSource)).toEqual(['table', 'table', 'identity', 'table']);
    expect(run.requests[2]?.request).toEqual({ operation: 'Invoke', payload: { field: 'deactivateUser', userId: staffProfile.id } });
    const write = run.requests[3]?.request;
    expect(readable(write.transactItems[0].update)).toMatch(/^SET active = false, updatedAt = "[^"]+" ADD version 1$/);
    expect(plainMap(write.transactItems[1].attributeValues)).toMatchObject({ action: 'USER_DEACTIVATED' });
  });

  it('given a user Cognito does not know, when deactivated, then the Lambda’s NotFound reaches the client and nothing is written', async () => {
    const run = await runPipeline('Mutation', 'deactivateUser', callers.admin, { userId: staffProfile.id }, {
      table: (request) => ({ result: profileByKey(request) }),
      identity: () => ({ error: { message: '[NotFound] User not found', type: 'Lambda:Unhandled' } }),
    });
    expect(run.errors).toEqual([expect.objectContaining({ errorType: 'NotFound', message: 'User not found' })]);
    expect(run.requests.map((r) => r.dataSource)).toEqual(['table', 'table', 'identity']);
  });

  it('given an admin whose profile was deactivated since their token was issued, when they deactivate someone, then it is Unauthorized and Cognito is never called', async () => {
    const run = await runPipeline('Mutation', 'deactivateUser', callers.admin, { userId: staffProfile.id }, {
      table: (request) => ({ result: { ...profileByKey(request), active: false } }),
      identity: () => ({ result: { userId: staffProfile.id } }),
    });
    expect(run.errors).toEqual([expect.objectContaining({ errorType: 'Unauthorized' })]);
    expect(run.requests.map((r) => r.dataSource)).toEqual(['table']);
  });
});
