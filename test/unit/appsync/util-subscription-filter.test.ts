import { describe, expect, it } from 'vitest';
import { toSubscriptionFilter } from '../../../local/appsync/util-subscription-filter.ts';

// Expected values: AppSync's evaluator output for util.transform.toSubscriptionFilter (see
// "Transformation helpers in util.transform").

const f = (fieldName: string, operator: string, value: unknown) => ({ fieldName, operator, value });
const groups = (...filterLists: ReturnType<typeof f>[][]) => ({ filterGroup: filterLists.map((filters) => ({ filters })) });

describe('given a filter of fields and and-groups', () => {
  it('when fields sit side by side, then they form one group', () => {
    expect(toSubscriptionFilter({ a: { eq: 1 }, b: { eq: 2 } })).toEqual(groups([f('a', 'eq', 1), f('b', 'eq', 2)]));
  });

  it('when an and sits beside a field, then its members join the same group', () => {
    expect(toSubscriptionFilter({ z: { eq: 0 }, and: [{ a: { eq: 1 } }] })).toEqual(groups([f('z', 'eq', 0), f('a', 'eq', 1)]));
  });

  it('when a field path has dots, then it is kept as written', () => {
    expect(toSubscriptionFilter({ 'loc.addr.country': { eq: 'USA' } })).toEqual(groups([f('loc.addr.country', 'eq', 'USA')]));
  });
});

describe('given alternatives', () => {
  it('when a field has two operators, then each becomes its own group', () => {
    expect(toSubscriptionFilter({ a: { eq: 1, ne: 2 } })).toEqual(groups([f('a', 'eq', 1)], [f('a', 'ne', 2)]));
  });

  it('when an or is nested in an and, then the groups multiply out', () => {
    expect(toSubscriptionFilter({ and: [{ a: { eq: 1 } }, { or: [{ b: { eq: 2 } }, { c: { eq: 3 } }] }] })).toEqual(
      groups([f('a', 'eq', 1), f('b', 'eq', 2)], [f('a', 'eq', 1), f('c', 'eq', 3)]),
    );
  });

  it('when operators, and-groups and or-groups combine, then every combination is a group, in order', () => {
    const result = toSubscriptionFilter({
      percentageUp: { lte: 50, gte: 20 },
      and: [{ title: { ne: 'Book1' } }, { downvotes: { gt: 2000 } }],
      or: [{ author: { eq: 'Admin' } }, { isPublished: { eq: false } }],
    });
    const shared = [f('title', 'ne', 'Book1'), f('downvotes', 'gt', 2000)];
    expect(result).toEqual(
      groups(
        [f('percentageUp', 'lte', 50), ...shared, f('author', 'eq', 'Admin')],
        [f('percentageUp', 'lte', 50), ...shared, f('isPublished', 'eq', false)],
        [f('percentageUp', 'gte', 20), ...shared, f('author', 'eq', 'Admin')],
        [f('percentageUp', 'gte', 20), ...shared, f('isPublished', 'eq', false)],
      ),
    );
  });
});

describe('given operators', () => {
  it('when they are in, notIn, between, containsAny or unknown, then they pass through as written', () => {
    expect(toSubscriptionFilter({ a: { in: [1, 2] }, b: { notIn: ['x'] } })).toEqual(groups([f('a', 'in', [1, 2]), f('b', 'notIn', ['x'])]));
    expect(toSubscriptionFilter({ a: { between: [1, 9] } })).toEqual(groups([f('a', 'between', [1, 9])]));
    expect(toSubscriptionFilter({ a: { containsAny: ['x', 'y'] } })).toEqual(groups([f('a', 'containsAny', ['x', 'y'])]));
    expect(toSubscriptionFilter({ a: { bogus: 1 } })).toEqual(groups([f('a', 'bogus', 1)]));
  });

  it('when not is used, then it is read as a field name', () => {
    expect(toSubscriptionFilter({ not: { a: { eq: 1 } } })).toEqual(groups([f('not', 'a', { eq: 1 })]));
  });
});

describe('given ignored fields and rules', () => {
  it('when a field is ignored, then it is dropped wherever it appears', () => {
    expect(toSubscriptionFilter({ a: { eq: 1 }, b: { eq: 2 } }, ['a'])).toEqual(groups([f('b', 'eq', 2)]));
    expect(toSubscriptionFilter({ a: { eq: 1 }, and: [{ b: { eq: 2 } }] }, ['b'])).toEqual(groups([f('a', 'eq', 1)]));
  });

  it('when rules are given, then each rule is an alternative added to every group', () => {
    expect(toSubscriptionFilter({ a: { eq: 1 } }, [], { r1: { gte: 250 }, r2: { eq: 'p' } })).toEqual(
      groups([f('a', 'eq', 1), f('r1', 'gte', 250)], [f('a', 'eq', 1), f('r2', 'eq', 'p')]),
    );
    expect(toSubscriptionFilter({}, [], { r1: { eq: 1 } })).toEqual(groups([f('r1', 'eq', 1)]));
  });
});

describe('given filters with no group or no filter', () => {
  it('when empty, then there are no groups', () => {
    expect(toSubscriptionFilter({})).toEqual({ filterGroup: [] });
    expect(toSubscriptionFilter({ a: {} })).toEqual({ filterGroup: [] });
    expect(toSubscriptionFilter({ and: [] })).toEqual({ filterGroup: [] });
  });

  it('when not an object (null, undefined, array, JSON string), then the answer is null', () => {
    for (const input of [null, undefined, [], '{"a":{"eq":1}}']) expect(toSubscriptionFilter(input)).toBeNull();
  });
});
