import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { withScope } from '../db/scope.ts';
import type { RunningServer } from '../server.ts';
import { closeTestDatabase, mailsAbout, startTestServer } from '../test/harness.ts';
import { signInResident, signInStaff } from '../test/sign-in.ts';
import { connectSocket, createCaseCompany, damageChoice, nextEvent, recordEvents } from './case-test-support.ts';

describe('cases: staff side', () => {
  let server: RunningServer;
  before(async () => {
    server = await startTestServer();
  });
  after(async () => {
    await server.stop();
    await closeTestDatabase();
  });

  it('routes a new case to the clerk of its damage category, else to the clerk of its type', async () => {
    const company = await createCaseCompany(server);
    const admin = await signInStaff(server, company, 'admin');
    const clerk = await signInStaff(server, company, 'clerk');
    const resident = await signInResident(server, company);
    const sanitary = await damageChoice(resident);
    const heating = await damageChoice(resident, { location: 'Wohnung', category: 'Heizung und Warmwasser', kind: 'Kein Warmwasser' });
    const rules = [
      { caseType: 'damage', damageCategoryId: sanitary.damageCategoryId, assigneeId: company.clerk.id },
      { caseType: 'damage', assigneeId: company.admin.id },
    ];
    for (const rule of rules) assert.equal((await admin.request('PUT', '/api/staff/case-routing-rules', rule)).status, 200);
    assert.equal((await clerk.request('PUT', '/api/staff/case-routing-rules', rules[0])).status, 403, 'only admins set rules');
    const wrong = await admin.request('PUT', '/api/staff/case-routing-rules', {
      caseType: 'contact',
      assigneeId: company.resident.accountId,
    });
    assert.equal(wrong.body.error.code, 'unknown_assignee');

    const board = await connectSocket(server, clerk);
    try {
      const created = nextEvent(board, 'case:created');
      const sanitaryCase = await resident.post('/api/cases', { type: 'damage', ...sanitary, description: 'tropft' });
      const live = await created;
      assert.equal(live.case.id, sanitaryCase.body.case.id);
      assert.deepEqual(live.case.assignee, { id: company.clerk.id, label: 'Clara Sachbearbeiterin' }, 'appears live, already assigned');

      const heatingCase = await resident.post('/api/cases', { type: 'damage', ...heating, description: 'kalt' });
      const contactCase = await resident.post('/api/cases', { type: 'contact', title: 'Frage', description: 'x' });
      const assigneeOf = async (id: string) => (await clerk.get(`/api/staff/cases/${id}`)).body.case.assignee?.id ?? null;
      assert.equal(await assigneeOf(heatingCase.body.case.id), company.admin.id);
      assert.equal(await assigneeOf(contactCase.body.case.id), null, 'no rule, no assignee');

      const detail = await clerk.get(`/api/staff/cases/${sanitaryCase.body.case.id}`);
      assert.deepEqual(
        detail.body.events.map((event: { kind: string; actor: string; public: boolean }) => [event.kind, event.actor, event.public]),
        [
          ['created', 'resident', true],
          ['routed', 'system', false],
        ],
      );
      assert.equal(detail.body.case.source, 'portal', 'a filing in the portal is recorded as such');
      assert.deepEqual(detail.body.events[0].data, { caseNumber: sanitaryCase.body.case.caseNumber, source: 'portal' });
    } finally {
      board.disconnect();
    }
  });

  it('a status change is logged, reaches the resident live with public data only, and is mailed in German', async () => {
    const company = await createCaseCompany(server, { name: 'Wohnbau Nord eG' });
    const resident = await signInResident(server, company);
    const clerk = await signInStaff(server, company, 'clerk');
    const filed = await resident.post('/api/cases', { type: 'damage', ...(await damageChoice(resident)), description: 'tropft' });
    const id = filed.body.case.id;
    await clerk.post(`/api/staff/cases/${id}/notes`, { body: 'Firma Rohr & Co. beauftragen' });

    const portal = await connectSocket(server, resident);
    try {
      const residentEvents = recordEvents(portal, 'case:updated');
      const live = nextEvent(portal, 'case:updated', (payload) => payload.change === 'status_changed');
      const changed = await clerk.patch(`/api/staff/cases/${id}/status`, {
        status: 'beauftragt',
        message: 'Der Installateur kommt am Montag.',
      });
      assert.equal(changed.status, 200, JSON.stringify(changed.body));
      assert.equal(changed.body.case.status, 'beauftragt');

      const update = await live;
      assert.equal(update.case.id, id);
      assert.equal(update.case.status, 'beauftragt');
      for (const internal of ['assignee', 'priority', 'deadlineAt', 'resident', 'building', 'overdue']) {
        assert.ok(!(internal in update.case), `resident event carries ${internal}`);
      }
      await clerk.post(`/api/staff/cases/${id}/notes`, { body: 'Rechnung prüfen' });
      await clerk.patch(`/api/staff/cases/${id}/assignee`, { assigneeId: company.admin.id });
      await new Promise((resolve) => setTimeout(resolve, 200));
      assert.ok(!JSON.stringify(residentEvents).includes('Rechnung'), 'internal notes are not pushed to the resident');
      assert.deepEqual(
        residentEvents.map((payload) => (payload as { change: string }).change),
        ['status_changed'],
        'notes and assignments are not announced to the resident',
      );
    } finally {
      portal.disconnect();
    }

    const detail = await clerk.get(`/api/staff/cases/${id}`);
    const statusEvent = detail.body.events.find((event: { kind: string }) => event.kind === 'status_changed');
    assert.deepEqual(statusEvent.data, { from: 'eingegangen', to: 'beauftragt' });
    assert.equal(statusEvent.actorName, 'Clara Sachbearbeiterin');
    assert.equal(statusEvent.public, true);
    assert.deepEqual(
      detail.body.messages.map((message: { internal: boolean; body: string }) => [message.internal, message.body]),
      [
        [true, 'Firma Rohr & Co. beauftragen'],
        [false, 'Der Installateur kommt am Montag.'],
        [true, 'Rechnung prüfen'],
      ],
    );

    const mails = await mailsAbout(server, company.resident.email, /^Ihr Anliegen/);
    assert.equal(mails.length, 1);
    assert.equal(mails[0].subject, `Ihr Anliegen ${filed.body.case.caseNumber}: Beauftragt`);
    assert.match(mails[0].text, /Guten Tag Erika Mustermann/);
    assert.match(mails[0].text, /Der Installateur kommt am Montag\./);
    assert.match(mails[0].text, /Wohnbau Nord eG/);
    assert.ok(!mails[0].text.includes('Rohr & Co.'), 'no internal note in the mail');
  });

  it('refuses status changes the workflow does not allow', async () => {
    const company = await createCaseCompany(server);
    const resident = await signInResident(server, company);
    const clerk = await signInStaff(server, company, 'clerk');
    const filed = await resident.post('/api/cases', { type: 'contact', title: 'Frage', description: 'x' });
    const id = filed.body.case.id;
    assert.equal((await clerk.patch(`/api/staff/cases/${id}/status`, { status: 'eingegangen' })).status, 409);
    assert.equal(
      (await clerk.patch(`/api/staff/cases/${id}/status`, { status: 'abgelehnt', message: 'Bitte wenden Sie sich an die Stadt.' })).status,
      200,
    );
    const reopened = await clerk.patch(`/api/staff/cases/${id}/status`, { status: 'in_bearbeitung' });
    assert.equal(reopened.status, 409);
    assert.equal(reopened.body.error.code, 'invalid_status_transition');
    assert.equal(reopened.body.error.message, 'Der Status kann nicht von „Abgelehnt“ auf „In Bearbeitung“ geändert werden.');
    const unknown = await clerk.patch(`/api/staff/cases/${id}/status`, { status: 'fertig' });
    assert.equal(unknown.status, 400);
    assert.equal(unknown.body.error.details.fields[0].message, 'Unbekannter Status.');
  });

  it('assigns a case to the signed-in clerk with `me` (the board’s „Mir zuweisen“)', async () => {
    const company = await createCaseCompany(server);
    const resident = await signInResident(server, company);
    const admin = await signInStaff(server, company, 'admin');
    const filed = await resident.post('/api/cases', { type: 'contact', title: 'Frage', description: 'x' });
    const id = filed.body.case.id;
    const mine = await admin.patch(`/api/staff/cases/${id}/assignee`, { assigneeId: 'me' });
    assert.equal(mine.status, 200, JSON.stringify(mine.body));
    assert.deepEqual(mine.body.case.assignee, { id: company.admin.id, label: 'Anton Admin' });
    const wrong = await admin.patch(`/api/staff/cases/${id}/assignee`, { assigneeId: 'ich' });
    assert.equal(wrong.status, 400);
    assert.equal(wrong.body.error.details.fields[0].message, 'Bitte eine Kennung, „me“ oder null angeben.');
  });

  it('staff of another housing company get 404 for a case id, and never see it in their list', async () => {
    const a = await createCaseCompany(server);
    const b = await createCaseCompany(server);
    const resident = await signInResident(server, a);
    const clerkB = await signInStaff(server, b, 'clerk');
    const adminB = await signInStaff(server, b, 'admin');
    const filed = await resident.post('/api/cases', { type: 'complaint', title: 'Lärm', description: 'laut' });
    const id = filed.body.case.id;

    const attempts = [
      clerkB.get(`/api/staff/cases/${id}`),
      clerkB.patch(`/api/staff/cases/${id}/status`, { status: 'erledigt' }),
      clerkB.patch(`/api/staff/cases/${id}/assignee`, { assigneeId: b.clerk.id }),
      clerkB.post(`/api/staff/cases/${id}/replies`, { body: 'Hallo' }),
      clerkB.post(`/api/staff/cases/${id}/notes`, { body: 'Hallo' }),
      adminB.get(`/api/staff/cases/${id}`),
    ];
    for (const response of await Promise.all(attempts)) {
      assert.equal(response.status, 404, JSON.stringify(response.body));
      assert.deepEqual(response.body, { error: { code: 'not_found', message: 'Vorgang nicht gefunden.' } });
    }
    assert.deepEqual((await clerkB.get('/api/staff/cases')).body.items, []);
    const own = await signInStaff(server, a, 'clerk');
    const unchanged = await own.get(`/api/staff/cases/${id}`);
    assert.equal(unchanged.body.case.status, 'eingegangen');
    assert.equal(unchanged.body.case.assignee, null);
    assert.deepEqual(unchanged.body.messages, []);
    const assignForeign = await own.patch(`/api/staff/cases/${id}/assignee`, { assigneeId: b.clerk.id });
    assert.equal(assignForeign.body.error.code, 'unknown_assignee', "B's clerk cannot be assigned to A's case");
  });

  it('lists cases by deadline with filters for type, status, assignee, building and overdue, page by page', async () => {
    const company = await createCaseCompany(server);
    const resident = await signInResident(server, company);
    const clerk = await signInStaff(server, company, 'clerk');
    const damage = await damageChoice(resident);
    const file = async (input: object) => (await resident.post('/api/cases', input)).body.case.id as string;
    const contact = await file({ type: 'contact', title: 'Frage', description: 'x' });
    const normalDamage = await file({ type: 'damage', ...damage, description: 'tropft' });
    const emergency = await file({ type: 'damage', ...damage, urgency: 'emergency', description: 'Rohrbruch' });
    const complaint = await file({ type: 'complaint', title: 'Lärm', description: 'laut', urgency: 'urgent' });
    await clerk.patch(`/api/staff/cases/${complaint}/assignee`, { assigneeId: company.clerk.id });
    await clerk.patch(`/api/staff/cases/${contact}/status`, { status: 'in_bearbeitung' });

    const ids = async (query = '') => {
      const response = await clerk.get(`/api/staff/cases${query}`);
      assert.equal(response.status, 200, JSON.stringify(response.body));
      return response.body.items.map((item: { id: string }) => item.id);
    };
    assert.deepEqual(await ids(), [emergency, complaint, contact, normalDamage], 'soonest deadline first: 1, 3, 5, 14 days');
    assert.deepEqual(await ids('?type=damage'), [emergency, normalDamage]);
    assert.deepEqual(await ids('?type=contact,complaint'), [complaint, contact]);
    assert.deepEqual(await ids('?status=in_bearbeitung'), [contact]);
    assert.deepEqual(await ids('?assignee=me'), [complaint]);
    assert.deepEqual(await ids(`?assignee=${company.clerk.id}`), [complaint]);
    assert.deepEqual(await ids('?assignee=none&type=damage'), [emergency, normalDamage]);
    assert.deepEqual(await ids(`?building=${company.building.id}&overdue=false`), [emergency, complaint, contact, normalDamage]);
    assert.deepEqual(await ids('?overdue=true'), []);
    await withScope(server.db, { role: 'clerk', tenantId: company.tenant.id }, (tx) =>
      tx.query(`UPDATE cases SET deadline_at = now() - interval '1 hour' WHERE id = $1`, [normalDamage]),
    );
    assert.deepEqual(await ids('?overdue=true'), [normalDamage]);
    assert.deepEqual(await ids('?overdue=false'), [emergency, complaint, contact]);
    assert.equal((await clerk.get(`/api/staff/cases/${normalDamage}`)).body.case.overdue, true);

    const first = await clerk.get('/api/staff/cases?limit=3');
    const second = await clerk.get(`/api/staff/cases?limit=3&cursor=${first.body.nextCursor}`);
    assert.deepEqual(
      [...first.body.items, ...second.body.items].map((item: { id: string }) => item.id),
      [normalDamage, emergency, complaint, contact],
    );
    assert.equal(second.body.nextCursor, null);

    const invalid = await clerk.get('/api/staff/cases?status=offen');
    assert.equal(invalid.status, 400);
    assert.equal(invalid.body.error.details.fields[0].message, 'Unbekannter Status.');
  });

  it('documents the case API in the OpenAPI document', async () => {
    const company = await createCaseCompany(server);
    const clerk = await signInStaff(server, company, 'clerk');
    const { body } = await clerk.get('/api/openapi.json');
    for (const path of ['/api/cases', '/api/cases/{id}', '/api/cases/{id}/messages', '/api/staff/cases', '/api/staff/cases/{id}/status']) {
      assert.ok(body.paths[path], path);
    }
    assert.equal(body.paths['/api/staff/cases/{id}/status'].patch['x-access'], 'staff');
  });
});
