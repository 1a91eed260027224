// The CDK app (cdk.json runs it with tsx): `-c stage=dev|prod` and the other context keys of infra/config.ts.
// Synth works offline with no credentials: account and region come from the environment when the CLI has them.
import { join } from 'node:path';
import { App, Validations } from 'aws-cdk-lib';
import { AwsSolutionsChecks } from 'cdk-nag';
import { bundleResolver, wiredSources } from '../scripts/resolver-bundles.ts';
import { ConfigError, readStageConfig, type StageConfig } from './config.ts';
import { repositoryRoot, ScholarvalleyStack } from './stack.ts';
import { bundlePath } from './wiring/types.ts';

const app = new App();
const config = readConfigOrExit(app);

// Rebuild every wired resolver bundle so what deploys is never older than its source.
await Promise.all(
  wiredSources().map((source) => bundleResolver(join(repositoryRoot, source), join(repositoryRoot, bundlePath(source)))),
);

new ScholarvalleyStack(app, config.stackName, {
  config,
  env: { account: process.env.CDK_DEFAULT_ACCOUNT, region: process.env.CDK_DEFAULT_REGION ?? 'us-east-1' },
});

// cdk-nag's AwsSolutions pack: an unacknowledged finding fails synth (acknowledgements: infra/nag-acknowledgements.ts).
Validations.of(app).addPlugins(new AwsSolutionsChecks(app));

/** Bad context stops synth with one line naming the key and the rule, not a stack trace. */
function readConfigOrExit(scope: App): StageConfig {
  try {
    return readStageConfig((key) => scope.node.tryGetContext(key));
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    console.error(error.message);
    process.exit(1);
  }
}
