import { describe, expect, it } from 'vitest';
import { lambdas } from '../../../infra/lambdas.ts';
import { bundleAllLambdas } from '../../../scripts/lambda-bundles.ts';

describe('Lambda bundles', () => {
  it('given every Lambda of infra/lambdas.ts, when bundled for Node.js 22, then each builds, none imports the whole AWS SDK, and each stays small', async () => {
    const reports = await bundleAllLambdas();
    expect(reports.map((r) => r.name)).toEqual(lambdas.map((l) => l.name));
    for (const report of reports) {
      expect(report.wholeSdkImports, report.name).toEqual([]);
      expect(report.sdkPackages.every((p) => p.startsWith('@aws-sdk/')), report.name).toBe(true);
      // Lambda allows 50 MB zipped; these stay far below a megabyte, so cold starts stay short.
      expect(report.bytes, report.name).toBeLessThan(1024 * 1024);
    }
  }, 60_000);
});
