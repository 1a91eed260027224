import { CognitoIdentityProviderClient } from '@aws-sdk/client-cognito-identity-provider';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { S3Client } from '@aws-sdk/client-s3';
import { SESv2Client } from '@aws-sdk/client-sesv2';
import { localNames } from '../config.ts';
import type { Cleanups } from './cleanups.ts';
import type { StartedServices } from './services.ts';
import type { LocalClients } from './types.ts';

/** Phase 3: SDK clients aimed at the emulators, with the stack's static credentials. */
export function createClients({ dynamo, cognito, s3, ses }: StartedServices, cleanups: Cleanups): LocalClients {
  const region = localNames.region;
  // Copies: the SDK annotates the credentials object it is given.
  const credentials = () => ({ accessKeyId: localNames.accessKeyId, secretAccessKey: localNames.secretAccessKey });
  const clients: LocalClients = {
    dynamodb: new DynamoDBClient({ endpoint: dynamo.endpoint, region, credentials: credentials() }),
    cognito: new CognitoIdentityProviderClient({ endpoint: cognito.endpoint, region, credentials: credentials() }),
    s3: new S3Client({
      endpoint: s3.endpoint,
      region,
      credentials: credentials(),
      forcePathStyle: true,
      requestChecksumCalculation: 'WHEN_REQUIRED',
      responseChecksumValidation: 'WHEN_REQUIRED',
    }),
    ses: new SESv2Client({ endpoint: ses.endpoint, region, credentials: credentials() }),
  };
  cleanups.add(() => Object.values(clients).forEach((c) => c.destroy()));
  return clients;
}
