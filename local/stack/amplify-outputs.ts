// The local stack described in Amplify Gen 2's amplify_outputs.json format: the deployed shape (infra/amplify-outputs.ts)
// with the local endpoints, plus what Amplify needs locally that the format cannot express, under `custom.local`:
// the Cognito endpoint (Amplify's `Auth.Cognito.userPoolEndpoint`) and the CA certificate to trust.
import type { AmplifyOutputs } from 'aws-amplify/adapter-core';
import type { amplifyOutputs as deployedOutputs } from '../../infra/amplify-outputs.ts';

export interface LocalOutputsInput {
  region: string;
  userPoolId: string;
  userPoolClientId: string;
  /** The GraphQL URL Amplify should use: the HTTPS one, since Amplify opens the real-time socket as wss://. */
  graphqlUrl: string;
  graphqlHttpUrl: string;
  realtimeUrl: string;
  cognitoEndpoint: string;
  s3Endpoint: string;
  sesMailboxUrl: string;
  caCertificatePath: string;
}

export function localAmplifyOutputs(build: typeof deployedOutputs, input: LocalOutputsInput): AmplifyOutputs {
  const outputs = build({
    region: input.region,
    userPoolId: input.userPoolId,
    userPoolClientId: input.userPoolClientId,
    graphqlUrl: input.graphqlUrl,
  });
  const { mfa_methods: _unsupportedLocally, ...auth } = outputs.auth ?? ({} as NonNullable<AmplifyOutputs['auth']>);
  return {
    ...outputs,
    auth: {
      ...auth,
      // cognito-local implements neither SRP nor TOTP: sign in with { authFlowType: 'USER_PASSWORD_AUTH' }, no MFA.
      authentication_flow_type: 'USER_PASSWORD_AUTH',
      mfa_configuration: 'NONE',
    },
    custom: {
      ...outputs.custom,
      local: {
        userPoolEndpoint: input.cognitoEndpoint,
        graphqlHttpUrl: input.graphqlHttpUrl,
        realtimeUrl: input.realtimeUrl,
        s3Endpoint: input.s3Endpoint,
        sesMailboxUrl: input.sesMailboxUrl,
        caCertificate: input.caCertificatePath,
      },
    },
  };
}
