import { buildSchema } from 'graphql';
import { describe, expect, it } from 'vitest';
import { createDirectiveAuthorizer, type Caller } from '../../../local/auth/index.ts';
import { appSyncBuiltinsSdl, loadSchema } from '../../../schema/index.ts';

function userPoolCaller(groups: string[] | null): Caller {
  return {
    mode: 'AMAZON_COGNITO_USER_POOLS',
    identity: { sub: 'u1', issuer: 'i', username: 'u', claims: {}, sourceIp: [], defaultAuthStrategy: 'ALLOW', groups },
  };
}

const iamCaller: Caller = {
  mode: 'AWS_IAM',
  identity: {
    accountId: '000000000000',
    cognitoIdentityPoolId: null,
    cognitoIdentityId: null,
    sourceIp: [],
    username: 'local',
    userArn: 'arn:aws:iam::000000000000:user/local',
    cognitoIdentityAuthType: null,
    cognitoIdentityAuthProvider: null,
  },
};

describe('directive authorization', () => {
  const schema = buildSchema(`${appSyncBuiltinsSdl}
type Query @aws_iam {
  typeRule: String
  staffOrAdmin: String @aws_cognito_user_pools(cognito_groups: ["staff"]) @aws_auth(cognito_groups: ["admin"])
  legacy: String @aws_auth(cognito_groups: ["admin"])
  apiKeyOnly: String @aws_api_key
}`);
  const authorizer = createDirectiveAuthorizer(schema);

  it('applies the type directive to fields without their own', () => {
    expect(authorizer.allows('Query', 'typeRule', iamCaller)).toBe(true);
    expect(authorizer.allows('Query', 'typeRule', userPoolCaller(['admin']))).toBe(false);
  });

  it('admits members of any listed group, and no one without groups', () => {
    expect(authorizer.allows('Query', 'staffOrAdmin', userPoolCaller(['admin']))).toBe(true);
    expect(authorizer.allows('Query', 'staffOrAdmin', userPoolCaller(['staff', 'other']))).toBe(true);
    expect(authorizer.allows('Query', 'staffOrAdmin', userPoolCaller(['applicant']))).toBe(false);
    expect(authorizer.allows('Query', 'staffOrAdmin', userPoolCaller(null))).toBe(false);
    expect(authorizer.allows('Query', 'legacy', userPoolCaller(['admin']))).toBe(true);
  });

  it('denies by default a mode no directive names', () => {
    expect(authorizer.allows('Query', 'apiKeyOnly', userPoolCaller(['admin']))).toBe(false);
    expect(authorizer.allows('Query', 'apiKeyOnly', iamCaller)).toBe(false);
  });

  it("reads the project's schema as the design says: IAM only where marked", () => {
    const project = createDirectiveAuthorizer(loadSchema());

    expect(project.allows('Mutation', 'applyPaymentEvent', iamCaller)).toBe(true);
    expect(project.allows('Mutation', 'applyPaymentEvent', userPoolCaller(['admin']))).toBe(false);
    expect(project.allows('Payment', 'amountCents', iamCaller)).toBe(true);
    expect(project.allows('Query', 'listAuditEvents', userPoolCaller(['staff']))).toBe(false);
    expect(project.allows('Query', 'listAuditEvents', userPoolCaller(['admin']))).toBe(true);
    expect(project.allows('Message', 'body', iamCaller)).toBe(false);
  });
});
