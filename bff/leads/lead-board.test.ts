import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { RunningServer } from '../server.ts';
import { withScope } from '../db/scope.ts';
import type { Database } from '../db/database.ts';
import { closeTestDatabase, startTestServer, testDatabase, type TestClient } from '../test/harness.ts';
import { createHousingCompany, type HousingCompany } from '../test/fixtures.ts';
import { signInResident, signInStaff } from '../test/sign-in.ts';
import { createListing, createWebhookSecret, hookPath, is24Enquiry, postWebhook, signedHeaders } from './lead-test-support.ts';

/**
 * What the board reads: a column page by page, filters by listing, source and owner, the search by name, e-mail
 * and — with the letting permission only — telephone number, the duplicate marker, a lead's detail with its
 * audit trail, and the access log of phone and address.
 */
describe('the lead board’s reads', () => {
  let db: Database;
  let server: RunningServer;
  let company: HousingCompany;
  let clerk: TestClient;
  let admin: TestClient;
  let flat: string;
  let flatId: string;
  let studio: string;
  let secrets: Record<string, string>;
  const lead: Record<string, string> = {};

  async function deliver(provider: string, body: Record<string, unknown>): Promise<string> {
    const raw = JSON.stringify(body);
    const answer = await postWebhook(server.url, hookPath(company, provider), raw, signedHeaders(secrets[provider], raw));
    assert.equal(answer.status, 200, JSON.stringify(answer.body));
    return answer.body.leadId;
  }
  const ids = (response: { body: { items: Array<{ id: string }> } }) => response.body.items.map((item) => item.id);
  const grantLetting = async (permissions: string[]) => {
    const granted = await admin.request('PUT', `/api/staff/accounts/${company.clerk.id}/permissions`, { permissions });
    assert.equal(granted.status, 200, JSON.stringify(granted.body));
  };

  before(async () => {
    db = (await testDatabase()).db;
    server = await startTestServer();
    company = await createHousingCompany(db);
    clerk = await signInStaff(server, company, 'clerk');
    admin = await signInStaff(server, company, 'admin');
    const first = await createListing(clerk, company);
    flatId = first.id;
    flat = first.portalIds[0].providerListingId;
    studio = (
      await createListing(clerk, company, { title: 'Studio', portalIds: [{ provider: 'immowelt', providerListingId: 'IW-STUDIO' }] })
    ).portalIds[0].providerListingId;
    secrets = {
      immoscout24: (await createWebhookSecret(admin, 'immoscout24')).value,
      immowelt: (await createWebhookSecret(admin, 'immowelt')).value,
    };
    lead.jana = await deliver('immoscout24', is24Enquiry(flat, { firstName: 'Jana', lastName: 'Beispiel', email: 'jana@example.org' }));
    lead.jonas = await deliver(
      'immoscout24',
      is24Enquiry(flat, {
        firstName: 'Jonas',
        lastName: 'Weber',
        email: 'jonas@example.org',
        phone: '+49 160 1112223',
        address: undefined,
      }),
    );
    // Jana again, through Immowelt, with her number written otherwise: a duplicate of the first on the same listing.
    lead.janaAgain = await deliver('immowelt', {
      enquiryId: 'iw-1',
      listingId: flat,
      portal: 'immoscout24',
      name: 'J. Beispiel',
      email: 'jana.privat@example.org',
      phone: '0049 151 23456789',
    });
    lead.studio = await deliver('immowelt', { enquiryId: 'iw-2', listingId: studio, name: 'Jana Beispiel', email: 'jana@example.org' });
    lead.unassigned = await deliver('immowelt', { enquiryId: 'iw-3', listingId: 'IW-UNBEKANNT', name: 'Ole Unbekannt' });
  });
  after(async () => {
    await server.stop();
    await closeTestDatabase();
  });

  it('a column loads page by page, newest first', async () => {
    const first = await clerk.get('/api/staff/leads?column=offen&limit=2');
    assert.equal(first.status, 200);
    assert.deepEqual(ids(first), [lead.studio, lead.janaAgain]);
    const second = await clerk.get(`/api/staff/leads?column=offen&limit=2&cursor=${first.body.nextCursor}`);
    assert.deepEqual(ids(second), [lead.jonas, lead.jana]);
    assert.equal(second.body.nextCursor, null);
    assert.deepEqual(ids(await clerk.get('/api/staff/leads?column=nicht_zugeordnet')), [lead.unassigned]);
    assert.deepEqual(ids(await clerk.get('/api/staff/leads?column=kontaktiert')), []);
  });

  it('filters by listing (or none), source and owner; counts per column follow the same filters', async () => {
    assert.deepEqual(ids(await clerk.get(`/api/staff/leads?listing=${flatId}`)), [lead.janaAgain, lead.jonas, lead.jana]);
    assert.deepEqual(ids(await clerk.get('/api/staff/leads?listing=none')), [lead.unassigned]);
    assert.deepEqual(ids(await clerk.get('/api/staff/leads?listing=none&column=offen')), []);
    // Jana's second enquiry came through Immowelt's relay but names IS24 as its portal.
    assert.deepEqual(ids(await clerk.get('/api/staff/leads?source=immowelt')), [lead.unassigned, lead.studio]);
    assert.deepEqual(ids(await clerk.get('/api/staff/leads?source=immoscout24,immowelt&owner=none&limit=1')), [lead.unassigned]);
    assert.deepEqual(ids(await clerk.get('/api/staff/leads?owner=me')), []);
    const counts = await clerk.get('/api/staff/leads/counts');
    assert.deepEqual(counts.body.columns, { nicht_zugeordnet: 1, offen: 4, kontaktiert: 0, besichtigt: 0, akzeptiert: 0, abgelehnt: 0 });
    const filtered = await clerk.get(`/api/staff/leads/counts?listing=${flatId}&source=immoscout24`);
    assert.deepEqual(filtered.body.columns.offen, 3);
    const unknown = await clerk.get('/api/staff/leads?source=kleinanzeigen');
    assert.equal(unknown.status, 400);
    assert.match(unknown.body.error.details.fields[0].message, /Unbekannte Quelle/);
  });

  it('marks duplicates on the same listing (same e-mail or same phone however written), not across listings', async () => {
    const cards = Object.fromEntries((await clerk.get('/api/staff/leads?limit=100')).body.items.map((card: any) => [card.id, card]));
    assert.equal(cards[lead.jana].duplicate, true);
    assert.equal(cards[lead.janaAgain].duplicate, true);
    assert.equal(cards[lead.jonas].duplicate, false);
    assert.equal(cards[lead.studio].duplicate, false, 'the same e-mail on another listing is no duplicate');
    const detail = (await clerk.get(`/api/staff/leads/${lead.jana}`)).body;
    assert.deepEqual(
      detail.duplicates.map((duplicate: any) => [duplicate.id, duplicate.matchedBy]),
      [[lead.janaAgain, ['phone']]],
    );
  });

  it('searches name and e-mail across listings; the phone only with the letting permission, and such finds are logged', async () => {
    assert.deepEqual(ids(await clerk.get('/api/staff/leads?q=beispiel')), [lead.studio, lead.janaAgain, lead.jana]);
    assert.deepEqual(ids(await clerk.get('/api/staff/leads?q=JONAS%40example')), [lead.jonas]);
    assert.deepEqual(ids(await clerk.get('/api/staff/leads?q=100%25')), [], 'LIKE wildcards match themselves');
    const withoutPermission = await clerk.get(`/api/staff/leads?q=${encodeURIComponent('0151 23456789')}`);
    assert.deepEqual(ids(withoutPermission), []);
    assert.equal(withoutPermission.body.contactVisible, false);
    assert.deepEqual(ids(await clerk.get('/api/staff/leads?q=Birkenweg')), [], 'no address search either');

    await grantLetting(['letting']);
    for (const written of ['+49 151 23456789', '0151/23456789', '0049 151 234 567 89', '23456789']) {
      const found = await clerk.get(`/api/staff/leads?q=${encodeURIComponent(written)}`);
      assert.deepEqual(ids(found), [lead.janaAgain, lead.jana], written);
      assert.equal(found.body.contactVisible, true);
    }
    const log = await admin.get(`/api/staff/leads/${lead.jana}/access-log`);
    assert.equal(log.status, 200);
    assert.ok(log.body.items.length >= 4);
    assert.deepEqual(
      { via: log.body.items[0].via, fields: log.body.items[0].fields, account: log.body.items[0].account },
      { via: 'search', fields: ['phone'], account: { id: company.clerk.id, label: 'Clara Sachbearbeiterin' } },
    );
    // The address, too (only Jana's first enquiry carries one).
    assert.deepEqual(ids(await clerk.get('/api/staff/leads?q=birkenweg')), [lead.jana]);
    const byAddress = (await admin.get(`/api/staff/leads/${lead.jana}/access-log`)).body.items[0];
    assert.deepEqual([byAddress.via, byAddress.fields], ['search', ['address']]);
    await grantLetting([]);
  });

  it('the detail shows phone and address only with the letting permission; every such view is in the access log', async () => {
    const hidden = await clerk.get(`/api/staff/leads/${lead.jana}`);
    assert.equal(hidden.body.contactVisible, false);
    assert.deepEqual([hidden.body.lead.phone, hidden.body.lead.address], [null, null]);
    const before = (await admin.get(`/api/staff/leads/${lead.jana}/access-log`)).body.items.length;

    await grantLetting(['letting']);
    const shown = await clerk.get(`/api/staff/leads/${lead.jana}`);
    assert.equal(shown.body.contactVisible, true);
    assert.deepEqual([shown.body.lead.phone, shown.body.lead.address], ['0151 23456789', 'Birkenweg 3, 22765 Hamburg']);
    const log = (await admin.get(`/api/staff/leads/${lead.jana}/access-log`)).body.items;
    assert.equal(log.length, before + 1);
    assert.deepEqual(
      { via: log[0].via, fields: log[0].fields, who: log[0].account.id },
      { via: 'detail', fields: ['phone', 'address'], who: company.clerk.id },
    );
    assert.ok(Date.now() - Date.parse(log[0].at) < 60_000);
    // Jonas has a phone but no address: only what was shown is logged.
    await clerk.get(`/api/staff/leads/${lead.jonas}`);
    assert.deepEqual((await admin.get(`/api/staff/leads/${lead.jonas}/access-log`)).body.items[0].fields, ['phone']);

    // Taken away, it counts at once (read from the account, not the session).
    await grantLetting([]);
    assert.equal((await clerk.get(`/api/staff/leads/${lead.jana}`)).body.lead.phone, null);
    assert.equal((await admin.get(`/api/staff/leads/${lead.jana}/access-log`)).body.items.length, before + 1);
    // The admin holds no letting permission either: roles do not imply it.
    assert.equal((await admin.get(`/api/staff/leads/${lead.jana}`)).body.lead.phone, null);
  });

  it('only admins set permissions and read the access log; changes are in the audit log', async () => {
    assert.equal(
      (await clerk.request('PUT', `/api/staff/accounts/${company.clerk.id}/permissions`, { permissions: ['letting'] })).status,
      403,
    );
    assert.equal((await clerk.get(`/api/staff/leads/${lead.jana}/access-log`)).status, 403);
    const resident = await signInResident(server, company);
    assert.equal((await resident.get(`/api/staff/leads/${lead.jana}`)).status, 403);
    const residentAccount = await admin.request('PUT', `/api/staff/accounts/${company.resident.accountId}/permissions`, {
      permissions: ['letting'],
    });
    assert.equal(residentAccount.status, 404, 'residents hold no staff permissions');
    const unknown = await admin.request('PUT', `/api/staff/accounts/${company.clerk.id}/permissions`, { permissions: ['alles'] });
    assert.equal(unknown.status, 400);
    assert.match(unknown.body.error.details.fields[0].message, /Unbekanntes Recht/);

    const granted = await admin.request('PUT', `/api/staff/accounts/${company.admin.id}/permissions`, { permissions: ['letting'] });
    assert.deepEqual(granted.body, { id: company.admin.id, permissions: ['letting'] });
    const audit = await withScope(db, { role: 'admin', tenantId: company.tenant.id, accountId: company.admin.id }, (tx) =>
      tx.query<{ details: any }>(`SELECT details FROM audit_log WHERE action = 'account.permissions_changed' ORDER BY at DESC LIMIT 1`),
    );
    assert.deepEqual(audit.rows[0].details, { accountId: company.admin.id, from: [], to: ['letting'] });
  });

  it('the detail carries the audit trail, oldest first (its SQL guards are in bff/isolation/sql-isolation.test.ts)', async () => {
    const { events } = (await clerk.get(`/api/staff/leads/${lead.jonas}`)).body;
    assert.deepEqual(
      events.map((event: any) => [event.kind, event.actor, event.from, event.to]),
      [['created', { role: 'system', name: null }, null, 'offen']],
    );
  });

  it('an unknown lead is 404 in German', async () => {
    const missing = await clerk.get('/api/staff/leads/00000000-0000-4000-8000-000000000000');
    assert.equal(missing.status, 404);
    assert.equal(missing.body.error.message, 'Interessent nicht gefunden.');
  });
});
