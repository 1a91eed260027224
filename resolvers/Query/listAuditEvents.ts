// Admins only (schema directive). Exactly one way in, each one Query, newest first (sort keys are ULIDs):
// one resource (resourceType + resourceId): its partition AUDIT#<type>#<id>; one actor: gsi1 ACTOR#<id>;
// one UTC day: gsi2 AUDIT_DAY#<YYYY-MM-DD>.
import { util, type Context } from '@aws-appsync/utils';
import { invalid, raiseDataSourceError } from '../lib/errors.ts';
import { auditKey, gsi } from '../lib/keys.ts';
import { connection, pageLimit } from '../lib/paging.ts';
import { queryPage } from '../lib/requests.ts';
import { text } from '../lib/validate.ts';

const oneWayIn = 'give exactly one of resourceType with resourceId, actorId, or day';

export function request(ctx: Context) {
  const { resourceType, resourceId, actorId, day, nextToken } = ctx.args;
  const limit = pageLimit(ctx.args.limit);
  const byResource = !!resourceType || !!resourceId;
  const ways = [byResource, !!actorId, !!day].filter((given) => given).length;
  if (ways !== 1) invalid('arguments', oneWayIn);
  if (byResource) {
    if (!resourceType) invalid('resourceType', 'is required with resourceId');
    if (!resourceId) invalid('resourceId', 'is required with resourceType');
    const partition = auditKey(resourceType, text('resourceId', resourceId, 1, 128), '').pk;
    return queryPage({ partitionKey: 'pk', partitionValue: partition, limit, nextToken });
  }
  if (actorId) {
    return queryPage({
      index: 'gsi1',
      partitionKey: 'gsi1pk',
      partitionValue: gsi.actor(text('actorId', actorId, 1, 2048)),
      limit,
      nextToken,
    });
  }
  if (!util.matches('^[0-9]{4}-[0-9]{2}-[0-9]{2}$', day)) invalid('day', 'must be a UTC date written YYYY-MM-DD');
  return queryPage({ index: 'gsi2', partitionKey: 'gsi2pk', partitionValue: gsi.auditDay(day), limit, nextToken });
}

export function response(ctx: Context) {
  raiseDataSourceError(ctx);
  return connection(ctx.result);
}
