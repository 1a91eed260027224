// message → message items in their applicant's thread; then one thread item per migrated applicant.
import { applicantName } from '../../resolvers/lib/applicants.ts';
import { gsi, messageKey, threadKey } from '../../resolvers/lib/keys.ts';
import { iso, legacyUlid } from '../ids.ts';
import type { Row } from '../legacy-rows.ts';
import { firstApplicantOf, type MapContext, type MappedUser, type TableItem } from './context.ts';

// resolvers/lib/messages.ts's previewLength: that module builds an expression at load time with APPSYNC_JS's util,
// which only exists inside AppSync, so plain Node cannot import it (local/seed/items.ts repeats it the same way).
const previewLength = 140;

export function mapMessage(ctx: MapContext, row: Row): TableItem | null {
  const sender = ctx.users.get(Number(row.sender_id));
  const recipient = row.recipient_id === null ? undefined : ctx.users.get(Number(row.recipient_id));
  if (!sender) throw new Error(`message ${row.id} names sender ${String(row.sender_id)}, which was not read`);
  let applicant = row.applicant_id === null ? undefined : ctx.applicants.get(Number(row.applicant_id));
  if (!applicant) {
    const clientParty = [sender, recipient].find((u): u is MappedUser => !!u && u.role === 'APPLICANT');
    applicant = firstApplicantOf(ctx, clientParty?.oldId ?? null);
    if (!applicant) {
      ctx.report.skip('message', row.id, 'messageNoApplicant', 'no client party with an applicant');
      return null;
    }
    ctx.report.dirty('message', row.id, 'messageNoApplicant', `→ applicant ${applicant.oldId}`);
  }
  if (!recipient) ctx.report.dirty('message', row.id, 'messageNoRecipient');
  const id = legacyUlid('message', row.id, row.created_at);
  return {
    ...messageKey(applicant.id, id),
    type: 'MESSAGE',
    id,
    applicantId: applicant.id,
    ownerId: applicant.ownerId,
    senderId: sender.id,
    senderSide: sender.role === 'APPLICANT' ? 'APPLICANT' : 'STAFF',
    senderName: sender.fullName,
    recipientId: recipient?.id ?? null,
    body: String(row.body),
    ...(row.read_at ? { readAt: iso(row.read_at as Date) } : {}),
    createdAt: iso(row.created_at),
  };
}

/** The thread of an applicant: unread counts are the other side's messages the old system never saw marked read. */
export function threadItem(applicant: TableItem, messages: TableItem[]): TableItem {
  const sorted = [...messages].sort((a, b) => String(a.id).localeCompare(String(b.id)));
  const unread = (side: string) => sorted.filter((m) => m.senderSide !== side && !m.readAt).length;
  const last = sorted.at(-1);
  const unreadByStaff = unread('STAFF');
  const id = String(applicant.id);
  return {
    ...threadKey(id),
    type: 'THREAD',
    applicantId: id,
    ownerId: applicant.ownerId,
    applicantName: applicantName({ firstName: String(applicant.firstName), lastName: String(applicant.lastName) }),
    unreadByStaff,
    unreadByApplicant: unread('APPLICANT'),
    lastMessageAt: last?.createdAt ?? null,
    lastMessagePreview: last ? String(last.body).substring(0, previewLength) : null,
    lastSenderSide: last?.senderSide ?? null,
    createdAt: applicant.createdAt,
    updatedAt: last?.createdAt ?? applicant.createdAt,
    version: 1,
    ...(unreadByStaff > 0 && last ? { gsi2pk: gsi.unreadInbox, gsi2sk: `${String(last.createdAt)}#${id}` } : {}),
  };
}
