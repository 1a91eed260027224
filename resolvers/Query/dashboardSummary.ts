// One GetItem of the counters item, kept in step by every write. Every status is listed, zeros included;
// revenue only for admins (staff get null).
import type { Context } from '@aws-appsync/utils';
import { isAdmin } from '../lib/context.ts';
import { applicantStatusCounter } from '../lib/counters.ts';
import { countersKey } from '../lib/keys.ts';
import { applicantStatuses } from '../lib/pipeline.ts';
import { getItem } from '../lib/requests.ts';
import { raiseDataSourceError } from '../lib/errors.ts';

export function request() {
  return getItem(countersKey());
}

export function response(ctx: Context) {
  raiseDataSourceError(ctx);
  const counters: Record<string, number | string> = ctx.result || {};
  const count = (name: string): number => {
    const value = counters[name];
    return typeof value === 'number' ? value : 0;
  };
  return {
    applicantsByStatus: applicantStatuses.map((status) => ({ status, count: count(applicantStatusCounter(status)) })),
    acceptedClients: count(applicantStatusCounter('ACCEPTED')),
    pendingTasks: count('pendingTasks'),
    totalRevenueCents: isAdmin(ctx) ? count('revenueCents') : null,
    updatedAt: counters.updatedAt || null,
  };
}
