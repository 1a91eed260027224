// `npm run deploy -- <cdk deploy options>`: `cdk deploy`, told whether this is the stack's first create.
//
// CDK turns termination protection on before it executes a change set, and a protected stack whose create failed
// cannot be deleted, so CDK could not delete and retry it. A first create (no stack, or one whose create failed) is
// therefore deployed with `-c firstDeploy=true`: no termination protection, and Cognito's own sender (the SES identity
// the same create makes is not verified yet). Once the create succeeded, this script turns termination protection on
// (when the stage wants it); the next deploy after the identity is verified moves Cognito onto SES (docs/deployment.md).
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import {
  CloudFormationClient,
  DescribeStacksCommand,
  UpdateTerminationProtectionCommand,
} from '@aws-sdk/client-cloudformation';
import { readStageConfig } from '../infra/config.ts';

/** The `-c key=value` / `--context key=value` pairs among cdk's arguments. */
export function contextOf(args: string[]): Record<string, string> {
  const context: Record<string, string> = {};
  args.forEach((arg, i) => {
    const pair = arg === '-c' || arg === '--context' ? args[i + 1] : /^(?:-c|--context)=(.*)$/.exec(arg)?.[1];
    const match = pair !== undefined ? /^([^=]+)=(.*)$/.exec(pair) : null;
    if (match) context[match[1]!] = match[2]!;
  });
  return context;
}

export interface DeployedStack {
  status: string;
  terminationProtection: boolean;
}

export interface FirstDeployDecision {
  /** Pass `-c firstDeploy=true`. */
  firstDeploy: boolean;
  /** Turn termination protection off first: a failed create left protected (by a deploy without this script). */
  unprotect: boolean;
}

/** Statuses of a stack whose create never succeeded; CDK deletes such a stack and creates it again. */
const createNeverSucceeded = ['ROLLBACK_COMPLETE', 'ROLLBACK_FAILED', 'REVIEW_IN_PROGRESS'];

export function firstDeployDecision(stack: DeployedStack | undefined): FirstDeployDecision {
  if (!stack) return { firstDeploy: true, unprotect: false };
  const first = createNeverSucceeded.includes(stack.status);
  return { firstDeploy: first, unprotect: first && stack.terminationProtection };
}

async function describe(cloudformation: CloudFormationClient, stackName: string): Promise<DeployedStack | undefined> {
  try {
    const { Stacks = [] } = await cloudformation.send(new DescribeStacksCommand({ StackName: stackName }));
    const stack = Stacks[0];
    return stack ? { status: String(stack.StackStatus), terminationProtection: stack.EnableTerminationProtection === true } : undefined;
  } catch (error) {
    if (error instanceof Error && /does not exist/.test(error.message)) return undefined;
    throw error;
  }
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const context = contextOf(args);
  // The stage's settings as synth will read them (stage file, then -c overrides); bad values stop here, naming them.
  const config = readStageConfig((key) => context[key]);
  const { stackName } = config;
  const cloudformation = new CloudFormationClient({});
  try {
    const decision = firstDeployDecision(await describe(cloudformation, stackName));
    if (decision.unprotect) {
      console.log(`${stackName}: its create failed while termination-protected; turning protection off so CDK can delete and retry it`);
      await cloudformation.send(new UpdateTerminationProtectionCommand({ StackName: stackName, EnableTerminationProtection: false }));
    }
    const extra = decision.firstDeploy && context.firstDeploy === undefined ? ['--context', 'firstDeploy=true'] : [];
    if (extra.length) console.log(`${stackName}: first create, deployed with -c firstDeploy=true (docs/deployment.md, "First deploy")`);
    const result = spawnSync('npx', ['cdk', 'deploy', ...args, ...extra], { stdio: 'inherit' });
    if (result.status === 0 && extra.length && config.terminationProtection) {
      // Created: from now on a failed deploy is an update, which rolls back cleanly; the next deploy keeps it on.
      await cloudformation.send(new UpdateTerminationProtectionCommand({ StackName: stackName, EnableTerminationProtection: true }));
      console.log(`${stackName} created and now termination-protected.`);
    }
    if (result.status === 0 && extra.length && config.cognitoEmailViaSes) {
      console.log("Deploy again once the SES identity shows Verified: that moves Cognito's mail onto SES.");
    }
    process.exitCode = result.status ?? 1;
  } finally {
    cloudformation.destroy();
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  main().catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
}
