// `npm run migrate` as an operator runs it (tsx migration/cli.ts), aimed at the stack's DynamoDB and S3.
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { localStack } from '../../../setup/local-stack.ts';
import { legacyBucket } from '../fixture.ts';

const root = join(import.meta.dirname, '..', '..', '..', '..');

export function runMigrateCli(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const stack = localStack();
  const env = {
    ...process.env,
    AWS_REGION: stack.region,
    AWS_ACCESS_KEY_ID: stack.credentials.accessKeyId,
    AWS_SECRET_ACCESS_KEY: stack.credentials.secretAccessKey,
    DYNAMODB_ENDPOINT: stack.urls.dynamodb,
    S3_ENDPOINT: stack.urls.s3,
    COGNITO_ENDPOINT: stack.urls.cognito,
    USER_POOL_ID: stack.userPoolId,
    TABLE_NAME: stack.tableName,
    LEGACY_BUCKET: legacyBucket,
    DOCUMENTS_BUCKET: stack.bucketName,
  };
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [join(root, 'node_modules', 'tsx', 'dist', 'cli.mjs'), join(root, 'migration', 'cli.ts'), ...args], {
      cwd: root,
      env,
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}
