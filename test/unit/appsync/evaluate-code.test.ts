import { describe, expect, it } from 'vitest';
import { evaluateCode } from '../../../local/appsync/evaluate-code.ts';

// Output shaped like the EvaluateCode API: evaluationResult / error { message, codeErrors } / logs / stash / outErrors.

const code = `
  import { util } from '@aws-appsync/utils';
  import * as ddb from '@aws-appsync/utils/dynamodb';
  export function request(ctx) {
    console.log('fetching', ctx.args.id);
    ctx.stash.seen = true;
    util.appendError('soft warning', 'Warning');
    return ddb.get({ key: { id: ctx.args.id } });
  }
  export function response(ctx) {
    if (ctx.error) util.error(ctx.error.message, ctx.error.type);
    return ctx.result;
  }
`;

describe('given evaluateCode on a request handler', () => {
  it('when the context is a JSON string, then evaluationResult, logs, stash and outErrors are JSON strings as AppSync prints them', () => {
    const output = evaluateCode({ code, function: 'request', context: JSON.stringify({ arguments: { id: 'p1' } }) });
    expect(output).toEqual({
      evaluationResult: JSON.stringify({ operation: 'GetItem', key: { id: { S: 'p1' } } }),
      logs: ['INFO - fetching p1'],
      stash: '{"seen":true}',
      outErrors: JSON.stringify([{ message: 'soft warning', errorType: 'Warning', data: null, errorInfo: null }]),
    });
  });
});

describe('given evaluateCode on a response handler', () => {
  it('when ctx.result is given, then it is returned', () => {
    const output = evaluateCode({ code, function: 'response', context: { arguments: {}, result: { id: 'p1' } } });
    expect(output.evaluationResult).toBe('{"id":"p1"}');
    expect(output.error).toBeUndefined();
  });

  it('when ctx.error is raised with util.error, then error.message is set and there is no evaluationResult', () => {
    const output = evaluateCode({ code, function: 'response', context: { error: { message: 'nope', type: 'DynamoDB:ConditionalCheckFailedException' } } });
    expect(output.error).toEqual({ message: 'nope' });
    expect(output.evaluationResult).toBeUndefined();
  });
});

describe('given invalid code or input', () => {
  it('when the code does not parse, then error.codeErrors locate the problem', () => {
    const output = evaluateCode({ code: 'export function request(ctx) { return {; }', function: 'request', context: '{}' });
    expect(output.error?.message).toBe('The code contains one or more errors.');
    expect(output.error?.codeErrors?.[0]).toMatchObject({ errorType: 'PARSER_ERROR', location: { line: 1 } });
  });

  it('when the function is not exported, then the error says so', () => {
    expect(evaluateCode({ code: 'export function request() { return 1; }', function: 'response', context: '{}' }).error?.message).toMatch(
      /does not export a 'response' function/,
    );
  });

  it('when the context is not JSON, then the error says so', () => {
    expect(evaluateCode({ code, function: 'request', context: '{' }).error?.message).toMatch(/not valid JSON/);
  });

  it('when the handler loops without end (an endless iterator passes the load-time checks), then the evaluation is stopped with an error', () => {
    const endless = `export function request() {
      const forever = { [Symbol.iterator]() { return { next() { return { done: false, value: 1 }; } }; } };
      let total = 0;
      for (const step of forever) total += step;
      return total;
    }`;

    expect(evaluateCode({ code: endless, function: 'request', context: '{}' }).error?.message).toMatch(/Script execution timed out after 5000ms/);
  });
});

describe('given code using what APPSYNC_JS does not support', () => {
  // Each line is refused when the resolver is created in AppSync ("Supported runtime features"); here when it loads.
  const refused: [construct: string, body: string, message: RegExp][] = [
    ['try/catch', 'try { return 1; } catch (e) { return 2; }', /try\/catch\/finally statements are not supported/],
    ['throw', "throw new Error('no');", /throw statements are not supported/],
    ['while', 'let i = 0; while (i < 3) { i += 1; } return i;', /while loops are not supported/],
    ['do-while', 'let i = 0; do { i += 1; } while (i < 3); return i;', /do-while loops are not supported/],
    ['C-style for', 'let n = 0; for (let i = 0; i < 3; i += 1) { n += i; } return n;', /for\(initialization; condition; afterthought\) loops are not supported/],
    ['continue', 'for (const x of [1]) { continue; } return 1;', /continue statements are not supported/],
    ['label', 'outer: for (const x of [1]) { break outer; } return 1;', /labeled statements are not supported/],
    ['++', 'let i = 0; i++; return i;', /the \+\+ operator is not supported/],
    ['--', 'let i = 1; --i; return i;', /the -- operator is not supported/],
    ['~', 'return ~1;', /the ~ operator is not supported/],
    ['in', "return 'a' in ctx.args;", /the in operator is not supported \(use Object.hasOwn\)/],
    ['instanceof', 'return ctx.args instanceof Object;', /the instanceof operator is not supported/],
    ['class', 'class A {} return 1;', /classes are not supported/],
    ['async', 'const f = async () => 1; return 1;', /async functions are not supported/],
    ['Promise', 'return Promise.resolve(1);', /Promise is not supported/],
    ['generator', 'function* g() { yield 1; } return 1;', /generators are not supported/],
    ['this', 'return this;', /the this keyword is not supported/],
    ['regex literal', 'return /a+/.test(ctx.args.s);', /regex literals are not supported/],
  ];

  it.each(refused)('when it uses %s, then loading refuses it as a LINT_ERROR naming the construct and line 3', (_construct, body, message) => {
    const output = evaluateCode({ code: `\n\nexport function request(ctx) { ${body} }\n`, function: 'request', context: {} });
    expect(output.evaluationResult).toBeUndefined();
    expect(output.error?.message).toBe('The code contains one or more errors.');
    expect(output.error?.codeErrors).toContainEqual({
      errorType: 'LINT_ERROR',
      value: expect.stringMatching(message),
      location: expect.objectContaining({ line: 3 }),
    });
  });

  it('when a function calls itself, directly or through another, then loading refuses the recursion naming the cycle', () => {
    const code = `
      function countdown(n) { return n <= 0 ? 0 : countdown(n - 1); }
      function even(n) { return n === 0 ? true : odd(n - 1); }
      const odd = (n) => (n === 0 ? false : even(n - 1));
      export function request(ctx) { return countdown(3); }
    `;
    const output = evaluateCode({ code, function: 'request', context: {} });
    expect(output.error?.codeErrors?.map((e) => [e.value, e.location?.line])).toEqual([
      ['code.js(2,51): recursive function calls are not supported: countdown calls countdown', 2],
      ['code.js(4,45): recursive function calls are not supported: even calls odd calls even', 4],
    ]);
  });

  it('when it uses only supported constructs (for-of, for-in, Object.hasOwn, helpers calling helpers), then it runs', () => {
    const code = `
      const double = (n) => n * 2;
      function total(items) { let sum = 0; for (const n of items) { sum += double(n); } return sum; }
      export function request(ctx) {
        const keys = [];
        for (const k in ctx.args) keys.push(k);
        return { total: total([1, 2]), keys, has: Object.hasOwn(ctx.args, 'a') };
      }
    `;
    const output = evaluateCode({ code, function: 'request', context: { arguments: { a: 1 } } });
    expect(output.error).toBeUndefined();
    expect(JSON.parse(output.evaluationResult ?? 'null')).toEqual({ total: 6, keys: ['a'], has: true });
  });
});

describe('given util.authType() and util.unauthorized() under evaluateCode', () => {
  const code = 'export function request(ctx) { return util.authType(); }\nexport function response(ctx) { util.unauthorized(); }';

  it('when the context names the authorization type, then util.authType() answers it; else it follows the identity', () => {
    const named = evaluateCode({ code, function: 'request', context: { authType: 'IAM Authorization', identity: null } });
    expect(named.evaluationResult).toBe('"IAM Authorization"');
    const pool = { sub: 's1', issuer: 'https://cognito-idp.eu-west-1.amazonaws.com/eu-west-1_x', claims: {} };
    expect(evaluateCode({ code, function: 'request', context: { identity: pool } }).evaluationResult).toBe('"User Pool Authorization"');
    expect(evaluateCode({ code, function: 'request', context: {} }).evaluationResult).toBe('"API Key Authorization"');
  });

  it('when util.unauthorized() runs with and without info, then the error names the field, or says Unauthorized', () => {
    const withInfo = evaluateCode({ code, function: 'response', context: { info: { fieldName: 'me', parentTypeName: 'Query' } } });
    expect(withInfo.error).toEqual({ message: 'Not Authorized to access me on type Query' });
    expect(evaluateCode({ code, function: 'response', context: {} }).error).toEqual({ message: 'Unauthorized' });
  });
});
