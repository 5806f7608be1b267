import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { AddressInfo } from 'node:net';
import { simpleParser, type AddressObject } from 'mailparser';
import { SMTPServer } from 'smtp-server';
import type { RunningServer } from '../server.ts';
import { closeTestDatabase, startTestServer, testDatabase, TestClient } from '../test/harness.ts';
import { createHousingCompany } from '../test/fixtures.ts';
import { activateAccount } from '../test/sign-in.ts';
import { createSmtpMailer } from './mailer.ts';

after(closeTestDatabase);

/** A mail server on loopback speaking real SMTP: the edge of the world, as a housing company's relay. */
describe('mail over SMTP when SMTP_URL is set', () => {
  let smtp: SMTPServer;
  let server: RunningServer;
  const received: Array<{ from: string; to: string[]; data: string }> = [];

  before(async () => {
    smtp = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS'],
      logger: false,
      onData(stream, session, callback) {
        let data = '';
        stream.setEncoding('utf8');
        stream.on('data', (chunk: string) => (data += chunk));
        stream.on('end', () => {
          received.push({
            from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
            to: session.envelope.rcptTo.map((rcpt) => rcpt.address),
            data,
          });
          callback();
        });
      },
    });
    await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', resolve));
    const { port } = smtp.server.address() as AddressInfo;
    smtpUrl = `smtp://127.0.0.1:${port}`;
    server = await startTestServer({ SMTP_URL: smtpUrl, MAIL_FROM: 'Mieterportal <portal@hv.example>' });
  });
  let smtpUrl = '';
  after(async () => {
    await server?.stop();
    await new Promise<void>((resolve) => smtp.close(() => resolve()));
  });

  it('delivers the password-reset mail to the relay and keeps no dev outbox', async () => {
    const company = await createHousingCompany((await testDatabase()).db);
    await activateAccount(new TestClient(server.url), company, 'resident');
    const anonymous = new TestClient(server.url);
    const requested = await anonymous.post('/api/auth/password-reset', { tenant: company.tenant.slug, email: company.resident.email });
    assert.equal(requested.status, 202);
    const deadline = Date.now() + 10_000;
    while (!received.some((mail) => mail.to.includes(company.resident.email)) && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    const mail = received.find((entry) => entry.to.includes(company.resident.email));
    assert.ok(mail, 'the relay received the mail');
    assert.equal(mail.from, 'portal@hv.example');
    assert.match(mail.data, /mp-reset=/);
    assert.equal(server.mailer.sent(), undefined);
    assert.equal((await anonymous.get('/dev/outbox.json')).status, 404);
  });

  it('sends under the housing company\u2019s name with the platform\u2019s address, the name encoded in one From header', async () => {
    const mailer = createSmtpMailer(smtpUrl, 'Mieterportal <portal@hv.example>');
    await mailer.send({
      to: 'erika@mieter.example',
      senderName: 'Wohnbau "Nord" eG – Mieterservice',
      replyTo: 'mieterservice@wohnbau-nord.example',
      subject: 'Eingangsbestätigung',
      text: 'Guten Tag',
    });
    const mail = received.find((entry) => entry.to.includes('erika@mieter.example'));
    assert.ok(mail, 'the relay received the mail');
    assert.equal(mail.from, 'portal@hv.example', 'the envelope keeps the platform\u2019s address');
    const headers = mail.data.slice(0, mail.data.indexOf('\r\n\r\n')).replace(/\r\n[ \t]+/g, ' ');
    const from = headers.split('\r\n').filter((line) => /^from:/i.test(line));
    assert.equal(from.length, 1, headers);
    assert.match(from[0], /^From: =\?UTF-8\?[QB]\?[^\r\n]+\?= <portal@hv\.example>$/, from[0]);
    assert.match(headers, /^Reply-To: mieterservice@wohnbau-nord\.example$/m);
    const parsed = await simpleParser(mail.data);
    assert.deepEqual((parsed.from as AddressObject).value, [{ name: 'Wohnbau "Nord" eG – Mieterservice', address: 'portal@hv.example' }]);
  });
});
