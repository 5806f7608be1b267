import type { Queryable } from '../db/database.ts';

/** SQL of viewing slots and bookings. Every function runs in the caller's transaction and scope. */

export interface SlotRow {
  id: string;
  listingId: string;
  startsAt: Date;
  durationMinutes: number;
  capacity: number;
  note: string;
  smartLock: boolean;
  cancelledAt: Date | null;
  booked: number;
  waitlisted: number;
}

export interface BookingRow {
  id: string;
  slotId: string;
  leadId: string;
  leadName: string;
  leadEmail: string | null;
  status: 'booked' | 'waitlisted';
  since: Date;
  lockGrantFrom: Date | null;
  lockGrantUntil: Date | null;
  lockGrantReference: string | null;
}

const SLOT_SELECT = `
  SELECT s.id, s.listing_id AS "listingId", s.starts_at AS "startsAt", s.duration_minutes AS "durationMinutes", s.capacity,
         s.note, s.smart_lock AS "smartLock", s.cancelled_at AS "cancelledAt",
         (SELECT count(*) FROM viewing_bookings b WHERE b.tenant_id = s.tenant_id AND b.slot_id = s.id AND b.status = 'booked')::int AS booked,
         (SELECT count(*) FROM viewing_bookings b WHERE b.tenant_id = s.tenant_id AND b.slot_id = s.id AND b.status = 'waitlisted')::int AS waitlisted
    FROM viewing_slots s`;

const BOOKING_SELECT = `
  SELECT b.id, b.slot_id AS "slotId", b.lead_id AS "leadId", l.name AS "leadName", l.email AS "leadEmail", b.status, b.updated_at AS since,
         b.lock_grant_from AS "lockGrantFrom", b.lock_grant_until AS "lockGrantUntil", b.lock_grant_reference AS "lockGrantReference"
    FROM viewing_bookings b JOIN leads l ON l.tenant_id = b.tenant_id AND l.id = b.lead_id`;

// PGlite and node-postgres both read timestamptz as Date; this keeps it so for any driver.
const asDate = (value: Date | string | null): Date | null => (value === null ? null : new Date(value));
const slot = (row: SlotRow): SlotRow => ({ ...row, startsAt: asDate(row.startsAt)!, cancelledAt: asDate(row.cancelledAt) });
const booking = (row: BookingRow): BookingRow => ({
  ...row,
  since: asDate(row.since)!,
  lockGrantFrom: asDate(row.lockGrantFrom),
  lockGrantUntil: asDate(row.lockGrantUntil),
});

export async function insertSlot(
  tx: Queryable,
  input: {
    tenantId: string;
    listingId: string;
    startsAt: Date;
    durationMinutes: number;
    capacity: number;
    note: string;
    smartLock: boolean;
    createdBy: string;
  },
): Promise<string> {
  const { rows } = await tx.query<{ id: string }>(
    `INSERT INTO viewing_slots (tenant_id, listing_id, starts_at, duration_minutes, capacity, note, smart_lock, created_by)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id`,
    [input.tenantId, input.listingId, input.startsAt, input.durationMinutes, input.capacity, input.note, input.smartLock, input.createdBy],
  );
  return rows[0].id;
}

export async function findSlot(tx: Queryable, slotId: string): Promise<SlotRow | undefined> {
  const { rows } = await tx.query<SlotRow>(`${SLOT_SELECT} WHERE s.id = $1`, [slotId]);
  return rows[0] && slot(rows[0]);
}

/** Locks slots (in id order, so two requests never wait on each other crosswise): their places are counted after it. */
export async function lockSlots(tx: Queryable, slotIds: string[]): Promise<void> {
  const ids = [...new Set(slotIds)].sort();
  if (ids.length) await tx.query(`SELECT id FROM viewing_slots WHERE id = ANY($1::uuid[]) ORDER BY id FOR UPDATE`, [ids]);
}

/** The listing's slots that are not withdrawn, earliest first; `from`: only those starting after it. */
export async function listSlots(tx: Queryable, listingId: string, from?: Date): Promise<SlotRow[]> {
  const { rows } = await tx.query<SlotRow>(
    `${SLOT_SELECT} WHERE s.listing_id = $1 AND s.cancelled_at IS NULL AND ($2::timestamptz IS NULL OR s.starts_at > $2)
      ORDER BY s.starts_at, s.id`,
    [listingId, from ?? null],
  );
  return rows.map(slot);
}

export async function cancelSlot(tx: Queryable, slotId: string): Promise<void> {
  await tx.query(`UPDATE viewing_slots SET cancelled_at = now() WHERE id = $1`, [slotId]);
}

/** Active bookings and waitlist entries of the slots, each slot's in order (booked first, then the waitlist by time). */
export async function listBookings(tx: Queryable, slotIds: string[]): Promise<BookingRow[]> {
  if (!slotIds.length) return [];
  const { rows } = await tx.query<BookingRow>(
    `${BOOKING_SELECT} WHERE b.slot_id = ANY($1::uuid[]) AND b.status IN ('booked', 'waitlisted')
      ORDER BY b.slot_id, b.status, b.updated_at, b.id`,
    [slotIds],
  );
  return rows.map(booking);
}

/** The lead's active booking or waitlist entry. */
export async function activeBookingOf(tx: Queryable, leadId: string): Promise<BookingRow | undefined> {
  const { rows } = await tx.query<BookingRow>(`${BOOKING_SELECT} WHERE b.lead_id = $1 AND b.status IN ('booked', 'waitlisted')`, [leadId]);
  return rows[0] && booking(rows[0]);
}

/** 1 for the first waiting person of the slot. */
export async function waitlistPosition(tx: Queryable, bookingId: string): Promise<number> {
  const { rows } = await tx.query<{ position: number }>(
    `SELECT count(*)::int AS position FROM viewing_bookings w, viewing_bookings b
      WHERE b.id = $1 AND w.tenant_id = b.tenant_id AND w.slot_id = b.slot_id AND w.status = 'waitlisted'
        AND (w.updated_at, w.id) <= (b.updated_at, b.id)`,
    [bookingId],
  );
  return rows[0].position;
}

export async function insertBooking(
  tx: Queryable,
  input: { tenantId: string; slotId: string; leadId: string; status: 'booked' | 'waitlisted' },
): Promise<string> {
  const { rows } = await tx.query<{ id: string }>(
    `INSERT INTO viewing_bookings (tenant_id, slot_id, lead_id, status) VALUES ($1, $2, $3, $4) RETURNING id`,
    [input.tenantId, input.slotId, input.leadId, input.status],
  );
  return rows[0].id;
}

/** Moves a booking to a slot and status (its place in a waitlist counts from now); the lock grant is cleared. */
export async function placeBooking(tx: Queryable, bookingId: string, slotId: string, status: 'booked' | 'waitlisted' | 'cancelled') {
  await tx.query(
    `UPDATE viewing_bookings SET slot_id = $2, status = $3, updated_at = clock_timestamp(),
            lock_grant_from = NULL, lock_grant_until = NULL, lock_grant_reference = NULL
      WHERE id = $1`,
    [bookingId, slotId, status],
  );
}

export async function setLockGrant(tx: Queryable, bookingId: string, grant: { from: Date; until: Date; reference: string }) {
  await tx.query(`UPDATE viewing_bookings SET lock_grant_from = $2, lock_grant_until = $3, lock_grant_reference = $4 WHERE id = $1`, [
    bookingId,
    grant.from,
    grant.until,
    grant.reference,
  ]);
}

/** The first waiting entry of the slot, or undefined. */
export async function firstWaiting(tx: Queryable, slotId: string): Promise<BookingRow | undefined> {
  const { rows } = await tx.query<BookingRow>(
    `${BOOKING_SELECT} WHERE b.slot_id = $1 AND b.status = 'waitlisted' ORDER BY b.updated_at, b.id LIMIT 1`,
    [slotId],
  );
  return rows[0] && booking(rows[0]);
}

/** Counts of the slot's places, read after its lock. */
export async function bookedCount(tx: Queryable, slotId: string): Promise<number> {
  const { rows } = await tx.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM viewing_bookings WHERE slot_id = $1 AND status = 'booked'`,
    [slotId],
  );
  return rows[0].n;
}

export interface InviteeRow {
  id: string;
  name: string;
  email: string | null;
  status: string;
  listingId: string | null;
}

/** The lead, locked: one lead's requests run one after another (a double click cannot book two places). */
export async function lockLead(tx: Queryable, leadId: string): Promise<InviteeRow | undefined> {
  const { rows } = await tx.query<InviteeRow>(
    `SELECT id, name, email, status, listing_id AS "listingId" FROM leads WHERE id = $1 FOR UPDATE`,
    [leadId],
  );
  return rows[0];
}

export async function companyName(tx: Queryable, tenantId: string): Promise<string> {
  const { rows } = await tx.query<{ name: string }>(`SELECT name FROM tenants WHERE id = $1`, [tenantId]);
  return rows[0]?.name ?? '';
}

/**
 * Mirrors the booking in the lead's viewings (`lead_viewings`, what the move to `besichtigt` reads): booked → the
 * slot's time, note and lock window (inserted or updated); anything else → removed (a function of its own: the app
 * role deletes no viewing). Planned by the slot's clerk.
 */
export async function syncLeadViewing(tx: Queryable, bookingId: string): Promise<void> {
  await tx.query(
    `INSERT INTO lead_viewings (tenant_id, lead_id, starts_at, duration_minutes, note, created_by, viewing_booking_id,
                                lock_grant_from, lock_grant_until, lock_grant_ref)
     SELECT b.tenant_id, b.lead_id, s.starts_at, s.duration_minutes, nullif(s.note, ''), s.created_by, b.id,
            b.lock_grant_from, b.lock_grant_until, b.lock_grant_reference
       FROM viewing_bookings b JOIN viewing_slots s ON s.tenant_id = b.tenant_id AND s.id = b.slot_id
      WHERE b.id = $1 AND b.status = 'booked' AND s.created_by IS NOT NULL
     ON CONFLICT (viewing_booking_id) DO UPDATE
        SET starts_at = EXCLUDED.starts_at, duration_minutes = EXCLUDED.duration_minutes, note = EXCLUDED.note,
            created_by = EXCLUDED.created_by, lock_grant_from = EXCLUDED.lock_grant_from,
            lock_grant_until = EXCLUDED.lock_grant_until, lock_grant_ref = EXCLUDED.lock_grant_ref`,
    [bookingId],
  );
  await tx.query(`SELECT lead_viewings_unmirror($1)`, [bookingId]);
}
