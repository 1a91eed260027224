/**
 * Stage configuration: what differs between `dev` and `prod`. Each stage's settings are committed in
 * infra/stages/<stage>.json; CDK context (`-c key=value`) may override any of them for one run. Bad values fail synth
 * naming the setting, where it came from and the rule.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export const stages = ['dev', 'prod'] as const;
export type Stage = (typeof stages)[number];

export type ThreatProtection = 'audit' | 'enforced' | 'off';

export interface StageConfig {
  stage: Stage;
  /** CloudFormation stack name; also the prefix of alarm names. */
  stackName: string;
  /** Browser origins allowed to upload to and download from the documents bucket (CORS). */
  frontendOrigins: string[];
  /** Where Stripe Checkout sends the payer back; unset when no frontend origin is known. */
  checkoutSuccessUrl?: string;
  checkoutCancelUrl?: string;
  /** SES sender: a whole domain (DKIM records to publish) or one address. Unique per stage (SES identities are per account). */
  senderDomain?: string;
  senderEmail?: string;
  /** Address the alarm topic emails; unset: subscribe to the topic yourself. */
  alarmEmail?: string;
  /** Requests one IP may make to the API in any 5-minute window before WAF blocks it. */
  wafRateLimit: number;
  /** Requests one IP may make to Cognito (sign-up, sign-in, codes) in any 5-minute window before WAF blocks it. */
  authRateLimit: number;
  /** AWS WAF Bot Control (common level) on the user pool's web ACL: refuses scripted sign-ups from known bots. */
  signUpBotControl: boolean;
  logRetentionDays: number;
  /**
   * Cognito threat protection, which needs the Plus feature plan: `audit` records risk, `enforced` also blocks risky
   * sign-ins; `off` keeps the pool on Essentials (docs/deployment.md, "Settings", for the cost of each).
   */
  threatProtection: ThreatProtection;
  /** Send Cognito's emails (verification codes, invitations) through the SES identity instead of Cognito's 50/day default. */
  cognitoEmailViaSes: boolean;
  /** prod keeps data when the stack or a resource is deleted; dev is disposable. */
  retainData: boolean;
  /** CloudFormation termination protection on the stack. */
  terminationProtection: boolean;
  /**
   * `-c firstDeploy=true`, for the stack's first create only: no termination protection (so a failed create can be
   * deleted and retried) and Cognito's own sender (the SES identity the same create makes is not verified yet).
   */
  firstDeploy: boolean;
}

/** Where a value came from, for error messages. */
type Source = `-c ${string}` | `infra/stages/${Stage}.json`;

export class ConfigError extends Error {
  constructor(key: string, rule: string, value: unknown, source?: Source) {
    super(`${source ? `${source}: ` : ''}"${key}" ${rule} (got ${JSON.stringify(value)})`);
    this.name = 'ConfigError';
  }
}

/** The settings a stage file holds (and `-c` may override): every key of StageConfig but the derived ones. */
export const settingKeys = [
  'frontendOrigins',
  'checkoutSuccessUrl',
  'checkoutCancelUrl',
  'senderDomain',
  'senderEmail',
  'alarmEmail',
  'wafRateLimit',
  'authRateLimit',
  'signUpBotControl',
  'logRetentionDays',
  'threatProtection',
  'cognitoEmailViaSes',
  'retainData',
  'terminationProtection',
] as const;
type SettingKey = (typeof settingKeys)[number];

const stagesDir = fileURLToPath(new URL('./stages/', import.meta.url));

/** The committed settings of one stage (infra/stages/<stage>.json), as parsed JSON. */
export function committedStageFile(stage: Stage): unknown {
  const path = `${stagesDir}${stage}.json`;
  try {
    return JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new ConfigError('stage', `needs a readable JSON settings file (${(error as Error).message})`, stage, `infra/stages/${stage}.json`);
  }
}

type ContextReader = (key: string) => unknown;
type StageFileReader = (stage: Stage) => unknown;

/** Log retention values CloudWatch accepts. */
const allowedRetentionDays = [1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653];

type StageSettings = Omit<StageConfig, 'stage' | 'stackName' | 'firstDeploy'>;

/**
 * Reads the stage configuration: `-c stage` (default dev), that stage's committed file, and any `-c` override. An
 * empty `-c key=` counts as not given (CI passes unset repository variables that way).
 */
export function readStageConfig(tryGetContext: ContextReader, readStageFile: StageFileReader = committedStageFile): StageConfig {
  const stage = readStage(tryGetContext('stage'));
  const { settings, sourceOf } = readSettings(stage, tryGetContext, readStageFile);
  const mine = senderIdentity(settings);
  for (const other of stages.filter((s) => s !== stage)) {
    const theirs = senderIdentity(readSettings(other, () => undefined, readStageFile).settings);
    if (mine && theirs && mine.identity === theirs.identity) {
      throw new ConfigError(
        mine.key,
        `must differ from stage ${other}'s SES identity (an identity exists once per account and region, so the stages would take it from each other)`,
        mine.identity,
        sourceOf(mine.key),
      );
    }
  }
  const firstDeploy = readBoolean('firstDeploy', contextValue(tryGetContext, 'firstDeploy'), '-c firstDeploy') ?? false;
  return { stage, stackName: `ScholarvalleyApi-${stage}`, ...settings, firstDeploy };
}

/** The address emails come from: senderEmail, else no-reply@senderDomain. */
export function fromAddress(config: Pick<StageConfig, 'senderDomain' | 'senderEmail'>): string | undefined {
  return config.senderEmail ?? (config.senderDomain ? `no-reply@${config.senderDomain}` : undefined);
}

/** The SES identity a stage's settings create: the domain, else the single address. */
function senderIdentity(settings: Pick<StageConfig, 'senderDomain' | 'senderEmail'>): { key: SettingKey; identity: string } | undefined {
  if (settings.senderDomain) return { key: 'senderDomain', identity: settings.senderDomain };
  if (settings.senderEmail) return { key: 'senderEmail', identity: settings.senderEmail.toLowerCase() };
  return undefined;
}

function contextValue(tryGetContext: ContextReader, key: string): unknown {
  const value = tryGetContext(key);
  return value === '' ? undefined : value;
}

function readSettings(
  stage: Stage,
  tryGetContext: ContextReader,
  readStageFile: StageFileReader,
): { settings: StageSettings; sourceOf: (key: SettingKey) => Source } {
  const fileSource: Source = `infra/stages/${stage}.json`;
  const file = readStageFile(stage);
  if (typeof file !== 'object' || file === null || Array.isArray(file)) {
    throw new ConfigError('settings', 'must be a JSON object of settings', file, fileSource);
  }
  const committed = file as Record<string, unknown>;
  for (const key of Object.keys(committed)) {
    if (!(settingKeys as readonly string[]).includes(key)) {
      throw new ConfigError(key, `is not a setting (the settings: ${settingKeys.join(', ')})`, committed[key], fileSource);
    }
  }
  const sourceOf = (key: SettingKey): Source => (contextValue(tryGetContext, key) !== undefined ? `-c ${key}` : fileSource);
  const value = (key: SettingKey): unknown => contextValue(tryGetContext, key) ?? committed[key];
  const required = <T>(key: SettingKey, read: (key: SettingKey, value: unknown, source: Source) => T | undefined): T => {
    const result = read(key, value(key), sourceOf(key));
    if (result === undefined) throw new ConfigError(key, 'must be set', undefined, fileSource);
    return result;
  };

  const frontendOrigins = readOrigins(value('frontendOrigins'), sourceOf('frontendOrigins')) ?? [];
  const firstOrigin = frontendOrigins[0];
  const checkoutSuccessUrl =
    readUrl('checkoutSuccessUrl', value('checkoutSuccessUrl'), sourceOf('checkoutSuccessUrl')) ?? (firstOrigin && `${firstOrigin}/checkout/success`);
  const checkoutCancelUrl =
    readUrl('checkoutCancelUrl', value('checkoutCancelUrl'), sourceOf('checkoutCancelUrl')) ?? (firstOrigin && `${firstOrigin}/checkout/cancel`);
  const senderDomain = readDomain('senderDomain', value('senderDomain'), sourceOf('senderDomain'));
  const senderEmail = readEmail('senderEmail', value('senderEmail'), sourceOf('senderEmail'));
  if (senderDomain && senderEmail && !senderEmail.endsWith(`@${senderDomain}`)) {
    throw new ConfigError('senderEmail', `must be an address at senderDomain "${senderDomain}"`, senderEmail, sourceOf('senderEmail'));
  }
  const alarmEmail = readEmail('alarmEmail', value('alarmEmail'), sourceOf('alarmEmail'));
  const cognitoEmailViaSes = required('cognitoEmailViaSes', readBoolean);
  if (cognitoEmailViaSes && !senderDomain && !senderEmail) {
    throw new ConfigError('cognitoEmailViaSes', 'needs senderDomain or senderEmail', true, sourceOf('cognitoEmailViaSes'));
  }
  return {
    sourceOf,
    settings: {
      frontendOrigins,
      ...(checkoutSuccessUrl ? { checkoutSuccessUrl } : {}),
      ...(checkoutCancelUrl ? { checkoutCancelUrl } : {}),
      ...(senderDomain ? { senderDomain } : {}),
      ...(senderEmail ? { senderEmail } : {}),
      ...(alarmEmail ? { alarmEmail } : {}),
      wafRateLimit: required('wafRateLimit', (key, v, source) => readInteger(key, v, 100, 2_000_000_000, source)),
      authRateLimit: required('authRateLimit', (key, v, source) => readInteger(key, v, 100, 2_000_000_000, source)),
      signUpBotControl: required('signUpBotControl', readBoolean),
      logRetentionDays: required('logRetentionDays', readRetention),
      threatProtection: required('threatProtection', readThreatProtection),
      cognitoEmailViaSes,
      retainData: required('retainData', readBoolean),
      terminationProtection: required('terminationProtection', readBoolean),
    },
  };
}

function readStage(value: unknown): Stage {
  if (value === undefined || value === '') return 'dev';
  if (typeof value === 'string' && (stages as readonly string[]).includes(value)) return value as Stage;
  throw new ConfigError('stage', `must be one of ${stages.join(', ')}`, value, '-c stage');
}

/** A comma-separated string (from `-c`) or a JSON array (from a stage file or cdk.json). */
function readList(key: string, value: unknown, source: Source): string[] | undefined {
  if (value === undefined) return undefined;
  if (typeof value === 'string') return value.split(',').map((s) => s.trim()).filter(Boolean);
  if (Array.isArray(value) && value.every((v) => typeof v === 'string')) return value as string[];
  throw new ConfigError(key, 'must be a comma-separated string or a list of strings', value, source);
}

function readOrigins(value: unknown, source: Source): string[] | undefined {
  const origins = readList('frontendOrigins', value, source);
  for (const origin of origins ?? []) {
    const url = parseUrl(origin);
    const isOrigin = url && url.origin === origin && (url.protocol === 'https:' || url.hostname === 'localhost');
    if (!isOrigin) {
      throw new ConfigError('frontendOrigins', 'must list origins like https://app.example.com (https, no path; http only for localhost)', origin, source);
    }
  }
  return origins;
}

function readUrl(key: string, value: unknown, source: Source): string | undefined {
  if (value === undefined) return undefined;
  const url = typeof value === 'string' ? parseUrl(value) : undefined;
  if (!url || !(url.protocol === 'https:' || url.hostname === 'localhost')) {
    throw new ConfigError(key, 'must be an absolute https URL (http only for localhost)', value, source);
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

function readDomain(key: string, value: unknown, source: Source): string | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'string' || !domainPattern.test(value)) {
    throw new ConfigError(key, 'must be a lower-case domain name like scholarvalley.com', value, source);
  }
  return value;
}

function readEmail(key: string, value: unknown, source: Source): string | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'string' || !emailPattern.test(value)) {
    throw new ConfigError(key, 'must be an email address like team@example.com', value, source);
  }
  return value;
}

function readInteger(key: string, value: unknown, min: number, max: number, source: Source): number | undefined {
  if (value === undefined) return undefined;
  const n = typeof value === 'string' && /^\d+$/.test(value) ? Number(value) : value;
  if (typeof n !== 'number' || !Number.isInteger(n) || n < min || n > max) {
    throw new ConfigError(key, `must be a whole number from ${min} to ${max}`, value, source);
  }
  return n;
}

function readRetention(key: string, value: unknown, source: Source): number | undefined {
  const days = readInteger(key, value, 1, 3653, source);
  if (days !== undefined && !allowedRetentionDays.includes(days)) {
    throw new ConfigError(key, `must be one of CloudWatch's retention values (${allowedRetentionDays.join(', ')})`, value, source);
  }
  return days;
}

function readBoolean(key: string, value: unknown, source: Source): boolean | undefined {
  if (value === undefined) return undefined;
  if (value === true || value === 'true') return true;
  if (value === false || value === 'false') return false;
  throw new ConfigError(key, 'must be true or false', value, source);
}

function readThreatProtection(key: string, value: unknown, source: Source): ThreatProtection | undefined {
  if (value === undefined) return undefined;
  if (value === 'audit' || value === 'enforced' || value === 'off') return value;
  throw new ConfigError(key, 'must be off (Essentials plan), audit or enforced (both Plus plan)', value, source);
}
