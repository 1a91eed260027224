import { readFileSync } from 'node:fs';
import { Kind, parse, type ConstDirectiveNode } from 'graphql';
import { describe, expect, it } from 'vitest';
import { callers, clientSelection, evaluate, resolverBundle, runHandlers, type Caller } from './evaluate-resolver.ts';

// AppSync sends subscribers only what the triggering mutation selected and evaluates their filters on it, so every
// mutation in an @aws_subscribe list refuses, before it writes, a selection set without the fields the filters of
// the subscriptions it triggers read. The fields are read from the subscription resolvers' own filters here, not
// restated, so a filter on a new field fails this test until the mutations ask for it too.

const applicantId = '01J9ZQ4M2V7C3T8K5R6N1P0W9A';

/** Per subscription, the callers and arguments whose filters a subscriber can set (the narrowest ones). */
const subscriberFilters: Record<string, { caller: Caller; args: Record<string, unknown> }[]> = {
  onThreadMessage: [{ caller: callers.staff, args: { applicantId } }],
  onStaffInboxMessage: [
    { caller: callers.staff, args: {} },
    { caller: callers.admin, args: { scope: 'ALL' } },
  ],
  onApplicantChanged: [{ caller: callers.staff, args: { id: applicantId } }],
  onTaskChanged: [{ caller: callers.staff, args: {} }],
  onDocumentChanged: [{ caller: callers.staff, args: { applicantId } }],
  onPaymentChanged: [{ caller: callers.staff, args: { applicantId } }],
};

const iamCaller = { accountId: '000000000000', sourceIp: ['10.0.0.1'], username: 'AROAEXAMPLE:lambda', userArn: 'arn:aws:sts::000000000000:assumed-role/r/lambda' };
const iamOnly = new Set(['markDocumentUploaded', 'markDocumentRejected', 'applyPaymentEvent']);

/** Subscription field → the mutations its @aws_subscribe lists, from the schema. */
function subscribedMutations(): Map<string, string[]> {
  const document = parse(readFileSync(new URL('../../../schema/schema.graphql', import.meta.url), 'utf8'));
  const out = new Map<string, string[]>();
  for (const definition of document.definitions) {
    if (definition.kind !== Kind.OBJECT_TYPE_DEFINITION || definition.name.value !== 'Subscription') continue;
    for (const field of definition.fields ?? []) {
      const directive = field.directives?.find((d: ConstDirectiveNode) => d.name.value === 'aws_subscribe');
      const list = directive?.arguments?.find((a) => a.name.value === 'mutations')?.value;
      out.set(field.name.value, list?.kind === Kind.LIST ? list.values.flatMap((v) => (v.kind === Kind.STRING ? [v.value] : [])) : []);
    }
  }
  return out;
}

async function filterFieldsOf(subscription: string): Promise<string[]> {
  const names = new Set<string>();
  for (const { caller, args } of subscriberFilters[subscription] ?? []) {
    const run = await runHandlers('Subscription', subscription, caller, args);
    expect(run.errors).toEqual([]);
    const filter = run.subscriptionFilter as { filterGroup: { filters: { fieldName: string }[] }[] } | undefined;
    for (const group of filter?.filterGroup ?? []) for (const entry of group.filters) names.add(entry.fieldName);
  }
  return [...names];
}

const subscriptions = subscribedMutations();

describe('mutations that trigger subscriptions', () => {
  it('given the schema, when its subscriptions are listed, then each has subscriber filters in this test', () => {
    expect([...subscriptions.keys()].sort()).toEqual(Object.keys(subscriberFilters).sort());
  });

  const mutations = [...new Set([...subscriptions.values()].flat())];
  it.each(mutations)('given %s without a field its subscriptions filter on, when it starts, then it is refused naming that field', async (mutation) => {
    const required = new Set<string>();
    for (const [subscription, triggers] of subscriptions) {
      if (triggers.includes(mutation)) for (const name of await filterFieldsOf(subscription)) required.add(name);
    }
    expect(required.size).toBeGreaterThan(0);
    const caller = iamOnly.has(mutation) ? iamCaller : callers.staff;
    const code = resolverBundle('Mutation', mutation);
    for (const name of required) {
      const { error } = evaluate(code, 'request', { caller: caller as Caller, selectionSetList: clientSelection.filter((f) => f !== name) });
      expect(error).toMatch(new RegExp(`^selectionSet: must select ${name} `));
    }
    const whole = evaluate(code, 'request', { caller: caller as Caller, selectionSetList: clientSelection });
    expect(whole.error ?? '').not.toContain('selectionSet');
  });
});
