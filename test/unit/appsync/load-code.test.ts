import { describe, expect, it } from 'vitest';
import { appSyncCodeLimit as MAX_CODE_LENGTH } from '../../../infra/wiring/limits.ts';
import { loadResolverCode, ResolverCodeError } from '../../../local/appsync/load-code.ts';
import { createEvaluationState } from '../../../local/appsync/types.ts';

const state = () => createEvaluationState('API Key Authorization');
const run = (code: string, ctx: unknown = {}) => loadResolverCode(code).request!(ctx, state());

describe('given code importing the AppSync modules', () => {
  it('when it uses util, runtime, extensions and the dynamodb module (namespace and named imports), then they resolve', () => {
    const code = `
      import { util, runtime, extensions } from '@aws-appsync/utils';
      import * as ddb from '@aws-appsync/utils/dynamodb';
      import { get, operations } from '@aws-appsync/utils/dynamodb';
      export function request(ctx) {
        return {
          a: ddb.get({ key: { id: ctx.args.id } }),
          b: get({ key: { id: 'x' } }),
          c: typeof runtime.earlyReturn + typeof extensions.setSubscriptionFilter + typeof operations.increment,
          d: util.str.toUpper('ok'),
        };
      }
      export function response(ctx) { return ctx.result; }
    `;
    expect(run(code, { args: { id: '7' } })).toEqual({
      a: { operation: 'GetItem', key: { id: { S: '7' } } },
      b: { operation: 'GetItem', key: { id: { S: 'x' } } },
      c: 'functionfunctionfunction',
      d: 'OK',
    });
  });

  it('when it uses util without importing it, then the global is there as in AppSync', () => {
    expect(run('export function request() { return util.typeOf([]); }')).toBe('List');
  });

  it('when it imports any other module, then loading fails', () => {
    expect(() => loadResolverCode("import fs from 'node:fs'; export function request() { return fs; }")).toThrow(/Cannot import 'node:fs'/);
  });
});

describe('given the sandbox', () => {
  it('when code looks for Node globals, then process, require, fetch and timers are absent but Math.random works', () => {
    const code = `export function request() {
      return [typeof process, typeof globalThis.require, typeof fetch, typeof setTimeout, typeof Math.random()];
    }`;
    expect(run(code)).toEqual(['undefined', 'undefined', 'undefined', 'undefined', 'number']);
  });

  it('when code calls the module-scoped require for a Node module, then it is refused', () => {
    expect(() => run("export function request() { return require('node:child_process'); }")).toThrow(/Cannot import 'node:child_process'/);
  });

  it('when code tries eval, then string code generation is refused', () => {
    expect(() => run("export function request() { return eval('1 + 1'); }")).toThrow(/Code generation from strings disallowed/);
  });

  it('when two modules set the same global, then each keeps its own (a fresh context per module)', () => {
    const a = loadResolverCode('globalThis.mark = "a"; export function request() { return globalThis.mark; }');
    const b = loadResolverCode('export function request() { return typeof globalThis.mark; }');
    expect(a.request!({}, state())).toBe('a');
    expect(b.request!({}, state())).toBe('undefined');
  });

  it('when code loops forever, then the handler is stopped', () => {
    // for-of over the 4 billion keys of a sparse array: a loop AppSync's syntax allows (for(;;) and while are refused at load).
    expect(() => run('export function request() { let n = 0; for (const i of Array(2 ** 32 - 1).keys()) { n += i; } return n; }')).toThrow(/timed out/);
  }, 15_000);

  it('when loops and callbacks take every form (no braces, arrow bodies returning objects), then the guarded code answers the same', () => {
    const code = `export function request(ctx) {
      const seen = [];
      for (const x of ctx.args.items) seen.push(x);
      for (const key in ctx.args) ;
      const doubled = ctx.args.items.map((x) => ({ x: x * 2 }));
      const total = ctx.args.items.reduce((sum, x) => { return sum + x; }, 0);
      return { seen, doubled, total, named: [3].map(function (x) { return x + 1; }) };
    }`;

    expect(run(code, { args: { items: [1, 2] } })).toEqual({ seen: [1, 2], doubled: [{ x: 2 }, { x: 4 }], total: 3, named: [4] });
  });
});

describe('given the code size limit and invalid code', () => {
  const sized = (length: number) => {
    const body = 'export function request() { return 1; }\n';
    return body + '/'.repeat(0) + '//' + 'x'.repeat(length - body.length - 2);
  };

  it('when the code is exactly 32,768 characters, then it loads', () => {
    expect(sized(MAX_CODE_LENGTH)).toHaveLength(32_768);
    expect(loadResolverCode(sized(MAX_CODE_LENGTH)).request).toBeTypeOf('function');
  });

  it('when the code is 32,769 characters, then it is refused with AppSync wording', () => {
    expect(() => loadResolverCode(sized(MAX_CODE_LENGTH + 1))).toThrow(
      "1 validation error detected: Value at 'code' failed to satisfy constraint: Member must have length less than or equal to 32768",
    );
  });

  it('when the code does not parse, then a ResolverCodeError lists the code errors with locations', () => {
    try {
      loadResolverCode('export function request( { return 1; }');
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(ResolverCodeError);
      expect((error as ResolverCodeError).codeErrors[0]).toMatchObject({ errorType: 'PARSER_ERROR', location: { line: 1 } });
    }
  });
});

describe('given the module cache', () => {
  it('when the same code is loaded twice, then the same module comes back', () => {
    const code = 'export function request() { return 42; }';
    expect(loadResolverCode(code)).toBe(loadResolverCode(code));
  });
});
