import { describe, expect, it } from 'vitest';
import { fromAddress, readStageConfig } from '../../infra/config.ts';

const fromContext = (context: Record<string, unknown>) => readStageConfig((key) => context[key]);

describe('stage configuration from CDK context', () => {
  it('given no context at all, when read, then it is dev with safe defaults', () => {
    const config = fromContext({});
    expect(config).toMatchObject({
      stage: 'dev',
      stackName: 'ScholarvalleyApi-dev',
      frontendOrigins: ['http://localhost:3000', 'http://localhost:5173'],
      checkoutSuccessUrl: 'http://localhost:3000/checkout/success',
      checkoutCancelUrl: 'http://localhost:3000/checkout/cancel',
      logRetentionDays: 14,
      threatProtection: 'audit',
      retainData: false,
      cognitoEmailViaSes: false,
    });
    expect(config.senderDomain).toBeUndefined();
    expect(fromAddress(config)).toBeUndefined();
  });

  it('given stage=prod, when read, then data is retained and no frontend origin is assumed', () => {
    const config = fromContext({ stage: 'prod' });
    expect(config).toMatchObject({ stage: 'prod', stackName: 'ScholarvalleyApi-prod', retainData: true, logRetentionDays: 90 });
    expect(config.frontendOrigins).toEqual([]);
    expect(config.checkoutSuccessUrl).toBeUndefined();
  });

  it('given values as -c passes them (strings), when read, then lists, numbers and booleans are parsed', () => {
    const config = fromContext({
      stage: 'prod',
      frontendOrigins: 'https://app.scholarvalley.com, https://admin.scholarvalley.com',
      senderDomain: 'scholarvalley.com',
      senderEmail: 'hello@scholarvalley.com',
      wafRateLimit: '500',
      logRetentionDays: '30',
      cognitoEmailViaSes: 'true',
      threatProtection: 'enforced',
      alarmEmail: 'ops@scholarvalley.com',
    });
    expect(config).toMatchObject({
      frontendOrigins: ['https://app.scholarvalley.com', 'https://admin.scholarvalley.com'],
      checkoutSuccessUrl: 'https://app.scholarvalley.com/checkout/success',
      wafRateLimit: 500,
      logRetentionDays: 30,
      cognitoEmailViaSes: true,
      threatProtection: 'enforced',
      alarmEmail: 'ops@scholarvalley.com',
    });
    expect(fromAddress(config)).toBe('hello@scholarvalley.com');
    expect(fromAddress({ senderDomain: 'scholarvalley.com' })).toBe('no-reply@scholarvalley.com');
  });

  it.each([
    [{ stage: 'staging' }, /"stage" must be one of dev, prod/],
    [{ frontendOrigins: 'https://app.example.com/path' }, /"frontendOrigins" must list origins/],
    [{ frontendOrigins: 'http://app.example.com' }, /"frontendOrigins" .*http only for localhost/],
    [{ frontendOrigins: 42 }, /"frontendOrigins" must be a comma-separated string/],
    [{ checkoutSuccessUrl: 'not a url' }, /"checkoutSuccessUrl" must be an absolute https URL/],
    [{ senderDomain: 'Not A Domain' }, /"senderDomain" must be a lower-case domain name/],
    [{ senderEmail: 'nobody' }, /"senderEmail" must be an email address/],
    [{ senderDomain: 'scholarvalley.com', senderEmail: 'me@elsewhere.com' }, /"senderEmail" must be an address at senderDomain/],
    [{ wafRateLimit: 'lots' }, /"wafRateLimit" must be a whole number from 100/],
    [{ wafRateLimit: 10 }, /"wafRateLimit" must be a whole number from 100/],
    [{ logRetentionDays: 10 }, /"logRetentionDays" must be one of CloudWatch's retention values/],
    [{ cognitoEmailViaSes: 'yes' }, /"cognitoEmailViaSes" must be true or false/],
    [{ cognitoEmailViaSes: true }, /"cognitoEmailViaSes" needs senderDomain or senderEmail/],
    [{ threatProtection: 'none' }, /"threatProtection" must be audit, enforced or off/],
  ])('given the bad context %j, when read, then synth stops with the key and the rule', (context, message) => {
    expect(() => fromContext(context)).toThrow(message);
  });
});
