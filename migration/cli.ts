// npm run migrate -- --source postgres://user@host/db [--dry-run] [--table T] [--old-bucket B] [--bucket B] [--user-pool-id P]
// Reads the old PostgreSQL database and writes the new table (docs/migration.md). AWS settings come from the usual
// SDK environment (AWS_REGION, credentials); DYNAMODB_ENDPOINT / S3_ENDPOINT / COGNITO_ENDPOINT aim it at local emulators.
import { CognitoIdentityProviderClient } from '@aws-sdk/client-cognito-identity-provider';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { S3Client } from '@aws-sdk/client-s3';
import { parseArgs } from 'node:util';
import { legacyTables } from './legacy-rows.ts';
import { progressBar } from './progress.ts';
import { runMigration } from './run.ts';
import { readLegacyData } from './source.ts';

const { values } = parseArgs({
  options: {
    source: { type: 'string' },
    'dry-run': { type: 'boolean', default: false },
    table: { type: 'string', default: process.env.TABLE_NAME },
    'old-bucket': { type: 'string', default: process.env.LEGACY_BUCKET },
    bucket: { type: 'string', default: process.env.DOCUMENTS_BUCKET },
    'user-pool-id': { type: 'string', default: process.env.USER_POOL_ID },
  },
});

function fail(message: string): never {
  console.error(message);
  process.exit(2);
}

if (!values.source) fail('--source postgres://… is required (the old database)');
if (!values.table) fail('--table (or TABLE_NAME) is required: the new DynamoDB table');
if (!!values['old-bucket'] !== !!values.bucket) fail('--old-bucket and --bucket go together (or neither: files are not copied)');

const s3 = () => new S3Client({ forcePathStyle: !!process.env.S3_ENDPOINT, ...(process.env.S3_ENDPOINT ? { endpoint: process.env.S3_ENDPOINT } : {}) });
const started = Date.now();
const data = await readLegacyData(values.source);
const report = await runMigration(data, {
  dynamodb: new DynamoDBClient(process.env.DYNAMODB_ENDPOINT ? { endpoint: process.env.DYNAMODB_ENDPOINT } : {}),
  tableName: values.table,
  dryRun: values['dry-run'],
  ...(values['user-pool-id']
    ? {
        userPool: {
          cognito: new CognitoIdentityProviderClient(process.env.COGNITO_ENDPOINT ? { endpoint: process.env.COGNITO_ENDPOINT } : {}),
          userPoolId: values['user-pool-id'],
        },
      }
    : {}),
  progress: progressBar(true),
  ...(values.bucket && values['old-bucket']
    ? { buckets: { source: { s3: s3(), bucket: values['old-bucket'] }, target: { s3: s3(), bucket: values.bucket } } }
    : {}),
});
if (values['dry-run']) console.log(`Dirty rows and the decision taken:\n${report.dirtyRows() || '(none)'}\n`);
console.log(report.reconciliation(legacyTables));
for (const q of report.quarantined) console.log(`quarantined: document ${q.documentId} (${q.legacyKey}) → ${q.key}: ${q.reason}`);
console.log(
  `\n${values['dry-run'] ? 'Dry run: nothing written. ' : ''}items written ${report.itemsWritten}, unchanged ${report.itemsUnchanged}, ` +
    `claim entries written ${report.claimEntriesWritten}, counter shards changed ${report.counterShardsChanged}, ` +
    `files copied ${report.filesCopied}, quarantined ${report.quarantined.length}, DynamoDB requests ${report.totalRequests()}, ` +
    `${((Date.now() - started) / 1000).toFixed(1)} s`,
);
