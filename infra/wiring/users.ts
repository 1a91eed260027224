import { pipeline, unit, type PipelineFunctionWiring, type ResolverWiring } from './types.ts';

export const userResolvers: ResolverWiring[] = [
  unit('Query', 'me', 'table'),
  unit('Query', 'listStaff', 'table'),
  pipeline('Mutation', 'updateMyProfile', ['loadMyProfile', 'writeProfileChanges']),
  pipeline('Mutation', 'setNotificationPreferences', ['loadMyProfile', 'writeProfileChanges']),
  pipeline('Mutation', 'inviteStaff', ['loadStandingCaller', 'callIdentityAdmin', 'writeStaffProfile']),
  pipeline('Mutation', 'setUserRole', ['loadStandingCaller', 'loadTargetUser', 'callIdentityAdmin', 'writeUserRole']),
  pipeline('Mutation', 'deactivateUser', ['loadStandingCaller', 'loadTargetUser', 'callIdentityAdmin', 'writeUserDeactivated']),
];

export const userFunctions: PipelineFunctionWiring[] = [
  { name: 'loadMyProfile', dataSource: 'table' },
  { name: 'writeProfileChanges', dataSource: 'table' },
  // User administration (issue 5): Cognito first, then the profile.
  { name: 'loadStandingCaller', dataSource: 'table' },
  { name: 'loadTargetUser', dataSource: 'table' },
  { name: 'callIdentityAdmin', dataSource: 'identity' },
  { name: 'writeStaffProfile', dataSource: 'table' },
  { name: 'writeUserRole', dataSource: 'table' },
  { name: 'writeUserDeactivated', dataSource: 'table' },
];
