// `npm run bench:cost`: the monthly bill of the prod stage at 1k, 10k and 100k active applicants, and where it
// crosses the old stack's flat $40–50 a month, from the stated prices (bench/cost/prices.json), the stated usage
// per applicant (bench/cost/usage-profile.json) and the DynamoDB requests per operation measured by `npm run bench`
// (build/measured-requests.json). Prints the stack as configured (Cognito Essentials; an applicant message reaches
// the assigned staff member and the admins listening with scope ALL), the same on Plus, and the fan-out before
// issue #13 (every applicant message to every online staff member) for comparison.
// Usage: npm run bench:cost [-- --applicants 500,5000,50000]
import { readFile } from 'node:fs/promises';
import prices from './cost/prices.json' with { type: 'json' };
import profile from './cost/usage-profile.json' with { type: 'json' };
import { breakEven, monthlyBill, type BillLine, type MeasuredRequests, type Scenario } from './cost/bill.ts';

function flag(name: string): string | undefined {
  const at = process.argv.indexOf(`--${name}`);
  return at > 0 ? process.argv[at + 1] : undefined;
}
const sizes = (flag('applicants') ?? '1000,10000,100000').split(',').map(Number);
const measuredPath = new URL('../build/measured-requests.json', import.meta.url);

let measured: MeasuredRequests;
try {
  measured = JSON.parse(await readFile(measuredPath, 'utf8')) as MeasuredRequests;
} catch {
  console.error('No build/measured-requests.json: run `npm run bench` first (it measures the requests per operation).');
  process.exit(1);
}

const scenarios: { name: string; scenario: Scenario }[] = [
  { name: 'as configured: Essentials, inbox to the assigned staff member (and admins on scope ALL)', scenario: { cognitoPlan: 'essentials', staffFanOut: 'assigned' } },
  { name: 'Plus (threat protection) instead, same fan-out', scenario: { cognitoPlan: 'plus', staffFanOut: 'assigned' } },
  { name: 'before issue #13: Plus, inbox to every online staff member', scenario: { cognitoPlan: 'plus', staffFanOut: 'everyOnline' } },
];
const money = (n: number) => `$${n < 10 ? n.toFixed(2) : Math.round(n).toLocaleString('en-US')}`;
const lines: BillLine[] = ['AppSync', 'DynamoDB', 'Cognito', 'Lambda', 'S3', 'SES', 'CloudWatch', 'WAF', 'X-Ray', 'Secrets Manager'];

console.log(`Monthly bill of one prod stage, us-east-1 list prices (${prices.checked}; sources in bench/cost/prices.json)`);
console.log(`Usage: bench/cost/usage-profile.json; DynamoDB requests per operation: build/measured-requests.json\n`);
for (const { name, scenario } of scenarios) {
  const bills = sizes.map((n) => monthlyBill(n, scenario, prices, profile, measured));
  console.log(`## ${name}`);
  console.log(['item'.padEnd(16), ...sizes.map((n) => `${n.toLocaleString('en-US')} applicants`.padStart(20))].join(''));
  for (const line of lines) console.log([line.padEnd(16), ...bills.map((b) => money(b.lines[line]).padStart(20))].join(''));
  console.log(['total'.padEnd(16), ...bills.map((b) => money(b.total).padStart(20))].join(''));
  console.log(['Cognito share'.padEnd(16), ...bills.map((b) => `${Math.round((100 * b.lines.Cognito) / b.total)}%`.padStart(20))].join(''));
  console.log(['staff'.padEnd(16), ...bills.map((b) => String(b.staff).padStart(20))].join(''));
  console.log(['operations'.padEnd(16), ...bills.map((b) => Math.round(b.volumes.operations).toLocaleString('en-US').padStart(20))].join(''));
  console.log(['real-time msgs'.padEnd(16), ...bills.map((b) => Math.round(b.volumes.realtimeMessages).toLocaleString('en-US').padStart(20))].join(''));
  console.log(['read units'.padEnd(16), ...bills.map((b) => Math.round(b.volumes.readUnits).toLocaleString('en-US').padStart(20))].join(''));
  console.log(['write units'.padEnd(16), ...bills.map((b) => Math.round(b.volumes.writeUnits).toLocaleString('en-US').padStart(20))].join(''));
  const at = (budget: number) => breakEven(budget, (n) => monthlyBill(n, scenario, prices, profile, measured).total);
  const show = (n: number | null) => (n === null ? 'never' : `${n.toLocaleString('en-US')} applicants`);
  console.log(`cheaper than the old $40 a month below ${show(at(40))}, than $50 below ${show(at(50))}\n`);
}
