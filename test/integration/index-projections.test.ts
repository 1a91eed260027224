import { getNamedType, isObjectType, parse, type GraphQLField, type GraphQLObjectType } from 'graphql';
import { ulid } from 'ulid';
import { beforeAll, describe, expect, it } from 'vitest';
import { wiring } from '../../infra/wiring/index.ts';
import { tableDefinition } from '../../infra/table.ts';
import { applicantKey, auditKey, paymentKey, taskKey, threadKey, userKey, type Key } from '../../resolvers/lib/keys.ts';
import {
  AssignApplicantDocument,
  CreateCheckoutSessionDocument,
  CreateTaskDocument,
  SendMessageDocument,
  SubmitApplicantDocument,
} from '../../schema/generated/client/graphql.ts';
import { loadSchema } from '../../schema/index.ts';
import { createUser, signUpApplicant, type SignedInUser } from '../setup/users.ts';
import { createApplicant, gql, gqlOk } from './support/api.ts';
import { getItem } from './support/table-fixtures.ts';

// A Query on a GSI returns only what the index projects (docs/data-model.md "Index projections"). Each list below
// pages through one index, selecting every stored field of its item type, and must answer exactly what a GetItem
// of the item holds: an attribute an index stopped projecting would come back missing (or fail a non-null field).

interface Listing {
  index: string;
  field: string;
  /** The arguments, named in the test's title. */
  by: string;
  args: () => Record<string, unknown>;
  caller: () => SignedInUser;
  /** The fixture item the page must hold, and the key of its item in the table. */
  expected: () => { id: string; key: (item: Record<string, unknown>) => Key };
}

let owner: SignedInUser;
let staff: SignedInUser;
let admin: SignedInUser;
let applicantId: string;
let taskId: string;
let paymentId: string;
let staffSub: string;
const today = () => new Date().toISOString().slice(0, 10);

beforeAll(async () => {
  // A name that sorts first in the TEAM partition (gsi4, by name), so listStaff's first page holds this member.
  [owner, staff, admin] = await Promise.all([
    signUpApplicant(),
    createUser({ group: 'staff', fullName: `0 Projection staff ${ulid()}` }),
    createUser({ group: 'admin' }),
  ]);
  staffSub = staff.sub;
  const created = await createApplicant(owner, { latestEducation: 'BSc Physics', annualBudgetUsd: 18000, incomeSource: 'Family' });
  applicantId = created.id;
  const assigned = (await gqlOk(staff, AssignApplicantDocument, { input: { id: applicantId, staffId: staffSub, expectedVersion: created.version } })).assignApplicant;
  await gqlOk(owner, SubmitApplicantDocument, { id: applicantId, expectedVersion: assigned.version });
  await gqlOk(owner, SendMessageDocument, { input: { applicantId, body: 'Is my transcript enough?' } });
  taskId = (await gqlOk(staff, CreateTaskDocument, { input: { applicantId, assigneeId: staffSub, title: 'Check transcript', description: 'Page 2', dueAt: '2030-01-01T00:00:00.000Z' } })).createTask.id;
  paymentId = (await gqlOk(owner, CreateCheckoutSessionDocument, { input: { applicantId, service: 'DOCUMENT_REVIEW' } })).createCheckoutSession.payment.id;
});

const applicant = () => ({ id: applicantId, key: () => applicantKey(applicantId) });
const task = () => ({ id: taskId, key: () => taskKey(taskId) });
const auditEvent = () => ({ id: '', key: (e: Record<string, unknown>) => auditKey(String(e.resourceType), String(e.resourceId), String(e.id)) });

const listings: Listing[] = [
  { index: 'gsi1', field: 'listMyApplicants', by: 'no arguments', args: () => ({}), caller: () => owner, expected: applicant },
  { index: 'gsi1', field: 'listTasks', by: 'applicantId', args: () => ({ applicantId }), caller: () => staff, expected: task },
  { index: 'gsi1', field: 'listAuditEvents', by: 'actorId', args: () => ({ actorId: staffSub }), caller: () => admin, expected: auditEvent },
  { index: 'gsi2', field: 'listApplicants', by: 'status', args: () => ({ status: 'DOCUMENTS_SUBMITTED' }), caller: () => staff, expected: applicant },
  { index: 'gsi2', field: 'listTasks', by: 'status', args: () => ({ status: 'PENDING' }), caller: () => staff, expected: task },
  { index: 'gsi2', field: 'staffInbox', by: 'no arguments', args: () => ({}), caller: () => staff, expected: () => ({ id: applicantId, key: () => threadKey(applicantId) }) },
  { index: 'gsi2', field: 'listAuditEvents', by: 'day', args: () => ({ day: today() }), caller: () => admin, expected: auditEvent },
  { index: 'gsi3', field: 'listApplicants', by: 'assignedStaffId', args: () => ({ assignedStaffId: staffSub }), caller: () => staff, expected: applicant },
  { index: 'gsi3', field: 'listTasks', by: 'assigneeId', args: () => ({ assigneeId: staffSub }), caller: () => staff, expected: task },
  { index: 'gsi4', field: 'listApplicants', by: 'no arguments', args: () => ({}), caller: () => staff, expected: applicant },
  { index: 'gsi4', field: 'listPayments', by: 'no arguments', args: () => ({}), caller: () => admin, expected: () => ({ id: paymentId, key: () => paymentKey(applicantId, paymentId) }) },
  { index: 'gsi4', field: 'listStaff', by: 'no arguments', args: () => ({}), caller: () => staff, expected: () => ({ id: staffSub, key: () => userKey(staffSub) }) },
  { index: 'gsi5', field: 'listApplicants', by: 'assignedStaffId and status', args: () => ({ assignedStaffId: staffSub, status: 'DOCUMENTS_SUBMITTED' }), caller: () => staff, expected: applicant },
  { index: 'gsi5', field: 'listTasks', by: 'assigneeId and status', args: () => ({ assigneeId: staffSub, status: 'PENDING' }), caller: () => staff, expected: task },
];

/** Fields answered by a resolver of their own (Applicant.assignedStaff) are not stored on the item. */
const resolvedFields = new Set(wiring.resolvers.map((r) => `${r.typeName}.${r.fieldName}`));

/** A field only IAM callers read (Payment.eventOutcome, set in applyPaymentEvent's answer), never stored either. */
const iamOnly = (field: GraphQLField<unknown, unknown>) => {
  const directives = (field.astNode?.directives ?? []).map((d) => d.name.value);
  return directives.includes('aws_iam') && !directives.includes('aws_cognito_user_pools');
};

const storedFields = (type: GraphQLObjectType) =>
  Object.values(type.getFields()).filter((f) => !resolvedFields.has(`${type.name}.${f.name}`) && !iamOnly(f));

/** Every stored field of `type`, nested objects with every field of theirs. */
function storedSelection(type: GraphQLObjectType): string {
  return storedFields(type)
    .map((f) => {
      const named = getNamedType(f.type);
      return isObjectType(named) ? `${f.name} { ${storedSelection(named)} }` : f.name;
    })
    .join(' ');
}

/** What the API answers for `stored` (a GetItem's item) in this selection: absent attributes are null, AWSJSON parsed. */
function asSelected(type: GraphQLObjectType, stored: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const f of storedFields(type)) {
    const named = getNamedType(f.type);
    const value = stored[f.name];
    if (value === undefined || value === null) out[f.name] = null;
    else if (isObjectType(named)) out[f.name] = asSelected(named, value as Record<string, unknown>);
    else if (named.name === 'AWSJSON') out[f.name] = typeof value === 'string' ? JSON.parse(value) : value;
    else out[f.name] = value;
  }
  return out;
}

function parsedJson(type: GraphQLObjectType, item: Record<string, unknown>): Record<string, unknown> {
  const out = { ...item };
  for (const f of Object.values(type.getFields())) {
    if (getNamedType(f.type).name === 'AWSJSON' && typeof out[f.name] === 'string') out[f.name] = JSON.parse(out[f.name] as string);
  }
  return out;
}

describe('every index projects every attribute its pages return', () => {
  it('given the table definition, then every index is listed below at least once', () => {
    expect([...new Set(listings.map((l) => l.index))]).toEqual(tableDefinition.globalSecondaryIndexes.map((i) => i.name));
  });

  it.each(listings.map((l) => [l.index, l.field, l.by, l] as const))(
    'given items in %s, when %s (%s) lists them selecting every stored field, then each item is what its GetItem holds',
    async (_index, field, _by, listing) => {
      const query = loadSchema().getQueryType()!.getFields()[field]!;
      const itemType = getNamedType((getNamedType(query.type) as GraphQLObjectType).getFields().items!.type) as GraphQLObjectType;
      const args = { ...listing.args(), limit: 100 };
      const argList = Object.keys(args).map((name) => `${name}: $${name}`).join(', ');
      const params = Object.keys(args)
        .map((name) => `$${name}: ${query.args.find((a) => a.name === name)!.type.toString()}`)
        .join(', ');
      const document = parse(`query Listing(${params}) { ${field}(${argList}) { items { ${storedSelection(itemType)} } } }`);

      const result = await gql(listing.caller(), document, args);

      expect(result.errors).toEqual([]);
      const items = (result.data as Record<string, { items: Record<string, unknown>[] }>)[field]!.items;
      const { id, key } = listing.expected();
      const mine = id ? items.filter((item) => (item.id ?? item.applicantId) === id) : items;
      expect(mine.length).toBeGreaterThan(0);
      for (const item of mine) {
        const stored = await getItem(key(item));
        expect(stored).not.toBeNull();
        expect(parsedJson(itemType, item)).toEqual(asSelected(itemType, stored!));
      }
    },
  );
});
