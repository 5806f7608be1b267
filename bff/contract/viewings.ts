import { z } from 'zod';
import { id, idParams, optionalText, timestamp } from './common.ts';
import { operation } from './operation.ts';

/**
 * Viewings with self-service slots (docs/leads.md, "Viewings and signed links"): clerks offer slots for a listing
 * and invite leads; an invited person books, moves or cancels a slot, or joins its waitlist, through the signed link
 * of the invitation mail (`X-Link-Token` header), without an account. Signed links are one mechanism for every
 * purpose; staff revoke them here.
 */

const tag = 'Besichtigungen';

export const VIEWING_BOOKING_STATUSES = ['booked', 'waitlisted'] as const;

/** The header that carries a signed link's token (never in a path or query: addresses end up in logs). */
export const LINK_TOKEN_HEADER = 'x-link-token';
const linkHeaders = z.object({
  'X-Link-Token': z.string().meta({ description: 'Das Token des signierten Links aus der E-Mail (nach `#token=`)' }),
});

export const viewingSlotInput = z
  .object({
    startsAt: z.iso.datetime({ offset: true, error: 'Beginn als Zeitpunkt mit Zeitzone erwartet, z. B. 2026-05-04T17:00:00+02:00.' }),
    durationMinutes: z
      .number({ error: 'Dauer in Minuten als Zahl, z. B. 30.' })
      .int('Dauer in ganzen Minuten.')
      .min(5, 'Mindestens 5 Minuten.')
      .max(480, 'Höchstens 8 Stunden.')
      .default(30),
    capacity: z
      .number({ error: 'Plätze als Zahl, z. B. 1 oder 8 für eine Gruppenbesichtigung.' })
      .int('Plätze als ganze Zahl.')
      .min(1, 'Mindestens ein Platz.')
      .max(100, 'Höchstens 100 Plätze.')
      .default(1),
    /** Shown to the invited people and in their confirmation (meeting point, bell, parking). */
    note: optionalText(1000).default(''),
    /** A booking gets a time-limited grant of the smart lock (when one is connected). */
    smartLock: z.boolean({ error: 'smartLock: true oder false.' }).default(false),
  })
  .meta({ id: 'ViewingSlotInput' });

const lockGrant = z.object({ from: timestamp, until: timestamp }).nullable();

export const viewingSlotBooking = z
  .object({
    id,
    leadId: id,
    leadName: z.string(),
    status: z.enum(VIEWING_BOOKING_STATUSES),
    /** When it entered this slot (the waitlist's order). */
    since: timestamp,
    /** The smart-lock grant window, when the slot has one and the lock granted it. */
    lockGrant,
  })
  .meta({ id: 'ViewingSlotBooking' });

export const viewingSlot = z
  .object({
    id,
    listingId: id,
    startsAt: timestamp,
    endsAt: timestamp,
    durationMinutes: z.number().int(),
    capacity: z.number().int(),
    note: z.string(),
    smartLock: z.boolean(),
    booked: z.number().int(),
    waitlisted: z.number().int(),
    bookings: z.array(viewingSlotBooking),
  })
  .meta({ id: 'ViewingSlot' });
export type ViewingSlot = z.output<typeof viewingSlot>;

/** One slot as an invited person sees it: no other person's name. */
export const publicViewingSlot = z
  .object({
    id,
    startsAt: timestamp,
    endsAt: timestamp,
    durationMinutes: z.number().int(),
    note: z.string(),
    capacity: z.number().int(),
    free: z.number().int(),
    waitlisted: z.number().int(),
  })
  .meta({ id: 'PublicViewingSlot' });
export type PublicViewingSlot = z.output<typeof publicViewingSlot>;

export const viewingBookingState = z
  .object({
    company: z.object({ name: z.string() }),
    listing: z.object({
      title: z.string(),
      address: z.object({ street: z.string(), postalCode: z.string(), city: z.string() }),
    }),
    invitee: z.object({ name: z.string() }),
    /** Until when the link works. */
    linkExpiresAt: timestamp,
    booking: z
      .object({
        slotId: id,
        status: z.enum(VIEWING_BOOKING_STATUSES),
        startsAt: timestamp,
        endsAt: timestamp,
        note: z.string(),
        /** 1 for the first on the waitlist; null when booked. */
        waitlistPosition: z.number().int().nullable(),
        lockGrant,
      })
      .nullable(),
    /** Upcoming slots, earliest first (the own one included). */
    slots: z.array(publicViewingSlot),
  })
  .meta({ id: 'ViewingBookingState' });
export type ViewingBookingState = z.output<typeof viewingBookingState>;

export const bookViewingInput = z
  .object({
    slotId: z.uuid({ error: 'Bitte einen Termin auswählen.' }),
    /** When the slot is full: join its waitlist instead of being refused with `slot_full`. */
    waitlist: z.boolean({ error: 'waitlist: true oder false.' }).default(false),
  })
  .meta({ id: 'BookViewingInput' });
export type BookViewingInput = z.input<typeof bookViewingInput>;

export const viewingInvitationInput = z.object({
  /** How long the link works, in days (default 14). */
  validDays: z
    .number({ error: 'Gültigkeit in Tagen als Zahl.' })
    .int()
    .min(1, 'Mindestens 1 Tag.')
    .max(60, 'Höchstens 60 Tage.')
    .default(14),
});

export const viewingInvitation = z
  .object({
    linkId: id,
    /** The link as mailed (the token after `#token=`): for the clerk to pass on by another way if needed. */
    url: z.string(),
    expiresAt: timestamp,
    sentTo: z.string(),
  })
  .meta({ id: 'ViewingInvitation' });

export const viewingOperations = {
  listViewingSlots: operation({
    operationId: 'listViewingSlots',
    method: 'get',
    path: '/staff/listings/:id/viewing-slots',
    summary: 'Besichtigungstermine eines Inserats mit Buchungen und Warteliste (ohne abgesagte)',
    tag,
    access: 'staff',
    params: idParams,
    response: z.object({ items: z.array(viewingSlot) }),
  }),
  createViewingSlot: operation({
    operationId: 'createViewingSlot',
    method: 'post',
    path: '/staff/listings/:id/viewing-slots',
    summary: 'Besichtigungstermin anbieten (Beginn, Dauer, Plätze für Gruppenbesichtigungen, Hinweis)',
    tag,
    access: 'staff',
    params: idParams,
    body: viewingSlotInput,
    response: viewingSlot,
    status: 201,
  }),
  cancelViewingSlot: operation({
    operationId: 'cancelViewingSlot',
    method: 'delete',
    path: '/staff/viewing-slots/:id',
    summary: 'Besichtigungstermin zurückziehen (nur ohne Buchungen und Warteliste)',
    tag,
    access: 'staff',
    params: idParams,
  }),
  inviteLeadToViewing: operation({
    operationId: 'inviteLeadToViewing',
    method: 'post',
    path: '/staff/leads/:id/viewing-invitation',
    summary: 'Interessenten zur Terminbuchung einladen: E-Mail mit signiertem Link (ersetzt einen früheren Link)',
    tag,
    access: 'staff',
    params: idParams,
    body: viewingInvitationInput,
    response: viewingInvitation,
    status: 201,
  }),
  revokeSignedLink: operation({
    operationId: 'revokeSignedLink',
    method: 'delete',
    path: '/staff/signed-links/:id',
    summary: 'Signierten Link widerrufen (er gilt ab sofort nicht mehr)',
    tag,
    access: 'staff',
    params: idParams,
  }),
  viewingBooking: operation({
    operationId: 'viewingBooking',
    method: 'get',
    path: '/viewing-booking',
    summary: 'Öffentlich, mit signiertem Link: Inserat, angebotene Termine mit freien Plätzen, die eigene Buchung',
    tag,
    access: 'public',
    headers: linkHeaders,
    response: viewingBookingState,
  }),
  bookViewing: operation({
    operationId: 'bookViewing',
    method: 'put',
    path: '/viewing-booking/booking',
    summary: 'Öffentlich, mit signiertem Link: Termin buchen oder verlegen, oder auf die Warteliste',
    tag,
    access: 'public',
    headers: linkHeaders,
    body: bookViewingInput,
    response: viewingBookingState,
  }),
  cancelViewing: operation({
    operationId: 'cancelViewing',
    method: 'delete',
    path: '/viewing-booking/booking',
    summary: 'Öffentlich, mit signiertem Link: Termin absagen (der Platz geht an die Warteliste)',
    tag,
    access: 'public',
    headers: linkHeaders,
    response: viewingBookingState,
  }),
  viewingBookingCalendar: operation({
    operationId: 'viewingBookingCalendar',
    method: 'get',
    path: '/viewing-booking/booking.ics',
    summary: 'Öffentlich, mit signiertem Link: der gebuchte Termin als Kalenderdatei (ICS)',
    tag,
    access: 'public',
    headers: linkHeaders,
    file: true,
  }),
};
