import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { closeTestDatabase, startTestServer, TestClient, TEST_ADMIN_TOKEN } from '../test/harness.ts';
import type { RunningServer } from '../server.ts';
import { createHousingCompany, type HousingCompany } from '../test/fixtures.ts';
import { activateAccount, signInWithPassword, TEST_PASSWORD } from '../test/sign-in.ts';
import { asTenantAdmin } from '../tenants/use-cases.ts';
import { berlinToday } from '../tenancies/move-out.ts';

const DAY = 86_400_000;

interface ResidentRow {
  external_ref: string;
  first_name: string;
  last_name: string;
  contact_email: string | null;
  moved_out_on: string | null;
  unit_id: string;
}
/** A day relative to today in Germany, as German Excel writes it (`31.03.2026`). */
const germanDay = (offsetDays: number) =>
  berlinToday(new Date(Date.now() + offsetDays * DAY))
    .split('-')
    .reverse()
    .join('.');

describe('resident lifecycle from the ERP: updates, move-outs, dry run', () => {
  let server: RunningServer;
  let admin: TestClient;
  let clockOffset = 0;

  before(async () => {
    server = await startTestServer({}, { clock: { now: () => new Date(Date.now() + clockOffset) } });
    admin = new TestClient(server.url, { bearer: TEST_ADMIN_TOKEN });
  });
  after(async () => {
    await server.stop();
    await closeTestDatabase();
  });

  const importCsv = (slug: string, csv: string, dryRun = false) =>
    admin.request('POST', `/api/admin/tenants/${slug}/residents/import${dryRun ? '?dryRun=true' : ''}`, undefined, {
      raw: csv,
      headers: { 'content-type': 'text/csv; charset=utf-8' },
    });

  /** Everything the import may touch, to prove a dry run leaves it as it was. */
  async function snapshot(company: HousingCompany) {
    return asTenantAdmin(server.db, company.tenant.id, async (tx) => ({
      residents: (
        await tx.query<ResidentRow>(
          `SELECT external_ref, first_name, last_name, contact_email, moved_out_on::text, unit_id FROM residents ORDER BY external_ref`,
        )
      ).rows,
      accounts: (await tx.query<{ id: string; display_name: string }>(`SELECT id, display_name FROM accounts ORDER BY id`)).rows,
      tenancies: (
        await tx.query<{ cold_rent: string | null }>(
          `SELECT resident_id, unit_id, relation, cold_rent::text, updated_at::text FROM tenancies ORDER BY id`,
        )
      ).rows,
      units: (await tx.query<{ external_ref: string }>(`SELECT external_ref FROM units ORDER BY external_ref`)).rows,
      codes: (await tx.query<{ n: number }>(`SELECT count(*)::int AS n FROM activation_codes`)).rows[0].n,
    }));
  }

  it('a dry run shows new, updated (with field diffs), moved-out, unchanged and bad rows, and writes nothing', async () => {
    const company = await createHousingCompany(server.db);
    const slug = company.tenant.slug;
    const header = 'Mieternummer;Wohnung;Gebäude;Lage;Vorname;Nachname;E-Mail;Kaltmiete;Auszugsdatum';
    assert.equal(
      (await importCsv(slug, `${header}\nM-3000;G-1-02;;;Lena;Lang;lena@example.de;700,00;\nM-3001;G-1-01;;;Olaf;Ort;;;\n`)).status,
      201,
    );
    const before = await snapshot(company);

    const csv = [
      header,
      'M-1001;G-1-01;;;Erika;Musterfrau;erika.neu@example.de;612,40;',
      'M-1002;G-1-02;;;Max;Nachbar;;;',
      `M-3000;G-1-02;;;Lena;Lang;lena@example.de;700,00;${germanDay(30)}`,
      'M-4000;G-1-03;G-1;1. OG;Neu;Mieterin;;;',
      'M-3001;G-1-02;;;Olaf;Ort;;;',
      'M-4001;G-1-02;;;Kein;Datum;;;32.13.2026',
    ].join('\n');
    const dry = await importCsv(slug, csv, true);
    assert.equal(dry.status, 201, JSON.stringify(dry.body));
    assert.equal(dry.body.dryRun, true);
    assert.deepEqual(dry.body.created, [{ line: 5, residentRef: 'M-4000', name: 'Neu Mieterin', unitRef: 'G-1-03' }]);
    assert.deepEqual(dry.body.updated, [
      {
        line: 2,
        residentRef: 'M-1001',
        name: 'Erika Musterfrau',
        changes: [
          { field: 'Nachname', before: 'Mustermann', after: 'Musterfrau' },
          { field: 'E-Mail', before: null, after: 'erika.neu@example.de' },
          { field: 'Kaltmiete', before: null, after: '612,40' },
        ],
      },
      {
        line: 4,
        residentRef: 'M-3000',
        name: 'Lena Lang',
        changes: [{ field: 'Auszugsdatum', before: null, after: germanDay(30) }],
      },
    ]);
    assert.deepEqual(dry.body.movedOut, [
      { line: 4, residentRef: 'M-3000', name: 'Lena Lang', movedOutOn: berlinToday(new Date(Date.now() + 30 * DAY)) },
    ]);
    assert.deepEqual(dry.body.unchanged, [{ line: 3, residentRef: 'M-1002', name: 'Max Nachbar' }]);
    assert.deepEqual(
      dry.body.errors.map((error: { line: number }) => error.line),
      [6, 7],
    );
    assert.match(dry.body.errors[0].message, /Mieter M-3001 wohnt laut Mieterportal in Wohnung G-1-01, nicht in G-1-02/);
    assert.match(dry.body.errors[1].message, /Auszugsdatum „32\.13\.2026“ ist kein Datum/);
    assert.deepEqual(dry.body.activationCodes, [], 'no code is issued in a dry run');
    assert.equal(dry.body.createdUnits, 1);
    assert.deepEqual(await snapshot(company), before, 'the dry run wrote nothing');

    // Without --dry-run the same file is refused as a whole because of the bad rows …
    const refused = await importCsv(slug, csv);
    assert.equal(refused.status, 400);
    assert.equal(refused.body.error.code, 'csv_invalid');
    assert.deepEqual(await snapshot(company), before);

    // … and the good rows alone are applied as the dry run said.
    const applied = await importCsv(slug, csv.split('\n').slice(0, 5).join('\n'));
    assert.equal(applied.status, 201, JSON.stringify(applied.body));
    assert.equal(applied.body.dryRun, false);
    assert.deepEqual(
      applied.body.updated.map((u: { residentRef: string }) => u.residentRef),
      ['M-1001', 'M-3000'],
    );
    assert.equal(applied.body.activationCodes.length, 1);
    const after = await snapshot(company);
    const erika = after.residents.find((r) => r.external_ref === 'M-1001');
    assert.equal(erika?.last_name, 'Musterfrau');
    assert.equal(erika?.contact_email, 'erika.neu@example.de');
    assert.ok(after.accounts.some((a) => a.display_name === 'Erika Musterfrau'));
    assert.equal(after.residents.find((r) => r.external_ref === 'M-3000')?.moved_out_on, berlinToday(new Date(Date.now() + 30 * DAY)));
    assert.ok(after.tenancies.some((t) => t.cold_rent === '612.40'));

    // Importing the same file again changes nothing.
    const again = await importCsv(slug, csv.split('\n').slice(0, 5).join('\n'), true);
    assert.deepEqual(again.body.updated, []);
    assert.equal(again.body.unchanged.length, 4);
  });

  it('a moved-out resident signs in until the move-out day and is refused after it; sessions end', async () => {
    const company = await createHousingCompany(server.db);
    const slug = company.tenant.slug;
    const client = new TestClient(server.url);
    const credentials = await activateAccount(client, company, 'resident');
    assert.equal((await client.get('/api/cases')).status, 200);

    // Moving out tomorrow: the session signed in before ends (the next sign-in carries the date), sign-in still works.
    const tomorrow = await importCsv(
      slug,
      `Mieternummer;Wohnung;Vorname;Nachname;Auszugsdatum\nM-1001;G-1-01;Erika;Mustermann;${germanDay(1)}\n`,
    );
    assert.equal(tomorrow.status, 201, JSON.stringify(tomorrow.body));
    assert.equal((await client.get('/api/cases')).status, 401, 'the session from before the import has ended');
    const signedIn = await signInWithPassword(server, credentials);
    assert.equal((await signedIn.get('/api/cases')).status, 200, 'before the move-out day is over the resident still gets in');

    // Once the move-out day is over (the server's clock two days on), the session ends with a clear German answer.
    clockOffset = 2 * DAY;
    try {
      const ended = await signedIn.get('/api/cases');
      assert.equal(ended.status, 403);
      assert.equal(ended.body.error.code, 'access_ended');
      assert.match(ended.body.error.message, /Ihr Zugang zum Mieterportal ist mit Ihrem Auszug am \d\d\.\d\d\.\d{4} beendet/);
    } finally {
      clockOffset = 0;
    }

    // Moved out yesterday: the right password learns why; a wrong one gets the usual answer.
    const yesterday = await importCsv(
      slug,
      `Mieternummer;Wohnung;Vorname;Nachname;Auszugsdatum\nM-1001;G-1-01;Erika;Mustermann;${germanDay(-1)}\n`,
    );
    assert.equal(yesterday.status, 201);
    assert.equal((await signedIn.get('/api/cases')).status, 401);
    const refused = await new TestClient(server.url).post('/api/auth/login', {
      tenant: slug,
      email: credentials.email,
      password: TEST_PASSWORD,
      audience: 'resident',
    });
    assert.equal(refused.status, 403);
    assert.equal(refused.body.error.code, 'access_ended');
    assert.equal(
      refused.body.error.message,
      `Ihr Zugang zum Mieterportal ist mit Ihrem Auszug am ${germanDay(-1)} beendet. Bei Fragen wenden Sie sich bitte an Ihre Hausverwaltung.`,
    );
    const wrong = await new TestClient(server.url).post('/api/auth/login', {
      tenant: slug,
      email: credentials.email,
      password: 'falsches-Passwort-123',
      audience: 'resident',
    });
    assert.equal(wrong.status, 401);
    assert.equal(wrong.body.error.code, 'invalid_credentials');

    // The ERP revokes the move-out (an empty Auszugsdatum): access is back.
    const revoked = await importCsv(slug, `Mieternummer;Wohnung;Vorname;Nachname;Auszugsdatum\nM-1001;G-1-01;Erika;Mustermann;\n`);
    assert.deepEqual(revoked.body.updated[0].changes, [{ field: 'Auszugsdatum', before: germanDay(-1), after: null }]);
    const back = await signInWithPassword(server, credentials);
    assert.equal((await back.get('/api/cases')).status, 200);
  });

  it('refuses to create a resident who has already moved out', async () => {
    const company = await createHousingCompany(server.db);
    const response = await importCsv(
      company.tenant.slug,
      `Mieternummer;Wohnung;Vorname;Nachname;Auszugsdatum\nM-5000;G-1-02;Alt;Weg;${germanDay(-3)}\n`,
    );
    assert.equal(response.status, 400);
    assert.match(
      response.body.error.details.rows[0].message,
      /M-5000 ist laut Auszugsdatum .* bereits ausgezogen und wird nicht neu angelegt/,
    );
  });

  it("an update never touches another housing company's resident with the same number and e-mail", async () => {
    const a = await createHousingCompany(server.db);
    const b = await createHousingCompany(server.db);
    const same = 'Mieternummer;Wohnung;Vorname;Nachname;E-Mail\nM-1001;G-1-01;Erika;Mustermann;erika@example.de\n';
    assert.equal((await importCsv(a.tenant.slug, same)).body.updated.length, 1);
    assert.equal((await importCsv(b.tenant.slug, same)).body.updated.length, 1);
    const bClient = new TestClient(server.url);
    await activateAccount(bClient, b, 'resident');
    const bBefore = await snapshot(b);

    const change = await importCsv(
      a.tenant.slug,
      `Mieternummer;Wohnung;Vorname;Nachname;E-Mail;Auszugsdatum\nM-1001;G-1-01;Erika;Geändert;erika@example.de;${germanDay(-1)}\n`,
    );
    assert.equal(change.status, 201, JSON.stringify(change.body));
    assert.equal(change.body.movedOut.length, 1);
    assert.equal((await snapshot(a)).residents.find((r) => r.external_ref === 'M-1001')?.last_name, 'Geändert');
    assert.deepEqual(await snapshot(b), bBefore, "the other company's resident is as it was");
    assert.equal((await bClient.get('/api/cases')).status, 200, "the other company's resident is still signed in");
  });
});
