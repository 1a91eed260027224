// The legacy migration's Cognito triggers for the local Cognito (docs/migration.md, "Local differences").
// cognito-local creates a migrated user without a `sub` attribute (AWS assigns one), and its tokens take `sub` from
// that attribute: here the UserMigration answer gets a fresh UUID as `sub`, as AWS would assign it. Nothing else differs.
import { randomUUID } from 'node:crypto';
import type { CognitoTriggerHandler, CognitoTriggerName } from '../emulators/cognito-local.ts';
import { notLoaded, type LambdaSlot } from './lambda-slot.ts';

export function legacyCognitoTriggers(
  lambdas: LambdaSlot,
): Partial<Record<CognitoTriggerName, CognitoTriggerHandler>> {
  const triggers: Partial<Record<CognitoTriggerName, CognitoTriggerHandler>> = {};
  triggers.UserMigration = async (event) => {
    const handler = lambdas.current?.cognitoUserMigration;
    if (!handler) return notLoaded();
    const answer = (await handler(event)) as { response?: { userAttributes?: Record<string, string> } };
    const attributes = answer.response?.userAttributes;
    if (attributes && !attributes.sub) attributes.sub = randomUUID();
    return answer;
  };
  triggers.PostAuthentication = (event) => lambdas.current?.cognitoPostAuthentication?.(event) ?? notLoaded();
  return triggers;
}
