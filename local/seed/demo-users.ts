import type { GroupName } from '../emulators/user-pool.ts';

/**
 * The one password of every demo user. DEMO ONLY: these accounts exist in the local Cognito emulator and nowhere else;
 * the password is printed by `npm start` and offered by the GraphiQL page's user picker.
 */
export const demoPassword = 'Demo-only-Passw0rd!';

export type DemoUserKey = 'admin' | 'priya' | 'daniel' | 'amina' | 'lucas' | 'mei' | 'kwame';

export interface DemoUser {
  key: DemoUserKey;
  email: string;
  fullName: string;
  group: GroupName;
}

/** Fictional people at reserved example.com addresses. */
export const demoUsers: readonly DemoUser[] = [
  { key: 'admin', email: 'morgan.admin@example.com', fullName: 'Morgan Reyes', group: 'admin' },
  { key: 'priya', email: 'priya.staff@example.com', fullName: 'Priya Natarajan', group: 'staff' },
  { key: 'daniel', email: 'daniel.staff@example.com', fullName: 'Daniel Okafor', group: 'staff' },
  { key: 'amina', email: 'amina@example.com', fullName: 'Amina Yusuf', group: 'applicant' },
  { key: 'lucas', email: 'lucas@example.com', fullName: 'Lucas Ferreira', group: 'applicant' },
  { key: 'mei', email: 'mei.parent@example.com', fullName: 'Mei Chen', group: 'applicant' },
  { key: 'kwame', email: 'kwame@example.com', fullName: 'Kwame Mensah', group: 'applicant' },
];

/** A demo user as it exists in the local Cognito: with its `sub`. */
export interface SeededUser extends DemoUser {
  sub: string;
}
