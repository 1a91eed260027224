import { pipeline, unit, type PipelineFunctionWiring, type ResolverWiring } from './types.ts';

export const applicantResolvers: ResolverWiring[] = [
  unit('Query', 'getApplicant', 'table'),
  unit('Query', 'listMyApplicants', 'table'),
  unit('Query', 'listApplicants', 'table'),
  unit('Query', 'dashboardSummary', 'table'),
  unit('Mutation', 'createApplicant', 'table'),
  pipeline('Mutation', 'updateApplicant', ['loadAccessibleApplicant', 'writeApplicantChanges']),
  pipeline('Mutation', 'submitApplicant', ['loadAccessibleApplicant', 'moveApplicantStatus', 'sendNotification']),
  pipeline('Mutation', 'changeApplicantStatus', ['loadAccessibleApplicant', 'moveApplicantStatus', 'sendNotification']),
  pipeline('Mutation', 'assignApplicant', ['loadAccessibleApplicant', 'loadAssignableStaff', 'writeApplicantAssignment']),
  pipeline('Mutation', 'archiveApplicant', ['loadAccessibleApplicant', 'moveApplicantStatus', 'sendNotification']),
  pipeline('Mutation', 'setBundleStatus', ['loadAccessibleApplicant', 'writeBundleStatus']),
  unit('Applicant', 'assignedStaff', 'table'),
  pipeline('Subscription', 'onApplicantChanged', ['loadAccessibleApplicant']),
];

export const applicantFunctions: PipelineFunctionWiring[] = [
  { name: 'loadAccessibleApplicant', dataSource: 'table' },
  { name: 'writeApplicantChanges', dataSource: 'table' },
  { name: 'moveApplicantStatus', dataSource: 'table' },
  { name: 'loadAssignableStaff', dataSource: 'table' },
  { name: 'writeApplicantAssignment', dataSource: 'table' },
  { name: 'writeBundleStatus', dataSource: 'table' },
];
