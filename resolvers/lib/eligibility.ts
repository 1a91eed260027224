// The eligibility check, reproducing the old system's rules exactly (DOMAIN.md).

export const eligibilityLimits = { gpaMax: 4, toeflMax: 120, notesMax: 1000 } as const;

export type EligibilityResult = { eligible: boolean; recommendations: string[] };

/** GPA ≥ 3.5 and TOEFL ≥ 90: top tier; else GPA ≥ 3.0 and TOEFL ≥ 80: solid; else not eligible yet. */
export function assessEligibility(gpa: number, toefl: number): EligibilityResult {
  if (gpa >= 3.5 && toefl >= 90) {
    return { eligible: true, recommendations: ['Top-tier programs', 'Scholarship-focused options'] };
  }
  if (gpa >= 3.0 && toefl >= 80) {
    return { eligible: true, recommendations: ['Solid programs', 'Consider mid-tier schools'] };
  }
  return { eligible: false, recommendations: ['Foundational programs', 'Language or academic prep first'] };
}
