// Authorized once when the subscription starts: an applicant's owner never changes, so every later event of this
// applicantId belongs to an applicant the subscriber may see.
import { extensions, util, type Context } from '@aws-appsync/utils';
import { ulid } from '../lib/validate.ts';

export function request(ctx: Context) {
  ctx.stash.applicantId = ulid('applicantId', ctx.args.applicantId);
  return {};
}

export function response(ctx: Context) {
  extensions.setSubscriptionFilter(util.transform.toSubscriptionFilter({ applicantId: { eq: ctx.args.applicantId } }));
  return null;
}
