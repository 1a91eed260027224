// Answers only with the caller's consent given and not revoked (one GetItem of that consent). No model is deployed
// yet, so even with consent it says so plainly and returns no recommendations rather than made-up ones. The consent
// is read strongly, unlike other query reads: it gates processing on consent, and a revocation holds from the next request.
import type { Context } from '@aws-appsync/utils';
import { callerId } from '../lib/context.ts';
import { mlConsentKey } from '../lib/keys.ts';
import { consentIsActive, consentNeededMessage, currentConsentVersion, noModelMessage } from '../lib/ml-consent.ts';
import { getItem } from '../lib/requests.ts';
import { raiseDataSourceError } from '../lib/errors.ts';
import { ulid } from '../lib/validate.ts';

export function request(ctx: Context) {
  return getItem(mlConsentKey(callerId(ctx), ulid('applicantId', ctx.args.applicantId), currentConsentVersion), true);
}

export function response(ctx: Context) {
  raiseDataSourceError(ctx);
  const message = consentIsActive(ctx.result) ? noModelMessage : consentNeededMessage;
  return { applicantId: ctx.args.applicantId, available: false, message, recommendations: [] };
}
