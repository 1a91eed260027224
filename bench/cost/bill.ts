// The monthly bill of one stage at a number of active applicants: stated prices (bench/cost/prices.json) times the
// usage profile (bench/cost/usage-profile.json) times the DynamoDB requests each operation was measured to make
// (build/measured-requests.json, written by `npm run bench`). Pure: bench/cost-model.ts reads the files and prints.
import type pricesFile from './prices.json';
import type profileFile from './usage-profile.json';

export type Prices = typeof pricesFile;
export type UsageProfile = typeof profileFile;

export interface MeasuredRequests {
  requestsPerCall: Record<string, Record<string, number>>;
  unitsPerCall?: Record<string, { consistentReads: number; transactItems: number; indexWriteUnits?: number }>;
}

export type CognitoPlan = 'essentials' | 'plus';
/**
 * Who hears an applicant's message on onStaffInboxMessage: every online staff member (before issue #13), or as built
 * now: the assigned staff member, plus each admin listening with scope ALL (the one live route of unassigned ones).
 */
export type StaffFanOut = 'everyOnline' | 'assigned';

export interface Scenario {
  cognitoPlan: CognitoPlan;
  staffFanOut: StaffFanOut;
}

export type BillLine = 'AppSync' | 'DynamoDB' | 'Cognito' | 'Lambda' | 'S3' | 'SES' | 'CloudWatch' | 'WAF' | 'X-Ray' | 'Secrets Manager';

export interface Bill {
  applicants: number;
  staff: number;
  lines: Record<BillLine, number>;
  total: number;
  /** The volumes behind the lines, for the printout. */
  volumes: { operations: number; readUnits: number; writeUnits: number; realtimeMessages: number; connectionMinutes: number; mau: number };
}

const perMillion = (count: number, price: number) => (count / 1_000_000) * price;

/** Operations one active applicant causes in a month, own and staff's, by bench operation name. */
export function operationsPerApplicant(profile: UsageProfile): Record<string, number> {
  const all: Record<string, number> = { ...profile.applicantOperations };
  for (const [name, n] of Object.entries(profile.staffOperationsPerApplicant)) all[name] = (all[name] ?? 0) + n;
  return all;
}

/**
 * DynamoDB capacity units of one call: eventual reads 0.5 unit per 4 KB (a strongly consistent read is 1), a
 * transactional write 2 units per item up to 1 KB, and the index entries it writes as `npm run bench` measured them
 * (1 unit per KB of each entry, bench/index-writes.ts), or the profile's flat figure per transaction when not measured.
 */
export function unitsOfCall(name: string, measured: MeasuredRequests, profile: UsageProfile): { read: number; write: number } {
  const requests = measured.requestsPerCall[name];
  if (!requests) throw new Error(`build/measured-requests.json has no operation "${name}" (usage-profile.json names it): run npm run bench`);
  const extra = measured.unitsPerCall?.[name] ?? { consistentReads: 0, transactItems: requests.TransactWriteItems ?? 0 };
  const pageKb = (profile.dynamodb.queryPageKb as Record<string, number>)[name] ?? profile.dynamodb.queryPageKb.default;
  const read =
    0.5 * (requests.GetItem ?? 0) +
    0.5 * Math.ceil(pageKb / 4) * (requests.Query ?? 0) +
    0.5 * profile.dynamodb.batchGetItemsPerRequest * (requests.BatchGetItem ?? 0) +
    0.5 * extra.consistentReads;
  const write =
    profile.dynamodb.writeUnitsPerTransactItem * extra.transactItems +
    (extra.indexWriteUnits ?? profile.dynamodb.indexWriteUnitsPerTransaction * (requests.TransactWriteItems ?? 0)) +
    (requests.PutItem ?? 0) +
    (requests.UpdateItem ?? 0) +
    (requests.DeleteItem ?? 0);
  return { read, write };
}

export function staffFor(applicants: number, profile: UsageProfile): number {
  return Math.max(profile.team.minimumStaff, Math.ceil(applicants / profile.team.activeApplicantsPerStaffMember));
}

/** X-Ray's default sampling: the first request each second, then 5% of the rest. */
function sampledTraces(requests: number): number {
  const secondsPerMonth = 30 * 24 * 3600;
  const reservoir = Math.min(requests, secondsPerMonth);
  return reservoir + 0.05 * (requests - reservoir);
}

export function monthlyBill(applicants: number, scenario: Scenario, prices: Prices, profile: UsageProfile, measured: MeasuredRequests): Bill {
  const staff = staffFor(applicants, profile);
  const perApplicant = operationsPerApplicant(profile);
  let operations = 0;
  let readUnits = 0;
  let writeUnits = 0;
  for (const [name, n] of Object.entries(perApplicant)) {
    const calls = n * applicants;
    const units = unitsOfCall(name, measured, profile);
    operations += calls;
    readUnits += units.read * calls;
    writeUnits += units.write * calls;
  }

  const rt = profile.realtime;
  const onlineStaff = staff * profile.team.shareOfStaffOnlineAtOnce;
  const inboxDeliveriesPerMessage =
    scenario.staffFanOut === 'everyOnline' ? onlineStaff : 1 - rt.shareOfApplicantsUnassigned + profile.team.adminsOnlineWithScopeAll;
  const realtimeMessages =
    applicants * rt.applicantMessagesPerMonth * (rt.threadMessageDeliveries + inboxDeliveriesPerMessage) +
    applicants * rt.otherChangeEventsPerMonth * rt.deliveriesPerOtherChange;
  const connectionMinutes = applicants * rt.applicantConnectionMinutesPerMonth + staff * rt.staffConnectionMinutesPerMonth;

  const mau = applicants + staff;
  const cognito =
    scenario.cognitoPlan === 'plus'
      ? mau * prices.cognito.plusPerMau
      : Math.max(0, mau - prices.cognito.essentialsFreeMau) * prices.cognito.essentialsPerMau;

  const invocations = Object.values(profile.lambda.invocationsPerApplicantPerMonth).reduce((a, b) => a + b, 0) * applicants;
  const gbSeconds = invocations * (profile.lambda.averageDurationMs / 1000) * (profile.lambda.memoryMb / 1024);
  const lambda =
    perMillion(Math.max(0, invocations - prices.lambda.freeRequestsPerMonth), prices.lambda.perMillionRequests) +
    Math.max(0, gbSeconds - prices.lambda.freeGbSecondsPerMonth) * prices.lambda.perGbSecondArm;

  const tableGb = (applicants * profile.dynamodb.storedKbPerActiveApplicant) / 1024 / 1024;
  const dynamodb =
    perMillion(readUnits, prices.dynamodb.perMillionReadUnits) +
    perMillion(writeUnits, prices.dynamodb.perMillionWriteUnits) +
    tableGb * (prices.dynamodb.storagePerGbMonth + prices.dynamodb.pitrPerGbMonth);

  const s3 =
    applicants * profile.s3.storedGbPerActiveApplicant * prices.s3.storagePerGbMonth +
    ((applicants * profile.s3.putsPerApplicantPerMonth) / 1000) * prices.s3.perThousandPuts +
    ((applicants * profile.s3.getsPerApplicantPerMonth) / 1000) * prices.s3.perThousandGets;

  const logsGb = (invocations * profile.lambda.logKbPerInvocation) / 1024 / 1024;
  const cloudwatch =
    logsGb * prices.cloudwatch.logsIngestedPerGb +
    Math.max(0, profile.fixed.alarmMetrics - prices.cloudwatch.freeAlarmMetrics) * prices.cloudwatch.perAlarmMetric;

  const traces = sampledTraces(operations);
  const lines: Record<BillLine, number> = {
    AppSync:
      perMillion(operations, prices.appsync.perMillionOperations) +
      perMillion(realtimeMessages, prices.appsync.perMillionRealtimeMessages) +
      perMillion(connectionMinutes, prices.appsync.perMillionConnectionMinutes),
    DynamoDB: dynamodb,
    Cognito: cognito,
    Lambda: lambda,
    S3: s3,
    SES: ((applicants * profile.ses.emailsPerApplicantPerMonth) / 1000) * prices.ses.perThousandEmails,
    CloudWatch: cloudwatch,
    WAF:
      profile.fixed.webAcls * prices.waf.perWebAcl + profile.fixed.wafRules * prices.waf.perRule + perMillion(operations, prices.waf.perMillionRequests),
    'X-Ray': perMillion(Math.max(0, traces - prices.xray.freeTracesPerMonth), prices.xray.perMillionTraces),
    'Secrets Manager': profile.fixed.secrets * prices.secretsManager.perSecret,
  };
  const total = Object.values(lines).reduce((a, b) => a + b, 0);
  return { applicants, staff, lines, total, volumes: { operations, readUnits, writeUnits, realtimeMessages, connectionMinutes, mau } };
}

/** The number of active applicants at which the bill reaches `budget` (bisection; the bill only grows with use). */
export function breakEven(budget: number, bill: (applicants: number) => number): number | null {
  let low = 0;
  let high = 10_000_000;
  if (bill(low) >= budget) return 0;
  if (bill(high) < budget) return null;
  while (high - low > 1) {
    const mid = Math.floor((low + high) / 2);
    if (bill(mid) < budget) low = mid;
    else high = mid;
  }
  return high;
}
