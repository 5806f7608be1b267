import type { ListingPortalId } from '../contract/leads.ts';
import type { Database } from '../db/database.ts';
import { withScope } from '../db/scope.ts';
import { findActiveListingByPortalId } from '../leads/listing-repository.ts';
import { insertSlot, listSlots } from './repository.ts';

/**
 * Viewing slots a demo clerk has offered for a demo listing (`npm start`), so the staff portal's "Inserate" and the
 * public booking page have slots to show. Days count from the start; a listing that still has upcoming slots gets
 * none added, so the seed can run at every start without piling them up.
 */
export interface DemoViewingSlots {
  /** The listing, by its first portal id. */
  listing: ListingPortalId;
  slots: Array<{ inDays: number; /** Berlin time, HH:MM. */ at: string; durationMinutes: number; capacity: number; note: string }>;
}

/** The day `inDays` after `now` at `at` o'clock in Berlin, as an instant. */
export function berlinTimeInDays(now: Date, inDays: number, at: string): Date {
  const [hour, minute] = at.split(':').map(Number);
  const day = new Date(now.getTime() + inDays * 86_400_000);
  const wanted = Date.UTC(day.getUTCFullYear(), day.getUTCMonth(), day.getUTCDate(), hour, minute);
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-GB', {
      timeZone: 'Europe/Berlin',
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
    })
      .formatToParts(new Date(wanted))
      .map((part) => [part.type, part.value]),
  );
  const offset = Date.UTC(+parts.year, +parts.month - 1, +parts.day, +parts.hour, +parts.minute) - wanted;
  return new Date(wanted - offset);
}

export async function seedDemoViewingSlots(
  db: Database,
  company: { tenantId: string; clerkId: string },
  demo: DemoViewingSlots[],
  now = new Date(),
): Promise<void> {
  await withScope(db, { role: 'clerk', tenantId: company.tenantId, accountId: company.clerkId }, async (tx) => {
    for (const { listing, slots } of demo) {
      const found = await findActiveListingByPortalId(tx, [listing.provider], listing.providerListingId);
      if (!found || (await listSlots(tx, found.id, now)).length) continue;
      for (const slot of slots) {
        await insertSlot(tx, {
          tenantId: company.tenantId,
          listingId: found.id,
          startsAt: berlinTimeInDays(now, slot.inDays, slot.at),
          durationMinutes: slot.durationMinutes,
          capacity: slot.capacity,
          note: slot.note,
          smartLock: false,
          createdBy: company.clerkId,
        });
      }
    }
  });
}
