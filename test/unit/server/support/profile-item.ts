import { userKey } from '../../../../resolvers/lib/keys.ts';

/** A stored user profile, as the resolvers' standing checks read it. */
export function profileItem(user: { sub: string; username: string }, role: string) {
  const now = '2025-01-02T03:04:05.000Z';
  return {
    ...userKey(user.sub),
    type: 'USER',
    id: user.sub,
    email: `${user.username}@example.com`,
    fullName: user.username.toUpperCase(),
    role,
    active: true,
    notificationPreferences: { optedOut: [] },
    createdAt: now,
    updatedAt: now,
    version: 1,
  };
}
