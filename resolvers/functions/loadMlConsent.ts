// Pipeline function (setMlConsent, after loadAccessibleApplicant): reads the caller's current consent for the
// applicant, if any, into ctx.stash.consent (null when never recorded).
import type { Context } from '@aws-appsync/utils';
import { callerId } from '../lib/context.ts';
import { mlConsentKey } from '../lib/keys.ts';
import { currentConsentVersion } from '../lib/ml-consent.ts';
import { getItem } from '../lib/requests.ts';
import { raiseDataSourceError } from '../lib/errors.ts';

export function request(ctx: Context) {
  return getItem(mlConsentKey(callerId(ctx), ctx.stash.applicantId, currentConsentVersion), true);
}

export function response(ctx: Context) {
  raiseDataSourceError(ctx);
  ctx.stash.consent = ctx.result || null;
  return ctx.stash.consent;
}
