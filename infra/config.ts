/**
 * Stage configuration: what differs between `dev` and `prod`, read from CDK context (`-c key=value` or cdk.json) with
 * safe defaults, so `cdk synth` works offline with no context at all. Bad values fail synth with the key and the rule.
 */
export const stages = ['dev', 'prod'] as const;
export type Stage = (typeof stages)[number];

export type ThreatProtection = 'audit' | 'enforced' | 'off';

export interface StageConfig {
  stage: Stage;
  /** CloudFormation stack name; also the prefix of physical names. */
  stackName: string;
  /** Browser origins allowed to upload to and download from the documents bucket (CORS). */
  frontendOrigins: string[];
  /** Where Stripe Checkout sends the payer back; unset when no frontend origin is known. */
  checkoutSuccessUrl?: string;
  checkoutCancelUrl?: string;
  /** SES sender: a whole domain (DKIM records to publish) or one address. */
  senderDomain?: string;
  senderEmail?: string;
  /** Address the alarm topic emails; unset: subscribe to the topic yourself. */
  alarmEmail?: string;
  /** Requests one IP may make in any 5-minute window before WAF blocks it. */
  wafRateLimit: number;
  logRetentionDays: number;
  /**
   * Cognito threat protection (Plus feature plan): `audit` records risk, `enforced` also blocks risky sign-ins; `off`
   * uses the Essentials plan instead, which has a free allowance (docs/architecture.md, cost).
   */
  threatProtection: ThreatProtection;
  /** Send Cognito's emails (verification codes, invitations) through the SES identity instead of Cognito's 50/day default. */
  cognitoEmailViaSes: boolean;
  /** prod keeps data when the stack or a resource is deleted; dev is disposable. */
  retainData: boolean;
}

type ContextReader = (key: string) => unknown;

/** Log retention values CloudWatch accepts. */
const allowedRetentionDays = [1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653];

const stageDefaults: Record<Stage, { frontendOrigins: string[]; wafRateLimit: number; logRetentionDays: number }> = {
  dev: { frontendOrigins: ['http://localhost:3000', 'http://localhost:5173'], wafRateLimit: 1000, logRetentionDays: 14 },
  prod: { frontendOrigins: [], wafRateLimit: 2000, logRetentionDays: 90 },
};

export class ConfigError extends Error {
  constructor(key: string, rule: string, value: unknown) {
    super(`Context "${key}" ${rule} (got ${JSON.stringify(value)})`);
    this.name = 'ConfigError';
  }
}

/** Reads the stage configuration from CDK context (`app.node.tryGetContext`). */
export function readStageConfig(tryGetContext: ContextReader): StageConfig {
  const stage = readStage(tryGetContext('stage'));
  const defaults = stageDefaults[stage];
  const frontendOrigins = readOrigins(tryGetContext('frontendOrigins')) ?? defaults.frontendOrigins;
  const firstOrigin = frontendOrigins[0];
  const checkoutSuccessUrl =
    readUrl('checkoutSuccessUrl', tryGetContext('checkoutSuccessUrl')) ?? (firstOrigin && `${firstOrigin}/checkout/success`);
  const checkoutCancelUrl =
    readUrl('checkoutCancelUrl', tryGetContext('checkoutCancelUrl')) ?? (firstOrigin && `${firstOrigin}/checkout/cancel`);
  const senderDomain = readDomain('senderDomain', tryGetContext('senderDomain'));
  const senderEmail = readEmail('senderEmail', tryGetContext('senderEmail'));
  if (senderDomain && senderEmail && !senderEmail.endsWith(`@${senderDomain}`)) {
    throw new ConfigError('senderEmail', `must be an address at senderDomain "${senderDomain}"`, senderEmail);
  }
  const alarmEmail = readEmail('alarmEmail', tryGetContext('alarmEmail'));
  const cognitoEmailViaSes = readBoolean('cognitoEmailViaSes', tryGetContext('cognitoEmailViaSes')) ?? false;
  if (cognitoEmailViaSes && !senderDomain && !senderEmail) {
    throw new ConfigError('cognitoEmailViaSes', 'needs senderDomain or senderEmail', true);
  }
  return {
    stage,
    stackName: `ScholarvalleyApi-${stage}`,
    frontendOrigins,
    ...(checkoutSuccessUrl ? { checkoutSuccessUrl } : {}),
    ...(checkoutCancelUrl ? { checkoutCancelUrl } : {}),
    ...(senderDomain ? { senderDomain } : {}),
    ...(senderEmail ? { senderEmail } : {}),
    ...(alarmEmail ? { alarmEmail } : {}),
    wafRateLimit: readInteger('wafRateLimit', tryGetContext('wafRateLimit'), 100, 2_000_000_000) ?? defaults.wafRateLimit,
    logRetentionDays: readRetention(tryGetContext('logRetentionDays')) ?? defaults.logRetentionDays,
    threatProtection: readThreatProtection(tryGetContext('threatProtection')) ?? 'audit',
    cognitoEmailViaSes,
    retainData: stage === 'prod',
  };
}

/** The address emails come from: senderEmail, else no-reply@senderDomain. */
export function fromAddress(config: Pick<StageConfig, 'senderDomain' | 'senderEmail'>): string | undefined {
  return config.senderEmail ?? (config.senderDomain ? `no-reply@${config.senderDomain}` : undefined);
}

function readStage(value: unknown): Stage {
  if (value === undefined) return 'dev';
  if (typeof value === 'string' && (stages as readonly string[]).includes(value)) return value as Stage;
  throw new ConfigError('stage', `must be one of ${stages.join(', ')}`, value);
}

/** A comma-separated string (from `-c`) or a JSON array (from cdk.json). */
function readList(key: string, value: unknown): string[] | undefined {
  if (value === undefined || value === '') return undefined;
  if (typeof value === 'string') return value.split(',').map((s) => s.trim()).filter(Boolean);
  if (Array.isArray(value) && value.every((v) => typeof v === 'string')) return value as string[];
  throw new ConfigError(key, 'must be a comma-separated string or a list of strings', value);
}

function readOrigins(value: unknown): string[] | undefined {
  const origins = readList('frontendOrigins', value);
  for (const origin of origins ?? []) {
    const url = parseUrl(origin);
    const isOrigin = url && url.origin === origin && (url.protocol === 'https:' || url.hostname === 'localhost');
    if (!isOrigin) {
      throw new ConfigError('frontendOrigins', 'must list origins like https://app.example.com (https, no path; http only for localhost)', origin);
    }
  }
  return origins;
}

function readUrl(key: string, value: unknown): string | undefined {
  if (value === undefined) return undefined;
  const url = typeof value === 'string' ? parseUrl(value) : undefined;
  if (!url || !(url.protocol === 'https:' || url.hostname === 'localhost')) {
    throw new ConfigError(key, 'must be an absolute https URL (http only for localhost)', value);
  }
  return value as string;
}

function parseUrl(value: string): URL | undefined {
  try {
    return new URL(value);
  } catch {
    return undefined;
  }
}

const domainPattern = /^(?=.{1,253}$)([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/;
const emailPattern = /^[^@\s]+@([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/i;

function readDomain(key: string, value: unknown): string | undefined {
  if (value === undefined || value === '') return undefined;
  if (typeof value !== 'string' || !domainPattern.test(value)) {
    throw new ConfigError(key, 'must be a lower-case domain name like scholarvalley.com', value);
  }
  return value;
}

function readEmail(key: string, value: unknown): string | undefined {
  if (value === undefined || value === '') return undefined;
  if (typeof value !== 'string' || !emailPattern.test(value)) {
    throw new ConfigError(key, 'must be an email address like team@example.com', value);
  }
  return value;
}

function readInteger(key: string, value: unknown, min: number, max: number): number | undefined {
  if (value === undefined) return undefined;
  const n = typeof value === 'string' && /^\d+$/.test(value) ? Number(value) : value;
  if (typeof n !== 'number' || !Number.isInteger(n) || n < min || n > max) {
    throw new ConfigError(key, `must be a whole number from ${min} to ${max}`, value);
  }
  return n;
}

function readRetention(value: unknown): number | undefined {
  const days = readInteger('logRetentionDays', value, 1, 3653);
  if (days !== undefined && !allowedRetentionDays.includes(days)) {
    throw new ConfigError('logRetentionDays', `must be one of CloudWatch's retention values (${allowedRetentionDays.join(', ')})`, value);
  }
  return days;
}

function readBoolean(key: string, value: unknown): boolean | undefined {
  if (value === undefined) return undefined;
  if (value === true || value === 'true') return true;
  if (value === false || value === 'false') return false;
  throw new ConfigError(key, 'must be true or false', value);
}

function readThreatProtection(value: unknown): ThreatProtection | undefined {
  if (value === undefined) return undefined;
  if (value === 'audit' || value === 'enforced' || value === 'off') return value;
  throw new ConfigError('threatProtection', 'must be audit, enforced or off', value);
}
