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
 * The caller's source addresses: the x-forwarded-for list, then the TCP peer, as the Identity section describes
 * ("If the request includes a x-forwarded-for header, the source IP is a list of IP addresses from the
 * x-forwarded-for header, in addition to the IP address from the TCP connection").
 */
export function sourceIpList(forwardedFor: string | undefined, remoteAddress: string | undefined): string[] {
  const forwarded = (forwardedFor ?? '')
    .split(',')
    .map((ip) => ip.trim())
    .filter((ip) => ip.length > 0);
  const peer = remoteAddress?.replace(/^::ffff:/, '');
  return peer ? [...forwarded, peer] : forwarded;
}
