import { isObjectType, Kind, type GraphQLSchema } from 'graphql';
import type { DataSource } from '../appsync/index.ts';
import type { DirectiveAuthorizer } from '../auth/index.ts';
import type { DocumentPreparer } from './document-cache.ts';
import type { RequestLimits } from './request-limits.ts';
import type { ResolverRegistry } from './resolver-registry.ts';

/** Everything an operation needs to run, built once when the server starts. */
export interface ApiRuntime {
  schema: GraphQLSchema;
  authorizer: DirectiveAuthorizer;
  registry: ResolverRegistry;
  dataSources: Record<string, DataSource>;
  /** Mutation field name → the subscription fields whose @aws_subscribe lists it. */
  subscriptionsByMutation: ReadonlyMap<string, readonly string[]>;
  /** The API's environment variables, ctx.env in resolvers. */
  env: Record<string, string>;
  limits: RequestLimits;
  /** Parses (within the token limit) and validates a document, once per distinct text. */
  prepareDocument: DocumentPreparer;
  onResolverLogs?: (field: string, logs: string[]) => void;
}

/**
 * Reads `@aws_subscribe(mutations: [...])` from the Subscription type ("Using subscriptions for real-time data
 * applications in AWS AppSync": https://docs.aws.amazon.com/appsync/latest/devguide/aws-appsync-real-time-data.html).
 */
export function subscriptionTriggers(schema: GraphQLSchema): Map<string, string[]> {
  const triggers = new Map<string, string[]>();
  const subscriptionType = schema.getSubscriptionType();
  if (!isObjectType(subscriptionType)) return triggers;
  for (const field of Object.values(subscriptionType.getFields())) {
    const directive = field.astNode?.directives?.find((d) => d.name.value === 'aws_subscribe');
    const mutations = directive?.arguments?.find((a) => a.name.value === 'mutations')?.value;
    if (!mutations || mutations.kind !== Kind.LIST) continue;
    for (const value of mutations.values) {
      if (value.kind !== Kind.STRING) continue;
      triggers.set(value.value, [...(triggers.get(value.value) ?? []), field.name]);
    }
  }
  return triggers;
}
