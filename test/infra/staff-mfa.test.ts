import { Match } from 'aws-cdk-lib/assertions';
import { describe, expect, it } from 'vitest';
import { allLambdasWritten, synth } from './support/synth.ts';

// MFA for staff and admins: the pool offers TOTP (optional for applicants), and its pre-token-generation trigger,
// event version 2 (it changes the access token's groups too), withholds team groups from users without it.

describe('staff and admin MFA, in the template', () => {
  it('given prod, then TOTP is offered (no SMS) and the pre-token-generation trigger is attached with event version 2', async () => {
    const { template } = await synth({ lambdas: allLambdasWritten, context: { stage: 'prod' } });
    const [pool] = Object.values(template.findResources('AWS::Cognito::UserPool'));
    expect(pool?.Properties).toMatchObject({ MfaConfiguration: 'OPTIONAL', EnabledMfas: ['SOFTWARE_TOKEN_MFA'] });
    expect(pool?.Properties.LambdaConfig.PreTokenGenerationConfig).toEqual({
      LambdaArn: { 'Fn::GetAtt': [expect.stringMatching(/^Functionspretokengeneration/), 'Arn'] },
      LambdaVersion: 'V2_0',
    });
    template.hasResourceProperties('AWS::Lambda::Permission', {
      Principal: 'cognito-idp.amazonaws.com',
      FunctionName: { 'Fn::GetAtt': [Match.stringLikeRegexp('^Functionspretokengeneration'), 'Arn'] },
    });
  });
});
