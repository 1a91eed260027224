/** The parts of a Cognito user-pool trigger event (post-confirmation, post-authentication) our triggers read; Cognito
 * requires the event back unchanged. */
export interface CognitoUserTriggerEvent {
  triggerSource: string;
  userPoolId: string;
  userName: string;
  request: { userAttributes: Record<string, string | undefined> };
  response?: Record<string, unknown>;
  [other: string]: unknown;
}
