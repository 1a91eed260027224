// The old system for the migration test: a real PostgreSQL 15 with the old schema and the fixture's rows, and the old
// bucket in the stack's local S3 with the fixture's objects.
import { CreateBucketCommand, S3Client } from '@aws-sdk/client-s3';
import pg from 'pg';
import { awsClientConfig, localStack } from '../../../setup/local-stack.ts';
import { legacySchemaSql } from '../../../setup/legacy-schema.ts';
import { startPostgres, type PostgresCluster } from '../../../setup/postgres.ts';
import { legacyBucket, loadLegacyRows, putOldObjects } from '../fixture.ts';

export interface LegacySource {
  cluster: PostgresCluster;
  /** Runs SQL against the old database (for the test's own counts). */
  sql<R extends Record<string, unknown>>(text: string): Promise<R[]>;
  s3: S3Client;
  stop(): Promise<void>;
}

export async function startLegacySource(): Promise<LegacySource> {
  const cluster = await startPostgres();
  const db = new pg.Client(cluster.url);
  await db.connect();
  await db.query(legacySchemaSql);
  await loadLegacyRows(db);
  const s3 = new S3Client({ ...awsClientConfig(localStack().urls.s3), forcePathStyle: true });
  try {
    await s3.send(new CreateBucketCommand({ Bucket: legacyBucket }));
  } catch (error) {
    if ((error as Error).name !== 'BucketAlreadyOwnedByYou' && (error as Error).name !== 'BucketAlreadyExists') throw error;
  }
  await putOldObjects(s3);
  return {
    cluster,
    sql: async <R extends Record<string, unknown>>(text: string) => (await db.query<R>(text)).rows,
    s3,
    async stop() {
      await db.end();
      cluster.stop();
    },
  };
}
