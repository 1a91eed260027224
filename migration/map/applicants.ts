// applicant (+ its first documentbundle) → the applicant item, with free-text profile values normalised.
import { bundleName } from '../../resolvers/lib/applicants.ts';
import { applicantKey, assigneePrefix, gsi } from '../../resolvers/lib/keys.ts';
import { applicantStatuses } from '../../resolvers/lib/pipeline.ts';
import type { DecisionCode } from '../decisions.ts';
import { iso, legacyUlid } from '../ids.ts';
import type { Row } from '../legacy-rows.ts';
import { text, type MapContext, type TableItem } from './context.ts';

const destinations: Record<string, string> = { usa: 'USA', us: 'USA', 'united states': 'USA', canada: 'CANADA', ca: 'CANADA' };
const levels: Record<string, string> = {
  freshman: 'FRESHMAN',
  continuing_undergrad: 'CONTINUING_UNDERGRADUATE',
  continuing_undergraduate: 'CONTINUING_UNDERGRADUATE',
  graduate: 'GRADUATE',
};
const services: Record<string, string> = {
  documentreview: 'DOCUMENT_REVIEW',
  applicationsupport: 'APPLICATION_SUPPORT',
  scholarshipsupport: 'SCHOLARSHIP_SUPPORT',
};
const bundleStatuses: Record<string, string> = { open: 'OPEN', submitted: 'SUBMITTED', in_review: 'IN_REVIEW', approved: 'APPROVED', rejected: 'REJECTED' };

/** "20000", "$20,000", "20k" → whole dollars; anything else null. */
export function parseBudget(raw: string): number | null {
  const m = /^\$?\s*(\d{1,3}(,\d{3})+|\d+)(\.\d+)?\s*(k)?\s*(usd)?$/i.exec(raw.trim());
  if (!m?.[1]) return null;
  const value = Number(m[1].replace(/,/g, '') + (m[3] ?? '')) * (m[4] ? 1000 : 1);
  return Number.isFinite(value) ? Math.round(value) : null;
}

export function mapApplicant(ctx: MapContext, row: Row, bundles: Row[]): TableItem {
  const id = legacyUlid('applicant', row.id, row.created_at);
  const owner = ctx.users.get(Number(row.account_user_id));
  if (!owner) throw new Error(`applicant ${row.id} names user ${String(row.account_user_id)}, which was not read`);
  if (owner.role === 'ADMIN') ctx.report.dirty('applicant', row.id, 'applicantRootOwned');
  const legacyProfile: Record<string, unknown> = {};
  const choose = (column: string, table: Record<string, string>, fallback: string, normalise = (s: string) => s.toLowerCase()) => {
    const raw = text(row[column]);
    const mapped = raw === null ? undefined : table[normalise(raw)];
    if (mapped) return mapped;
    const code: DecisionCode = raw === null ? 'applicantNullProfile' : 'applicantFreeText';
    ctx.report.dirty('applicant', row.id, code, `${column}=${raw ?? 'NULL'} → ${fallback}`);
    legacyProfile[column] = raw;
    return fallback;
  };
  const studyDestination = choose('study_destination', destinations, 'USA');
  const levelOfStudy = choose('level_of_study', levels, 'FRESHMAN');
  const serviceInterest = choose('service_interest', services, 'DOCUMENT_REVIEW', (s) => s.toLowerCase().replace(/[^a-z]/g, ''));
  let countryOfResidence = text(row.country_of_residence);
  if (!countryOfResidence || countryOfResidence.length < 2) {
    ctx.report.dirty('applicant', row.id, 'applicantNullProfile', `country_of_residence=${countryOfResidence ?? 'NULL'} → Unknown`);
    legacyProfile.country_of_residence = countryOfResidence;
    countryOfResidence = 'Unknown';
  }
  const budgetText = text(row.annual_budget);
  let annualBudgetUsd: number | null = null;
  if (budgetText !== null) {
    annualBudgetUsd = parseBudget(budgetText);
    if (annualBudgetUsd === null || String(annualBudgetUsd) !== budgetText) {
      ctx.report.dirty('applicant', row.id, 'budgetFreeText', `${budgetText} → ${annualBudgetUsd ?? 'NULL'}`);
      legacyProfile.annual_budget = budgetText;
    }
  }
  let status = String(row.status).toUpperCase();
  if (!applicantStatuses.some((s) => s === status)) {
    ctx.report.dirty('applicant', row.id, 'applicantStatusUnknown', String(row.status));
    legacyProfile.status = row.status;
    status = 'DRAFT';
  }
  const assigned = row.assigned_manager_id === null ? undefined : ctx.users.get(Number(row.assigned_manager_id));
  const staff = assigned && assigned.role !== 'APPLICANT' ? assigned : undefined;
  if (row.assigned_manager_id !== null && !staff) ctx.report.dirty('applicant', row.id, 'assignedNotTeam', `user ${String(row.assigned_manager_id)}`);

  const [first, ...extra] = bundles;
  if (!first) ctx.report.dirty('applicant', row.id, 'bundleMissing');
  if (extra.length > 0) ctx.report.dirty('applicant', row.id, 'bundleExtra', `bundles ${bundles.map((b) => b.id).join(', ')}`);
  for (const b of bundles) ctx.bundleApplicant.set(b.id, row.id);
  const bundleStatus = (first && bundleStatuses[String(first.status)]) || 'OPEN';

  const created = iso(row.created_at);
  ctx.applicants.set(row.id, { oldId: row.id, id, ownerId: owner.id, status, serviceInterest, levelOfStudy });
  const latestEducation = text(row.latest_education);
  const incomeSource = text(row.income_source);
  return {
    ...applicantKey(id),
    type: 'APPLICANT',
    id,
    ownerId: owner.id,
    firstName: text(row.first_name) ?? '-',
    lastName: text(row.last_name) ?? '-',
    countryOfResidence,
    studyDestination,
    levelOfStudy,
    serviceInterest,
    ...(latestEducation ? { latestEducation } : {}),
    ...(annualBudgetUsd !== null ? { annualBudgetUsd } : {}),
    ...(incomeSource ? { incomeSource } : {}),
    ...(staff ? { assignedStaffId: staff.id } : {}),
    status,
    statusChangedAt: created,
    statusChangedBy: owner.id,
    bundle: { name: text(first?.name) ?? bundleName, status: bundleStatus, updatedAt: first ? iso(first.created_at) : created },
    ...(Object.keys(legacyProfile).length > 0 ? { legacyProfile } : {}),
    legacyApplicantId: row.id,
    createdAt: created,
    updatedAt: created,
    version: 1,
    gsi1pk: gsi.owner(owner.id),
    gsi1sk: applicantKey(id).pk,
    gsi2pk: gsi.applicantStatus(status),
    gsi2sk: id,
    gsi4pk: gsi.allApplicants,
    gsi4sk: id,
    ...(staff ? { gsi3pk: gsi.assignee(staff.id), gsi3sk: `${assigneePrefix.applicant}${id}` } : {}),
  };
}
