import { unit, type PipelineFunctionWiring, type ResolverWiring } from './types.ts';

export const applicantResolvers: ResolverWiring[] = [
  unit('Query', 'getApplicant', 'table', { issue: 4 }),
  unit('Query', 'listMyApplicants', 'table', { issue: 4 }),
  unit('Query', 'listApplicants', 'table', { issue: 4 }),
  unit('Query', 'dashboardSummary', 'table', { issue: 4 }),
  unit('Mutation', 'createApplicant', 'table', { issue: 4 }),
  unit('Mutation', 'updateApplicant', 'table', { issue: 4 }),
  unit('Mutation', 'submitApplicant', 'table', { issue: 4 }),
  unit('Mutation', 'changeApplicantStatus', 'table', { issue: 4 }),
  unit('Mutation', 'assignApplicant', 'table', { issue: 4 }),
  unit('Mutation', 'archiveApplicant', 'table', { issue: 4 }),
  unit('Mutation', 'setBundleStatus', 'table', { issue: 4 }),
  unit('Applicant', 'assignedStaff', 'table', { issue: 4 }),
  unit('Subscription', 'onApplicantChanged', 'none', { issue: 4 }),
];

export const applicantFunctions: PipelineFunctionWiring[] = [{ name: 'loadAccessibleApplicant', dataSource: 'table' }];
