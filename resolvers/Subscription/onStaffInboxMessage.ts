// Staff and admins only (schema directive); they hear every message an applicant sends, and not their own replies.
import { extensions, util, type Context } from '@aws-appsync/utils';

export function request() {
  return { payload: null };
}

export function response(_ctx: Context) {
  extensions.setSubscriptionFilter(util.transform.toSubscriptionFilter({ senderSide: { eq: 'APPLICANT' } }));
  return null;
}
