import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { RunningServer } from '../server.ts';
import { closeTestDatabase, startTestServer } from '../test/harness.ts';
import { signInResident, signInStaff } from '../test/sign-in.ts';
import { createCaseCompany } from './case-test-support.ts';

describe('cases: clerks to assign to', () => {
  let server: RunningServer;
  before(async () => {
    server = await startTestServer();
  });
  after(async () => {
    await server.stop();
    await closeTestDatabase();
  });

  it("lists the own housing company's clerks and admins by name, which the board can then assign", async () => {
    const company = await createCaseCompany(server);
    const other = await createCaseCompany(server);
    const clerk = await signInStaff(server, company, 'clerk');
    const listed = await clerk.get('/api/staff/clerks');
    assert.equal(listed.status, 200, JSON.stringify(listed.body));
    assert.deepEqual(listed.body.items, [
      { id: company.admin.id, label: 'Anton Admin', role: 'admin' },
      { id: company.clerk.id, label: 'Clara Sachbearbeiterin', role: 'clerk' },
    ]);
    const ids = listed.body.items.map((item: { id: string }) => item.id);
    assert.ok(!ids.includes(other.clerk.id) && !ids.includes(company.resident.accountId), 'no residents, no other company');

    const resident = await signInResident(server, company);
    const filed = await resident.post('/api/cases', { type: 'contact', title: 'Frage', description: 'x' });
    const assigned = await clerk.patch(`/api/staff/cases/${filed.body.case.id}/assignee`, { assigneeId: listed.body.items[0].id });
    assert.deepEqual(assigned.body.case.assignee, { id: company.admin.id, label: 'Anton Admin' });
  });

  it('is for staff only', async () => {
    const company = await createCaseCompany(server);
    const resident = await signInResident(server, company);
    assert.equal((await resident.get('/api/staff/clerks')).status, 403);
  });
});
