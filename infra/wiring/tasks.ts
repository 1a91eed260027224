import { pipeline, unit, type PipelineFunctionWiring, type ResolverWiring } from './types.ts';

export const taskResolvers: ResolverWiring[] = [
  pipeline('Query', 'listTasks', ['loadAccessibleApplicantIfNamed', 'queryTasks']),
  pipeline('Mutation', 'createTask', ['writeNewTask', 'sendNotification']),
  pipeline('Mutation', 'updateTask', ['loadAccessibleTask', 'writeTaskUpdate', 'sendNotification']),
  pipeline('Mutation', 'setTaskStatus', ['loadAccessibleTask', 'changeTaskStatus']),
  unit('Subscription', 'onTaskChanged', 'none'),
];

export const taskFunctions: PipelineFunctionWiring[] = [
  /** Shared by the lists and subscriptions whose applicantId is optional (listTasks, listPayments, onPaymentChanged). */
  { name: 'loadAccessibleApplicantIfNamed', dataSource: 'table' },
  { name: 'queryTasks', dataSource: 'table' },
  { name: 'writeNewTask', dataSource: 'table' },
  { name: 'loadAccessibleTask', dataSource: 'table' },
  { name: 'writeTaskUpdate', dataSource: 'table' },
  { name: 'changeTaskStatus', dataSource: 'table' },
];
