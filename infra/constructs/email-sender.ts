import { Aws } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as ses from 'aws-cdk-lib/aws-ses';
import { Construct } from 'constructs';

export interface EmailSenderProps {
  stage: string;
  /** Exactly one of the two is the identity; with a domain, mail goes out as fromAddress at that domain. */
  senderDomain?: string;
  senderEmail?: string;
  fromAddress: string;
  /** Name prefix of the stage's SES templates (constructs/email-templates.ts). */
  templatePrefix: string;
}

/**
 * The SES sender identity (a domain with Easy DKIM, or one address) and a configuration set that keeps bounces and
 * complaints off the sending list and records reputation metrics. The identity is verified outside CloudFormation
 * (DNS records or a confirmation link, docs/deployment.md).
 */
export class EmailSender extends Construct {
  readonly identity: ses.EmailIdentity;
  readonly configurationSet: ses.ConfigurationSet;
  readonly fromAddress: string;
  /** Name prefix of the SES templates the email Lambda may use. */
  readonly templatePrefix: string;

  constructor(scope: Construct, id: string, props: EmailSenderProps) {
    super(scope, id);
    this.fromAddress = props.fromAddress;
    this.templatePrefix = props.templatePrefix;
    this.configurationSet = new ses.ConfigurationSet(this, 'ConfigurationSet', {
      configurationSetName: `scholarvalley-${props.stage}`,
      reputationMetrics: true,
      sendingEnabled: true,
      suppressionReasons: ses.SuppressionReasons.BOUNCES_AND_COMPLAINTS,
    });
    this.identity = new ses.EmailIdentity(this, 'Identity', {
      identity: props.senderDomain ? ses.Identity.domain(props.senderDomain) : ses.Identity.email(props.fromAddress),
      // The identity's default configuration set: functions/email sends without ConfigurationSetName, so this is
      // what applies the suppression list and reputation metrics to every send.
      configurationSet: this.configurationSet,
    });
  }

  /** `ses:SendEmail` from this identity, through this configuration set, with this stage's templates only. */
  sendStatement(): iam.PolicyStatement {
    const arn = (resource: string) => `arn:${Aws.PARTITION}:ses:${Aws.REGION}:${Aws.ACCOUNT_ID}:${resource}`;
    const templates = arn(`template/${this.templatePrefix}*`);
    const configurationSet = arn(`configuration-set/${this.configurationSet.configurationSetName}`);
    return new iam.PolicyStatement({
      actions: ['ses:SendEmail'],
      resources: [this.identity.emailIdentityArn, configurationSet, templates],
    });
  }
}
