import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { withScope } from '../db/scope.ts';
import type { RunningServer } from '../server.ts';
import { createUploadUseCases } from '../uploads/use-cases.ts';
import { PDF, uploadOne } from '../uploads/upload-test-support.ts';
import { closeTestDatabase, mailsTo, startTestServer } from '../test/harness.ts';
import { signInResident, signInStaff } from '../test/sign-in.ts';
import type { HousingCompany } from '../test/fixtures.ts';
import { createCaseAnnouncer } from './announcements.ts';
import { createEmbeddedCaseBackend } from './embedded-case-backend.ts';
import { createCaseUseCases } from './use-cases.ts';
import { connectSocket, createCaseCompany, nextEvent } from './case-test-support.ts';

/**
 * Cases without a resident: the letting case of an accepted rental lead belongs to an applicant. The lead
 * pipeline files it through the case use cases; clerks work it on the board like any case, and no
 * resident — not even one of the same housing company — can see it.
 */
describe('cases: letting cases without a resident', () => {
  let server: RunningServer;
  let cases: ReturnType<typeof createCaseUseCases>;

  before(async () => {
    server = await startTestServer();
    cases = createCaseUseCases({
      db: server.db,
      backend: createEmbeddedCaseBackend(),
      announcer: createCaseAnnouncer({ db: server.db, realtime: server.realtime, logger: server.logger, outbox: { wake() {} } }),
      uploads: createUploadUseCases(server.db),
    });
  });
  after(async () => {
    await server.stop();
    await closeTestDatabase();
  });

  const clerkOf = (company: HousingCompany) => ({ tenantId: company.tenant.id, accountId: company.clerk.id, role: 'clerk' as const });
  const applicant = { name: 'Jana Neumieterin', email: 'jana@example.org', phone: '+49 40 1234567' };

  async function fileLetting(company: HousingCompany) {
    return cases.fileLettingCase(clerkOf(company), {
      source: 'lead',
      unitId: company.units[1].id,
      applicant,
      title: 'Vermietung EG rechts an Jana Neumieterin',
      description: 'Zusage nach Besichtigung am 20.11.',
    });
  }

  it('is filed for the unit with the applicant, arrives live on the board, and clerks work it like any case', async () => {
    const company = await createCaseCompany(server);
    const clerk = await signInStaff(server, company, 'clerk');
    const board = await connectSocket(server, clerk);
    try {
      const arrived = nextEvent(board, 'case:created');
      const { case: filed } = await fileLetting(company);
      assert.equal((await arrived).case.id, filed.id);
      assert.deepEqual([filed.type, filed.source, filed.resident, filed.applicant], ['letting', 'lead', null, applicant]);
      assert.equal(filed.unitLabel, 'EG rechts');
    } finally {
      board.disconnect();
    }

    const list = await clerk.get('/api/staff/cases?type=letting');
    assert.equal(list.body.items.length, 1);
    const id = list.body.items[0].id;
    const detail = await clerk.get(`/api/staff/cases/${id}`);
    assert.deepEqual(detail.body.case.applicant, applicant);
    assert.deepEqual(
      detail.body.events.map((event: { kind: string; actor: string; data: unknown }) => [event.kind, event.actor, event.data]),
      [['created', 'staff', { caseNumber: detail.body.case.caseNumber, source: 'lead' }]],
    );
    assert.equal((await clerk.post(`/api/staff/cases/${id}/replies`, { body: 'Mietvertrag ist unterwegs.' })).status, 201);
    assert.equal((await clerk.patch(`/api/staff/cases/${id}/status`, { status: 'erledigt' })).status, 200);
    // Documents go to a case's resident; a letting case has none (the applicant does not live here yet).
    const upload = await uploadOne(clerk, PDF, 'Mietvertrag.pdf');
    const document = await clerk.post(`/api/staff/cases/${id}/documents`, { uploadId: upload.body.upload.id, title: 'Mietvertrag' });
    assert.deepEqual([document.status, document.body.error.code], [409, 'case_without_resident']);
  });

  it('no resident sees it: not in their list, 404 by id, nothing of it under their row-level scope', async () => {
    const company = await createCaseCompany(server);
    const { case: filed } = await fileLetting(company);
    const resident = await signInResident(server, company);
    assert.deepEqual((await resident.get('/api/cases')).body.items, []);
    assert.equal((await resident.get(`/api/cases/${filed.id}`)).status, 404);

    const residentScope = {
      role: 'resident' as const,
      tenantId: company.tenant.id,
      accountId: company.resident.accountId,
      residentId: company.resident.id,
    };
    const seen = await withScope(server.db, residentScope, async (tx) => ({
      cases: (await tx.query(`SELECT 1 FROM cases WHERE id = $1`, [filed.id])).rowCount,
      events: (await tx.query(`SELECT 1 FROM case_events WHERE case_id = $1`, [filed.id])).rowCount,
      messages: (await tx.query(`SELECT 1 FROM case_messages WHERE case_id = $1`, [filed.id])).rowCount,
    }));
    assert.deepEqual(seen, { cases: 0, events: 0, messages: 0 });
    // A resident cannot write onto it either, not even with a null resident of their own choosing.
    await assert.rejects(
      withScope(server.db, residentScope, (tx) =>
        tx.query(
          `INSERT INTO case_messages (tenant_id, case_id, resident_id, author_account_id, author_role, internal, body)
           VALUES ($1, $2, NULL, $3, 'resident', false, 'Hallo')`,
          [company.tenant.id, filed.id, company.resident.accountId],
        ),
      ),
    );
  });

  it('a resident cannot file one, and no other case can lack its resident', async () => {
    const company = await createCaseCompany(server);
    const resident = await signInResident(server, company);
    const refused = await resident.post('/api/cases', { type: 'letting', title: 'Ich will einziehen', description: 'x' });
    assert.equal(refused.status, 400);
    const residentContext = {
      tenantId: company.tenant.id,
      accountId: company.resident.accountId,
      role: 'resident' as const,
      residentId: company.resident.id,
    };
    await assert.rejects(
      cases.fileLettingCase(residentContext, { source: 'portal', unitId: company.units[0].id, applicant, title: 'x', description: 'x' }),
      { code: 'forbidden' },
    );
    // The table itself refuses a resident's kind of case without a resident, and a letting case without an applicant.
    const clerkScope = { role: 'clerk' as const, tenantId: company.tenant.id, accountId: company.clerk.id };
    for (const [type, applicantJson] of [
      ['contact', null],
      ['letting', null],
    ] as const) {
      await assert.rejects(
        withScope(server.db, clerkScope, (tx) =>
          tx.query(
            `INSERT INTO cases (tenant_id, case_number, type, resident_id, building_id, unit_id, title, priority, deadline_at, applicant)
             VALUES ($1, 'X-1', $2, NULL, $3, $4, 'x', 'normal', now(), $5)`,
            [company.tenant.id, type, company.building.id, company.units[0].id, applicantJson],
          ),
        ),
        /cases_resident_or_applicant/,
        type,
      );
    }
  });

  it('a status change of a letting case e-mails nobody and pushes nothing to residents', async () => {
    const company = await createCaseCompany(server);
    const { case: filed } = await fileLetting(company);
    const resident = await signInResident(server, company);
    const residentSocket = await connectSocket(server, resident);
    const received: unknown[] = [];
    residentSocket.onAny((event, payload) => received.push([event, payload]));
    try {
      await cases.changeStatus(clerkOf(company), filed.id, 'in_bearbeitung', 'Vertrag wird vorbereitet.');
      await new Promise((resolve) => setTimeout(resolve, 300));
      assert.deepEqual(received, []);
      assert.deepEqual(await mailsTo(server, company.resident.email, 1, 300), []);
    } finally {
      residentSocket.disconnect();
    }
  });
});
