import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { ImapFlow } from 'imapflow';
import { pino } from 'pino';
import { startDovecot, type TestImapServer } from './dovecot-test-support.ts';
import type { ParsedEnquiry } from './enquiry.ts';
import { imapServerOf, startImapPoller, type ImapPoller, type ImapPollerOptions, type PolledMessage } from './imap-poller.ts';
import { parsePortalMail } from './portal-mail.ts';

/**
 * The portal mailbox poller against a real IMAP server (dovecot, started by dovecot-test-support.ts on a
 * free loopback port): messages appended over IMAP the way a mail server delivers them, then polled.
 * Each test uses its own mailbox; timings are short so the whole file takes a few seconds.
 */

const testdata = (name: string) => readFileSync(new URL(`testdata/${name}`, import.meta.url));

async function waitFor(what: string, probe: () => boolean | Promise<boolean>, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await probe())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

describe('IMAP mailbox poller (dovecot)', () => {
  let server: TestImapServer;
  let mailServer: ImapFlow;
  const pollers: ImapPoller[] = [];
  const logs: Array<{ level: number; msg: string; [key: string]: unknown }> = [];
  const logger = pino({ level: 'warn' }, { write: (line: string) => logs.push(JSON.parse(line)) });

  /** The mail server's side: delivers into a mailbox and tells which messages are read. */
  const deliver = async (mailbox: string, raw: Buffer | string, flags: string[] = []) => {
    await mailServer.mailboxCreate(mailbox).catch(() => undefined);
    await mailServer.append(mailbox, raw, flags);
  };
  const status = async (mailbox: string) => {
    const answer = await mailServer.status(mailbox, { unseen: true, messages: true });
    assert.ok(answer, `status of ${mailbox}`);
    return answer;
  };
  const unseen = async (mailbox: string) => (await status(mailbox)).unseen;
  const count = async (mailbox: string) => (await status(mailbox)).messages;

  const poll = (mailbox: string, onMessage: ImapPollerOptions['onMessage'], overrides: Partial<ImapPollerOptions> = {}) => {
    const poller = startImapPoller({
      url: server.url,
      user: server.user,
      password: server.password,
      mailbox,
      pollMs: 100,
      retryBaseMs: 50,
      retryMaxMs: 200,
      logger,
      onMessage,
      ...overrides,
    });
    pollers.push(poller);
    return poller;
  };

  async function connectMailServer(): Promise<ImapFlow> {
    const client = new ImapFlow({
      host: '127.0.0.1',
      port: server.port,
      secure: false,
      auth: { user: server.user, pass: server.password },
      logger: false,
    });
    // The test stops the server under it once; that connection's end is expected.
    client.on('error', () => undefined);
    await client.connect();
    return client;
  }

  before(async () => {
    server = await startDovecot();
    mailServer = await connectMailServer();
  });
  after(async () => {
    await Promise.all(pollers.map((poller) => poller.stop()));
    await mailServer?.logout().catch(() => undefined);
    await server?.close();
  });

  it('hands each unseen portal mail to the intake as it was delivered, then marks it read; read mail is left alone', async () => {
    const is24 = testdata('is24-feedback-attachment.eml');
    const immowelt = testdata('immowelt-objektanfrage-latin1.eml');
    await deliver('INBOX', testdata('nothing-usable.eml'), ['\\Seen']);
    await deliver('INBOX', is24);
    await deliver('INBOX', immowelt);
    const received: PolledMessage[] = [];
    const enquiries: ParsedEnquiry[] = [];
    const poller = poll('INBOX', async (message) => {
      received.push(message);
      const result = await parsePortalMail(message.raw);
      if (result.ok) enquiries.push(...result.enquiries);
    });
    await waitFor('both mails handled and marked read', async () => received.length === 2 && (await unseen('INBOX')) === 0);
    await poller.stop();

    assert.ok(received[0].raw.equals(is24), 'the IS24 mail byte for byte');
    assert.ok(received[1].raw.equals(immowelt), 'the ISO-8859-1 Immowelt mail byte for byte');
    assert.deepEqual(
      enquiries.map((enquiry) => [enquiry.provider, enquiry.providerListingId, enquiry.contact.lastName]),
      [
        ['immoscout24', '148213377', 'Schäfer'],
        ['immowelt', 'KOE-2026-17', 'Größmann'],
      ],
    );
    // Nothing is taken twice and the mails stay in the mailbox.
    assert.equal(received.length, 2);
    assert.equal(await count('INBOX'), 3);
  });

  it('leaves a mail unread while the intake fails (database down) and hands it again until it is taken', async () => {
    await deliver('Ausfall', testdata('is24-html-table.eml'));
    let attempts = 0;
    let databaseUp = false;
    const poller = poll('Ausfall', async () => {
      attempts += 1;
      if (!databaseUp) throw new Error('Datenbank nicht erreichbar');
    });
    await waitFor('two failed attempts', () => attempts >= 2);
    assert.equal(await unseen('Ausfall'), 1, 'still unread while the intake fails');
    assert.ok(
      logs.some(
        (entry) => entry.msg === 'IMAP: Nachricht nicht übernommen, bleibt ungelesen' && entry.err === 'Datenbank nicht erreichbar',
      ),
    );

    databaseUp = true;
    const failedAttempts = attempts;
    await waitFor('the mail taken and marked read', async () => (await unseen('Ausfall')) === 0);
    await poller.stop();
    assert.equal(attempts, failedAttempts + 1, 'taken exactly once after the database is back');
  });

  it('moves handled mail to the processed mailbox, creating it when missing', async () => {
    await deliver('Portale', testdata('immowelt-html-latin1.eml'));
    await deliver('Portale', testdata('unescaped-ampersand.eml'));
    let handled = 0;
    const poller = poll('Portale', async () => void (handled += 1), { processedMailbox: 'Erledigt' });
    await waitFor('both mails moved', async () => (await count('Portale')) === 0);
    await poller.stop();
    assert.equal(handled, 2);
    assert.equal(await count('Erledigt'), 2);
  });

  it('fetches a mail the server announces at once instead of waiting for the next poll', async () => {
    await deliver('Sofort', testdata('is24-feedback-attachment.eml'));
    const handledAt: number[] = [];
    const poller = poll('Sofort', async () => void handledAt.push(Date.now()), { pollMs: 60_000 });
    await waitFor('the first mail', () => handledAt.length === 1);
    // Let the poller go idle in the mailbox (IDLE starts a second after its last command).
    await new Promise((resolve) => setTimeout(resolve, 1500));
    const delivered = Date.now();
    await deliver('Sofort', testdata('is24-html-table.eml'));
    await waitFor('the announced mail', () => handledAt.length === 2, 5000);
    await poller.stop();
    assert.ok(handledAt[1] - delivered < 3000, `handled ${handledAt[1] - delivered} ms after delivery, long before the 60 s poll`);
  });

  it('logs a connection error and retries with backoff until the server is back, then stops promptly', async () => {
    await deliver('Neustart', testdata('is24-feedback-attachment.eml'));
    await server.stop();
    const before = logs.length;
    let handled = 0;
    const poller = poll('Neustart', async () => void (handled += 1), { retryBaseMs: 100, retryMaxMs: 400 });
    await waitFor(
      'three failed polls logged',
      () => logs.slice(before).filter((entry) => entry.msg === 'IMAP-Abruf fehlgeschlagen, neuer Versuch folgt').length >= 3,
    );
    const failed = logs.slice(before).filter((entry) => entry.msg === 'IMAP-Abruf fehlgeschlagen, neuer Versuch folgt');
    assert.deepEqual(
      failed.slice(0, 3).map((entry) => entry.failures),
      [1, 2, 3],
    );
    assert.ok(failed.every((entry) => typeof entry.retryInMs === 'number' && entry.retryInMs <= 400));
    assert.equal(handled, 0);

    await server.start();
    mailServer = await connectMailServer();
    await waitFor('the mail taken after the restart', () => handled === 1);

    const stopping = Date.now();
    await poller.stop();
    assert.ok(Date.now() - stopping < 2000, `stopped in ${Date.now() - stopping} ms`);
  });

  it('stops promptly while it waits to reconnect', async () => {
    const poller = startImapPoller({
      url: 'imap://127.0.0.1:1',
      user: 'x',
      password: 'y',
      mailbox: 'INBOX',
      pollMs: 60_000,
      retryBaseMs: 60_000,
      retryMaxMs: 60_000,
      logger,
      onMessage: async () => undefined,
    });
    await new Promise((resolve) => setTimeout(resolve, 200));
    const stopping = Date.now();
    await poller.stop();
    assert.ok(Date.now() - stopping < 1000);
  });
});

describe('IMAP server address', () => {
  it('requires STARTTLS for imap:// beyond loopback and uses the IMAP ports by default', () => {
    assert.deepEqual(imapServerOf('imaps://imap.example.de'), { host: 'imap.example.de', port: 993, secure: true, doSTARTTLS: undefined });
    assert.deepEqual(imapServerOf('imap://imap.example.de'), { host: 'imap.example.de', port: 143, secure: false, doSTARTTLS: true });
    assert.deepEqual(imapServerOf('imap://127.0.0.1:1143'), { host: '127.0.0.1', port: 1143, secure: false, doSTARTTLS: undefined });
    assert.throws(() => imapServerOf('https://imap.example.de'), /imaps:\/\/ oder imap:\/\//);
  });
});
