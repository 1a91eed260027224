// Creates or promotes an admin of a deployed stage (docs/deployment.md, "The first admin"):
//   npm run admin:create -- --email ops@scholarvalley.com [--name "Ops Team"] [--stage prod]
// The user pool and table come from the stack's outputs (ScholarvalleyApi-<stage>), or --user-pool-id and --table-name.
// A new address gets Cognito's invitation email with a temporary password; an existing user (a self sign-up, or one
// made in the Cognito console) is moved to `admin` and given the profile the API's standing check reads.
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { CloudFormationClient, DescribeStacksCommand } from '@aws-sdk/client-cloudformation';
import { CognitoIdentityProviderClient } from '@aws-sdk/client-cognito-identity-provider';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { grantAdmin } from '../functions/identity/grant-admin.ts';
import { outputKeys } from '../infra/amplify-outputs.ts';
import { stages, type Stage } from '../infra/config.ts';
import { temporaryPasswordDays } from '../infra/constructs/user-directory.ts';

export interface AdminCreateArgs {
  email: string;
  fullName?: string;
  stage: Stage;
  userPoolId?: string;
  tableName?: string;
}

/** The command line, or an error naming the option and the rule. */
export function parseAdminCreateArgs(argv: string[]): AdminCreateArgs {
  const { values } = parseArgs({
    args: argv,
    options: {
      email: { type: 'string' },
      name: { type: 'string' },
      stage: { type: 'string', default: 'dev' },
      'user-pool-id': { type: 'string' },
      'table-name': { type: 'string' },
    },
    strict: true,
  });
  if (!values.email) throw new Error('--email: is required (the admin\'s address)');
  if (!(stages as readonly string[]).includes(values.stage)) throw new Error(`--stage: must be one of ${stages.join(', ')} (got ${values.stage})`);
  return {
    email: values.email,
    stage: values.stage as Stage,
    ...(values.name !== undefined ? { fullName: values.name } : {}),
    ...(values['user-pool-id'] ? { userPoolId: values['user-pool-id'] } : {}),
    ...(values['table-name'] ? { tableName: values['table-name'] } : {}),
  };
}

/** The user pool id and table name the stage's stack publishes as outputs. */
async function stackTargets(stage: Stage): Promise<{ userPoolId: string; tableName: string }> {
  const stackName = `ScholarvalleyApi-${stage}`;
  const cloudformation = new CloudFormationClient({});
  try {
    const { Stacks = [] } = await cloudformation.send(new DescribeStacksCommand({ StackName: stackName }));
    const outputs = Stacks[0]?.Outputs ?? [];
    const read = (key: string) => {
      const value = outputs.find((o) => o.OutputKey === key)?.OutputValue;
      if (!value) throw new Error(`Stack ${stackName} has no output ${key}: deploy it first (docs/deployment.md)`);
      return value;
    };
    return { userPoolId: read(outputKeys.userPoolId), tableName: read(outputKeys.tableName) };
  } finally {
    cloudformation.destroy();
  }
}

async function main(): Promise<void> {
  const args = parseAdminCreateArgs(process.argv.slice(2));
  const targets =
    args.userPoolId && args.tableName ? { userPoolId: args.userPoolId, tableName: args.tableName } : await stackTargets(args.stage);
  const cognito = new CognitoIdentityProviderClient({});
  const dynamodb = new DynamoDBClient({});
  try {
    const { userId, outcome } = await grantAdmin(
      { admin: { cognito, userPoolId: targets.userPoolId }, dynamodb, tableName: targets.tableName, actorId: 'admin:create' },
      { email: args.email, ...(args.fullName ? { fullName: args.fullName } : {}) },
    );
    const said = {
      invited: `created; Cognito emailed the invitation with a temporary password (valid ${temporaryPasswordDays} days)`,
      promoted: 'is now an admin; they sign in again so their tokens carry the group',
      unchanged: 'was an admin already; nothing changed',
    } as const;
    console.log(`${args.email} (${userId}) ${said[outcome]}`);
  } finally {
    cognito.destroy();
    dynamodb.destroy();
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  main().catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
}
