// The buttons of the local Stripe stand-in's checkout page (local/stripe/): each makes Stripe's side happen and sends
// the signed webhook to the API's /stripe/webhook route, then redirects (303) as Stripe Checkout does.

export type CheckoutAction = 'pay' | 'expire' | 'refund';

export async function pressOnCheckoutPage(checkoutUrl: string, action: CheckoutAction): Promise<void> {
  const response = await fetch(`${checkoutUrl}/${action}`, { method: 'POST', redirect: 'manual' });
  if (response.status !== 303) throw new Error(`The checkout page's ${action} answered HTTP ${response.status}: ${await response.text()}`);
}
