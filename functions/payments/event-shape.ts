// The shape a verified Stripe event must have before anything reads it. A valid signature proves Stripe sent the bytes,
// not that they hold what this code expects (another API version, an event edited in a replay tool): every field the
// webhook reads is checked here, so a wrong shape is refused naming the field instead of failing with a TypeError.
import { z } from 'zod';
import { ulidPattern } from '../../resolvers/lib/keys.ts';

const apiId = z.string().regex(new RegExp(ulidPattern), 'must be an id issued by this API (a ULID)');

/** Stripe sends an id, or the object when the field was expanded. */
const idOrObject = z.union([z.string().min(1), z.object({ id: z.string().min(1) })]).nullable();

const metadata = z.record(z.string(), z.string()).nullable();

const envelope = z.object({
  id: z.string().min(1),
  type: z.string().min(1),
  created: z.number().int().nonnegative(),
  data: z.object({ object: z.record(z.string(), z.unknown()) }),
});

export const checkoutSessionShape = z.object({
  id: z.string().min(1),
  object: z.literal('checkout.session'),
  payment_status: z.enum(['paid', 'unpaid', 'no_payment_required']),
  payment_intent: idOrObject,
  metadata,
});

export const chargeShape = z.object({
  id: z.string().min(1),
  object: z.literal('charge'),
  refunded: z.boolean(),
  payment_intent: idOrObject,
});

/** A session's or PaymentIntent's metadata naming a payment of this API: both ids, each a ULID. */
export const paymentMetadataShape = z.object({ paymentId: apiId, applicantId: apiId });

export type StripeEventEnvelope = z.infer<typeof envelope>;
export type CheckoutSessionObject = z.infer<typeof checkoutSessionShape>;
export type ChargeObject = z.infer<typeof chargeShape>;

/** What is wrong with a value: the first problem's field, as a dotted path from the event, and the rule it breaks. */
export interface ShapeProblem {
  field: string;
  rule: string;
}

export type Checked<T> = { ok: true; value: T } | { ok: false; problem: ShapeProblem };

function fieldOf(prefix: string, path: readonly PropertyKey[]): string {
  return [prefix, ...path.map(String)].filter(Boolean).join('.');
}

/** Checks `value` against `shape`; problems name the field under `prefix` (e.g. `data.object`). */
export function check<T>(shape: z.ZodType<T>, value: unknown, prefix = ''): Checked<T> {
  const result = shape.safeParse(value);
  if (result.success) return { ok: true, value: result.data };
  const issue = result.error.issues[0];
  return { ok: false, problem: { field: fieldOf(prefix, issue?.path ?? []) || 'event', rule: issue?.message ?? 'is not valid' } };
}

/** The event's own fields (id, type, created, data.object as an object), whatever its type. */
export function checkEnvelope(event: unknown): Checked<StripeEventEnvelope> {
  return check(envelope, event);
}
