import { intRange } from './validate.ts';

export const defaultPageSize = 20;
export const maxPageSize = 100;

/** The page size a list asked for: 20 unless given, 1 to 100. */
export function pageLimit(limit: number | null | undefined): number {
  if (limit === null || limit === undefined) return defaultPageSize;
  return intRange('limit', limit, 1, maxPageSize);
}

/** A connection from a Query result: items and AppSync's opaque nextToken. */
export function connection<T>(result: { items?: T[]; nextToken?: string | null } | null): { items: T[]; nextToken: string | null } {
  return { items: (result && result.items) || [], nextToken: (result && result.nextToken) || null };
}
