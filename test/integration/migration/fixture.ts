// The old database and bucket of the migration test: a few people and every dirty case of LEGACY.md, each row
// commented with the case it carries. Ids are explicit so the test can name rows.
import { PutObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import bcrypt from 'bcryptjs';
import type pg from 'pg';

export const legacyBucket = 'legacy-old-documents';

/** The old passwords of the users the test signs in as (bcrypt cost 12, as passlib wrote them). */
export const oldPasswords = {
  alice: 'alice-old-Passw0rd',
  maria: 'maria-old-Passw0rd',
  root: 'root-old-Passw0rd',
  bob: 'bob-old-Passw0rd',
} as const;

export const emails = {
  root: 'root@localhost',
  maria: 'maria@legacy.test.example.com',
  alice: 'alice@legacy.test.example.com',
  bob: 'bob@legacy.test.example.com',
  carol: 'carol@legacy.test.example.com',
  erin: 'erin@legacy.test.example.com',
} as const;

/** File contents: a real PDF and PNG head, text with no allowed type, and a "PDF" that is not one. */
export const files = {
  transcript: Buffer.concat([Buffer.from('%PDF-1.4\n% transcript of alice\n'), Buffer.alloc(2048, 7), Buffer.from('\n%%EOF\n')]),
  photo: Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(512, 3)]),
  notes: Buffer.from('plain text notes\n'),
  fakePdf: Buffer.from('MZ this is an executable, not a PDF'),
  letter: Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(100, 1)]),
  generic: Buffer.from('%PDF-1.3 generic upload'),
};

export const oldKeys = {
  transcript: 'documents/3/0b7f5f4e-1/transcript.pdf',
  photo: 'documents/3/0b7f5f4e-2/photo.png',
  essay: 'documents/4/0b7f5f4e-3/essay.docx',
  letter: 'documents/5/0b7f5f4e-4/letter.pdf',
  notes: 'documents/3/0b7f5f4e-5/notes.txt',
  fakePdf: 'documents/4/0b7f5f4e-6/fake.pdf',
  missing: 'documents/6/0b7f5f4e-7/missing.pdf',
  generic: 'uploads/3/5d1c2a9e-aaaa',
};

const at = (day: number, hour = 9) => `2024-03-${String(day).padStart(2, '0')} ${String(hour).padStart(2, '0')}:00:00`;

export async function loadLegacyRows(db: pg.Client): Promise<void> {
  const hash = (password: string) => bcrypt.hashSync(password, 12);
  const other = bcrypt.hashSync('never-signs-in', 4);
  const q = (sql: string, values: unknown[]) => db.query(sql, values);
  const user = 'INSERT INTO "user" (id, email, full_name, hashed_password, role, is_active, created_at) VALUES ($1,$2,$3,$4,$5,$6,$7)';
  await q(user, [1, emails.root, 'Root Admin', hash(oldPasswords.root), 'root', true, at(1)]); // email without a dot after @
  await q(user, [2, emails.maria, 'Maria Manager', hash(oldPasswords.maria), 'manager', true, at(1, 10)]);
  await q(user, [3, emails.alice, null, hash(oldPasswords.alice), 'client', true, at(2)]); // full_name NULL
  await q(user, [4, emails.bob, 'Bob Inactive', hash(oldPasswords.bob), 'client', false, at(2, 11)]); // inactive
  await q(user, [5, emails.carol, 'Carol NoApplicant', other, 'client', true, at(3)]);
  await q(user, [6, emails.erin, 'Erin', other, 'client', true, at(3, 12)]);

  const applicant =
    'INSERT INTO applicant (id, account_user_id, first_name, last_name, latest_education, country_of_residence, study_destination, level_of_study, annual_budget, income_source, service_interest, status, assigned_manager_id, created_at) VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12,$13,$14)';
  // Root-owned, older than the Alembic columns: every profile column NULL.
  await q(applicant, [1, 1, 'Seed', 'One', null, null, null, null, null, null, null, 'draft', null, at(4)]);
  await q(applicant, [2, 1, 'Seed', 'Two', 'BSc', 'Kenya', 'Canada', 'graduate', '20000', 'Family', 'Application Support', 'accepted', 2, at(4, 10)]);
  await q(applicant, [3, 3, 'Alice', "O'Neil", 'High school', 'Nigeria', 'USA', 'freshman', '$20,000', 'Savings', 'Document Review', 'in_review', 2, at(5)]);
  // UI-only status, budget "20k", assigned to a client (not a manager), two bundles.
  await q(applicant, [4, 3, 'Alice', 'Second', null, 'Nigeria', 'usa', 'continuing_undergrad', '20k', null, 'Scholarship Support', 'documents_accepted', 4, at(5, 12)]);
  // Inactive owner, free-text destination, budget "not sure", no bundle.
  await q(applicant, [5, 4, 'Bob', 'Inactive', null, 'Ghana', 'Germany', 'graduate', 'not sure', null, 'Document Review', 'archived', null, at(6)]);
  // A status the new pipeline does not have.
  await q(applicant, [6, 6, 'Erin', 'E', null, 'Peru', 'USA', 'graduate', null, null, 'Something else', 'on_hold', 2, at(6, 11)]);

  const bundle = 'INSERT INTO documentbundle (id, applicant_id, name, status, created_at) VALUES ($1,$2,$3,$4,$5)';
  await q(bundle, [1, 1, 'Registration documents', 'open', at(4)]);
  await q(bundle, [2, 2, 'Registration documents', 'approved', at(4, 10)]);
  await q(bundle, [3, 3, 'Registration documents', 'open', at(5)]);
  await q(bundle, [4, 4, 'Registration documents', 'open', at(5, 12)]);
  await q(bundle, [5, 4, 'Extra bundle', 'open', at(7)]);
  await q(bundle, [6, 6, 'Registration documents', 'open', at(6, 11)]);

  const document = 'INSERT INTO document (id, bundle_id, filename, content_type, s3_key, size_bytes, scanned_status, created_at) VALUES ($1,$2,$3,$4,$5,$6,$7,$8)';
  await q(document, [1, 3, 'transcript.pdf', 'application/pdf', oldKeys.transcript, files.transcript.length, 'pending', at(8)]);
  await q(document, [2, 3, 'photo.png', 'application/octet-stream', oldKeys.photo, files.photo.length, 'pending', at(8, 10)]); // browser's type
  await q(document, [3, 4, 'essay.docx', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', oldKeys.essay, null, 'pending', at(8, 11)]); // never completed, no object
  await q(document, [4, 5, 'letter.pdf', 'application/pdf', oldKeys.letter, null, 'pending', at(8, 12)]); // never completed, object exists
  await q(document, [5, 3, 'notes.txt', 'text/plain', oldKeys.notes, files.notes.length, 'pending', at(8, 13)]); // no allowed type
  await q(document, [6, 4, 'fake.pdf', 'application/pdf', oldKeys.fakePdf, files.fakePdf.length, 'pending', at(8, 14)]); // fails the magic bytes
  await q(document, [7, 6, 'missing.pdf', 'application/pdf', oldKeys.missing, 1234, 'pending', at(8, 15)]); // object gone

  const review = 'INSERT INTO applicantreview (id, applicant_id, reviewer_user_id, positive, feedback, created_at) VALUES ($1,$2,$3,$4,$5,$6)';
  await q(review, [1, 3, 2, true, 'Strong "transcript",\nneeds a reference', at(9)]);
  await q(review, [2, 3, 1, false, null, at(9, 10)]); // feedback NULL

  const task = 'INSERT INTO task (id, applicant_id, assignee_id, title, description, status, due_at, created_at, updated_at) VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9)';
  await q(task, [1, 3, 2, 'Check transcript', 'Compare with the "official" copy', 'pending', at(20), at(10), at(10)]);
  await q(task, [2, null, null, 'Renew the domain', null, 'pending', null, at(10, 10), at(10, 10)]); // no applicant, no assignee
  await q(task, [3, 4, 3, 'Upload passport', null, 'in_progress', at(21), at(10, 11), at(11)]); // assignee is a client
  await q(task, [4, 3, 2, 'Welcome call', null, 'completed', null, at(10, 12), at(12)]);
  await q(task, [5, 6, 2, 'Chase Erin', null, 'blocked', null, at(10, 13), at(10, 13)]); // status not in the new set

  const message = 'INSERT INTO message (id, applicant_id, sender_id, recipient_id, body, created_at, read_at) VALUES ($1,$2,$3,$4,$5,$6,$7)';
  await q(message, [1, 3, 3, 2, "Hello, it's me.\nSecond line, \"quoted\"", at(11), at(11, 10)]);
  await q(message, [2, 3, 2, 3, 'Welcome! Please upload your transcript.', at(11, 11), null]);
  await q(message, [3, null, 2, 3, 'A note outside any thread', at(11, 12), null]); // no applicant: alice's first
  await q(message, [4, null, 2, null, 'Broadcast to nobody', at(11, 13), null]); // no applicant, no recipient: skipped
  await q(message, [5, 3, 3, null, 'To whoever reads this', at(11, 14), null]); // no recipient
  await q(message, [6, null, 2, 5, 'Carol has no applicant', at(11, 15), null]); // no applicant anywhere: skipped

  const payment =
    'INSERT INTO payment (id, applicant_id, user_id, amount_cents, currency, stripe_payment_intent_id, stripe_checkout_session_id, status, created_at, updated_at) VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10)';
  await q(payment, [1, 3, 3, 12345, 'usd', 'pi_old_1', 'cs_old_1', 'succeeded', at(12), at(12, 10)]); // client-chosen amount
  await q(payment, [2, 4, 3, 5000, 'usd', null, 'cs_old_2', 'created', at(12, 11), at(12, 11)]); // abandoned checkout
  await q(payment, [3, null, 3, 7000, 'usd', 'pi_old_3', 'cs_old_3', 'succeeded', at(12, 12), at(12, 12)]); // no applicant
  await q(payment, [4, 2, null, 10000, 'usd', 'pi_old_4', 'cs_old_4', 'succeeded', at(12, 13), at(12, 13)]); // no user
  await q(payment, [5, null, null, 999, 'usd', null, 'cs_old_5', 'created', at(12, 14), at(12, 14)]); // neither: skipped

  const audit = 'INSERT INTO auditlog (id, user_id, action, resource_type, resource_id, extra_data, ip_address, created_at) VALUES ($1,$2,$3,$4,$5,$6,$7,$8)';
  await q(audit, [1, 3, 'document_upload_initiated', 'document', '1', "{'filename': 'transcript.pdf', 'ok': True, 'note': None}", '10.0.0.1', at(8)]);
  await q(audit, [2, 3, 'file_upload_completed', 's3_object', oldKeys.generic, "{'size': 23, 'name': \"it's.pdf\"}", '10.0.0.1', at(8, 16)]);
  await q(audit, [3, null, 'payment_succeeded', 'payment', '1', "{'session': 'cs_old_1', 'amount': 12345}", null, at(12, 10)]); // no user
  await q(audit, [4, 2, 'payment_checkout_created', 'payment', '2', "{'broken': ", '10.0.0.2', at(12, 11)]); // not even a repr

  const consent = 'INSERT INTO mltrainingconsent (id, user_id, applicant_id, consent_given, version, consented_at, revoked_at) VALUES ($1,$2,$3,$4,$5,$6,$7)';
  await q(consent, [1, 3, 3, true, 'v1', at(13), null]);
  await q(consent, [2, 3, 4, false, 'v1', at(13, 10), at(14)]); // revoked
  await q(consent, [3, null, 3, true, 'v1', at(13, 11), null]); // no user: skipped

  const eligibility = 'INSERT INTO eligibilityresult (id, applicant_id, input_payload, result_payload, created_at) VALUES ($1,$2,$3,$4,$5)';
  await q(eligibility, [
    1,
    3,
    JSON.stringify({ applicant_id: 3, gpa: 3.6, toefl: 100, notes: 'ok' }),
    JSON.stringify({ is_eligible: true, recommendations: ['Apply early'], evaluated_by_user_id: 2, created_at: '2024-03-15T09:00:00' }),
    at(15),
  ]);
  await q(eligibility, [2, 4, 'not json', '{}', at(15, 10)]); // not the documented JSON: skipped
}

/** The old bucket: every object the rows name, except the two that were never there. */
export async function putOldObjects(s3: S3Client): Promise<void> {
  const put = (key: string, body: Buffer, contentType: string) =>
    s3.send(new PutObjectCommand({ Bucket: legacyBucket, Key: key, Body: body, ContentType: contentType }));
  await put(oldKeys.transcript, files.transcript, 'application/pdf');
  await put(oldKeys.photo, files.photo, 'application/octet-stream');
  await put(oldKeys.letter, files.letter, 'application/pdf');
  await put(oldKeys.notes, files.notes, 'text/plain');
  await put(oldKeys.fakePdf, files.fakePdf, 'application/pdf');
  await put(oldKeys.generic, files.generic, 'application/pdf');
}
