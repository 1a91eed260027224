// Cognito pre-token-generation trigger, event version 2 (infra/lambdas.ts `pre-token-generation`): team groups only
// for users with an authenticator app (functions/identity/staff-mfa.ts).
import { CognitoIdentityProviderClient } from '@aws-sdk/client-cognito-identity-provider';
import { createLogger, withContext, type LambdaContext } from '../shared/logger.ts';
import { once } from '../shared/once.ts';
import { enabledMfaOf, mfaGroups, tokenGroups } from './staff-mfa.ts';

/** The parts of Cognito's PreTokenGeneration V2 event this trigger reads and writes. */
export interface PreTokenGenerationEvent {
  triggerSource: string;
  userPoolId: string;
  userName: string;
  request: { groupConfiguration?: { groupsToOverride?: string[] } };
  response: { claimsAndScopeOverrideDetails?: Record<string, unknown> | null };
  [other: string]: unknown;
}

const logger = createLogger('pre-token-generation');
const cognito = once(() => new CognitoIdentityProviderClient({}));

export async function handler(event: PreTokenGenerationEvent, context?: LambdaContext): Promise<PreTokenGenerationEvent> {
  withContext(logger, context);
  const groups = event.request.groupConfiguration?.groupsToOverride ?? [];
  if (!groups.some((g) => mfaGroups.includes(g))) return event;
  const enabled = await enabledMfaOf({ cognito: cognito(), userPoolId: event.userPoolId }, event.userName);
  const decided = tokenGroups(groups, enabled);
  if (!decided.mfaSetupRequired) return event;
  logger.info('team groups withheld until MFA is set up', { groups });
  const claims = { claimsToAddOrOverride: { mfa_setup_required: 'true' } };
  event.response.claimsAndScopeOverrideDetails = {
    idTokenGeneration: claims,
    accessTokenGeneration: claims,
    groupOverrideDetails: { groupsToOverride: decided.groups },
  };
  return event;
}
