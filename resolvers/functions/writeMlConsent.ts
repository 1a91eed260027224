// Pipeline function (setMlConsent, after loadMlConsent): records consent given (consentedAt now, revokedAt cleared)
// or revoked (revokedAt now, consentedAt kept). One TransactWriteItems: the consent put, conditioned on the item
// being as read (new, or at the version read), and the audit event.
import { util, type Context } from '@aws-appsync/utils';
import { auditPut } from '../lib/audit.ts';
import { callerTransactWrite } from '../lib/caller-check.ts';
import { callerId, tableName } from '../lib/context.ts';
import { mlConsentKey } from '../lib/keys.ts';
import { currentConsentVersion } from '../lib/ml-consent.ts';
import { itemIsNew, txPut, versionIs } from '../lib/requests.ts';
import { conditionFailedAt } from '../lib/transactions.ts';
import { raiseDataSourceError, raiseWriteRefusal } from '../lib/errors.ts';

export function request(ctx: Context) {
  const table = tableName(ctx);
  const applicant = ctx.stash.applicant;
  const previous = ctx.stash.consent;
  const given: boolean = ctx.stash.consentGiven;
  const userId = callerId(ctx);
  const now = util.time.nowISO8601();
  const consent = {
    type: 'ML_CONSENT',
    userId,
    applicantId: applicant.id,
    ownerId: applicant.ownerId,
    consentVersion: currentConsentVersion,
    consentGiven: given,
    consentedAt: given ? now : (previous && previous.consentedAt) || null,
    revokedAt: given ? null : now,
    createdAt: previous ? previous.createdAt : now,
    updatedAt: now,
    version: previous ? previous.version + 1 : 1,
  };
  ctx.stash.recorded = consent;
  return callerTransactWrite(ctx, table, [
    txPut(table, mlConsentKey(userId, applicant.id, currentConsentVersion), consent, previous ? versionIs(previous.version) : itemIsNew),
    auditPut(ctx, table, {
      action: given ? 'ML_CONSENT_GIVEN' : 'ML_CONSENT_REVOKED',
      resourceType: 'ML_CONSENT',
      resourceId: applicant.id,
      details: { userId, consentVersion: currentConsentVersion },
    }),
  ]);
}

export function response(ctx: Context) {
  raiseWriteRefusal(ctx);
  if (conditionFailedAt(ctx, 0)) {
    util.error('ML consent was changed by another request at the same time; read it again and retry', 'ConflictError');
  }
  raiseDataSourceError(ctx);
  return ctx.stash.recorded;
}
