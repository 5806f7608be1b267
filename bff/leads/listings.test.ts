import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { RunningServer } from '../server.ts';
import { closeTestDatabase, startTestServer, testDatabase, type TestClient } from '../test/harness.ts';
import { createHousingCompany, type HousingCompany } from '../test/fixtures.ts';
import { signInResident, signInStaff } from '../test/sign-in.ts';
import { listingBody } from './lead-test-support.ts';

/** Clerks create, edit and list their company's listings (Inserate) with the listing's id on each portal. */
describe('listings', () => {
  let server: RunningServer;
  let company: HousingCompany;
  let other: HousingCompany;
  let clerk: TestClient;

  before(async () => {
    const { db } = await testDatabase();
    server = await startTestServer();
    [company, other] = [await createHousingCompany(db), await createHousingCompany(db)];
    clerk = await signInStaff(server, company, 'clerk');
  });
  after(async () => {
    await server.stop();
    await closeTestDatabase();
  });

  it('a clerk creates a listing with its portal ids; the answer carries the unit, the address and the figures', async () => {
    const created = await clerk.post(
      '/api/staff/listings',
      listingBody(company, {
        title: '2,5-Zimmer-Altbau',
        rooms: 2.5,
        livingArea: 64.333,
        coldRent: 745.499,
        serviceCharges: 180,
        availableFrom: '2026-07-01',
        commission: 'provisionsfrei',
        portalIds: [
          { provider: 'immowelt', providerListingId: 'IW-2Z-77' },
          { provider: 'immoscout24', providerListingId: '158963214' },
          { provider: 'openimmo', providerListingId: 'OI-4711' },
        ],
      }),
    );
    assert.equal(created.status, 201, JSON.stringify(created.body));
    const { id, createdAt, updatedAt, ...listing } = created.body;
    assert.ok(id && createdAt && updatedAt);
    assert.deepEqual(listing, {
      title: '2,5-Zimmer-Altbau',
      unit: { id: company.units[0].id, label: 'EG links' },
      address: { street: 'Lindenallee 12', postalCode: '20259', city: 'Hamburg' },
      rooms: 2.5,
      livingArea: 64.33,
      coldRent: 745.5,
      serviceCharges: 180,
      availableFrom: '2026-07-01',
      commission: 'provisionsfrei',
      status: 'aktiv',
      portalIds: [
        { provider: 'immoscout24', providerListingId: '158963214' },
        { provider: 'immowelt', providerListingId: 'IW-2Z-77' },
        { provider: 'openimmo', providerListingId: 'OI-4711' },
      ],
      leadCount: 0,
    });
    assert.deepEqual((await clerk.get(`/api/staff/listings/${id}`)).body, created.body);
  });

  it('the commission is required; a bad field is 400 naming it in German', async () => {
    const { commission: _commission, ...withoutCommission } = listingBody(company);
    const missing = await clerk.post('/api/staff/listings', withoutCommission);
    assert.equal(missing.status, 400);
    assert.deepEqual(
      missing.body.error.details.fields.map((field: any) => field.path),
      ['commission'],
    );
    const bad = await clerk.post('/api/staff/listings', listingBody(company, { commission: ' ', rooms: 2.3, coldRent: -1 }));
    assert.equal(bad.status, 400);
    const messages = Object.fromEntries(bad.body.error.details.fields.map((field: any) => [field.path, field.message]));
    assert.deepEqual(Object.keys(messages).sort(), ['coldRent', 'commission', 'rooms']);
    assert.match(messages.rooms, /halben Schritten/);
    assert.match(messages.coldRent, /nicht negativ/);
  });

  it("another company's unit is unknown; a portal id of another listing is taken (409); a provider twice is refused", async () => {
    const foreignUnit = await clerk.post('/api/staff/listings', listingBody(company, { unitId: other.units[0].id }));
    assert.equal(foreignUnit.status, 400);
    assert.equal(foreignUnit.body.error.code, 'unknown_unit');

    const first = await clerk.post(
      '/api/staff/listings',
      listingBody(company, { portalIds: [{ provider: 'immowelt', providerListingId: 'IW-1' }] }),
    );
    assert.equal(first.status, 201);
    const taken = await clerk.post(
      '/api/staff/listings',
      listingBody(company, { portalIds: [{ provider: 'immowelt', providerListingId: 'IW-1' }] }),
    );
    assert.equal(taken.status, 409);
    assert.equal(taken.body.error.code, 'portal_id_taken');
    assert.match(taken.body.error.message, /immowelt IW-1/);
    const twice = await clerk.post(
      '/api/staff/listings',
      listingBody(company, {
        portalIds: [
          { provider: 'immowelt', providerListingId: 'IW-2' },
          { provider: 'immowelt', providerListingId: 'IW-3' },
        ],
      }),
    );
    assert.equal(twice.status, 400);
    // The same id at another company is its own.
    const otherClerk = await signInStaff(server, other, 'clerk');
    assert.equal(
      (
        await otherClerk.post(
          '/api/staff/listings',
          listingBody(other, { portalIds: [{ provider: 'immowelt', providerListingId: 'IW-1' }] }),
        )
      ).status,
      201,
    );
  });

  it('editing changes the named fields only; portal ids are replaced as a whole; the listing can be let', async () => {
    const created = (await clerk.post('/api/staff/listings', listingBody(company))).body;
    const changed = await clerk.patch(`/api/staff/listings/${created.id}`, {
      coldRent: 910,
      availableFrom: null,
      status: 'vermietet',
      portalIds: [{ provider: 'immowelt', providerListingId: 'IW-neu' }],
    });
    assert.equal(changed.status, 200, JSON.stringify(changed.body));
    assert.deepEqual(
      {
        coldRent: changed.body.coldRent,
        availableFrom: changed.body.availableFrom,
        status: changed.body.status,
        portalIds: changed.body.portalIds,
        title: changed.body.title,
        serviceCharges: changed.body.serviceCharges,
      },
      {
        coldRent: 910,
        availableFrom: null,
        status: 'vermietet',
        portalIds: [{ provider: 'immowelt', providerListingId: 'IW-neu' }],
        title: created.title,
        serviceCharges: created.serviceCharges,
      },
    );
    assert.equal((await clerk.patch(`/api/staff/listings/${created.id}`, {})).status, 400, 'nothing to change');
    const otherClerk = await signInStaff(server, other, 'admin');
    assert.equal((await otherClerk.patch(`/api/staff/listings/${created.id}`, { coldRent: 1 })).status, 404);
  });

  it('lists newest first, page by page, by status; residents get 403', async () => {
    const fresh = await createHousingCompany((await testDatabase()).db);
    const admin = await signInStaff(server, fresh, 'admin');
    const ids: string[] = [];
    for (const status of ['aktiv', 'vermietet', 'aktiv']) {
      ids.push((await admin.post('/api/staff/listings', listingBody(fresh, { status }))).body.id);
    }
    const first = await admin.get('/api/staff/listings?limit=2');
    assert.deepEqual(
      first.body.items.map((item: any) => item.id),
      [ids[2], ids[1]],
    );
    const second = await admin.get(`/api/staff/listings?limit=2&cursor=${first.body.nextCursor}`);
    assert.deepEqual(
      second.body.items.map((item: any) => item.id),
      [ids[0]],
    );
    assert.equal(second.body.nextCursor, null);
    const active = await admin.get('/api/staff/listings?status=aktiv');
    assert.deepEqual(
      active.body.items.map((item: any) => item.id),
      [ids[2], ids[0]],
    );
    const resident = await signInResident(server, fresh);
    assert.equal((await resident.get('/api/staff/listings')).status, 403);
  });

  it("the listing form offers the company's units with their address and whether an active listing has one", async () => {
    const fresh = await createHousingCompany((await testDatabase()).db);
    const admin = await signInStaff(server, fresh, 'admin');
    await admin.post('/api/staff/listings', listingBody(fresh, { unitId: fresh.units[1].id }));
    const units = await admin.get('/api/staff/units');
    assert.equal(units.status, 200, JSON.stringify(units.body));
    const address = { street: 'Lindenallee 12', postalCode: '20259', city: 'Hamburg' };
    assert.deepEqual(units.body.items, [
      { id: fresh.units[0].id, label: 'EG links', address, activeListing: false },
      { id: fresh.units[1].id, label: 'EG rechts', address, activeListing: true },
    ]);
    const resident = await signInResident(server, fresh);
    assert.equal((await resident.get('/api/staff/units')).status, 403);
  });

  it('creating is safe to retry with the same Idempotency-Key', async () => {
    const body = listingBody(company, { title: 'Einmal anlegen' });
    const key = `listing-${Date.now()}`;
    const first = await clerk.request('POST', '/api/staff/listings', body, { headers: { 'idempotency-key': key } });
    const again = await clerk.request('POST', '/api/staff/listings', body, { headers: { 'idempotency-key': key } });
    assert.deepEqual([first.status, again.status], [201, 201]);
    assert.equal(again.body.id, first.body.id);
    assert.equal(again.headers.get('idempotent-replayed'), 'true');
  });
});
