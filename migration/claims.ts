// The claim list: for each migrated user not yet claimed, one entry per item that names their legacy id. The
// PostAuthentication trigger works through it when the user first signs in (functions/identity/legacy-claim.ts).
import { legacyClaimKey } from '../resolvers/lib/keys.ts';
import { attributesNaming, keyNames } from '../functions/identity/legacy-claim-entries.ts';
import type { MappedUser, TableItem } from './map/context.ts';

const uuidShaped = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g;

export function claimEntries(users: MappedUser[], items: TableItem[]): TableItem[] {
  const unclaimed = new Map(users.filter((u) => !u.claimed).map((u) => [u.id, u]));
  const entries: TableItem[] = [];
  for (const item of items) {
    if (item.type === 'LEGACY_CREDENTIAL') continue;
    const named = new Set<string>();
    for (const value of Object.values(item)) {
      if (typeof value === 'string') for (const m of value.match(uuidShaped) ?? []) if (unclaimed.has(m)) named.add(m);
    }
    for (const legacyId of named) {
      entries.push({
        ...legacyClaimKey(legacyId, { pk: item.pk, sk: item.sk }),
        type: 'LEGACY_CLAIM',
        itemPk: item.pk,
        itemSk: item.sk,
        attributes: attributesNaming(item, legacyId),
        move: keyNames(item, legacyId),
      });
    }
  }
  return entries;
}
