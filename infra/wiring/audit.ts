import { unit, type ResolverWiring } from './types.ts';

export const auditResolvers: ResolverWiring[] = [unit('Query', 'listAuditEvents', 'table', { issue: 4 })];
