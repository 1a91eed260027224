// The caller of one request, as AppSync hands it to resolvers in ctx.identity.
// Shapes from "AWS AppSync JavaScript resolver context object reference", section Identity
// (https://docs.aws.amazon.com/appsync/latest/devguide/resolver-context-reference-js.html).

/** AppSync's names of the authorization modes (the `authenticationType` of the API and its additional modes). */
export type AuthMode = 'AMAZON_COGNITO_USER_POOLS' | 'AWS_IAM' | 'API_KEY' | 'OPENID_CONNECT' | 'AWS_LAMBDA';

export interface CognitoIdentity {
  sub: string;
  issuer: string;
  /** `cognito:username` of an id token, `username` of an access token. */
  username: string;
  claims: Record<string, unknown>;
  sourceIp: string[];
  defaultAuthStrategy: 'ALLOW' | 'DENY';
  groups: string[] | null;
}

export interface IamIdentity {
  accountId: string;
  cognitoIdentityPoolId: string | null;
  cognitoIdentityId: string | null;
  sourceIp: string[];
  username: string;
  userArn: string;
  cognitoIdentityAuthType: string | null;
  cognitoIdentityAuthProvider: string | null;
}

export type Caller =
  | { mode: 'AMAZON_COGNITO_USER_POOLS'; identity: CognitoIdentity }
  | { mode: 'AWS_IAM'; identity: IamIdentity };

/** The string util.authType() answers for a caller. */
export function authTypeName(caller: Caller): 'User Pool Authorization' | 'IAM Authorization' {
  return caller.mode === 'AWS_IAM' ? 'IAM Authorization' : 'User Pool Authorization';
}

/**
 * The caller's source address as AppSync saw it: the TCP peer of the connection. An X-Forwarded-For header is the
 * caller's own claim and never reaches ctx.identity.sourceIp here, so an audit entry cannot be given a forged address.
 */
export function sourceIpOf(remoteAddress: string | undefined): string[] {
  const peer = remoteAddress?.replace(/^::ffff:/, '');
  return peer ? [peer] : [];
}
