// The old database's rows as the pg package returns them (docs/migration.md lists the tables). Every table but
// mltrainingconsent (consented_at) has created_at.
export type Row = Record<string, unknown> & { id: number; created_at: Date };

export const legacyTables = [
  'user',
  'applicant',
  'documentbundle',
  'document',
  'applicantreview',
  'task',
  'message',
  'payment',
  'auditlog',
  'mltrainingconsent',
  'eligibilityresult',
] as const;
export type LegacyTable = (typeof legacyTables)[number];

export type LegacyData = Record<LegacyTable, Row[]>;
