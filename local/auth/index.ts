export { createAuthenticator, normalizeHeaders, type AuthOptions, type AuthRequest, type Authenticator } from './authenticate.ts';
export { createCognitoVerifier, type CognitoVerifier, type CognitoVerifierOptions } from './cognito-verifier.ts';
export { createDirectiveAuthorizer, unauthorizedMessage, type AuthRule, type DirectiveAuthorizer } from './directives.ts';
export { AuthenticationError, authMessages } from './errors.ts';
export { authTypeName, sourceIpList, type AuthMode, type Caller, type CognitoIdentity, type IamIdentity } from './identity.ts';
export { createSigV4Verifier, isSigV4Authorization, type SignedRequest, type SigV4Verifier } from './sigv4-verifier.ts';
