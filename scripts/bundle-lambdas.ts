// Bundles every Lambda of infra/lambdas.ts as it is deployed (esbuild, Node.js 22, the AWS SDK v3 left to the
// runtime) and prints one size line each with the SDK packages it uses. Fails when a handler imports the whole
// AWS SDK (v2's `aws-sdk`) instead of the modular v3 clients.
import { bundleAllLambdas } from './lambda-bundles.ts';

const reports = await bundleAllLambdas();
let failures = 0;
for (const report of reports) {
  const kib = (report.bytes / 1024).toFixed(1).padStart(7);
  const whole = report.wholeSdkImports.length > 0;
  if (whole) failures += 1;
  console.log(`${whole ? 'WHOLE SDK' : 'ok'.padEnd(9)} ${kib} KiB  ${report.name.padEnd(17)} ${report.entry}  [${report.sdkPackages.join(', ')}]`);
}
console.log(`${reports.length} Lambda bundles built (ESM, node22, @aws-sdk/* from the runtime).`);
if (failures > 0) {
  console.error(`${failures} handler(s) import the whole AWS SDK; import the modular @aws-sdk/client-* packages instead.`);
  process.exit(1);
}
