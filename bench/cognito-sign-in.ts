// `npm run bench:sign-in -- [--iterations 20]`: what a sign-in costs on the local Cognito. Starts cognito-local
// in memory as the local stack does, and prints per flow the latency of a whole sign-in through Amplify JS v6 (SRP:
// InitiateAuth + RespondToAuthChallenge, the client's math included; USER_PASSWORD_AUTH: one call), of a forced token
// refresh (GetTokensFromRefreshToken), and of the server's half of SRP alone (local/emulators/cognito-srp-math.ts).
import { randomBytes } from 'node:crypto';
import { CognitoIdentityProviderClient } from '@aws-sdk/client-cognito-identity-provider';
import { Amplify } from 'aws-amplify';
import { fetchAuthSession, signIn, signOut } from 'aws-amplify/auth';
import { passwordPolicy, userGroups } from '../infra/constructs/user-directory.ts';
import { localNames } from '../local/config.ts';
import { startCognitoLocal } from '../local/emulators/cognito-local.ts';
import { serverChallenge } from '../local/emulators/cognito-srp-math.ts';
import { freePort } from '../local/emulators/ports.ts';
import { ensureUserPool } from '../local/emulators/user-pool.ts';
import { ensureCognitoUser } from '../local/seed/cognito-users.ts';
import { quantile } from './stats.ts';

const at = process.argv.indexOf('--iterations');
const iterations = at > 0 ? Number(process.argv[at + 1]) : 20;

async function measure(name: string, run: () => Promise<unknown>, after?: () => Promise<unknown>): Promise<void> {
  await run(); // warm-up, not measured
  await after?.();
  const times: number[] = [];
  for (let i = 0; i < iterations; i++) {
    const start = performance.now();
    await run();
    times.push(performance.now() - start);
    await after?.();
  }
  times.sort((a, b) => a - b);
  const ms = (q: number) => quantile(times, q).toFixed(1).padStart(7);
  console.log(`${name.padEnd(44)} p50 ${ms(0.5)} ms   p95 ${ms(0.95)} ms   (${iterations} runs)`);
}

const cognito = await startCognitoLocal({ port: await freePort(), inMemory: true });
try {
  const idp = new CognitoIdentityProviderClient({
    endpoint: cognito.endpoint,
    region: localNames.region,
    credentials: { accessKeyId: localNames.accessKeyId, secretAccessKey: localNames.secretAccessKey },
  });
  const { userPoolId, userPoolClientId } = await ensureUserPool(idp, { groups: userGroups, passwordPolicy });
  const username = 'bench.user@example.com';
  const password = 'Bench-only-Passw0rd!';
  await ensureCognitoUser(idp, userPoolId, { email: username, fullName: 'Bench User', password, group: 'applicant' });
  Amplify.configure({ Auth: { Cognito: { userPoolId, userPoolClientId, userPoolEndpoint: cognito.endpoint } } });

  await measure(
    'sign-in, SRP (Amplify default)',
    () => signIn({ username, password }),
    () => signOut(),
  );
  await measure(
    'sign-in, USER_PASSWORD_AUTH (Amplify)',
    () => signIn({ username, password, options: { authFlowType: 'USER_PASSWORD_AUTH' } }),
    () => signOut(),
  );
  await signIn({ username, password });
  await measure('forced refresh (GetTokensFromRefreshToken)', () => fetchAuthSession({ forceRefresh: true }));
  await signOut();
  const srpA = randomBytes(384).toString('hex');
  await measure('server half of SRP (serverChallenge)', () =>
    Promise.resolve(serverChallenge({ srpA, poolName: 'bench', userId: username, password })),
  );
} finally {
  await cognito.stop();
}
