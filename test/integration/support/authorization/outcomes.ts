// What the authorization matrix expects of one call, how each expectation reads in docs/authorization.md, and the
// assertion that holds a real answer (HTTP or a real-time `start`) to it. "Deny" answers are AppSync's own.
import { expect } from 'vitest';
import type { HttpAnswer } from '../call-as.ts';
import type { StartAnswer } from '../realtime-callers.ts';

export type RootType = 'Query' | 'Mutation' | 'Subscription';

/**
 * Answers given for an item the caller may not see: exactly those for an item that does not exist (null, NotFound,
 * an empty page, or for a caller-keyed answer whatever the answer for a missing item is).
 */
export type HiddenAs = 'null' | 'NotFound' | 'empty' | 'same';

export type Outcome =
  /** Authorization passed and the call did what it is for: no error, and an answer (not null). */
  | { kind: 'allow' }
  /** No credentials: HTTP 401 UnauthorizedException; over WebSocket the handshake is refused. */
  | { kind: 'unauthenticated' }
  /** A schema directive or the resolver (util.unauthorized) refuses: errorType Unauthorized. */
  | { kind: 'unauthorized' }
  /** Another applicant's item: the very answer for an item that does not exist. */
  | { kind: 'hidden'; as: HiddenAs }
  /** Authorized, then refused by a domain rule that names who may do it. */
  | { kind: 'refused'; errorType: string; why: string };

export const allow: Outcome = { kind: 'allow' };
export const unauthenticated: Outcome = { kind: 'unauthenticated' };
export const unauthorized: Outcome = { kind: 'unauthorized' };
export const hidden = (as: HiddenAs): Outcome => ({ kind: 'hidden', as });
export const refused = (errorType: string, why: string): Outcome => ({ kind: 'refused', errorType, why });

/** The outcome as docs/authorization.md writes it. */
export function outcomeLabel(outcome: Outcome, type: RootType): string {
  switch (outcome.kind) {
    case 'allow':
      return 'allow';
    case 'unauthenticated':
      return type === 'Subscription' ? 'handshake refused' : '401';
    case 'unauthorized':
      return 'Unauthorized';
    case 'hidden':
      return {
        null: 'null as if missing',
        NotFound: 'NotFound as if missing',
        empty: 'empty page as if missing',
        same: 'same answer as if missing',
      }[outcome.as];
    case 'refused':
      return `${outcome.errorType}: ${outcome.why}`;
  }
}

const unauthorizedMessage = (type: RootType, field: string) => `Not Authorized to access ${field} on type ${type}`;

/** An error an allowed call may still end in, for a reason outside authorization (the caller got past every check). */
export interface Tolerated {
  errorType: string;
  because: string;
}

/** Holds an HTTP answer to `outcome`; `where` names the call in failure messages. */
export function expectHttpOutcome(
  answer: HttpAnswer<unknown>,
  outcome: Outcome,
  type: RootType,
  field: string,
  where: string,
  tolerated?: Tolerated,
): void {
  const value = (answer.data as Record<string, unknown> | null)?.[field];
  const errorTypes = answer.errors.map((e) => e.errorType);
  const seen = `${where} answered HTTP ${answer.status} ${JSON.stringify({ data: answer.data, errors: answer.errors })}`;
  switch (outcome.kind) {
    case 'allow':
      expect(answer.status, seen).toBe(200);
      if (tolerated && errorTypes.length === 1 && errorTypes[0] === tolerated.errorType) return;
      expect(answer.errors, seen).toEqual([]);
      expect(value ?? null, seen).not.toBeNull();
      return;
    case 'unauthenticated':
      expect(answer.status, seen).toBe(401);
      expect(errorTypes, seen).toEqual(['UnauthorizedException']);
      expect(answer.data ?? null, seen).toBeNull();
      return;
    case 'unauthorized':
      expect(answer.status, seen).toBe(200);
      expect(answer.errors.map((e) => [e.errorType, e.message]), seen).toEqual([['Unauthorized', unauthorizedMessage(type, field)]]);
      expect(value ?? null, seen).toBeNull();
      return;
    case 'hidden':
      expect(answer.status, seen).toBe(200);
      if (outcome.as === 'NotFound') {
        expect(errorTypes, seen).toEqual(['NotFound']);
        expect(value ?? null, seen).toBeNull();
      } else {
        expect(answer.errors, seen).toEqual([]);
        if (outcome.as === 'null') expect(value, seen).toBeNull();
        if (outcome.as === 'empty') expect(value, seen).toMatchObject({ items: [], nextToken: null });
      }
      return;
    case 'refused':
      expect(answer.status, seen).toBe(200);
      expect(errorTypes, seen).toEqual([outcome.errorType]);
      expect(value ?? null, seen).toBeNull();
      return;
  }
}

/** Holds a real-time `start` answer to `outcome` (anonymous callers never get to `start`: see anonymousHandshake). */
export function expectStartOutcome(answer: StartAnswer, outcome: Outcome, field: string, where: string): void {
  const seen = `${where} was answered ${JSON.stringify(answer)}`;
  switch (outcome.kind) {
    case 'allow':
      expect(answer.acknowledged, seen).toBe(true);
      return;
    case 'unauthorized':
      expect(answer.acknowledged, seen).toBe(false);
      if (!answer.acknowledged) {
        expect(answer.errors.map((e) => [e.errorType, e.message]), seen).toEqual([['Unauthorized', unauthorizedMessage('Subscription', field)]]);
      }
      return;
    case 'hidden':
    case 'refused': {
      const errorType = outcome.kind === 'refused' ? outcome.errorType : outcome.as;
      expect(answer.acknowledged, seen).toBe(false);
      if (!answer.acknowledged) expect(answer.errors.map((e) => e.errorType), seen).toEqual([errorType]);
      return;
    }
    case 'unauthenticated':
      throw new Error(`${where}: an unauthenticated caller is checked at the handshake, not at start`);
  }
}
