// Every old row to new items, table by table in dependency order (users before applicants before their children).
import type { LegacyTable } from '../legacy-rows.ts';
import { mapApplicant } from './applicants.ts';
import { mapAudit } from './audit.ts';
import type { MapContext, TableItem } from './context.ts';
import { mapDocument } from './documents.ts';
import { mapEligibility } from './eligibility.ts';
import { mapMessage, threadItem } from './messages.ts';
import { mapConsent } from './ml-consent.ts';
import { mapPayment } from './payments.ts';
import { mapReview } from './reviews.ts';
import { mapTask } from './tasks.ts';
import { mapUser } from './users.ts';

export interface MappedTable {
  table: LegacyTable;
  items: TableItem[];
}

export function mapAll(ctx: MapContext): MappedTable[] {
  const { data, report } = ctx;
  for (const table of Object.keys(data) as LegacyTable[]) report.count(table, data[table].length);
  const out: MappedTable[] = [];
  const each = (table: LegacyTable, map: (row: (typeof data)[LegacyTable][number]) => TableItem | TableItem[] | null) => {
    const items = data[table].flatMap((row) => map(row) ?? []);
    out.push({ table, items });
    return items;
  };
  each('user', (row) => mapUser(ctx, row));
  const bundlesOf = new Map<number, typeof data.documentbundle>();
  for (const b of data.documentbundle) bundlesOf.set(Number(b.applicant_id), [...(bundlesOf.get(Number(b.applicant_id)) ?? []), b]);
  const applicants = each('applicant', (row) => mapApplicant(ctx, row, bundlesOf.get(row.id) ?? []));
  // Bundles live inside the applicant item: each bundle row counts as written with its applicant.
  out.push({ table: 'documentbundle', items: [] });
  each('document', (row) => mapDocument(ctx, row));
  each('applicantreview', (row) => mapReview(ctx, row));
  each('task', (row) => mapTask(ctx, row));
  const messages = each('message', (row) => mapMessage(ctx, row));
  const byApplicant = new Map<string, TableItem[]>();
  for (const m of messages) byApplicant.set(String(m.applicantId), [...(byApplicant.get(String(m.applicantId)) ?? []), m]);
  // One thread per applicant, as createApplicant makes it; counted with the messages.
  out.find((t) => t.table === 'message')?.items.push(...applicants.map((a) => threadItem(a, byApplicant.get(String(a.id)) ?? [])));
  each('payment', (row) => mapPayment(ctx, row));
  each('mltrainingconsent', (row) => mapConsent(ctx, row));
  each('eligibilityresult', (row) => mapEligibility(ctx, row));
  each('auditlog', (row) => mapAudit(ctx, row));
  return out;
}
