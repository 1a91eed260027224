import { applicantResolvers } from './applicants.ts';
import { auditResolvers } from './audit.ts';
import { documentResolvers } from './documents.ts';
import { guidanceResolvers } from './guidance.ts';
import { messageResolvers } from './messages.ts';
import { paymentResolvers } from './payments.ts';
import { taskResolvers } from './tasks.ts';
import type { ResolverWiring } from './types.ts';
import { userResolvers } from './users.ts';

export * from './types.ts';
export { pipelineFunctions } from './functions.ts';

/**
 * The one wiring table: which resolver serves which field, on which data source.
 * The CDK stack (infra/) and the local runtime (local/) both read it; test/infra/wiring.test.ts checks it against the schema.
 */
export const resolvers: ResolverWiring[] = [
  ...userResolvers,
  ...applicantResolvers,
  ...documentResolvers,
  ...guidanceResolvers,
  ...taskResolvers,
  ...messageResolvers,
  ...paymentResolvers,
  ...auditResolvers,
];
