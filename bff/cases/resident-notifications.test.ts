import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { RunningServer } from '../server.ts';
import { closeTestDatabase, mailsAbout, startTestServer, TestClient, TEST_ADMIN_TOKEN } from '../test/harness.ts';
import { activateResident, signInResident, signInStaff } from '../test/sign-in.ts';
import { createCaseCompany, damageChoice } from './case-test-support.ts';

const PORTAL = 'https://www.wohnbau-nord.example/mieterportal';

/** The resident's e-mails beside the status mail: a receipt on filing and one for every public reply, with the case link. */
describe('cases: receipt and reply e-mails to the resident', () => {
  let server: RunningServer;
  before(async () => {
    server = await startTestServer();
  });
  after(async () => {
    await server.stop();
    await closeTestDatabase();
  });

  async function companyWithPortalPage() {
    const company = await createCaseCompany(server);
    const platform = new TestClient(server.url, { bearer: TEST_ADMIN_TOKEN });
    const set = await platform.patch(`/api/admin/tenants/${company.tenant.slug}/settings`, { portalPageUrl: PORTAL });
    assert.equal(set.status, 200, JSON.stringify(set.body));
    return company;
  }

  it('confirms a filed damage report with case number, time, what happens next and the link into the case', async () => {
    const company = await companyWithPortalPage();
    const resident = await signInResident(server, company);
    const filed = await resident.post('/api/cases', { type: 'damage', ...(await damageChoice(resident)), description: 'tropft' });
    assert.equal(filed.status, 201, JSON.stringify(filed.body));
    const { id, caseNumber } = filed.body.case;
    const [receipt] = await mailsAbout(server, company.resident.email, /^Eingangsbestätigung/);
    assert.ok(receipt, 'a receipt');
    assert.equal(receipt.subject, `Eingangsbestätigung: Ihr Anliegen ${caseNumber}`);
    assert.match(receipt.text, /^Guten Tag Erika Mustermann,/);
    assert.match(receipt.text, new RegExp(`Ihre Vorgangsnummer: ${caseNumber}\\.`));
    assert.match(receipt.text, /Eingegangen am: \d{1,2}\. \p{L}+ \d{4} um \d{2}:\d{2}/u);
    assert.match(receipt.text, /Wie es weitergeht:/);
    assert.ok(receipt.text.includes(`${PORTAL}?mp-case=${id}`), receipt.text);
    assert.ok(!receipt.text.includes(server.url), 'never the BFF address');
  });

  it('confirms every case type, in the resident\u2019s language, without a link while no portal page is set', async () => {
    const company = await createCaseCompany(server);
    const resident = await activateResident(new TestClient(server.url, { language: 'en-GB,en;q=0.9' }), company);
    const contact = await resident.post('/api/cases', { type: 'contact', title: 'Heizung', description: 'Kalt' });
    const complaint = await resident.post('/api/cases', {
      type: 'complaint',
      title: 'Lärm',
      description: 'Nachts laut',
      urgency: 'normal',
    });
    assert.deepEqual([contact.status, complaint.status], [201, 201], JSON.stringify(complaint.body));
    const receipts = await mailsAbout(server, company.resident.email, /^Confirmation of receipt/, 2);
    assert.deepEqual(
      receipts.map((mail) => mail.subject).sort(),
      [contact, complaint].map((filed) => `Confirmation of receipt: your request ${filed.body.case.caseNumber}`).sort(),
    );
    assert.match(receipts[0].text, /^Hello Erika Mustermann,/);
    assert.match(receipts[0].text, /What happens next:/);
    assert.ok(!/https?:\/\//.test(receipts[0].text), receipts[0].text);
  });

  it('mails each public reply of the housing company with its text and the link, but no internal note', async () => {
    const company = await companyWithPortalPage();
    const resident = await signInResident(server, company);
    const clerk = await signInStaff(server, company, 'clerk');
    const filed = (await resident.post('/api/cases', { type: 'contact', title: 'Schlüssel', description: 'verloren' })).body.case;
    assert.equal((await clerk.post(`/api/staff/cases/${filed.id}/notes`, { body: 'Intern: Schließanlage prüfen' })).status, 201);
    for (const body of ['Wir bestellen einen neuen Schlüssel.', 'Der Schlüssel liegt bereit.']) {
      const replied = await clerk.post(`/api/staff/cases/${filed.id}/replies`, { body });
      assert.equal(replied.status, 201, JSON.stringify(replied.body));
    }
    const replies = await mailsAbout(server, company.resident.email, /^Neue Nachricht/, 2);
    assert.equal(replies.length, 2);
    assert.equal(replies[0].subject, `Neue Nachricht zu Ihrem Anliegen ${filed.caseNumber}`);
    assert.match(replies[0].text, /Der Schlüssel liegt bereit\./);
    assert.match(replies[1].text, /Wir bestellen einen neuen Schlüssel\./);
    assert.ok(replies[0].text.includes(`${PORTAL}?mp-case=${filed.id}`), replies[0].text);
    await new Promise((resolve) => setTimeout(resolve, 200));
    assert.ok(!(server.mailer.sent() ?? []).some((mail) => mail.text.includes('Schließanlage')), 'no internal note leaves the house');
  });
});

describe('the housing company\u2019s sender name, reply-to address and signature on residents\u2019 mails', () => {
  let server: RunningServer;
  before(async () => {
    server = await startTestServer();
  });
  after(async () => {
    await server.stop();
    await closeTestDatabase();
  });

  const SIGNATURE = 'Ihr Mieterservice der Wohnbau Nord eG\nTelefon 040 123 456';

  it('sends the receipt and the status mail under the company\u2019s name, with its reply-to address and signature, in any language', async () => {
    const company = await createCaseCompany(server);
    const admin = await signInStaff(server, company, 'admin');
    const set = await admin.patch('/api/staff/settings', {
      residentMailSenderName: 'Wohnbau "Nord" eG – Mieterservice',
      residentMailReplyTo: 'mieterservice@wohnbau-nord.example',
      residentMailSignature: `  ${SIGNATURE.replace('\n', '\r\n')}  `,
    });
    assert.equal(set.status, 200, JSON.stringify(set.body));
    assert.equal(set.body.settings.residentMailSignature, SIGNATURE, 'line breaks as \\n, trimmed');

    const resident = await signInResident(server, company);
    const filed = await resident.post('/api/cases', { type: 'contact', title: 'Briefkasten', description: 'klemmt' });
    assert.equal(filed.status, 201, JSON.stringify(filed.body));
    const [receipt] = await mailsAbout(server, company.resident.email, /^Eingangsbestätigung/);
    assert.ok(receipt, 'a receipt');
    assert.equal(receipt.senderName, 'Wohnbau "Nord" eG – Mieterservice');
    assert.equal(receipt.from, '"Wohnbau \\"Nord\\" eG – Mieterservice" <no-reply@mieterportal.invalid>', 'the platform\u2019s address');
    assert.equal(receipt.replyTo, 'mieterservice@wohnbau-nord.example');
    assert.ok(receipt.text.endsWith(`Mit freundlichen Grüßen\n${SIGNATURE}`), receipt.text);
    assert.ok(!receipt.text.includes(company.tenant.name), 'the signature in place of the company name');

    const clerk = await signInStaff(server, company, 'clerk');
    assert.equal((await resident.request('PUT', '/api/account/language', { language: 'en' })).status, 200);
    assert.equal((await clerk.patch(`/api/staff/cases/${filed.body.case.id}/status`, { status: 'in_bearbeitung' })).status, 200);
    const [status] = await mailsAbout(server, company.resident.email, /^Your request/);
    assert.ok(status, 'a status mail');
    assert.equal(status.replyTo, 'mieterservice@wohnbau-nord.example');
    assert.equal(status.senderName, 'Wohnbau "Nord" eG – Mieterservice');
    assert.ok(status.text.endsWith(`Kind regards\n${SIGNATURE}`), status.text);
  });

  it('refuses a line break or an address in the sender name with a German message at the field, and stores nothing', async () => {
    const company = await createCaseCompany(server);
    const admin = await signInStaff(server, company, 'admin');
    const cases: Array<[Record<string, unknown>, string, RegExp]> = [
      [
        { residentMailSenderName: 'Wohnbau Nord\r\nBcc: alle@example.org' },
        'residentMailSenderName',
        /in einer Zeile .* ohne Zeilenumbrüche/,
      ],
      [{ residentMailSenderName: 'Wohnbau Nord\nX-Injected: 1' }, 'residentMailSenderName', /ohne Zeilenumbrüche/],
      [{ residentMailSenderName: 'Wohnbau <service@evil.example>' }, 'residentMailSenderName', /ohne E-Mail-Adresse/],
      [{ residentMailReplyTo: 'service@wohnbau.example\r\nBcc: alle@example.org' }, 'residentMailReplyTo', /Ungültige E-Mail-Adresse/],
      [{ residentMailSignature: 'x'.repeat(501) }, 'residentMailSignature', /höchstens 500 Zeichen/],
    ];
    for (const [body, path, message] of cases) {
      const { status, body: answer } = await admin.patch('/api/staff/settings', body);
      assert.equal(status, 400, JSON.stringify(body));
      assert.equal(answer.error.code, 'validation_failed');
      const field = answer.error.details.fields.find((f: { path: string }) => f.path === path);
      assert.ok(field, `${JSON.stringify(body)}: ${JSON.stringify(answer.error.details.fields)}`);
      assert.match(field.message, message);
    }
    const { settings } = (await admin.get('/api/staff/settings')).body;
    assert.deepEqual([settings.residentMailSenderName, settings.residentMailReplyTo, settings.residentMailSignature], [null, null, '']);
  });

  it('leaves the mails of a company without these settings as they were: the platform\u2019s sender, no reply-to, its name as closing', async () => {
    const company = await createCaseCompany(server);
    const resident = await signInResident(server, company);
    assert.equal((await resident.post('/api/cases', { type: 'contact', title: 'Heizung', description: 'kalt' })).status, 201);
    const [receipt] = await mailsAbout(server, company.resident.email, /^Eingangsbestätigung/);
    assert.ok(receipt, 'a receipt');
    assert.equal(receipt.from, 'Mieterportal <no-reply@mieterportal.invalid>');
    assert.equal(receipt.senderName, undefined);
    assert.equal(receipt.replyTo, undefined);
    assert.ok(receipt.text.endsWith(`Mit freundlichen Grüßen\n${company.tenant.name}`), receipt.text);
  });
});

describe('notification preferences: which e-mails a resident gets', () => {
  let server: RunningServer;
  before(async () => {
    server = await startTestServer();
  });
  after(async () => {
    await server.stop();
    await closeTestDatabase();
  });

  it('starts with every e-mail on, keeps a choice, and sends only what is chosen', async () => {
    const company = await createCaseCompany(server);
    const resident = await signInResident(server, company);
    const clerk = await signInStaff(server, company, 'clerk');
    const initial = await resident.get('/api/account/notification-preferences');
    assert.deepEqual([initial.status, initial.body], [200, { receipt: true, replies: true, statusChanges: true, appointments: true }]);

    const choice = { receipt: false, replies: true, statusChanges: false, appointments: true };
    const saved = await resident.request('PUT', '/api/account/notification-preferences', choice);
    assert.deepEqual([saved.status, saved.body], [200, choice]);
    assert.deepEqual((await resident.get('/api/account/notification-preferences')).body, choice);

    const filed = (await resident.post('/api/cases', { type: 'contact', title: 'Briefkasten', description: 'klemmt' })).body.case;
    await clerk.patch(`/api/staff/cases/${filed.id}/status`, { status: 'in_bearbeitung' });
    await clerk.post(`/api/staff/cases/${filed.id}/replies`, { body: 'Wir schicken jemanden.' });
    const [reply] = await mailsAbout(server, company.resident.email, /^Neue Nachricht/);
    assert.ok(reply, 'the reply mail still comes');
    await new Promise((resolve) => setTimeout(resolve, 300));
    const subjects = (server.mailer.sent() ?? []).filter((mail) => mail.to === company.resident.email).map((mail) => mail.subject);
    assert.deepEqual(subjects, [`Neue Nachricht zu Ihrem Anliegen ${filed.caseNumber}`], 'no receipt, no status mail');
  });

  it('refuses an incomplete or malformed choice with a German message, and staff have none', async () => {
    const company = await createCaseCompany(server);
    const resident = await signInResident(server, company);
    const refused = await resident.request('PUT', '/api/account/notification-preferences', {
      receipt: 'ja',
      replies: true,
      statusChanges: true,
    });
    assert.equal(refused.status, 400);
    assert.equal(refused.body.error.code, 'validation_failed');
    assert.match(JSON.stringify(refused.body.error), /Eingangsbestätigung/);
    const clerk = await signInStaff(server, company, 'clerk');
    assert.equal((await clerk.get('/api/account/notification-preferences')).status, 403);
    assert.equal((await new TestClient(server.url).get('/api/account/notification-preferences')).status, 401);
  });
});

describe('"Meine Anliegen": news since the resident last looked, latest activity first', () => {
  let server: RunningServer;
  before(async () => {
    server = await startTestServer();
  });
  after(async () => {
    await server.stop();
    await closeTestDatabase();
  });

  it('marks a case the housing company acted on until the resident opens it, and orders by last activity', async () => {
    const company = await createCaseCompany(server);
    const resident = await signInResident(server, company);
    const clerk = await signInStaff(server, company, 'clerk');
    const first = (await resident.post('/api/cases', { type: 'contact', title: 'Erstes', description: 'eins' })).body.case;
    const second = (await resident.post('/api/cases', { type: 'contact', title: 'Zweites', description: 'zwei' })).body.case;
    const list = async () =>
      ((await resident.get('/api/cases')).body.items as Array<{ id: string; hasNews: boolean }>).map((item) => [item.id, item.hasNews]);
    assert.deepEqual(await list(), [
      [second.id, false],
      [first.id, false],
    ]);

    assert.equal((await clerk.post(`/api/staff/cases/${first.id}/replies`, { body: 'Wir melden uns.' })).status, 201);
    assert.deepEqual(await list(), [
      [first.id, true],
      [second.id, false],
    ]);
    const paged = await resident.get('/api/cases?limit=1');
    assert.deepEqual(
      paged.body.items.map((item: { id: string }) => item.id),
      [first.id],
    );
    const next = await resident.get(`/api/cases?limit=1&cursor=${paged.body.nextCursor}`);
    assert.deepEqual(
      next.body.items.map((item: { id: string }) => item.id),
      [second.id],
    );

    const opened = await resident.get(`/api/cases/${first.id}`);
    assert.equal(opened.status, 200);
    assert.equal(opened.body.case.hasNews, false);
    assert.deepEqual(await list(), [
      [first.id, false],
      [second.id, false],
    ]);

    assert.equal((await resident.post(`/api/cases/${second.id}/messages`, { body: 'Noch eine Frage' })).status, 201);
    assert.deepEqual(
      await list(),
      [
        [second.id, false],
        [first.id, false],
      ],
      'the resident’s own message moves the case up but is no news',
    );
    await clerk.post(`/api/staff/cases/${first.id}/notes`, { body: 'intern' });
    assert.deepEqual((await list())[1], [first.id, false], 'an internal note is no news');
  });
});
