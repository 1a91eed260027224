import { Duration, RemovalPolicy } from 'aws-cdk-lib';
import * as cognito from 'aws-cdk-lib/aws-cognito';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import { Construct } from 'constructs';
import type { ThreatProtection } from '../config.ts';

/** The password rules, also published to frontends in amplify_outputs.json. */
export const passwordPolicy = {
  minLength: 12,
  requireLowercase: true,
  requireUppercase: true,
  requireDigits: true,
  requireSymbols: true,
} as const;

/** The groups of DESIGN.md, lowest precedence number wins when a user is in several. */
export const userGroups = [
  { name: 'admin', precedence: 0, description: 'Everything staff can do, plus invitations, roles, audit and revenue' },
  { name: 'staff', precedence: 1, description: 'Works the applicant queue' },
  { name: 'applicant', precedence: 2, description: 'Every self sign-up' },
] as const;

/** Threat protection needs the Plus feature plan; without it the pool uses Essentials. */
function threatProtection(mode: ThreatProtection): Pick<cognito.UserPoolProps, 'featurePlan' | 'standardThreatProtectionMode'> {
  if (mode === 'off') return { featurePlan: cognito.FeaturePlan.ESSENTIALS };
  return {
    featurePlan: cognito.FeaturePlan.PLUS,
    standardThreatProtectionMode:
      mode === 'enforced' ? cognito.StandardThreatProtectionMode.FULL_FUNCTION : cognito.StandardThreatProtectionMode.AUDIT_ONLY,
  };
}

export interface UserDirectoryProps {
  stage: string;
  retainData: boolean;
  threatProtection: ThreatProtection;
  /** Cognito's own emails from this SES identity instead of Cognito's default sender (50 a day). */
  sesEmail?: { fromEmail: string; verifiedDomain?: string };
}

/** Cognito user pool (email sign-in, self sign-up, verified email), the web app client, and the three groups. */
export class UserDirectory extends Construct {
  readonly userPool: cognito.UserPool;
  readonly webClient: cognito.UserPoolClient;

  constructor(scope: Construct, id: string, props: UserDirectoryProps) {
    super(scope, id);
    this.userPool = new cognito.UserPool(this, 'UserPool', {
      userPoolName: `scholarvalley-${props.stage}`,
      selfSignUpEnabled: true,
      signInAliases: { email: true },
      signInCaseSensitive: false,
      autoVerify: { email: true },
      keepOriginal: { email: true },
      standardAttributes: { email: { required: true, mutable: true }, fullname: { required: false, mutable: true } },
      passwordPolicy: { ...passwordPolicy, tempPasswordValidity: Duration.days(3) },
      accountRecovery: cognito.AccountRecovery.EMAIL_ONLY,
      mfa: cognito.Mfa.OPTIONAL,
      mfaSecondFactor: { sms: false, otp: true },
      ...threatProtection(props.threatProtection),
      email: props.sesEmail
        ? cognito.UserPoolEmail.withSES({
            fromEmail: props.sesEmail.fromEmail,
            fromName: 'Scholarvalley',
            ...(props.sesEmail.verifiedDomain ? { sesVerifiedDomain: props.sesEmail.verifiedDomain } : {}),
          })
        : cognito.UserPoolEmail.withCognito(),
      deletionProtection: props.retainData,
      removalPolicy: props.retainData ? RemovalPolicy.RETAIN : RemovalPolicy.DESTROY,
    });

    this.webClient = this.userPool.addClient('WebClient', {
      userPoolClientName: 'web',
      generateSecret: false,
      authFlows: { userSrp: true },
      disableOAuth: true,
      preventUserExistenceErrors: true,
      enableTokenRevocation: true,
      accessTokenValidity: Duration.hours(1),
      idTokenValidity: Duration.hours(1),
      refreshTokenValidity: Duration.days(30),
    });

    for (const group of userGroups) {
      new cognito.CfnUserPoolGroup(this, `Group-${group.name}`, {
        userPoolId: this.userPool.userPoolId,
        groupName: group.name,
        precedence: group.precedence,
        description: group.description,
      });
    }
  }

  /**
   * Attaches the post-confirmation trigger and lets it act on this pool. The grant is a separate policy: a grant in
   * the function's default policy would make the function depend on the pool that depends on the function.
   */
  addPostConfirmation(handler: lambda.Function, actions: string[]): void {
    this.userPool.addTrigger(cognito.UserPoolOperation.POST_CONFIRMATION, handler);
    if (!handler.role) throw new Error(`Function ${handler.node.path} has no role`);
    new iam.Policy(this, 'PostConfirmationPolicy', {
      roles: [handler.role],
      statements: [new iam.PolicyStatement({ actions, resources: [this.userPool.userPoolArn] })],
    });
  }
}
