// One migration run: read the old database, check the files, map, write (items table by table, the claim list, the
// counters), then copy the files. Every write is compare-then-put, so a rerun writes nothing and a crashed run resumes.
import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { legacyClaimedKey } from '../resolvers/lib/keys.ts';
import { claimEntries } from './claims.ts';
import { applyMigratedCounters } from './counters.ts';
import { ensureDisabledUsers, type UserPool } from './disabled-users.ts';
import { copyDocumentFiles, copyGenericUploads, inspectDocumentFiles, type Buckets } from './files.ts';
import { legacyUserId } from './ids.ts';
import type { LegacyData } from './legacy-rows.ts';
import { mapAll } from './map/index.ts';
import type { MapContext } from './map/context.ts';
import type { Progress } from './progress.ts';
import { MigrationReport } from './report.ts';
import { getItems, writeChanged, type Writer } from './writer.ts';

export interface RunOptions {
  dynamodb: DynamoDBClient;
  tableName: string;
  /** Without buckets, files are neither checked nor copied (documents are mapped from their rows alone). */
  buckets?: Buckets;
  /** Where inactive users are created disabled; required for a run (not a dry run) when there are any. */
  userPool?: UserPool;
  dryRun: boolean;
  progress?: Progress;
}

function newest(data: LegacyData): Date {
  let max = 0;
  // mltrainingconsent has no created_at, only consented_at.
  for (const rows of Object.values(data)) for (const r of rows) max = Math.max(max, ((r.created_at ?? r.consented_at) as Date).getTime());
  return new Date(max);
}

export async function runMigration(data: LegacyData, options: RunOptions): Promise<MigrationReport> {
  const report = new MigrationReport();
  const w: Writer = { client: options.dynamodb, tableName: options.tableName, report };
  // Users who signed in since an earlier run own their data under their sub now: map them to it.
  const markers = await getItems(w, data.user.map((u) => legacyClaimedKey(legacyUserId(u.id))));
  const claimed = new Map<string, string>();
  for (const m of markers.values()) claimed.set(String(m.legacyUserId), String(m.sub));
  if (!options.dryRun && data.user.some((u) => u.is_active === false)) {
    if (!options.userPool) throw new Error('--user-pool-id (or USER_POOL_ID) is required: inactive users are created in Cognito, disabled');
    for (const [legacyId, sub] of await ensureDisabledUsers(options.userPool, data.user)) claimed.set(legacyId, sub);
  }
  const ctx: MapContext = {
    data,
    report,
    users: new Map(),
    applicants: new Map(),
    bundleApplicant: new Map(),
    documentIds: new Map(),
    paymentIds: new Map(),
    files: options.buckets ? await inspectDocumentFiles(options.buckets, data.document) : new Map(),
    claimed,
    now: newest(data),
  };
  const tables = mapAll(ctx);
  const all = tables.flatMap((t) => t.items);
  const claims = claimEntries([...ctx.users.values()], all);
  for (const t of tables) report.mappedFor(t.table, t.items.length);
  if (options.dryRun) return report;

  const progress = options.progress;
  progress?.start(all.length + claims.length, 'migrate');
  // Items first, then the claim list that points at them, then the counters of what is there, then the files.
  for (const t of tables) report.wroteFor(t.table, await writeChanged(w, t.items, (n) => progress?.advance(n)));
  report.claimEntriesWritten = await writeChanged(w, claims, (n) => progress?.advance(n));
  progress?.stop();
  report.counterShardsChanged = await applyMigratedCounters(w, all, new Date().toISOString());
  if (options.buckets) {
    await copyDocumentFiles(options.buckets, all.filter((i) => i.type === 'DOCUMENT'), report);
    await copyGenericUploads(options.buckets, data.auditlog, report);
  }
  return report;
}
