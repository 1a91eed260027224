// Reference: "Transformation helpers in util.transform", toSubscriptionFilter(objFilter, ignoredFields?, rules?)
// (https://docs.aws.amazon.com/appsync/latest/devguide/transformation-helpers-in-utils-transform-js.html).
// The result is a list of filter groups (OR-ed), each a list of filters (AND-ed). Every operator of a field,
// every member of an `or` and every rule is an alternative, so groups multiply out; `and` members and sibling
// fields are combined. Operators are not validated; `not` is an ordinary field name here. Behaviour matches
// outputs recorded from AppSync's evaluator.

export interface SubscriptionFilterEntry {
  fieldName: string;
  operator: string;
  value: unknown;
}

export interface SubscriptionFilter {
  filterGroup: { filters: SubscriptionFilterEntry[] }[];
}

type Alternatives = SubscriptionFilterEntry[][];

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

function combine(left: Alternatives | null, right: Alternatives): Alternatives {
  if (left === null) return right;
  return left.flatMap((a) => right.map((b) => [...a, ...b]));
}

function fieldAlternatives(fieldName: string, operators: unknown): Alternatives {
  if (!isPlainObject(operators)) return [];
  return Object.entries(operators)
    .filter(([, value]) => value !== undefined)
    .map(([operator, value]) => [{ fieldName, operator, value }]);
}

function objectAlternatives(filter: Record<string, unknown>, ignored: Set<string>): Alternatives | null {
  let result: Alternatives | null = null;
  for (const [key, value] of Object.entries(filter)) {
    if (value === undefined || ignored.has(key)) continue;
    if (key === 'and' || key === 'or') {
      const members = (Array.isArray(value) ? value : []).filter(isPlainObject).map((m) => objectAlternatives(m, ignored));
      const joined =
        key === 'or'
          ? members.flatMap((m) => m ?? [])
          : members.reduce<Alternatives | null>((acc, m) => (m === null ? acc : combine(acc, m)), null);
      if (joined !== null) result = combine(result, joined);
    } else {
      result = combine(result, fieldAlternatives(key, value));
    }
  }
  return result;
}

export function toSubscriptionFilter(filter: unknown, ignoredFields?: unknown, rules?: unknown): SubscriptionFilter | null {
  if (!isPlainObject(filter)) return null;
  const ignored = new Set(Array.isArray(ignoredFields) ? ignoredFields.map(String) : []);
  const groups = objectAlternatives(filter, ignored) ?? [];
  const ruleAlternatives = isPlainObject(rules)
    ? Object.entries(rules).flatMap(([field, operators]) => fieldAlternatives(field, operators))
    : [];
  let combined = groups;
  if (ruleAlternatives.length > 0) combined = groups.length === 0 ? ruleAlternatives : combine(groups, ruleAlternatives);
  return { filterGroup: combined.map((filters) => ({ filters })) };
}
