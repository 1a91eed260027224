import { unit, type PipelineFunctionWiring, type ResolverWiring } from './types.ts';

export const paymentResolvers: ResolverWiring[] = [
  unit('Query', 'listPayments', 'table', { issue: 4 }),
  unit('Query', 'priceCatalog', 'none', { issue: 4 }),
  unit('Mutation', 'createCheckoutSession', 'payments', { issue: 5 }),
  unit('Mutation', 'applyPaymentEvent', 'table', { issue: 5 }),
  unit('Subscription', 'onPaymentChanged', 'none', { issue: 4 }),
];

export const paymentFunctions: PipelineFunctionWiring[] = [];
