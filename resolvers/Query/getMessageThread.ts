// One GetItem of the thread item, which repeats its applicant's ownerId: the owner, staff and admins see it,
// anyone else gets null, as for a thread that does not exist.
import { util, type Context } from '@aws-appsync/utils';
import { canAccessApplicant } from '../lib/access.ts';
import { threadKey } from '../lib/keys.ts';
import { getItem } from '../lib/requests.ts';
import { ulid } from '../lib/validate.ts';

export function request(ctx: Context) {
  return getItem(threadKey(ulid('applicantId', ctx.args.applicantId)));
}

export function response(ctx: Context) {
  if (ctx.error) util.error(ctx.error.message, ctx.error.type);
  return canAccessApplicant(ctx, ctx.result) ? ctx.result : null;
}
