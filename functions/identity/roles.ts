/** The Cognito group of each UserRole (DESIGN.md "Auth"): a user is in exactly one of them. */
export const roleGroups = { APPLICANT: 'applicant', STAFF: 'staff', ADMIN: 'admin' } as const;

export type UserRole = keyof typeof roleGroups;

export function isUserRole(value: unknown): value is UserRole {
  return typeof value === 'string' && Object.keys(roleGroups).includes(value);
}

/** Staff and admins form the team (profile gsi4 TEAM). */
export const teamRoles: UserRole[] = ['STAFF', 'ADMIN'];
