import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import type { RunningServer } from '../server.ts';
import { closeTestDatabase, mailsAbout, startTestServer, testDatabase, TestClient } from '../test/harness.ts';
import type { TestDatabase } from '../test/database.ts';
import { createHousingCompany, type HousingCompany } from '../test/fixtures.ts';
import { activateAccount, signInStaff, signInWithPassword, type Credentials } from '../test/sign-in.ts';
import { downloadFile } from '../documents/document-test-support.ts';
import { ident, KNOWN_TENANT_TABLES, probeId, seedEmptyTables, superuser, tenantTables, type Superuser } from '../isolation/support.ts';
import { EXPORT_TABLES, HOLDS_NOTHING_ABOUT_A_RESIDENT } from './export-repository.ts';
import type { PrivacyExport } from '../contract/privacy.ts';

/** The text of every page of a PDF, as a reader would copy it. */
async function pdfText(content: Buffer): Promise<string> {
  const pdf = await getDocument({ data: new Uint8Array(content), disableFontFace: true, useSystemFonts: false }).promise;
  const pages: string[] = [];
  for (let number = 1; number <= pdf.numPages; number++) {
    const text = await (await pdf.getPage(number)).getTextContent();
    pages.push(text.items.map((item) => ('str' in item ? item.str : '')).join(' '));
  }
  await pdf.destroy();
  return pages.join('\n').replace(/\s+/g, ' ');
}

/**
 * Art. 15 / Art. 17 DSGVO self-service (docs/data-subject-rights.md) over HTTP against a real database: every table the isolation
 * suite knows is exported or explained, nobody else's row is in an export, erasure requests are the own company's.
 */
describe('privacy: Art. 15 export and Art. 17 erasure', () => {
  let test: TestDatabase;
  let su: Superuser;
  let server: RunningServer;
  let a: HousingCompany;
  let b: HousingCompany;
  let tables: string[];
  let resident: TestClient;
  let credentials: Credentials;
  let clerk: TestClient;

  before(async () => {
    test = await testDatabase();
    su = await superuser(test);
    server = await startTestServer();
    [a, b] = [await createHousingCompany(test.db), await createHousingCompany(test.db)];
    tables = await tenantTables(test.db);
    for (const company of [a, b]) await seedEmptyTables(test.db, company, tables);
    resident = new TestClient(server.url);
    credentials = await activateAccount(resident, a, 'resident');
    clerk = await signInStaff(server, a, 'clerk');
  });
  after(async () => {
    await server.stop();
    await su.close();
    await closeTestDatabase();
  });

  /** Rows of company A in `table` that name the resident by id, account id or e-mail address (as stored). */
  const rowsNaming = async (table: string, company: HousingCompany, person: HousingCompany['resident']) =>
    (
      await su.query<{ row: Record<string, unknown> }>(
        `SELECT to_jsonb(x) AS row FROM ${ident(table)} x
          WHERE tenant_id = $1 AND (strpos(to_jsonb(x)::text, $2) > 0 OR strpos(to_jsonb(x)::text, $3) > 0 OR strpos(to_jsonb(x)::text, $4) > 0)`,
        [company.tenant.id, person.id, person.accountId, person.email],
      )
    ).map((r) => r.row);

  it("a resident's Art. 15 export contains every row about them that the isolation suite knows of (a new table without export fails)", async () => {
    // Her erasure request is a row about her too.
    assert.equal((await resident.post('/api/account/privacy/erasure-request', { confirm: true })).status, 201);
    const response = await resident.get<PrivacyExport>('/api/account/privacy/export');
    assert.equal(response.status, 200, JSON.stringify(response.body));
    assert.match(response.headers.get('content-disposition') ?? '', /attachment; filename="Datenauskunft-\d{4}-\d{2}-\d{2}\.json"/);
    const exported = response.body;
    const exportedTables = exported.sections.map((section) => section.table);

    const everyTable = [...new Set([...KNOWN_TENANT_TABLES, ...tables])].sort();
    const unexplained = everyTable.filter((table) => !exportedTables.includes(table) && !(table in HOLDS_NOTHING_ABOUT_A_RESIDENT));
    assert.deepEqual(
      unexplained,
      [],
      'tables neither exported (EXPORT_TABLES) nor listed in HOLDS_NOTHING_ABOUT_A_RESIDENT (bff/privacy/export-repository.ts)',
    );
    const both = exportedTables.filter((table) => table in HOLDS_NOTHING_ABOUT_A_RESIDENT);
    assert.deepEqual(both, [], 'tables both exported and said to hold nothing about a resident');
    const gone = exportedTables.filter((table) => !tables.includes(table));
    assert.deepEqual(gone, [], 'exported tables that are no tenant tables');

    let withRows = 0;
    for (const table of everyTable) {
      const about = await rowsNaming(table, a, a.resident);
      if (table in HOLDS_NOTHING_ABOUT_A_RESIDENT) {
        assert.deepEqual(about, [], `${table} is listed as holding nothing about a resident, but names her`);
        continue;
      }
      const section = exported.sections.find((candidate) => candidate.table === table)!;
      if (about.length) withRows++;
      for (const row of about) {
        // The same row by its id; a row without one by every column the export shows (it leaves out secrets and
        // file contents). Sessions move on while the export is answered, so ids are what identify rows.
        const found = section.rows.some((shown) =>
          row.id !== undefined
            ? shown.id === row.id
            : Object.entries(shown).every(([column, value]) => JSON.stringify(value) === JSON.stringify(row[column])),
        );
        assert.ok(found, `${table}: a row about the resident is missing from the export: ${JSON.stringify(row).slice(0, 300)}`);
      }
    }
    // The seeds give her rows in most tables: the check above is not vacuous.
    assert.ok(withRows >= 20, `only ${withRows} tables hold rows about the resident`);
    for (const table of [
      'cases',
      'case_messages',
      'chatbot_messages',
      'sessions',
      'document_reads',
      'recovery_codes',
      'erasure_requests',
    ]) {
      assert.ok(exported.sections.find((section) => section.table === table)!.rows.length > 0, `${table} exported`);
    }

    // Nobody else's data: not the neighbour's, not the other company's; no secrets or file contents.
    const text = JSON.stringify(exported);
    for (const foreign of [a.neighbour.id, a.neighbour.accountId, a.neighbour.email, b.tenant.id, b.resident.id, b.resident.accountId]) {
      assert.ok(!text.includes(foreign), `the export names ${foreign}`);
    }
    const columns = new Set(exported.sections.flatMap((section) => section.rows.flatMap((row) => Object.keys(row))));
    for (const secret of ['password_hash', 'totp_secret', 'code_hash', 'token_hash', 'session_key', 'content', 'tenant_id']) {
      assert.ok(!columns.has(secret), `the export shows ${secret}`);
    }
    assert.equal(exported.subject.name, 'Erika Mustermann');
    assert.equal(exported.controller.name, a.tenant.name);
    assert.ok(exported.information.some((part) => part.heading === 'Ihre Rechte'));
  });

  it('the export walks exactly the tables of EXPORT_TABLES, each once', () => {
    const names = EXPORT_TABLES.map((spec) => spec.table);
    assert.equal(new Set(names).size, names.length);
  });

  it('the PDF is the same information, readable: her name, her case, the rights', async () => {
    const file = await downloadFile(resident, '/api/account/privacy/export.pdf');
    assert.equal(file.status, 200);
    assert.equal(file.headers.get('content-type'), 'application/pdf');
    assert.match(file.headers.get('content-disposition') ?? '', /attachment; filename="Datenauskunft-\d{4}-\d{2}-\d{2}\.pdf"/);
    const text = await pdfText(file.content);
    for (const expected of [
      'Auskunft über Ihre Daten',
      'Erika Mustermann',
      'M-1001',
      'Wasserhahn tropft',
      'Ihre Anliegen (Vorgänge)',
      'Ihre Rechte',
    ]) {
      assert.ok(text.includes(expected), `the PDF lacks „${expected}“`);
    }
    assert.ok(!text.includes('Max Nachbar'), 'the PDF names the neighbour');
  });

  it('staff have no export of their own, and a query naming another resident changes nothing', async () => {
    assert.equal((await clerk.get('/api/account/privacy/export')).status, 403);
    assert.equal((await clerk.post('/api/account/privacy/erasure-request', { confirm: true })).status, 403);
    const smuggled = await resident.get<PrivacyExport>(`/api/account/privacy/export?residentId=${a.neighbour.id}`);
    assert.equal(smuggled.body.subject.name, 'Erika Mustermann');
    assert.ok(!JSON.stringify(smuggled.body).includes(a.neighbour.id));
  });

  it('an erasure request is confirmed explicitly, once; the resident sees it open with what must stay', async () => {
    const unconfirmed = await resident.post('/api/account/privacy/erasure-request', {});
    assert.equal(unconfirmed.status, 400);
    assert.equal(unconfirmed.body.error.code, 'validation_failed');
    const again = await resident.post('/api/account/privacy/erasure-request', { confirm: true });
    assert.equal(again.status, 409);
    assert.equal(again.body.error.code, 'erasure_already_requested');
    const overview = await resident.get('/api/account/privacy');
    assert.equal(overview.status, 200);
    assert.equal(overview.body.erasureRequest.status, 'open');
    const kinds = overview.body.retained.map((item: { kind: string }) => item.kind);
    assert.ok(
      kinds.includes('openCases') && kinds.includes('documents') && kinds.includes('tenancies') && kinds.includes('request'),
      kinds.join(),
    );
    const cases = overview.body.retained.find((item: { kind: string }) => item.kind === 'openCases');
    assert.match(cases.reason, /Erreichbarkeit/);
  });

  it("another company's admin neither sees nor completes the request; a clerk and the resident may not", async () => {
    const [own] = await su.query<{ id: string }>(`SELECT id FROM erasure_requests WHERE tenant_id = $1 AND resident_id = $2`, [
      a.tenant.id,
      a.resident.id,
    ]);
    const otherAdmin = await signInStaff(server, b, 'admin');
    const list = await otherAdmin.get('/api/privacy/erasure-requests');
    assert.equal(list.status, 200);
    assert.ok(!JSON.stringify(list.body).includes(a.resident.id) && !JSON.stringify(list.body).includes(own.id));
    assert.deepEqual(
      list.body.requests.map((request: { id: string }) => request.id),
      [probeId(b, 'erasure-request')],
    );
    assert.equal((await otherAdmin.post(`/api/privacy/erasure-requests/${own.id}/complete`)).status, 404);
    assert.equal((await clerk.get('/api/privacy/erasure-requests')).status, 403);
    assert.equal((await clerk.post(`/api/privacy/erasure-requests/${own.id}/complete`)).status, 403);
    assert.equal((await resident.post(`/api/privacy/erasure-requests/${own.id}/complete`)).status, 403);
    const [still] = await su.query<{ status: string }>(`SELECT status FROM erasure_requests WHERE id = $1`, [own.id]);
    assert.equal(still.status, 'open');
  });

  it('completing removes what may go, anonymises the account, keeps cases under retention without her availability, and logs it', async () => {
    // One case closed eight years ago (past its retention), one open with her availability.
    await su.query(
      `UPDATE cases SET status = 'erledigt', updated_at = now() - interval '8 years', resident_id = $2, unit_id = $3
        WHERE tenant_id = $1 AND case_number = '2025-0001'`,
      [a.tenant.id, a.resident.id, a.units[0].id],
    );
    await su.query(`UPDATE cases SET resident_availability = 'werktags ab 17 Uhr' WHERE tenant_id = $1 AND case_number = '2026-0001'`, [
      a.tenant.id,
    ]);
    const admin = await signInStaff(server, a, 'admin');
    const list = await admin.get('/api/privacy/erasure-requests');
    const request = list.body.requests.find((entry: { residentName: string }) => entry.residentName === 'Erika Mustermann');
    assert.ok(request, JSON.stringify(list.body));
    assert.equal(request.status, 'open');
    assert.equal(request.externalRef, 'M-1001');
    assert.equal(request.unit, 'EG links');

    const done = await admin.post(`/api/privacy/erasure-requests/${request.id}/complete`);
    assert.equal(done.status, 200, JSON.stringify(done.body));
    assert.equal(done.body.status, 'completed');
    assert.equal(done.body.completedBy, 'Anton Admin');
    assert.ok(done.body.outcome.removed.chatMessages >= 3, JSON.stringify(done.body.outcome));
    assert.ok(done.body.outcome.removed.sessions >= 1);
    assert.deepEqual(done.body.outcome.anonymised, { account: true, names: false, expiredCases: 1 });
    assert.ok(done.body.outcome.kept.some((item: { kind: string }) => item.kind === 'openCases'));
    assert.equal((await admin.post(`/api/privacy/erasure-requests/${request.id}/complete`)).body.error.code, 'erasure_request_completed');

    const count = async (sql: string) =>
      Number((await su.query<{ n: string }>(sql, [a.tenant.id, a.resident.id, a.resident.accountId]))[0].n);
    assert.equal(
      await count(`SELECT count(*) AS n FROM chatbot_messages WHERE tenant_id = $1 AND resident_id = $2 AND $3::uuid IS NOT NULL`),
      0,
    );
    assert.equal(
      await count(`SELECT count(*) AS n FROM chatbot_conversations WHERE tenant_id = $1 AND resident_id = $2 AND $3::uuid IS NOT NULL`),
      0,
    );
    assert.equal(await count(`SELECT count(*) AS n FROM sessions WHERE tenant_id = $1 AND account_id = $3 AND $2::uuid IS NOT NULL`), 0);
    assert.equal(
      await count(`SELECT count(*) AS n FROM recovery_codes WHERE tenant_id = $1 AND account_id = $3 AND $2::uuid IS NOT NULL`),
      0,
    );
    assert.equal(
      await count(`SELECT count(*) AS n FROM document_reads WHERE tenant_id = $1 AND resident_id = $2 AND $3::uuid IS NOT NULL`),
      0,
    );
    assert.equal(
      await count(`SELECT count(*) AS n FROM notification_preferences WHERE tenant_id = $1 AND resident_id = $2 AND $3::uuid IS NOT NULL`),
      0,
    );
    const [account] = await su.query<Record<string, unknown>>(`SELECT * FROM accounts WHERE id = $1`, [a.resident.accountId]);
    assert.equal(account.email, null);
    assert.equal(account.password_hash, null);
    assert.equal(account.totp_secret, null);
    assert.equal(account.display_name, 'Gelöschtes Konto');
    // She rents her flat still: the housing company keeps her name for the tenancy.
    const [person] = await su.query<{ first_name: string; contact_email: string | null }>(`SELECT * FROM residents WHERE id = $1`, [
      a.resident.id,
    ]);
    assert.equal(person.first_name, 'Erika');
    const cases = await su.query<{ case_number: string; title: string; resident_availability: string | null }>(
      `SELECT case_number, title, resident_availability FROM cases WHERE tenant_id = $1 AND resident_id = $2 ORDER BY case_number`,
      [a.tenant.id, a.resident.id],
    );
    assert.deepEqual(cases, [
      { case_number: '2025-0001', title: 'Gelöschter Vorgang', resident_availability: null },
      { case_number: '2026-0001', title: 'Wasserhahn tropft', resident_availability: null },
    ]);
    const [messages] = await su.query<{ n: string }>(
      `SELECT count(*) AS n FROM case_messages m JOIN cases c ON c.id = m.case_id WHERE c.tenant_id = $1 AND c.case_number = '2026-0001' AND m.body = 'Wir kümmern uns darum.'`,
      [a.tenant.id],
    );
    assert.equal(Number(messages.n), 2, 'the kept case keeps its correspondence');
    const audit = await su.query<{ details: { requestId: string } }>(
      `SELECT details FROM audit_log WHERE tenant_id = $1 AND action = 'privacy.erasure_completed'`,
      [a.tenant.id],
    );
    assert.deepEqual(
      audit.map((entry) => entry.details.requestId),
      [request.id],
    );
    // She gets one last mail: what went, what stays and why.
    const [confirmation] = await mailsAbout(server, credentials.email, /Löschantrag/);
    assert.equal(confirmation.subject, 'Ihr Löschantrag ist erledigt');
    assert.match(confirmation.text, /hat Ihren Antrag auf Löschung Ihrer Daten im Mieterportal am \d+\. \w+ \d{4} erledigt/);
    assert.match(confirmation.text, /Aufbewahrt werden muss noch/);
    assert.match(confirmation.text, /offene/);
    assert.match(confirmation.text, /Eine Anmeldung ist nicht mehr möglich/);
    // She can no longer sign in, and her old session is gone.
    assert.equal((await resident.get('/api/account/privacy')).status, 401);
    await assert.rejects(signInWithPassword(server, credentials), /expected HTTP 200, got 401/);
    // The neighbour and the other company are untouched.
    const [neighbour] = await su.query<{ display_name: string }>(`SELECT display_name FROM accounts WHERE id = $1`, [
      a.neighbour.accountId,
    ]);
    assert.notEqual(neighbour.display_name, 'Gelöschtes Konto');
    const [chats] = await su.query<{ n: string }>(`SELECT count(*) AS n FROM chatbot_messages WHERE resident_id = $1`, [a.neighbour.id]);
    assert.ok(Number(chats.n) > 0, 'the neighbour keeps their chat');
    const [other] = await su.query<{ n: string }>(`SELECT count(*) AS n FROM chatbot_messages WHERE tenant_id = $1`, [b.tenant.id]);
    assert.ok(Number(other.n) > 0);
  });
});
