import { unit, type PipelineFunctionWiring, type ResolverWiring } from './types.ts';

export const userResolvers: ResolverWiring[] = [
  unit('Query', 'me', 'table'),
  unit('Query', 'listStaff', 'table', { issue: 4 }),
  unit('Mutation', 'updateMyProfile', 'table', { issue: 4 }),
  unit('Mutation', 'setNotificationPreferences', 'table', { issue: 4 }),
  unit('Mutation', 'inviteStaff', 'identity', { issue: 5 }),
  unit('Mutation', 'setUserRole', 'identity', { issue: 5 }),
  unit('Mutation', 'deactivateUser', 'identity', { issue: 5 }),
];

export const userFunctions: PipelineFunctionWiring[] = [];
