// Pipeline (admins): callIdentityAdmin → writeStaffProfile. Creates the Cognito user (Cognito emails the invitation
// with a temporary password), puts them in the role's group, and writes their team profile.
import { util, type Context } from '@aws-appsync/utils';
import { invalid } from '../lib/errors.ts';
import { maxFullNameLength } from '../lib/users.ts';
import { text } from '../lib/validate.ts';

export function request(ctx: Context) {
  const input = ctx.args.input;
  const email = text('input.email', input.email, 3, 254).toLowerCase();
  if (!util.matches('[^@\\s]+@[^@\\s]+\\.[^@\\s]+', email)) invalid('input.email', 'must be an email address');
  const fullName = text('input.fullName', input.fullName, 1, maxFullNameLength);
  if (input.role !== 'STAFF' && input.role !== 'ADMIN') invalid('input.role', 'must be STAFF or ADMIN (applicants sign up themselves)');
  ctx.stash.invite = { email, fullName, role: input.role };
  ctx.stash.identityCall = { field: 'inviteStaff', email, fullName, role: input.role };
  return {};
}

export function response(ctx: Context) {
  return ctx.prev.result;
}
