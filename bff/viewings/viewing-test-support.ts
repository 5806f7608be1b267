import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import type { Database } from '../db/database.ts';
import { withScope } from '../db/scope.ts';
import type { HousingCompany } from '../test/fixtures.ts';
import type { JsonResponse, TestClient } from '../test/harness.ts';

/** Test support of viewings: leads stored as the intake stores them, slots and invitations through the staff API. */

/** An open lead of the listing with a fresh e-mail address (the intake's row, written in the clerk's scope). */
export async function insertLead(db: Database, company: HousingCompany, listingId: string | null, name = 'Jana Beispiel') {
  const email = `lead-${randomBytes(5).toString('hex')}@example.org`;
  const id = await withScope(db, { role: 'clerk', tenantId: company.tenant.id, accountId: company.clerk.id }, async (tx) => {
    const { rows } = await tx.query<{ id: string }>(
      `INSERT INTO leads (tenant_id, listing_id, source, channel, name, email) VALUES ($1, $2, 'manuell', 'manuell', $3, $4) RETURNING id`,
      [company.tenant.id, listingId, name, email],
    );
    return rows[0].id;
  });
  return { id, email, name };
}

/** An hour-aligned time `days` from now (viewings are offered in the future). */
export const inDays = (days: number, hour = 17) => {
  const date = new Date(Date.now() + days * 86_400_000);
  date.setUTCHours(hour, 0, 0, 0);
  return date.toISOString();
};

export async function createSlot(clerk: TestClient, listingId: string, body: Record<string, unknown> = {}) {
  const created = await clerk.post(`/api/staff/listings/${listingId}/viewing-slots`, { startsAt: inDays(3), ...body });
  assert.equal(created.status, 201, JSON.stringify(created.body));
  return created.body as { id: string; startsAt: string; capacity: number };
}

/** Invites the lead; the token of the mailed link. */
export async function invite(clerk: TestClient, leadId: string, body: Record<string, unknown> = {}) {
  const invited = await clerk.post(`/api/staff/leads/${leadId}/viewing-invitation`, body);
  assert.equal(invited.status, 201, JSON.stringify(invited.body));
  const url = invited.body.url as string;
  return {
    ...(invited.body as { linkId: string; url: string; expiresAt: string; sentTo: string }),
    token: url.slice(url.indexOf('#token=') + 7),
  };
}

/** The invited person's requests: the token in X-Link-Token, no session. */
export function asInvitee(client: TestClient, token: string | undefined) {
  const headers: Record<string, string> = token === undefined ? {} : { 'x-link-token': token };
  return {
    state: (): Promise<JsonResponse> => client.request('GET', '/api/viewing-booking', undefined, { headers }),
    book: (slotId: string, waitlist = false): Promise<JsonResponse> =>
      client.request('PUT', '/api/viewing-booking/booking', { slotId, waitlist }, { headers }),
    cancel: (): Promise<JsonResponse> => client.request('DELETE', '/api/viewing-booking/booking', undefined, { headers }),
    calendar: (): Promise<JsonResponse> => client.request('GET', '/api/viewing-booking/booking.ics', undefined, { headers }),
  };
}
