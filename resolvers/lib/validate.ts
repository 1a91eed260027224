import { util } from '@aws-appsync/utils';
import { invalid } from './errors.ts';
import { ulidPattern } from './keys.ts';

/** A required string: trimmed length between min and max. */
export function text(field: string, value: string, min: number, max: number): string {
  const trimmed = (value || '').trim();
  if (trimmed.length < min) invalid(field, min === 1 ? 'must not be empty' : `must be at least ${min} characters`);
  if (trimmed.length > max) invalid(field, `must be at most ${max} characters`);
  return trimmed;
}

/** An optional string: null stays null, blank becomes null, otherwise as `text`. */
export function optionalText(field: string, value: string | null | undefined, max: number): string | null {
  if (value === null || value === undefined || value.trim().length === 0) return null;
  return text(field, value, 1, max);
}

export function intRange(field: string, value: number, min: number, max: number): number {
  if (!Number.isInteger(value) || value < min || value > max) invalid(field, `must be a whole number from ${min} to ${max}`);
  return value;
}

export function numberRange(field: string, value: number, min: number, max: number): number {
  if (typeof value !== 'number' || value < min || value > max) invalid(field, `must be from ${min} to ${max}`);
  return value;
}

export function expectedVersion(field: string, value: number): number {
  return intRange(field, value, 1, 2147483647);
}

/** A ULID as util.autoUlid() makes them: 26 Crockford base-32 characters. */
export function ulid(field: string, value: string): string {
  if (!util.matches(ulidPattern, value || '')) invalid(field, 'must be an id issued by this API');
  return value;
}

export function optionalUlid(field: string, value: string | null | undefined): string | null {
  if (value === null || value === undefined) return null;
  return ulid(field, value);
}

/** AppSync's nextToken is opaque base64; anything else is refused before it reaches the data source. */
export const maxPageTokenLength = 4096;

export function pageToken(field: string, value: string | null | undefined): string | null {
  if (value === null || value === undefined) return null;
  if (value.length > maxPageTokenLength || !util.matches('^[A-Za-z0-9+/_=-]+$', value)) {
    invalid(field, 'must be the nextToken of the previous page of this same list');
  }
  return value;
}
