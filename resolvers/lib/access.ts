import type { Context } from '@aws-appsync/utils';
import { cognitoIdentity, isTeam } from './context.ts';

/** Owners see their own applicants and everything under them; staff and admins see all. */
export function canAccessApplicant(ctx: Context, applicant: { ownerId?: string } | null | undefined): boolean {
  if (!applicant) return false;
  if (isTeam(ctx)) return true;
  const identity = cognitoIdentity(ctx);
  return !!identity && applicant.ownerId === identity.sub;
}
