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
});
