// One applicant's documents, newest first. Upload intents past their TTL are left out: DynamoDB deletes expired items
// only eventually.
import { util, type Context } from '@aws-appsync/utils';
import { applicantChildPrefix } from '../lib/keys.ts';
import { pageLimit } from '../lib/paging.ts';
import { expression } from '../lib/requests.ts';
import { ulid } from '../lib/validate.ts';

export function request(ctx: Context) {
  pageLimit(ctx.args.limit);
  ctx.stash.applicantId = ulid('applicantId', ctx.args.applicantId);
  ctx.stash.childPrefix = applicantChildPrefix.document;
  ctx.stash.childFilter = expression(
    'attribute_not_exists(#expiresAt) OR #expiresAt > :now',
    { '#expiresAt': 'expiresAt' },
    { ':now': util.time.nowEpochSeconds() },
  );
  return {};
}

export function response(ctx: Context) {
  return ctx.prev.result;
}
