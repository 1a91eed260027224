// applicantreview → the review item under its applicant.
import { reviewKey } from '../../resolvers/lib/keys.ts';
import { iso, legacyUlid } from '../ids.ts';
import type { Row } from '../legacy-rows.ts';
import { text, type MapContext, type TableItem } from './context.ts';

export function mapReview(ctx: MapContext, row: Row): TableItem {
  const applicant = ctx.applicants.get(Number(row.applicant_id));
  const reviewer = ctx.users.get(Number(row.reviewer_user_id));
  if (!applicant || !reviewer) throw new Error(`applicantreview ${row.id} names a row that was not read`);
  const feedback = text(row.feedback);
  if (feedback === null) ctx.report.dirty('applicantreview', row.id, 'reviewNoFeedback');
  ctx.report.dirty('applicantreview', row.id, 'reviewNoLikelihood');
  const id = legacyUlid('applicantreview', row.id, row.created_at);
  return {
    ...reviewKey(applicant.id, id),
    type: 'REVIEW',
    id,
    applicantId: applicant.id,
    ownerId: applicant.ownerId,
    reviewerId: reviewer.id,
    positive: row.positive === true,
    feedback: feedback ?? '',
    scholarshipLikelihoodPercent: 0,
    legacyNoLikelihood: true,
    createdAt: iso(row.created_at),
  };
}
