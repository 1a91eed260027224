import { Validations } from 'aws-cdk-lib';
import type { IConstruct } from 'constructs';
import { documentObjectKey, uploadStagingKey } from '../resolvers/lib/keys.ts';
import type { StageConfig } from './config.ts';
import type { ScholarvalleyStack } from './stack.ts';

/**
 * The cdk-nag AwsSolutions findings this stack accepts, each on the narrowest construct it applies to, each with its
 * reason. Anything else cdk-nag reports fails `cdk synth` (infra/app.ts) and test/infra/nag.test.ts.
 */
export function acknowledgeNagFindings(stack: ScholarvalleyStack, config: Pick<StageConfig, 'stage' | 'threatProtection'>): void {
  const { stage } = config;
  const acknowledge = (scope: IConstruct, id: string, reason: string) => Validations.of(scope).acknowledge({ id, reason });

  acknowledge(
    stack.stripeSecret,
    'AwsSolutions-SMG4',
    'Stripe API keys are rolled in the Stripe dashboard, which no rotation Lambda can do; the operator updates the secret when they roll them.',
  );
  acknowledge(
    stack.directory.userPool,
    'AwsSolutions-COG2',
    'MFA is optional (TOTP) for applicants, students and parents signing up from abroad whom required MFA would block; staff and admin rights need TOTP (the pre-token-generation trigger withholds those groups until it is enabled).',
  );
  if (config.threatProtection === 'off') {
    acknowledge(
      stack.directory.userPool,
      'AwsSolutions-COG8',
      "Threat protection needs Cognito's Plus plan, most of the modeled bill; the stage file states Essentials (threatProtection off) and WAF rate limits and Bot Control guard sign-up and sign-in instead.",
    );
  }
  acknowledge(
    stack.endpoint.api,
    'AwsSolutions-ASC3',
    'Field logs exclude verbose content so arguments and results (applicants\' personal details) never reach CloudWatch; errors are still logged.',
  );
  for (const [name, queue] of stack.failureQueues) {
    acknowledge(queue, 'AwsSolutions-SQS3', `This queue is itself the dead-letter (on-failure) destination of the asynchronously invoked ${name} Lambda.`);
  }

  const functions = stack.functions;
  acknowledge(
    functions,
    'AwsSolutions-L1',
    'Node.js 22 is pinned on purpose: the project, its tests and its bundles target it (LTS, supported by Lambda until 2027).',
  );
  acknowledge(
    functions,
    'AwsSolutions-IAM5[Resource::*]',
    'Active tracing needs xray:PutTraceSegments and xray:PutTelemetryRecords, which have no resource-level permissions.',
  );
  acknowledge(
    functions,
    `AwsSolutions-IAM5[Resource::arn:<AWS::Partition>:s3:::scholarvalley-${stage}-documents-<AWS::AccountId>-<AWS::Region>/${documentObjectKey('*', '*')}]`,
    'Object actions are limited to the document key shape (applicants/<id>/documents/<id>); object ids are created per upload.',
  );
  acknowledge(
    functions,
    `AwsSolutions-IAM5[Resource::arn:<AWS::Partition>:s3:::scholarvalley-${stage}-documents-<AWS::AccountId>-<AWS::Region>/${uploadStagingKey('*', '*', '*', '*')}]`,
    'Object actions are limited to the upload staging key shape (uploads/<applicant>/<document>/<attempt>/<type>); ids are created per upload attempt.',
  );
  if (stack.sender) {
    acknowledge(
      functions,
      `AwsSolutions-IAM5[Resource::arn:<AWS::Partition>:ses:<AWS::Region>:<AWS::AccountId>:template/${stack.sender.templatePrefix}*]`,
      "SES templates are named by kind under this stage's prefix; sending is also limited to the one identity and configuration set.",
    );
  }
}
