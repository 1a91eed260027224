/**
 * A request AppSync would refuse before running anything: HTTP 401 with
 * `{"errors":[{"errorType":"UnauthorizedException","message":...}]}`.
 * The messages are AppSync's own, as its responses show them:
 * - no usable header: "Valid authorization header not provided."
 * - a token that is not a JWT: "Unable to parse JWT token."
 * - an expired token: "Token has expired."
 * - anything else (signature, issuer, client, token use): "You are not authorized to make this call."
 */
export class AuthenticationError extends Error {
  readonly errorType = 'UnauthorizedException';

  constructor(message: string) {
    super(message);
    this.name = 'AuthenticationError';
  }
}

export const authMessages = {
  missing: 'Valid authorization header not provided.',
  unparsable: 'Unable to parse JWT token.',
  expired: 'Token has expired.',
  denied: 'You are not authorized to make this call.',
} as const;
