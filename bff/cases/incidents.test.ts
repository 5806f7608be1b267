import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { withScope } from '../db/scope.ts';
import { outcome } from '../isolation/support.ts';
import { addBuilding, addResident, addUnit } from '../onboarding/use-cases.ts';
import { asTenantAdmin } from '../tenants/use-cases.ts';
import { insertDamageCategory, insertDamageKind, insertDamageLocation } from './catalogue-repository.ts';
import type { RunningServer } from '../server.ts';
import { closeTestDatabase, mailsAbout, mailsTo, startTestServer, type TestClient } from '../test/harness.ts';
import type { HousingCompany } from '../test/fixtures.ts';
import { signInResident, signInStaff } from '../test/sign-in.ts';
import { connectSocket, createCaseCompany, damageChoice, nextEvent, recordEvents } from './case-test-support.ts';

const DESCRIPTION = 'Im Keller steht 5 cm Wasser, Erika Mustermann, Tel. 0171 2345678';
const LIFT = { location: 'Aufzug', category: 'Aufzug', kind: 'Aufzug steht still' };
const DRIPPING_TAP = { location: 'Wohnung', category: 'Sanitär', kind: 'Wasserhahn tropft' };
const INCIDENT_KEYS = ['caseNumber', 'damageLocation', 'damageCategory', 'damageKind', 'status', 'reportedAt', 'joinedAt'].sort();

describe('cases: joining a reported incident', () => {
  let server: RunningServer;
  before(async () => {
    server = await startTestServer();
  });
  after(async () => {
    await server.stop();
    await closeTestDatabase();
  });

  /** The resident reports the lift standing still (a common area); the neighbour (same building, other flat) signs in. */
  async function reportedIncident(company: HousingCompany) {
    const reporter = await signInResident(server, company);
    const neighbour = await signInResident(server, company, 'neighbour');
    const damage = await damageChoice(reporter, LIFT);
    const filed = await reporter.post('/api/cases', {
      type: 'damage',
      ...damage,
      title: 'Rohrbruch bei Mustermann',
      description: DESCRIPTION,
    });
    assert.equal(filed.status, 201, JSON.stringify(filed.body));
    await reporter.post(`/api/cases/${filed.body.case.id}/messages`, { body: 'Bitte vorher bei mir klingeln.' });
    return { reporter, neighbour, damage, caseId: filed.body.case.id as string, caseNumber: filed.body.case.caseNumber as string };
  }

  /** A resident of a second building of the same housing company, signed in. */
  async function residentOfAnotherBuilding(company: HousingCompany): Promise<TestClient> {
    const other = await asTenantAdmin(server.db, company.tenant.id, async (tx) => {
      await addBuilding(tx, company.tenant.id, { externalRef: 'G-2', street: 'Birkenweg 3', postalCode: '20259', city: 'Hamburg' });
      await addUnit(tx, company.tenant.id, { externalRef: 'G-2-01', buildingRef: 'G-2', label: '1. OG' });
      return addResident(tx, company.tenant.id, { externalRef: 'M-2001', unitRef: 'G-2-01', firstName: 'Olga', lastName: 'Anderhaus' });
    });
    return signInResident(server, { ...company, resident: { ...other, email: `olga@${company.tenant.slug}.example` } });
  }

  it('a neighbour joins an open damage report of the building once, sees it under "joined", and staff count the affected', async () => {
    const company = await createCaseCompany(server);
    const { reporter, neighbour, damage, caseId, caseNumber } = await reportedIncident(company);
    const clerk = await signInStaff(server, company, 'clerk');

    const listed = await neighbour.get(`/api/cases/open-damage-reports?categoryId=${damage.damageCategoryId}`);
    assert.deepEqual(
      listed.body.items.map((item: { caseNumber: string }) => item.caseNumber),
      [caseNumber],
    );

    const before = Date.now();
    const joined = await neighbour.post(`/api/cases/open-damage-reports/${caseNumber}/join`);
    assert.equal(joined.status, 201, JSON.stringify(joined.body));
    assert.deepEqual(Object.keys(joined.body.incident).sort(), INCIDENT_KEYS);
    assert.equal(joined.body.incident.caseNumber, caseNumber);
    assert.deepEqual(
      [
        joined.body.incident.damageLocation,
        joined.body.incident.damageCategory,
        joined.body.incident.damageKind,
        joined.body.incident.status,
      ],
      ['Aufzug', 'Aufzug', 'Aufzug steht still', 'eingegangen'],
    );
    assert.ok(Date.parse(joined.body.incident.joinedAt) >= before - 1000);

    const again = await neighbour.post(`/api/cases/open-damage-reports/${caseNumber}/join`);
    assert.equal(again.status, 409);
    assert.equal(again.body.error.code, 'already_joined');
    assert.match(again.body.error.message, /bereits angeschlossen/);

    const own = await reporter.post(`/api/cases/open-damage-reports/${caseNumber}/join`);
    assert.equal(own.status, 409);
    assert.equal(own.body.error.code, 'own_report');

    const list = await neighbour.get('/api/cases/joined');
    assert.equal(list.status, 200);
    assert.deepEqual(list.body.items, [joined.body.incident]);
    assert.deepEqual((await reporter.get('/api/cases/joined')).body.items, [], 'the reporter joined nothing');

    const detail = await clerk.get(`/api/staff/cases/${caseId}`);
    assert.equal(detail.body.affectedResidents, 2, 'the reporter and the neighbour');
    const unjoined = await reporter.post('/api/cases', { type: 'damage', ...damage, description: 'Noch ein Schaden' });
    assert.equal((await clerk.get(`/api/staff/cases/${unjoined.body.case.id}`)).body.affectedResidents, 1);
  });

  it('offers damage inside a flat only to the residents of that flat, common areas to the building, and nobody their own report', async () => {
    const company = await createCaseCompany(server);
    const reporter = await signInResident(server, company);
    const neighbour = await signInResident(server, company, 'neighbour');
    const flatmate = await asTenantAdmin(server.db, company.tenant.id, (tx) =>
      addResident(tx, company.tenant.id, { externalRef: 'M-1003', unitRef: 'G-1-01', firstName: 'Paul', lastName: 'Mitbewohner' }),
    );
    const sameFlat = await signInResident(server, { ...company, resident: { ...flatmate, email: `paul@${company.tenant.slug}.example` } });
    const tap = await damageChoice(reporter, DRIPPING_TAP);
    const lift = await damageChoice(reporter, LIFT);
    const inFlat = (await reporter.post('/api/cases', { type: 'damage', ...tap, description: 'Tropft seit Montag.' })).body.case;
    const inLift = (await reporter.post('/api/cases', { type: 'damage', ...lift, description: 'Steht im 2. OG.' })).body.case;
    const offered = async (client: TestClient, choice: { damageCategoryId: string }) =>
      (await client.get(`/api/cases/open-damage-reports?categoryId=${choice.damageCategoryId}`)).body.items.map(
        (item: { caseNumber: string }) => item.caseNumber,
      );

    // The neighbour next door is neither offered "Wasserhahn tropft" in Erika's flat nor can join it by its number.
    assert.deepEqual(await offered(neighbour, tap), [], "the neighbour is offered a damage inside another resident's flat");
    const byNumber = await neighbour.post(`/api/cases/open-damage-reports/${inFlat.caseNumber}/join`);
    assert.equal(byNumber.status, 404);
    assert.equal(byNumber.body.error.code, 'not_found');
    const sqlJoin = await outcome(
      withScope(
        server.db,
        { role: 'resident', tenantId: company.tenant.id, accountId: company.neighbour.accountId, residentId: company.neighbour.id },
        (tx) =>
          tx.query(`INSERT INTO incident_participants (tenant_id, case_id, resident_id) VALUES ($1, $2, $3)`, [
            company.tenant.id,
            inFlat.id,
            company.neighbour.id,
          ]),
      ),
    );
    assert.equal(sqlJoin, 'refused', 'row-level security refuses it too');
    assert.deepEqual(await offered(neighbour, lift), [inLift.caseNumber], 'the lift is everyone’s');

    // Who lives in the same flat is offered it and may join.
    assert.deepEqual(await offered(sameFlat, tap), [inFlat.caseNumber]);
    assert.equal((await sameFlat.post(`/api/cases/open-damage-reports/${inFlat.caseNumber}/join`)).status, 201);

    // The reporter is offered neither of their own reports.
    assert.deepEqual(await offered(reporter, tap), []);
    assert.deepEqual(await offered(reporter, lift), []);
    assert.equal((await reporter.post(`/api/cases/open-damage-reports/${inLift.caseNumber}/join`)).body.error.code, 'own_report');
  });

  it("an admin marks the company's own locations as common areas; residents of other flats are offered their reports from then on", async () => {
    const company = await createCaseCompany(server);
    const reporter = await signInResident(server, company);
    const neighbour = await signInResident(server, company, 'neighbour');
    const admin = await signInStaff(server, company, 'admin');
    const clerk = await signInStaff(server, company, 'clerk');
    await asTenantAdmin(server.db, company.tenant.id, async (tx) => {
      const locationId = await insertDamageLocation(tx, company.tenant.id, 'Tiefgarage', 9);
      const categoryId = await insertDamageCategory(tx, company.tenant.id, locationId, 'Tor', 0);
      await insertDamageKind(tx, company.tenant.id, categoryId, 'Tor öffnet nicht', 0);
    });
    const garage = await damageChoice(reporter, { location: 'Tiefgarage', category: 'Tor', kind: 'Tor öffnet nicht' });
    const filing = await reporter.post('/api/cases', { type: 'damage', ...garage, description: 'Tor klemmt.' });
    assert.equal(filing.status, 201, JSON.stringify(filing.body));
    const filed = filing.body.case;
    const offered = async () =>
      (await neighbour.get(`/api/cases/open-damage-reports?categoryId=${garage.damageCategoryId}`)).body.items.map(
        (item: { caseNumber: string }) => item.caseNumber,
      );
    assert.deepEqual(await offered(), [], "a company's own location is private until marked");

    const path = `/api/staff/damage-locations/${garage.damageLocationId}/common-area`;
    assert.equal((await clerk.request('PUT', path, { commonArea: true })).status, 403, 'admins only');
    const marked = await admin.request('PUT', path, { commonArea: true });
    assert.equal(marked.status, 200, JSON.stringify(marked.body));
    assert.deepEqual(marked.body, { id: garage.damageLocationId, label: 'Tiefgarage', commonArea: true });
    assert.deepEqual(await offered(), [filed.caseNumber]);

    assert.equal((await admin.request('PUT', path, { commonArea: false })).body.commonArea, false);
    assert.deepEqual(await offered(), []);
    const unknown = await admin.request('PUT', `/api/staff/damage-locations/${company.tenant.id}/common-area`, { commonArea: true });
    assert.equal(unknown.status, 404);
  });

  it("the joined resident never sees the incident's description, messages or reporter — not even by trying", async () => {
    const company = await createCaseCompany(server);
    const { neighbour, caseId, caseNumber } = await reportedIncident(company);
    const joined = await neighbour.post(`/api/cases/open-damage-reports/${caseNumber}/join`);
    assert.equal(joined.status, 201);

    const answers = [joined, await neighbour.get('/api/cases/joined'), await neighbour.get('/api/cases')];
    const byId = await neighbour.get(`/api/cases/${caseId}`);
    assert.equal(byId.status, 404, 'the case itself stays the reporter’s');
    const writing = await neighbour.post(`/api/cases/${caseId}/messages`, { body: 'Ich auch!' });
    assert.equal(writing.status, 404, 'no writing into the reporter’s case');
    const staffView = await neighbour.get(`/api/staff/cases/${caseId}`);
    assert.equal(staffView.status, 403);
    assert.deepEqual((await neighbour.get('/api/cases')).body.items, [], "the incident is not one of the neighbour's cases");
    for (const answer of [...answers, byId, writing, staffView]) {
      const text = JSON.stringify(answer.body);
      for (const secret of [
        DESCRIPTION,
        'Rohrbruch bei Mustermann',
        'klingeln',
        'Erika',
        'Mustermann',
        company.resident.id,
        company.resident.accountId,
      ]) {
        assert.ok(!text.includes(secret), `answer carries ${secret}: ${text}`);
      }
    }
  });

  it('only open damage reports of the own building of the own housing company can be joined', async () => {
    const company = await createCaseCompany(server);
    const { reporter, neighbour, caseId, caseNumber } = await reportedIncident(company);
    const clerk = await signInStaff(server, company, 'clerk');
    const elsewhere = await residentOfAnotherBuilding(company);
    const otherCompany = await createCaseCompany(server);
    const outsider = await signInResident(server, otherCompany);

    for (const [who, client] of [
      ['another building', elsewhere],
      ['another housing company', outsider],
    ] as const) {
      const attempt = await client.post(`/api/cases/open-damage-reports/${caseNumber}/join`);
      assert.equal(attempt.status, 404, `${who}: ${JSON.stringify(attempt.body)}`);
      assert.equal(attempt.body.error.code, 'not_found');
      assert.match(attempt.body.error.message, /Keine offene Schadensmeldung/);
    }
    // The other company's own case with the same number is no door into this one.
    const outsiderCase = await outsider.post('/api/cases', {
      type: 'damage',
      ...(await damageChoice(outsider, LIFT)),
      description: 'Eigener Schaden',
    });
    assert.equal(outsiderCase.body.case.caseNumber, caseNumber, 'both housing companies count from 0001');
    const neighbourOfOutsider = await signInResident(server, otherCompany, 'neighbour');
    const sameNumber = await neighbourOfOutsider.post(`/api/cases/open-damage-reports/${caseNumber}/join`);
    assert.equal(sameNumber.status, 201);
    assert.equal(
      (await clerk.get(`/api/staff/cases/${caseId}`)).body.affectedResidents,
      1,
      'joined the other company’s case, not this one',
    );

    const contact = await reporter.post('/api/cases', { type: 'contact', title: 'Frage', description: 'Wann kommt der Hausmeister?' });
    assert.equal(
      (await neighbour.post(`/api/cases/open-damage-reports/${contact.body.case.caseNumber}/join`)).status,
      404,
      'not a damage report',
    );
    assert.equal((await neighbour.post('/api/cases/open-damage-reports/2020-9999/join')).status, 404, 'no such case');
    const malformed = await neighbour.post('/api/cases/open-damage-reports/abc/join');
    assert.equal(malformed.status, 400);
    assert.equal(malformed.body.error.code, 'validation_failed');

    assert.equal((await clerk.patch(`/api/staff/cases/${caseId}/status`, { status: 'erledigt' })).status, 200);
    const closed = await neighbour.post(`/api/cases/open-damage-reports/${caseNumber}/join`);
    assert.equal(closed.status, 404, 'a closed report is no longer open to join');
    const staffJoin = await clerk.post(`/api/cases/open-damage-reports/${caseNumber}/join`);
    assert.equal(staffJoin.status, 403, 'only residents join');
  });

  it('row-level security itself refuses a participation the API would refuse, and keeps the case hidden from the joined resident', async () => {
    const company = await createCaseCompany(server);
    const { caseId, caseNumber, neighbour } = await reportedIncident(company);
    assert.equal((await neighbour.post(`/api/cases/open-damage-reports/${caseNumber}/join`)).status, 201);
    const tenantId = company.tenant.id;
    const asResident = (who: 'resident' | 'neighbour') => ({
      role: 'resident' as const,
      tenantId,
      accountId: company[who].accountId,
      residentId: company[who].id,
    });
    const join = (who: 'resident' | 'neighbour', residentId: string) =>
      outcome(
        withScope(server.db, asResident(who), (tx) =>
          tx.query(`INSERT INTO incident_participants (tenant_id, case_id, resident_id) VALUES ($1, $2, $3)`, [
            tenantId,
            caseId,
            residentId,
          ]),
        ),
      );

    assert.equal(await join('resident', company.resident.id), 'refused', 'the reporter cannot join their own case');
    assert.equal(await join('resident', company.neighbour.id), 'refused', 'nobody joins in someone else’s name');
    const clerkScope = { role: 'clerk' as const, tenantId, accountId: company.clerk.id };
    assert.equal(
      await outcome(
        withScope(server.db, clerkScope, (tx) =>
          tx.query(`INSERT INTO incident_participants (tenant_id, case_id, resident_id) VALUES ($1, $2, $3)`, [
            tenantId,
            caseId,
            company.resident.id,
          ]),
        ),
      ),
      'refused',
      'staff do not join residents either',
    );
    const seen = await withScope(server.db, asResident('neighbour'), async (tx) => ({
      cases: (await tx.query(`SELECT description FROM cases WHERE id = $1`, [caseId])).rowCount,
      messages: (await tx.query(`SELECT body FROM case_messages WHERE case_id = $1`, [caseId])).rowCount,
      events: (await tx.query(`SELECT 1 FROM case_events WHERE case_id = $1`, [caseId])).rowCount,
      participations: (await tx.query(`SELECT resident_id FROM incident_participants`)).rows,
    }));
    assert.deepEqual(seen, { cases: 0, messages: 0, events: 0, participations: [{ resident_id: company.neighbour.id }] });
    const reporterSees = await withScope(server.db, asResident('resident'), (tx) => tx.query(`SELECT 1 FROM incident_participants`));
    assert.equal(reporterSees.rowCount, 0, 'the reporter does not learn who else is affected');
  });

  it('status changes reach joined residents live and by German e-mail, without the reporter’s message', async () => {
    const company = await createCaseCompany(server, { name: 'Wohnbau Süd eG' });
    const { reporter, neighbour, caseId, caseNumber } = await reportedIncident(company);
    const clerk = await signInStaff(server, company, 'clerk');
    assert.equal((await neighbour.post(`/api/cases/open-damage-reports/${caseNumber}/join`)).status, 201);

    const neighbourSocket = await connectSocket(server, neighbour);
    const reporterSocket = await connectSocket(server, reporter);
    try {
      const neighbourCaseEvents = recordEvents(neighbourSocket, 'case:updated');
      const reporterIncidentEvents = recordEvents(reporterSocket, 'incident:updated');
      const live = nextEvent(neighbourSocket, 'incident:updated');
      const changed = await clerk.patch(`/api/staff/cases/${caseId}/status`, {
        status: 'beauftragt',
        message: 'Frau Mustermann, der Installateur kommt Montag.',
      });
      assert.equal(changed.status, 200, JSON.stringify(changed.body));

      const update = await live;
      assert.equal(update.change, 'status_changed');
      assert.deepEqual(Object.keys(update.incident).sort(), INCIDENT_KEYS);
      assert.equal(update.incident.caseNumber, caseNumber);
      assert.equal(update.incident.status, 'beauftragt');
      assert.ok(!JSON.stringify(update).includes('Mustermann'), 'no reporter, title or message in the live event');

      await clerk.post(`/api/staff/cases/${caseId}/replies`, { body: 'Frau Mustermann, bitte Zugang freihalten.' });
      await clerk.post(`/api/staff/cases/${caseId}/notes`, { body: 'Intern: Versicherung informieren' });
      await new Promise((resolve) => setTimeout(resolve, 200));
      assert.deepEqual(neighbourCaseEvents, [], 'the case itself is never pushed to the joined resident');
      assert.deepEqual(reporterIncidentEvents, [], 'the reporter gets the case update, not an incident update');
    } finally {
      neighbourSocket.disconnect();
      reporterSocket.disconnect();
    }

    const neighbourMails = await mailsTo(server, company.neighbour.email);
    assert.equal(neighbourMails.length, 1);
    assert.equal(neighbourMails[0].subject, `Schadensmeldung ${caseNumber}: Beauftragt`);
    assert.match(neighbourMails[0].text, /Guten Tag Max Nachbar/);
    assert.match(neighbourMails[0].text, /Aufzug steht still – Aufzug/);
    assert.match(neighbourMails[0].text, /ebenfalls betroffen/);
    assert.match(neighbourMails[0].text, /Wohnbau Süd eG/);
    for (const secret of ['Mustermann', 'Installateur', 'Keller', 'Rohrbruch']) {
      assert.ok(!neighbourMails[0].text.includes(secret), `the neighbour's mail carries ${secret}`);
    }
    const reporterMails = await mailsAbout(server, company.resident.email, /^Ihr Anliegen/);
    assert.equal(reporterMails.length, 1, 'the reporter still gets their own mail');
    assert.match(reporterMails[0].text, /der Installateur kommt Montag/);
  });
});
