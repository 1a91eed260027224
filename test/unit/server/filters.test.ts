import { describe, expect, it } from 'vitest';
import { matchesArguments, matchesEnhancedFilter, parseSubscriptionFilter } from '../../../local/server/realtime/filters.ts';

// The operators and limits of AppSync's filter JSON ("Extensions", argument filterJsonObject), checked against a
// ticket like the documentation's examples.

const ticket = { id: 't1', service: 'AWS AppSync', severity: 3, seats: [10, 11], group: { name: 'Admin' }, status: null };

function single(fieldName: string, operator: string, value: unknown) {
  const parsed = parseSubscriptionFilter({ filterGroup: [{ filters: [{ fieldName, operator, value }] }] });
  if ('error' in parsed) throw new Error(parsed.error);
  return (payload: unknown) => matchesEnhancedFilter(parsed.filter, payload);
}

describe('enhanced filter operators', () => {
  it.each([
    ['eq', 'service', 'AWS AppSync', true],
    ['eq', 'service', 'aws appsync', false],
    ['ne', 'service', 'AWS AppSync', false],
    ['ne', 'service', 'Other', true],
    ['le', 'severity', 3, true],
    ['lt', 'severity', 3, false],
    ['ge', 'severity', 3, true],
    ['gt', 'severity', 2, true],
    ['gt', 'service', 2, false],
    ['contains', 'seats', 10, true],
    ['contains', 'service', 'AppSync', true],
    ['notContains', 'seats', 10, false],
    ['notContains', 'service', 'Lambda', true],
    ['beginsWith', 'service', 'AWS', true],
    ['beginsWith', 'service', 'App', false],
    ['in', 'severity', [1, 2, 3], true],
    ['notIn', 'severity', [1, 2, 3], false],
    ['between', 'severity', [1, 5], true],
    ['between', 'severity', [4, 5], false],
    ['containsAny', 'seats', [15, 11], true],
    ['containsAny', 'seats', [15, 20], false],
    ['eq', 'group.name', 'Admin', true],
    ['eq', 'missing', 'x', false],
    ['eq', 'status', null, false],
    ['ne', 'missing', 'x', true],
  ])('%s on %s with %j is %s', (operator, fieldName, value, expected) => {
    expect(single(fieldName, operator, value)(ticket)).toBe(expected);
  });

  it('ANDs the filters of a group and ORs the groups', () => {
    const parsed = parseSubscriptionFilter({
      filterGroup: [
        { filters: [{ fieldName: 'severity', operator: 'ge', value: 3 }, { fieldName: 'service', operator: 'eq', value: 'Lambda' }] },
        { filters: [{ fieldName: 'id', operator: 'eq', value: 't1' }] },
      ],
    });
    if ('error' in parsed) throw new Error(parsed.error);

    expect(matchesEnhancedFilter(parsed.filter, ticket)).toBe(true);
    expect(matchesEnhancedFilter(parsed.filter, { ...ticket, id: 't2' })).toBe(false);
  });
});

describe('filter validation', () => {
  const filters = (entries: unknown[]) => ({ filterGroup: [{ filters: entries }] });

  it.each([
    [{}, 'filterGroup must be a list'],
    [{ filterGroup: [] }, 'at least one group'],
    [{ filterGroup: Array.from({ length: 11 }, () => ({ filters: [{ fieldName: 'a', operator: 'eq', value: 1 }] })) }, 'at most 10 filter groups'],
    [filters([{ fieldName: 'a', operator: 'like', value: 1 }]), 'operator must be one of'],
    [filters([{ fieldName: 'a', operator: 'in', value: [1, 2, 3, 4, 5, 6] }]), "'in' takes a list of 1 to 5 values"],
    [filters([{ fieldName: 'a', operator: 'containsAny', value: Array.from({ length: 21 }, (_, i) => i) }]), "'containsAny' takes a list of 1 to 20"],
    [filters([{ fieldName: 'a', operator: 'between', value: [1] }]), "'between' takes a pair"],
    [filters([{ fieldName: 'a', operator: 'eq', value: 'x'.repeat(257) }]), 'limited to 256 characters'],
    [filters(['a', 'b', 'c', 'd', 'e', 'f'].map((fieldName) => ({ fieldName, operator: 'eq', value: 1 }))), 'at most 5 distinct field names'],
    [filters([{ fieldName: 'a.b.c.d.e.f', operator: 'eq', value: 1 }]), 'nests deeper than 5 levels'],
    [
      filters([
        { fieldName: 'a', operator: 'in', value: [1, 2, 3, 4] },
        { fieldName: 'b', operator: 'notIn', value: [1] },
        { fieldName: 'c', operator: 'eq', value: 1 },
      ]),
      'at most 5 conditions per group, each value of an in or notIn list counting as one; got 6',
    ],
  ])('refuses %j: %s', (filter, rule) => {
    const parsed = parseSubscriptionFilter(filter);
    expect('error' in parsed && parsed.error).toContain(rule);
  });
});

describe('argument filtering', () => {
  it('requires every argument that is set to equal the same-named field, and ignores unset ones', () => {
    expect(matchesArguments({ applicantId: 'a1', assigneeId: null }, { applicantId: 'a1', id: 'm1' })).toBe(true);
    expect(matchesArguments({ applicantId: 'a2' }, { applicantId: 'a1' })).toBe(false);
    expect(matchesArguments({ applicantId: 'a1' }, { id: 'm1' })).toBe(false);
  });
});
