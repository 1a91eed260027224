// With an id, its owner, staff and admins may subscribe, and hear only that applicant (its owner never changes, so the
// check at the start holds for every later event). Without an id, only staff and admins, who hear every applicant.
import { extensions, runtime, util, type Context } from '@aws-appsync/utils';
import { isTeam } from '../lib/context.ts';
import { ulid } from '../lib/validate.ts';

export function request(ctx: Context) {
  const id = ctx.args.id;
  if (!id) {
    if (!isTeam(ctx)) util.unauthorized();
    runtime.earlyReturn({});
  }
  ctx.stash.applicantId = ulid('id', id);
  return {};
}

export function response(ctx: Context) {
  if (ctx.args.id) {
    extensions.setSubscriptionFilter(util.transform.toSubscriptionFilter({ id: { eq: ctx.args.id } }));
  }
  return null;
}
