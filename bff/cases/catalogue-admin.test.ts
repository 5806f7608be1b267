import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { RunningServer } from '../server.ts';
import { closeTestDatabase, startTestServer } from '../test/harness.ts';
import { signInResident, signInStaff } from '../test/sign-in.ts';
import { asTenantAdmin } from '../tenants/use-cases.ts';
import type { HousingCompany } from '../test/fixtures.ts';
import { createCaseCompany, damageChoice } from './case-test-support.ts';

/** The admins' catalogue editor: what they add, rename and remove is what residents choose from; audited, admin-only, per company. */
describe('cases: the admins’ catalogue editor', () => {
  let server: RunningServer;
  before(async () => {
    server = await startTestServer();
  });
  after(async () => {
    await server.stop();
    await closeTestDatabase();
  });

  const auditOf = (company: HousingCompany) =>
    asTenantAdmin(server.db, company.tenant.id, async (tx) => {
      const { rows } = await tx.query<{ actor_account_id: string; details: any }>(
        `SELECT actor_account_id, details FROM audit_log WHERE action = 'catalogue.changed' ORDER BY at, id`,
      );
      return rows;
    });

  it('an admin adds a damage kind with a translation; residents are offered it in their language and can report it', async () => {
    const company = await createCaseCompany(server);
    const admin = await signInStaff(server, company, 'admin');
    const { body: catalogue } = await admin.get('/api/staff/admin/catalogue');
    const flat = catalogue.damageLocations.find((location: any) => location.label === 'Wohnung');
    const sanitary = flat.categories.find((category: any) => category.label === 'Sanitär');
    assert.equal(typeof flat.commonArea, 'boolean');

    const added = await admin.post('/api/staff/admin/catalogue/kinds', {
      parentId: sanitary.id,
      label: '  Duschabfluss verstopft ',
      translations: { en: 'Shower drain blocked', pl: '' },
    });
    assert.equal(added.status, 201, JSON.stringify(added.body));
    const kind = added.body.damageLocations
      .find((location: any) => location.id === flat.id)
      .categories.find((category: any) => category.id === sanitary.id)
      .kinds.at(-1);
    assert.deepEqual([kind.label, kind.translations], ['Duschabfluss verstopft', { en: 'Shower drain blocked' }]);

    const resident = await signInResident(server, company);
    const choice = await damageChoice(resident, { location: 'Wohnung', category: 'Sanitär', kind: 'Duschabfluss verstopft' });
    const english = await resident.request('GET', '/api/cases/catalogue', undefined, { headers: { 'accept-language': 'en' } });
    const englishKinds = english.body.damageLocations.flatMap((l: any) =>
      l.categories.flatMap((c: any) => c.kinds.map((k: any) => k.label)),
    );
    assert.ok(englishKinds.includes('Shower drain blocked'), englishKinds.join(', '));
    const filed = await resident.post('/api/cases', { type: 'damage', ...choice, description: 'Das Wasser läuft nicht ab.' });
    assert.equal(filed.status, 201, JSON.stringify(filed.body));

    const log = await auditOf(company);
    assert.deepEqual(
      log.map((entry) => [entry.actor_account_id, entry.details.level, entry.details.change, entry.details.label]),
      [[company.admin.id, 'kinds', 'added', 'Duschabfluss verstopft']],
    );
  });

  it('renames, marks a common area, moves and removes; an entry in use is refused and stays', async () => {
    const company = await createCaseCompany(server);
    const admin = await signInStaff(server, company, 'admin');
    const location = await admin.post('/api/staff/admin/catalogue/locations', { label: 'Fahrradkeller', commonArea: true });
    assert.equal(location.status, 201, JSON.stringify(location.body));
    const cellar = location.body.damageLocations.find((entry: any) => entry.label === 'Fahrradkeller');
    assert.equal(cellar.commonArea, true);
    assert.equal(location.body.damageLocations.at(-1).id, cellar.id, 'a new entry comes last');

    const moved = await admin.patch(`/api/staff/admin/catalogue/locations/${cellar.id}`, {
      label: 'Fahrradraum',
      translations: { en: 'Bike room' },
      commonArea: false,
      position: 0,
    });
    assert.equal(moved.status, 200, JSON.stringify(moved.body));
    assert.deepEqual(
      [moved.body.damageLocations[0].label, moved.body.damageLocations[0].commonArea, moved.body.damageLocations[0].translations],
      ['Fahrradraum', false, { en: 'Bike room' }],
    );

    const category = await admin.post('/api/staff/admin/catalogue/categories', { parentId: cellar.id, label: 'Tür' });
    const categoryId = category.body.damageLocations[0].categories[0].id;
    await admin.post('/api/staff/admin/catalogue/kinds', { parentId: categoryId, label: 'Schloss klemmt' });
    // Removing the location takes its category and kind with it.
    const removed = await admin.delete(`/api/staff/admin/catalogue/locations/${cellar.id}`);
    assert.equal(removed.status, 200, JSON.stringify(removed.body));
    assert.ok(!removed.body.damageLocations.some((entry: any) => entry.id === cellar.id));

    // A kind a resident reported with stays.
    const resident = await signInResident(server, company);
    const choice = await damageChoice(resident);
    await resident.post('/api/cases', { type: 'damage', ...choice, description: 'Tropft seit gestern.' });
    const refused = await admin.delete(`/api/staff/admin/catalogue/kinds/${choice.damageKindId}`);
    assert.equal(refused.status, 409);
    assert.equal(refused.body.error.code, 'catalogue_entry_in_use');
    assert.match(refused.body.error.message, /umbenennen/);
    await damageChoice(resident);

    const actions = (await auditOf(company)).map((entry) => `${entry.details.level} ${entry.details.change}`);
    assert.deepEqual(actions, ['locations added', 'locations changed', 'categories added', 'kinds added', 'locations removed']);
  });

  it('document types: added with readers and translations, listed for residents', async () => {
    const company = await createCaseCompany(server);
    const admin = await signInStaff(server, company, 'admin');
    const added = await admin.post('/api/staff/admin/catalogue/document-types', {
      label: 'Bescheinigung für das Jobcenter',
      translations: { en: 'Certificate for the job centre' },
      readers: 'tenants',
    });
    assert.equal(added.status, 201, JSON.stringify(added.body));
    assert.deepEqual(
      added.body.documentTypes.filter((type: any) => type.label === 'Bescheinigung für das Jobcenter').map((type: any) => type.readers),
      ['tenants'],
    );
    const resident = await signInResident(server, company);
    const { body } = await resident.get('/api/cases/catalogue');
    assert.ok(body.documentTypes.some((type: any) => type.label === 'Bescheinigung für das Jobcenter'));
  });

  it('refuses bad input with German messages at the field, and changes nothing', async () => {
    const company = await createCaseCompany(server);
    const admin = await signInStaff(server, company, 'admin');
    const before = (await admin.get('/api/staff/admin/catalogue')).body;
    const cases: Array<[string, unknown, string, RegExp]> = [
      ['locations', { label: '   ' }, 'label', /Bezeichnung/],
      ['locations', { label: 'x'.repeat(101) }, 'label', /100 Zeichen/],
      ['locations', { label: 'Wohnung' }, 'label', /gibt es hier schon/],
      ['kinds', { label: 'Neu' }, 'parentId', /wozu/],
      ['kinds', { label: 'Neu', parentId: '00000000-0000-4000-8000-000000000000' }, 'parentId', /gibt es im Katalog nicht/],
      ['locations', { label: 'Neu', translations: { fr: 'Nouveau' } }, 'translations', /en, tr, pl und uk, nicht für fr/],
      ['locations', { label: 'Neu', colour: 'rot' }, '', /Unbekanntes Feld: colour/],
    ];
    for (const [level, body, path, message] of cases) {
      const answer = await admin.post(`/api/staff/admin/catalogue/${level}`, body);
      assert.equal(answer.status, 400, JSON.stringify(body));
      const field = answer.body.error.details.fields.find((entry: any) => entry.path === path);
      assert.ok(field, `${JSON.stringify(body)}: ${JSON.stringify(answer.body.error.details.fields)}`);
      assert.match(field.message, message);
    }
    assert.deepEqual((await admin.get('/api/staff/admin/catalogue')).body, before);
    assert.deepEqual(await auditOf(company), []);
  });

  it('is for admins only: a clerk gets 403 and changes nothing; another company’s admin cannot touch this company’s entries', async () => {
    const a = await createCaseCompany(server);
    const b = await createCaseCompany(server);
    const clerk = await signInStaff(server, a, 'clerk');
    const adminA = await signInStaff(server, a, 'admin');
    const adminB = await signInStaff(server, b, 'admin');
    const catalogueA = (await adminA.get('/api/staff/admin/catalogue')).body;
    const locationA = catalogueA.damageLocations[0];

    assert.equal((await clerk.get('/api/staff/admin/catalogue')).status, 403);
    assert.equal((await clerk.post('/api/staff/admin/catalogue/locations', { label: 'Vom Clerk' })).status, 403);
    assert.equal((await clerk.patch(`/api/staff/admin/catalogue/locations/${locationA.id}`, { label: 'Vom Clerk' })).status, 403);
    assert.equal((await clerk.delete(`/api/staff/admin/catalogue/locations/${locationA.id}`)).status, 403);

    // B's admin names A's ids: they do not exist for B.
    assert.equal((await adminB.patch(`/api/staff/admin/catalogue/locations/${locationA.id}`, { label: 'Von B' })).status, 404);
    assert.equal((await adminB.delete(`/api/staff/admin/catalogue/locations/${locationA.id}`)).status, 404);
    const intoA = await adminB.post('/api/staff/admin/catalogue/categories', { parentId: locationA.id, label: 'Von B' });
    assert.equal(intoA.status, 400);
    assert.deepEqual((await adminA.get('/api/staff/admin/catalogue')).body, catalogueA);
    assert.deepEqual(await auditOf(a), []);
  });

  it('routing rules: an admin’s change is in the audit log; a clerk is refused; another company’s admin cannot remove the rule', async () => {
    const a = await createCaseCompany(server);
    const b = await createCaseCompany(server);
    const adminA = await signInStaff(server, a, 'admin');
    const adminB = await signInStaff(server, b, 'admin');
    const clerk = await signInStaff(server, a, 'clerk');
    const rule = { caseType: 'complaint', damageCategoryId: null, assigneeId: a.clerk.id };
    assert.equal((await clerk.request('PUT', '/api/staff/case-routing-rules', rule)).status, 403);
    const set = await adminA.request('PUT', '/api/staff/case-routing-rules', rule);
    assert.equal(set.status, 200, JSON.stringify(set.body));
    assert.equal((await adminB.delete(`/api/staff/case-routing-rules/${set.body.id}`)).status, 404);
    assert.equal((await clerk.delete(`/api/staff/case-routing-rules/${set.body.id}`)).status, 403);
    assert.equal((await adminA.delete(`/api/staff/case-routing-rules/${set.body.id}`)).status, 204);
    const log = await asTenantAdmin(server.db, a.tenant.id, async (tx) => {
      const { rows } = await tx.query<{ actor_account_id: string; details: any }>(
        `SELECT actor_account_id, details FROM audit_log WHERE action = 'routing.changed' ORDER BY at, id`,
      );
      return rows;
    });
    assert.deepEqual(
      log.map((entry) => [entry.actor_account_id, entry.details.change]),
      [
        [a.admin.id, 'set'],
        [a.admin.id, 'removed'],
      ],
    );
  });
});
