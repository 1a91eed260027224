import { isObjectType } from 'graphql';
import { beforeAll, describe, expect, it } from 'vitest';
import { configNames } from '../../functions/shared/config.ts';
import { lambdaAccess } from '../../infra/lambda-access.ts';
import { lambdas } from '../../infra/lambdas.ts';
import { tableDefinition } from '../../infra/table.ts';
import { loadSchema } from '../../schema/index.ts';
import { readIam, type Statement } from './support/policies.ts';
import { allLambdasWritten, synth } from './support/synth.ts';

let iam: ReturnType<typeof readIam>;
let ids: { table: string; userPool: string; secret: string; api: string; identity: string; configSet: string };

beforeAll(async () => {
  const { template } = await synth({ lambdas: allLambdasWritten });
  iam = readIam(template);
  const only = (type: string) => {
    const found = Object.keys(template.findResources(type));
    expect(found, type).toHaveLength(1);
    return found[0]!;
  };
  ids = {
    table: only('AWS::DynamoDB::Table'),
    userPool: only('AWS::Cognito::UserPool'),
    secret: only('AWS::SecretsManager::Secret'),
    api: only('AWS::AppSync::GraphQLApi'),
    identity: only('AWS::SES::EmailIdentity'),
    configSet: only('AWS::SES::ConfigurationSet'),
  };
});

const fn = (name: string) => {
  const found = iam.functions.find((f) => f.name === `scholarvalley-dev-${name}`);
  if (!found) throw new Error(`no function ${name}`);
  return found;
};
/** A function's grants beyond its own log group and X-Ray, as service prefixes. */
const servicesOf = (statements: Statement[]) =>
  [...new Set(statements.flatMap((s) => s.actions.map((a) => a.split(':')[0])))].filter((s) => s !== 'logs' && s !== 'xray').sort();
const actionsOn = (statements: Statement[], service: string) =>
  statements.flatMap((s) => s.actions.filter((a) => a.startsWith(`${service}:`)).map((a) => ({ action: a, resources: s.resources })));

/** IAM-only Mutation fields of the schema: the internal callers' entry points. */
function iamOnlyMutations(): string[] {
  const mutation = loadSchema().getType('Mutation');
  if (!isObjectType(mutation)) throw new Error('no Mutation type');
  return Object.values(mutation.getFields())
    .filter((f) => {
      const directives = (f.astNode?.directives ?? []).map((d) => d.name.value);
      return directives.includes('aws_iam') && !directives.includes('aws_cognito_user_pools');
    })
    .map((f) => f.name)
    .sort();
}

describe('least-privilege IAM', () => {
  it('given infra/lambdas.ts, then every Lambda has a decided access entry, and no entry is left over', () => {
    expect(Object.keys(lambdaAccess).sort()).toEqual(lambdas.map((l) => l.name).sort());
  });

  it('given every policy in the stack, then a "*" resource appears only for X-Ray, which has no resource-level permissions', () => {
    const wildcard = iam.allStatements.filter((s) => s.resources.includes('*'));
    expect(wildcard.length).toBeGreaterThan(0);
    for (const statement of wildcard) expect(statement.actions.every((a) => a.startsWith('xray:'))).toBe(true);
  });

  it('given every other resource with a wildcard in it, then it is one of the two named patterns (document keys, SES templates)', () => {
    const patterns = [
      /\/applicants\/\*\/documents\/\*$/, // document object keys
      /\/uploads\/\*\/\*\/\*\/\*$/, // upload attempts' staging keys
      /:template\/scholarvalley-dev-\*$/, // this stage's SES templates
    ];
    const named = iam.allStatements.flatMap((s) => s.resources).filter((r) => r !== '*' && r.includes('*'));
    for (const resource of named) expect(patterns.some((p) => p.test(resource)), resource).toBe(true);
  });

  it('given every statement, then no action is a wildcard and nothing can Scan the table', () => {
    expect(iam.allStatements.length).toBeGreaterThan(20);
    const actions = iam.allStatements.flatMap((s) => s.actions);
    expect(actions.filter((a) => a.includes('*'))).toEqual([]);
    expect(actions).not.toContain('dynamodb:Scan');
  });

  it("given managed policies, then only CDK's dev-only bucket-emptying helper has one (AWSLambdaBasicExecutionRole)", () => {
    const withManaged = Object.entries(iam.resources).filter(([, r]) => r.Type === 'AWS::IAM::Role' && r.Properties.ManagedPolicyArns);
    expect(withManaged.map(([id]) => id)).toEqual([expect.stringMatching(/^CustomS3AutoDeleteObjectsCustomResourceProviderRole/)]);
  });

  it('given DynamoDB grants anywhere, then they name the table or one of its indexes, never index/*', () => {
    const allowed = [`<${ids.table}.Arn>`, ...tableDefinition.globalSecondaryIndexes.map((i) => `<${ids.table}.Arn>/index/${i.name}`)];
    for (const { resources } of actionsOn(iam.allStatements, 'dynamodb')) {
      for (const resource of resources) expect(allowed).toContain(resource);
    }
  });

  it('given each Lambda, then it reaches exactly the services its job needs', () => {
    const expected: Record<string, string[]> = {
      uploads: ['s3', 'sqs'],
      'upload-landed': ['appsync', 's3', 'sqs'],
      payments: ['secretsmanager'],
      'stripe-webhook': ['appsync', 'secretsmanager'],
      email: ['dynamodb', 'ses', 'sqs'],
      identity: ['cognito-idp'],
      'post-confirmation': ['cognito-idp', 'dynamodb'],
      'pre-token-generation': ['cognito-idp'],
      'legacy-user-migration': ['dynamodb'],
      'legacy-post-authentication': ['cognito-idp', 'dynamodb'],
    };
    for (const [name, services] of Object.entries(expected)) expect(servicesOf(fn(name).statements), name).toEqual(services);
  });

  it('given the table grants of each Lambda, then only the Lambdas whose own code calls DynamoDB have any', () => {
    const withTable = iam.functions.filter((f) => actionsOn(f.statements, 'dynamodb').length > 0).map((f) => f.name.replace('scholarvalley-dev-', ''));
    expect(withTable.sort()).toEqual(['email', 'legacy-post-authentication', 'legacy-user-migration', 'post-confirmation']);
    const actions = (name: string) => actionsOn(fn(name).statements, 'dynamodb').map((a) => a.action);
    expect(actions('email')).toContain('dynamodb:GetItem');
    expect(actions('email')).not.toContain('dynamodb:PutItem');
    // The UserMigration trigger only reads the old hash; only the claim (PostAuthentication) may rewrite and delete.
    expect(actions('legacy-user-migration')).toContain('dynamodb:GetItem');
    expect(actions('legacy-user-migration').filter((a) => /Put|Update|Delete|Write/.test(a))).toEqual([]);
    expect(actions('legacy-post-authentication')).toEqual(expect.arrayContaining(['dynamodb:Query', 'dynamodb:BatchGetItem', 'dynamodb:PutItem', 'dynamodb:DeleteItem']));
  });

  it('given post-confirmation, then it may GetItem the profile (read before its conditional put) and put it, on the table', () => {
    const grants = actionsOn(fn('post-confirmation').statements, 'dynamodb');
    const on = (action: string) => grants.filter((a) => a.action === action).flatMap((a) => a.resources);
    expect(on('dynamodb:GetItem')).toContain(`<${ids.table}.Arn>`);
    expect(on('dynamodb:PutItem')).toEqual([`<${ids.table}.Arn>`]);
  });

  it('given the S3-event and webhook Lambdas, then appsync:GraphQL names exactly the IAM-only mutations, one field ARN each', () => {
    const fields = (name: string) =>
      actionsOn(fn(name).statements, 'appsync')
        .flatMap((a) => a.resources)
        .map((r) => {
          expect(r).toMatch(new RegExp(`^arn:aws:appsync:us-east-1:<AWS::AccountId>:apis/<${ids.api}\\.ApiId>/types/Mutation/fields/\\w+$`));
          return r.split('/').pop();
        })
        .sort();
    expect(fields('upload-landed')).toEqual(['markDocumentRejected', 'markDocumentUploaded']);
    expect(fields('stripe-webhook')).toEqual(['applyPaymentEvent']);
    expect([...fields('upload-landed'), ...fields('stripe-webhook')].sort()).toEqual(iamOnlyMutations());
  });

  it('given bucket access, then only the upload Lambdas have it: a form may only write a staging key, the landed handler only read and remove staging keys and write kept files', () => {
    const bucket = 'arn:<AWS::Partition>:s3:::scholarvalley-dev-documents-<AWS::AccountId>-<AWS::Region>';
    const staging = `${bucket}/uploads/*/*/*/*`;
    const files = `${bucket}/applicants/*/documents/*`;
    const byResource = (name: string) =>
      actionsOn(fn(name).statements, 's3')
        .flatMap(({ action, resources }) => resources.map((resource) => `${action} ${resource}`))
        .sort();
    // Presigned POST (staging), presigned GET and the deleted document's file (deleteDocument's Event).
    expect(byResource('uploads')).toEqual([`s3:DeleteObject ${files}`, `s3:GetObject ${files}`, `s3:PutObject ${staging}`]);
    expect(byResource('upload-landed')).toEqual([
      `s3:DeleteObject ${files}`,
      `s3:DeleteObject ${staging}`,
      `s3:GetObject ${staging}`,
      `s3:PutObject ${files}`,
    ]);
  });

  it('given the Stripe secret, then only the payment Lambdas read it, and only it', () => {
    for (const f of iam.functions) {
      const secrets = actionsOn(f.statements, 'secretsmanager');
      if (f.name.endsWith('-payments') || f.name.endsWith('-stripe-webhook')) {
        expect(secrets.map((s) => s.action).sort()).toEqual(['secretsmanager:DescribeSecret', 'secretsmanager:GetSecretValue']);
        for (const s of secrets) expect(s.resources).toEqual([`<${ids.secret}>`]);
      } else {
        expect(secrets, f.name).toEqual([]);
      }
    }
  });

  it('given Cognito admin actions, then identity has exactly its calls on the user pool, and post-confirmation only adds to a group, in its own policy', () => {
    const identity = actionsOn(fn('identity').statements, 'cognito-idp');
    expect(identity.map((a) => a.action).sort()).toEqual([
      'cognito-idp:AdminAddUserToGroup',
      'cognito-idp:AdminCreateUser',
      'cognito-idp:AdminDisableUser',
      'cognito-idp:AdminListGroupsForUser',
      'cognito-idp:AdminRemoveUserFromGroup',
      'cognito-idp:AdminUserGlobalSignOut',
    ]);
    for (const { resources } of identity) expect(resources).toEqual([`<${ids.userPool}.Arn>`]);

    const trigger = fn('post-confirmation');
    expect(actionsOn(trigger.statements, 'cognito-idp')).toEqual([
      { action: 'cognito-idp:AdminAddUserToGroup', resources: [`<${ids.userPool}.Arn>`] },
    ]);
    // The pool depends on the trigger, so the trigger must not wait for a policy that names the pool.
    const poolPolicy = trigger.policies.find((p) => !trigger.dependsOn.includes(p));
    expect(poolPolicy).toBeDefined();

    const tokens = fn('pre-token-generation');
    expect(actionsOn(tokens.statements, 'cognito-idp')).toEqual([{ action: 'cognito-idp:AdminGetUser', resources: [`<${ids.userPool}.Arn>`] }]);
    expect(tokens.policies.find((p) => !tokens.dependsOn.includes(p))).toBeDefined();
    const claim = fn('legacy-post-authentication');
    expect(actionsOn(claim.statements, 'cognito-idp')).toEqual([
      { action: 'cognito-idp:AdminAddUserToGroup', resources: [`<${ids.userPool}.Arn>`] },
    ]);
    expect(claim.policies.find((p) => !claim.dependsOn.includes(p))).toBeDefined();
    expect(actionsOn(fn('legacy-user-migration').statements, 'cognito-idp')).toEqual([]);
  });

  it('given SES, then only the email Lambda sends, from the identity, through the configuration set, with this stage\'s templates', () => {
    const ses = actionsOn(fn('email').statements, 'ses');
    expect(ses).toHaveLength(1);
    expect(ses[0]?.action).toBe('ses:SendEmail');
    expect(ses[0]?.resources).toHaveLength(3);
    expect(ses[0]?.resources).toEqual(
      expect.arrayContaining([
        expect.stringMatching(new RegExp(`^arn:.*:identity/<${ids.identity}>$`)),
        `arn:<AWS::Partition>:ses:<AWS::Region>:<AWS::AccountId>:configuration-set/<${ids.configSet}>`,
        'arn:<AWS::Partition>:ses:<AWS::Region>:<AWS::AccountId>:template/scholarvalley-dev-*',
      ]),
    );
    for (const f of iam.functions.filter((x) => !x.name.endsWith('-email'))) expect(actionsOn(f.statements, 'ses'), f.name).toEqual([]);
  });

  it('given the AppSync data sources, then the table role cannot Scan and each Lambda role may invoke only its own function', () => {
    const sourceRoles = [...iam.byRole.entries()].filter(([roleId]) => /^Graphql.*source/i.test(roleId));
    const lambdaSourceRoles = sourceRoles.filter(([roleId]) => !roleId.startsWith('GraphqlTableSource'));
    expect(lambdaSourceRoles).toHaveLength(lambdas.filter((l) => l.trigger.kind === 'dataSource').length);
    for (const [roleId, { statements }] of lambdaSourceRoles) {
      const invoke = actionsOn(statements, 'lambda');
      expect(invoke, roleId).toHaveLength(1);
      expect(invoke[0]?.resources, roleId).toEqual([expect.stringMatching(/^<Functions\w+\.Arn>$/)]);
    }
    const table = sourceRoles.find(([roleId]) => roleId.startsWith('GraphqlTableSource'));
    expect(servicesOf(table?.[1].statements ?? [])).toEqual(['dynamodb']);
  });

  it('given each Lambda, then its environment holds exactly the settings its job reads, named as functions/shared/config.ts names them', () => {
    const expected: Record<string, (keyof typeof configNames)[]> = {
      uploads: ['bucketName'],
      'upload-landed': ['bucketName', 'graphqlUrl'],
      payments: ['stripeSecretArn', 'checkoutSuccessUrl', 'checkoutCancelUrl'],
      'stripe-webhook': ['stripeSecretArn', 'graphqlUrl'],
      email: ['tableName', 'emailFromAddress', 'emailTemplatePrefix'],
      identity: ['userPoolId'],
      'post-confirmation': ['tableName'],
      'pre-token-generation': [],
      'legacy-user-migration': ['tableName'],
      'legacy-post-authentication': ['tableName'],
    };
    for (const [name, settings] of Object.entries(expected)) {
      const variables = Object.keys(fn(name).environment).filter((v) => v !== 'NODE_OPTIONS').sort();
      expect(variables, name).toEqual(settings.map((s) => configNames[s]).sort());
    }
    expect(fn('email').environment[configNames.emailFromAddress]).toBe('no-reply@dev.scholarvalley.com');
  });

  it.each(['email', 'uploads', 'upload-landed'])(
    'given the %s Lambda, invoked as an Event, then it retries twice within 6 hours and then goes to its own encrypted, TLS-only failure queue',
    (name) => {
      const lambda = fn(name);
      const queues = Object.entries(iam.resources).filter(([, r]) => r.Type === 'AWS::SQS::Queue');
      const [queueId, queue] = queues.find(([, r]) => r.Properties.QueueName === `ScholarvalleyApi-dev-${name}-failures`) ?? [];
      expect(queueId, `queue of ${name}`).toBeDefined();
      const config = Object.values(iam.resources).find(
        (r) => r.Type === 'AWS::Lambda::EventInvokeConfig' && JSON.stringify(r.Properties.FunctionName) === JSON.stringify({ Ref: lambda.id }),
      );
      expect(config?.Properties).toMatchObject({
        MaximumRetryAttempts: 2,
        MaximumEventAgeInSeconds: 6 * 3600,
        DestinationConfig: { OnFailure: { Destination: { 'Fn::GetAtt': [queueId, 'Arn'] } } },
      });
      expect(actionsOn(lambda.statements, 'sqs').find((a) => a.action === 'sqs:SendMessage')?.resources).toEqual([`<${queueId}.Arn>`]);
      expect(queue?.Properties).toMatchObject({ SqsManagedSseEnabled: true });
      const queuePolicy = Object.values(iam.resources).find(
        (r) => r.Type === 'AWS::SQS::QueuePolicy' && JSON.stringify(r.Properties.Queues) === JSON.stringify([{ Ref: queueId }]),
      );
      expect(JSON.stringify(queuePolicy?.Properties)).toContain('aws:SecureTransport');
    },
  );

  it('given the failure queues, then there is one per asynchronously invoked Lambda and no other', () => {
    const queues = Object.values(iam.resources).filter((r) => r.Type === 'AWS::SQS::Queue').map((r) => r.Properties.QueueName);
    expect(queues.sort()).toEqual([
      'ScholarvalleyApi-dev-email-failures',
      'ScholarvalleyApi-dev-upload-landed-failures',
      'ScholarvalleyApi-dev-uploads-failures',
    ]);
    const configs = Object.values(iam.resources).filter((r) => r.Type === 'AWS::Lambda::EventInvokeConfig');
    expect(configs).toHaveLength(3);
  });
});
