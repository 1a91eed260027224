import { beforeAll, describe, expect, it } from 'vitest';
import { readStageConfig } from '../../infra/config.ts';
import { CreateCheckoutSessionDocument } from '../../schema/generated/client/graphql.ts';
import { localStack } from '../setup/local-stack.ts';
import { signUpApplicant, type SignedInUser } from '../setup/users.ts';
import { createApplicant, gql } from './support/api.ts';
import { pressOnCheckoutPage } from './support/stripe-checkout.ts';

// The stand-in's checkout page sends the payer back where Stripe would: the session's success_url and cancel_url,
// which the payments Lambda sets to the frontend's pages (the dev stage's, locally), never to the API.

let owner: SignedInUser;
let applicantId: string;
const dev = readStageConfig(() => undefined);

beforeAll(async () => {
  owner = await signUpApplicant();
  applicantId = (await createApplicant(owner, { levelOfStudy: 'GRADUATE' })).id;
});

async function openCheckoutPage(): Promise<string> {
  const created = await gql(owner, CreateCheckoutSessionDocument, { input: { applicantId, service: 'DOCUMENT_REVIEW' } });
  expect(created.errors).toEqual([]);
  return created.data!.createCheckoutSession.checkoutUrl;
}

function linkNamed(page: string, text: string): string | undefined {
  return new RegExp(`<a href="([^"]*)">${text}</a>`).exec(page)?.[1]?.replace(/&#38;/g, '&');
}

describe('the local checkout page’s return links', () => {
  it('given an open checkout, when its page is shown, then “Cancel and go back” goes to the frontend’s cancel page, not the API', async () => {
    const page = await (await fetch(await openCheckoutPage())).text();
    const cancel = linkNamed(page, 'Cancel and go back');
    expect(cancel).toBe(dev.checkoutCancelUrl);
    expect(new URL(cancel!).origin).not.toBe(new URL(localStack().urls.graphql).origin);
  });

  it('given a paid checkout, when its page is shown, then “Return to the site” goes to the frontend’s success page, not the API', async () => {
    const checkoutUrl = await openCheckoutPage();
    await pressOnCheckoutPage(checkoutUrl, 'pay');
    const page = await (await fetch(checkoutUrl)).text();
    const back = linkNamed(page, 'Return to the site');
    expect(back).toBe(dev.checkoutSuccessUrl);
    expect(dev.frontendOrigins).toContain(new URL(back!).origin);
    expect(new URL(back!).origin).not.toBe(new URL(localStack().urls.graphql).origin);
  });
});
