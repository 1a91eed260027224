// The server-side price list (DOMAIN.md: the public site's prices). Checkout charges from here and nowhere else.
// Amounts are in US cents. A service priced by level of study lists one row per level.

export type PriceRow = {
  service: 'DOCUMENT_REVIEW' | 'APPLICATION_SUPPORT' | 'SCHOLARSHIP_SUPPORT';
  levelOfStudy: 'FRESHMAN' | 'CONTINUING_UNDERGRADUATE' | 'GRADUATE' | null;
  amountCents: number;
  currency: 'usd';
  label: string;
};

export const priceCatalog: PriceRow[] = [
  { service: 'DOCUMENT_REVIEW', levelOfStudy: 'FRESHMAN', amountCents: 500, currency: 'usd', label: 'Document Review (prospective freshman)' },
  {
    service: 'DOCUMENT_REVIEW',
    levelOfStudy: 'CONTINUING_UNDERGRADUATE',
    amountCents: 1000,
    currency: 'usd',
    label: 'Document Review (continuing undergraduate)',
  },
  { service: 'DOCUMENT_REVIEW', levelOfStudy: 'GRADUATE', amountCents: 1500, currency: 'usd', label: 'Document Review (graduate)' },
  { service: 'APPLICATION_SUPPORT', levelOfStudy: null, amountCents: 25000, currency: 'usd', label: 'Application Support' },
  { service: 'SCHOLARSHIP_SUPPORT', levelOfStudy: null, amountCents: 150000, currency: 'usd', label: 'Scholarship Support' },
];

/** The price of a service for an applicant's level of study, or null when the catalogue has none. */
export function findPrice(service: string, levelOfStudy: string): PriceRow | null {
  const row = priceCatalog.find((p) => p.service === service && (p.levelOfStudy === null || p.levelOfStudy === levelOfStudy));
  return row ?? null;
}
