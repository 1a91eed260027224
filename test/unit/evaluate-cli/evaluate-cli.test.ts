// `npm run evaluate`, run as a developer runs it: a child process, its stdout, stderr and exit code.
import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

function evaluate(args: string[]): Promise<Run> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      ['--import', 'tsx', 'local/evaluate-cli.ts', ...args],
      { cwd: process.cwd() },
      (error, stdout, stderr) => {
        resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr });
      },
    );
  });
}

const resolverCode = `import { util } from '@aws-appsync/utils';
export function request(ctx) {
  console.log('loading', ctx.args.id);
  ctx.stash.requested = ctx.args.id;
  return { operation: 'GetItem', key: util.dynamodb.toMapValues({ pk: 'USER#' + ctx.args.id, sk: 'PROFILE' }) };
}
export function response(ctx) {
  if (ctx.error) util.error(ctx.error.message, ctx.error.type);
  return ctx.result;
}
`;

describe('npm run evaluate (the local twin of aws appsync evaluate-code)', () => {
  let dir: string;
  const file = (name: string) => join(dir, name);
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'evaluate-cli-'));
    await Promise.all([
      writeFile(file('resolver.js'), resolverCode),
      writeFile(
        file('request.json'),
        JSON.stringify({ arguments: { id: 'u-1' }, identity: { sub: 'u-1', groups: [] } }),
      ),
      writeFile(
        file('failed.json'),
        JSON.stringify({
          arguments: {},
          error: { message: 'The conditional request failed', type: 'DynamoDB:ConditionalCheckFailedException' },
        }),
      ),
      writeFile(file('broken.json'), '{ "arguments": '),
    ]);
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('prints the EvaluateCode response of a request handler (result as a JSON string, logs, stash) and exits 0', async () => {
    const run = await evaluate([
      '--code',
      file('resolver.js'),
      '--function',
      'request',
      '--context',
      `file://${file('request.json')}`,
    ]);
    expect(run.code).toBe(0);
    const output = JSON.parse(run.stdout) as { evaluationResult: string; logs: string[]; stash: string };
    expect(JSON.parse(output.evaluationResult)).toEqual({
      operation: 'GetItem',
      key: { pk: { S: 'USER#u-1' }, sk: { S: 'PROFILE' } },
    });
    expect(output.logs).toEqual([expect.stringContaining('loading u-1')]);
    expect(JSON.parse(output.stash)).toEqual({ requested: 'u-1' });
    // The AWS CLI's layout: JSON with a 4-space indent.
    expect(run.stdout).toMatch(/^\{\n {4}"evaluationResult": /);
  });

  it('prints the error of a handler that raises one and exits non-zero', async () => {
    const run = await evaluate([
      '--code',
      file('resolver.js'),
      '--function',
      'response',
      '--context',
      file('failed.json'),
    ]);
    expect(run.code).toBe(1);
    const output = JSON.parse(run.stdout) as { evaluationResult?: string; error: { message: string } };
    expect(output.evaluationResult).toBeUndefined();
    expect(output.error.message).toBe('The conditional request failed');
  });

  it('evaluates a TypeScript resolver of this repository as the bundle CDK would deploy', async () => {
    const run = await evaluate([
      '--code',
      'resolvers/Query/me.ts',
      '--function',
      'request',
      '--context',
      file('request.json'),
    ]);
    expect(run.code).toBe(0);
    const output = JSON.parse(run.stdout) as { evaluationResult: string };
    expect(JSON.parse(output.evaluationResult)).toMatchObject({
      operation: 'GetItem',
      key: { pk: { S: 'USER#u-1' }, sk: { S: 'PROFILE' } },
    });
  });

  it('refuses bad arguments with the field and the rule, exit code 2', async () => {
    const badFunction = await evaluate([
      '--code',
      file('resolver.js'),
      '--function',
      'both',
      '--context',
      file('request.json'),
    ]);
    expect(badFunction.code).toBe(2);
    expect(badFunction.stderr).toContain('--function must be "request" or "response"');

    const brokenContext = await evaluate([
      '--code',
      file('resolver.js'),
      '--function',
      'request',
      '--context',
      file('broken.json'),
    ]);
    expect(brokenContext.code).toBe(2);
    expect(brokenContext.stderr).toContain(`--context ${file('broken.json')} is not valid JSON`);

    const missingCode = await evaluate([
      '--code',
      file('nowhere.js'),
      '--function',
      'request',
      '--context',
      file('request.json'),
    ]);
    expect(missingCode.code).toBe(2);
    expect(missingCode.stderr).toContain(`--code ${file('nowhere.js')} cannot be read: ENOENT`);
  });
});
