import type { ErrorCode } from '../../bff/contract/errors.ts';
import type { PublicViewingSlot, ViewingBookingState } from '../internal/viewing-booking-api.ts';
import { error, json, type FakeRoute } from './fake-bff.ts';

/** The link refusals a fake can answer with, as the BFF does (bff/signed-links/signed-links.ts). */
export const LINK_REFUSALS = {
  link_missing: [401, 'Der Link ist unvollständig. Bitte öffnen Sie den Link aus Ihrer E-Mail vollständig.'],
  link_invalid: [401, 'Dieser Link ist ungültig oder wurde verändert. Bitte öffnen Sie den Link aus Ihrer E-Mail.'],
  link_wrong_purpose: [403, 'Dieser Link ist für einen anderen Zweck bestimmt und gilt hier nicht.'],
  link_expired: [410, 'Dieser Link ist abgelaufen. Bitte bitten Sie Ihre Hausverwaltung um einen neuen Link.'],
  link_revoked: [410, 'Dieser Link gilt nicht mehr. Bitte wenden Sie sich an Ihre Hausverwaltung.'],
  link_used: [410, 'Dieser Link wurde bereits verwendet und gilt nur einmal.'],
} as const satisfies Partial<Record<ErrorCode, readonly [number, string]>>;
export type LinkRefusal = keyof typeof LINK_REFUSALS;

export interface FakeSlot {
  id: string;
  startsAt: string;
  durationMinutes?: number;
  capacity: number;
  note?: string;
  /** Places booked by other people. */
  bookedByOthers?: number;
  /** Other people on the waitlist. */
  waitingOthers?: number;
}

export interface FakeViewingBookingOptions {
  /** The token the fake accepts; any other is `link_invalid`. */
  token?: string;
  /** Every request of the link answers this refusal (expired, revoked, …). */
  refuse?: LinkRefusal;
  slots?: FakeSlot[];
  /** The person's booking at the start. */
  booking?: { slotId: string; status: 'booked' | 'waitlisted' };
  /** Extra delay of each answer in ms. */
  latency?: number;
  /** The next booking request finds the slot full (someone else was faster). */
  loseNextRace?: boolean;
  linkExpiresAt?: string;
}

export const FAKE_VIEWING_TOKEN = 'v1.ZmFrZQ.c2lnbmF0dXJl';

/** Slots from tomorrow on at 17:00 and 18:00 Berlin time, as a clerk would offer them. */
export function fakeViewingSlots(): FakeSlot[] {
  const day = (days: number, hourUtc: number) => {
    const date = new Date(Date.UTC(2030, 3, 1 + days, hourUtc, 0, 0));
    return date.toISOString();
  };
  return [
    {
      id: '5a1c0000-0000-4000-8000-000000000001',
      startsAt: day(1, 15),
      durationMinutes: 30,
      capacity: 1,
      note: 'Bitte bei „Hausverwaltung“ klingeln.',
    },
    {
      id: '5a1c0000-0000-4000-8000-000000000002',
      startsAt: day(1, 16),
      durationMinutes: 45,
      capacity: 8,
      note: 'Gruppenbesichtigung, Treffpunkt vor dem Haus.',
      bookedByOthers: 5,
    },
    {
      id: '5a1c0000-0000-4000-8000-000000000003',
      startsAt: day(2, 15),
      durationMinutes: 30,
      capacity: 1,
      bookedByOthers: 1,
      waitingOthers: 2,
    },
  ];
}

/**
 * The invited person's side of viewings in memory, for tests and stories: `new FakeBff({ routes: fake.routes })`.
 * It books, moves, cancels and waits as the BFF does (places counted, a freed place goes to the first waiting)
 * and refuses a wrong token or a void link with the BFF's codes and words.
 */
export class FakeViewingBooking {
  readonly token: string;
  slots: FakeSlot[];
  booking?: { slotId: string; status: 'booked' | 'waitlisted' };
  refuse?: LinkRefusal;
  loseNextRace: boolean;
  calendarDownloads = 0;

  constructor(private readonly options: FakeViewingBookingOptions = {}) {
    this.token = options.token ?? FAKE_VIEWING_TOKEN;
    this.slots = structuredClone(options.slots ?? fakeViewingSlots());
    this.booking = options.booking && { ...options.booking };
    this.refuse = options.refuse;
    this.loseNextRace = options.loseNextRace ?? false;
  }

  private bookedIn(slot: FakeSlot) {
    return (slot.bookedByOthers ?? 0) + (this.booking?.slotId === slot.id && this.booking.status === 'booked' ? 1 : 0);
  }

  state(): ViewingBookingState {
    const endOf = (slot: FakeSlot) => new Date(Date.parse(slot.startsAt) + (slot.durationMinutes ?? 30) * 60_000).toISOString();
    const slots: PublicViewingSlot[] = this.slots.map((slot) => ({
      id: slot.id,
      startsAt: slot.startsAt,
      endsAt: endOf(slot),
      durationMinutes: slot.durationMinutes ?? 30,
      note: slot.note ?? '',
      capacity: slot.capacity,
      free: Math.max(0, slot.capacity - this.bookedIn(slot)),
      waitlisted: (slot.waitingOthers ?? 0) + (this.booking?.slotId === slot.id && this.booking.status === 'waitlisted' ? 1 : 0),
    }));
    const own = this.booking && this.slots.find((slot) => slot.id === this.booking!.slotId);
    return {
      company: { name: 'Wohnbau Nord eG' },
      listing: { title: '3-Zimmer-Wohnung mit Balkon', address: { street: 'Lindenallee 12', postalCode: '20259', city: 'Hamburg' } },
      invitee: { name: 'Jana Beispiel' },
      linkExpiresAt: this.options.linkExpiresAt ?? '2030-04-14T21:59:00.000Z',
      booking:
        this.booking && own
          ? {
              slotId: own.id,
              status: this.booking.status,
              startsAt: own.startsAt,
              endsAt: endOf(own),
              note: own.note ?? '',
              waitlistPosition: this.booking.status === 'waitlisted' ? (own.waitingOthers ?? 0) + 1 : null,
              lockGrant: null,
            }
          : null,
      slots,
    };
  }

  readonly routes: FakeRoute[] = [
    async (request) => {
      if (!request.path.startsWith('/api/viewing-booking')) return undefined;
      if (this.options.latency) await new Promise((resolve) => setTimeout(resolve, this.options.latency));
      const token = request.headers.get('x-link-token');
      if (!token) return error(401, 'link_missing', LINK_REFUSALS.link_missing[1]);
      if (this.refuse) return error(LINK_REFUSALS[this.refuse][0], this.refuse, LINK_REFUSALS[this.refuse][1]);
      if (token !== this.token) return error(401, 'link_invalid', LINK_REFUSALS.link_invalid[1]);
      const route = `${request.method} ${request.path}`;
      if (route === 'GET /api/viewing-booking') return json(200, this.state());
      if (route === 'PUT /api/viewing-booking/booking') return this.book(String(request.body.slotId), request.body.waitlist === true);
      if (route === 'DELETE /api/viewing-booking/booking') {
        if (!this.booking) return error(404, 'not_found', 'Sie haben keinen Termin gebucht.');
        this.booking = undefined;
        return json(200, this.state());
      }
      if (route === 'GET /api/viewing-booking/booking.ics') {
        if (this.booking?.status !== 'booked') return error(404, 'not_found', 'Sie haben keinen gebuchten Termin.');
        this.calendarDownloads += 1;
        return new Response('BEGIN:VCALENDAR\r\nVERSION:2.0\r\nBEGIN:VEVENT\r\nSUMMARY:Besichtigung\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n', {
          status: 200,
          headers: { 'content-type': 'text/calendar; charset=utf-8' },
        });
      }
      return undefined;
    },
  ];

  private book(slotId: string, waitlist: boolean): Response {
    const slot = this.slots.find((entry) => entry.id === slotId);
    if (!slot) return error(404, 'not_found', 'Diesen Besichtigungstermin gibt es nicht.');
    if (this.loseNextRace) {
      this.loseNextRace = false;
      slot.bookedByOthers = slot.capacity;
    }
    if (this.booking?.slotId === slotId && (this.booking.status === 'booked' || waitlist)) return json(200, this.state());
    const free = slot.capacity - (slot.bookedByOthers ?? 0);
    if (free <= 0 && !waitlist) {
      return error(
        409,
        'slot_full',
        'Dieser Termin ist ausgebucht. Sie können sich auf die Warteliste setzen oder einen anderen Termin wählen.',
        {
          waitlist: true,
        },
      );
    }
    this.booking = { slotId, status: free > 0 ? 'booked' : 'waitlisted' };
    return json(200, this.state());
  }
}
