import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { RunningServer } from '../server.ts';
import { closeTestDatabase, mailsTo, startTestServer, testDatabase, type TestClient } from '../test/harness.ts';
import { createHousingCompany, type HousingCompany } from '../test/fixtures.ts';
import { signInStaff } from '../test/sign-in.ts';
import { createListing, createWebhookSecret, hookPath, is24Enquiry, postWebhook, signedHeaders } from './lead-test-support.ts';
import { answerText, createLeadMailUseCases, replyAddress, replyTokenOf, type LeadMailUseCases } from './lead-mail.ts';

/**
 * Two-way mail: a clerk writes to the interested person from the letting address, with a reply address that
 * carries the lead; the person's answer comes back into the lead's thread (not a shared inbox), counts their
 * address as verified, and loses what it must not keep before the viewing.
 */
describe('mail with interested people', () => {
  let server: RunningServer;
  let company: HousingCompany;
  let other: HousingCompany;
  let clerk: TestClient;
  let admin: TestClient;
  let mail: LeadMailUseCases;
  let leadId: string;
  const email = 'mila.antwort@example.net';

  /** The person's mail program answering `to` (the Reply-To they got), quoting the clerk's mail. */
  function answer(to: string, options: { from?: string; messageId: string; inReplyTo?: string; text: string }): Buffer {
    return Buffer.from(
      [
        `From: Mila Antwort <${options.from ?? email}>`,
        `To: ${to}`,
        'Subject: Re: Ihre Anfrage zur Wohnung',
        `Message-ID: ${options.messageId}`,
        ...(options.inReplyTo ? [`In-Reply-To: ${options.inReplyTo}`] : []),
        'Date: Fri, 27 Nov 2026 10:00:00 +0100',
        'MIME-Version: 1.0',
        'Content-Type: text/plain; charset=utf-8',
        'Content-Transfer-Encoding: 8bit',
        '',
        options.text,
      ].join('\r\n'),
    );
  }

  before(async () => {
    const { db } = await testDatabase();
    server = await startTestServer();
    company = await createHousingCompany(db);
    other = await createHousingCompany(db);
    clerk = await signInStaff(server, company, 'clerk');
    admin = await signInStaff(server, company, 'admin');
    const listing = await createListing(clerk, company);
    const secret = (await createWebhookSecret(admin, 'immoscout24')).value;
    const raw = JSON.stringify(is24Enquiry(listing.portalIds[0].providerListingId, { firstName: 'Mila', lastName: 'Antwort', email }));
    const delivered = await postWebhook(server.url, hookPath(company, 'immoscout24'), raw, signedHeaders(secret, raw));
    assert.equal(delivered.status, 200, JSON.stringify(delivered.body));
    leadId = delivered.body.leadId;
    mail = createLeadMailUseCases({ db: server.db, realtime: server.realtime });
  });
  after(async () => {
    await server.stop();
    await closeTestDatabase();
  });

  it('refuses to write while the company has no letting address, and says where to set it', async () => {
    const refused = await clerk.post(`/api/staff/leads/${leadId}/messages`, { body: 'Guten Tag!' });
    assert.deepEqual([refused.status, refused.body.error.code], [409, 'letting_email_missing']);
    assert.match(refused.body.error.message, /Einstellungen/);
  });

  it('sends from the letting address with a reply address that carries the lead, and keeps the message in the thread', async () => {
    const set = await admin.request('PATCH', '/api/staff/settings', { lettingEmail: 'vermietung@wohnbau-test.example' });
    assert.equal(set.status, 200, JSON.stringify(set.body));
    const sent = await clerk.post(`/api/staff/leads/${leadId}/messages`, {
      body: 'Guten Tag Frau Antwort, hätten Sie am Donnerstag um 17 Uhr Zeit für eine Besichtigung?',
    });
    assert.equal(sent.status, 201, JSON.stringify(sent.body));
    assert.deepEqual(
      [sent.body.direction, sent.body.sentBy, sent.body.subject],
      ['out', 'Clara Sachbearbeiterin', 'Ihre Anfrage zur Wohnung'],
    );
    const [delivered] = await mailsTo(server, email);
    assert.equal(delivered.from, 'vermietung@wohnbau-test.example');
    assert.match(delivered.replyTo!, /^vermietung\+lead-[a-z0-9]{24}@wohnbau-test\.example$/);
    assert.match(delivered.messageId!, /^<lead-[a-z0-9]{24}\.[0-9a-f-]+@wohnbau-test\.example>$/);
    const thread = (await clerk.get(`/api/staff/leads/${leadId}/messages`)).body;
    assert.equal(thread.replyAddress, delivered.replyTo);
    assert.deepEqual(
      thread.items.map((item: { direction: string; to: string }) => [item.direction, item.to]),
      [['out', email]],
    );
  });

  it('files the answer in the lead’s thread without the quote and the income, and counts her address as verified', async () => {
    const [delivered] = await mailsTo(server, email);
    const raw = answer(delivered.replyTo!, {
      messageId: '<antwort-1@example.net>',
      inReplyTo: delivered.messageId,
      text:
        'Guten Tag, Donnerstag um 17 Uhr passt mir gut.\nIch verdiene übrigens 3.200 € netto.\n\n' +
        'Am 27.11.2026 um 09:00 schrieb Wohnbau Test <vermietung@wohnbau-test.example>:\n> Guten Tag Frau Antwort, …',
    });
    assert.equal(await mail.takeReply(company.tenant.id, raw), true);
    assert.equal(await mail.takeReply(company.tenant.id, raw), true, 'the same mail twice');
    const thread = (await clerk.get(`/api/staff/leads/${leadId}/messages`)).body.items;
    assert.deepEqual(
      thread.map((item: { direction: string }) => item.direction),
      ['out', 'in'],
      'one answer, however often delivered',
    );
    assert.equal(thread[1].from, email);
    assert.match(thread[1].body, /Donnerstag um 17 Uhr passt mir gut/);
    assert.doesNotMatch(thread[1].body, /3\.200|netto|schrieb|>/, 'no self-disclosure before the viewing, no quote');
    const channels = (await clerk.get(`/api/staff/leads/${leadId}/lifecycle`)).body.contactChannels;
    assert.equal(channels.find((channel: { channel: string }) => channel.channel === 'email').verified.how, 'answered');
  });

  it('finds the lead by the mail answered when the reply address was lost (answer sent to the plain address)', async () => {
    const [delivered] = await mailsTo(server, email);
    const raw = answer('vermietung@wohnbau-test.example', {
      messageId: '<antwort-2@example.net>',
      inReplyTo: delivered.messageId,
      text: 'Noch eine Frage: Ist ein Stellplatz dabei?',
    });
    assert.equal(await mail.takeReply(company.tenant.id, raw), true);
    assert.equal((await clerk.get(`/api/staff/leads/${leadId}/messages`)).body.items.length, 3);
  });

  it('never files an answer in another housing company’s lead, nor a mail that answers nothing', async () => {
    const [delivered] = await mailsTo(server, email);
    const raw = answer(delivered.replyTo!, { messageId: '<fremd-1@example.net>', text: 'An die falsche Firma' });
    assert.equal(await mail.takeReply(other.tenant.id, raw), false);
    const plain = answer('vermietung@wohnbau-test.example', { messageId: '<neu-1@example.net>', text: 'Ist die Wohnung noch frei?' });
    assert.equal(await mail.takeReply(company.tenant.id, plain), false);
    const otherClerk = await signInStaff(server, other, 'clerk');
    assert.equal((await otherClerk.get(`/api/staff/leads/${leadId}/messages`)).status, 404);
  });

  it('reads tokens and answers as mail programs write them', () => {
    assert.equal(replyAddress('Vermietung@Firma.example', 'abcdefghij0123456789'), 'Vermietung+lead-abcdefghij0123456789@Firma.example');
    assert.equal(
      replyTokenOf({ recipients: ['x@y.example', 'vermietung+lead-ABCDEFGHIJ0123456789@firma.example'], references: [] }),
      'abcdefghij0123456789',
    );
    assert.equal(replyTokenOf({ recipients: [], references: ['<lead-abcdefghij0123456789.1-2@firma.example>'] }), 'abcdefghij0123456789');
    assert.equal(replyTokenOf({ recipients: ['vermietung@firma.example'], references: ['<other@firma.example>'] }), null);
    assert.equal(answerText('Ja, gern.\n\nOn Fri, Nov 27, 2026 Wohnbau wrote:\n> Hallo'), 'Ja, gern.');
    assert.equal(answerText('Oben\n> zitiert\nUnten'), 'Oben\nUnten');
  });
});
