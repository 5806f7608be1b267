/**
 * Port to a smart lock at the flat (Nuki, Salto, a relay of the housing company's access system): a viewing of a
 * slot with `smartLock`, or a viewing a clerk planned with it, gets a time-limited grant for its window, stored with
 * the booking or viewing; moving or cancelling a booking revokes it. Without an adapter nothing is granted (`noSmartLock`): the clerk lets people in.
 */
export interface SmartLockGrantRequest {
  tenantId: string;
  listingId: string;
  /** The booking of a slot, or the viewing a clerk planned for one lead. */
  viewingId: string;
  from: Date;
  until: Date;
}

export interface SmartLock {
  /** A grant for the window: its reference at the lock's side, or null when this lock grants nothing. */
  grant(request: SmartLockGrantRequest): Promise<{ reference: string } | null>;
  revoke(request: { tenantId: string; reference: string }): Promise<void>;
}

/** The default: no lock connected, no grant. */
export const noSmartLock: SmartLock = {
  grant: async () => null,
  revoke: async () => undefined,
};

/** Opens 15 minutes before the viewing and closes 15 minutes after its end. */
export const GRANT_MARGIN_MS = 15 * 60_000;

export function grantWindow(startsAt: Date, durationMinutes: number): { from: Date; until: Date } {
  return {
    from: new Date(startsAt.getTime() - GRANT_MARGIN_MS),
    until: new Date(startsAt.getTime() + durationMinutes * 60_000 + GRANT_MARGIN_MS),
  };
}
