// ONE Query of the counters partition (its few shards, lib/counters.ts), kept in step by every write and summed here.
// Every status is listed, zeros included; revenue only for admins (staff get null).
import type { Context } from '@aws-appsync/utils';
import { isAdmin } from '../lib/context.ts';
import { applicantStatusCounter, counterShardCount, sumCounterShards } from '../lib/counters.ts';
import { countersPartition, counterShardPrefix } from '../lib/keys.ts';
import { applicantStatuses } from '../lib/pipeline.ts';
import { queryPage } from '../lib/requests.ts';
import { raiseDataSourceError } from '../lib/errors.ts';

export function request() {
  return queryPage({
    partitionKey: 'pk',
    partitionValue: countersPartition,
    sortKey: 'sk',
    sortBeginsWith: counterShardPrefix,
    limit: counterShardCount,
    newestFirst: false,
  });
}

export function response(ctx: Context) {
  raiseDataSourceError(ctx);
  const { totals, updatedAt } = sumCounterShards((ctx.result && ctx.result.items) || []);
  const count = (name: string): number => totals[name] || 0;
  return {
    applicantsByStatus: applicantStatuses.map((status) => ({ status, count: count(applicantStatusCounter(status)) })),
    acceptedClients: count(applicantStatusCounter('ACCEPTED')),
    pendingTasks: count('pendingTasks'),
    totalRevenueCents: isAdmin(ctx) ? count('revenueCents') : null,
    updatedAt,
  };
}
