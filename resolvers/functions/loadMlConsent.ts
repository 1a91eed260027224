// Pipeline function (setMlConsent, after loadAccessibleApplicant): reads the caller's current consent for the
// applicant, if any, into ctx.stash.consent (null when never recorded).
import { util, type Context } from '@aws-appsync/utils';
import { callerId } from '../lib/context.ts';
import { mlConsentKey } from '../lib/keys.ts';
import { currentConsentVersion } from '../lib/ml-consent.ts';
import { getItem } from '../lib/requests.ts';

export function request(ctx: Context) {
  return getItem(mlConsentKey(callerId(ctx), ctx.stash.applicantId, currentConsentVersion), true);
}

export function response(ctx: Context) {
  if (ctx.error) util.error(ctx.error.message, ctx.error.type);
  ctx.stash.consent = ctx.result || null;
  return ctx.stash.consent;
}
