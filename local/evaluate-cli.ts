// `npm run evaluate -- --code FILE --function request|response --context CTX.json`: the local twin of
// `aws appsync evaluate-code` (https://docs.aws.amazon.com/cli/latest/reference/appsync/evaluate-code.html). FILE is
// resolver code as AppSync takes it (ESM JavaScript importing @aws-appsync/utils); a .ts file is first bundled the
// way scripts/build-resolvers.ts bundles it for deployment. Prints the EvaluateCode response as the AWS CLI prints it
// and exits with 1 when the evaluation failed.
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { bundleResolver } from '../scripts/resolver-bundles.ts';
import { evaluateCode, type EvaluateCodeOutput } from './appsync/index.ts';

const usage = 'Usage: npm run evaluate -- --code FILE --function request|response --context CTX.json';

/** EvaluateCode's limit on the context (API_EvaluateCode: "Maximum length of 28000"). */
const maxContextLength = 28_000;

class UsageError extends Error {}

interface EvaluateArguments {
  codeFile: string;
  function: 'request' | 'response';
  contextFile: string;
}

/** The AWS CLI takes `file://path`; a bare path is accepted too. */
const filePath = (value: string) => resolve(value.replace(/^file:\/\//, ''));

function parseEvaluateArguments(argv: string[]): EvaluateArguments {
  let values: Record<string, string | boolean | undefined>;
  try {
    ({ values } = parseArgs({
      args: argv,
      options: { code: { type: 'string' }, function: { type: 'string' }, context: { type: 'string' } },
      strict: true,
    }));
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  const code = values.code;
  const fn = values.function;
  const context = values.context;
  if (typeof code !== 'string' || !code) throw new UsageError('--code is required: the resolver file to evaluate');
  if (fn !== 'request' && fn !== 'response') throw new UsageError('--function must be "request" or "response"');
  if (typeof context !== 'string' || !context)
    throw new UsageError('--context is required: a JSON file with the context');
  return { codeFile: filePath(code), function: fn, contextFile: filePath(context) };
}

async function readInput(path: string, what: string): Promise<string> {
  try {
    return await readFile(path, 'utf8');
  } catch (error) {
    throw new UsageError(
      `${what} ${path} cannot be read: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`,
    );
  }
}

/** The code AppSync would receive: the file itself, or for TypeScript, the bundle CDK would deploy. */
async function resolverCode(path: string): Promise<string> {
  if (!path.endsWith('.ts')) return readInput(path, '--code');
  await readInput(path, '--code');
  const dir = await mkdtemp(join(tmpdir(), 'evaluate-'));
  try {
    const { bundle } = await bundleResolver(path, join(dir, 'bundle.js'));
    return await readFile(bundle, 'utf8');
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

async function evaluateFiles(args: EvaluateArguments): Promise<EvaluateCodeOutput> {
  const [code, context] = await Promise.all([resolverCode(args.codeFile), readInput(args.contextFile, '--context')]);
  if (context.length > maxContextLength) {
    throw new UsageError(`--context is ${context.length} characters; EvaluateCode accepts at most ${maxContextLength}`);
  }
  try {
    JSON.parse(context);
  } catch (error) {
    throw new UsageError(`--context ${args.contextFile} is not valid JSON: ${(error as Error).message}`);
  }
  return evaluateCode({ code, function: args.function, context });
}

/** In the AWS CLI's order and format (JSON, 4-space indent), without the fields AppSync left out. */
function formatEvaluation(output: EvaluateCodeOutput): string {
  const ordered = {
    evaluationResult: output.evaluationResult,
    error: output.error,
    logs: output.logs,
    stash: output.stash,
    outErrors: output.outErrors,
  };
  return JSON.stringify(ordered, null, 4);
}

async function main(): Promise<number> {
  try {
    const output = await evaluateFiles(parseEvaluateArguments(process.argv.slice(2)));
    console.log(formatEvaluation(output));
    return output.error ? 1 : 0;
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    console.error(`${error.message}\n${usage}`);
    return 2;
  }
}

process.exitCode = await main();
