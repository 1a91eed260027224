import { util, type Context } from '@aws-appsync/utils';
import { actorId, sourceIp } from './context.ts';
import { auditKey, gsi } from './keys.ts';
import { txPut } from './requests.ts';

export type AuditResourceType =
  | 'USER'
  | 'APPLICANT'
  | 'DOCUMENT'
  | 'REVIEW'
  | 'TASK'
  | 'MESSAGE_THREAD'
  | 'PAYMENT'
  | 'ELIGIBILITY_CHECK'
  | 'ML_CONSENT';

/** The immutable audit event of a change, written in the change's own transaction. */
export function auditPut(
  ctx: Context,
  table: string,
  event: { action: string; resourceType: AuditResourceType; resourceId: string; details?: Record<string, unknown> },
) {
  const id = util.autoUlid();
  const now = util.time.nowISO8601();
  const actor = actorId(ctx);
  return txPut(table, auditKey(event.resourceType, event.resourceId, id), {
    type: 'AUDIT',
    id,
    actorId: actor,
    action: event.action,
    resourceType: event.resourceType,
    resourceId: event.resourceId,
    details: JSON.stringify(event.details || {}),
    sourceIp: sourceIp(ctx),
    createdAt: now,
    gsi1pk: gsi.actor(actor),
    gsi1sk: id,
    gsi2pk: gsi.auditDay(now.substring(0, 10)),
    gsi2sk: id,
  });
}
