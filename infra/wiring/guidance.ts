import { unit, type PipelineFunctionWiring, type ResolverWiring } from './types.ts';

/** Reviews, eligibility checks and ML consent: the advice side of the consultancy. */
export const guidanceResolvers: ResolverWiring[] = [
  unit('Query', 'listReviews', 'table', { issue: 4 }),
  unit('Query', 'listEligibilityChecks', 'table', { issue: 4 }),
  unit('Query', 'mlConsent', 'table', { issue: 4 }),
  unit('Query', 'mlRecommendation', 'table', { issue: 4 }),
  unit('Mutation', 'postReview', 'table', { issue: 4 }),
  unit('Mutation', 'runEligibilityCheck', 'table', { issue: 4 }),
  unit('Mutation', 'setMlConsent', 'table', { issue: 4 }),
];

export const guidanceFunctions: PipelineFunctionWiring[] = [];
