// Reference: util.transform.toElasticsearchQueryDSL ("Transformation helpers in util.transform",
// https://docs.aws.amazon.com/appsync/latest/devguide/transformation-helpers-in-utils-transform-js.html): a filter
// input becomes an OpenSearch bool query. Each field's operators are AND-ed in a bool/must of their own and the
// fields AND-ed in the outer bool/must; `and`, `or` and `not` nest as bool must / should / must_not.
// Operators: eq (term), ne (must_not term), gt, gte/ge, lt, lte/le (range), range [from, to], match, matchPhrase,
// matchPhrasePrefix, multiMatch, exists, wildcard, regexp.

type Query = Record<string, unknown>;

const RANGE: Record<string, string> = { gt: 'gt', gte: 'gte', ge: 'gte', lt: 'lt', lte: 'lte', le: 'lte' };
const LEAF: Record<string, string> = {
  match: 'match',
  matchPhrase: 'match_phrase',
  matchPhrasePrefix: 'match_phrase_prefix',
  wildcard: 'wildcard',
  regexp: 'regexp',
};

function isObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

function operatorQuery(field: string, operator: string, value: unknown): Query {
  if (operator === 'eq') return { term: { [field]: value } };
  if (operator === 'ne') return { bool: { must_not: { term: { [field]: value } } } };
  if (RANGE[operator]) return { range: { [field]: { [RANGE[operator]!]: value } } };
  if (operator === 'range') {
    const [from, to] = Array.isArray(value) ? value : [];
    return { range: { [field]: { gte: from, lte: to } } };
  }
  if (LEAF[operator]) return { [LEAF[operator]!]: { [field]: value } };
  if (operator === 'multiMatch') return { multi_match: { ...(isObject(value) ? value : { query: value }), fields: [field] } };
  if (operator === 'exists') return value === false ? { bool: { must_not: { exists: { field } } } } : { exists: { field } };
  throw new Error(`toElasticsearchQueryDSL: unsupported operator '${operator}' on ${field}`);
}

function clauses(filter: Record<string, unknown>): Query[] {
  return Object.entries(filter).flatMap(([key, value]): Query[] => {
    if (value === undefined || value === null) return [];
    if (key === 'and' || key === 'or') {
      const members = (Array.isArray(value) ? value : []).filter(isObject).map((member) => toElasticsearchQueryDSL(member));
      return [{ bool: { [key === 'and' ? 'must' : 'should']: members } }];
    }
    if (key === 'not') return isObject(value) ? [{ bool: { must_not: toElasticsearchQueryDSL(value) } }] : [];
    if (!isObject(value)) return [];
    return [{ bool: { must: Object.entries(value).map(([operator, operand]) => operatorQuery(key, operator, operand)) } }];
  });
}

export function toElasticsearchQueryDSL(filter: unknown): Query | null {
  if (!isObject(filter)) return null;
  return { bool: { must: clauses(filter) } };
}
