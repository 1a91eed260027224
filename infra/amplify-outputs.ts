import type { AmplifyOutputs } from 'aws-amplify/adapter-core';
import { passwordPolicy, userGroups } from './constructs/user-directory.ts';

/** The stack's CloudFormation outputs, by key; scripts/write-amplify-outputs.ts reads them back from `cdk deploy --outputs-file`. */
export const outputKeys = {
  graphqlUrl: 'GraphqlUrl',
  realtimeUrl: 'RealtimeUrl',
  region: 'Region',
  userPoolId: 'UserPoolId',
  userPoolClientId: 'UserPoolClientId',
  documentsBucket: 'DocumentsBucketName',
  stripeWebhookUrl: 'StripeWebhookUrl',
  stripeSecretArn: 'StripeSecretArn',
  alarmTopicArn: 'AlarmTopicArn',
  tableName: 'TableName',
} as const;

/** What a frontend needs to reach one deployment of the API (or the local stack). */
export interface DeploymentEndpoints {
  region: string;
  userPoolId: string;
  userPoolClientId: string;
  graphqlUrl: string;
}

/**
 * The `amplify_outputs.json` shape Amplify JS v6 reads with `Amplify.configure()`: Cognito user pools by default, IAM
 * as the additional mode, the password rules and groups of the user pool. No `storage` block: Amplify Storage needs an
 * identity pool, which this API has none of. Uploads and downloads go through the API instead: requestDocumentUpload
 * answers a presigned S3 POST (url and form fields) and documentDownloadUrl a presigned GET (docs/frontend.md).
 */
export function amplifyOutputs(endpoints: DeploymentEndpoints): AmplifyOutputs {
  return {
    version: '1.3',
    auth: {
      aws_region: endpoints.region,
      user_pool_id: endpoints.userPoolId,
      user_pool_client_id: endpoints.userPoolClientId,
      password_policy: {
        min_length: passwordPolicy.minLength,
        require_lowercase: passwordPolicy.requireLowercase,
        require_uppercase: passwordPolicy.requireUppercase,
        require_numbers: passwordPolicy.requireDigits,
        require_symbols: passwordPolicy.requireSymbols,
      },
      standard_required_attributes: ['email'],
      username_attributes: ['email'],
      user_verification_types: ['email'],
      unauthenticated_identities_enabled: false,
      mfa_configuration: 'OPTIONAL',
      mfa_methods: ['TOTP'],
      groups: userGroups.map((group) => ({ [group.name]: { precedence: group.precedence } })),
    },
    data: {
      url: endpoints.graphqlUrl,
      aws_region: endpoints.region,
      default_authorization_type: 'AMAZON_COGNITO_USER_POOLS',
      authorization_types: ['AWS_IAM'],
    },
  };
}
