import { describe, expect, it } from 'vitest';
import { callers, evaluate, readable, resolverBundle } from './evaluate-resolver.ts';

// listAuditEvents: exactly one way in (a resource, an actor, or a day), each one Query, newest first.

const code = resolverBundle('Query', 'listAuditEvents');
const request = (args: Record<string, unknown>) => evaluate(code, 'request', { caller: callers.admin, arguments: args });

describe('listAuditEvents', () => {
  it('given a resource, when the request is built, then it queries the resource partition newest first', () => {
    const { result } = request({ resourceType: 'APPLICANT', resourceId: '01J9ZQ4M2V7C3T8K5R6N1P0W9A', limit: 10 });
    expect(result).toMatchObject({ operation: 'Query', limit: 10, scanIndexForward: false });
    expect(result.index).toBeUndefined();
    expect(readable(result.query)).toBe('pk = "AUDIT#APPLICANT#01J9ZQ4M2V7C3T8K5R6N1P0W9A"');
  });

  it('given an actor, when the request is built, then it queries gsi1 ACTOR#<id>', () => {
    const { result } = request({ actorId: callers.staff.sub, nextToken: 'next' });
    expect(result).toMatchObject({ index: 'gsi1', nextToken: 'next', scanIndexForward: false });
    expect(readable(result.query)).toBe(`gsi1pk = "ACTOR#${callers.staff.sub}"`);
  });

  it('given a day, when the request is built, then it queries gsi2 AUDIT_DAY#<day>', () => {
    const { result } = request({ day: '2025-03-01' });
    expect(result.index).toBe('gsi2');
    expect(readable(result.query)).toBe('gsi2pk = "AUDIT_DAY#2025-03-01"');
  });

  it.each([
    [{}, 'arguments: give exactly one of resourceType with resourceId, actorId, or day'],
    [{ actorId: 'a', day: '2025-03-01' }, 'arguments: give exactly one of resourceType with resourceId, actorId, or day'],
    [{ resourceType: 'APPLICANT', resourceId: 'x', actorId: 'a' }, 'arguments: give exactly one of resourceType with resourceId, actorId, or day'],
    [{ resourceType: 'APPLICANT' }, 'resourceId: is required with resourceType'],
    [{ resourceId: 'x' }, 'resourceType: is required with resourceId'],
    [{ day: '2025-03-01+01:00' }, 'day: must be a UTC date written YYYY-MM-DD'],
  ])('given %o, when the request is built, then it refuses naming the argument and the rule', (args, message) => {
    const { error, result } = request(args);
    expect(error).toBe(message);
    expect(result).toBeUndefined();
  });
});
