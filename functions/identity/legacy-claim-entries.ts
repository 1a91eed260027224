// Which attributes of a migrated item hold a legacy user id, and the item with that id replaced by the user's Cognito
// sub. Shared by the migration (it writes the claim list, and rewrites claimed users on a rerun) and the
// PostAuthentication trigger (it applies the list), so both spell the replacement the same way.
import type { Key } from '../../resolvers/lib/keys.ts';

export type Item = Record<string, unknown> & Key;

/** The top-level string attributes of `item` that contain `legacyUserId` (keys included). */
export function attributesNaming(item: Item, legacyUserId: string): string[] {
  return Object.keys(item).filter((name) => typeof item[name] === 'string' && (item[name] as string).includes(legacyUserId));
}

export function replaceUserId(item: Item, legacyUserId: string, sub: string, names = attributesNaming(item, legacyUserId)): Item {
  const out: Item = { ...item };
  for (const name of names) out[name] = String(item[name]).split(legacyUserId).join(sub);
  return out;
}

/** An item keyed by the legacy id moves to a new key; any other only has attributes rewritten. */
export const keyNames = (item: Item, legacyUserId: string): boolean =>
  item.pk.includes(legacyUserId) || item.sk.includes(legacyUserId);
