import * as ses from 'aws-cdk-lib/aws-ses';
import { Construct } from 'constructs';
import { emailTemplates, sesTemplateName } from '../../functions/email/templates.ts';

/** Every email of functions/email/templates.ts as an SES template named `<prefix><name>`, which the email Lambda sends by name. */
export class EmailTemplates extends Construct {
  readonly templateNames: string[] = [];

  constructor(scope: Construct, id: string, props: { prefix: string }) {
    super(scope, id);
    for (const template of emailTemplates) {
      const templateName = sesTemplateName(props.prefix, template);
      new ses.CfnTemplate(this, template.name, {
        template: { templateName, subjectPart: template.subject, textPart: template.text, htmlPart: template.html },
      });
      this.templateNames.push(templateName);
    }
  }
}
