import { execFile } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { Amplify } from 'aws-amplify';
import { describe, expect, it } from 'vitest';
import { repositoryRoot } from '../../infra/stack.ts';
import { amplifyOutputsFromCdkOutputs } from '../../scripts/write-amplify-outputs.ts';
import { scratchDir } from './support/synth.ts';

const samplePath = join(repositoryRoot, 'test/infra/fixtures/cdk-outputs.sample.json');
const sample = JSON.parse(readFileSync(samplePath, 'utf8')) as Record<string, Record<string, string>>;
const deployed = sample['ScholarvalleyApi-dev']!;

describe('amplify_outputs.json from `cdk deploy --outputs-file`', () => {
  it('given a deployed stack\'s outputs, then the file points Amplify at its user pool, client and API, with no storage block (there is no identity pool)', () => {
    const outputs = amplifyOutputsFromCdkOutputs(sample);
    expect(outputs).toMatchObject({
      version: '1.3',
      auth: {
        aws_region: 'us-east-1',
        user_pool_id: deployed.UserPoolId,
        user_pool_client_id: deployed.UserPoolClientId,
        username_attributes: ['email'],
        password_policy: { min_length: 12, require_numbers: true, require_symbols: true },
        groups: [{ admin: { precedence: 0 } }, { staff: { precedence: 1 } }, { applicant: { precedence: 2 } }],
      },
      data: {
        url: deployed.GraphqlUrl,
        aws_region: 'us-east-1',
        default_authorization_type: 'AMAZON_COGNITO_USER_POOLS',
        authorization_types: ['AWS_IAM'],
      },
    });
    expect(outputs).not.toHaveProperty('storage');
  });

  it('given the written file, when Amplify JS is configured with it, then Cognito and the GraphQL endpoint are set', () => {
    Amplify.configure(amplifyOutputsFromCdkOutputs(sample));
    const config = Amplify.getConfig();
    expect(config.Auth?.Cognito).toMatchObject({ userPoolId: deployed.UserPoolId, userPoolClientId: deployed.UserPoolClientId });
    expect(config.API?.GraphQL).toMatchObject({ endpoint: deployed.GraphqlUrl, region: 'us-east-1', defaultAuthMode: 'userPool' });
  });

  it('given a file with several stacks, then --stack picks one, and leaving it out is an error naming the stacks', () => {
    const two = { ...sample, 'ScholarvalleyApi-prod': { ...deployed, UserPoolId: 'us-east-1_Prod' } };
    expect(amplifyOutputsFromCdkOutputs(two, 'ScholarvalleyApi-prod').auth?.user_pool_id).toBe('us-east-1_Prod');
    expect(() => amplifyOutputsFromCdkOutputs(two)).toThrow(/holds 2 stacks \(ScholarvalleyApi-dev, ScholarvalleyApi-prod\); pass --stack/);
    expect(() => amplifyOutputsFromCdkOutputs(sample, 'Other')).toThrow(/has no stack "Other"/);
  });

  it('given a stack without one of the outputs, then the error names the output', () => {
    const { UserPoolClientId: _, ...rest } = deployed;
    expect(() => amplifyOutputsFromCdkOutputs({ 'ScholarvalleyApi-dev': rest })).toThrow(
      /stack "ScholarvalleyApi-dev" has no output UserPoolClientId/,
    );
    expect(() => amplifyOutputsFromCdkOutputs(['not', 'outputs'])).toThrow(/must be the JSON object `cdk deploy --outputs-file` writes/);
  });

  it('given the script run from the command line, then it writes the file, and a bad file exits non-zero with the reason', async () => {
    const run = promisify(execFile);
    const dir = scratchDir('scholarvalley-outputs-');
    const out = join(dir, 'amplify_outputs.json');
    const script = join(repositoryRoot, 'scripts/write-amplify-outputs.ts');
    const tsx = join(repositoryRoot, 'node_modules/.bin/tsx');
    await run(tsx, [script, '--outputs', samplePath, '--out', out]);
    expect(JSON.parse(readFileSync(out, 'utf8'))).toEqual(JSON.parse(JSON.stringify(amplifyOutputsFromCdkOutputs(sample))));

    const broken = join(dir, 'broken.json');
    writeFileSync(broken, '{ not json');
    await expect(run(tsx, [script, '--outputs', broken, '--out', out])).rejects.toMatchObject({
      code: 1,
      stderr: expect.stringMatching(/--outputs .*broken\.json: cannot read it as JSON/),
    });
  });
});
