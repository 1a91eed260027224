// The caller's own consent for one applicant at the current consent version: one GetItem, null when never recorded.
// Keyed by the caller's sub, so nobody reads another user's consent.
import type { Context } from '@aws-appsync/utils';
import { callerId } from '../lib/context.ts';
import { mlConsentKey } from '../lib/keys.ts';
import { currentConsentVersion } from '../lib/ml-consent.ts';
import { getItem } from '../lib/requests.ts';
import { raiseDataSourceError } from '../lib/errors.ts';
import { ulid } from '../lib/validate.ts';

export function request(ctx: Context) {
  return getItem(mlConsentKey(callerId(ctx), ulid('applicantId', ctx.args.applicantId), currentConsentVersion));
}

export function response(ctx: Context) {
  raiseDataSourceError(ctx);
  return ctx.result || null;
}
