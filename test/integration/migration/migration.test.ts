import { AdminGetUserCommand, AdminListGroupsForUserCommand, CognitoIdentityProviderClient } from '@aws-sdk/client-cognito-identity-provider';
import { HeadObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { legacyClaimedKey, legacyCredentialKey, documentObjectKey } from '../../../resolvers/lib/keys.ts';
import { applicantStatuses } from '../../../resolvers/lib/pipeline.ts';
import {
  DashboardSummaryDocument,
  DocumentDownloadUrlDocument,
  ListApplicantsDocument,
  ListAuditEventsDocument,
  ListDocumentsDocument,
  ListEligibilityChecksDocument,
  ListMessagesDocument,
  ListMyApplicantsDocument,
  ListPaymentsDocument,
  ListReviewsDocument,
  ListTasksDocument,
  MeDocument,
} from '../../../schema/generated/client/graphql.ts';
import { createIamGraphqlClient } from '../../../functions/shared/appsync-iam-client.ts';
import { createLogger } from '../../../functions/shared/logger.ts';
import { processLandedObject } from '../../../functions/uploads/process-landed-object.ts';
import { legacyUserId } from '../../../migration/ids.ts';
import { awsClientConfig, localStack } from '../../setup/local-stack.ts';
import { signIn, signInDemoUser, type SignedInUser } from '../../setup/users.ts';
import { gql, gqlOk } from '../support/api.ts';
import { getItem } from '../support/table-fixtures.ts';
import { emails, files, oldPasswords } from './fixture.ts';
import { runMigrateCli } from './support/migrate-cli.ts';
import { startLegacySource, type LegacySource } from './support/legacy-source.ts';

// The legacy migration end to end: a real PostgreSQL 15 with the old schema and a row for every dirty case of
// LEGACY.md, `npm run migrate` against the shared local stack twice, then the migrated people through the real API:
// the first sign-in with the old password (UserMigration trigger) and the claim of their data (PostAuthentication).

type Run = Awaited<ReturnType<typeof runMigrateCli>>;
let legacy: LegacySource;
let dashboardBefore: Awaited<ReturnType<typeof dashboard>>;
let dryRun: Run;
let firstRun: Run;
let secondRun: Run;

async function dashboard() {
  return (await gqlOk(await signInDemoUser('admin'), DashboardSummaryDocument, {})).dashboardSummary;
}

beforeAll(async () => {
  legacy = await startLegacySource();
  dashboardBefore = await dashboard();
  dryRun = await runMigrateCli(['--source', legacy.cluster.url, '--dry-run']);
  firstRun = await runMigrateCli(['--source', legacy.cluster.url]);
  secondRun = await runMigrateCli(['--source', legacy.cluster.url]);
}, 110_000);

afterAll(async () => {
  await legacy?.stop();
});

/** One row of the printed reconciliation table. */
function reconciliation(output: string, table: string) {
  const line = output.split('\n').find((l) => l.startsWith(`| ${table} |`));
  if (!line) throw new Error(`no reconciliation row for ${table} in:\n${output}`);
  const [read, items, written, skipped] = line.split('|').slice(2, 6).map((c) => c.trim());
  return { read: Number(read), items: Number(items), written: Number(written), skipped };
}

const legacyTables = ['user', 'applicant', 'documentbundle', 'document', 'applicantreview', 'task', 'message', 'payment', 'auditlog', 'mltrainingconsent', 'eligibilityresult'];

describe('npm run migrate against PostgreSQL 15', () => {
  it('given the old database, when run with --dry-run, then it lists every dirty case with its decision and writes nothing', async () => {
    expect(dryRun.code, dryRun.stderr).toBe(0);
    const out = dryRun.stdout;
    for (const expected of [
      'user #1: userEmailNoDomain',
      'user #3: userNoFullName',
      'user #4: userInactive',
      'applicant #1: applicantRootOwned',
      'applicant #1: applicantNullProfile',
      'applicant #3: budgetFreeText ($20,000 → 20000)',
      'applicant #4: budgetFreeText (20k → 20000)',
      'applicant #5: budgetFreeText (not sure → NULL)',
      'applicant #4: assignedNotTeam',
      'applicant #4: bundleExtra',
      'applicant #5: bundleMissing',
      'applicant #6: applicantStatusUnknown (on_hold)',
      'document #2: documentType',
      'document #3: documentIncomplete',
      'document #4: documentIncompleteFound',
      'document #5: documentType',
      'document #6: documentFailsCheck',
      'document #7: documentMissing',
      'applicantreview #2: reviewNoFeedback',
      'task #2: taskNoAssignee',
      'task #2: taskNoApplicant',
      'task #3: taskClientAssignee',
      'task #5: taskStatusUnknown',
      'message #3: messageNoApplicant (→ applicant 3)',
      'message #4: messageNoApplicant (no client party',
      'message #5: messageNoRecipient',
      'payment #1: paymentAmount',
      'payment #2: paymentAbandoned',
      'payment #3: paymentNoApplicant (→ applicant 3)',
      'payment #4: paymentNoUser',
      'payment #5: paymentNoApplicant',
      'auditlog #1: auditRepr',
      'auditlog #2: genericUpload',
      'auditlog #3: auditNoUser',
      'auditlog #4: auditRepr (unparseable',
      'mltrainingconsent #3: consentOrphan',
      'eligibilityresult #2: eligibilityBadPayload',
    ]) {
      expect(out).toContain(expected);
    }
    expect(out).toContain('Dry run: nothing written');
    for (const table of legacyTables) expect(reconciliation(out, table).written).toBe(0);
  });

  it('given the old database, when migrated, then the reconciliation accounts for every row read', async () => {
    expect(firstRun.code, firstRun.stderr).toBe(0);
    const counts = await legacy.sql<{ table: string; rows: string }>(
      legacyTables.map((t) => `SELECT '${t}' AS table, count(*) AS rows FROM "${t}"`).join(' UNION ALL '),
    );
    for (const { table, rows } of counts) expect(reconciliation(firstRun.stdout, table).read).toBe(Number(rows));
    // Skipped rows and why: exactly the dirty rows the decisions drop.
    expect(reconciliation(firstRun.stdout, 'document').skipped).toBe('documentIncomplete: 1');
    expect(reconciliation(firstRun.stdout, 'message').skipped).toBe('messageNoApplicant: 2');
    expect(reconciliation(firstRun.stdout, 'payment').skipped).toBe('paymentNoApplicant: 1');
    expect(reconciliation(firstRun.stdout, 'mltrainingconsent').skipped).toBe('consentOrphan: 1');
    expect(reconciliation(firstRun.stdout, 'eligibilityresult').skipped).toBe('eligibilityBadPayload: 1');
    // 6 profiles + 5 credentials (the inactive user gets none); 4 messages + 6 threads.
    expect(reconciliation(firstRun.stdout, 'user')).toMatchObject({ items: 11, written: 11 });
    expect(reconciliation(firstRun.stdout, 'message')).toMatchObject({ items: 10, written: 10 });
    expect(firstRun.stdout).toMatch(/quarantined: document \S+ \(documents\/3\/0b7f5f4e-5\/notes\.txt\) → quarantine\/legacy\//);
    expect(firstRun.stdout).toMatch(/quarantined: document \S+ \(documents\/4\/0b7f5f4e-6\/fake\.pdf\) → quarantine\/legacy\//);
  });

  it('given a finished migration, when run again, then it writes nothing at all', () => {
    expect(secondRun.code, secondRun.stderr).toBe(0);
    for (const table of legacyTables) expect(reconciliation(secondRun.stdout, table).written, table).toBe(0);
    expect(secondRun.stdout).toContain('items written 0,');
    expect(secondRun.stdout).toContain('claim entries written 0,');
    expect(secondRun.stdout).toContain('counter shards changed 0,');
    expect(secondRun.stdout).toContain('files copied 0, quarantined 0,');
  });

  it('given the migrated counters, when an admin reads the dashboard, then it moved by exactly the old data\'s SQL counts', async () => {
    const known = applicantStatuses.map((s) => `'${s}'`).join(',');
    const byStatus = await legacy.sql<{ status: string; n: string }>(
      `SELECT CASE WHEN upper(status) IN (${known}) THEN upper(status) ELSE 'DRAFT' END AS status, count(*) AS n FROM applicant GROUP BY 1`,
    );
    const [tasks] = await legacy.sql<{ n: string }>(
      `SELECT count(*) AS n FROM task WHERE status IN ('pending', 'in_progress') OR status NOT IN ('completed', 'done', 'cancelled', 'canceled')`,
    );
    const [revenue] = await legacy.sql<{ cents: string }>(`SELECT coalesce(sum(amount_cents), 0) AS cents FROM payment WHERE status = 'succeeded'`);
    const after = await dashboard();
    for (const status of applicantStatuses) {
      const count = (d: typeof after) => d.applicantsByStatus.find((s) => s.status === status)?.count ?? 0;
      const expected = Number(byStatus.find((r) => r.status === status)?.n ?? 0);
      expect(count(after) - count(dashboardBefore), status).toBe(expected);
    }
    expect(after.pendingTasks - dashboardBefore.pendingTasks).toBe(Number(tasks?.n));
    expect((after.totalRevenueCents ?? 0) - (dashboardBefore.totalRevenueCents ?? 0)).toBe(Number(revenue?.cents));
  });
});

describe('an old client signs in with the old password', () => {
  let alice: SignedInUser;
  let applicants: Array<{ id: string; firstName: string; lastName: string; status: string }>;
  const byLastName = (name: string) => {
    const found = applicants.find((a) => a.lastName === name);
    if (!found) throw new Error(`no applicant ${name}`);
    return found;
  };

  beforeAll(async () => {
    alice = await signIn(emails.alice, oldPasswords.alice);
    applicants = (await gqlOk(alice, ListMyApplicantsDocument, {})).listMyApplicants.items;
  });

  it('when the password is wrong, then the sign-in is refused and nothing is claimed', async () => {
    await expect(signIn(emails.erin, 'not-the-old-password')).rejects.toThrow();
    expect(await getItem(legacyCredentialKey(emails.erin))).not.toBeNull();
  });

  it('when an inactive old user tries, then the sign-in is refused: they are in Cognito, in their group, disabled, and own their data', async () => {
    await expect(signIn(emails.bob, oldPasswords.bob)).rejects.toThrow(/disabled/i);
    const stack = localStack();
    const cognito = new CognitoIdentityProviderClient(awsClientConfig(stack.urls.cognito));
    const bob = await cognito.send(new AdminGetUserCommand({ UserPoolId: stack.userPoolId, Username: emails.bob }));
    expect(bob.Enabled).toBe(false);
    const sub = bob.UserAttributes?.find((a) => a.Name === 'sub')?.Value;
    const groups = await cognito.send(new AdminListGroupsForUserCommand({ UserPoolId: stack.userPoolId, Username: String(sub) }));
    expect(groups.Groups?.map((g) => g.GroupName)).toEqual(['applicant']);
    expect(await getItem(legacyCredentialKey(emails.bob))).toBeNull();
    const admin = await signInDemoUser('admin');
    const all = (await gqlOk(admin, ListApplicantsDocument, { status: 'ARCHIVED', limit: 100 })).listApplicants.items;
    expect(all.find((a) => a.lastName === 'Inactive')).toMatchObject({ ownerId: sub });
  });

  it('then she is in the applicant group, needs no reset, and signs in again with the same password', async () => {
    expect(alice.groups).toEqual(['applicant']);
    const me = (await gqlOk(alice, MeDocument, {})).me;
    expect(me).toMatchObject({ id: alice.sub, email: emails.alice, fullName: 'alice', role: 'APPLICANT', active: true });
    const again = await signIn(emails.alice, oldPasswords.alice);
    expect(again.sub).toBe(alice.sub);
  });

  it('then her old hash and claim list are gone, and a marker names her sub for later runs', async () => {
    expect(await getItem(legacyCredentialKey(emails.alice))).toBeNull();
    expect(await getItem(legacyClaimedKey(legacyUserId(3)))).toMatchObject({ sub: alice.sub });
  });

  it('then she sees exactly her two applicants', () => {
    expect(applicants.map((a) => `${a.firstName} ${a.lastName}`).sort()).toEqual(["Alice O'Neil", 'Alice Second']);
    expect(byLastName("O'Neil").status).toBe('IN_REVIEW');
    expect(byLastName('Second').status).toBe('DOCUMENTS_ACCEPTED');
  });

  it('then her documents are listed, and the migrated file downloads byte for byte', async () => {
    const docs = (await gqlOk(alice, ListDocumentsDocument, { applicantId: byLastName("O'Neil").id })).listDocuments.items;
    expect(docs.map((d) => [d.fileName, d.contentType, d.status]).sort()).toEqual([
      ['notes.txt', 'PDF', 'REJECTED'],
      ['photo.png', 'PNG', 'UPLOADED'],
      ['transcript.pdf', 'PDF', 'UPLOADED'],
    ]);
    for (const [name, bytes] of [['transcript.pdf', files.transcript], ['photo.png', files.photo]] as const) {
      const doc = docs.find((d) => d.fileName === name);
      const url = (await gqlOk(alice, DocumentDownloadUrlDocument, { applicantId: byLastName("O'Neil").id, documentId: String(doc?.id) }))
        .documentDownloadUrl;
      const response = await fetch(String(url?.url));
      expect(response.status).toBe(200);
      expect(Buffer.from(await response.arrayBuffer()).equals(bytes)).toBe(true);
    }
    const second = (await gqlOk(alice, ListDocumentsDocument, { applicantId: byLastName('Second').id })).listDocuments.items;
    // Both of the second applicant's bundles' documents are hers; the never-completed upload whose object exists is there.
    expect(second.map((d) => [d.fileName, d.status]).sort()).toEqual([
      ['fake.pdf', 'REJECTED'],
      ['letter.pdf', 'UPLOADED'],
    ]);
  });

  it('then the upload handler, run on a migrated file\'s key, leaves it in place', async () => {
    const stack = localStack();
    const applicantId = byLastName("O'Neil").id;
    const docs = (await gqlOk(alice, ListDocumentsDocument, { applicantId })).listDocuments.items;
    const photo = docs.find((d) => d.fileName === 'photo.png');
    const s3 = new S3Client({ ...awsClientConfig(stack.urls.s3), forcePathStyle: true });
    const key = documentObjectKey(applicantId, String(photo?.id));
    const outcome = await processLandedObject(
      {
        s3,
        api: createIamGraphqlClient({ url: stack.urls.graphql, region: stack.region, credentials: async () => stack.credentials }),
        logger: createLogger('upload-landed'),
      },
      stack.bucketName,
      key,
    );
    expect(outcome).toBe('ignored');
    const head = await s3.send(new HeadObjectCommand({ Bucket: stack.bucketName, Key: key }));
    expect(head.ContentLength).toBe(files.photo.length);
  });

  it('then her thread holds her messages as written, quotes and newlines included', async () => {
    const messages = (await gqlOk(alice, ListMessagesDocument, { applicantId: byLastName("O'Neil").id })).listMessages.items;
    expect(messages.map((m) => m.body).sort()).toEqual(
      ['A note outside any thread', "Hello, it's me.\nSecond line, \"quoted\"", 'To whoever reads this', 'Welcome! Please upload your transcript.'].sort(),
    );
    expect(messages.find((m) => m.body.startsWith('Hello'))).toMatchObject({ senderId: alice.sub, senderSide: 'APPLICANT' });
  });

  it('then she sees the tasks given to her and those on her applicants', async () => {
    const mine = (await gqlOk(alice, ListTasksDocument, {})).listTasks.items;
    expect(mine.map((t) => t.title)).toEqual(['Upload passport']);
    expect(mine[0]).toMatchObject({ assigneeId: alice.sub, status: 'IN_PROGRESS' });
    const onFirst = (await gqlOk(alice, ListTasksDocument, { applicantId: byLastName("O'Neil").id })).listTasks.items;
    expect(onFirst.map((t) => t.title).sort()).toEqual(['Check transcript', 'Welcome call']);
  });

  it('then her payments carry the amounts she paid', async () => {
    const first = (await gqlOk(alice, ListPaymentsDocument, { applicantId: byLastName("O'Neil").id })).listPayments.items;
    expect(first.map((p) => [p.amountCents, p.status, p.userId]).sort()).toEqual([
      [12345, 'SUCCEEDED', alice.sub],
      [7000, 'SUCCEEDED', alice.sub],
    ]);
    const second = (await gqlOk(alice, ListPaymentsDocument, { applicantId: byLastName('Second').id })).listPayments.items;
    expect(second.map((p) => [p.amountCents, p.status])).toEqual([[5000, 'EXPIRED']]);
  });

  it('then her history is there: reviews, eligibility checks, and (for an admin) her audit trail', async () => {
    const applicantId = byLastName("O'Neil").id;
    const reviews = (await gqlOk(alice, ListReviewsDocument, { applicantId })).listReviews.items;
    expect(reviews.map((r) => r.feedback).sort()).toEqual(['', 'Strong "transcript",\nneeds a reference']);
    const checks = (await gqlOk(alice, ListEligibilityChecksDocument, { applicantId })).listEligibilityChecks.items;
    expect(checks).toHaveLength(1);
    expect(checks[0]).toMatchObject({ gpa: 3.6, eligible: true });
    const admin = await signInDemoUser('admin');
    const audit = (await gqlOk(admin, ListAuditEventsDocument, { actorId: alice.sub })).listAuditEvents.items;
    expect(audit.map((e) => e.action).sort()).toEqual(['DOCUMENT_UPLOAD_INITIATED', 'FILE_UPLOAD_COMPLETED']);
    expect(JSON.parse(String(audit.find((e) => e.action === 'DOCUMENT_UPLOAD_INITIATED')?.details))).toMatchObject({
      filename: 'transcript.pdf',
      ok: true,
      note: null,
    });
  });

  it('then a later migration run finds her data under her sub and writes nothing', async () => {
    const rerun = await runMigrateCli(['--source', legacy.cluster.url]);
    expect(rerun.code, rerun.stderr).toBe(0);
    expect(rerun.stdout).toContain('items written 0,');
    expect(rerun.stdout).toContain('claim entries written 0,');
  }, 60_000);
});

describe('old staff and admins sign in with their old passwords', () => {
  it('then the manager is staff and sees the applicants and tasks assigned to them', async () => {
    const maria = await signIn(emails.maria, oldPasswords.maria);
    expect(maria.groups).toEqual(['staff']);
    const assigned = (await gqlOk(maria, ListApplicantsDocument, { assignedStaffId: maria.sub })).listApplicants.items;
    expect(assigned.map((a) => `${a.firstName} ${a.lastName}`).sort()).toEqual(["Alice O'Neil", 'Erin E', 'Seed Two']);
    const tasks = (await gqlOk(maria, ListTasksDocument, { assigneeId: maria.sub })).listTasks.items;
    expect(tasks.map((t) => [t.title, t.status]).sort()).toEqual([
      ['Chase Erin', 'PENDING'],
      ['Check transcript', 'PENDING'],
      ['Welcome call', 'COMPLETED'],
    ]);
  });

  it('then root is an admin, owns the seed applicants and holds the task nobody was given', async () => {
    const root = await signIn(emails.root, oldPasswords.root);
    expect(root.groups).toEqual(['admin']);
    const own = (await gqlOk(root, ListMyApplicantsDocument, {})).listMyApplicants.items;
    expect(own.map((a) => a.lastName).sort()).toEqual(['One', 'Two']);
    const tasks = (await gqlOk(root, ListTasksDocument, {})).listTasks.items;
    expect(tasks.map((t) => t.title)).toEqual(['Renew the domain']);
  });

  it('then no operation an admin can call returns an old password hash', async () => {
    const admin = await signInDemoUser('admin');
    const day = '2024-03-08';
    const answers = await Promise.all([
      gql(admin, ListApplicantsDocument, { limit: 100 }),
      gql(admin, ListAuditEventsDocument, { day, limit: 100 }),
      gql(admin, ListAuditEventsDocument, { resourceType: 'USER', resourceId: legacyUserId(6), limit: 100 }),
      gql(admin, ListPaymentsDocument, { limit: 100 }),
      gql(admin, ListTasksDocument, { status: 'PENDING', limit: 100 }),
    ]);
    for (const answer of answers) {
      expect(answer.errors).toEqual([]);
      expect(JSON.stringify(answer.data)).not.toMatch(/\$2[aby]\$/);
    }
    // The credential of a user who has not signed in yet is there, with no index key that any query could reach.
    const credential = await getItem(legacyCredentialKey(emails.erin));
    expect(String(credential?.passwordHash)).toMatch(/^\$2[ab]\$04\$/);
    expect(Object.keys(credential ?? {}).filter((k) => k.startsWith('gsi'))).toEqual([]);
  });
});
