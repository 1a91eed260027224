import { describe, expect, it } from 'vitest';
import { committedStageFile, fromAddress, readStageConfig, type Stage } from '../../infra/config.ts';

const fromContext = (context: Record<string, unknown>) => readStageConfig((key) => context[key]);

/** Committed files with one stage's settings changed. */
const withFile = (stage: Stage, change: (file: Record<string, unknown>) => unknown) => (context: Record<string, unknown>) =>
  readStageConfig(
    (key) => context[key],
    (s) => (s === stage ? change({ ...(committedStageFile(s) as Record<string, unknown>) }) : committedStageFile(s)),
  );

describe('stage configuration: infra/stages/<stage>.json, overridden by -c', () => {
  it('given no context at all, when read, then it is dev from infra/stages/dev.json', () => {
    const config = fromContext({});
    expect(config).toMatchObject({
      stage: 'dev',
      stackName: 'ScholarvalleyApi-dev',
      frontendOrigins: ['http://localhost:3000', 'http://localhost:5173'],
      checkoutSuccessUrl: 'http://localhost:3000/checkout/success',
      checkoutCancelUrl: 'http://localhost:3000/checkout/cancel',
      senderDomain: 'dev.scholarvalley.com',
      logRetentionDays: 14,
      threatProtection: 'off',
      retainData: false,
      terminationProtection: false,
      cognitoEmailViaSes: false,
      firstDeploy: false,
    });
  });

  it('given a plain -c stage=prod, when read, then CORS, checkout URLs, the SES identity and Cognito mail through SES all come from prod.json', () => {
    const config = fromContext({ stage: 'prod' });
    expect(config).toMatchObject({
      stage: 'prod',
      stackName: 'ScholarvalleyApi-prod',
      frontendOrigins: ['https://app.scholarvalley.com'],
      checkoutSuccessUrl: 'https://app.scholarvalley.com/checkout/success',
      checkoutCancelUrl: 'https://app.scholarvalley.com/checkout/cancel',
      senderDomain: 'scholarvalley.com',
      cognitoEmailViaSes: true,
      signUpBotControl: true,
      retainData: true,
      terminationProtection: true,
      logRetentionDays: 90,
    });
    expect(fromAddress(config)).toBe('no-reply@scholarvalley.com');
  });

  it('given the committed stage files, then Essentials (no threat protection) is every stage\'s stated choice: Plus is opt-in', () => {
    for (const stage of ['dev', 'prod'] as const) {
      expect(committedStageFile(stage), stage).toHaveProperty('threatProtection', 'off');
      expect(fromContext({ stage }).threatProtection).toBe('off');
    }
  });

  it('given the committed stage files, then dev and prod never share an SES identity (one per account and region)', () => {
    const identity = (stage: Stage) => {
      const config = fromContext({ stage });
      return config.senderDomain ?? config.senderEmail;
    };
    expect(identity('dev')).toBeDefined();
    expect(identity('dev')).not.toBe(identity('prod'));
  });

  it("given -c senderDomain set to prod's identity on dev, when read, then synth stops naming the setting and the rule", () => {
    expect(() => fromContext({ senderDomain: 'scholarvalley.com' })).toThrow(
      /^-c senderDomain: "senderDomain" must differ from stage prod's SES identity/,
    );
    // The same address in both files, spelled differently: still one identity.
    const address = (stage: Stage, senderEmail: string) => ({
      ...(committedStageFile(stage) as Record<string, unknown>),
      senderDomain: undefined,
      senderEmail,
    });
    const sameAddress = () =>
      readStageConfig(
        (key) => (key === 'stage' ? 'prod' : undefined),
        (stage) => (stage === 'prod' ? address('prod', 'TEAM@scholarvalley.com') : address('dev', 'team@scholarvalley.com')),
      );
    expect(sameAddress).toThrow(/^infra\/stages\/prod\.json: "senderEmail" must differ from stage dev's SES identity/);
  });

  it('given values as -c passes them (strings), when read, then they override the file and are parsed', () => {
    const config = fromContext({
      stage: 'prod',
      frontendOrigins: 'https://app.scholarvalley.com, https://admin.scholarvalley.com',
      senderEmail: 'hello@scholarvalley.com',
      wafRateLimit: '500',
      logRetentionDays: '30',
      threatProtection: 'enforced',
      alarmEmail: 'alerts@scholarvalley.com',
      terminationProtection: 'false',
    });
    expect(config).toMatchObject({
      frontendOrigins: ['https://app.scholarvalley.com', 'https://admin.scholarvalley.com'],
      checkoutSuccessUrl: 'https://app.scholarvalley.com/checkout/success',
      wafRateLimit: 500,
      logRetentionDays: 30,
      threatProtection: 'enforced',
      alarmEmail: 'alerts@scholarvalley.com',
      terminationProtection: false,
    });
    expect(fromAddress(config)).toBe('hello@scholarvalley.com');
  });

  it('given an empty -c value (an unset CI variable), when read, then the committed value stands', () => {
    expect(fromContext({ stage: 'prod', senderDomain: '', frontendOrigins: '' })).toMatchObject({
      senderDomain: 'scholarvalley.com',
      frontendOrigins: ['https://app.scholarvalley.com'],
    });
  });

  it('given -c firstDeploy=true, when read, then it is recorded (the stack drops termination protection and Cognito-via-SES for that create)', () => {
    expect(fromContext({ stage: 'prod', firstDeploy: 'true' })).toMatchObject({ firstDeploy: true, terminationProtection: true });
    expect(() => fromContext({ firstDeploy: 'yes' })).toThrow('-c firstDeploy: "firstDeploy" must be true or false');
  });

  it.each([
    [{ stage: 'staging' }, /-c stage: "stage" must be one of dev, prod/],
    [{ frontendOrigins: 'https://app.example.com/path' }, /-c frontendOrigins: "frontendOrigins" must list origins/],
    [{ frontendOrigins: 'http://app.example.com' }, /"frontendOrigins" .*http only for localhost/],
    [{ frontendOrigins: 42 }, /"frontendOrigins" must be a comma-separated string/],
    [{ checkoutSuccessUrl: 'not a url' }, /"checkoutSuccessUrl" must be an absolute https URL/],
    [{ senderDomain: 'Not A Domain' }, /"senderDomain" must be a lower-case domain name/],
    [{ senderEmail: 'nobody' }, /"senderEmail" must be an email address/],
    [{ senderEmail: 'me@elsewhere.com' }, /"senderEmail" must be an address at senderDomain/],
    [{ wafRateLimit: 'lots' }, /"wafRateLimit" must be a whole number from 100/],
    [{ authRateLimit: 10 }, /"authRateLimit" must be a whole number from 100/],
    [{ logRetentionDays: 10 }, /"logRetentionDays" must be one of CloudWatch's retention values/],
    [{ cognitoEmailViaSes: 'yes' }, /"cognitoEmailViaSes" must be true or false/],
    [{ threatProtection: 'none' }, /"threatProtection" must be off \(Essentials plan\), audit or enforced/],
  ])('given the bad context %j, when read, then synth stops with the source, the key and the rule', (context, message) => {
    expect(() => fromContext(context)).toThrow(message);
  });

  it.each([
    [(f: Record<string, unknown>) => ({ ...f, logRetentionDays: 10 }), /^infra\/stages\/prod\.json: "logRetentionDays" must be one of/],
    [(f: Record<string, unknown>) => ({ ...f, corsOrigins: [] }), /^infra\/stages\/prod\.json: "corsOrigins" is not a setting/],
    [(f: Record<string, unknown>) => ({ ...f, retainData: undefined }), /^infra\/stages\/prod\.json: "retainData" must be set/],
    [(f: Record<string, unknown>) => ({ ...f, senderDomain: undefined, senderEmail: undefined }), /"cognitoEmailViaSes" needs senderDomain or senderEmail/],
    [() => [1, 2], /^infra\/stages\/prod\.json: "settings" must be a JSON object/],
  ])('given a bad committed prod.json (%#), when read, then synth stops naming the file, the setting and the rule', (change, message) => {
    expect(() => withFile('prod', change)({ stage: 'prod' })).toThrow(message);
  });
});
