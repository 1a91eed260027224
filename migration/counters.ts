// The dashboard counters, recomputed from exactly the items migrated (one module, built on resolvers/lib/counters.ts,
// so a change to how counters are kept lands here only).
import { applicantStatusCounter } from '../resolvers/lib/counters.ts';
import { countersKey } from '../resolvers/lib/keys.ts';
import { applicantStatuses } from '../resolvers/lib/pipeline.ts';
import { openTaskStatuses, type TaskStatus } from '../resolvers/lib/tasks.ts';
import type { TableItem } from './map/context.ts';

export function countersItem(items: TableItem[]): TableItem {
  const of = (type: string) => items.filter((i) => i.type === type);
  const applicants = of('APPLICANT');
  const byStatus = Object.fromEntries(
    applicantStatuses.map((s) => [applicantStatusCounter(s), applicants.filter((a) => a.status === s).length]),
  );
  const revenueCents = of('PAYMENT')
    .filter((p) => p.status === 'SUCCEEDED')
    .reduce((sum, p) => sum + Number(p.amountCents), 0);
  // Deterministic, so a rerun over the same data finds the item unchanged: the newest time in the migrated data.
  const updatedAt = items.reduce((max, i) => (typeof i.updatedAt === 'string' && i.updatedAt > max ? i.updatedAt : max), '1970-01-01T00:00:00.000Z');
  return {
    ...countersKey(),
    type: 'COUNTERS',
    ...byStatus,
    pendingTasks: of('TASK').filter((t) => openTaskStatuses.includes(t.status as TaskStatus)).length,
    revenueCents,
    updatedAt,
  };
}
