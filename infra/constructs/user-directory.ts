import { Duration, RemovalPolicy } from 'aws-cdk-lib';
import * as cognito from 'aws-cdk-lib/aws-cognito';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import { Construct } from 'constructs';
import { webClientSignIn } from '../web-client-sign-in.ts';
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

/** Cognito's invitation email (AdminCreateUser): it must show the user name and the temporary password. */
export interface InvitationMessage {
  emailSubject: string;
  /** Cognito replaces {username} and {####} (the temporary password); both must appear. */
  emailBody: string;
}

/**
 * How long an invited user's temporary password works. functions/identity/invitation-message.ts tells the invitee
 * this figure, so the two change together (test/infra/stack.test.ts checks they agree).
 */
export const temporaryPasswordDays = 7;

export interface UserDirectoryProps {
  stage: string;
  /** The staff invitation email, as the product words it (functions/identity/invitation-message.ts). */
  invitation: InvitationMessage;
  retainData: boolean;
  threatProtection: ThreatProtection;
  /**
   * Cognito's own emails (codes, invitations) from this SES identity, through its configuration set (suppression list,
   * reputation metrics), instead of Cognito's default sender (50 a day). Cognito refuses an identity not yet verified.
   */
  sesEmail?: { fromEmail: string; verifiedDomain?: string; configurationSet: string };
}

/** Cognito user pool (email sign-in, self sign-up, verified email), the web app client, and the three groups. */
export class UserDirectory extends Construct {
  readonly userPool: cognito.UserPool;
  readonly webClient: cognito.UserPoolClient;

  constructor(scope: Construct, id: string, props: UserDirectoryProps) {
    super(scope, id);
    checkInvitation(props.invitation);
    this.userPool = new cognito.UserPool(this, 'UserPool', {
      userPoolName: `scholarvalley-${props.stage}`,
      selfSignUpEnabled: true,
      signInAliases: { email: true },
      signInCaseSensitive: false,
      autoVerify: { email: true },
      keepOriginal: { email: true },
      standardAttributes: { email: { required: true, mutable: true }, fullname: { required: false, mutable: true } },
      passwordPolicy: { ...passwordPolicy, tempPasswordValidity: Duration.days(temporaryPasswordDays) },
      userInvitation: { emailSubject: props.invitation.emailSubject, emailBody: props.invitation.emailBody },
      accountRecovery: cognito.AccountRecovery.EMAIL_ONLY,
      mfa: cognito.Mfa.OPTIONAL,
      mfaSecondFactor: { sms: false, otp: true },
      ...threatProtection(props.threatProtection),
      email: props.sesEmail
        ? cognito.UserPoolEmail.withSES({
            fromEmail: props.sesEmail.fromEmail,
            fromName: 'Scholarvalley',
            configurationSetName: props.sesEmail.configurationSet,
            ...(props.sesEmail.verifiedDomain ? { sesVerifiedDomain: props.sesEmail.verifiedDomain } : {}),
          })
        : cognito.UserPoolEmail.withCognito(),
      deletionProtection: props.retainData,
      removalPolicy: props.retainData ? RemovalPolicy.RETAIN : RemovalPolicy.DESTROY,
    });

    this.webClient = this.userPool.addClient('WebClient', {
      userPoolClientName: 'web',
      generateSecret: false,
      ...webClientSignIn,
      disableOAuth: true,
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
   * Attaches the pre-token-generation trigger (event version 2, so it may change the access token's groups too: the
   * staff-MFA rule of functions/identity/staff-mfa.ts) and lets it read users of this pool, in its own policy.
   */
  addPreTokenGeneration(handler: lambda.Function, actions: string[]): void {
    this.userPool.addTrigger(cognito.UserPoolOperation.PRE_TOKEN_GENERATION_CONFIG, handler, cognito.LambdaVersion.V2_0);
    if (!handler.role) throw new Error(`Function ${handler.node.path} has no role`);
    new iam.Policy(this, 'PreTokenGenerationPolicy', {
      roles: [handler.role],
      statements: [new iam.PolicyStatement({ actions, resources: [this.userPool.userPoolArn] })],
    });
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

  /** The legacy migration's sign-in triggers (docs/migration.md), granted as addPostConfirmation is. */
  addLegacyTrigger(kind: 'userMigration' | 'postAuthentication', handler: lambda.Function, actions: string[]): void {
    const operation = kind === 'userMigration' ? cognito.UserPoolOperation.USER_MIGRATION : cognito.UserPoolOperation.POST_AUTHENTICATION;
    this.userPool.addTrigger(operation, handler);
    if (actions.length === 0) return;
    if (!handler.role) throw new Error(`Function ${handler.node.path} has no role`);
    new iam.Policy(this, kind === 'userMigration' ? 'UserMigrationPolicy' : 'PostAuthenticationPolicy', {
      roles: [handler.role],
      statements: [new iam.PolicyStatement({ actions, resources: [this.userPool.userPoolArn] })],
    });
  }
}

/**
 * Cognito refuses, at deploy time, an invitation without {username} or {####}, a subject over 140 characters or a body
 * over 20,000; synth refuses them first, naming the field and the rule.
 */
function checkInvitation(invitation: InvitationMessage): void {
  const { emailSubject, emailBody } = invitation;
  if (emailSubject.trim().length === 0 || emailSubject.length > 140) {
    throw new Error(`invitation.emailSubject must be 1 to 140 characters (got ${emailSubject.length})`);
  }
  for (const placeholder of ['{username}', '{####}']) {
    if (!emailBody.includes(placeholder)) throw new Error(`invitation.emailBody must contain ${placeholder}`);
  }
  if (emailBody.length > 20_000) throw new Error(`invitation.emailBody must be at most 20,000 characters (got ${emailBody.length})`);
}
