// mltrainingconsent → the consent item of (user, applicant, version).
import { mlConsentKey } from '../../resolvers/lib/keys.ts';
import { iso } from '../ids.ts';
import type { Row } from '../legacy-rows.ts';
import { text, type MapContext, type TableItem } from './context.ts';

export function mapConsent(ctx: MapContext, row: Row): TableItem | null {
  const user = row.user_id === null ? undefined : ctx.users.get(Number(row.user_id));
  const applicant = row.applicant_id === null ? undefined : ctx.applicants.get(Number(row.applicant_id));
  if (!user || !applicant) {
    ctx.report.skip('mltrainingconsent', row.id, 'consentOrphan');
    return null;
  }
  const version = text(row.version) ?? 'v1';
  const consentedAt = iso(row.consented_at as Date);
  const revokedAt = row.revoked_at ? iso(row.revoked_at as Date) : null;
  return {
    ...mlConsentKey(user.id, applicant.id, version),
    type: 'ML_CONSENT',
    userId: user.id,
    applicantId: applicant.id,
    ownerId: applicant.ownerId,
    consentVersion: version,
    consentGiven: row.consent_given === true,
    consentedAt,
    revokedAt,
    createdAt: consentedAt,
    updatedAt: revokedAt ?? consentedAt,
    version: 1,
  };
}
