import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import type { HousingCompany } from '../test/fixtures.ts';
import type { JsonResponse, TestClient } from '../test/harness.ts';
import { signStandardWebhook, signXSignature } from './webhook-signature.ts';

/** Test support of the lead pipeline: listings through the staff API, signed webhook requests as a sender makes them. */

export function listingBody(company: HousingCompany, overrides: Record<string, unknown> = {}) {
  return {
    unitId: company.units[0].id,
    title: '3-Zimmer-Wohnung mit Balkon',
    rooms: 3,
    livingArea: 72.5,
    coldRent: 890,
    serviceCharges: 210,
    availableFrom: '2026-05-01',
    commission: 'Provisionsfrei für Mietinteressenten',
    portalIds: [{ provider: 'immoscout24', providerListingId: `IS24-${randomUUID().slice(0, 8)}` }],
    ...overrides,
  };
}

/** A listing created by `clerk` (any staff member), with an IS24 id unless others are given. */
export async function createListing(clerk: TestClient, company: HousingCompany, overrides: Record<string, unknown> = {}) {
  const created = await clerk.post('/api/staff/listings', listingBody(company, overrides));
  assert.equal(created.status, 201, JSON.stringify(created.body));
  return created.body as { id: string; portalIds: Array<{ provider: string; providerListingId: string }> };
}

/** A new webhook secret of `provider` through the admins' API; `value` is the secret itself. */
export async function createWebhookSecret(admin: TestClient, provider: string, secret?: string) {
  const created = await admin.post(`/api/staff/lead-webhooks/${provider}/secrets`, secret ? { secret } : {});
  assert.equal(created.status, 201, JSON.stringify(created.body));
  return created.body as { secret: { id: string; hint: string }; value: string; url: string };
}

export const nowSeconds = () => String(Math.floor(Date.now() / 1000));

export interface Delivery {
  scheme?: 'x-signature' | 'standard-webhooks';
  /** Unix seconds; default now. */
  timestamp?: string;
  /** Standard Webhooks' webhook-id; default a new one. */
  webhookId?: string;
  /** Headers sent as they are (instead of signing). */
  headers?: Record<string, string>;
}

/** A webhook request as a sender makes it: the raw body, signed with `secret` in the chosen scheme. */
export function signedHeaders(secret: string, rawBody: string, delivery: Delivery = {}): Record<string, string> {
  const timestamp = delivery.timestamp ?? nowSeconds();
  if (delivery.scheme === 'standard-webhooks') {
    const webhookId = delivery.webhookId ?? `msg_${randomUUID().replace(/-/g, '')}`;
    return {
      'webhook-id': webhookId,
      'webhook-timestamp': timestamp,
      'webhook-signature': signStandardWebhook(secret, webhookId, timestamp, rawBody),
    };
  }
  return { 'x-timestamp': timestamp, 'x-signature': signXSignature(secret, timestamp, rawBody) };
}

/** POSTs `rawBody` to the company's lead webhook of `provider` with these headers; the JSON answer. */
export async function postWebhook(baseUrl: string, path: string, rawBody: string, headers: Record<string, string>): Promise<JsonResponse> {
  const response = await fetch(baseUrl + path, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: rawBody,
  });
  const text = await response.text();
  let body: unknown = text;
  try {
    body = text ? JSON.parse(text) : undefined;
  } catch {
    // not JSON: keep the text
  }
  return { status: response.status, body, headers: response.headers };
}

export const hookPath = (company: HousingCompany, provider: string) => `/hooks/${company.tenant.slug}/leads/${provider}`;

/** A realistic IS24 enquiry as the webhook payload. */
export function is24Enquiry(listingId: string | undefined, overrides: Record<string, unknown> = {}) {
  return {
    enquiryId: `is24-${randomUUID()}`,
    ...(listingId ? { listingId } : {}),
    sentAt: new Date().toISOString(),
    firstName: 'Jana',
    lastName: 'Beispiel',
    email: 'Jana.Beispiel@example.org',
    phone: '0151 23456789',
    address: { street: 'Birkenweg 3', postalCode: '22765', city: 'Hamburg' },
    message:
      'Guten Tag, ich interessiere mich sehr für die Wohnung. Ich verdiene 3.200 € netto.\n' +
      'Weitere Daten zum Interessenten; Gewünschter Einzugstermin: 01.06.2026; Haushaltsgröße: Zwei Erwachsene; ' +
      'Tiere im Haushalt: Nein; Haushaltsnettoeinkommen: 4.000 € - 5.000 €; SCHUFA-Bonitätscheck: vorhanden',
    ...overrides,
  };
}
