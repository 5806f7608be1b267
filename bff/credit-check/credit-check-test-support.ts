import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import type { Database } from '../db/database.ts';
import { withScope } from '../db/scope.ts';
import type { HousingCompany } from '../test/fixtures.ts';
import type { JsonResponse, TestClient } from '../test/harness.ts';

/** Test support of credit checks: leads in a given stage, the consent request, and the person's requests through the link. */

export async function insertLeadIn(db: Database, company: HousingCompany, listingId: string | null, status: string, name = 'Bea Bonität') {
  const email = `credit-${randomBytes(5).toString('hex')}@example.org`;
  const id = await withScope(db, { role: 'clerk', tenantId: company.tenant.id, accountId: company.clerk.id }, async (tx) => {
    const { rows } = await tx.query<{ id: string }>(
      `INSERT INTO leads (tenant_id, listing_id, status, source, channel, name, email) VALUES ($1, $2, $3, 'manuell', 'manuell', $4, $5) RETURNING id`,
      [company.tenant.id, listingId, status, name, email],
    );
    return rows[0].id;
  });
  return { id, email, name };
}

/** Asks the lead's consent; the token of the mailed link. */
export async function requestConsent(clerk: TestClient, leadId: string, body: Record<string, unknown> = {}) {
  const requested = await clerk.post(`/api/staff/leads/${leadId}/credit-check/consent-request`, body);
  assert.equal(requested.status, 201, JSON.stringify(requested.body));
  const url = requested.body.url as string;
  return {
    ...(requested.body as { linkId: string; url: string; expiresAt: string; sentTo: string }),
    token: url.slice(url.indexOf('#token=') + 7),
  };
}

export const enteredData = {
  birthDate: '1988-04-17',
  address: { street: 'Amselstieg 12', postalCode: '22303', city: 'Hamburg' },
};

/** The person's requests: the token in X-Link-Token, no session. */
export function asPerson(client: TestClient, token: string | undefined) {
  const headers: Record<string, string> = token === undefined ? {} : { 'x-link-token': token };
  return {
    page: (): Promise<JsonResponse> => client.request('GET', '/api/credit-check-consent', undefined, { headers }),
    give: (body: Record<string, unknown> = { consent: true, ...enteredData }): Promise<JsonResponse> =>
      client.request('POST', '/api/credit-check-consent', body, { headers }),
    withdraw: (): Promise<JsonResponse> => client.request('DELETE', '/api/credit-check-consent', undefined, { headers }),
  };
}
