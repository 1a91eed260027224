// With applicantId: its owner, staff and admins, events of that applicant only. Without: every payment, for admins
// only.
import { extensions, util, type Context } from '@aws-appsync/utils';
import { isAdmin } from '../lib/context.ts';
import { optionalUlid } from '../lib/validate.ts';

export function request(ctx: Context) {
  if (!ctx.args.applicantId && !isAdmin(ctx)) util.unauthorized();
  ctx.stash.applicantId = optionalUlid('applicantId', ctx.args.applicantId);
  return {};
}

export function response(ctx: Context) {
  if (ctx.args.applicantId) {
    extensions.setSubscriptionFilter(util.transform.toSubscriptionFilter({ applicantId: { eq: ctx.args.applicantId } }));
  }
  return null;
}
