import { pipeline, unit, type PipelineFunctionWiring, type ResolverWiring } from './types.ts';

export const paymentResolvers: ResolverWiring[] = [
  pipeline('Query', 'listPayments', ['loadAccessibleApplicantIfNamed', 'queryPayments']),
  unit('Query', 'priceCatalog', 'none'),
  pipeline('Mutation', 'createCheckoutSession', ['loadAccessibleApplicant', 'createStripeCheckout', 'writePayment']),
  pipeline('Mutation', 'applyPaymentEvent', ['loadPaymentForEvent', 'writePaymentEvent', 'sendNotification']),
  pipeline('Subscription', 'onPaymentChanged', ['loadAccessibleApplicantIfNamed']),
];

export const paymentFunctions: PipelineFunctionWiring[] = [
  { name: 'queryPayments', dataSource: 'table' },
  { name: 'createStripeCheckout', dataSource: 'payments' },
  { name: 'writePayment', dataSource: 'table' },
  { name: 'loadPaymentForEvent', dataSource: 'table' },
  { name: 'writePaymentEvent', dataSource: 'table' },
];
