import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { xmlText } from './case-export.ts';
import type { RunningServer } from '../server.ts';
import { closeTestDatabase, startTestServer, type TestClient } from '../test/harness.ts';
import { signInResident, signInStaff } from '../test/sign-in.ts';
import { createCaseCompany } from './case-test-support.ts';

/** minimaxir/big-list-of-naughty-strings @db33ec7b (MIT), from /work/shared/corpus/fuzz (see its README). */
const NAUGHTY: string[] = JSON.parse(readFileSync('/work/shared/corpus/fuzz/blns.json', 'utf8'));

/** What a download answers: status, headers and the raw bytes. */
async function download(client: TestClient, path: string) {
  const response = await fetch(client.baseUrl + path, { headers: { cookie: client.cookieHeader() } });
  return { status: response.status, headers: response.headers, bytes: Buffer.from(await response.arrayBuffer()) };
}

function csvRows(bytes: Buffer): string[][] {
  const text = bytes.toString('utf8');
  assert.ok(text.startsWith('\uFEFF'), 'UTF-8 with BOM, so German Excel reads umlauts');
  const rows: string[][] = parse(text.slice(1), { delimiter: ';', relax_quotes: false });
  return rows;
}

/** The formula guard's `'` removed again: what a clerk means when they read the cell. */
const unguarded = (cell: string) => (/^'[=+\-@\t\r]/.test(cell) ? cell.slice(1) : cell);

/** The sheet's rows as values (row 1 the header). */
async function readSheet(bytes: Buffer): Promise<unknown[][]> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  const rows: unknown[][] = [];
  workbook.worksheets[0].eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
  return rows;
}

describe('case export (CSV, XLSX) with the board filters', () => {
  let server: RunningServer;
  before(async () => {
    server = await startTestServer();
  });
  after(async () => {
    await server.stop();
    await closeTestDatabase();
  });

  it('exports what the filters select, only of the own company, formula-safe, as CSV for German Excel and as XLSX', async () => {
    const company = await createCaseCompany(server);
    const other = await createCaseCompany(server);
    const resident = await signInResident(server, company);
    const clerk = await signInStaff(server, company, 'clerk');
    const stranger = await signInResident(server, other);
    await stranger.post('/api/cases', { type: 'contact', title: 'Fremder Vorgang der anderen Hausverwaltung', description: 'geheim' });

    const formula = await resident.post('/api/cases', {
      type: 'contact',
      title: '=HYPERLINK("http://evil.example";"Klick")',
      description: '+49 40 123; "zitiert"\nzweite Zeile',
    });
    const complaint = await resident.post('/api/cases', { type: 'complaint', title: 'Lärm im Treppenhaus', description: '@nachts' });
    const done = await resident.post('/api/cases', { type: 'contact', title: 'Erledigte Frage', description: 'x' });
    assert.equal((await clerk.patch(`/api/staff/cases/${done.body.case.id}/status`, { status: 'in_bearbeitung' })).status, 200);
    assert.equal((await clerk.patch(`/api/staff/cases/${done.body.case.id}/status`, { status: 'erledigt' })).status, 200);

    const csv = await download(clerk, '/api/staff/case-export?format=csv&status=eingegangen');
    assert.equal(csv.status, 200);
    assert.equal(csv.headers.get('content-type'), 'text/csv; charset=utf-8');
    assert.match(csv.headers.get('content-disposition') ?? '', /^attachment; filename="vorgaenge-\d{4}-\d{2}-\d{2}\.csv"$/);
    assert.equal(csv.headers.get('x-content-type-options'), 'nosniff');
    const [header, ...rows] = csvRows(csv.bytes);
    assert.deepEqual(header.slice(0, 4), ['Vorgangsnummer', 'Art', 'Titel', 'Status']);
    assert.match(csv.bytes.toString('utf8'), /^\uFEFF"Vorgangsnummer";"Art";"Titel";/, 'semicolons, every field quoted');
    assert.deepEqual(rows.map((row) => row[0]).sort(), [formula.body.case.caseNumber, complaint.body.case.caseNumber].sort());
    const formulaRow = rows.find((row) => row[0] === formula.body.case.caseNumber)!;
    assert.equal(formulaRow[2], `'=HYPERLINK("http://evil.example";"Klick")`, 'a formula is neutralised with a leading apostrophe');
    assert.equal(formulaRow[header.indexOf('Beschreibung')], `'+49 40 123; "zitiert"\nzweite Zeile`);
    assert.equal(formulaRow[1], 'Allgemeine Kontaktanfrage');
    assert.equal(formulaRow[3], 'Eingegangen');
    assert.match(formulaRow[header.indexOf('Eingegangen am')], /^\d\d\.\d\d\.\d{4} \d\d:\d\d$/);
    const complaintRow = rows.find((row) => row[0] === complaint.body.case.caseNumber)!;
    assert.equal(complaintRow[header.indexOf('Beschreibung')], `'@nachts`);
    assert.ok(!csv.bytes.toString('utf8').includes('Fremder Vorgang'), "another company's case is never exported");

    const smuggled = csvRows((await download(clerk, `/api/staff/case-export?format=csv&building=${other.building.id}`)).bytes);
    assert.equal(smuggled.length, 1, "another company's building in the filter: only the header row");
    const all = csvRows((await download(clerk, '/api/staff/case-export?format=csv')).bytes);
    assert.equal(all.length, 1 + 3, 'without filters: the three cases of the company, nothing of the other');

    const xlsx = await download(clerk, '/api/staff/case-export?format=xlsx&type=contact');
    assert.equal(xlsx.status, 200);
    assert.equal(xlsx.headers.get('content-type'), 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    const sheet = await readSheet(xlsx.bytes);
    assert.equal(sheet[0][0], 'Vorgangsnummer');
    assert.deepEqual(
      sheet
        .slice(1)
        .map((row) => row[0])
        .sort(),
      [formula.body.case.caseNumber, done.body.case.caseNumber].sort(),
    );
    const xlsxFormula = sheet.find((row) => row[0] === formula.body.case.caseNumber)!;
    assert.equal(xlsxFormula[2], '=HYPERLINK("http://evil.example";"Klick")', 'in XLSX a text cell is never a formula: kept as typed');
    assert.ok(xlsxFormula[7] instanceof Date, 'dates are date cells');
    assert.ok(!JSON.stringify(sheet).includes('Fremder Vorgang'));

    assert.equal((await download(resident, '/api/staff/case-export?format=csv')).status, 403, 'residents export nothing');
    const anonymous = await fetch(`${server.url}/api/staff/case-export?format=csv`);
    assert.equal(anonymous.status, 401);
    const badFormat = await clerk.get('/api/staff/case-export?format=pdf');
    assert.equal(badFormat.status, 400);
    assert.equal(badFormat.body.error.code, 'validation_failed');
  });

  it('naughty strings survive the round trip through CSV and XLSX', async () => {
    const company = await createCaseCompany(server);
    const resident = await signInResident(server, company);
    const clerk = await signInStaff(server, company, 'clerk');
    const storable = NAUGHTY.filter((text) => text.trim() && !text.includes('\u0000') && text.trim().length <= 200);
    for (let i = 0; i < storable.length; i += 8) {
      const filed = await Promise.all(
        storable.slice(i, i + 8).map((text) => resident.post('/api/cases', { type: 'contact', title: text, description: text })),
      );
      for (const answer of filed) assert.equal(answer.status, 201, JSON.stringify(answer.body));
    }
    // What the BFF stored (titles are trimmed on the way in), by case number.
    const stored = new Map<string, { title: string; description: string }>();
    for (let cursor: string | null = null, first = true; first || cursor; first = false) {
      const page: { body: { items: { caseNumber: string; title: string; description: string }[]; nextCursor: string | null } } =
        await clerk.get(`/api/staff/cases?limit=100${cursor ? `&cursor=${cursor}` : ''}`);
      for (const item of page.body.items) stored.set(item.caseNumber, item);
      cursor = page.body.nextCursor;
    }
    assert.equal(stored.size, storable.length);

    const [header, ...rows] = csvRows((await download(clerk, '/api/staff/case-export?format=csv')).bytes);
    assert.equal(rows.length, storable.length);
    const description = header.indexOf('Beschreibung');
    for (const row of rows) {
      const original = stored.get(row[0])!;
      assert.equal(unguarded(row[2]), original.title, `CSV title of ${row[0]}`);
      assert.equal(unguarded(row[description]), original.description, `CSV description of ${row[0]}`);
    }

    const [, ...sheetRows] = await readSheet((await download(clerk, '/api/staff/case-export?format=xlsx')).bytes);
    assert.equal(sheetRows.length, storable.length);
    for (const row of sheetRows) {
      const original = stored.get(String(row[0]))!;
      assert.equal(row[2] ?? '', xmlText(original.title), `XLSX title of ${String(row[0])}`);
    }
  });
});
