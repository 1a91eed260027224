import { unit, type ResolverWiring } from './types.ts';

export const messageResolvers: ResolverWiring[] = [
  unit('Query', 'listMessages', 'table', { issue: 3 }),
  unit('Query', 'getMessageThread', 'table', { issue: 4 }),
  unit('Query', 'staffInbox', 'table', { issue: 4 }),
  unit('Mutation', 'sendMessage', 'table', { issue: 3 }),
  unit('Mutation', 'markThreadRead', 'table', { issue: 3 }),
  unit('Subscription', 'onThreadMessage', 'none', { issue: 3 }),
  unit('Subscription', 'onStaffInboxMessage', 'none', { issue: 3 }),
];
