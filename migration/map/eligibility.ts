// eligibilityresult → the eligibility check under its applicant, from its two JSON payloads.
import { eligibilityKey } from '../../resolvers/lib/keys.ts';
import { iso, legacyUlid } from '../ids.ts';
import type { Row } from '../legacy-rows.ts';
import type { MapContext, TableItem } from './context.ts';

function json(value: unknown): Record<string, unknown> | null {
  try {
    const parsed: unknown = typeof value === 'string' ? JSON.parse(value) : value;
    return parsed && typeof parsed === 'object' ? (parsed as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

export function mapEligibility(ctx: MapContext, row: Row): TableItem | null {
  const applicant = ctx.applicants.get(Number(row.applicant_id));
  const input = json(row.input_payload);
  const result = json(row.result_payload);
  if (!applicant || !input || !result || typeof input.gpa !== 'number' || typeof result.is_eligible !== 'boolean') {
    ctx.report.skip('eligibilityresult', row.id, 'eligibilityBadPayload');
    return null;
  }
  const ranBy = ctx.users.get(Number(result.evaluated_by_user_id))?.id ?? applicant.ownerId;
  const id = legacyUlid('eligibilityresult', row.id, row.created_at);
  return {
    ...eligibilityKey(applicant.id, id),
    type: 'ELIGIBILITY_CHECK',
    id,
    applicantId: applicant.id,
    ownerId: applicant.ownerId,
    gpa: input.gpa,
    toefl: Number(input.toefl),
    notes: typeof input.notes === 'string' ? input.notes : null,
    eligible: result.is_eligible,
    recommendations: Array.isArray(result.recommendations) ? result.recommendations.map(String) : [],
    ranBy,
    createdAt: iso(row.created_at),
  };
}
