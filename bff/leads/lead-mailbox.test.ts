import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { ImapFlow } from 'imapflow';
import type { RunningServer } from '../server.ts';
import { closeTestDatabase, startTestServer, testDatabase, type TestClient } from '../test/harness.ts';
import { createHousingCompany, type HousingCompany } from '../test/fixtures.ts';
import { signInStaff } from '../test/sign-in.ts';
import { startDovecot, type TestImapServer } from './intake/dovecot-test-support.ts';
import { createListing } from './lead-test-support.ts';

/**
 * The portal mailbox as `serve` runs it: LEAD_IMAP_* configured, the BFF polls a real IMAP server (Debian's dovecot,
 * started on a free loopback port by dovecot-test-support.ts) and every mail ends as a lead or a dead letter, moved
 * only after the commit. Two instances polling one mailbox make one lead per enquiry. Timings are short: seconds.
 */

const testdata = (name: string) => readFileSync(new URL(`./intake/testdata/${name}`, import.meta.url));

async function waitFor(what: string, probe: () => boolean | Promise<boolean>, timeoutMs = 15_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await probe())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

describe('the portal mailbox of a housing company (dovecot)', () => {
  let imap: TestImapServer;
  let mailServer: ImapFlow;
  let company: HousingCompany;
  let clerk: TestClient;
  const servers: RunningServer[] = [];

  const mailboxEnv = (mailbox: string, overrides: Record<string, string> = {}) => ({
    LEAD_IMAP_URL: imap.url,
    LEAD_IMAP_USER: imap.user,
    LEAD_IMAP_PASSWORD: imap.password,
    LEAD_IMAP_TENANT: company.tenant.slug,
    LEAD_IMAP_MAILBOX: mailbox,
    LEAD_IMAP_POLL_MS: '100',
    LEAD_IMAP_RETRY_BASE_MS: '50',
    LEAD_IMAP_RETRY_MAX_MS: '200',
    ...overrides,
  });
  const deliver = async (mailbox: string, raw: Buffer) => {
    await mailServer.mailboxCreate(mailbox).catch(() => undefined);
    await mailServer.append(mailbox, raw);
  };
  const status = async (mailbox: string) => {
    const answer = await mailServer.status(mailbox, { messages: true, unseen: true });
    assert.ok(answer, `status of ${mailbox}`);
    return answer;
  };
  const leads = async () => (await clerk.get('/api/staff/leads?limit=100')).body.items as Array<Record<string, any>>;
  const deadLetters = async () =>
    (await clerk.get('/api/staff/lead-intake/dead-letters?limit=100')).body.items as Array<Record<string, any>>;

  before(async () => {
    imap = await startDovecot();
    mailServer = new ImapFlow({
      host: '127.0.0.1',
      port: imap.port,
      secure: false,
      auth: { user: imap.user, pass: imap.password },
      logger: false,
    });
    mailServer.on('error', () => undefined);
    await mailServer.connect();
    const { db } = await testDatabase();
    company = await createHousingCompany(db);
    const setup = await startTestServer();
    servers.push(setup);
    clerk = await signInStaff(setup, company, 'clerk');
    await createListing(clerk, company, { portalIds: [{ provider: 'immoscout24', providerListingId: '148213377' }] });
  });
  after(async () => {
    for (const server of servers) await server.stop();
    await mailServer?.logout().catch(() => undefined);
    await imap?.close();
    await closeTestDatabase();
  });

  it('a configured mailbox naming no housing company stops the start', async () => {
    await assert.rejects(startTestServer(mailboxEnv('INBOX', { LEAD_IMAP_TENANT: 'gibt-es-nicht' })), /LEAD_IMAP_TENANT=gibt-es-nicht/);
    await assert.rejects(startTestServer(mailboxEnv('INBOX', { LEAD_IMAP_TENANT: '' })), /LEAD_IMAP_TENANT ist nötig/);
  });

  it('portal mails become leads, an unreadable one a dead letter; each is moved to the processed folder after its commit', async () => {
    await deliver('Portale', testdata('is24-feedback-attachment.eml'));
    await deliver('Portale', testdata('nothing-usable.eml'));
    servers.push(await startTestServer(mailboxEnv('Portale', { LEAD_IMAP_PROCESSED_MAILBOX: 'Erledigt' })));
    await waitFor('both mails moved', async () => (await status('Portale')).messages === 0);
    assert.equal((await status('Erledigt')).messages, 2);
    const lead = (await leads()).find((item) => item.name === 'Jana Schäfer');
    assert.ok(lead, 'the IS24 enquiry is a lead');
    assert.deepEqual([lead.source, lead.channel, lead.listing?.title], ['immoscout24', 'email', '3-Zimmer-Wohnung mit Balkon']);
    const letter = (await deadLetters()).find((item) => item.subject === 'Ihr Inserat 148213377 wurde 120-mal aufgerufen');
    assert.ok(letter, 'the statistics notice is in the dead-letter list');
    assert.equal(letter.reasonCode, 'no_enquiry');
    await servers.pop()!.stop();
  });

  it('two instances polling one mailbox make one lead per enquiry', async () => {
    const before = (await leads()).length;
    for (const name of ['immowelt-html-latin1.eml', 'immowelt-objektanfrage-latin1.eml', 'is24-html-table.eml']) {
      await deliver('Zwei', testdata(name));
    }
    servers.push(await startTestServer(mailboxEnv('Zwei')), await startTestServer(mailboxEnv('Zwei')));
    await waitFor('every mail read', async () => (await status('Zwei')).unseen === 0);
    await waitFor('three new leads', async () => (await leads()).length >= before + 3);
    await new Promise((resolve) => setTimeout(resolve, 300));
    assert.equal((await leads()).length, before + 3, 'no enquiry twice');
  });
});
