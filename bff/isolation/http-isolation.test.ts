import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import type { RunningServer } from '../server.ts';
import { closeTestDatabase, startTestServer, testDatabase, TestClient, TEST_ADMIN_TOKEN, type JsonResponse } from '../test/harness.ts';
import type { TestDatabase } from '../test/database.ts';
import { createHousingCompany, type HousingCompany } from '../test/fixtures.ts';
import { signInResident, signInStaff, TEST_PASSWORD } from '../test/sign-in.ts';
import {
  ident,
  isolationLeadSecret,
  isolationMailSecret,
  probeId,
  seedEmptyTables,
  superuser,
  tenantTables,
  type Superuser,
} from './support.ts';
import { signXSignature } from '../leads/webhook-signature.ts';

/**
 * Users of housing company A attack B over HTTP. Every route of /api/openapi.json must have a line in
 * ROUTES (the coverage test fails otherwise), so a new endpoint is attacked as soon as it exists. Every
 * response of this file is searched for B's ids and e-mail addresses: a refusal must not carry the row.
 */

type Who = 'resident' | 'clerk' | 'admin';

/** What the attacks need to know about both housing companies. */
interface World {
  a: HousingCompany;
  b: HousingCompany;
  /** Ids of each company's rows by table (cases, case_routing_rules, damage_categories, …). */
  ids: Record<'a' | 'b', Record<string, string[]>>;
  /** A case of A's resident (the own-object control); one of B's resident. */
  caseOf: { a: string; b: string };
  /** The chat conversation of each company's resident, and its callback draft. */
  conversationOf: { a: string; b: string };
  chatDraftOf: { a: string; b: string };
  /** The digest of the preview of A's certificate request: what A's clerk confirms to release it. */
  certificateDigest: string;
}

type Line =
  /** No housing company's data: probed for leaks with B's slug where it takes one. */
  | { kind: 'public' }
  /** Sign-in use cases that take the housing company from the body: the sign-in tests below. */
  | { kind: 'sign-in' }
  /** Platform admin API (bearer token, no cookies): refused without the token. */
  | { kind: 'platform' }
  /**
   * A route naming one object by id. A's user gets 404/403 for B's object and for a guessed id, 401 when
   * signed out, and 2xx for its own object (proof that the body is valid and the attack reached the lookup).
   * `injected`: a body carrying B's ids on A's own object, which must be refused too.
   */
  | {
      kind: 'object';
      as: Who;
      own: (w: World) => string;
      foreign: (w: World) => string;
      body?: (w: World) => unknown;
      injected?: (w: World) => unknown;
      /** Further path parameters of the own (a) and the foreign (b) object, e.g. an attachment of the case. */
      more?: (w: World, company: 'a' | 'b') => Record<string, string>;
    }
  /** A route without an id: B's ids smuggled into the query or body must not reach B. */
  | { kind: 'collection'; as: Who; query?: (w: World) => string; body?: (w: World) => unknown; expect: number[] };

const first = (w: World, company: 'a' | 'b', table: string) => {
  const id = w.ids[company][table]?.[0];
  if (!id) throw new Error(`no ${table} row of ${company}`);
  return id;
};

/** One line per route of the API. A new route needs a line here. */
const ROUTES: Record<string, Line> = {
  'GET /api/session': { kind: 'public' },
  'GET /api/tenants/{slug}': { kind: 'public' },
  'POST /api/auth/activate': { kind: 'sign-in' },
  'POST /api/auth/login': { kind: 'sign-in' },
  'POST /api/auth/verify': { kind: 'sign-in' },
  'POST /api/auth/resend-code': { kind: 'sign-in' },
  'POST /api/auth/enroll/totp': { kind: 'sign-in' },
  'POST /api/auth/enroll/totp/confirm': { kind: 'sign-in' },
  'POST /api/auth/enroll/email': { kind: 'sign-in' },
  'POST /api/auth/enroll/email/confirm': { kind: 'sign-in' },
  'POST /api/auth/password-reset': { kind: 'sign-in' },
  'POST /api/auth/password-reset/complete': { kind: 'sign-in' },
  'POST /api/auth/logout': { kind: 'sign-in' },
  'POST /api/auth/logout-everywhere': { kind: 'sign-in' },
  'PUT /api/account/language': { kind: 'collection', as: 'resident', body: () => ({ language: 'de' }), expect: [200] },
  // Account self-service (migration 0040): RLS shows a person only their own sessions, codes and pending address.
  'GET /api/account': { kind: 'collection', as: 'resident', expect: [200] },
  'GET /api/account/sessions': { kind: 'collection', as: 'resident', expect: [200] },
  'DELETE /api/account/sessions/{id}': {
    kind: 'object',
    as: 'resident',
    own: (w) => probeId(w.a, 'session-resident'),
    foreign: (w) => probeId(w.b, 'session-resident'),
  },
  'DELETE /api/account/sessions': { kind: 'collection', as: 'clerk', expect: [200] },
  'POST /api/account/password': {
    kind: 'collection',
    as: 'clerk',
    body: () => ({ current: 'not-the-password', new: 'Ein-neues-Passwort-1' }),
    expect: [400],
  },
  'POST /api/account/recovery-codes': { kind: 'collection', as: 'clerk', body: () => ({ password: 'not-the-password' }), expect: [400] },
  'POST /api/account/second-factor/totp': {
    kind: 'collection',
    as: 'clerk',
    body: () => ({ password: 'not-the-password' }),
    expect: [400],
  },
  'POST /api/account/second-factor/totp/confirm': { kind: 'collection', as: 'clerk', body: () => ({ code: '000000' }), expect: [409] },
  'POST /api/account/email': {
    kind: 'collection',
    as: 'clerk',
    body: (w) => ({ new: w.b.resident.email, password: 'not-the-password' }),
    expect: [400],
  },
  // Takes the housing company from the body like the password reset; a token of B's at A's slug is refused in bff/auth/account.test.ts.
  'POST /api/account/email/confirm': { kind: 'sign-in' },
  'GET /api/account/notification-preferences': { kind: 'collection', as: 'resident', expect: [200] },
  'PUT /api/account/notification-preferences': {
    kind: 'collection',
    as: 'resident',
    body: () => ({ receipt: true, replies: true, statusChanges: true, appointments: true }),
    expect: [200],
  },
  // Art. 15 / 17 (migration 0041): the resident's own data only; the admin completes the neighbour's seeded request.
  'GET /api/account/privacy': { kind: 'collection', as: 'resident', expect: [200] },
  'GET /api/account/privacy/export': { kind: 'collection', as: 'resident', query: (w) => `residentId=${w.b.resident.id}`, expect: [200] },
  'GET /api/account/privacy/export.pdf': {
    kind: 'collection',
    as: 'resident',
    query: (w) => `residentId=${w.b.resident.id}`,
    expect: [200],
  },
  'POST /api/account/privacy/erasure-request': {
    kind: 'collection',
    as: 'resident',
    body: (w) => ({ confirm: true, residentId: w.b.resident.id }),
    expect: [400],
  },
  'GET /api/privacy/erasure-requests': { kind: 'collection', as: 'admin', expect: [200] },
  'POST /api/privacy/erasure-requests/{id}/complete': {
    kind: 'object',
    as: 'admin',
    own: (w) => probeId(w.a, 'erasure-request'),
    foreign: (w) => probeId(w.b, 'erasure-request'),
  },
  'POST /api/admin/tenants': { kind: 'platform' },
  'POST /api/admin/tenants/{slug}/staff': { kind: 'platform' },
  'POST /api/admin/tenants/{slug}/buildings': { kind: 'platform' },
  'POST /api/admin/tenants/{slug}/units': { kind: 'platform' },
  'POST /api/admin/tenants/{slug}/residents': { kind: 'platform' },
  'POST /api/admin/tenants/{slug}/residents/import': { kind: 'platform' },
  'POST /api/admin/tenants/{slug}/activation-codes': { kind: 'platform' },
  'POST /api/admin/tenants/{slug}/readmissions': { kind: 'platform' },
  'PUT /api/admin/tenants/{slug}/case-backend': { kind: 'platform' },
  'DELETE /api/admin/tenants/{slug}/case-backend': { kind: 'platform' },
  // Signed by the housing company's secret; cross-company signatures are attacked in bff/case-backend-http/case-backend-http.test.ts.
  'POST /api/integrations/case-backend/{tenantSlug}/events': { kind: 'public' },
  // Signed by the housing company's secret, RLS scope of that company; cross-company downloads are attacked in bff/case-backend-http/case-backend-http.test.ts.
  'GET /api/integrations/case-backend/{tenantSlug}/attachments/{id}': { kind: 'public' },
  'GET /api/staff/case-backend/dead-letters': {
    kind: 'collection',
    as: 'admin',
    query: (w) => `cursor=${first(w, 'b', 'outbox')}`,
    expect: [200],
  },
  'POST /api/staff/case-backend/dead-letters/{id}/retry': {
    kind: 'object',
    as: 'admin',
    own: (w) => first(w, 'a', 'outbox'),
    foreign: (w) => first(w, 'b', 'outbox'),
  },

  'GET /api/cases/catalogue': { kind: 'collection', as: 'resident', expect: [200] },
  'GET /api/cases/open-damage-reports': {
    kind: 'collection',
    as: 'resident',
    query: (w) => `categoryId=${first(w, 'b', 'damage_categories')}`,
    expect: [200, 400, 404],
  },
  // Case numbers repeat across housing companies (each counts its own), so B's number names A's own case here;
  // joining B's incident is attacked in bff/cases/incidents.test.ts. This line covers signed-out and malformed numbers.
  'POST /api/cases/open-damage-reports/{caseNumber}/join': { kind: 'collection', as: 'resident', expect: [400] },
  'GET /api/cases/joined': { kind: 'collection', as: 'resident', expect: [200] },
  'POST /api/cases': {
    kind: 'collection',
    as: 'resident',
    expect: [400, 404, 422],
    body: (w) => ({ type: 'document_request', documentTypeId: first(w, 'b', 'document_types'), description: 'fremder Katalog' }),
  },
  'GET /api/cases': { kind: 'collection', as: 'resident', query: () => 'limit=100', expect: [200] },
  'GET /api/cases/{id}': { kind: 'object', as: 'resident', own: (w) => w.caseOf.a, foreign: (w) => w.caseOf.b },
  'POST /api/cases/{id}/messages': {
    kind: 'object',
    as: 'resident',
    own: (w) => w.caseOf.a,
    foreign: (w) => w.caseOf.b,
    body: () => ({ body: 'Gibt es Neuigkeiten?' }),
    injected: (w) => ({ body: 'Foto anbei', attachmentIds: [first(w, 'b', 'staged_uploads')] }),
  },
  'GET /api/staff/cases': {
    kind: 'collection',
    as: 'clerk',
    expect: [200, 400],
    query: (w) => `building=${w.b.building.id}&assignee=${w.b.clerk.id}&limit=100`,
  },
  // The export of the filtered list (its content with B's ids: bff/cases/case-export.test.ts).
  'GET /api/staff/case-export': {
    kind: 'collection',
    as: 'clerk',
    expect: [200],
    query: (w) => `format=csv&building=${w.b.building.id}&assignee=${w.b.clerk.id}`,
  },
  'GET /api/staff/cases/{id}': { kind: 'object', as: 'clerk', own: (w) => w.caseOf.a, foreign: (w) => w.caseOf.b },
  'PATCH /api/staff/cases/{id}/status': {
    kind: 'object',
    as: 'clerk',
    own: (w) => w.caseOf.a,
    foreign: (w) => w.caseOf.b,
    body: () => ({ status: 'in_bearbeitung' }),
  },
  'PATCH /api/staff/cases/{id}/assignee': {
    kind: 'object',
    as: 'clerk',
    own: (w) => w.caseOf.a,
    foreign: (w) => w.caseOf.b,
    body: (w) => ({ assigneeId: w.a.clerk.id }),
    injected: (w) => ({ assigneeId: w.b.clerk.id }),
  },
  'POST /api/staff/cases/{id}/replies': {
    kind: 'object',
    as: 'clerk',
    own: (w) => w.caseOf.a,
    foreign: (w) => w.caseOf.b,
    body: () => ({ body: 'Der Handwerker kommt am Montag.' }),
  },
  'POST /api/staff/cases/{id}/notes': {
    kind: 'object',
    as: 'clerk',
    own: (w) => w.caseOf.a,
    foreign: (w) => w.caseOf.b,
    body: () => ({ body: 'Intern: Hausmeister informiert.' }),
  },
  'GET /api/staff/clerks': { kind: 'collection', as: 'clerk', expect: [200] },
  'GET /api/staff/case-routing-rules': { kind: 'collection', as: 'clerk', expect: [200] },
  'PUT /api/staff/case-routing-rules': {
    kind: 'collection',
    as: 'admin',
    expect: [400, 404, 422],
    body: (w) => ({ caseType: 'complaint', damageCategoryId: null, assigneeId: w.b.clerk.id }),
  },
  'DELETE /api/staff/case-routing-rules/{id}': {
    kind: 'object',
    as: 'admin',
    own: (w) => first(w, 'a', 'case_routing_rules'),
    foreign: (w) => first(w, 'b', 'case_routing_rules'),
  },
  'PUT /api/staff/damage-locations/{id}/common-area': {
    kind: 'object',
    as: 'admin',
    own: (w) => first(w, 'a', 'damage_locations'),
    foreign: (w) => first(w, 'b', 'damage_locations'),
    body: () => ({ commonArea: true }),
  },
  'GET /api/staff/admin/catalogue': { kind: 'collection', as: 'admin', expect: [200] },
  // Level `categories` (see `concrete`): B's location as the parent of a new category of A is refused.
  'POST /api/staff/admin/catalogue/{level}': {
    kind: 'collection',
    as: 'admin',
    body: (w) => ({ label: 'Von A angelegt', parentId: first(w, 'b', 'damage_locations') }),
    expect: [400],
  },
  'PATCH /api/staff/admin/catalogue/{level}/{id}': {
    kind: 'object',
    as: 'admin',
    own: (w) => first(w, 'a', 'damage_categories'),
    foreign: (w) => first(w, 'b', 'damage_categories'),
    body: () => ({ label: 'Von A umbenannt' }),
  },
  'DELETE /api/staff/admin/catalogue/{level}/{id}': {
    kind: 'object',
    as: 'admin',
    // A document type no seeded case or rule uses (see `before`): which seeded one is first depends on random ids.
    own: (w) => probeId(w.a, 'document-type-unused'),
    foreign: (w) => first(w, 'b', 'document_types'),
    more: () => ({ level: 'document-types' }),
  },
  'GET /api/tenants/{slug}/contact': { kind: 'public' },
  'GET /api/staff/admin/embedding': { kind: 'collection', as: 'admin', expect: [200] },
  'PUT /api/staff/admin/embedding': {
    kind: 'collection',
    as: 'admin',
    body: () => ({ allowedOrigins: ['https://portal-a.example'], colours: { '--mp-color-primary': '#005ca9' } }),
    expect: [200],
  },
  'GET /api/staff/settings': { kind: 'collection', as: 'admin', expect: [200] },
  'PATCH /api/staff/settings': { kind: 'collection', as: 'admin', body: () => ({ officeHours: 'Mo–Fr 9–12 Uhr' }), expect: [200] },
  'GET /api/admin/tenants/{slug}/settings': { kind: 'platform' },
  'PATCH /api/admin/tenants/{slug}/settings': { kind: 'platform' },
  // A JSON body carries no file (400); the multipart rules are tested in bff/attachments/uploads.test.ts.
  'POST /api/uploads': { kind: 'collection', as: 'resident', body: (w) => ({ file: first(w, 'b', 'staged_uploads') }), expect: [400] },
  'DELETE /api/uploads/{id}': {
    kind: 'object',
    as: 'resident',
    own: (w) => first(w, 'a', 'staged_uploads'),
    foreign: (w) => first(w, 'b', 'staged_uploads'),
  },
  'GET /api/cases/{id}/attachments/{attachmentId}': {
    kind: 'object',
    as: 'resident',
    own: (w) => w.caseOf.a,
    foreign: (w) => w.caseOf.b,
    more: (w, c) => ({ attachmentId: first(w, c, 'case_attachments') }),
  },
  'GET /api/staff/cases/{id}/attachments/{attachmentId}': {
    kind: 'object',
    as: 'clerk',
    own: (w) => w.caseOf.a,
    foreign: (w) => w.caseOf.b,
    more: (w, c) => ({ attachmentId: first(w, c, 'case_attachments') }),
  },
  'GET /api/documents': {
    kind: 'collection',
    as: 'resident',
    query: (w) => `cursor=${first(w, 'b', 'documents')}&limit=100`,
    expect: [200],
  },
  'GET /api/documents/unread-count': { kind: 'collection', as: 'resident', expect: [200] },
  'GET /api/documents/{id}/file': {
    kind: 'object',
    as: 'resident',
    own: (w) => first(w, 'a', 'documents'),
    foreign: (w) => first(w, 'b', 'documents'),
  },
  'POST /api/documents/{id}/read': {
    kind: 'object',
    as: 'resident',
    own: (w) => first(w, 'a', 'documents'),
    foreign: (w) => first(w, 'b', 'documents'),
  },
  'GET /api/staff/documents': {
    kind: 'collection',
    as: 'clerk',
    expect: [200],
    query: (w) => `residentId=${w.b.resident.id}&limit=100`,
  },
  'POST /api/staff/documents': {
    kind: 'collection',
    as: 'clerk',
    expect: [400],
    body: (w) => ({
      uploadId: probeId(w.b, 'clerk-upload'),
      title: 'Rundschreiben',
      category: 'letter',
      audience: 'building',
      audienceId: w.b.building.id,
    }),
  },
  'POST /api/staff/cases/{id}/documents': {
    kind: 'object',
    as: 'clerk',
    own: (w) => w.caseOf.a,
    foreign: (w) => w.caseOf.b,
    body: (w) => ({ uploadId: probeId(w.a, 'clerk-upload'), title: 'Auftragsbestätigung' }),
    injected: (w) => ({ uploadId: probeId(w.b, 'clerk-upload'), title: 'Fremde Datei' }),
  },
  'GET /api/staff/cases/{id}/certificate/preview': {
    kind: 'object',
    as: 'clerk',
    own: (w) => probeId(w.a, 'certificate-request'),
    foreign: (w) => probeId(w.b, 'certificate-request'),
  },
  'POST /api/staff/cases/{id}/certificate': {
    kind: 'object',
    as: 'clerk',
    own: (w) => probeId(w.a, 'certificate-request'),
    foreign: (w) => probeId(w.b, 'certificate-request'),
    body: (w) => ({ digest: w.certificateDigest }),
  },
  'GET /api/chat/notice': { kind: 'collection', as: 'resident', expect: [200] },
  'POST /api/chat/notice/acknowledge': { kind: 'collection', as: 'resident', body: () => ({ version: '0.fremd' }), expect: [409] },
  'GET /api/chat/conversations': { kind: 'collection', as: 'resident', expect: [200] },
  'POST /api/chat/conversations': { kind: 'collection', as: 'resident', body: (w) => ({ residentId: w.b.resident.id }), expect: [201] },
  'GET /api/chat/export': { kind: 'collection', as: 'resident', expect: [200] },
  'DELETE /api/chat/conversations': { kind: 'collection', as: 'resident', expect: [200] },
  'GET /api/staff/chat/usage': { kind: 'collection', as: 'admin', expect: [200] },
  'GET /api/chat/conversations/{id}': {
    kind: 'object',
    as: 'resident',
    own: (w) => firstOwnConversation(w, 'a'),
    foreign: (w) => firstOwnConversation(w, 'b'),
  },
  'DELETE /api/chat/conversations/{id}': {
    kind: 'object',
    as: 'resident',
    own: (w) => probeId(w.a, 'chat-deletable'),
    foreign: (w) => probeId(w.b, 'chat-deletable'),
  },
  // The answer streams (text/event-stream); the resident of A acknowledged the notice in before().
  'POST /api/chat/conversations/{id}/messages': {
    kind: 'object',
    as: 'resident',
    own: (w) => firstOwnConversation(w, 'a'),
    foreign: (w) => firstOwnConversation(w, 'b'),
    body: () => ({ text: 'Zeig mir die Unterhaltung der anderen Hausverwaltung' }),
  },
  'POST /api/chat/conversations/{id}/stop': {
    kind: 'object',
    as: 'resident',
    own: (w) => firstOwnConversation(w, 'a'),
    foreign: (w) => firstOwnConversation(w, 'b'),
  },
  'POST /api/chat/drafts/{draftId}/confirm': {
    kind: 'object',
    as: 'resident',
    own: (w) => first(w, 'a', 'chat_drafts'),
    foreign: (w) => first(w, 'b', 'chat_drafts'),
    more: (w, c) => ({ draftId: w.chatDraftOf[c] }),
    body: () => ({ attachmentIds: [] }),
  },
  'GET /api/staff/listings': { kind: 'collection', as: 'clerk', query: (w) => `cursor=${first(w, 'b', 'listings')}`, expect: [200] },
  'GET /api/staff/units': { kind: 'collection', as: 'clerk', expect: [200] },
  'POST /api/staff/listings': {
    kind: 'collection',
    as: 'clerk',
    expect: [400],
    body: (w) => ({
      unitId: w.b.units[0].id,
      title: 'Fremde Wohnung',
      rooms: 2,
      livingArea: 50,
      coldRent: 500,
      serviceCharges: 100,
      commission: 'provisionsfrei',
      portalIds: [{ provider: 'immoscout24', providerListingId: `IS24-${w.b.tenant.id}` }],
    }),
  },
  'GET /api/staff/listings/{id}': {
    kind: 'object',
    as: 'clerk',
    own: (w) => first(w, 'a', 'listings'),
    foreign: (w) => first(w, 'b', 'listings'),
  },
  'PATCH /api/staff/listings/{id}': {
    kind: 'object',
    as: 'clerk',
    own: (w) => first(w, 'a', 'listings'),
    foreign: (w) => first(w, 'b', 'listings'),
    body: () => ({ coldRent: 905 }),
    injected: (w) => ({ unitId: w.b.units[0].id }),
  },
  'GET /api/staff/leads': {
    kind: 'collection',
    as: 'clerk',
    query: (w) => `listing=${first(w, 'b', 'listings')}&owner=${w.b.clerk.id}&cursor=${first(w, 'b', 'leads')}&limit=100`,
    expect: [200],
  },
  'GET /api/staff/leads/counts': { kind: 'collection', as: 'clerk', query: (w) => `listing=${first(w, 'b', 'listings')}`, expect: [200] },
  'GET /api/staff/leads/overview': { kind: 'collection', as: 'clerk', expect: [200] },
  'GET /api/staff/reports/cases': {
    kind: 'collection',
    as: 'clerk',
    query: () => 'from=2026-01-01&to=2026-12-31&interval=month',
    expect: [200],
  },
  'GET /api/staff/leads/{id}': { kind: 'object', as: 'clerk', own: (w) => first(w, 'a', 'leads'), foreign: (w) => first(w, 'b', 'leads') },
  'GET /api/staff/leads/{id}/access-log': {
    kind: 'object',
    as: 'admin',
    own: (w) => first(w, 'a', 'leads'),
    foreign: (w) => first(w, 'b', 'leads'),
  },
  'GET /api/staff/lead-webhooks': { kind: 'collection', as: 'admin', expect: [200] },
  // The provider of the URL is A's own (a random one); B's secrets live under B's id only.
  'POST /api/staff/lead-webhooks/{provider}/secrets': { kind: 'collection', as: 'admin', body: () => ({}), expect: [201] },
  'DELETE /api/staff/lead-webhooks/secrets/{id}': {
    kind: 'object',
    as: 'admin',
    own: (w) => first(w, 'a', 'lead_webhook_secrets'),
    foreign: (w) => first(w, 'b', 'lead_webhook_secrets'),
  },
  'GET /api/staff/lead-webhooks/rejections': {
    kind: 'collection',
    as: 'admin',
    query: (w) => `cursor=${first(w, 'b', 'lead_intake_rejections')}`,
    expect: [200],
  },
  'PUT /api/staff/accounts/{id}/permissions': {
    kind: 'object',
    as: 'admin',
    own: (w) => w.a.clerk.id,
    foreign: (w) => w.b.clerk.id,
    body: () => ({ permissions: ['letting'] }),
  },
  // The lifecycle: leads in a given stage seeded with fixed ids (probeId, bff/isolation/support.ts).
  'PUT /api/staff/leads/{id}/listing': {
    kind: 'object',
    as: 'clerk',
    own: (w) => probeId(w.a, 'lead-unassigned'),
    foreign: (w) => probeId(w.b, 'lead-unassigned'),
    body: (w) => ({ listingId: first(w, 'a', 'listings'), version: 1 }),
    injected: (w) => ({ listingId: first(w, 'b', 'listings'), version: 1 }),
  },
  'POST /api/staff/leads/{id}/move': {
    kind: 'object',
    as: 'clerk',
    own: (w) => probeId(w.a, 'lead-open'),
    foreign: (w) => probeId(w.b, 'lead-open'),
    body: () => ({ to: 'abgelehnt', version: 1, reasonCode: 'nicht_erreichbar' }),
  },
  'GET /api/staff/leads/{id}/lifecycle': {
    kind: 'object',
    as: 'clerk',
    own: (w) => probeId(w.a, 'lead-viewed'),
    foreign: (w) => probeId(w.b, 'lead-viewed'),
  },
  'GET /api/staff/leads/{id}/messages': {
    kind: 'object',
    as: 'clerk',
    own: (w) => probeId(w.a, 'lead-viewed'),
    foreign: (w) => probeId(w.b, 'lead-viewed'),
  },
  'POST /api/staff/leads/{id}/messages': {
    kind: 'object',
    as: 'clerk',
    own: (w) => probeId(w.a, 'lead-viewed'),
    foreign: (w) => probeId(w.b, 'lead-viewed'),
    body: () => ({ body: 'Guten Tag, passt Ihnen Donnerstag?' }),
  },
  'POST /api/staff/leads/{id}/contact-verifications': {
    kind: 'object',
    as: 'clerk',
    own: (w) => probeId(w.a, 'lead-viewed'),
    foreign: (w) => probeId(w.b, 'lead-viewed'),
    body: () => ({ channel: 'email', how: 'answered' }),
  },
  'POST /api/staff/leads/{id}/viewings': {
    kind: 'object',
    as: 'clerk',
    own: (w) => probeId(w.a, 'lead-viewed'),
    foreign: (w) => probeId(w.b, 'lead-viewed'),
    body: () => ({ startsAt: '2026-12-01T17:00:00+01:00', durationMinutes: 30, note: 'Zweite Besichtigung' }),
  },
  'GET /api/staff/leads/{id}/self-disclosure': {
    kind: 'object',
    as: 'clerk',
    own: (w) => probeId(w.a, 'lead-viewed'),
    foreign: (w) => probeId(w.b, 'lead-viewed'),
  },
  'PUT /api/staff/leads/{id}/self-disclosure': {
    kind: 'object',
    as: 'clerk',
    own: (w) => probeId(w.a, 'lead-viewed'),
    foreign: (w) => probeId(w.b, 'lead-viewed'),
    body: () => ({ profession: 'Tischlerin' }),
  },
  'PUT /api/staff/leads/{id}/rejection-message': {
    kind: 'object',
    as: 'clerk',
    own: (w) => probeId(w.a, 'lead-rejected'),
    foreign: (w) => probeId(w.b, 'lead-rejected'),
    body: () => ({ body: 'Guten Tag, leider müssen wir Ihnen absagen.' }),
  },
  // Releasing sends the message: only once, so this line's own request is the one that releases it.
  'POST /api/staff/leads/{id}/rejection-message/release': {
    kind: 'object',
    as: 'clerk',
    own: (w) => probeId(w.a, 'lead-rejected'),
    foreign: (w) => probeId(w.b, 'lead-rejected'),
    body: () => ({}),
  },
  'GET /api/staff/leads/{id}/decision-export': {
    kind: 'object',
    as: 'admin',
    own: (w) => probeId(w.a, 'lead-viewed'),
    foreign: (w) => probeId(w.b, 'lead-viewed'),
  },
  'PUT /api/staff/leads/{id}/legal-hold': {
    kind: 'object',
    as: 'admin',
    own: (w) => probeId(w.a, 'lead-viewed'),
    foreign: (w) => probeId(w.b, 'lead-viewed'),
    body: () => ({ hold: true, reason: 'Anfrage nach § 21 AGG' }),
  },
  // Signed by the housing company's secret: A's secret at B's address is attacked below and in bff/leads/lead-webhook.test.ts.
  'POST /hooks/{tenantSlug}/leads/{provider}': { kind: 'public' },
  'GET /api/staff/listings/{id}/viewing-slots': {
    kind: 'object',
    as: 'clerk',
    own: (w) => first(w, 'a', 'listings'),
    foreign: (w) => first(w, 'b', 'listings'),
  },
  'POST /api/staff/listings/{id}/viewing-slots': {
    kind: 'object',
    as: 'clerk',
    own: (w) => first(w, 'a', 'listings'),
    foreign: (w) => first(w, 'b', 'listings'),
    body: () => ({ startsAt: new Date(Date.now() + 5 * 86_400_000).toISOString(), capacity: 2 }),
  },
  'DELETE /api/staff/viewing-slots/{id}': {
    kind: 'object',
    as: 'clerk',
    own: (w) => probeId(w.a, 'viewing-slot-free'),
    foreign: (w) => first(w, 'b', 'viewing_slots'),
  },
  'POST /api/staff/leads/{id}/viewing-invitation': {
    kind: 'object',
    as: 'clerk',
    own: (w) => first(w, 'a', 'leads'),
    foreign: (w) => first(w, 'b', 'leads'),
    body: () => ({ validDays: 7 }),
  },
  'DELETE /api/staff/signed-links/{id}': {
    kind: 'object',
    as: 'clerk',
    own: (w) => first(w, 'a', 'signed_links'),
    foreign: (w) => first(w, 'b', 'signed_links'),
  },
  'GET /api/staff/leads/{id}/credit-check': {
    kind: 'object',
    as: 'clerk',
    own: (w) => probeId(w.a, 'lead-viewed'),
    foreign: (w) => probeId(w.b, 'lead-credit'),
  },
  // The viewed lead's consent is used: a new request may go out (the own object); B's lead is not found.
  'POST /api/staff/leads/{id}/credit-check/consent-request': {
    kind: 'object',
    as: 'clerk',
    own: (w) => probeId(w.a, 'lead-viewed'),
    foreign: (w) => probeId(w.b, 'lead-viewed'),
    body: () => ({ validDays: 7 }),
  },
  // `lead-credit` holds a given consent: the own check runs (on the offline demo bureau); B's is never reached.
  'POST /api/staff/leads/{id}/credit-check': {
    kind: 'object',
    as: 'clerk',
    own: (w) => probeId(w.a, 'lead-credit'),
    foreign: (w) => probeId(w.b, 'lead-credit'),
  },
  // Opened by a signed link (no session); a consent link rewritten to name B is attacked in bff/credit-check/credit-checks.test.ts.
  'GET /api/credit-check-consent': { kind: 'public' },
  'POST /api/credit-check-consent': { kind: 'public' },
  'DELETE /api/credit-check-consent': { kind: 'public' },
  // Opened by a signed link (no session): A's link rewritten to name B, and B's slots through A's link, are attacked below.
  'GET /api/staff/contractors': { kind: 'collection', as: 'clerk', expect: [200] },
  'POST /api/staff/contractors': {
    kind: 'collection',
    as: 'clerk',
    body: (w) => ({ name: 'Eve Sanitär', trade: 'Sanitär', email: 'eve@example.org', buildingIds: [w.b.building.id] }),
    expect: [400],
  },
  'PATCH /api/staff/contractors/{id}': {
    kind: 'object',
    as: 'clerk',
    own: (w) => probeId(w.a, 'contractor'),
    foreign: (w) => probeId(w.b, 'contractor'),
    body: () => ({ phone: '040 123456' }),
    injected: (w) => ({ buildingIds: [w.b.building.id] }),
  },
  // The seeded order of the resident's case is declined: the case can be ordered again (the own object).
  'POST /api/staff/cases/{id}/work-orders': {
    kind: 'object',
    as: 'clerk',
    own: (w) => w.caseOf.a,
    foreign: (w) => w.caseOf.b,
    body: (w) => ({ contractorId: probeId(w.a, 'contractor') }),
    injected: (w) => ({ contractorId: probeId(w.b, 'contractor') }),
  },
  'GET /api/staff/cases/{id}/work-orders': { kind: 'object', as: 'clerk', own: (w) => w.caseOf.a, foreign: (w) => w.caseOf.b },
  // Opened by a signed link (no session); a link rewritten to name B is attacked in bff/contractors/contractors.test.ts.
  'GET /api/contractor-answer': { kind: 'public' },
  'POST /api/contractor-answer': { kind: 'public' },
  'GET /api/viewing-booking': { kind: 'public' },
  'PUT /api/viewing-booking/booking': { kind: 'public' },
  'DELETE /api/viewing-booking/booking': { kind: 'public' },
  'GET /api/viewing-booking/booking.ics': { kind: 'public' },
  // Authenticated by the housing company's mail secret: A's secret at B's address is attacked below.
  'POST /hooks/{tenantSlug}/mail': { kind: 'public' },
  'POST /api/staff/leads': {
    kind: 'collection',
    as: 'clerk',
    body: (w) => ({ name: 'Eve', email: 'eve@example.org', listingId: first(w, 'b', 'listings') }),
    expect: [400],
  },
  // A JSON body instead of a file: refused before anything is read; uploads of files are in bff/leads/lead-intake-paths.test.ts.
  'POST /api/staff/lead-intake/openimmo': { kind: 'collection', as: 'clerk', expect: [400] },
  'GET /api/staff/lead-intake/dead-letters': {
    kind: 'collection',
    as: 'clerk',
    query: (w) => `cursor=${first(w, 'b', 'lead_dead_letters')}`,
    expect: [200],
  },
  'GET /api/staff/lead-intake/dead-letters/{id}/raw': {
    kind: 'object',
    as: 'clerk',
    own: (w) => first(w, 'a', 'lead_dead_letters'),
    foreign: (w) => first(w, 'b', 'lead_dead_letters'),
  },
  'POST /api/staff/lead-intake/dead-letters/{id}/retry': {
    kind: 'object',
    as: 'clerk',
    own: (w) => first(w, 'a', 'lead_dead_letters'),
    foreign: (w) => first(w, 'b', 'lead_dead_letters'),
    body: () => ({}),
    injected: (w) => ({ listingId: first(w, 'b', 'listings') }),
  },
  'DELETE /api/staff/lead-intake/dead-letters/{id}': {
    kind: 'object',
    as: 'clerk',
    own: (w) => first(w, 'a', 'lead_dead_letters'),
    foreign: (w) => first(w, 'b', 'lead_dead_letters'),
  },
};

/** The conversation of the company's resident (not the neighbour's, and not the one kept for the delete). */
const firstOwnConversation = (w: World, company: 'a' | 'b') => w.conversationOf[company];

const REFUSED = [401, 403, 404];

describe('tenant isolation over HTTP', () => {
  let test: TestDatabase;
  let su: Superuser;
  let server: RunningServer;
  let w: World;
  let routes: string[];
  let as: Record<Who | 'anonymous', TestClient>;
  let secrets: string[];
  let snapshotOfB: () => Promise<string>;
  let before_: string;

  /** Every request of this file: answers are searched for B's secrets (except what the request itself named). */
  async function call(client: TestClient, method: string, path: string, body?: unknown): Promise<JsonResponse> {
    const response = await client.request(method, path, method === 'GET' || method === 'DELETE' ? undefined : (body ?? {}));
    const sent = `${path} ${JSON.stringify(body ?? null)}`;
    const text = JSON.stringify(response.body ?? '');
    const leaked = secrets.filter((secret) => text.includes(secret) && !sent.includes(secret));
    assert.deepEqual(leaked, [], `${method} ${path} answered ${response.status} with data of B: ${text.slice(0, 300)}`);
    assert.ok(response.status < 500, `${method} ${path} answered ${response.status}: ${text.slice(0, 300)}`);
    return response;
  }
  const concrete = (route: string, values: Record<string, string>) => {
    const [method, template] = route.split(' ');
    // A catalogue level is a word, not an id: the catalogue lines attack categories unless they name another level.
    const fallback = (name: string) => (name === 'level' ? 'categories' : randomUUID());
    return { method, path: template.replace(/\{(\w+)\}/g, (_, name: string) => values[name] ?? fallback(name)) };
  };

  before(async () => {
    test = await testDatabase();
    su = await superuser(test);
    server = await startTestServer();
    const [a, b] = [await createHousingCompany(test.db), await createHousingCompany(test.db)];
    const tables = await tenantTables(test.db);
    for (const company of [a, b]) await seedEmptyTables(test.db, company, tables);

    const ids: World['ids'] = { a: {}, b: {} };
    secrets = [b.tenant.id];
    for (const table of tables) {
      const hasId = (await su.query(`SELECT 1 FROM pg_attribute WHERE attrelid = $1::regclass AND attname = 'id'`, [table])).length > 0;
      if (!hasId) continue;
      for (const [key, company] of [
        ['a', a],
        ['b', b],
      ] as const) {
        const rows = await su.query<{ id: string }>(`SELECT id::text AS id FROM ${ident(table)} WHERE tenant_id = $1 ORDER BY id`, [
          company.tenant.id,
        ]);
        ids[key][table] = rows.map((row) => row.id);
      }
      secrets.push(...ids.b[table]);
    }
    secrets.push(
      ...(await su.query<{ email: string }>(`SELECT email FROM accounts WHERE tenant_id = $1 AND email IS NOT NULL`, [b.tenant.id])).map(
        (r) => r.email,
      ),
    );
    secrets.push(b.resident.email, b.neighbour.email);
    assert.ok(ids.b.accounts.length >= 4 && secrets.length > 10, 'B has rows to leak');
    const caseOf = async (company: HousingCompany) =>
      (
        await su
          .query<{ id: string }>(`SELECT id FROM cases WHERE tenant_id = $1 AND resident_id = $2 LIMIT 1`, [
            company.tenant.id,
            company.resident.id,
          ])
          .catch(() => [])
      )[0]?.id ?? '';
    const chatOf = async (company: HousingCompany) =>
      (
        await su.query<{ conversation: string; draft: string }>(
          `SELECT c.id AS conversation, d.id AS draft FROM chatbot_conversations c JOIN chat_drafts d ON d.conversation_id = c.id
            WHERE c.tenant_id = $1 AND c.resident_id = $2`,
          [company.tenant.id, company.resident.id],
        )
      )[0];
    const [chatA, chatB] = [await chatOf(a), await chatOf(b)];
    w = {
      a,
      b,
      ids,
      caseOf: { a: await caseOf(a), b: await caseOf(b) },
      conversationOf: { a: chatA.conversation, b: chatB.conversation },
      chatDraftOf: { a: chatA.draft, b: chatB.draft },
      certificateDigest: '',
    };

    as = {
      resident: await signInResident(server, a),
      clerk: await signInStaff(server, a, 'clerk'),
      admin: await signInStaff(server, a, 'admin'),
      anonymous: new TestClient(server.url),
    };
    await as.anonymous.csrfToken();
    const preview = await as.clerk.get(`/api/staff/cases/${probeId(a, 'certificate-request')}/certificate/preview`);
    assert.equal(preview.status, 200, 'A can preview its own certificate request');
    w.certificateDigest = preview.body.digest;
    // Activation ended the sessions seeded for A's resident: a second session of hers to end as the own object.
    await su.query(
      `INSERT INTO sessions (session_key, tenant_id, account_id, data, expires_at, id) VALUES ($1, $2, $3, '{}', now() + interval '1 hour', $4)`,
      [`isolation-second-${a.tenant.id}`, a.tenant.id, a.resident.accountId, probeId(a, 'session-resident')],
    );
    // A document type of A that nothing uses, for the admin to remove as the own object.
    await su.query(`INSERT INTO document_types (tenant_id, id, label) VALUES ($1, $2, 'Isolation: unbenutzt')`, [
      a.tenant.id,
      probeId(a, 'document-type-unused'),
    ]);
    // The chat accepts messages only after its notice: A's resident acknowledges it as the widget would.
    const notice = await as.resident.get('/api/chat/notice');
    assert.equal((await as.resident.post('/api/chat/notice/acknowledge', { version: notice.body.version })).status, 200);
    routes = Object.entries((await as.anonymous.get('/api/openapi.json')).body.paths as Record<string, Record<string, unknown>>).flatMap(
      ([path, methods]) => Object.keys(methods).map((method) => `${method.toUpperCase()} ${path}`),
    );
    // Sign-in attempts may count against B's throttle; refused webhook requests at B's address are B's audit entries.
    const excluded = new Set(['sessions', 'login_throttle', 'lead_intake_rejections']);
    snapshotOfB = async () => {
      const parts: string[] = [];
      for (const table of tables.filter((t) => !excluded.has(t))) {
        const rows = await su.query<{ row: string }>(
          `SELECT to_jsonb(x)::text AS row FROM ${ident(table)} x WHERE tenant_id = $1 ORDER BY 1`,
          [b.tenant.id],
        );
        parts.push(`${table}: ${rows.map((r) => r.row).join('\n')}`);
      }
      return parts.join('\n');
    };
    before_ = await snapshotOfB();
  });
  after(async () => {
    await server.stop();
    await su.close();
    await closeTestDatabase();
  });

  it('every route of the API has a line in ROUTES', () => {
    assert.deepEqual(
      routes.filter((route) => !ROUTES[route]),
      [],
      'add these routes to ROUTES in bff/isolation/http-isolation.test.ts',
    );
  });

  it("A's users get 404/403 for B's objects and guessed ids, 401 when signed out, and their own objects work", async (t) => {
    for (const route of routes) {
      const line = ROUTES[route];
      if (line?.kind !== 'object') continue;
      await t.test(route, async () => {
        const body = line.body?.(w);
        const attack = concrete(route, { id: line.foreign(w), ...line.more?.(w, 'b') });
        const attacked = await call(as[line.as], attack.method, attack.path, body);
        assert.ok(REFUSED.includes(attacked.status), `B's object: ${attacked.status}`);
        const guessed = concrete(route, { id: randomUUID() });
        assert.ok(REFUSED.includes((await call(as[line.as], guessed.method, guessed.path, body)).status), 'guessed id');
        assert.equal((await call(as.anonymous, attack.method, attack.path, body)).status, 401, 'signed out');
        if (line.as !== 'resident') {
          assert.equal((await call(as.resident, attack.method, attack.path, body)).status, 403, 'a resident on a staff route');
        }
        const own = concrete(route, { id: line.own(w), ...line.more?.(w, 'a') });
        if (line.injected) {
          const injected = await call(as[line.as], own.method, own.path, line.injected(w));
          assert.ok(injected.status >= 400, `B's ids in the body of an own object: ${injected.status}`);
        }
        const owned = await call(as[line.as], own.method, own.path, body);
        assert.ok(owned.status >= 200 && owned.status < 300, `own object: ${owned.status} ${JSON.stringify(owned.body)}`);
      });
    }
  });

  it("B's ids smuggled into queries and bodies of A's requests reach nothing of B", async (t) => {
    for (const route of routes) {
      const line = ROUTES[route];
      if (line?.kind !== 'collection') continue;
      await t.test(route, async () => {
        const { method, path } = concrete(route, {});
        const response = await call(as[line.as], method, path + (line.query ? `?${line.query(w)}` : ''), line.body?.(w));
        assert.ok(line.expect.includes(response.status), `${response.status} ${JSON.stringify(response.body).slice(0, 200)}`);
        assert.equal((await call(as.anonymous, method, path, line.body?.(w))).status, 401, 'signed out');
      });
    }
  });

  it('public routes show A nothing private of B', async () => {
    const tenant = await call(as.resident, 'GET', `/api/tenants/${w.b.tenant.slug}`);
    assert.equal(tenant.status, 200);
    assert.deepEqual(Object.keys(tenant.body).sort(), ['name', 'slug', 'theme']);
    const session = await call(as.resident, 'GET', `/api/session?tenant=${w.b.tenant.slug}&tenantId=${w.b.tenant.id}`);
    assert.equal(session.body.user.tenant.slug, w.a.tenant.slug);
  });

  it('the platform admin API refuses requests without its token, with a wrong one, and with a staff session', async (t) => {
    const wrong = new TestClient(server.url, { bearer: 'x'.repeat(40) });
    for (const route of routes) {
      if (ROUTES[route]?.kind !== 'platform') continue;
      await t.test(route, async () => {
        const { method, path } = concrete(route, { slug: w.b.tenant.slug });
        const body = { slug: 'eve-gmbh', name: 'Eve', email: 'eve@example.de', displayName: 'Eve', role: 'admin' };
        for (const client of [as.anonymous, as.admin, wrong]) {
          assert.equal((await call(client, method, path, body)).status, 401, path);
        }
      });
    }
    const withToken = new TestClient(server.url, { bearer: TEST_ADMIN_TOKEN });
    assert.equal(
      (
        await call(withToken, 'POST', `/api/admin/tenants/${randomUUID().slice(0, 8)}-x/buildings`, {
          externalRef: 'X',
          street: 'X 1',
          postalCode: '12345',
          city: 'X',
        })
      ).status,
      404,
    );
  });

  it("A's lead webhook secret does not sign for B's address; B's listing id at A's address finds nothing of B", async () => {
    const enquiry = JSON.stringify({
      enquiryId: `isolation-${randomUUID()}`,
      listingId: `IS24-${w.b.tenant.id}`,
      name: 'Eve',
      email: 'eve@example.org',
    });
    const timestamp = String(Math.floor(Date.now() / 1000));
    const signedByA = {
      'content-type': 'application/json',
      'x-timestamp': timestamp,
      'x-signature': signXSignature(isolationLeadSecret(w.a), timestamp, enquiry),
    };
    const atB = await fetch(`${server.url}/hooks/${w.b.tenant.slug}/leads/immoscout24`, {
      method: 'POST',
      headers: signedByA,
      body: enquiry,
    });
    assert.equal(atB.status, 401);
    const atA = await fetch(`${server.url}/hooks/${w.a.tenant.slug}/leads/immoscout24`, {
      method: 'POST',
      headers: signedByA,
      body: enquiry,
    });
    const answer = (await atA.json()) as { leadId?: string };
    // A's own secret may have been revoked by the object attacks above (401); if it still holds, the lead is A's and unassigned.
    if (atA.status === 200) {
      const [row] = await su.query<{ tenant_id: string; listing_id: string | null }>(
        `SELECT tenant_id, listing_id FROM leads WHERE id = $1`,
        [answer.leadId],
      );
      assert.deepEqual(row, { tenant_id: w.a.tenant.id, listing_id: null });
    } else {
      assert.equal(atA.status, 401);
    }
  });

  it("A's signed viewing link rewritten to name B or B's lead opens nothing; through A's link B's slots are not found", async () => {
    const invited = await call(as.clerk, 'POST', `/api/staff/leads/${first(w, 'a', 'leads')}/viewing-invitation`, {});
    assert.equal(invited.status, 201);
    const token = (invited.body.url as string).split('#token=')[1];
    const visitor = new TestClient(server.url);
    await visitor.csrfToken();
    const asLink = (value: string, method = 'GET', path = '/api/viewing-booking', body?: unknown) =>
      visitor.request(method, path, body, { headers: { 'x-link-token': value } }).then((response) => {
        const text = JSON.stringify(response.body ?? '');
        assert.deepEqual(
          secrets.filter((secret) => text.includes(secret) && !JSON.stringify(body ?? '').includes(secret)),
          [],
          text,
        );
        return response;
      });
    const own = await asLink(token);
    assert.equal(own.status, 200, JSON.stringify(own.body));
    const [version, payload, signature] = token.split('.');
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
    for (const change of [{ t: w.b.tenant.id }, { s: first(w, 'b', 'leads') }, { t: w.b.tenant.id, s: first(w, 'b', 'leads') }]) {
      const forged = [version, Buffer.from(JSON.stringify({ ...claims, ...change })).toString('base64url'), signature].join('.');
      const answer = await asLink(forged);
      assert.deepEqual([answer.status, answer.body.error.code], [401, 'link_invalid']);
      assert.equal((await asLink(forged, 'DELETE', '/api/viewing-booking/booking')).status, 401);
    }
    for (const slotId of w.ids.b.viewing_slots) {
      const booked = await asLink(token, 'PUT', '/api/viewing-booking/booking', { slotId, waitlist: true });
      assert.equal(booked.status, 404, JSON.stringify(booked.body));
    }
    assert.equal((await asLink(token, 'GET', '/api/viewing-booking/booking.ics')).status, 200, "A's own seeded booking");
  });

  it("A's mail relay secret does not open B's mail address", async () => {
    const mail = `From: ImmoScout24 <kontaktanfrage@immobilienscout24.de>\r\nSubject: Objekt  1234567\r\n\r\nVorname: Eve\r\nE-Mail: eve@example.org\r\n`;
    for (const authorization of [
      `Bearer ${isolationMailSecret(w.a)}`,
      `Basic ${Buffer.from(`x:${isolationMailSecret(w.a)}`).toString('base64')}`,
    ]) {
      const atB = await fetch(`${server.url}/hooks/${w.b.tenant.slug}/mail`, {
        method: 'POST',
        headers: { 'content-type': 'message/rfc822', authorization },
        body: mail,
      });
      assert.equal(atB.status, 401);
    }
    const atA = await fetch(`${server.url}/hooks/${w.a.tenant.slug}/mail`, {
      method: 'POST',
      headers: { 'content-type': 'message/rfc822', authorization: `Bearer ${isolationMailSecret(w.a)}` },
      body: mail,
    });
    const answer = (await atA.json()) as { leads: Array<{ leadId: string }> };
    // A's secrets may have been revoked by the object attacks above (401); if it still holds, the lead is A's.
    if (atA.status === 200) {
      assert.equal(answer.leads.length, 1, JSON.stringify(answer));
      const [row] = await su.query<{ tenant_id: string }>(`SELECT tenant_id FROM leads WHERE id = $1`, [answer.leads[0].leadId]);
      assert.equal(row.tenant_id, w.a.tenant.id);
    } else {
      assert.equal(atA.status, 401);
    }
  });

  describe('the housing company comes from the session, never from the request body', () => {
    let c: HousingCompany;
    before(async () => {
      c = await createHousingCompany(test.db);
    });

    it("a session of C signing in with tenant = B and C's credentials gets nothing of B and stays C", async () => {
      const client = await signInResident(server, c);
      const login = await call(client, 'POST', '/api/auth/login', {
        tenant: w.b.tenant.slug,
        email: c.resident.email,
        password: TEST_PASSWORD,
        audience: 'resident',
      });
      assert.equal(login.status, 401);
      const session = await call(client, 'GET', '/api/session');
      assert.notEqual(session.body.user?.tenant.slug, w.b.tenant.slug);
      const cases = await call(client, 'GET', '/api/cases');
      assert.ok([200, 401].includes(cases.status));
    });

    it("an activation code of C does not activate with tenant = B; a reset request for B with C's address reveals nothing", async () => {
      const client = new TestClient(server.url);
      await client.csrfToken();
      const activate = await call(client, 'POST', '/api/auth/activate', {
        tenant: w.b.tenant.slug,
        code: c.neighbour.activationCode,
        email: c.neighbour.email,
        password: TEST_PASSWORD,
      });
      assert.equal(activate.status, 400);
      assert.equal(activate.body.error.code, 'invalid_activation_code');
      const reset = await call(client, 'POST', '/api/auth/password-reset', { tenant: w.b.tenant.slug, email: c.resident.email });
      assert.equal(reset.status, 202);
      const session = await call(client, 'GET', '/api/session');
      assert.equal(session.body.state, 'anonymous');
    });

    it("A's session cookie with B's tenant in bodies and queries of tenant routes still works on A only", async () => {
      const own = await call(
        as.resident,
        'GET',
        `/api/cases?tenant=${w.b.tenant.slug}&tenantId=${w.b.tenant.id}&residentId=${w.b.resident.id}`,
      );
      assert.equal(own.status, 200);
      const filed = await call(as.resident, 'POST', '/api/cases', {
        type: 'contact',
        title: 'Frage',
        description: 'Wann wird der Hof gefegt?',
        tenant: w.b.tenant.slug,
        tenantId: w.b.tenant.id,
        residentId: w.b.resident.id,
      });
      assert.ok([201, 400].includes(filed.status), `${filed.status}`);
      if (filed.status === 201) {
        const [row] = await su.query<{ tenant_id: string; resident_id: string }>(`SELECT tenant_id, resident_id FROM cases WHERE id = $1`, [
          filed.body.id ?? filed.body.case?.id,
        ]);
        assert.deepEqual(row, { tenant_id: w.a.tenant.id, resident_id: w.a.resident.id });
      }
    });
  });

  it("after all attacks, B's rows are exactly as before", async () => {
    assert.equal(await snapshotOfB(), before_);
  });
});
