// ML training consent and the recommendation that depends on it.

/** The consent text's version; a new version needs new consent. */
export const currentConsentVersion = 'v1';

export const consentNeededMessage =
  `ML recommendations need your consent to use this applicant's data (consent version ${currentConsentVersion}). ` +
  'Give it with setMlConsent; you can revoke it at any time.';

export const noModelMessage =
  'Consent recorded. No recommendation model is deployed yet, so there are no recommendations to show; ' +
  'this answer will change once one is.';

/** Consent counts only while given and not revoked. */
export function consentIsActive(consent: { consentGiven?: boolean; revokedAt?: string | null } | null | undefined): boolean {
  return !!consent && consent.consentGiven === true && !consent.revokedAt;
}
