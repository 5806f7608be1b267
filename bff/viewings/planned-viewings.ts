import type { Logger } from 'pino';
import { queueLeadMail } from '../leads/lead-mail.ts';
import { setViewingLockGrant } from '../leads/lifecycle-repository.ts';
import type { PlannedViewingConfirmation } from '../leads/lifecycle-use-cases.ts';
import { plannedViewingMail } from './calendar.ts';
import { companyName } from './repository.ts';
import { grantWindow, type SmartLock } from './smart-lock.ts';

/**
 * A viewing a clerk planned for one lead (docs/leads.md, `POST /api/staff/leads/{id}/viewings`): with `smartLock`
 * the flat's lock is asked for a grant over the viewing's window (stored with the viewing; a lock that fails costs no
 * viewing), and the person gets the confirmation with address, time, note, the lock window and the ICS file — from
 * the letting address, filed in the lead's thread. No mail without an e-mail address: the clerk tells them.
 */
export function createPlannedViewingConfirmation(deps: { smartLock: SmartLock; logger: Logger }): PlannedViewingConfirmation {
  return {
    async confirm(tx, { ctx, lead, listing, viewing, smartLock }) {
      let lockGrant: { from: Date; until: Date } | null = null;
      if (smartLock) {
        const window = grantWindow(viewing.startsAt, viewing.durationMinutes);
        try {
          const grant = await deps.smartLock.grant({ tenantId: ctx.tenantId, listingId: listing.id, viewingId: viewing.id, ...window });
          if (grant) {
            await setViewingLockGrant(tx, viewing.id, { ...window, reference: grant.reference });
            lockGrant = window;
          }
        } catch (err) {
          deps.logger.warn({ err, viewingId: viewing.id }, 'smart lock grant failed; the viewing stays planned without it');
        }
      }
      if (!lead.email) return { lockGrant, sentTo: null };
      const facts = {
        bookingId: viewing.id,
        companyName: await companyName(tx, ctx.tenantId),
        listingTitle: listing.title,
        address: { street: listing.street, postalCode: listing.postalCode, city: listing.city },
        startsAt: viewing.startsAt,
        durationMinutes: viewing.durationMinutes,
        note: viewing.note ?? '',
        lockGrant,
      };
      await queueLeadMail(
        tx,
        ctx.tenantId,
        { id: lead.id, email: lead.email },
        { ...plannedViewingMail(lead.email, lead.name, facts), sentBy: ctx.accountId },
      );
      return { lockGrant, sentTo: lead.email };
    },
  };
}
