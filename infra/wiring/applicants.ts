import { pipeline, unit, type PipelineFunctionWiring, type ResolverWiring } from './types.ts';

export const applicantResolvers: ResolverWiring[] = [
  unit('Query', 'getApplicant', 'table'),
  pipeline('Query', 'listMyApplicants', ['queryOwnApplicants', 'attachAssignedStaff']),
  pipeline('Query', 'listApplicants', ['queryApplicantQueue', 'attachAssignedStaff']),
  unit('Query', 'dashboardSummary', 'table'),
  unit('Mutation', 'createApplicant', 'table'),
  pipeline('Mutation', 'updateApplicant', ['loadAccessibleApplicant', 'writeApplicantChanges']),
  pipeline('Mutation', 'submitApplicant', ['loadAccessibleApplicant', 'moveApplicantStatus', 'sendNotification']),
  pipeline('Mutation', 'changeApplicantStatus', ['loadAccessibleApplicant', 'moveApplicantStatus', 'sendNotification']),
  pipeline('Mutation', 'assignApplicant', ['loadAccessibleApplicant', 'writeApplicantAssignment']),
  pipeline('Mutation', 'archiveApplicant', ['loadAccessibleApplicant', 'moveApplicantStatus', 'sendNotification']),
  pipeline('Mutation', 'setBundleStatus', ['loadAccessibleApplicant', 'writeBundleStatus']),
  unit('Applicant', 'assignedStaff', 'table'),
  pipeline('Subscription', 'onApplicantChanged', ['loadAccessibleApplicant']),
];

export const applicantFunctions: PipelineFunctionWiring[] = [
  { name: 'loadAccessibleApplicant', dataSource: 'table' },
  { name: 'queryOwnApplicants', dataSource: 'table' },
  { name: 'queryApplicantQueue', dataSource: 'table' },
  /** The assigned staff of a whole page in one BatchGetItem (Applicant.assignedStaff then answers from its source). */
  { name: 'attachAssignedStaff', dataSource: 'table' },
  { name: 'writeApplicantChanges', dataSource: 'table' },
  { name: 'moveApplicantStatus', dataSource: 'table' },
  { name: 'writeApplicantAssignment', dataSource: 'table' },
  { name: 'writeBundleStatus', dataSource: 'table' },
];
