import type * as cognito from 'aws-cdk-lib/aws-cognito';
import * as wafv2 from 'aws-cdk-lib/aws-wafv2';
import { Construct } from 'constructs';

export interface SignUpProtectionProps {
  stage: string;
  userPool: cognito.IUserPool;
  /** Requests one IP may make to the pool (sign-up, sign-in, codes) in any 5-minute window. */
  rateLimit: number;
  /** AWS WAF Bot Control, common level: blocks requests from known bots and automation frameworks. */
  botControl: boolean;
}

/**
 * Sign-up is open to anyone, so the user pool's public endpoints (SignUp, InitiateAuth, ResendConfirmationCode,
 * ForgotPassword) sit behind a web ACL of their own: a per-IP rate limit (scripted sign-ups, code and password
 * guessing), Amazon's IP reputation list, and, where the stage turns it on, Bot Control. Cognito also rate-limits per
 * account, but that quota is shared by every user; this stops one source before it uses it up.
 */
export class SignUpProtection extends Construct {
  readonly webAcl: wafv2.CfnWebACL;

  constructor(scope: Construct, id: string, props: SignUpProtectionProps) {
    super(scope, id);
    const name = `scholarvalley-${props.stage}-auth`;
    const visibility = (metricName: string) => ({ cloudWatchMetricsEnabled: true, metricName, sampledRequestsEnabled: true });
    const rules: wafv2.CfnWebACL.RuleProperty[] = [
      {
        name: 'auth-rate-limit-per-ip',
        priority: 0,
        action: { block: {} },
        statement: { rateBasedStatement: { limit: props.rateLimit, aggregateKeyType: 'IP', evaluationWindowSec: 300 } },
        visibilityConfig: visibility(`${name}-rate-limit`),
      },
      {
        name: 'aws-ip-reputation',
        priority: 1,
        overrideAction: { none: {} },
        statement: { managedRuleGroupStatement: { vendorName: 'AWS', name: 'AWSManagedRulesAmazonIpReputationList' } },
        visibilityConfig: visibility(`${name}-ip-reputation`),
      },
    ];
    if (props.botControl) {
      rules.push({
        name: 'aws-bot-control',
        priority: 2,
        overrideAction: { none: {} },
        statement: {
          managedRuleGroupStatement: {
            vendorName: 'AWS',
            name: 'AWSManagedRulesBotControlRuleSet',
            managedRuleGroupConfigs: [{ awsManagedRulesBotControlRuleSet: { inspectionLevel: 'COMMON' } }],
          },
        },
        visibilityConfig: visibility(`${name}-bot-control`),
      });
    }
    this.webAcl = new wafv2.CfnWebACL(this, 'WebAcl', {
      name,
      scope: 'REGIONAL',
      defaultAction: { allow: {} },
      visibilityConfig: visibility(name),
      rules,
    });
    new wafv2.CfnWebACLAssociation(this, 'Association', { resourceArn: props.userPool.userPoolArn, webAclArn: this.webAcl.attrArn });
  }
}
