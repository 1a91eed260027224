import { unit, type PipelineFunctionWiring, type ResolverWiring } from './types.ts';

export const taskResolvers: ResolverWiring[] = [
  unit('Query', 'listTasks', 'table', { issue: 4 }),
  unit('Mutation', 'createTask', 'table', { issue: 4 }),
  unit('Mutation', 'updateTask', 'table', { issue: 4 }),
  unit('Mutation', 'setTaskStatus', 'table', { issue: 4 }),
  unit('Subscription', 'onTaskChanged', 'none', { issue: 4 }),
];

export const taskFunctions: PipelineFunctionWiring[] = [];
