import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { withScope } from '../db/scope.ts';
import type { RunningServer } from '../server.ts';
import { closeTestDatabase, startTestServer } from '../test/harness.ts';
import { signInResident, signInStaff } from '../test/sign-in.ts';
import { createCaseCompany, damageChoice, documentTypeId } from './case-test-support.ts';

const HOUR = 3_600_000;

describe('cases: resident side', () => {
  let server: RunningServer;
  before(async () => {
    server = await startTestServer();
  });
  after(async () => {
    await server.stop();
    await closeTestDatabase();
  });

  it('files each of the four case types and gets a case number and receipt time at once', async () => {
    const company = await createCaseCompany(server);
    const resident = await signInResident(server, company);
    const year = new Date().getFullYear();
    const damage = await damageChoice(resident);
    const inputs = [
      { type: 'contact', title: 'Frage zur Kaution', description: 'Wann wird die Kaution verzinst?' },
      { type: 'complaint', title: 'Lärm nachts', description: 'Ab 23 Uhr laute Musik aus dem 2. OG.', urgency: 'urgent' },
      {
        type: 'damage',
        ...damage,
        urgency: 'normal',
        description: 'Der Wasserhahn in der Küche tropft seit Tagen.',
        residentAvailability: 'werktags ab 16 Uhr',
        accessConsent: true,
      },
      { type: 'document_request', documentTypeId: await documentTypeId(resident, 'Mieterbescheinigung') },
    ];
    const before = Date.now();
    const filed = [];
    for (const input of inputs) {
      const response = await resident.post('/api/cases', input);
      assert.equal(response.status, 201, JSON.stringify(response.body));
      filed.push(response.body.case);
    }
    assert.deepEqual(
      filed.map((entry) => entry.caseNumber),
      [1, 2, 3, 4].map((n) => `${year}-000${n}`),
    );
    for (const entry of filed) {
      assert.equal(entry.status, 'eingegangen');
      assert.ok(Date.parse(entry.createdAt) >= before - 1000, 'time-stamped receipt');
    }
    const [, complaint, damageCase, documentRequest] = filed;
    assert.equal(complaint.urgency, 'urgent');
    assert.equal(damageCase.title, 'Wasserhahn tropft – Wohnung');
    assert.deepEqual(
      [damageCase.damage.location.label, damageCase.damage.category.label, damageCase.damage.kind.label],
      ['Wohnung', 'Sanitär', 'Wasserhahn tropft'],
    );
    assert.equal(damageCase.residentAvailability, 'werktags ab 16 Uhr');
    assert.equal(damageCase.accessConsent, true);
    assert.equal(documentRequest.title, 'Mieterbescheinigung');
    assert.equal(documentRequest.documentType.label, 'Mieterbescheinigung');

    const list = await resident.get('/api/cases');
    assert.equal(list.status, 200);
    assert.deepEqual(
      list.body.items.map((entry: { type: string }) => entry.type),
      ['document_request', 'damage', 'complaint', 'contact'],
      'newest first',
    );
    for (const entry of list.body.items) {
      assert.equal(entry.status, 'eingegangen');
      assert.ok(entry.lastActivityAt);
    }
    assert.equal(list.body.nextCursor, null);
  });

  it('accepts damage choices only from the own catalogue, in their dependent order, with German errors', async () => {
    const company = await createCaseCompany(server);
    const other = await createCaseCompany(server);
    const resident = await signInResident(server, company);
    const sanitary = await damageChoice(resident);
    const heating = await damageChoice(resident, { location: 'Wohnung', category: 'Heizung und Warmwasser', kind: 'Kein Warmwasser' });
    const foreign = await damageChoice(await signInResident(server, other));

    const mixed = await resident.post('/api/cases', { type: 'damage', ...sanitary, damageKindId: heating.damageKindId, description: 'x' });
    assert.equal(mixed.status, 400);
    assert.equal(mixed.body.error.code, 'unknown_damage_selection');
    assert.match(mixed.body.error.message, /Schadensort, Schadenskategorie und Schadensart/);

    const fromOtherCompany = await resident.post('/api/cases', { type: 'damage', ...foreign, description: 'x' });
    assert.equal(fromOtherCompany.body.error.code, 'unknown_damage_selection');

    const incomplete = await resident.post('/api/cases', { type: 'damage', damageLocationId: sanitary.damageLocationId, description: '' });
    assert.equal(incomplete.status, 400);
    assert.equal(incomplete.body.error.code, 'validation_failed');
    const messages = Object.fromEntries(
      incomplete.body.error.details.fields.map((field: { path: string; message: string }) => [field.path, field.message]),
    );
    assert.equal(messages.damageCategoryId, 'Bitte wählen Sie eine Schadenskategorie aus.');
    assert.equal(messages.description, 'Bitte füllen Sie dieses Feld aus.');

    const emergencyComplaint = await resident.post('/api/cases', { type: 'complaint', title: 'x', description: 'y', urgency: 'emergency' });
    assert.equal(emergencyComplaint.status, 400);

    const unknownDocument = await resident.post('/api/cases', { type: 'document_request', documentTypeId: foreign.damageKindId });
    assert.equal(unknownDocument.body.error.code, 'unknown_document_type');
  });

  it('derives priority and deadline from type and urgency (staff view)', async () => {
    const company = await createCaseCompany(server);
    const resident = await signInResident(server, company);
    const clerk = await signInStaff(server, company, 'clerk');
    const damage = await damageChoice(resident);
    const expected = [
      { urgency: 'emergency', priority: 'critical', hours: 24 },
      { urgency: 'urgent', priority: 'high', hours: 72 },
      { urgency: 'normal', priority: 'normal', hours: 14 * 24 },
    ];
    for (const { urgency, priority, hours } of expected) {
      const filed = await resident.post('/api/cases', { type: 'damage', ...damage, urgency, description: 'Rohrbruch' });
      const { body } = await clerk.get(`/api/staff/cases/${filed.body.case.id}`);
      assert.equal(body.case.priority, priority, urgency);
      const hoursToDeadline = (Date.parse(body.case.deadlineAt) - Date.parse(body.case.createdAt)) / HOUR;
      assert.ok(Math.abs(hoursToDeadline - hours) < 0.01, `${urgency}: ${hoursToDeadline} h`);
    }
    const contact = await resident.post('/api/cases', { type: 'contact', title: 'Frage', description: 'Wie?' });
    const { body } = await clerk.get(`/api/staff/cases/${contact.body.case.id}`);
    assert.ok(Math.abs((Date.parse(body.case.deadlineAt) - Date.parse(body.case.createdAt)) / HOUR - 5 * 24) < 0.01);
  });

  it('numbers cases uniquely and without gaps per housing company, also when filed at the same moment', async () => {
    const company = await createCaseCompany(server);
    const other = await createCaseCompany(server);
    const clients = [
      await signInResident(server, company),
      await signInResident(server, company, 'neighbour'),
      await signInResident(server, other),
    ];
    const filings = Array.from({ length: 24 }, (_, index) =>
      clients[index % 3].post('/api/cases', { type: 'contact', title: `Anfrage ${index}`, description: 'Bitte um Rückruf.' }),
    );
    const responses = await Promise.all(filings);
    for (const response of responses) assert.equal(response.status, 201, JSON.stringify(response.body));
    const year = new Date().getFullYear();
    const numbersOf = (indexes: number[]) => indexes.map((index) => responses[index].body.case.caseNumber).sort();
    const expected = (count: number) => Array.from({ length: count }, (_, n) => `${year}-${String(n + 1).padStart(4, '0')}`);
    const ofCompany = responses.map((_, index) => index).filter((index) => index % 3 !== 2);
    const ofOther = responses.map((_, index) => index).filter((index) => index % 3 === 2);
    assert.deepEqual(numbersOf(ofCompany), expected(16));
    assert.deepEqual(numbersOf(ofOther), expected(8));
  });

  it('shows a resident only their own cases: the neighbour gets 404 on the id and an empty list', async () => {
    const company = await createCaseCompany(server);
    const resident = await signInResident(server, company);
    const neighbour = await signInResident(server, company, 'neighbour');
    const filed = await resident.post('/api/cases', { type: 'contact', title: 'Frage', description: 'Privat' });
    const id = filed.body.case.id;

    const detail = await neighbour.get(`/api/cases/${id}`);
    assert.equal(detail.status, 404);
    assert.deepEqual(Object.keys(detail.body), ['error']);
    assert.equal(detail.body.error.message, 'Vorgang nicht gefunden.');
    assert.equal((await neighbour.post(`/api/cases/${id}/messages`, { body: 'Hallo' })).status, 404);
    assert.deepEqual((await neighbour.get('/api/cases')).body.items, []);
    assert.equal((await resident.get(`/api/cases/${id}`)).status, 200);
  });

  it('never shows a resident internal notes, internal events or internal fields', async () => {
    const company = await createCaseCompany(server);
    const resident = await signInResident(server, company);
    const admin = await signInStaff(server, company, 'admin');
    const clerk = await signInStaff(server, company, 'clerk');
    assert.equal(
      (await admin.request('PUT', '/api/staff/case-routing-rules', { caseType: 'complaint', assigneeId: company.clerk.id })).status,
      200,
    );
    const filed = await resident.post('/api/cases', { type: 'complaint', title: 'Müllplatz', description: 'Überfüllt.' });
    const id = filed.body.case.id;
    await clerk.post(`/api/staff/cases/${id}/notes`, { body: 'GEHEIM: Mieter beschwert sich oft.' });
    await clerk.post(`/api/staff/cases/${id}/replies`, { body: 'Wir lassen den Müllplatz leeren.' });
    await clerk.patch(`/api/staff/cases/${id}/assignee`, { assigneeId: company.admin.id });

    const detail = await resident.get(`/api/cases/${id}`);
    assert.equal(detail.status, 200);
    const json = JSON.stringify(detail.body);
    assert.ok(!json.includes('GEHEIM'), 'internal note text');
    for (const internal of [
      'assignee',
      'priority',
      'deadlineAt',
      'internal',
      'routed',
      'assigned',
      'internal_note',
      company.clerk.id,
      company.admin.id,
    ]) {
      assert.ok(!json.includes(internal), `resident detail contains ${internal}`);
    }
    assert.deepEqual(
      detail.body.messages.map((message: { author: string; body: string }) => [message.author, message.body]),
      [['staff', 'Wir lassen den Müllplatz leeren.']],
    );
    assert.deepEqual(
      detail.body.timeline.map((event: { kind: string }) => event.kind),
      ['created', 'public_reply'],
    );
    const list = JSON.stringify((await resident.get('/api/cases')).body);
    assert.ok(!list.includes('assignee') && !list.includes('deadlineAt'));

    // Row-level security itself, not only the queries: the resident's scope reads no internal row.
    const residentScope = {
      role: 'resident' as const,
      tenantId: company.tenant.id,
      accountId: company.resident.accountId,
      residentId: company.resident.id,
    };
    const internalRows = await withScope(server.db, residentScope, async (tx) => ({
      notes: (await tx.query(`SELECT 1 FROM case_messages WHERE internal`)).rowCount,
      events: (await tx.query(`SELECT 1 FROM case_events WHERE NOT public`)).rowCount,
    }));
    assert.deepEqual(internalRows, { notes: 0, events: 0 });
    const staffScope = { role: 'clerk' as const, tenantId: company.tenant.id, accountId: company.clerk.id };
    const staffSees = await withScope(
      server.db,
      staffScope,
      async (tx) => (await tx.query(`SELECT 1 FROM case_messages WHERE internal`)).rowCount,
    );
    assert.equal(staffSees, 1);
  });

  it('lets a resident write to an open case, and refuses it once the case is closed', async () => {
    const company = await createCaseCompany(server);
    const resident = await signInResident(server, company);
    const clerk = await signInStaff(server, company, 'clerk');
    const filed = await resident.post('/api/cases', { type: 'contact', title: 'Frage', description: 'Wie?' });
    const id = filed.body.case.id;
    const written = await resident.post(`/api/cases/${id}/messages`, { body: 'Noch eine Ergänzung.' });
    assert.equal(written.status, 201);
    const staffView = await clerk.get(`/api/staff/cases/${id}`);
    assert.deepEqual(
      staffView.body.messages.map((message: { author: string; body: string }) => [message.author, message.body]),
      [['resident', 'Noch eine Ergänzung.']],
    );
    assert.equal((await clerk.patch(`/api/staff/cases/${id}/status`, { status: 'erledigt' })).status, 200);
    const late = await resident.post(`/api/cases/${id}/messages`, { body: 'Und noch etwas.' });
    assert.equal(late.status, 409);
    assert.equal(late.body.error.code, 'case_closed');
  });

  it('paginates the own cases with a cursor', async () => {
    const company = await createCaseCompany(server);
    const resident = await signInResident(server, company);
    for (let index = 0; index < 5; index++) {
      await resident.post('/api/cases', { type: 'contact', title: `Frage ${index}`, description: 'x' });
    }
    const first = await resident.get('/api/cases?limit=2');
    assert.deepEqual(
      first.body.items.map((entry: { title: string }) => entry.title),
      ['Frage 4', 'Frage 3'],
    );
    const second = await resident.get(`/api/cases?limit=2&cursor=${first.body.nextCursor}`);
    assert.deepEqual(
      second.body.items.map((entry: { title: string }) => entry.title),
      ['Frage 2', 'Frage 1'],
    );
    const last = await resident.get(`/api/cases?limit=2&cursor=${second.body.nextCursor}`);
    assert.deepEqual(
      last.body.items.map((entry: { title: string }) => entry.title),
      ['Frage 0'],
    );
    assert.equal(last.body.nextCursor, null);
    assert.equal((await resident.get('/api/cases?limit=500')).status, 400);
  });

  it('"already reported?" offers open damage cases of the same building and category without personal data', async () => {
    const company = await createCaseCompany(server);
    const resident = await signInResident(server, company);
    const neighbour = await signInResident(server, company, 'neighbour');
    const clerk = await signInStaff(server, company, 'clerk');
    const basement = { location: 'Keller und Gemeinschaftsräume', category: 'Feuchtigkeit', kind: 'Wasser im Keller' };
    const choice = await damageChoice(resident, basement);
    const filed = await resident.post('/api/cases', {
      type: 'damage',
      ...choice,
      urgency: 'urgent',
      description: 'Erika Mustermann, Tel. 0170 1234567: Wasser steht im Keller.',
      residentAvailability: 'ab 16 Uhr',
    });

    const offered = await neighbour.get(`/api/cases/open-damage-reports?categoryId=${choice.damageCategoryId}`);
    assert.equal(offered.status, 200);
    assert.deepEqual(
      offered.body.items.map((item: object) => Object.keys(item).sort()),
      [['caseNumber', 'damageCategory', 'damageKind', 'damageLocation', 'reportedAt', 'status']],
    );
    assert.equal(offered.body.items[0].caseNumber, filed.body.case.caseNumber);
    assert.equal(offered.body.items[0].damageKind, 'Wasser im Keller');
    const json = JSON.stringify(offered.body);
    for (const personal of ['Erika', 'Mustermann', '0170', 'ab 16 Uhr', company.resident.id]) assert.ok(!json.includes(personal), personal);

    const otherCategory = await damageChoice(resident);
    const none = await neighbour.get(`/api/cases/open-damage-reports?categoryId=${otherCategory.damageCategoryId}`);
    assert.deepEqual(none.body.items, []);

    await clerk.patch(`/api/staff/cases/${filed.body.case.id}/status`, { status: 'erledigt' });
    const afterClosing = await neighbour.get(`/api/cases/open-damage-reports?categoryId=${choice.damageCategoryId}`);
    assert.deepEqual(afterClosing.body.items, [], 'closed cases are not offered');
  });

  it('keeps residents off the staff API', async () => {
    const company = await createCaseCompany(server);
    const resident = await signInResident(server, company);
    assert.equal((await resident.get('/api/staff/cases')).status, 403);
    const filed = await resident.post('/api/cases', { type: 'contact', title: 'Frage', description: 'x' });
    assert.equal((await resident.get(`/api/staff/cases/${filed.body.case.id}`)).status, 403);
    assert.equal((await resident.post(`/api/staff/cases/${filed.body.case.id}/notes`, { body: 'x' })).status, 403);
  });
});
