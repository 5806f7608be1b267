import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { closeTestDatabase, startTestServer, TestClient, TEST_ADMIN_TOKEN } from '../test/harness.ts';
import type { RunningServer } from '../server.ts';
import { withScope } from '../db/scope.ts';
import { hashActivationCode } from './use-cases.ts';

const CODE = /^[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}$/;
const newSlug = () => `hv-${randomBytes(4).toString('hex')}`;

describe('platform admin API', () => {
  let server: RunningServer;
  let admin: TestClient;

  before(async () => {
    server = await startTestServer();
    admin = new TestClient(server.url, { bearer: TEST_ADMIN_TOKEN });
  });
  after(async () => {
    await server.stop();
    await closeTestDatabase();
  });

  /** A housing company with one building and one unit, created through the API. */
  async function housingCompany() {
    const slug = newSlug();
    assert.equal((await admin.post('/api/admin/tenants', { slug, name: `HV ${slug}` })).status, 201);
    const building = await admin.post(`/api/admin/tenants/${slug}/buildings`, {
      externalRef: 'G-1',
      street: 'Lindenallee 12',
      postalCode: '20259',
      city: 'Hamburg',
    });
    assert.equal(building.status, 201);
    const unit = await admin.post(`/api/admin/tenants/${slug}/units`, { externalRef: 'W-1', buildingRef: 'G-1', label: 'EG links' });
    assert.equal(unit.status, 201);
    return slug;
  }

  async function activationCodeIsValid(slug: string, code: string): Promise<boolean> {
    const { rows } = await withScope(server.db, { role: 'platform' }, (tx) =>
      tx.query<{ id: string }>(`SELECT id FROM tenants WHERE slug = $1`, [slug]),
    );
    const valid = await withScope(server.db, { role: 'auth', tenantId: rows[0].id }, (tx) =>
      tx.query(`SELECT 1 FROM activation_codes WHERE code_hash = $1 AND used_at IS NULL AND expires_at > now()`, [
        hashActivationCode(code),
      ]),
    );
    return valid.rowCount === 1;
  }

  it('refuses requests without or with a wrong bearer token (401)', async () => {
    const anonymous = new TestClient(server.url);
    const noToken = await anonymous.request('POST', '/api/admin/tenants', { slug: newSlug(), name: 'X' }, { csrf: false });
    assert.equal(noToken.status, 401);
    assert.equal(noToken.body.error.code, 'unauthenticated');
    const wrong = new TestClient(server.url, { bearer: 'wrong-token-wrong-token-wrong-token' });
    for (const path of ['/api/admin/tenants', '/api/admin/tenants/x1/staff', '/api/admin/tenants/x1/activation-codes']) {
      const response = await wrong.post(path, {});
      assert.equal(response.status, 401, path);
      assert.match(response.body.error.message, /Admin-Token/);
    }
    const csv = await wrong.request('POST', '/api/admin/tenants/x1/residents/import', undefined, {
      raw: 'Mieternummer;Wohnung;Vorname;Nachname\n',
      headers: { 'content-type': 'text/csv' },
    });
    assert.equal(csv.status, 401);
  });

  it('creates a housing company (201) and refuses a duplicate slug (409)', async () => {
    const slug = newSlug();
    const created = await admin.post('/api/admin/tenants', {
      slug,
      name: 'Wohnbau Test eG',
      allowedOrigins: ['https://www.wohnbau-test.de/mieter'],
      theme: { '--mp-color-primary': '#005ca9' },
    });
    assert.equal(created.status, 201);
    assert.deepEqual(
      { slug: created.body.slug, name: created.body.name, allowedOrigins: created.body.allowedOrigins, theme: created.body.theme },
      { slug, name: 'Wohnbau Test eG', allowedOrigins: ['https://www.wohnbau-test.de'], theme: { '--mp-color-primary': '#005ca9' } },
    );
    const duplicate = await admin.post('/api/admin/tenants', { slug, name: 'Nochmal' });
    assert.equal(duplicate.status, 409);
    assert.equal(duplicate.body.error.code, 'slug_taken');
    assert.match(duplicate.body.error.message, /bereits vergeben/);
  });

  it('validates the housing company input (400 validation_failed with fields)', async () => {
    const response = await admin.post('/api/admin/tenants', { slug: 'Nicht Gültig', name: '', allowedOrigins: ['kein-url'] });
    assert.equal(response.status, 400);
    assert.equal(response.body.error.code, 'validation_failed');
    const paths = response.body.error.details.fields.map((field: { path: string }) => field.path);
    assert.ok(paths.includes('slug') && paths.includes('name') && paths.includes('allowedOrigins.0'), JSON.stringify(paths));
    const messageFor = (path: string) => response.body.error.details.fields.find((field: { path: string }) => field.path === path).message;
    assert.equal(messageFor('name'), 'Bitte ausfüllen.');
    assert.equal(messageFor('allowedOrigins.0'), 'Ungültige Origin');
  });

  it('answers 404 for an unknown housing company on every tenant route', async () => {
    const slug = newSlug();
    const requests = [
      admin.post(`/api/admin/tenants/${slug}/staff`, { email: 'a@b.de', displayName: 'A', role: 'clerk' }),
      admin.post(`/api/admin/tenants/${slug}/buildings`, { externalRef: 'G', street: 'S 1', postalCode: '12345', city: 'Ort' }),
      admin.post(`/api/admin/tenants/${slug}/units`, { externalRef: 'W', buildingRef: 'G', label: 'EG' }),
      admin.post(`/api/admin/tenants/${slug}/residents`, { externalRef: 'M', unitRef: 'W', firstName: 'A', lastName: 'B' }),
      admin.post(`/api/admin/tenants/${slug}/activation-codes`, { residentRef: 'M' }),
      admin.request('POST', `/api/admin/tenants/${slug}/residents/import`, undefined, {
        raw: 'Mieternummer;Wohnung;Vorname;Nachname\nM;W;A;B\n',
        headers: { 'content-type': 'text/csv' },
      }),
    ];
    for (const response of await Promise.all(requests)) {
      assert.equal(response.status, 404);
      assert.match(response.body.error.message, new RegExp(`Hausverwaltung „${slug}“ nicht gefunden`));
    }
  });

  it('adds staff with an activation code and refuses a duplicate e-mail (409)', async () => {
    const slug = await housingCompany();
    const clerk = await admin.post(`/api/admin/tenants/${slug}/staff`, {
      email: 'Clara@Example.de',
      displayName: 'Clara Sachbearbeiterin',
      role: 'clerk',
    });
    assert.equal(clerk.status, 201);
    assert.match(clerk.body.id, /^[0-9a-f-]{36}$/);
    assert.equal(clerk.body.email, 'clara@example.de');
    assert.match(clerk.body.activationCode, CODE);
    assert.ok(await activationCodeIsValid(slug, clerk.body.activationCode));
    const duplicate = await admin.post(`/api/admin/tenants/${slug}/staff`, {
      email: 'clara@example.de',
      displayName: 'Clara 2',
      role: 'admin',
    });
    assert.equal(duplicate.status, 409);
    assert.equal(duplicate.body.error.code, 'email_taken');
    const badRole = await admin.post(`/api/admin/tenants/${slug}/staff`, { email: 'x@example.de', displayName: 'X', role: 'resident' });
    assert.equal(badRole.status, 400);
  });

  it('adds buildings and units; duplicates are 409, an unknown building is 400', async () => {
    const slug = await housingCompany();
    const building = await admin.post(`/api/admin/tenants/${slug}/buildings`, {
      externalRef: 'G-2',
      street: 'Hafenstraße 5',
      postalCode: '20359',
      city: 'Hamburg',
    });
    assert.equal(building.status, 201);
    assert.equal(building.body.externalRef, 'G-2');
    const duplicateBuilding = await admin.post(`/api/admin/tenants/${slug}/buildings`, {
      externalRef: 'G-2',
      street: 'X 1',
      postalCode: '20359',
      city: 'Hamburg',
    });
    assert.equal(duplicateBuilding.status, 409);
    assert.equal(duplicateBuilding.body.error.code, 'duplicate_ref');
    const badPostalCode = await admin.post(`/api/admin/tenants/${slug}/buildings`, {
      externalRef: 'G-3',
      street: 'X 1',
      postalCode: '2035',
      city: 'Hamburg',
    });
    assert.equal(badPostalCode.status, 400);
    assert.equal(badPostalCode.body.error.details.fields[0].message, 'Postleitzahl muss fünfstellig sein');

    const unit = await admin.post(`/api/admin/tenants/${slug}/units`, { externalRef: 'W-2', buildingRef: 'G-2', label: '1. OG rechts' });
    assert.equal(unit.status, 201);
    assert.deepEqual({ ...unit.body, id: undefined }, { id: undefined, externalRef: 'W-2', buildingRef: 'G-2', label: '1. OG rechts' });
    const duplicateUnit = await admin.post(`/api/admin/tenants/${slug}/units`, { externalRef: 'W-2', buildingRef: 'G-2', label: 'x' });
    assert.equal(duplicateUnit.status, 409);
    const unknownBuilding = await admin.post(`/api/admin/tenants/${slug}/units`, { externalRef: 'W-3', buildingRef: 'G-404', label: 'x' });
    assert.equal(unknownBuilding.status, 400);
    assert.equal(unknownBuilding.body.error.code, 'unknown_building');
    assert.match(unknownBuilding.body.error.message, /Gebäude G-404 ist unbekannt/);
  });

  it('adds residents with activation codes; a duplicate ref is 409, an unknown unit is 400', async () => {
    const slug = await housingCompany();
    const resident = await admin.post(`/api/admin/tenants/${slug}/residents`, {
      externalRef: 'M-1',
      unitRef: 'W-1',
      firstName: 'Erika',
      lastName: 'Mustermann',
      contactEmail: 'erika@example.de',
    });
    assert.equal(resident.status, 201);
    assert.equal(resident.body.externalRef, 'M-1');
    assert.equal(resident.body.contactEmail, 'erika@example.de');
    assert.match(resident.body.activationCode, CODE);
    assert.ok(await activationCodeIsValid(slug, resident.body.activationCode));

    const duplicate = await admin.post(`/api/admin/tenants/${slug}/residents`, {
      externalRef: 'M-1',
      unitRef: 'W-1',
      firstName: 'A',
      lastName: 'B',
    });
    assert.equal(duplicate.status, 409);
    assert.equal(duplicate.body.error.code, 'duplicate_ref');
    const unknownUnit = await admin.post(`/api/admin/tenants/${slug}/residents`, {
      externalRef: 'M-2',
      unitRef: 'W-404',
      firstName: 'A',
      lastName: 'B',
    });
    assert.equal(unknownUnit.status, 400);
    assert.equal(unknownUnit.body.error.code, 'unknown_unit');
  });

  it('re-issues activation codes for residents and staff; the earlier code stops working', async () => {
    const slug = await housingCompany();
    const resident = await admin.post(`/api/admin/tenants/${slug}/residents`, {
      externalRef: 'M-7',
      unitRef: 'W-1',
      firstName: 'Max',
      lastName: 'Nachbar',
    });
    const clerk = await admin.post(`/api/admin/tenants/${slug}/staff`, { email: 'sb@example.de', displayName: 'SB', role: 'clerk' });

    const forResident = await admin.post(`/api/admin/tenants/${slug}/activation-codes`, { residentRef: 'M-7' });
    assert.equal(forResident.status, 201);
    assert.match(forResident.body.activationCode, CODE);
    assert.ok(await activationCodeIsValid(slug, forResident.body.activationCode));
    assert.equal(await activationCodeIsValid(slug, resident.body.activationCode), false, 'the letter replaces the earlier code');

    const forStaff = await admin.post(`/api/admin/tenants/${slug}/activation-codes`, { email: 'SB@example.de' });
    assert.equal(forStaff.status, 201);
    assert.ok(await activationCodeIsValid(slug, forStaff.body.activationCode));
    assert.equal(await activationCodeIsValid(slug, clerk.body.activationCode), false);

    const unknown = await admin.post(`/api/admin/tenants/${slug}/activation-codes`, { residentRef: 'M-404' });
    assert.equal(unknown.status, 404);
    const both = await admin.post(`/api/admin/tenants/${slug}/activation-codes`, { residentRef: 'M-7', email: 'sb@example.de' });
    assert.equal(both.status, 400);
    assert.equal(both.body.error.code, 'validation_failed');
    const neither = await admin.post(`/api/admin/tenants/${slug}/activation-codes`, {});
    assert.equal(neither.status, 400);
  });

  it('documents every admin route in the OpenAPI document', async () => {
    const { body } = await admin.get('/api/openapi.json');
    for (const path of [
      '/api/admin/tenants',
      '/api/admin/tenants/{slug}/staff',
      '/api/admin/tenants/{slug}/buildings',
      '/api/admin/tenants/{slug}/units',
      '/api/admin/tenants/{slug}/residents',
      '/api/admin/tenants/{slug}/residents/import',
      '/api/admin/tenants/{slug}/activation-codes',
      '/api/admin/tenants/{slug}/readmissions',
    ]) {
      assert.equal(body.paths[path]?.post?.['x-access'], 'platform', path);
      assert.ok(body.paths[path].post.responses['201'], path);
    }
  });
});
