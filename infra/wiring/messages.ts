import { pipeline, unit, type PipelineFunctionWiring, type ResolverWiring } from './types.ts';

export const messageResolvers: ResolverWiring[] = [
  pipeline('Query', 'listMessages', ['loadAccessibleThread', 'listThreadMessages']),
  unit('Query', 'getMessageThread', 'table'),
  unit('Query', 'staffInbox', 'table'),
  pipeline('Mutation', 'sendMessage', ['loadThreadAndSender', 'writeMessage', 'writeMessageInOpenRun', 'sendNotification']),
  pipeline('Mutation', 'markThreadRead', ['loadAccessibleThread', 'resetUnreadCount']),
  pipeline('Subscription', 'onThreadMessage', ['loadAccessibleThread']),
  unit('Subscription', 'onStaffInboxMessage', 'none'),
];

export const messageFunctions: PipelineFunctionWiring[] = [
  { name: 'loadAccessibleThread', dataSource: 'table' },
  { name: 'loadThreadAndSender', dataSource: 'table' },
  { name: 'listThreadMessages', dataSource: 'table' },
  { name: 'writeMessage', dataSource: 'table' },
  { name: 'writeMessageInOpenRun', dataSource: 'table' },
  { name: 'resetUnreadCount', dataSource: 'table' },
];
