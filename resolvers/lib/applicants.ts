// Shared pieces of the applicant writes: field rules, the condition every applicant write carries, and the result
// built from what was read plus what was written (TransactWriteItems returns no item).
import { util } from '@aws-appsync/utils';
import { conflict, invalid } from './errors.ts';
import { applicantKey } from './keys.ts';
import { ownerEditableStatuses } from './pipeline.ts';
import { expression, txUpdate, update, type Expression } from './requests.ts';
import { optionalText, text } from './validate.ts';

export const bundleName = 'Registration documents';

export const maxAnnualBudgetUsd = 10000000;

/** A note staff add to a status change; it goes into the audit event. */
export const maxStatusNoteLength = 1000;

export type StoredApplicant = Record<string, unknown> & {
  id: string;
  ownerId: string;
  firstName: string;
  lastName: string;
  status: string;
  version: number;
  bundle: { name: string; status: string; updatedAt: string };
  assignedStaffId?: string | null;
};

/** The text fields of an applicant and their rules (lengths after trimming). */
export const requiredTextFields: Record<string, { min: number; max: number }> = {
  firstName: { min: 1, max: 100 },
  lastName: { min: 1, max: 100 },
  countryOfResidence: { min: 2, max: 100 },
};

export const optionalTextFields: Record<string, number> = {
  latestEducation: 200,
  incomeSource: 200,
};

/** The enum fields; GraphQL has already checked their values. */
export const enumFields = ['studyDestination', 'levelOfStudy', 'serviceInterest'];

export function annualBudget(field: string, value: number | null | undefined): number | null {
  if (value === null || value === undefined) return null;
  if (!Number.isInteger(value) || value < 0 || value > maxAnnualBudgetUsd) {
    invalid(field, `must be a whole number of US dollars from 0 to ${maxAnnualBudgetUsd}`);
  }
  return value;
}

/**
 * The applicant fields given in `input`, validated and normalised. Fields not given are left out, so an update
 * changes only what was sent; an optional field given as null or blank becomes null (removed).
 */
export function applicantFields(input: Record<string, unknown>, prefix: string): Record<string, unknown> {
  const fields: Record<string, unknown> = {};
  for (const name of Object.keys(requiredTextFields)) {
    const value = input[name];
    if (value === null) invalid(`${prefix}.${name}`, 'must not be null');
    if (value !== undefined) {
      const rule = requiredTextFields[name] || { min: 1, max: 100 };
      fields[name] = text(`${prefix}.${name}`, value as string, rule.min, rule.max);
    }
  }
  for (const name of Object.keys(optionalTextFields)) {
    const value = input[name];
    if (value !== undefined) fields[name] = optionalText(`${prefix}.${name}`, value as string | null, optionalTextFields[name] || 200);
  }
  for (const name of enumFields) {
    const value = input[name];
    if (value === null) invalid(`${prefix}.${name}`, 'must not be null');
    if (value !== undefined) fields[name] = value;
  }
  if (input.annualBudgetUsd !== undefined) {
    fields.annualBudgetUsd = annualBudget(`${prefix}.annualBudgetUsd`, input.annualBudgetUsd as number | null);
  }
  return fields;
}

/** "First Last", as the message thread and the staff inbox show the applicant. */
export function applicantName(applicant: { firstName: string; lastName: string }): string {
  return `${applicant.firstName} ${applicant.lastName}`;
}

/** A stale expectedVersion seen on the item just read is a conflict, reported before anything is written. */
export function requireVersion(applicant: StoredApplicant, expectedVersion: number): void {
  if (applicant.version !== expectedVersion) conflict('Applicant', expectedVersion);
}

/**
 * Every applicant write is conditioned on the version and the status the resolver read, so a concurrent change
 * cancels the transaction instead of slipping past a check made on the read.
 */
export function applicantUnchanged(applicant: StoredApplicant): Expression {
  return expression(
    'attribute_exists(pk) AND #version = :expectedVersion AND #status = :readStatus',
    { '#version': 'version', '#status': 'status' },
    { ':expectedVersion': applicant.version, ':readStatus': applicant.status },
  );
}

/** The applicant update of a transaction: `set` (null removes), updatedAt, version + 1, on the unchanged item. */
export function applicantUpdate(table: string, applicant: StoredApplicant, set: Record<string, unknown>, now: string) {
  return txUpdate(table, applicantKey(applicant.id), update({ set: { ...set, updatedAt: now }, add: { version: 1 } }), applicantUnchanged(applicant));
}

/** The applicant as it is after the write: what was read, the changes (null for removed), updatedAt, version + 1. */
export function afterWrite(applicant: StoredApplicant, set: Record<string, unknown>, now: string): StoredApplicant {
  return { ...applicant, ...set, updatedAt: now, version: applicant.version + 1 };
}

/** The document bundle with a new status. */
export function bundleWithStatus(applicant: StoredApplicant, status: string, now: string) {
  return { name: applicant.bundle.name, status, updatedAt: now };
}

/** Why the caller may not edit an applicant in this status, or null when they may (docs/pipeline.md). */
export function editRefusal(status: string, callerIsTeam: boolean): string | null {
  if (status === 'ARCHIVED') return 'An ARCHIVED applicant cannot be edited; staff restore it first';
  if (callerIsTeam || ownerEditableStatuses.some((s) => s === status)) return null;
  return `An applicant in status ${status} can be edited by staff only; its owner edits it while it is ${ownerEditableStatuses.join(' or ')}`;
}

/** The applicant's status does not allow this edit. */
export function notEditable(message: string, status: string): never {
  return util.error(message, 'NotEditable', null, { status });
}
