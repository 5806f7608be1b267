import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { asTenantAdmin } from '../tenants/use-cases.ts';
import type { RunningServer } from '../server.ts';
import { closeTestDatabase, mailsTo, startTestServer, type TestClient } from '../test/harness.ts';
import { signInResident, signInStaff } from '../test/sign-in.ts';
import { insertDamageCategory, insertDamageKind, insertDamageLocation, translateDefaultCatalogue } from './catalogue-repository.ts';
import { createCaseCompany, damageChoice, documentTypeId } from './case-test-support.ts';

interface Entry {
  id: string;
  label: string;
}
interface Catalogue {
  damageLocations: Array<Entry & { categories: Array<Entry & { kinds: Entry[] }> }>;
  documentTypes: Entry[];
}

/** A GET or POST as a widget in that language sends it (no header: as a client that names none). */
function inLanguage(client: TestClient, language: string | undefined, method: 'GET' | 'POST', path: string, body?: unknown) {
  return client.request(method, path, body, { headers: language ? { 'accept-language': language } : {} });
}

async function catalogue(client: TestClient, language?: string): Promise<Catalogue> {
  const { status, body } = await inLanguage(client, language, 'GET', '/api/cases/catalogue');
  assert.equal(status, 200, JSON.stringify(body));
  return body;
}

const byLabel = (entries: Entry[], label: string) => entries.find((entry) => entry.label === label);

/** Location, first category and its first kind as [location, category, kind] labels. */
const firstPath = (answer: Catalogue, location: number) => {
  const place = answer.damageLocations[location];
  return [place.label, place.categories[0].label, place.categories[0].kinds[0].label];
};

describe('cases: catalogue labels in the reader’s language', () => {
  let server: RunningServer;
  before(async () => {
    server = await startTestServer();
  });
  after(async () => {
    await server.stop();
    await closeTestDatabase();
  });

  it('answers the default catalogue in the widget’s language, and in German for a language it does not know', async () => {
    const company = await createCaseCompany(server);
    const resident = await signInResident(server, company);

    const german = await catalogue(resident);
    assert.deepEqual(firstPath(german, 0), ['Wohnung', 'Sanitär', 'Wasserhahn tropft']);
    assert.equal(german.documentTypes[0].label, 'Mieterbescheinigung');

    const english = await catalogue(resident, 'en');
    assert.deepEqual(firstPath(english, 0), ['Flat', 'Plumbing', 'Dripping tap']);
    assert.equal(english.documentTypes[0].label, 'Tenancy certificate');
    assert.deepEqual(firstPath(await catalogue(resident, 'tr'), 0), ['Daire', 'Sıhhi tesisat', 'Musluk damlatıyor']);
    assert.deepEqual(firstPath(await catalogue(resident, 'pl-PL,pl;q=0.9,en;q=0.8'), 0), [
      'Mieszkanie',
      'Instalacja sanitarna',
      'Kapiący kran',
    ]);
    assert.deepEqual(firstPath(await catalogue(resident, 'uk'), 3), ['Ліфт', 'Ліфт', 'Ліфт не працює']);

    for (const language of ['de-AT', 'fr', 'fr-FR,it;q=0.5']) assert.deepEqual(await catalogue(resident, language), german, language);
    const ids = (answer: Catalogue) =>
      answer.damageLocations.map((location) => [location.id, location.categories.map((category) => category.id)]);
    assert.deepEqual(ids(english), ids(german), 'the same entries, only the labels differ');
  });

  it('gives every default entry of a new housing company a translation in each residents’ language', async () => {
    const company = await createCaseCompany(server);
    const untranslated = await asTenantAdmin(server.db, company.tenant.id, async (tx) => {
      const { rows } = await tx.query<{ label: string }>(
        `SELECT label FROM damage_locations WHERE NOT label_translations ?& array['en', 'tr', 'pl', 'uk']
         UNION ALL SELECT label FROM damage_categories WHERE NOT label_translations ?& array['en', 'tr', 'pl', 'uk']
         UNION ALL SELECT label FROM damage_kinds WHERE NOT label_translations ?& array['en', 'tr', 'pl', 'uk']
         UNION ALL SELECT label FROM document_types WHERE NOT label_translations ?& array['en', 'tr', 'pl', 'uk']`,
      );
      return rows.map((row) => row.label);
    });
    assert.deepEqual(untranslated, []);
  });

  it('shows a company’s own label in German wherever it has no translation for the language', async () => {
    const company = await createCaseCompany(server);
    await asTenantAdmin(server.db, company.tenant.id, async (tx) => {
      const location = await insertDamageLocation(tx, company.tenant.id, 'Gästewohnung', 10, { en: 'Guest flat' });
      const category = await insertDamageCategory(tx, company.tenant.id, location, 'Schlüssel und Schlösser', 0);
      await insertDamageKind(tx, company.tenant.id, category, 'Schlüssel verloren', 0, { en: 'Key lost', pl: 'Zgubiony klucz' });
    });
    const resident = await signInResident(server, company);
    const own = (answer: Catalogue) => firstPath(answer, answer.damageLocations.length - 1);

    assert.deepEqual(own(await catalogue(resident, 'en')), ['Guest flat', 'Schlüssel und Schlösser', 'Key lost']);
    assert.deepEqual(own(await catalogue(resident, 'pl')), ['Gästewohnung', 'Schlüssel und Schlösser', 'Zgubiony klucz']);
    assert.deepEqual(own(await catalogue(resident, 'tr')), ['Gästewohnung', 'Schlüssel und Schlösser', 'Schlüssel verloren']);
  });

  it('keeps a housing company’s translations to itself, even for the same German label', async () => {
    const [first, second] = [await createCaseCompany(server), await createCaseCompany(server)];
    await asTenantAdmin(server.db, first.tenant.id, (tx) =>
      insertDamageLocation(tx, first.tenant.id, 'Gemeinschaftsgarten', 10, { en: 'Shared garden of the first company' }),
    );
    await asTenantAdmin(server.db, second.tenant.id, (tx) => insertDamageLocation(tx, second.tenant.id, 'Gemeinschaftsgarten', 10));

    const fromFirst = await catalogue(await signInResident(server, first), 'en');
    const fromSecond = await catalogue(await signInResident(server, second), 'en');
    assert.ok(byLabel(fromFirst.damageLocations, 'Shared garden of the first company'));
    assert.ok(byLabel(fromSecond.damageLocations, 'Gemeinschaftsgarten'), 'German, its own row has no translation');
    assert.doesNotMatch(JSON.stringify(fromSecond), /first company/);
  });

  it('names damage and requested document in case views in the reader’s language, while the case keeps its German title', async () => {
    const company = await createCaseCompany(server);
    const resident = await signInResident(server, company);
    const damage = await damageChoice(resident);
    const filed = await inLanguage(resident, 'tr', 'POST', '/api/cases', { type: 'damage', ...damage, description: 'Tropft seit Montag.' });
    assert.equal(filed.status, 201, JSON.stringify(filed.body));
    assert.equal(filed.body.case.damage.kind.label, 'Musluk damlatıyor');
    assert.equal(filed.body.case.title, 'Wasserhahn tropft – Wohnung', 'stored as the housing company names it');
    const certificate = await documentTypeId(resident, 'Mieterbescheinigung');
    const requested = await resident.post('/api/cases', { type: 'document_request', documentTypeId: certificate });
    assert.equal(requested.status, 201, JSON.stringify(requested.body));

    const detail = await inLanguage(resident, 'pl', 'GET', `/api/cases/${filed.body.case.id}`);
    const { location, category, kind } = detail.body.case.damage;
    assert.deepEqual([location.label, category.label, kind.label], ['Mieszkanie', 'Instalacja sanitarna', 'Kapiący kran']);
    assert.deepEqual([location.id, category.id, kind.id], [damage.damageLocationId, damage.damageCategoryId, damage.damageKindId]);

    const list = await inLanguage(resident, 'uk', 'GET', '/api/cases');
    const documentCase = list.body.items.find((item: { id: string }) => item.id === requested.body.case.id);
    assert.deepEqual(documentCase.documentType, { id: certificate, label: 'Довідка про оренду', key: 'tenant_certificate' });

    const clerk = await signInStaff(server, company, 'clerk');
    const staffDetail = await inLanguage(clerk, 'en', 'GET', `/api/staff/cases/${filed.body.case.id}`);
    assert.equal(staffDetail.status, 200, JSON.stringify(staffDetail.body));
    assert.equal(staffDetail.body.case.damage.kind.label, 'Dripping tap');
    const staffList = await clerk.get('/api/staff/cases');
    const listed = staffList.body.items.find((item: { id: string }) => item.id === filed.body.case.id);
    assert.equal(listed.damage.kind.label, 'Wasserhahn tropft');
  });

  it('answers “Bereits gemeldet?” and joined incidents in the reader’s language, and names the damage in their e-mails in theirs', async () => {
    const company = await createCaseCompany(server);
    const reporter = await signInResident(server, company);
    const neighbour = await signInResident(server, company, 'neighbour');
    // The lift: a common area, whose reports the whole building is offered.
    const damage = await damageChoice(reporter, { location: 'Aufzug', category: 'Aufzug', kind: 'Aufzug steht still' });
    const filed = await reporter.post('/api/cases', { type: 'damage', ...damage, description: 'Steht seit Montag.' });
    assert.equal(filed.status, 201, JSON.stringify(filed.body));
    const { caseNumber } = filed.body.case;

    const open = await inLanguage(neighbour, 'tr', 'GET', `/api/cases/open-damage-reports?categoryId=${damage.damageCategoryId}`);
    assert.deepEqual(
      open.body.items.map((item: Record<string, string>) => [item.caseNumber, item.damageLocation, item.damageCategory, item.damageKind]),
      [[caseNumber, 'Asansör', 'Asansör', 'Asansör çalışmıyor']],
    );
    const joined = await inLanguage(neighbour, 'en', 'POST', `/api/cases/open-damage-reports/${caseNumber}/join`, {});
    assert.equal(joined.status, 201, JSON.stringify(joined.body));
    assert.equal(joined.body.incident.damageKind, 'Lift not working');
    const mine = await inLanguage(neighbour, 'pl', 'GET', '/api/cases/joined');
    assert.equal(mine.status, 200, JSON.stringify(mine.body));
    assert.deepEqual(
      mine.body.items.map((item: Record<string, string>) => [item.damageLocation, item.damageKind]),
      [['Winda', 'Winda nie działa']],
    );

    const chosen = await neighbour.request('PUT', '/api/account/language', { language: 'uk' });
    assert.equal(chosen.status, 200, JSON.stringify(chosen.body));
    const clerk = await signInStaff(server, company, 'clerk');
    const changed = await clerk.patch(`/api/staff/cases/${filed.body.case.id}/status`, { status: 'beauftragt' });
    assert.equal(changed.status, 200, JSON.stringify(changed.body));
    const [mail] = await mailsTo(server, company.neighbour.email);
    assert.match(mail.text, /Ліфт не працює – Ліфт/);
  });

  it('translates the default rows of a company that had none, by label and by document type key, and leaves its own words alone', async () => {
    const company = await createCaseCompany(server);
    // As the company looked before migration 0013: no translations, a renamed default document type and
    // an entry whose label happens to be a default one but that the company translated itself.
    await asTenantAdmin(server.db, company.tenant.id, async (tx) => {
      for (const table of ['damage_locations', 'damage_categories', 'damage_kinds', 'document_types']) {
        await tx.query(`UPDATE ${table} SET label_translations = '{}'`);
      }
      await tx.query(`UPDATE document_types SET label = 'Bescheinigung über das Mietverhältnis' WHERE key = 'tenant_certificate'`);
      await tx.query(`UPDATE damage_categories SET label_translations = '{"en": "Plumbing and pipes"}' WHERE label = 'Sanitär'`);
      await translateDefaultCatalogue(tx);
    });
    const english = await catalogue(await signInResident(server, company), 'en');
    assert.deepEqual(firstPath(english, 0), ['Flat', 'Plumbing and pipes', 'Dripping tap']);
    assert.equal(english.documentTypes[0].label, 'Tenancy certificate');
  });
});
