// A migrated user's first sign-in makes their data theirs: every item the claim list names is rewritten from their
// legacy user id to their Cognito sub (moved to a new key when the key holds the id), their role's group is added,
// and the credential with the old hash and the claim list are removed. Idempotent: PostAuthentication runs at every
// sign-in, and a claim cut short (a timeout, a crash) finishes at the next one. docs/migration.md, "Users and passwords".
import { AdminAddUserToGroupCommand } from '@aws-sdk/client-cognito-identity-provider';
import {
  BatchGetItemCommand,
  QueryCommand,
  TransactionCanceledException,
  TransactWriteItemsCommand,
  type AttributeValue,
  type TransactWriteItem,
} from '@aws-sdk/client-dynamodb';
import { marshall, unmarshall } from '@aws-sdk/util-dynamodb';
import { legacyClaimedKey, legacyCredentialKey, type Key } from '../../resolvers/lib/keys.ts';
import type { CognitoAdmin } from './cognito-admin.ts';
import { findLegacyCredential, type CredentialDeps } from './legacy-credential.ts';
import { keyNames, replaceUserId, type Item } from './legacy-claim-entries.ts';
import { roleGroups } from './roles.ts';

export interface ClaimDeps extends CredentialDeps {
  admin: CognitoAdmin;
}

export interface ClaimResult {
  /** True once everything is claimed and the old hash removed; false for a user with nothing to claim, or cut short. */
  claimed: boolean;
  /** Stopped at the time budget: the next sign-in goes on from where this one stopped. */
  unfinished: boolean;
  items: number;
  transactions: number;
}

/** Claim entries per transaction: each takes at most 3 actions (put, delete old key, delete entry) of DynamoDB's 100. */
const entriesPerTransaction = 30;
const maxAttempts = 5;
/** Time kept in hand before the Lambda's deadline: one page read and one transaction. */
const reserveMs = 1500;

interface ClaimEntry extends Key {
  itemPk: string;
  itemSk: string;
}

const keyString = (k: Key) => `${k.pk}\u0000${k.sk}`;

async function claimPage(deps: ClaimDeps, entries: ClaimEntry[], legacyUserId: string, sub: string): Promise<number> {
  const keys = entries.map((e) => ({ pk: e.itemPk, sk: e.itemSk }));
  const out = await deps.dynamodb.send(
    new BatchGetItemCommand({ RequestItems: { [deps.tableName]: { Keys: keys.map((k) => marshall(k)), ConsistentRead: true } } }),
  );
  if (Object.keys(out.UnprocessedKeys ?? {}).length > 0) throw new Error('DynamoDB left claim items unread; the next sign-in resumes');
  const found = new Map((out.Responses?.[deps.tableName] ?? []).map((raw) => [keyString(unmarshall(raw) as Key), unmarshall(raw) as Item]));
  const actions: TransactWriteItem[] = [];
  let items = 0;
  for (const entry of entries) {
    const item = found.get(keyString({ pk: entry.itemPk, sk: entry.itemSk }));
    // No item: moved by an earlier, interrupted claim (or deleted since); only the entry is left to remove.
    if (item) {
      const rewritten = replaceUserId(item, legacyUserId, sub);
      const versioned = typeof item.version === 'number';
      const unchangedSince = versioned
        ? { ConditionExpression: '#version = :version', ExpressionAttributeNames: { '#version': 'version' }, ExpressionAttributeValues: marshall({ ':version': item.version }) }
        : { ConditionExpression: 'attribute_exists(pk)' };
      if (keyNames(item, legacyUserId)) {
        actions.push({ Put: { TableName: deps.tableName, Item: marshall(rewritten, { removeUndefinedValues: true }) } });
        actions.push({ Delete: { TableName: deps.tableName, Key: marshall({ pk: item.pk, sk: item.sk }), ...unchangedSince } });
      } else {
        actions.push({ Put: { TableName: deps.tableName, Item: marshall(rewritten, { removeUndefinedValues: true }), ...unchangedSince } });
      }
      items += 1;
    }
    actions.push({ Delete: { TableName: deps.tableName, Key: marshall({ pk: entry.pk, sk: entry.sk }) } });
  }
  await deps.dynamodb.send(new TransactWriteItemsCommand({ TransactItems: actions }));
  return items;
}

/**
 * `remainingMs` is the Lambda's time left: the claim stops one transaction's worth before it, so a user named by very
 * many items (a busy manager) finishes over several sign-ins instead of timing out in the same place every time.
 */
export async function claimLegacyData(
  deps: ClaimDeps,
  user: { sub: string; username: string; email: string },
  remainingMs: () => number = () => Number.POSITIVE_INFINITY,
): Promise<ClaimResult> {
  const credential = await findLegacyCredential(deps, user.email);
  if (!credential) return { claimed: false, unfinished: false, items: 0, transactions: 0 };
  const { legacyUserId } = credential;
  // The group first, so this very sign-in's tokens carry the role even when the items take several sign-ins.
  await deps.admin.cognito.send(
    new AdminAddUserToGroupCommand({ UserPoolId: deps.admin.userPoolId, Username: user.username, GroupName: roleGroups[credential.role] }),
  );
  let items = 0;
  let transactions = 0;
  for (;;) {
    if (remainingMs() < reserveMs) return { claimed: false, unfinished: true, items, transactions };
    // Always the first page: each transaction removes the entries it handled.
    const page = await deps.dynamodb.send(
      new QueryCommand({
        TableName: deps.tableName,
        KeyConditionExpression: 'pk = :pk',
        ExpressionAttributeValues: { ':pk': { S: `LEGACY_CLAIM#${legacyUserId}` } as AttributeValue },
        Limit: entriesPerTransaction,
        ConsistentRead: true,
      }),
    );
    const entries = (page.Items ?? []).map((raw) => unmarshall(raw) as ClaimEntry);
    if (entries.length === 0) break;
    for (let attempt = 1; ; attempt += 1) {
      try {
        items += await claimPage(deps, entries, legacyUserId, user.sub);
        transactions += 1;
        break;
      } catch (error) {
        // Someone changed one of the items between the read and the write: read them again.
        if (!(error instanceof TransactionCanceledException) || attempt === maxAttempts) throw error;
      }
    }
  }
  // Last: the marker that tells later migration runs the sub, and the old hash gone for good.
  await deps.dynamodb.send(
    new TransactWriteItemsCommand({
      TransactItems: [
        {
          Put: {
            TableName: deps.tableName,
            Item: marshall({ ...legacyClaimedKey(legacyUserId), type: 'LEGACY_CLAIMED', legacyUserId, sub: user.sub, claimedAt: new Date().toISOString() }),
          },
        },
        { Delete: { TableName: deps.tableName, Key: marshall(legacyCredentialKey(credential.email)) } },
      ],
    }),
  );
  transactions += 1;
  return { claimed: true, unfinished: false, items, transactions };
}
