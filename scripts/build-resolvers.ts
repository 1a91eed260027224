// Builds every wired resolver and pipeline function to build/resolvers/ (the bundles CDK deploys and the
// local runtime runs), prints one size line each, and fails when one exceeds AppSync's code limit.
import { appSyncCodeLimit } from '../infra/wiring/limits.ts';
import { bundleResolver, wiredSources } from './resolver-bundles.ts';

const reports = await Promise.all(wiredSources().map((source) => bundleResolver(source)));
let tooLarge = 0;
for (const report of reports.sort((a, b) => a.source.localeCompare(b.source))) {
  if (report.tooLong) tooLarge += 1;
  console.log(`${report.tooLong ? 'TOO LARGE' : 'ok'.padEnd(9)} ${String(report.characters).padStart(6)} chars  ${report.bundle}`);
}
console.log(`${reports.length} resolver bundles built; AppSync's limit is ${appSyncCodeLimit} characters each.`);
if (tooLarge > 0) {
  console.error(`${tooLarge} bundle(s) exceed the limit.`);
  process.exit(1);
}
