import { describe, expect, it } from 'vitest';
import { allLambdasWritten, synth } from './support/synth.ts';

// Open sign-up: the user pool has its own web ACL (rate limit per IP, IP reputation, Bot Control where the stage
// file turns it on), associated with the pool.

const webAclOfPool = async (context: Record<string, unknown>) => {
  const { template } = await synth({ lambdas: allLambdasWritten, context });
  const [poolId] = Object.keys(template.findResources('AWS::Cognito::UserPool'));
  const associations = Object.values(template.findResources('AWS::WAFv2::WebACLAssociation')).filter(
    (a) => JSON.stringify(a.Properties.ResourceArn) === JSON.stringify({ 'Fn::GetAtt': [poolId, 'Arn'] }),
  );
  expect(associations).toHaveLength(1);
  const aclId = (associations[0]!.Properties.WebACLArn as { 'Fn::GetAtt': [string, string] })['Fn::GetAtt'][0];
  return template.toJSON().Resources[aclId] as { Properties: { Name: string; Scope: string; Rules: Record<string, unknown>[] } };
};

describe("the user pool's web ACL", () => {
  it('given prod, then the pool is behind a per-IP rate limit, the IP reputation list and Bot Control (common level)', async () => {
    const acl = await webAclOfPool({ stage: 'prod' });
    expect(acl.Properties).toMatchObject({ Name: 'scholarvalley-prod-auth', Scope: 'REGIONAL' });
    expect(acl.Properties.Rules).toEqual([
      expect.objectContaining({
        Action: { Block: {} },
        Statement: { RateBasedStatement: { Limit: 500, AggregateKeyType: 'IP', EvaluationWindowSec: 300 } },
      }),
      expect.objectContaining({ Statement: { ManagedRuleGroupStatement: { VendorName: 'AWS', Name: 'AWSManagedRulesAmazonIpReputationList' } } }),
      expect.objectContaining({
        Statement: {
          ManagedRuleGroupStatement: expect.objectContaining({
            Name: 'AWSManagedRulesBotControlRuleSet',
            ManagedRuleGroupConfigs: [{ AWSManagedRulesBotControlRuleSet: { InspectionLevel: 'COMMON' } }],
          }),
        },
      }),
    ]);
  });

  it('given dev (signUpBotControl false), then the rate limit and IP reputation only: Bot Control is billed per request', async () => {
    const acl = await webAclOfPool({});
    expect(acl.Properties.Name).toBe('scholarvalley-dev-auth');
    expect(acl.Properties.Rules.map((r) => r.Name)).toEqual(['auth-rate-limit-per-ip', 'aws-ip-reputation']);
  });

  it('given -c authRateLimit=300, then the pool rule uses it and the API keeps its own limit', async () => {
    const acl = await webAclOfPool({ authRateLimit: '300' });
    expect(acl.Properties.Rules[0]).toMatchObject({ Statement: { RateBasedStatement: { Limit: 300 } } });
  });
});
