import { describe, expect, it } from 'vitest';
import prices from '../../../bench/cost/prices.json' with { type: 'json' };
import profile from '../../../bench/cost/usage-profile.json' with { type: 'json' };
import { breakEven, monthlyBill, operationsPerApplicant, unitsOfCall, type MeasuredRequests } from '../../../bench/cost/bill.ts';

// Every operation of the profile measured as one strongly consistent GetItem and one 3-item transaction.
const measured: MeasuredRequests = {
  requestsPerCall: Object.fromEntries(Object.keys(operationsPerApplicant(profile)).map((name) => [name, { GetItem: 1, TransactWriteItems: 1 }])),
  unitsPerCall: Object.fromEntries(Object.keys(operationsPerApplicant(profile)).map((name) => [name, { consistentReads: 1, transactItems: 3 }])),
};

describe('the cost model', () => {
  it('given a strongly consistent GetItem and a 3-item transaction, when one call is priced, then it is 1 read unit and 2×3 + index write units', () => {
    const units = unitsOfCall('Me', measured, profile);

    expect(units).toEqual({ read: 1, write: 6 + profile.dynamodb.indexWriteUnitsPerTransaction });
  });

  it('given the index write units the bench measured for the call, when it is priced, then they replace the flat figure per transaction', () => {
    const withIndexes: MeasuredRequests = { ...measured, unitsPerCall: { Me: { consistentReads: 1, transactItems: 3, indexWriteUnits: 7 } } };

    expect(unitsOfCall('Me', withIndexes, profile)).toEqual({ read: 1, write: 6 + 7 });
  });

  it('given an operation the bench did not measure, when it is priced, then the error names it', () => {
    expect(() => unitsOfCall('Me', { requestsPerCall: {} }, profile)).toThrow('"Me"');
  });

  it('given 20,000 applicants and their staff, when Essentials and Plus are priced, then Essentials bills the MAU past the free 10,000 and Plus every MAU', () => {
    const essentials = monthlyBill(20_000, { cognitoPlan: 'essentials', staffFanOut: 'assigned' }, prices, profile, measured);
    const plus = monthlyBill(20_000, { cognitoPlan: 'plus', staffFanOut: 'assigned' }, prices, profile, measured);

    expect(essentials.volumes.mau).toBe(20_200);
    expect(essentials.lines.Cognito).toBeCloseTo(10_200 * prices.cognito.essentialsPerMau);
    expect(plus.lines.Cognito).toBeCloseTo(20_200 * prices.cognito.plusPerMau);
  });

  it('given more than one staff member online, when the inbox reaches only the assigned one, then fewer real-time messages are billed', () => {
    const everyOnline = monthlyBill(10_000, { cognitoPlan: 'essentials', staffFanOut: 'everyOnline' }, prices, profile, measured);
    const assigned = monthlyBill(10_000, { cognitoPlan: 'essentials', staffFanOut: 'assigned' }, prices, profile, measured);

    expect(assigned.volumes.realtimeMessages).toBeLessThan(everyOnline.volumes.realtimeMessages);
    expect(assigned.total).toBeLessThan(everyOnline.total);
  });

  it('given the inbox as built, when one more admin listens with scope ALL, then each applicant message costs one delivery more', () => {
    const applicants = 10_000;
    const withAdmins = (n: number) =>
      monthlyBill(applicants, { cognitoPlan: 'essentials', staffFanOut: 'assigned' }, prices, { ...profile, team: { ...profile.team, adminsOnlineWithScopeAll: n } }, measured);

    expect(withAdmins(2).volumes.realtimeMessages - withAdmins(1).volumes.realtimeMessages).toBeCloseTo(applicants * profile.realtime.applicantMessagesPerMonth);
  });

  it('given a bill that grows with use, when the break-even is sought, then it is the first size at or over the budget', () => {
    expect(breakEven(40, (n) => 10 + n / 100)).toBe(3000);
    expect(breakEven(40, () => 50)).toBe(0);
    expect(breakEven(40, () => 1)).toBeNull();
  });
});
