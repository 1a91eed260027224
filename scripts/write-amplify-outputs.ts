// Writes amplify_outputs.json for frontend teams from a deployed stack's outputs, as `cdk deploy --outputs-file` saved
// them (no AWS call, no credentials):
//   npm run deploy -- -c stage=dev --outputs-file cdk-outputs.json
//   npx tsx scripts/write-amplify-outputs.ts --outputs cdk-outputs.json [--stack ScholarvalleyApi-dev] [--out amplify_outputs.json]
import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import type { AmplifyOutputs } from 'aws-amplify/adapter-core';
import { amplifyOutputs, outputKeys } from '../infra/amplify-outputs.ts';

/** `cdk deploy --outputs-file`: stack name → output key → value. */
export type CdkOutputsFile = Record<string, Record<string, string>>;

/** The amplify_outputs.json of one stack in a CDK outputs file; the only stack when `stackName` is not given. */
export function amplifyOutputsFromCdkOutputs(file: unknown, stackName?: string): AmplifyOutputs {
  if (!isOutputsFile(file)) throw new Error('outputs file: must be the JSON object `cdk deploy --outputs-file` writes');
  const stacks = Object.keys(file);
  const name = stackName ?? (stacks.length === 1 ? stacks[0] : undefined);
  if (!name) throw new Error(`outputs file: holds ${stacks.length} stacks (${stacks.join(', ')}); pass --stack`);
  const outputs = file[name];
  if (!outputs) throw new Error(`outputs file: has no stack "${name}" (it has ${stacks.join(', ') || 'none'})`);
  const read = (key: string): string => {
    const value = outputs[key];
    if (typeof value !== 'string' || value === '') throw new Error(`outputs file: stack "${name}" has no output ${key}`);
    return value;
  };
  return amplifyOutputs({
    region: read(outputKeys.region),
    userPoolId: read(outputKeys.userPoolId),
    userPoolClientId: read(outputKeys.userPoolClientId),
    graphqlUrl: read(outputKeys.graphqlUrl),
  });
}

function isOutputsFile(value: unknown): value is CdkOutputsFile {
  const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
  return isObject(value) && Object.values(value).every(isObject);
}

function main(): void {
  const { values } = parseArgs({
    options: {
      outputs: { type: 'string', default: 'cdk-outputs.json' },
      stack: { type: 'string' },
      out: { type: 'string', default: 'amplify_outputs.json' },
    },
  });
  const outputsPath = resolve(values.outputs);
  let file: unknown;
  try {
    file = JSON.parse(readFileSync(outputsPath, 'utf8'));
  } catch (error) {
    throw new Error(`--outputs ${values.outputs}: cannot read it as JSON (${(error as Error).message})`, { cause: error });
  }
  const outputs = amplifyOutputsFromCdkOutputs(file, values.stack);
  writeFileSync(resolve(values.out), `${JSON.stringify(outputs, null, 2)}\n`);
  console.log(`Wrote ${values.out} for ${outputs.data?.url}`);
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  try {
    main();
  } catch (error) {
    console.error((error as Error).message);
    process.exit(1);
  }
}
