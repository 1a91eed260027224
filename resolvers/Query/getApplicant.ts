// One GetItem; the owner, staff and admins get the applicant, anyone else null, as for one that does not exist.
import { util, type Context } from '@aws-appsync/utils';
import { canAccessApplicant } from '../lib/access.ts';
import { applicantKey } from '../lib/keys.ts';
import { getItem } from '../lib/requests.ts';
import { ulid } from '../lib/validate.ts';

export function request(ctx: Context) {
  return getItem(applicantKey(ulid('id', ctx.args.id)));
}

export function response(ctx: Context) {
  if (ctx.error) util.error(ctx.error.message, ctx.error.type);
  return canAccessApplicant(ctx, ctx.result) ? ctx.result : null;
}
