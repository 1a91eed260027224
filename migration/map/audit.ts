// auditlog → immutable audit events, the Python-repr extra_data parsed into JSON details.
import { auditKey, gsi } from '../../resolvers/lib/keys.ts';
import { iso, legacyUlid } from '../ids.ts';
import type { Row } from '../legacy-rows.ts';
import { parsePythonRepr } from '../python-repr.ts';
import { text, type MapContext, type TableItem } from './context.ts';

export const legacySystemActor = 'legacy-system';

function resource(ctx: MapContext, row: Row, actorId: string): { type: string; id: string } {
  const kind = text(row.resource_type);
  const raw = text(row.resource_id) ?? '';
  if (kind === 'document') {
    const doc = ctx.documentIds.get(Number(raw));
    if (doc) return { type: 'DOCUMENT', id: doc.id };
  }
  if (kind === 'payment') {
    const payment = ctx.paymentIds.get(Number(raw));
    if (payment) return { type: 'PAYMENT', id: payment };
  }
  // s3_object (generic uploads), or a row that was not migrated: the event stays on its actor's history.
  return { type: 'USER', id: actorId };
}

export function mapAudit(ctx: MapContext, row: Row): TableItem {
  const user = row.user_id === null ? undefined : ctx.users.get(Number(row.user_id));
  if (!user) ctx.report.dirty('auditlog', row.id, 'auditNoUser');
  const actorId = user?.id ?? legacySystemActor;
  let extra: unknown = null;
  const rawExtra = text(row.extra_data);
  if (rawExtra !== null) {
    try {
      extra = parsePythonRepr(rawExtra);
      ctx.report.dirty('auditlog', row.id, 'auditRepr');
    } catch {
      extra = { raw: rawExtra };
      ctx.report.dirty('auditlog', row.id, 'auditRepr', 'unparseable, kept as raw');
    }
  }
  if (text(row.resource_type) === 's3_object') ctx.report.dirty('auditlog', row.id, 'genericUpload', String(row.resource_id));
  const target = resource(ctx, row, actorId);
  const id = legacyUlid('auditlog', row.id, row.created_at);
  const createdAt = iso(row.created_at);
  return {
    ...auditKey(target.type, target.id, id),
    type: 'AUDIT',
    id,
    actorId,
    action: String(row.action).toUpperCase(),
    resourceType: target.type,
    resourceId: target.id,
    details: JSON.stringify({
      ...(extra && typeof extra === 'object' && !Array.isArray(extra) ? extra : { value: extra }),
      legacy: { auditLogId: row.id, resourceType: text(row.resource_type), resourceId: text(row.resource_id) },
    }),
    sourceIp: text(row.ip_address),
    createdAt,
    gsi1pk: gsi.actor(actorId),
    gsi1sk: id,
    gsi2pk: gsi.auditDay(createdAt.substring(0, 10)),
    gsi2sk: id,
  };
}
