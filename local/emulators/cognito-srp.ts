// USER_SRP_AUTH, the flow the deployed app client allows and Amplify uses by default, added around cognito-local 5.3
// (which does only USER_PASSWORD_AUTH):
// - InitiateAuth AuthFlow=USER_SRP_AUTH answers the PASSWORD_VERIFIER challenge (SALT, SRP_B, SECRET_BLOCK,
//   USER_ID_FOR_SRP), built from the password cognito-local stores;
// - RespondToAuthChallenge PASSWORD_VERIFIER checks the claim and then signs the user in through cognito-local's own
//   USER_PASSWORD_AUTH code, so tokens, NEW_PASSWORD_REQUIRED, MFA challenges and triggers are exactly what that gives.
// As in AWS, SRP never runs the UserMigration trigger (it needs the password, which SRP does not send); an unknown
// user gets a simulated challenge when the client prevents user-existence errors, else UserNotFoundException.
import { randomBytes } from 'node:crypto';
import { InvalidParameterError, NotAuthorizedError, UserNotFoundError } from 'cognito-local/lib/errors.js';
import type { CognitoRouter, CognitoService, StoredAppClient } from './cognito-router.ts';
import { claimMatches, parseSrpTimestamp, serverChallenge } from './cognito-srp-math.ts';

/** How long a PASSWORD_VERIFIER challenge can be answered (Cognito's sign-in sessions last 3 minutes). */
const challengeLifetimeMs = 3 * 60_000;
/** How far the claim's TIMESTAMP may be from the server clock. */
const allowedClockSkewMs = 5 * 60_000;

const wrongCredentials = () => new NotAuthorizedError('Incorrect username or password.');

interface PendingChallenge {
  clientId: string;
  userId: string;
  poolName: string;
  key: Buffer;
  /** False for the simulated challenge of an unknown user: no answer can pass it. */
  knownUser: boolean;
  expiresAt: number;
}

function required(
  parameters: Record<string, string> | undefined,
  names: string[],
  field: string,
): Record<string, string> {
  for (const name of names) {
    if (!parameters?.[name]) throw new InvalidParameterError(`Missing required parameter ${field}.${name}`);
  }
  return parameters as Record<string, string>;
}

/** AWS's rule: a client whose ExplicitAuthFlows are set allows SRP only when they name ALLOW_USER_SRP_AUTH. */
function allowsSrp(client: StoredAppClient): boolean {
  const flows = client.ExplicitAuthFlows ?? [];
  return flows.length === 0 || flows.includes('ALLOW_USER_SRP_AUTH');
}

export function withSrpAuth(router: CognitoRouter, cognito: CognitoService): CognitoRouter {
  const pending = new Map<string, PendingChallenge>();

  function forgetExpired(now: number) {
    for (const [block, challenge] of pending) if (challenge.expiresAt <= now) pending.delete(block);
  }

  const initiate = router('InitiateAuth');
  const respond = router('RespondToAuthChallenge');

  return (target) => {
    if (target === 'InitiateAuth') {
      return async (ctx, req) => {
        if (req.AuthFlow !== 'USER_SRP_AUTH') return initiate(ctx, req);
        const clientId = String(req.ClientId);
        const parameters = required(
          req.AuthParameters as Record<string, string>,
          ['USERNAME', 'SRP_A'],
          'AuthParameters',
        );
        if (!/^[0-9a-fA-F]+$/.test(parameters.SRP_A ?? ''))
          throw new InvalidParameterError('AuthParameters.SRP_A must be a hexadecimal number');
        const pool = await cognito.getUserPoolForClientId(ctx, clientId);
        const client = await cognito.getAppClient(ctx, clientId);
        if (!client) throw new NotAuthorizedError();
        if (!allowsSrp(client)) throw new InvalidParameterError('USER_SRP_AUTH flow not enabled for this client');

        const user = await pool.getUserByUsername(ctx, parameters.USERNAME ?? '');
        if (!user && client.PreventUserExistenceErrors !== 'ENABLED')
          throw new UserNotFoundError('User does not exist.');
        const userId = user?.Username ?? parameters.USERNAME ?? '';
        const poolName = pool.options.Id.split('_')[1] ?? '';
        const challenge = serverChallenge({
          srpA: parameters.SRP_A ?? '',
          poolName,
          userId,
          // A user without a stored password, or no user: a password nobody knows, so the claim cannot match.
          password: user?.Password ?? randomBytes(32).toString('base64'),
        });
        if (!challenge) throw new InvalidParameterError('AuthParameters.SRP_A must not be 0 modulo N');

        const now = Date.now();
        forgetExpired(now);
        const secretBlock = randomBytes(64).toString('base64');
        pending.set(secretBlock, {
          clientId,
          userId,
          poolName,
          key: challenge.key,
          knownUser: Boolean(user?.Password),
          expiresAt: now + challengeLifetimeMs,
        });
        return {
          ChallengeName: 'PASSWORD_VERIFIER',
          ChallengeParameters: {
            SALT: challenge.salt,
            SRP_B: challenge.srpB,
            SECRET_BLOCK: secretBlock,
            USER_ID_FOR_SRP: userId,
            USERNAME: userId,
          },
        };
      };
    }
    if (target === 'RespondToAuthChallenge') {
      return async (ctx, req) => {
        if (req.ChallengeName !== 'PASSWORD_VERIFIER') return respond(ctx, req);
        const answer = required(
          req.ChallengeResponses as Record<string, string>,
          ['USERNAME', 'PASSWORD_CLAIM_SECRET_BLOCK', 'PASSWORD_CLAIM_SIGNATURE', 'TIMESTAMP'],
          'ChallengeResponses',
        );
        const timestamp = parseSrpTimestamp(answer.TIMESTAMP ?? '');
        if (!timestamp)
          throw new InvalidParameterError('ChallengeResponses.TIMESTAMP must read "ddd MMM D HH:mm:ss UTC YYYY"');

        const now = Date.now();
        forgetExpired(now);
        const secretBlock = answer.PASSWORD_CLAIM_SECRET_BLOCK ?? '';
        const challenge = pending.get(secretBlock);
        // One answer per challenge, right or wrong.
        pending.delete(secretBlock);
        if (!challenge || challenge.clientId !== String(req.ClientId))
          throw new NotAuthorizedError('Invalid session for the user, session is expired.');
        if (Math.abs(now - timestamp.getTime()) > allowedClockSkewMs)
          throw new NotAuthorizedError('TIMESTAMP is too far from the server time.');

        const pool = await cognito.getUserPoolForClientId(ctx, challenge.clientId);
        const user = await pool.getUserByUsername(ctx, answer.USERNAME ?? '');
        const claimed =
          challenge.knownUser &&
          user?.Username === challenge.userId &&
          claimMatches({
            key: challenge.key,
            poolName: challenge.poolName,
            userId: challenge.userId,
            secretBlock,
            timestamp: answer.TIMESTAMP ?? '',
            signature: answer.PASSWORD_CLAIM_SIGNATURE ?? '',
          });
        if (!claimed || !user) throw wrongCredentials();

        return initiate(ctx, {
          ClientId: challenge.clientId,
          AuthFlow: 'USER_PASSWORD_AUTH',
          AuthParameters: { USERNAME: user.Username, PASSWORD: user.Password },
          ClientMetadata: req.ClientMetadata,
        });
      };
    }
    return router(target);
  };
}
