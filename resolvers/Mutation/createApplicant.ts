// One TransactWriteItems: the applicant (DRAFT, with its bundle), its message thread, the DRAFT counter and the
// audit event. The caller becomes the owner, so only applicants create applicants: one made by a staff member
// would belong to them and stay invisible to the student it describes (docs/pipeline.md).
import { util, type Context } from '@aws-appsync/utils';
import { applicantFields, applicantName, bundleName } from '../lib/applicants.ts';
import { auditPut } from '../lib/audit.ts';
import { callerTransactWrite } from '../lib/caller-check.ts';
import { callerGroups, callerId, isTeam, tableName } from '../lib/context.ts';
import { applicantStatusCounter, countersUpdate } from '../lib/counters.ts';
import { applicantKey, gsi, threadKey } from '../lib/keys.ts';
import { txPut } from '../lib/requests.ts';
import { raiseDataSourceError } from '../lib/errors.ts';

export function request(ctx: Context) {
  const ownerId = callerId(ctx);
  if (isTeam(ctx) || !callerGroups(ctx).includes('applicant')) util.unauthorized();
  const fields = applicantFields(ctx.args.input, 'input');
  const table = tableName(ctx);
  const id = util.autoUlid();
  const now = util.time.nowISO8601();
  // Optional fields left empty are not stored at all.
  const given: Record<string, unknown> = {};
  for (const name of Object.keys(fields)) {
    if (fields[name] !== null) given[name] = fields[name];
  }
  const applicant: Record<string, unknown> = {
    type: 'APPLICANT',
    id,
    ownerId,
    ...given,
    status: 'DRAFT',
    statusChangedAt: now,
    statusChangedBy: ownerId,
    bundle: { name: bundleName, status: 'OPEN', updatedAt: now },
    createdAt: now,
    updatedAt: now,
    version: 1,
    gsi1pk: gsi.owner(ownerId),
    gsi1sk: applicantKey(id).pk,
    gsi2pk: gsi.applicantStatus('DRAFT'),
    gsi2sk: id,
    gsi4pk: gsi.allApplicants,
    gsi4sk: id,
  };
  ctx.stash.created = applicant;
  const name = applicantName(applicant as { firstName: string; lastName: string });
  return callerTransactWrite(ctx, table, [
    txPut(table, applicantKey(id), applicant),
    txPut(table, threadKey(id), {
      type: 'THREAD',
      applicantId: id,
      ownerId,
      applicantName: name,
      unreadByStaff: 0,
      unreadByApplicant: 0,
      createdAt: now,
      updatedAt: now,
      version: 1,
    }),
    countersUpdate(table, id, { [applicantStatusCounter('DRAFT')]: 1 }),
    auditPut(ctx, table, {
      action: 'APPLICANT_CREATED',
      resourceType: 'APPLICANT',
      resourceId: id,
      details: { status: 'DRAFT', serviceInterest: fields.serviceInterest },
    }),
  ]);
}

export function response(ctx: Context) {
  // Nothing can be in the way of new ULID keys, so any error here is the data source's own.
  raiseDataSourceError(ctx);
  return ctx.stash.created;
}
