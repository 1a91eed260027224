// The local Stripe stand-in (see stand-in.ts). Its webhooks go to the local API's `/stripe/webhook` route, which
// local/stack/function-url-route.ts adapts into the Function URL event of functions/payments/webhook.ts.
export { startStripeStandIn, type StripeStandIn, type StripeStandInOptions } from './stand-in.ts';
export { signPayload } from './events.ts';
