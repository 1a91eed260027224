import { unit, type PipelineFunctionWiring, type ResolverWiring } from './types.ts';

export const auditResolvers: ResolverWiring[] = [unit('Query', 'listAuditEvents', 'table')];

export const auditFunctions: PipelineFunctionWiring[] = [];
