// One GetItem; the owner, staff and admins get the applicant, anyone else null, as for one that does not exist.
import type { Context } from '@aws-appsync/utils';
import { canAccessApplicant } from '../lib/access.ts';
import { applicantKey } from '../lib/keys.ts';
import { getItem } from '../lib/requests.ts';
import { ulid } from '../lib/validate.ts';
import { raiseDataSourceError } from '../lib/errors.ts';

export function request(ctx: Context) {
  return getItem(applicantKey(ulid('id', ctx.args.id)));
}

export function response(ctx: Context) {
  raiseDataSourceError(ctx);
  return canAccessApplicant(ctx, ctx.result) ? ctx.result : null;
}
