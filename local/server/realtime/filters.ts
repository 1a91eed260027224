import { isDeepStrictEqual } from 'node:util';

// Which published events reach a subscriber.
// - Basic filtering ("Using subscriptions for real-time data applications", subscription arguments,
//   https://docs.aws.amazon.com/appsync/latest/devguide/aws-appsync-real-time-data.html): every argument the
//   subscriber set must equal the same-named field of the mutation's result.
// - Enhanced filtering ("Extensions", argument filterJsonObject, and "Defining enhanced subscriptions filters",
//   https://docs.aws.amazon.com/appsync/latest/devguide/aws-appsync-real-time-enhanced-filtering.html): groups in
//   `filterGroup` are OR-ed, the filters of a group are AND-ed; operators eq, ne, le, lt, ge, gt, contains,
//   notContains, beginsWith, in, notIn, between, containsAny; string comparisons are case sensitive; `fieldName`
//   may reach into nested objects with dots.
// - When the subscription's resolver sets an enhanced filter, the client's argument filter is not applied
//   (AppSync team, aws/aws-appsync-community#89: "With enhance filtering, you write your filters in your resolver and
//   the client filters are not applied").

export interface FilterEntry {
  fieldName: string;
  operator: string;
  value: unknown;
}

export interface SubscriptionFilter {
  filterGroup: { filters: FilterEntry[] }[];
}

const OPERATORS = new Set(['eq', 'ne', 'le', 'lt', 'ge', 'gt', 'contains', 'notContains', 'beginsWith', 'in', 'notIn', 'between', 'containsAny']);
/** Limits from "Extensions", section Exceptions. */
const LIMITS = { groups: 10, fieldNamesPerGroup: 5, inValues: 5, containsAnyValues: 20, stringLength: 256, nesting: 5 } as const;

/** What one filter counts toward a group's limit: each value of an `in` or `notIn` list is a condition of its own. */
function conditionCount(entry: FilterEntry): number {
  return (entry.operator === 'in' || entry.operator === 'notIn') && Array.isArray(entry.value) ? entry.value.length : 1;
}

type Comparable = string | number;

function isComparable(value: unknown): value is Comparable {
  return typeof value === 'string' || (typeof value === 'number' && Number.isFinite(value));
}

function sameKind(a: unknown, b: unknown): a is Comparable {
  return isComparable(a) && isComparable(b) && typeof a === typeof b;
}

function compare(a: unknown, b: unknown, test: (x: Comparable, y: Comparable) => boolean): boolean {
  return sameKind(a, b) && test(a, b as Comparable);
}

function contains(field: unknown, value: unknown): boolean {
  if (Array.isArray(field)) return field.some((item) => isDeepStrictEqual(item, value));
  if (typeof field === 'string' && typeof value === 'string') return field.includes(value);
  return false;
}

function valueAt(payload: unknown, path: string): unknown {
  let current: unknown = payload;
  for (const key of path.split('.')) {
    if (current === null || typeof current !== 'object' || Array.isArray(current)) return undefined;
    current = (current as Record<string, unknown>)[key];
  }
  return current;
}

function matchesEntry(entry: FilterEntry, payload: unknown): boolean {
  const field = valueAt(payload, entry.fieldName);
  const { value } = entry;
  const present = field !== undefined && field !== null;
  switch (entry.operator) {
    case 'eq':
      return present && isDeepStrictEqual(field, value);
    case 'ne':
      return !present || !isDeepStrictEqual(field, value);
    case 'le':
      return compare(field, value, (a, b) => a <= b);
    case 'lt':
      return compare(field, value, (a, b) => a < b);
    case 'ge':
      return compare(field, value, (a, b) => a >= b);
    case 'gt':
      return compare(field, value, (a, b) => a > b);
    case 'contains':
      return present && contains(field, value);
    case 'notContains':
      return !present || !contains(field, value);
    case 'beginsWith':
      return typeof field === 'string' && typeof value === 'string' && field.startsWith(value);
    case 'in':
      return present && Array.isArray(value) && value.some((v) => isDeepStrictEqual(field, v));
    case 'notIn':
      return !present || (Array.isArray(value) && !value.some((v) => isDeepStrictEqual(field, v)));
    case 'between': {
      if (!Array.isArray(value) || value.length !== 2) return false;
      const [low, high] = value as [unknown, unknown];
      return compare(field, low, (a, b) => a >= b) && compare(field, high, (a, b) => a <= b);
    }
    case 'containsAny': {
      if (!present || !Array.isArray(value)) return false;
      const items = Array.isArray(field) ? field : [field];
      return value.some((v) => items.some((item) => isDeepStrictEqual(item, v)));
    }
    default:
      return false;
  }
}

export function matchesEnhancedFilter(filter: SubscriptionFilter, payload: unknown): boolean {
  return filter.filterGroup.some((group) => group.filters.every((entry) => matchesEntry(entry, payload)));
}

/** Basic filtering: arguments left out or null do not filter. */
export function matchesArguments(args: Record<string, unknown>, payload: Record<string, unknown>): boolean {
  return Object.entries(args).every(
    ([name, value]) => value === null || value === undefined || isDeepStrictEqual(payload[name], value),
  );
}

function checkValue(where: string, operator: string, value: unknown): string | null {
  const strings = (Array.isArray(value) ? value : [value]).filter((v): v is string => typeof v === 'string');
  if (strings.some((s) => s.length > LIMITS.stringLength)) return `${where}: strings are limited to ${LIMITS.stringLength} characters`;
  if (operator === 'in' || operator === 'notIn') {
    if (!Array.isArray(value) || value.length === 0 || value.length > LIMITS.inValues) {
      return `${where}: '${operator}' takes a list of 1 to ${LIMITS.inValues} values`;
    }
  } else if (operator === 'containsAny') {
    if (!Array.isArray(value) || value.length === 0 || value.length > LIMITS.containsAnyValues) {
      return `${where}: 'containsAny' takes a list of 1 to ${LIMITS.containsAnyValues} values`;
    }
  } else if (operator === 'between') {
    if (!Array.isArray(value) || value.length !== 2) return `${where}: 'between' takes a pair [low, high]`;
  } else if (value !== null && typeof value === 'object') {
    return `${where}: '${operator}' takes a single string, number or boolean`;
  }
  return null;
}

/** Checks a filter set by a resolver; returns the filter, or an error message naming the rule it breaks. */
export function parseSubscriptionFilter(input: unknown): { filter: SubscriptionFilter } | { error: string } {
  const groups = (input as { filterGroup?: unknown } | null)?.filterGroup;
  if (!Array.isArray(groups)) return { error: 'filter: filterGroup must be a list of { filters: [...] }' };
  if (groups.length === 0) return { error: 'filter: filterGroup must hold at least one group' };
  if (groups.length > LIMITS.groups) return { error: `filter: at most ${LIMITS.groups} filter groups` };
  const parsed: SubscriptionFilter = { filterGroup: [] };
  for (const [g, group] of groups.entries()) {
    const filters = (group as { filters?: unknown } | null)?.filters;
    if (!Array.isArray(filters) || filters.length === 0) return { error: `filterGroup[${g}].filters must be a non-empty list` };
    const names = new Set<string>();
    const entries: FilterEntry[] = [];
    for (const [f, raw] of filters.entries()) {
      const where = `filterGroup[${g}].filters[${f}]`;
      const { fieldName, operator, value } = (raw ?? {}) as Partial<FilterEntry>;
      if (typeof fieldName !== 'string' || fieldName.length === 0) return { error: `${where}.fieldName must be a field name` };
      if (fieldName.split('.').length > LIMITS.nesting) return { error: `${where}.fieldName nests deeper than ${LIMITS.nesting} levels` };
      if (typeof operator !== 'string' || !OPERATORS.has(operator)) {
        return { error: `${where}.operator must be one of ${[...OPERATORS].join(', ')}` };
      }
      const valueError = checkValue(where, operator, value);
      if (valueError) return { error: valueError };
      names.add(fieldName);
      entries.push({ fieldName, operator, value });
    }
    if (names.size > LIMITS.fieldNamesPerGroup) {
      return { error: `filterGroup[${g}]: at most ${LIMITS.fieldNamesPerGroup} distinct field names per group` };
    }
    const conditions = entries.reduce((sum, entry) => sum + conditionCount(entry), 0);
    if (conditions > LIMITS.fieldNamesPerGroup) {
      return {
        error: `filterGroup[${g}]: at most ${LIMITS.fieldNamesPerGroup} conditions per group, each value of an in or notIn list counting as one; got ${conditions}`,
      };
    }
    parsed.filterGroup.push({ filters: entries });
  }
  return { filter: parsed };
}
