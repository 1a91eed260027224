import { unit, type PipelineFunctionWiring, type ResolverWiring } from './types.ts';

export const auditResolvers: ResolverWiring[] = [unit('Query', 'listAuditEvents', 'table', { issue: 4 })];

export const auditFunctions: PipelineFunctionWiring[] = [];
