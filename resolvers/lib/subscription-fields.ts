import type { Context } from '@aws-appsync/utils';
import { invalid } from './errors.ts';

/**
 * For each kind of result, the fields that the filters of the subscriptions it triggers (schema `@aws_subscribe`)
 * read. AppSync sends subscribers only what the triggering mutation selected and evaluates their filters on that, so
 * a filter field the mutation left out matches nothing and the event silently reaches nobody.
 */
export const subscriptionFilterFields = {
  /** onThreadMessage (applicantId), onStaffInboxMessage (senderSide, assignedStaffId). */
  message: ['applicantId', 'senderSide', 'assignedStaffId'],
  /** onApplicantChanged(id). */
  applicant: ['id'],
  /** onTaskChanged (assigneeId). */
  task: ['assigneeId'],
  /** onDocumentChanged(applicantId). */
  document: ['applicantId'],
  /** onPaymentChanged(applicantId). */
  payment: ['applicantId'],
};

/**
 * Refuses, before anything is written, a mutation whose selection set lacks `fields`, naming the missing ones. They
 * must be selected under their own names: ctx.info.selectionSetList names an aliased field by its alias.
 */
export function requireSubscriptionFields(ctx: Context, fields: string[]): void {
  const selected = ctx.info.selectionSetList;
  const missing = fields.filter((field) => !selected.includes(field));
  if (missing.length > 0) {
    invalid(
      'selectionSet',
      `must select ${missing.join(', ')} (unaliased): the subscriptions this mutation triggers filter on them, and subscribers receive only the fields the mutation selects`,
    );
  }
}
