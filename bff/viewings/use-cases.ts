import type { Logger } from 'pino';
import type { BookViewingInput, ViewingBookingState, ViewingSlot } from '../contract/viewings.ts';
import type { Database, Queryable } from '../db/database.ts';
import { withTenant, type TenantContext } from '../db/scope.ts';
import { AppError, notFound } from '../errors.ts';
import type { Clock } from '../jobs/runner.ts';
import * as listings from '../leads/listing-repository.ts';
import { leadNotFound, listingNotFound, type ListingRecord } from '../leads/model.ts';
import { queueLeadMail } from '../leads/lead-mail.ts';
import * as links from '../signed-links/repository.ts';
import { linkInvalid, linkRevoked, type OpenedLink, type SignedLinks } from '../signed-links/signed-links.ts';
import { cancellationMail, confirmationMail, invitationMail, viewingCalendar, waitlistMail, type ViewingFacts } from './calendar.ts';
import * as repository from './repository.ts';
import { grantWindow, type SmartLock } from './smart-lock.ts';

/**
 * Self-service viewings: clerks offer slots for a listing and invite leads; the invited person books, moves or
 * cancels through the signed link (purpose `viewing-booking`, subject: the lead). Places are counted under a lock of
 * the slot, so the last place goes to exactly one of two people asking at the same moment; a lead's own requests
 * run one after another (a lock of the lead). A place that frees goes to the slot's waitlist at once, in order, and
 * the person who moves up is mailed. Every mail is queued in the change's transaction (the outbox sends it). A booked
 * place is mirrored in the lead's viewings (`lead_viewings`) in the same transaction, so it counts for `besichtigt`.
 */

const PURPOSE = 'viewing-booking';
const CLOSED_STATUSES = ['akzeptiert', 'abgelehnt'];

const slotFull = () =>
  new AppError(
    409,
    'slot_full',
    'Dieser Termin ist ausgebucht. Sie können sich auf die Warteliste setzen oder einen anderen Termin wählen.',
    {
      waitlist: true,
    },
  );
const slotUnavailable = () =>
  new AppError(409, 'viewing_slot_unavailable', 'Dieser Termin ist nicht mehr buchbar (er hat begonnen oder wurde abgesagt).');
const slotMissing = () => notFound('Diesen Besichtigungstermin gibt es nicht.');
const pastSlot = () =>
  new AppError(400, 'validation_failed', 'Bitte prüfen Sie Ihre Eingaben.', {
    fields: [{ path: 'startsAt', code: 'custom', message: 'Der Termin muss in der Zukunft liegen.' }],
  });

const iso = (date: Date) => date.toISOString();
const endOf = (slot: { startsAt: Date; durationMinutes: number }) => new Date(slot.startsAt.getTime() + slot.durationMinutes * 60_000);
const grantView = (row: repository.BookingRow) =>
  row.lockGrantFrom && row.lockGrantUntil ? { from: iso(row.lockGrantFrom), until: iso(row.lockGrantUntil) } : null;

function toSlot(slot: repository.SlotRow, bookings: repository.BookingRow[]): ViewingSlot {
  return {
    id: slot.id,
    listingId: slot.listingId,
    startsAt: iso(slot.startsAt),
    endsAt: iso(endOf(slot)),
    durationMinutes: slot.durationMinutes,
    capacity: slot.capacity,
    note: slot.note,
    smartLock: slot.smartLock,
    booked: slot.booked,
    waitlisted: slot.waitlisted,
    bookings: bookings
      .filter((booking) => booking.slotId === slot.id)
      .map((booking) => ({
        id: booking.id,
        leadId: booking.leadId,
        leadName: booking.leadName,
        status: booking.status,
        since: iso(booking.since),
        lockGrant: grantView(booking),
      })),
  };
}

export function createViewingUseCases(deps: {
  db: Database;
  links: SignedLinks;
  smartLock: SmartLock;
  clock: Clock;
  publicUrl: () => string;
  logger: Logger;
}) {
  const { db, smartLock, clock, logger } = deps;
  const bookingUrl = (token: string) => `${deps.publicUrl().replace(/\/+$/, '')}/besichtigung#token=${token}`;

  const facts = (
    companyName: string,
    listing: ListingRecord,
    slot: repository.SlotRow,
    bookingId: string,
    lockGrant?: ViewingFacts['lockGrant'],
  ) => ({
    bookingId,
    companyName,
    listingTitle: listing.title,
    address: { street: listing.street, postalCode: listing.postalCode, city: listing.city },
    startsAt: slot.startsAt,
    durationMinutes: slot.durationMinutes,
    note: slot.note,
    lockGrant: lockGrant ?? null,
  });

  /** A grant of the smart lock for a booked viewing of a slot that has one; a lock that fails costs no booking. */
  async function grantLock(tx: Queryable, tenantId: string, slot: repository.SlotRow, bookingId: string) {
    if (!slot.smartLock) return null;
    const window = grantWindow(slot.startsAt, slot.durationMinutes);
    try {
      const grant = await smartLock.grant({ tenantId, listingId: slot.listingId, viewingId: bookingId, ...window });
      if (!grant) return null;
      await repository.setLockGrant(tx, bookingId, { ...window, reference: grant.reference });
      return window;
    } catch (err) {
      logger.warn({ err, bookingId }, 'smart lock grant failed; the viewing stays booked without it');
      return null;
    }
  }

  async function revokeLock(tenantId: string, booking: repository.BookingRow) {
    if (!booking.lockGrantReference) return;
    try {
      await smartLock.revoke({ tenantId, reference: booking.lockGrantReference });
    } catch (err) {
      logger.warn({ err, bookingId: booking.id }, 'smart lock revoke failed');
    }
  }

  /** Gives the slot's free places to its waitlist, in order; each person moving up is mailed with the ICS. */
  async function promoteWaitlist(tx: Queryable, tenantId: string, slotId: string, listing: ListingRecord, companyName: string) {
    const slot = await repository.findSlot(tx, slotId);
    if (!slot || slot.cancelledAt || slot.startsAt <= clock.now()) return;
    let booked = await repository.bookedCount(tx, slotId);
    while (booked < slot.capacity) {
      const waiting = await repository.firstWaiting(tx, slotId);
      if (!waiting) return;
      await repository.placeBooking(tx, waiting.id, slotId, 'booked');
      booked += 1;
      const lockGrant = await grantLock(tx, tenantId, slot, waiting.id);
      await repository.syncLeadViewing(tx, waiting.id);
      const token = await deps.links.currentToken(tx, tenantId, PURPOSE, waiting.leadId);
      if (waiting.leadEmail) {
        await queueLeadMail(
          tx,
          tenantId,
          { id: waiting.leadId, email: waiting.leadEmail },
          {
            ...confirmationMail(
              waiting.leadEmail,
              facts(companyName, listing, slot, waiting.id, lockGrant),
              token ? bookingUrl(token) : deps.publicUrl(),
              true,
            ),
            sentBy: null,
            personalLinks: token ? [bookingUrl(token)] : [],
          },
        );
      }
    }
  }

  /** The invited lead and their listing, locked; a lead no longer in the race makes the link void. */
  async function inviteeOf(tx: Queryable, link: OpenedLink) {
    const lead = await repository.lockLead(tx, link.subjectId);
    if (!lead) throw linkInvalid();
    if (CLOSED_STATUSES.includes(lead.status) || !lead.listingId) throw linkRevoked();
    const listing = await listings.findListing(tx, lead.listingId);
    if (!listing || listing.status !== 'aktiv') throw linkRevoked();
    return { lead, listing, companyName: await repository.companyName(tx, link.tenantId) };
  }

  async function stateOf(tx: Queryable, link: OpenedLink, invitee: Awaited<ReturnType<typeof inviteeOf>>): Promise<ViewingBookingState> {
    const { lead, listing, companyName } = invitee;
    const slots = await repository.listSlots(tx, listing.id, clock.now());
    const booking = await repository.activeBookingOf(tx, lead.id);
    const bookedSlot = booking && (slots.find((slot) => slot.id === booking.slotId) ?? (await repository.findSlot(tx, booking.slotId)));
    return {
      company: { name: companyName },
      listing: { title: listing.title, address: { street: listing.street, postalCode: listing.postalCode, city: listing.city } },
      invitee: { name: lead.name },
      linkExpiresAt: iso(link.expiresAt),
      booking:
        booking && bookedSlot
          ? {
              slotId: booking.slotId,
              status: booking.status,
              startsAt: iso(bookedSlot.startsAt),
              endsAt: iso(endOf(bookedSlot)),
              note: bookedSlot.note,
              waitlistPosition: booking.status === 'waitlisted' ? await repository.waitlistPosition(tx, booking.id) : null,
              lockGrant: grantView(booking),
            }
          : null,
      slots: slots.map((slot) => ({
        id: slot.id,
        startsAt: iso(slot.startsAt),
        endsAt: iso(endOf(slot)),
        durationMinutes: slot.durationMinutes,
        note: slot.note,
        capacity: slot.capacity,
        free: Math.max(0, slot.capacity - slot.booked),
        waitlisted: slot.waitlisted,
      })),
    };
  }

  return {
    // Staff ----------------------------------------------------------------------------------------------

    async listSlots(ctx: TenantContext, listingId: string) {
      return withTenant(db, ctx, async (tx) => {
        if (!(await listings.findListing(tx, listingId))) throw listingNotFound();
        const slots = await repository.listSlots(tx, listingId);
        const bookings = await repository.listBookings(
          tx,
          slots.map((slot) => slot.id),
        );
        return { items: slots.map((slot) => toSlot(slot, bookings)) };
      });
    },

    async createSlot(
      ctx: TenantContext,
      listingId: string,
      input: { startsAt: string; durationMinutes: number; capacity: number; note: string; smartLock: boolean },
    ) {
      const startsAt = new Date(input.startsAt);
      if (startsAt <= clock.now()) throw pastSlot();
      return withTenant(db, ctx, async (tx) => {
        const listing = await listings.findListing(tx, listingId);
        if (!listing) throw listingNotFound();
        if (listing.status !== 'aktiv') {
          throw new AppError(409, 'viewing_slot_unavailable', 'Das Inserat ist vermietet: Besichtigungstermine gibt es dafür nicht mehr.');
        }
        const id = await repository.insertSlot(tx, { ...input, startsAt, tenantId: ctx.tenantId, listingId, createdBy: ctx.accountId });
        return toSlot((await repository.findSlot(tx, id))!, []);
      });
    },

    async cancelSlot(ctx: TenantContext, slotId: string) {
      await withTenant(db, ctx, async (tx) => {
        if (!(await repository.findSlot(tx, slotId))) throw slotMissing();
        await repository.lockSlots(tx, [slotId]);
        const slot = (await repository.findSlot(tx, slotId))!;
        if (slot.booked + slot.waitlisted > 0) {
          throw new AppError(
            409,
            'viewing_slot_has_bookings',
            'Für diesen Termin gibt es Buchungen oder eine Warteliste. Bitte sagen Sie ihn den Personen zuerst ab.',
          );
        }
        await repository.cancelSlot(tx, slotId);
      });
    },

    /** Mails the lead a signed link to book a slot of their listing; an earlier link of the lead stops working. */
    async invite(ctx: TenantContext, leadId: string, validDays: number) {
      return withTenant(db, ctx, async (tx) => {
        const lead = await repository.lockLead(tx, leadId);
        if (!lead) throw leadNotFound();
        if (CLOSED_STATUSES.includes(lead.status)) {
          throw new AppError(409, 'lead_closed', 'Dieser Interessent ist angenommen oder abgelehnt: keine Besichtigung mehr.');
        }
        if (!lead.listingId) throw new AppError(409, 'lead_without_listing', 'Bitte ordnen Sie den Interessenten zuerst einem Inserat zu.');
        if (!lead.email) throw new AppError(409, 'lead_without_email', 'Für diesen Interessenten ist keine E-Mail-Adresse bekannt.');
        const listing = await listings.findListing(tx, lead.listingId);
        if (!listing) throw listingNotFound();
        await links.revokeLinksOf(tx, PURPOSE, leadId);
        const issued = await deps.links.issue(tx, {
          tenantId: ctx.tenantId,
          purpose: PURPOSE,
          subjectId: leadId,
          validForMs: validDays * 86_400_000,
          createdBy: ctx.accountId,
        });
        const url = bookingUrl(issued.token);
        await queueLeadMail(
          tx,
          ctx.tenantId,
          { id: lead.id, email: lead.email },
          {
            sentBy: ctx.accountId,
            ...invitationMail(lead.email, {
              name: lead.name,
              companyName: await repository.companyName(tx, ctx.tenantId),
              listingTitle: listing.title,
              address: { street: listing.street, postalCode: listing.postalCode, city: listing.city },
              link: url,
              expiresAt: issued.expiresAt,
            }),
            personalLinks: [url],
          },
        );
        return { linkId: issued.linkId, url, expiresAt: iso(issued.expiresAt), sentTo: lead.email };
      });
    },

    // The invited person, through the signed link ---------------------------------------------------------

    state: (token: string | undefined) => deps.links.open(token, PURPOSE, async (tx, link) => stateOf(tx, link, await inviteeOf(tx, link))),

    /** Books the slot, moves the booking there, or (asked for, when full) puts the person on its waitlist. */
    book(token: string | undefined, input: { slotId: string; waitlist: boolean } & BookViewingInput) {
      return deps.links.open(token, PURPOSE, async (tx, link) => {
        const invitee = await inviteeOf(tx, link);
        const { lead, listing, companyName } = invitee;
        const before = await repository.activeBookingOf(tx, lead.id);
        const target = await repository.findSlot(tx, input.slotId);
        if (!target || target.listingId !== listing.id) throw slotMissing();
        await repository.lockSlots(tx, [input.slotId, ...(before ? [before.slotId] : [])]);
        const slot = (await repository.findSlot(tx, input.slotId))!;
        if (slot.cancelledAt || slot.startsAt <= clock.now()) throw slotUnavailable();
        const current = await repository.activeBookingOf(tx, lead.id);
        if (current?.slotId === slot.id && (current.status === 'booked' || input.waitlist)) return stateOf(tx, link, invitee);
        const free = slot.capacity - (await repository.bookedCount(tx, slot.id));
        const status = free > 0 ? 'booked' : input.waitlist ? 'waitlisted' : undefined;
        if (!status) throw slotFull();
        let bookingId: string;
        if (current) {
          await revokeLock(link.tenantId, current);
          await repository.placeBooking(tx, current.id, slot.id, status);
          bookingId = current.id;
          if (current.status === 'booked' && current.slotId !== slot.id) {
            await promoteWaitlist(tx, link.tenantId, current.slotId, listing, companyName);
          }
        } else {
          bookingId = await repository.insertBooking(tx, { tenantId: link.tenantId, slotId: slot.id, leadId: lead.id, status });
        }
        const token_ = token!.trim();
        if (status === 'booked') {
          const lockGrant = await grantLock(tx, link.tenantId, slot, bookingId);
          await repository.syncLeadViewing(tx, bookingId);
          if (lead.email) {
            await queueLeadMail(
              tx,
              link.tenantId,
              { id: lead.id, email: lead.email },
              {
                ...confirmationMail(lead.email, facts(companyName, listing, slot, bookingId, lockGrant), bookingUrl(token_)),
                sentBy: null,
                personalLinks: [bookingUrl(token_)],
              },
            );
          }
        } else {
          await repository.syncLeadViewing(tx, bookingId);
        }
        if (status === 'waitlisted' && lead.email) {
          const position = await repository.waitlistPosition(tx, bookingId);
          await queueLeadMail(
            tx,
            link.tenantId,
            { id: lead.id, email: lead.email },
            {
              ...waitlistMail(lead.email, facts(companyName, listing, slot, bookingId), position, bookingUrl(token_)),
              sentBy: null,
              personalLinks: [bookingUrl(token_)],
            },
          );
        }
        return stateOf(tx, link, invitee);
      });
    },

    /** Cancels the booking or waitlist entry; a freed place goes to the waitlist. */
    cancel(token: string | undefined) {
      return deps.links.open(token, PURPOSE, async (tx, link) => {
        const invitee = await inviteeOf(tx, link);
        const { lead, listing, companyName } = invitee;
        const before = await repository.activeBookingOf(tx, lead.id);
        if (!before) throw notFound('Sie haben keinen Termin gebucht.');
        await repository.lockSlots(tx, [before.slotId]);
        const current = (await repository.activeBookingOf(tx, lead.id))!;
        const slot = (await repository.findSlot(tx, current.slotId))!;
        if (slot.startsAt <= clock.now()) throw slotUnavailable();
        await revokeLock(link.tenantId, current);
        await repository.placeBooking(tx, current.id, current.slotId, 'cancelled');
        await repository.syncLeadViewing(tx, current.id);
        if (current.status === 'booked') await promoteWaitlist(tx, link.tenantId, current.slotId, listing, companyName);
        if (lead.email) {
          await queueLeadMail(
            tx,
            link.tenantId,
            { id: lead.id, email: lead.email },
            {
              ...cancellationMail(lead.email, facts(companyName, listing, slot, current.id), bookingUrl(token!.trim())),
              sentBy: null,
              personalLinks: [bookingUrl(token!.trim())],
            },
          );
        }
        return stateOf(tx, link, invitee);
      });
    },

    /** The booked viewing as an ICS file. */
    calendar(token: string | undefined) {
      return deps.links.open(token, PURPOSE, async (tx, link) => {
        const { lead, listing, companyName } = await inviteeOf(tx, link);
        const booking = await repository.activeBookingOf(tx, lead.id);
        if (booking?.status !== 'booked') throw notFound('Sie haben keinen gebuchten Termin.');
        const slot = (await repository.findSlot(tx, booking.slotId))!;
        return viewingCalendar(
          facts(
            companyName,
            listing,
            slot,
            booking.id,
            grantView(booking) && { from: booking.lockGrantFrom!, until: booking.lockGrantUntil! },
          ),
        );
      });
    },
  };
}

export type ViewingUseCases = ReturnType<typeof createViewingUseCases>;
