// `npm run bench:migration [-- --applicants 10000]`: the legacy migration at scale. Starts a throwaway PostgreSQL 15
// with the old schema (test/setup/postgres.ts) and DynamoDB Local with the table, generates N applicants with their
// rows (a client each, a bundle, 2 documents, a review, a task, 3 messages, a payment, 2 audit entries, an ML consent
// and an eligibility result; 10 managers and a root), then runs the migration twice and prints rows/s and the DynamoDB
// requests of each run by type. Files are not part of it (no buckets): it measures the database side.
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import bcrypt from 'bcryptjs';
import pg from 'pg';
import { startDynamoDbLocal } from '../local/emulators/dynamodb-local.ts';
import { freePort } from '../local/emulators/ports.ts';
import { ensureTable } from '../local/emulators/table.ts';
import { legacyTables } from '../migration/legacy-rows.ts';
import { runMigration } from '../migration/run.ts';
import { readLegacyData } from '../migration/source.ts';
import { legacySchemaSql } from '../test/setup/legacy-schema.ts';
import { startPostgres } from '../test/setup/postgres.ts';

const at = process.argv.indexOf('--applicants');
const n = at > 0 ? Number(process.argv[at + 1]) : 10_000;

/** The old rows, generated in PostgreSQL itself: ids 1 (root), 2–11 (managers), 12… (one client per applicant). */
function generateSql(hash: string): string {
  const ts = (expr: string) => `timestamp '2023-01-01' + (${expr}) * interval '1 minute'`;
  return `
INSERT INTO "user" (id, email, full_name, hashed_password, role, is_active, created_at)
  SELECT 1, 'root@localhost', 'Root', '${hash}', 'root', true, ${ts('0')}
  UNION ALL SELECT i, 'manager' || i || '@bench.example.com', 'Manager ' || i, '${hash}', 'manager', true, ${ts('i')} FROM generate_series(2, 11) i
  UNION ALL SELECT 11 + i, 'client' || i || '@bench.example.com', CASE WHEN i % 7 = 0 THEN NULL ELSE 'Client ' || i END, '${hash}', 'client', true, ${ts('20 + i')}
    FROM generate_series(1, ${n}) i;
INSERT INTO applicant (id, account_user_id, first_name, last_name, status, assigned_manager_id, created_at, country_of_residence, study_destination, level_of_study, annual_budget, service_interest)
  SELECT i, 11 + i, 'First' || i, 'Last' || i, (ARRAY['draft','in_review','accepted','rejected','archived','documents_accepted'])[1 + i % 6],
    CASE WHEN i % 3 = 0 THEN NULL ELSE 2 + i % 10 END, ${ts('30 + i')},
    CASE WHEN i % 4 = 0 THEN NULL ELSE 'Kenya' END, (ARRAY['USA','Canada','usa',NULL])[1 + i % 4], (ARRAY['freshman','graduate','continuing_undergrad',NULL])[1 + i % 4],
    (ARRAY['20000','$20,000','20k','not sure',NULL])[1 + i % 5], (ARRAY['Document Review','Application Support','Scholarship Support',NULL])[1 + i % 4]
  FROM generate_series(1, ${n}) i;
INSERT INTO documentbundle (id, applicant_id, name, status, created_at) SELECT i, i, 'Registration documents', 'open', ${ts('31 + i')} FROM generate_series(1, ${n}) i;
INSERT INTO document (bundle_id, filename, content_type, s3_key, size_bytes, created_at)
  SELECT 1 + (d - 1) % ${n}, 'file' || d || '.pdf', 'application/pdf', 'documents/' || (1 + (d - 1) % ${n}) || '/u' || d || '/file.pdf', 1000 + d, ${ts('32 + d')}
  FROM generate_series(1, ${2 * n}) d;
INSERT INTO applicantreview (applicant_id, reviewer_user_id, positive, feedback, created_at)
  SELECT i, 2 + i % 10, i % 2 = 0, CASE WHEN i % 3 = 0 THEN NULL ELSE 'Feedback "' || i || '",\nsecond line' END, ${ts('40 + i')} FROM generate_series(1, ${n}) i;
INSERT INTO task (applicant_id, assignee_id, title, status, created_at, updated_at)
  SELECT CASE WHEN i % 10 = 0 THEN NULL ELSE i END, CASE WHEN i % 9 = 0 THEN NULL ELSE 2 + i % 10 END, 'Task ' || i,
    (ARRAY['pending','in_progress','completed'])[1 + i % 3], ${ts('41 + i')}, ${ts('42 + i')} FROM generate_series(1, ${n}) i;
INSERT INTO message (applicant_id, sender_id, recipient_id, body, created_at, read_at)
  SELECT CASE WHEN m % 11 = 0 THEN NULL ELSE 1 + (m - 1) % ${n} END, CASE WHEN m % 2 = 0 THEN 12 + (m - 1) % ${n} ELSE 2 + m % 10 END,
    CASE WHEN m % 2 = 0 THEN 2 + m % 10 ELSE 12 + (m - 1) % ${n} END, 'Message ' || m || E' it''s "quoted"\\nline', ${ts('43 + m')},
    CASE WHEN m % 4 = 0 THEN ${ts('44 + m')} ELSE NULL END FROM generate_series(1, ${3 * n}) m;
INSERT INTO payment (applicant_id, user_id, amount_cents, stripe_checkout_session_id, status, created_at, updated_at)
  SELECT i, 11 + i, 1000 + i, 'cs_' || i, (ARRAY['succeeded','created'])[1 + i % 2], ${ts('50 + i')}, ${ts('50 + i')} FROM generate_series(1, ${n}) i;
INSERT INTO auditlog (user_id, action, resource_type, resource_id, extra_data, created_at)
  SELECT 11 + 1 + (a - 1) % ${n}, 'document_upload_completed', 'document', a::text, '{''ok'': True, ''note'': None, ''n'': ' || a || '}', ${ts('60 + a')}
  FROM generate_series(1, ${2 * n}) a;
INSERT INTO mltrainingconsent (user_id, applicant_id, consent_given, version, consented_at)
  SELECT 11 + i, i, true, 'v1', ${ts('70 + i')} FROM generate_series(1, ${n}) i;
INSERT INTO eligibilityresult (applicant_id, input_payload, result_payload, created_at)
  SELECT i, '{"applicant_id": ' || i || ', "gpa": 3.5, "toefl": 95, "notes": null}',
    '{"is_eligible": true, "recommendations": ["A"], "evaluated_by_user_id": 2, "created_at": "2024-01-01T00:00:00"}', ${ts('80 + i')}
  FROM generate_series(1, ${n}) i;
`;
}

const cluster = await startPostgres();
const dynamoPort = await freePort();
const dynamo = await startDynamoDbLocal({ port: dynamoPort, inMemory: true });
try {
  const db = new pg.Client(cluster.url);
  await db.connect();
  await db.query(legacySchemaSql);
  await db.query(generateSql(bcrypt.hashSync('bench-password', 4)));
  await db.end();
  const client = new DynamoDBClient({ endpoint: dynamo.endpoint, region: 'us-east-1', credentials: { accessKeyId: 'bench', secretAccessKey: 'bench' } });
  const tableName = 'migration-bench';
  await ensureTable(client, tableName);

  for (const label of ['first run', 'second run (rerun: nothing to write)']) {
    const started = performance.now();
    const data = await readLegacyData(cluster.url);
    const readSeconds = (performance.now() - started) / 1000;
    const report = await runMigration(data, { dynamodb: client, tableName, dryRun: false });
    const seconds = (performance.now() - started) / 1000;
    const rows = legacyTables.reduce((sum, t) => sum + (report.read.get(t) ?? 0), 0);
    console.log(`\n${label}: ${n} applicants, ${rows} rows in ${seconds.toFixed(1)} s (reading PostgreSQL ${readSeconds.toFixed(1)} s)`);
    console.log(`  ${Math.round(rows / seconds)} rows/s; items written ${report.itemsWritten}, unchanged ${report.itemsUnchanged}, claim entries written ${report.claimEntriesWritten}`);
    const requests = [...report.requests.entries()].sort(([a], [b]) => a.localeCompare(b));
    console.log(`  DynamoDB requests ${report.totalRequests()}: ${requests.map(([op, count]) => `${op} ${count}`).join(', ')}`);
  }
} finally {
  await dynamo.stop();
  cluster.stop();
}
