// Staff and admins only (schema directive). Each hears applicants' messages (never staff replies, their own included),
// routed on the assignee the message carries (read when it was written, see functions/loadThreadAndSender.ts):
// ASSIGNED_TO_ME, the default, hears the applicants assigned to the caller; ALL, for admins only, hears every applicant,
// which is the one live route for an unassigned applicant's messages (every staff member still sees them in staffInbox).
import { extensions, util, type Context } from '@aws-appsync/utils';
import { callerId, isAdmin } from '../lib/context.ts';

export function request(ctx: Context) {
  if (ctx.args.scope === 'ALL' && !isAdmin(ctx)) util.unauthorized();
  return { payload: null };
}

export function response(ctx: Context) {
  const fromApplicants = { senderSide: { eq: 'APPLICANT' } };
  const filter = ctx.args.scope === 'ALL' ? fromApplicants : { ...fromApplicants, assignedStaffId: { eq: callerId(ctx) } };
  extensions.setSubscriptionFilter(util.transform.toSubscriptionFilter(filter));
  return null;
}
