import { pipeline, unit, type PipelineFunctionWiring, type ResolverWiring } from './types.ts';

/** Reviews, eligibility checks and ML consent: the advice side of the consultancy. */
export const guidanceResolvers: ResolverWiring[] = [
  pipeline('Query', 'listReviews', ['loadAccessibleApplicant', 'listApplicantItems']),
  pipeline('Query', 'listEligibilityChecks', ['loadAccessibleApplicant', 'listApplicantItems']),
  unit('Query', 'mlConsent', 'table'),
  unit('Query', 'mlRecommendation', 'table'),
  pipeline('Mutation', 'postReview', ['loadAccessibleApplicant', 'writeReview', 'sendNotification']),
  pipeline('Mutation', 'runEligibilityCheck', ['loadAccessibleApplicant', 'writeEligibilityCheck']),
  pipeline('Mutation', 'setMlConsent', ['loadAccessibleApplicant', 'loadMlConsent', 'writeMlConsent']),
];

export const guidanceFunctions: PipelineFunctionWiring[] = [
  { name: 'writeReview', dataSource: 'table' },
  { name: 'writeEligibilityCheck', dataSource: 'table' },
  { name: 'loadMlConsent', dataSource: 'table' },
  { name: 'writeMlConsent', dataSource: 'table' },
];
