// Tasks assigned to one user: the caller's own, unless staff or an admin name another assignee. Anyone else naming
// another assignee is refused when the subscription starts. NONE data source: it only authorizes and filters.
import { extensions, util, type Context } from '@aws-appsync/utils';
import { callerId, isTeam } from '../lib/context.ts';

export function request() {
  return { payload: null };
}

export function response(ctx: Context) {
  const caller = callerId(ctx);
  const assigneeId = ctx.args.assigneeId || caller;
  if (assigneeId !== caller && !isTeam(ctx)) util.unauthorized();
  extensions.setSubscriptionFilter(util.transform.toSubscriptionFilter({ assigneeId: { eq: assigneeId } }));
  return null;
}
