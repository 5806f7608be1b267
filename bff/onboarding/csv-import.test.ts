import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { closeTestDatabase, startTestServer, TestClient, TEST_ADMIN_TOKEN } from '../test/harness.ts';
import type { RunningServer } from '../server.ts';
import { asTenantAdmin, requireTenant } from '../tenants/use-cases.ts';

const CODE = /^[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}$/;
const HEADER = 'Mieternummer;Wohnung;Gebäude;Straße;PLZ;Ort;Lage;Vorname;Nachname;E-Mail';

describe('resident CSV import', () => {
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

  async function newHousingCompany() {
    const slug = `hv-${randomBytes(4).toString('hex')}`;
    assert.equal((await admin.post('/api/admin/tenants', { slug, name: `HV ${slug}` })).status, 201);
    return slug;
  }

  const importCsv = (slug: string, csv: string, contentType = 'text/csv; charset=utf-8') =>
    admin.request('POST', `/api/admin/tenants/${slug}/residents/import`, undefined, { raw: csv, headers: { 'content-type': contentType } });

  async function counts(slug: string) {
    const tenant = await requireTenant(server.db, slug);
    return asTenantAdmin(server.db, tenant.id, async (tx) => {
      const count = async (table: string) => Number((await tx.query<{ n: string }>(`SELECT count(*) AS n FROM ${table}`)).rows[0].n);
      return {
        buildings: await count('buildings'),
        units: await count('units'),
        residents: await count('residents'),
        accounts: await count('accounts'),
      };
    });
  }

  it('imports a semicolon file with BOM and German headers, creating buildings and units', async () => {
    const slug = await newHousingCompany();
    const csv =
      '\uFEFF' +
      [
        HEADER,
        'M-1001;W-01;G-1;Lindenallee 12;20259;Hamburg;EG links;Erika;Mustermann;erika@example.de',
        'M-1002;W-02;G-1;Lindenallee 12;20259;Hamburg;EG rechts;Jürgen;Größe;',
        'M-1003;W-02;G-1;;;;;Ömer;Çelik;',
        '',
        'M-1004;W-03;G-2;"Hafenstraße 5; Hinterhaus";20359;Hamburg;1. OG;Ann-Kathrin;"Meyer, geb. Schulz";',
      ].join('\r\n') +
      '\r\n';
    const response = await importCsv(slug, csv);
    assert.equal(response.status, 201, JSON.stringify(response.body));
    assert.equal(response.body.imported, 4);
    assert.equal(response.body.createdBuildings, 2);
    assert.equal(response.body.createdUnits, 3);
    assert.deepEqual(
      response.body.activationCodes.map((c: { line: number; residentRef: string; name: string }) => [c.line, c.residentRef, c.name]),
      [
        [2, 'M-1001', 'Erika Mustermann'],
        [3, 'M-1002', 'Jürgen Größe'],
        [4, 'M-1003', 'Ömer Çelik'],
        [6, 'M-1004', 'Ann-Kathrin Meyer, geb. Schulz'],
      ],
    );
    for (const code of response.body.activationCodes) assert.match(code.activationCode, CODE);
    assert.deepEqual(await counts(slug), { buildings: 2, units: 3, residents: 4, accounts: 4 });
  });

  it('imports a comma file into existing units (building columns optional)', async () => {
    const slug = await newHousingCompany();
    await admin.post(`/api/admin/tenants/${slug}/buildings`, {
      externalRef: 'G-1',
      street: 'Leopoldstraße 40',
      postalCode: '80802',
      city: 'München',
    });
    await admin.post(`/api/admin/tenants/${slug}/units`, { externalRef: 'W-1', buildingRef: 'G-1', label: 'EG' });
    const csv =
      'Mieternummer,Wohnung,Vorname,Nachname,E-Mail,Telefon\nS-1,W-1,Sophie,Huber,sophie@example.de,089 123\nS-2,W-1,Lukas,"Bauer, jun.",,\n';
    const response = await importCsv(slug, csv, 'text/plain');
    assert.equal(response.status, 201, JSON.stringify(response.body));
    assert.equal(response.body.imported, 2);
    assert.equal(response.body.createdUnits, 0);
    assert.equal(response.body.activationCodes[1].name, 'Lukas Bauer, jun.');
    assert.deepEqual(await counts(slug), { buildings: 1, units: 1, residents: 2, accounts: 2 });
  });

  it('carries the relation: tenants and owners, a person in several rows owning or renting several flats', async () => {
    const slug = await newHousingCompany();
    const csv = [
      `${HEADER};Verhältnis;Kaltmiete`,
      'M-1;W-01;G-1;Lindenallee 12;20259;Hamburg;EG links;Erika;Mustermann;;Mieterin;650,00',
      'E-7;W-01;G-1;;;;;Otto;Eigentümer;otto@example.de;Eigentümer;',
      'E-7;W-02;G-1;;;;EG rechts;Otto;Eigentümer;;ET;',
      'E-7;W-03;G-1;;;;1. OG;Otto;Eigentümer;;Mieter;',
    ].join('\n');
    const response = await importCsv(slug, csv);
    assert.equal(response.status, 201, JSON.stringify(response.body));
    assert.deepEqual(
      response.body.activationCodes.map((c: { residentRef: string }) => c.residentRef),
      ['M-1', 'E-7'],
      'one account per person',
    );
    const tenant = await requireTenant(server.db, slug);
    const relations = await asTenantAdmin(server.db, tenant.id, async (tx) =>
      (
        await tx.query<{ ref: string; unit: string; relation: string; rent: string | null }>(
          `SELECT r.external_ref AS ref, u.external_ref AS unit, t.relation, t.cold_rent::text AS rent
             FROM tenancies t JOIN residents r ON r.id = t.resident_id JOIN units u ON u.id = t.unit_id
            ORDER BY r.external_ref, u.external_ref`,
        )
      ).rows.map((row) => [row.ref, row.unit, row.relation, row.rent]),
    );
    assert.deepEqual(relations, [
      ['E-7', 'W-01', 'owner', null],
      ['E-7', 'W-02', 'owner', null],
      ['E-7', 'W-03', 'tenant', null],
      ['M-1', 'W-01', 'tenant', '650.00'],
    ]);

    const refused = await importCsv(
      await newHousingCompany(),
      [
        `${HEADER};Verhältnis;Kaltmiete`,
        'E-1;W-01;G-1;Lindenallee 12;20259;Hamburg;EG links;Otto;Eigentümer;;Eigentümer;700',
        'E-2;W-01;G-1;;;;;Ida;Meier;;Pächterin;',
        'E-3;W-01;G-1;;;;;Jan;Roth;;Eigentümer;',
        'E-3;W-01;G-1;;;;;Jan;Roth;;ET;',
        'E-3;W-02;G-1;;;;EG rechts;Johann;Roth;;Eigentümer;',
      ].join('\n'),
    );
    assert.deepEqual([refused.status, refused.body.error.code], [400, 'csv_invalid']);
    assert.deepEqual(
      refused.body.error.details.rows.map((row: { line: number; message: string }) => [row.line, row.message]),
      [
        [2, 'Mietdaten (Mietbeginn, Kaltmiete, …) gibt es nur für Mieter, nicht für Eigentümer.'],
        [3, 'Verhältnis „Pächterin“ ist weder Mieter noch Eigentümer.'],
        [5, 'Mieternummer E-3 kommt bereits in Zeile 4 vor (dieselbe Wohnung, dasselbe Verhältnis).'],
        [6, 'Mieternummer E-3 steht in Zeile 4 mit einem anderen Namen.'],
      ],
    );
  });

  it('decodes a file sent with another charset (Windows-1252 from older ERPs)', async () => {
    const slug = await newHousingCompany();
    const csv = `${HEADER}\nM-1;W-1;G-1;Münzstraße 3;80331;München;EG;Jürgen;Weiß;\n`;
    const response = await fetch(`${server.url}/api/admin/tenants/${slug}/residents/import`, {
      method: 'POST',
      headers: { authorization: `Bearer ${TEST_ADMIN_TOKEN}`, 'content-type': 'text/csv; charset=windows-1252' },
      body: Buffer.from(csv, 'latin1'),
    });
    const body = (await response.json()) as { activationCodes: { name: string }[] };
    assert.equal(response.status, 201, JSON.stringify(body));
    assert.equal(body.activationCodes[0].name, 'Jürgen Weiß');
  });

  it('refuses a file with bad rows: 400 csv_invalid lists each bad line, nothing is imported', async () => {
    const slug = await newHousingCompany();
    const good = (n: number) => `M-${n};W-${n};G-1;Lindenallee 12;20259;Hamburg;EG;Vor${n};Nach${n};`;
    const lines = [HEADER];
    for (let n = 1; n <= 499; n++) lines.push(good(n));
    lines.push(
      'M-9001;W-9001;G-9;Weg 1;2025;Hamburg;EG;Kai;Kurz;kein-mail', // line 501: PLZ and e-mail
      ';W-9002;G-1;;;;EG;;Ohnevorname;', // line 502: number and first name missing
      'M-0003;W-X404;;;;;;Wo;Nung;', // line 503: unknown unit without building and label
      'M-17;W-17;G-1;;;;EG;Doppelt;Vergeben;', // line 504: duplicate within the file
    );
    const response = await importCsv(slug, lines.join('\n'));
    assert.equal(response.status, 400);
    assert.equal(response.body.error.code, 'csv_invalid');
    const rows: { line: number; message: string }[] = response.body.error.details.rows;
    assert.deepEqual(
      rows.map((row) => row.line),
      [501, 502, 503, 504],
      JSON.stringify(rows),
    );
    assert.match(response.body.error.message, /4 fehlerhafte Zeilen\. Es wurde nichts importiert/);
    assert.match(rows[0].message, /PLZ „2025“ ist nicht fünfstellig/);
    assert.match(rows[0].message, /E-Mail „kein-mail“ ist ungültig/);
    assert.match(rows[1].message, /Mieternummer fehlt; Vorname fehlt/);
    assert.match(rows[2].message, /Wohnung W-X404 ist unbekannt; zum Anlegen fehlt Gebäude und Lage/);
    assert.match(rows[3].message, /Mieternummer M-17 kommt bereits in Zeile 18 vor/);
    assert.deepEqual(await counts(slug), { buildings: 0, units: 0, residents: 0, accounts: 0 });
  });

  it('refuses inconsistent buildings and units (a known resident in the file is updated, not refused)', async () => {
    const slug = await newHousingCompany();
    const first = await importCsv(slug, `${HEADER}\nM-1;W-1;G-1;Lindenallee 12;20259;Hamburg;EG;Erika;Muster;\n`);
    assert.equal(first.status, 201);
    const before = await counts(slug);
    const second = await importCsv(
      slug,
      [
        HEADER,
        'M-2;W-2;G-1;;;;1. OG;Neu;Mieter;',
        'M-1;W-1;G-1;;;;;Erika;Muster;',
        'M-3;W-1;G-2;Hafenstraße 5;20359;Hamburg;EG;Falsches;Gebäude;',
        'M-4;W-5;G-5;Weg 1;20000;Hamburg;EG;A;B;',
        'M-5;W-6;G-5;Anderer Weg 2;20000;Hamburg;EG;C;D;',
      ].join('\n'),
    );
    assert.equal(second.status, 400);
    assert.deepEqual(second.body.error.details.rows, [
      { line: 4, message: 'Wohnung W-1 gehört zu Gebäude G-1, nicht zu G-2.' },
      { line: 6, message: 'Gebäude G-5 hat in Zeile 5 eine andere Adresse.' },
    ]);
    assert.deepEqual(await counts(slug), before, 'the valid rows 2, 3 and 5 were not imported either');
  });

  it('reports structural problems: missing columns, broken quoting, empty file, wrong content type', async () => {
    const slug = await newHousingCompany();
    const missing = await importCsv(slug, 'Mieternummer;Wohnung;Name\nM-1;W-1;Muster\n');
    assert.equal(missing.status, 400);
    assert.deepEqual(missing.body.error.details.rows, [{ line: 1, message: 'Kopfzeile: Es fehlen die Spalten „Vorname“.' }]);

    const quoting = await importCsv(slug, `${HEADER}\nM-1;W-1;G-1;"Lindenallee 12;20259;Hamburg;EG;Erika;Muster;\n`);
    assert.equal(quoting.status, 400);
    assert.equal(quoting.body.error.code, 'csv_invalid');
    assert.match(quoting.body.error.details.rows[0].message, /Anführungszeichen/);

    const empty = await importCsv(slug, '\uFEFF\n');
    assert.equal(empty.status, 400);
    assert.deepEqual(empty.body.error.details.rows, [{ line: 1, message: 'Die Datei ist leer.' }]);

    const headerOnly = await importCsv(slug, `${HEADER}\n`);
    assert.equal(headerOnly.body.error.details.rows[0].message, 'Die Datei enthält keine Datenzeilen.');

    const json = await admin.post(`/api/admin/tenants/${slug}/residents/import`, { csv: 'x' });
    assert.equal(json.status, 415);
    assert.equal(json.body.error.code, 'csv_expected');
    assert.deepEqual(await counts(slug), { buildings: 0, units: 0, residents: 0, accounts: 0 });
  });

  it('accepts files larger than the JSON limit (own 5 MB text parser) and refuses larger ones', async () => {
    const slug = await newHousingCompany();
    const padding = 'x'.repeat(150);
    const rows = Array.from({ length: 1200 }, (_, i) => `M-${i};W-${i % 50};G-1;Lindenallee 12;20259;Hamburg;Lage ${padding};Vor;Nach;`);
    const csv = [HEADER, ...rows].join('\n');
    assert.ok(csv.length > 100 * 1024);
    const response = await importCsv(slug, csv);
    assert.equal(response.status, 400, 'parsed (the Lage column is too long), not refused as too large');
    assert.equal(response.body.error.details.rows.length, 1200);
    assert.match(response.body.error.details.rows[0].message, /Lage ist zu lang \(höchstens 100 Zeichen\)/);

    const tooLarge = await importCsv(slug, `${HEADER}\n${'y'.repeat(5 * 1024 * 1024)}`);
    assert.equal(tooLarge.status, 413);
  });
});
