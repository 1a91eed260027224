import { matchesArguments, matchesEnhancedFilter, type SubscriptionFilter } from './filters.ts';

// Live subscriptions, and the fan-out of mutation results and invalidations to them.

export interface ActiveSubscription {
  /** The client's id for the subscription (unique within its connection). */
  id: string;
  connectionId: string;
  /** The Subscription field, e.g. onThreadMessage. */
  fieldName: string;
  arguments: Record<string, unknown>;
  filter: SubscriptionFilter | null;
  invalidationFilter: SubscriptionFilter | null;
  /** Sends one event (already filtered) to the client. */
  deliver(payload: Record<string, unknown>): Promise<void>;
  /** Tells the client the subscription was invalidated and drops it. */
  invalidate(): void;
}

export class SubscriptionHub {
  private readonly byField = new Map<string, Map<string, ActiveSubscription>>();

  constructor(private readonly subscriptionsByMutation: ReadonlyMap<string, readonly string[]>) {}

  private key(connectionId: string, id: string): string {
    return `${connectionId}\u0000${id}`;
  }

  add(subscription: ActiveSubscription): void {
    let subscriptions = this.byField.get(subscription.fieldName);
    if (!subscriptions) {
      subscriptions = new Map();
      this.byField.set(subscription.fieldName, subscriptions);
    }
    subscriptions.set(this.key(subscription.connectionId, subscription.id), subscription);
  }

  remove(connectionId: string, id: string): void {
    for (const subscriptions of this.byField.values()) subscriptions.delete(this.key(connectionId, id));
  }

  count(): number {
    let total = 0;
    for (const subscriptions of this.byField.values()) total += subscriptions.size;
    return total;
  }

  /** Delivers a mutation's result to every subscription that listens to the mutation and whose filter passes. */
  async publish(mutationField: string, payload: Record<string, unknown>): Promise<void> {
    const deliveries: Promise<void>[] = [];
    for (const fieldName of this.subscriptionsByMutation.get(mutationField) ?? []) {
      for (const subscription of this.byField.get(fieldName)?.values() ?? []) {
        const passes = subscription.filter
          ? matchesEnhancedFilter(subscription.filter, payload)
          : matchesArguments(subscription.arguments, payload);
        if (passes) deliveries.push(subscription.deliver(payload));
      }
    }
    await Promise.all(deliveries);
  }

  /**
   * extensions.invalidateSubscriptions({ subscriptionField, payload }): every subscription of that field whose
   * invalidation filter matches the payload is unsubscribed ("Unsubscribing WebSocket connections using filters",
   * https://docs.aws.amazon.com/appsync/latest/devguide/aws-appsync-real-time-invalidation.html).
   */
  invalidate(invalidation: unknown): void {
    const { subscriptionField, payload } = (invalidation ?? {}) as { subscriptionField?: unknown; payload?: unknown };
    if (typeof subscriptionField !== 'string') return;
    for (const subscription of [...(this.byField.get(subscriptionField)?.values() ?? [])]) {
      if (subscription.invalidationFilter && matchesEnhancedFilter(subscription.invalidationFilter, payload ?? {})) {
        this.remove(subscription.connectionId, subscription.id);
        subscription.invalidate();
      }
    }
  }
}
