import { util } from '@aws-appsync/utils';
import { countersKey } from './keys.ts';
import { txUpdate, update } from './requests.ts';

/** The dashboard counter of applicants in one status. */
export const applicantStatusCounter = (status: string): string => `applicants_${status}`;

/** Moves dashboard counters inside the transaction of the write that changes them (ADD creates missing counters). */
export function countersUpdate(table: string, deltas: Record<string, number>) {
  return txUpdate(table, countersKey(), update({ set: { updatedAt: util.time.nowISO8601() }, add: deltas }));
}
