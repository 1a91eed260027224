// Puts every template of templates.ts into SES: created when missing, updated when it exists. CDK does this in AWS
// with AWS::SES::Template; the local stack calls this against aws-ses-v2-local at start.
import { CreateEmailTemplateCommand, GetEmailTemplateCommand, UpdateEmailTemplateCommand, type SESv2Client } from '@aws-sdk/client-sesv2';
import { emailTemplates, sesTemplateName } from './templates.ts';

/** Whether SES has a template of this name (GetEmailTemplate answers 404 NotFoundException when it has not). */
async function templateExists(ses: SESv2Client, TemplateName: string): Promise<boolean> {
  try {
    await ses.send(new GetEmailTemplateCommand({ TemplateName }));
    return true;
  } catch (error) {
    const status = (error as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode;
    if (status === 404 || (error as Error).name === 'NotFoundException') return false;
    throw error;
  }
}

export async function installEmailTemplates(ses: SESv2Client, prefix: string): Promise<string[]> {
  const names: string[] = [];
  for (const template of emailTemplates) {
    const TemplateName = sesTemplateName(prefix, template);
    const TemplateContent = { Subject: template.subject, Text: template.text, Html: template.html };
    if (await templateExists(ses, TemplateName)) {
      await ses.send(new UpdateEmailTemplateCommand({ TemplateName, TemplateContent }));
    } else {
      await ses.send(new CreateEmailTemplateCommand({ TemplateName, TemplateContent }));
    }
    names.push(TemplateName);
  }
  return names;
}
