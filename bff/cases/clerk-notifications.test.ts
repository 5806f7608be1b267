import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { RunningServer } from '../server.ts';
import { closeTestDatabase, mailsAbout, startTestServer } from '../test/harness.ts';
import { signInResident, signInStaff } from '../test/sign-in.ts';
import { connectSocket, createCaseCompany, nextEvent } from './case-test-support.ts';

const DAY = 24 * 3_600_000;

/** Clerks hear about their cases: assignment (routing or reassignment), the resident's messages, and overdue cases once a day. */
describe('cases: notifications to clerks', () => {
  let server: RunningServer;
  // The BFF's clock for scheduled jobs: the tests move it forward.
  let ahead = 0;
  before(async () => {
    server = await startTestServer({ JOBS_POLL_MS: '50' }, { clock: { now: () => new Date(Date.now() + ahead) } });
  });
  after(async () => {
    await server.stop();
    await closeTestDatabase();
  });

  it('tells the clerk a routing rule gives a new case to, by e-mail and live on the board, and of each message of the resident', async () => {
    const company = await createCaseCompany(server);
    const admin = await signInStaff(server, company, 'admin');
    const rule = await admin.request('PUT', '/api/staff/case-routing-rules', { caseType: 'contact', assigneeId: company.clerk.id });
    assert.equal(rule.status, 200, JSON.stringify(rule.body));
    const clerk = await signInStaff(server, company, 'clerk');
    const socket = await connectSocket(server, clerk);
    // The admin's board is open too: the clerk's notifications are the clerk's alone.
    const adminSocket = await connectSocket(server, admin);
    const othersNotified: unknown[] = [];
    adminSocket.on('case:notification', (payload: unknown) => othersNotified.push(payload));
    try {
      const resident = await signInResident(server, company);
      const live = nextEvent(socket, 'case:notification');
      const created = nextEvent(adminSocket, 'case:created');
      const filed = (await resident.post('/api/cases', { type: 'contact', title: 'Klingel', description: 'geht nicht' })).body.case;
      const event = await live;
      assert.deepEqual([event.reason, event.accountId, event.case.id], ['assigned', company.clerk.id, filed.id]);
      await created;
      assert.deepEqual(othersNotified, [], 'another staff member’s board gets the new case, not the clerk’s notification');
      const [assigned] = await mailsAbout(server, company.clerk.email, /^Ihnen zugewiesen/);
      assert.equal(assigned?.subject, `Ihnen zugewiesen: Vorgang ${filed.caseNumber}`);
      assert.match(assigned.text, /^Guten Tag Clara Sachbearbeiterin,/);
      assert.match(assigned.text, /„Klingel“/);

      const message = nextEvent(socket, 'case:notification', (payload) => payload.reason === 'resident_message');
      assert.equal((await resident.post(`/api/cases/${filed.id}/messages`, { body: 'Jetzt auch die Sprechanlage' })).status, 201);
      assert.equal((await message).case.id, filed.id);
      const [written] = await mailsAbout(server, company.clerk.email, /^Neue Nachricht/);
      assert.equal(written?.subject, `Neue Nachricht der Mieterin/des Mieters zu Vorgang ${filed.caseNumber}`);
      assert.deepEqual(othersNotified, []);
    } finally {
      socket.disconnect();
      adminSocket.disconnect();
    }
  });

  it('tells the new assignee of a reassignment, but not a clerk who takes a case themselves', async () => {
    const company = await createCaseCompany(server);
    const resident = await signInResident(server, company);
    const filed = (await resident.post('/api/cases', { type: 'contact', title: 'Treppenlicht', description: 'aus' })).body.case;
    const clerk = await signInStaff(server, company, 'clerk');
    const admin = await signInStaff(server, company, 'admin');
    const assign = async (by: typeof clerk, assigneeId: string) =>
      assert.equal((await by.patch(`/api/staff/cases/${filed.id}/assignee`, { assigneeId })).status, 200);
    await assign(admin, company.clerk.id);
    const [mail] = await mailsAbout(server, company.clerk.email, /^Ihnen zugewiesen/);
    assert.equal(mail?.subject, `Ihnen zugewiesen: Vorgang ${filed.caseNumber}`);
    await assign(clerk, company.admin.id);
    assert.equal((await mailsAbout(server, company.admin.email, /^Ihnen zugewiesen/)).length, 1, 'the admin, given it by the clerk');
    await assign(clerk, company.clerk.id);
    assert.equal((await mailsAbout(server, company.clerk.email, /^Ihnen zugewiesen/, 2, 300)).length, 1, 'not for taking it oneself');
  });

  it('announces each clerk’s overdue cases once a day, however often the jobs look', async () => {
    const company = await createCaseCompany(server);
    const resident = await signInResident(server, company);
    const clerk = await signInStaff(server, company, 'clerk');
    const late = (await resident.post('/api/cases', { type: 'contact', title: 'Zaun kaputt', description: 'seit Wochen' })).body.case;
    const done = (await resident.post('/api/cases', { type: 'contact', title: 'Erledigt', description: 'x' })).body.case;
    for (const filed of [late, done]) await clerk.patch(`/api/staff/cases/${filed.id}/assignee`, { assigneeId: company.clerk.id });
    await clerk.patch(`/api/staff/cases/${done.id}/status`, { status: 'in_bearbeitung' });
    await clerk.patch(`/api/staff/cases/${done.id}/status`, { status: 'erledigt' });

    ahead = 30 * DAY;
    const [first] = await mailsAbout(server, company.clerk.email, /überfällig/, 1, 5000);
    assert.equal(first?.subject, 'Ein überfälliger Vorgang');
    assert.match(first.text, new RegExp(`- ${late.caseNumber} „Zaun kaputt“ \\(Frist: `));
    assert.ok(!first.text.includes(done.caseNumber), 'a closed case is not overdue');

    ahead = 30 * DAY + 3_600_000;
    assert.equal((await mailsAbout(server, company.clerk.email, /überfällig/, 2, 500)).length, 1, 'not again within the day');
    ahead = 31 * DAY + 60_000;
    assert.equal((await mailsAbout(server, company.clerk.email, /überfällig/, 2, 5000)).length, 2, 'again the next day');
  });
});
