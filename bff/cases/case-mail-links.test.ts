import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { RunningServer } from '../server.ts';
import { closeTestDatabase, mailsAbout, startTestServer, TestClient, TEST_ADMIN_TOKEN } from '../test/harness.ts';
import { signInResident, signInStaff } from '../test/sign-in.ts';
import { createCaseCompany, damageChoice } from './case-test-support.ts';
import { caseLink } from './case-mails.ts';

/** Status e-mails link straight to the case on the housing company's portal page, once the settings name that page. */
describe('cases: links in status e-mails', () => {
  let server: RunningServer;
  before(async () => {
    server = await startTestServer();
  });
  after(async () => {
    await server.stop();
    await closeTestDatabase();
  });

  async function statusMail(portalPageUrl?: string) {
    const company = await createCaseCompany(server);
    if (portalPageUrl) {
      const platform = new TestClient(server.url, { bearer: TEST_ADMIN_TOKEN });
      const set = await platform.patch(`/api/admin/tenants/${company.tenant.slug}/settings`, { portalPageUrl });
      assert.equal(set.status, 200, JSON.stringify(set.body));
    }
    const resident = await signInResident(server, company);
    const clerk = await signInStaff(server, company, 'clerk');
    const filed = await resident.post('/api/cases', { type: 'damage', ...(await damageChoice(resident)), description: 'tropft' });
    const changed = await clerk.patch(`/api/staff/cases/${filed.body.case.id}/status`, { status: 'beauftragt' });
    assert.equal(changed.status, 200, JSON.stringify(changed.body));
    const [mail] = await mailsAbout(server, company.resident.email, /^Ihr Anliegen/);
    assert.ok(mail, 'a status e-mail');
    return { mail, caseId: filed.body.case.id as string };
  }

  it('links to the case on the portal page (?mp-case=<id>) when the settings name the page', async () => {
    const { mail, caseId } = await statusMail('https://www.wohnbau-nord.example/mieterportal');
    assert.match(mail.text, new RegExp(`^https://www\\.wohnbau-nord\\.example/mieterportal\\?mp-case=${caseId}$`, 'm'));
  });

  it('appends with & to a page that has a query already, before its fragment', async () => {
    const { mail, caseId } = await statusMail('https://www.example.de/index.php?id=42&L=0#portal');
    assert.ok(mail.text.includes(`https://www.example.de/index.php?id=42&L=0&mp-case=${caseId}#portal`), mail.text);
    assert.equal(caseLink('http://127.0.0.1:3000/', 'abc'), 'http://127.0.0.1:3000/?mp-case=abc');
  });

  it('has no link while the portal page is not set', async () => {
    const { mail } = await statusMail();
    assert.ok(!/https?:\/\//.test(mail.text), mail.text);
    assert.match(mail.text, /im Mieterportal\./);
  });
});
