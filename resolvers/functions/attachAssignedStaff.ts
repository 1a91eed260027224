// Pipeline function after an applicant list's Query: the assigned staff profiles of the whole page in ONE
// BatchGetItem (distinct ids, at most 100, as a page), attached to each item as `assignedStaff`, so the
// Applicant.assignedStaff field answers from its source without a request. APPSYNC_JS has no BatchInvoke for
// DynamoDB, so the batch lives here in the parent's pipeline. Skipped (no request) when the client did not select
// assignedStaff or nobody on the page is assigned. A key DynamoDB leaves unprocessed stays unattached, and the field
// falls back to its own GetItem for it.
import { runtime, util, type Context } from '@aws-appsync/utils';
import { raiseDataSourceError } from '../lib/errors.ts';
import { tableName } from '../lib/context.ts';
import { userKey } from '../lib/keys.ts';

type Page = { items: { assignedStaffId?: string | null; assignedStaff?: unknown }[]; nextToken: string | null };

function distinctStaffIds(page: Page): string[] {
  const ids: string[] = [];
  for (const item of page.items) {
    const id = item.assignedStaffId;
    if (id && !ids.includes(id)) ids.push(id);
  }
  return ids;
}

export function request(ctx: Context) {
  const page: Page = ctx.prev.result;
  const selected = ctx.info.selectionSetList.includes('items/assignedStaff');
  const staffIds = selected ? distinctStaffIds(page) : [];
  if (staffIds.length === 0) runtime.earlyReturn(page);
  ctx.stash.assignedStaffIds = staffIds;
  return {
    operation: 'BatchGetItem' as const,
    tables: { [tableName(ctx)]: { keys: staffIds.map((id) => util.dynamodb.toMapValues(userKey(id))), consistentRead: false } },
  };
}

export function response(ctx: Context) {
  raiseDataSourceError(ctx);
  const page: Page = ctx.prev.result;
  const table = tableName(ctx);
  const staffIds: string[] = ctx.stash.assignedStaffIds;
  const profiles = ctx.result.data[table] || [];
  const unprocessed = (ctx.result.unprocessedKeys && ctx.result.unprocessedKeys[table]) || [];
  const skipped: string[] = unprocessed.map((key: { pk: string }) => key.pk);
  const byId: Record<string, unknown> = {};
  staffIds.forEach((id, i) => {
    if (!skipped.includes(userKey(id).pk)) byId[id] = profiles[i] || null;
  });
  const items = page.items.map((item) => {
    const id = item.assignedStaffId;
    return id && byId[id] !== undefined ? { ...item, assignedStaff: byId[id] } : item;
  });
  return { items, nextToken: page.nextToken };
}
