// `npm start`: the whole API on this machine (local/stack.ts), its URLs and demo sign-ins printed, until Ctrl-C.
// `npm start -- --fresh` wipes the local state (.local/) first. While it runs, resolver and Lambda source changes are
// reloaded (local/stack/source-watcher.ts), one line each; `--no-watch` turns that off.
import { relative } from 'node:path';
import { parseArgs } from 'node:util';
import { LocalStackError } from './emulators/errors.ts';
import { startLocalStack, type LocalStack } from './stack.ts';
import type { ReloadReport } from './stack/reload-report.ts';

const usage = `Usage: npm start [-- --fresh] [-- --verbose] [-- --no-watch]
  --fresh     wipe the local state (.local/: DynamoDB data, Cognito users, S3 files, certificates) and seed again
  --verbose   print the Cognito emulator's warnings and errors
  --no-watch  do not rebuild resolvers or re-import Lambdas when their sources change
Ports: PORT, HTTPS_PORT, DYNAMODB_PORT, COGNITO_PORT, S3_PORT, SES_PORT, STRIPE_PORT (docs/local-development.md).`;

function parseOptions(): { fresh: boolean; verbose: boolean; watch: boolean } {
  try {
    const { values } = parseArgs({
      options: {
        fresh: { type: 'boolean' },
        verbose: { type: 'boolean' },
        'no-watch': { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      },
    });
    if (values.help) {
      console.log(usage);
      process.exit(0);
    }
    return { fresh: values.fresh ?? false, verbose: values.verbose ?? false, watch: !values['no-watch'] };
  } catch (error) {
    console.error(`${(error as Error).message}\n${usage}`);
    process.exit(2);
  }
}

const shown = (path: string) => relative(process.cwd(), path) || '.';

function banner(stack: LocalStack, seconds: number, watch: boolean): string {
  const watching = watch
    ? '\n  Watching resolvers/, functions/ and schema/: changes are rebuilt and served at the next request.'
    : '';
  const ca = shown(stack.caCertificatePath);
  const width = Math.max(...stack.demoUsers.map((u) => u.email.length));
  const users = stack.demoUsers
    .map((u) => `    ${u.group.padEnd(10)} ${u.email.padEnd(width)}  ${u.fullName}`)
    .join('\n');
  const newCa = stack.firstStart.createdCa
    ? '  A new local certificate authority was created: trust it once (below).\n'
    : '';
  return `
Scholarvalley API (local) is serving — started in ${seconds.toFixed(1)} s${
    stack.firstStart.seeded ? ', demo data seeded' : ''
  }

  GraphiQL           ${stack.urls.graphiql}
  GraphQL (HTTP)     ${stack.urls.graphql}
  GraphQL (HTTPS)    ${stack.urls.graphqlHttps}
  Real-time          ${stack.urls.realtime}   (and ${stack.urls.realtimeWs})
  SES mailbox        ${stack.urls.sesMailbox}
  Cognito            ${stack.urls.cognito}   user pool ${stack.userPoolId}, app client ${stack.userPoolClientId}
  S3                 ${stack.urls.s3}   bucket ${stack.bucketName}
  Stripe (stand-in)  ${stack.urls.stripe}   checkout pages at /checkout/<session id>
  DynamoDB           ${stack.urls.dynamodb}   table ${stack.tableName}

  Demo sign-ins (local emulator only), password ${stack.demoUsers[0]?.password ?? ''}
${users}

  Frontends: Amplify.configure() with ${shown(
    stack.amplifyOutputsPath,
  )}; Cognito's endpoint is its custom.local.userPoolEndpoint.
${newCa}  HTTPS/WSS use a certificate from the local CA ${ca}. To trust it:
    Node       NODE_EXTRA_CA_CERTS=${ca}
    macOS      sudo security add-trusted-cert -d -r trustRoot -k /Library/Keychains/System.keychain ${ca}
    Linux      Chrome: certutil -d sql:$HOME/.pki/nssdb -A -t C,, -n scholarvalley-local -i ${ca}; Firefox: Settings > Certificates > Import
    Or start Chrome with --ignore-certificate-errors-spki-list=${stack.serverCertificateSpkiSha256}

  State in ${shown(stack.stateDir)}/ (npm start -- --fresh to reset). Ctrl-C stops everything.${watching}
`;
}

function printReload(report: ReloadReport): void {
  const time = new Date().toTimeString().slice(0, 8);
  if (report.kind === 'failed') console.error(`${time} ${report.line}`);
  else console.log(`${time} ${report.line}`);
}

async function main(): Promise<void> {
  const options = parseOptions();
  // The AWS SDK warns on every start that Node 20 support ends in 2027; the project targets Node 20 (package.json).
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
  const startedAt = performance.now();
  console.log(options.fresh ? 'Starting the local stack from scratch…' : 'Starting the local stack…');

  // One Ctrl-C reaches this process more than once: from the terminal (the whole process group) and relayed by
  // npm and tsx. Repeats within a second are that echo; a later one means "do not wait".
  let stack: LocalStack | undefined;
  let stoppingSince: number | undefined;
  const stopStack = () => {
    if (!stack) return;
    stack.stop().then(
      () => {
        console.log('Stopped.');
        process.exit(0);
      },
      (error: unknown) => {
        console.error('Stopping failed:', error);
        process.exit(1);
      },
    );
  };
  const onSignal = (signal: NodeJS.Signals) => {
    if (stoppingSince !== undefined) {
      if (Date.now() - stoppingSince < 1_000) return;
      console.error(`\n${signal} again: exiting without waiting.`);
      process.exit(130);
    }
    stoppingSince = Date.now();
    console.log(stack ? `\n${signal}: stopping the local stack…` : `\n${signal}: stopping once started…`);
    stopStack();
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);

  try {
    stack = await startLocalStack({
      fresh: options.fresh,
      verbose: options.verbose,
      // What resolvers print with console.log (CloudWatch in AWS), prefixed with their field.
      onResolverLogs: (field, logs) => {
        for (const line of logs) console.log(`[${field}] ${line}`);
      },
      watch: options.watch ? { onReport: printReload } : undefined,
    });
  } catch (error) {
    if (error instanceof LocalStackError) console.error(error.message);
    else console.error('The local stack did not start:', error);
    process.exit(1);
  }
  if (stoppingSince !== undefined) return stopStack();
  if (stack.firstStart.builtResolvers) console.log('Resolver bundles were missing or stale: rebuilt build/resolvers/.');
  console.log(banner(stack, (performance.now() - startedAt) / 1000, options.watch));
}

await main();
