// One GetItem of the thread item, which repeats its applicant's ownerId: the owner, staff and admins see it,
// anyone else gets null, as for a thread that does not exist.
import type { Context } from '@aws-appsync/utils';
import { canAccessApplicant } from '../lib/access.ts';
import { threadKey } from '../lib/keys.ts';
import { getItem } from '../lib/requests.ts';
import { ulid } from '../lib/validate.ts';
import { raiseDataSourceError } from '../lib/errors.ts';

export function request(ctx: Context) {
  return getItem(threadKey(ulid('applicantId', ctx.args.applicantId)));
}

export function response(ctx: Context) {
  raiseDataSourceError(ctx);
  return canAccessApplicant(ctx, ctx.result) ? ctx.result : null;
}
