// User profiles: team roles, user ids, and the profile fields the team index sorts by.
import { util } from '@aws-appsync/utils';
import { invalid } from './errors.ts';
import { expression, type Expression } from './requests.ts';

/** Roles that work the queue (UserRole values on the profile item). */
export const teamRoles = ['STAFF', 'ADMIN'];

export const maxFullNameLength = 100;

/** A Cognito `sub` as this API keys users: a UUID-like string of letters, digits and dashes. */
export function userId(field: string, value: string): string {
  if (!util.matches('^[A-Za-z0-9-]{1,128}$', value || '')) invalid(field, 'must be a user id (a Cognito sub)');
  return value;
}

export function optionalUserId(field: string, value: string | null | undefined): string | null {
  if (value === null || value === undefined) return null;
  return userId(field, value);
}

/** A team member's profile who can take work (a staff or admin role, and active), as a condition on the profile item, so a role change racing the write cancels it. */
export const assignableProfile: Expression = expression(
  'attribute_exists(pk) AND #role IN (:staffRole, :adminRole) AND #active = :active',
  { '#role': 'role', '#active': 'active' },
  { ':staffRole': 'STAFF', ':adminRole': 'ADMIN', ':active': true },
);
