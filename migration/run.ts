// One migration run: read the old database, check the files, map, write (items, claim list, counters), copy files.
import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { legacyClaimedKey } from '../resolvers/lib/keys.ts';
import { claimEntries } from './claims.ts';
import { countersItem } from './counters.ts';
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
  dryRun: boolean;
  progress?: Progress;
}

function newest(data: LegacyData): Date {
  let max = 0;
  for (const rows of Object.values(data)) for (const r of rows) max = Math.max(max, r.created_at.getTime());
  return new Date(max);
}

export async function runMigration(data: LegacyData, options: RunOptions): Promise<MigrationReport> {
  const report = new MigrationReport();
  const w: Writer = { client: options.dynamodb, tableName: options.tableName, report };
  // Users who signed in since an earlier run own their data under their sub now: map them to it.
  const markers = await getItems(w, data.user.map((u) => legacyClaimedKey(legacyUserId(u.id))));
  const claimed = new Map<string, string>();
  for (const m of markers.values()) claimed.set(String(m.legacyUserId), String(m.sub));
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
  const counters = countersItem(all);
  for (const t of tables) report.wroteFor(t.table, t.items.length);
  report.wroteFor('documentbundle', 0);
  if (options.dryRun) return report;

  const progress = options.progress;
  progress?.start(all.length + claims.length + 1, 'migrate');
  // Items first, then the claim list that points at them, then the counters of what is there.
  await writeChanged(w, all, (n) => progress?.advance(n));
  await writeChanged(w, claims, (n) => progress?.advance(n));
  await writeChanged(w, [counters], (n) => progress?.advance(n));
  progress?.stop();
  if (options.buckets) {
    await copyDocumentFiles(options.buckets, all.filter((i) => i.type === 'DOCUMENT'), report);
    await copyGenericUploads(options.buckets, data.auditlog, report);
  }
  return report;
}
