// Pipeline function, first in sendMessage: ONE consistent BatchGetItem reads the message thread of
// ctx.stash.applicantId, the caller's own profile and the applicant. The thread is the access check (it repeats its
// applicant's ownerId, as in loadAccessibleThread); the profile names the sender; the applicant's assignee goes on the
// message, for the staff inbox subscription's filter (a third key in the same request, not one request more). Tokens
// are no source for the name: Amplify sends the access token, which carries no name or email claim. A caller whose
// profile is missing, inactive or below their token's groups is refused here already; the write's own caller check
// (lib/caller-check.ts) still guards the race. A key DynamoDB leaves unprocessed (throttling) answers a retryable
// error rather than a wrong NotFound.
import { util, type Context } from '@aws-appsync/utils';
import { canAccessApplicant } from '../lib/access.ts';
import { callerProfileStands } from '../lib/caller-check.ts';
import { callerId, tableName } from '../lib/context.ts';
import { notFound, raiseDataSourceError } from '../lib/errors.ts';
import { applicantKey, threadKey, userKey } from '../lib/keys.ts';

export function request(ctx: Context) {
  const applicantId = ctx.stash.applicantId;
  const keys = [threadKey(applicantId), userKey(callerId(ctx)), applicantKey(applicantId)].map((key) => util.dynamodb.toMapValues(key));
  return { operation: 'BatchGetItem' as const, tables: { [tableName(ctx)]: { keys, consistentRead: true } } };
}

export function response(ctx: Context) {
  raiseDataSourceError(ctx);
  const table = tableName(ctx);
  const unprocessed = (ctx.result.unprocessedKeys && ctx.result.unprocessedKeys[table]) || [];
  if (unprocessed.length > 0) {
    util.error('The data store was busy and read only part of the request; send the same request again', 'ServiceUnavailable', null, {
      retryable: true,
    });
  }
  const [thread, profile, applicant] = ctx.result.data[table] || [];
  if (!canAccessApplicant(ctx, thread)) notFound('Applicant');
  if (!callerProfileStands(ctx, profile)) util.unauthorized();
  ctx.stash.thread = thread;
  ctx.stash.senderProfile = profile;
  ctx.stash.assignedStaffId = (applicant && applicant.assignedStaffId) || null;
  return thread;
}
