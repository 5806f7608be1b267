import type { Logger } from 'pino';
import type { Queryable } from '../db/database.ts';
import { insertOutboxEntry } from '../outbox/outbox-repository.ts';
import { PermanentDeliveryError, type OutboxHandler } from '../outbox/worker.ts';

/**
 * Port to the listing portals (ImmoScout24, Immowelt, OpenImmo, relays): what the lead pipeline tells them about
 * a listing. So far one thing: a let listing is withdrawn from each portal it has an id at. The request is
 * written to the outbox in the acceptance's transaction (none for a rollback, none lost while a portal is down)
 * and handed to the adapter by the outbox worker, with retries; the idempotency key lets a portal drop repeats.
 *
 * Adapters: the logging default below (no portal is connected yet); a portal's real API plugs in here.
 */
export interface ListingPublisher {
  withdraw(withdrawal: ListingWithdrawal, idempotencyKey: string): Promise<void>;
}

export interface ListingWithdrawal {
  listingId: string;
  provider: string;
  providerListingId: string;
  /** Why: the listing was let (an accepted lead). */
  reason: 'vermietet';
}

export const LISTING_PUBLISHER_TOPIC = 'listing-publisher';

/** In the acceptance's transaction: one withdrawal per portal id of the listing. */
export async function queueWithdrawals(
  tx: Queryable,
  tenantId: string,
  listingId: string,
  portalIds: Array<{ provider: string; providerListingId: string }>,
): Promise<void> {
  for (const { provider, providerListingId } of portalIds) {
    const withdrawal: ListingWithdrawal = { listingId, provider, providerListingId, reason: 'vermietet' };
    await insertOutboxEntry(tx, {
      tenantId,
      topic: LISTING_PUBLISHER_TOPIC,
      // Changes of one listing at one portal are delivered in order.
      orderingKey: `${provider}:${providerListingId}`,
      idempotencyKey: `withdraw:${listingId}:${provider}`,
      payload: withdrawal,
    });
  }
}

/** The default adapter: no portal is connected, so the withdrawal is only logged (the listing is `vermietet` here already). */
export function createLoggingListingPublisher(logger: Logger): ListingPublisher {
  return {
    async withdraw(withdrawal, idempotencyKey) {
      logger.info({ withdrawal, idempotencyKey }, 'listing withdrawn from portal (no portal adapter configured)');
    },
  };
}

/** Hands a queued withdrawal to the adapter; a refusal marked permanent becomes a dead letter at once. */
export function createListingPublisherDelivery(publisher: ListingPublisher): OutboxHandler {
  return async (entry) => {
    try {
      await publisher.withdraw(entry.payload as ListingWithdrawal, entry.idempotencyKey);
    } catch (error) {
      if (error instanceof PermanentDeliveryError) throw error;
      throw new Error(`Rückzug vom Portal fehlgeschlagen: ${(error as Error).message}`.slice(0, 300));
    }
  };
}
