// An audit event written by a Lambda that writes the table itself (the post-confirmation trigger), in the same shape
// resolvers/lib/audit.ts gives the events resolvers write, so listAuditEvents reads both alike.
import { ulid } from 'ulid';
import { auditKey, gsi } from '../../resolvers/lib/keys.ts';

export interface AuditEventInput {
  actorId: string;
  action: string;
  resourceType: 'USER';
  resourceId: string;
  details?: Record<string, unknown>;
}

export function auditItem(event: AuditEventInput, now: Date = new Date()): Record<string, unknown> {
  const id = ulid(now.getTime());
  const createdAt = now.toISOString();
  return {
    ...auditKey(event.resourceType, event.resourceId, id),
    type: 'AUDIT',
    id,
    actorId: event.actorId,
    action: event.action,
    resourceType: event.resourceType,
    resourceId: event.resourceId,
    details: JSON.stringify(event.details ?? {}),
    sourceIp: null,
    createdAt,
    gsi1pk: gsi.actor(event.actorId),
    gsi1sk: id,
    gsi2pk: gsi.auditDay(createdAt.slice(0, 10)),
    gsi2sk: id,
  };
}
