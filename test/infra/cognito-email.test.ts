import { Match } from 'aws-cdk-lib/assertions';
import { describe, expect, it } from 'vitest';
import { allLambdasWritten, synth } from './support/synth.ts';

// Cognito's default sender allows 50 emails a day: prod sends Cognito's codes and invitations through its SES identity.
// dev keeps Cognito's default sender (infra/stages/dev.json: cognitoEmailViaSes false).

const prod = (context: Record<string, unknown> = {}) => synth({ lambdas: allLambdasWritten, context: { stage: 'prod', ...context } });

describe("Cognito's own emails", () => {
  it('given prod, then Cognito sends through the SES domain identity, from no-reply@, through the configuration set', async () => {
    const { template } = await prod();
    const [configurationSetId] = Object.keys(template.findResources('AWS::SES::ConfigurationSet'));
    template.hasResourceProperties('AWS::Cognito::UserPool', {
      EmailConfiguration: {
        EmailSendingAccount: 'DEVELOPER',
        From: 'Scholarvalley <no-reply@scholarvalley.com>',
        SourceArn: { 'Fn::Join': ['', Match.arrayWith([Match.stringLikeRegexp(':identity/scholarvalley\\.com$')])] },
        ConfigurationSet: { Ref: configurationSetId },
      },
    });
  });

  it("given dev, then Cognito keeps its default sender (the stage file says so)", async () => {
    const { template } = await synth({ lambdas: allLambdasWritten });
    template.hasResourceProperties('AWS::Cognito::UserPool', { EmailConfiguration: { EmailSendingAccount: 'COGNITO_DEFAULT' } });
  });

  it("given prod's first create (-c firstDeploy=true), then Cognito's default sender: the identity that create makes is not verified yet", async () => {
    const { template } = await prod({ firstDeploy: 'true' });
    const [pool] = Object.values(template.findResources('AWS::Cognito::UserPool'));
    expect(pool?.Properties.EmailConfiguration).toEqual({ EmailSendingAccount: 'COGNITO_DEFAULT' });
  });
});
