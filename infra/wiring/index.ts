import { applicantFunctions, applicantResolvers } from './applicants.ts';
import { auditFunctions, auditResolvers } from './audit.ts';
import { documentFunctions, documentResolvers } from './documents.ts';
import { guidanceFunctions, guidanceResolvers } from './guidance.ts';
import { messageFunctions, messageResolvers } from './messages.ts';
import { notificationFunctions } from './notifications.ts';
import { paymentFunctions, paymentResolvers } from './payments.ts';
import { taskFunctions, taskResolvers } from './tasks.ts';
import type { PipelineFunctionWiring, ResolverWiring, Wiring } from './types.ts';
import { userFunctions, userResolvers } from './users.ts';

export * from './limits.ts';
export * from './types.ts';
export * from './validate.ts';

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

/** Every pipeline function, by name; resolvers name them in their `functions` list. */
export const pipelineFunctions: PipelineFunctionWiring[] = [
  ...userFunctions,
  ...applicantFunctions,
  ...documentFunctions,
  ...guidanceFunctions,
  ...taskFunctions,
  ...messageFunctions,
  ...paymentFunctions,
  ...auditFunctions,
  ...notificationFunctions,
];

/** The API's wiring table as one value. */
export const wiring: Wiring = { resolvers, pipelineFunctions };
