import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readdirSync, readFileSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import type { RunningServer } from '../server.ts';
import { withScope } from '../db/scope.ts';
import { findJob } from '../jobs/repository.ts';
import { closeTestDatabase, startTestServer, testDatabase, type JsonResponse, type TestClient } from '../test/harness.ts';
import { createHousingCompany, type HousingCompany } from '../test/fixtures.ts';
import { signInStaff } from '../test/sign-in.ts';
import { createListing, createWebhookSecret, nowSeconds } from './lead-test-support.ts';
import { signXSignature } from './webhook-signature.ts';

/**
 * The intake paths beside the webhook over the real HTTP API (docs/lead-intake.md): portal mails through the relay
 * endpoint, the clerk's OpenImmo upload with every sample of the shared corpus, manual entry, the dead-letter list,
 * and — on a server with a controlled clock — the OpenImmo folder and the purge of dead letters after 30 days.
 * The mails are bff/leads/intake/testdata/*.eml (built after the corpus' PORTAL-LEAD-FORMATS.md, see its README).
 */

const testdata = (name: string) => readFileSync(new URL(`./intake/testdata/${name}`, import.meta.url));

/**
 * Every OpenImmo sample: the shared corpus when it lies beside the repository (CI, developer machines), else the
 * byte-identical copies in testdata/openimmo-feedback/ ("oi-fb-0*, transfer-fixtures/* — OpenEstate/OpenEstate-IO
 * @180e62a1 (Apache-2.0), innobraingmbh/laravel-openimmo @4f1b6b84 (GPL-3.0)", corpus README).
 */
const CORPUS = new URL('../../../shared/corpus/openimmo-feedback/', import.meta.url).pathname;
const SAMPLES = existsSync(CORPUS) ? CORPUS : new URL('./intake/testdata/openimmo-feedback/', import.meta.url).pathname;
const xmlFilesOf = (dir: string): string[] =>
  readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? xmlFilesOf(path) : name.endsWith('.xml') ? [path] : [];
  });

async function postRaw(url: string, raw: Buffer | string, headers: Record<string, string>): Promise<JsonResponse> {
  const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'message/rfc822', ...headers }, body: raw });
  const text = await response.text();
  return { status: response.status, body: text ? JSON.parse(text) : undefined, headers: response.headers };
}

async function uploadFile(client: TestClient, content: Buffer, name: string): Promise<JsonResponse> {
  const form = new FormData();
  form.append('file', new Blob([new Uint8Array(content)], { type: 'application/xml' }), name);
  const response = await fetch(`${client.baseUrl}/api/staff/lead-intake/openimmo`, {
    method: 'POST',
    headers: { accept: 'application/json', 'x-csrf-token': await client.csrfToken(), cookie: client.cookieHeader() },
    body: form,
  });
  return { status: response.status, body: await response.json(), headers: response.headers };
}

/** A clerk forwards an enquiry from the office's own address: no portal tells by the sender, so it is a dead letter first. */
const FORWARDED = [
  'From: Clara Sachbearbeiterin <clara@hv-beispiel.example>',
  'To: vermietung@hv-beispiel.example',
  'Subject: WG: Anfrage Objekt  148213377',
  'Date: Mon, 09 Mar 2026 09:15:00 +0100',
  'Message-ID: <fwd-20260309-0915@hv-beispiel.example>',
  'MIME-Version: 1.0',
  'Content-Type: text/plain; charset=UTF-8',
  'Content-Transfer-Encoding: 8bit',
  '',
  'Vorname: Max',
  'Nachname: Muster',
  'E-Mail: max.muster@example.org',
  'Telefon: 0171 2345678',
  'Nachricht: Ist die Wohnung noch frei? Ich verdiene 3.200 € netto und bin unbefristet angestellt.',
  '',
].join('\r\n');

describe('lead intake: relay mails, uploads, manual entry, dead letters', () => {
  let server: RunningServer;
  let company: HousingCompany;
  let other: HousingCompany;
  let clerk: TestClient;
  let admin: TestClient;
  let mailSecret: string;
  let is24Listing: { id: string };
  let is24LeadId: string;
  let immoweltListing: { id: string };

  const mailUrl = (to: HousingCompany = company) => `${server.url}/hooks/${to.tenant.slug}/mail`;
  const bearer = () => ({ authorization: `Bearer ${mailSecret}` });
  const detail = async (id: string) => (await clerk.get(`/api/staff/leads/${id}`)).body;
  const deadLetters = async () =>
    (await clerk.get('/api/staff/lead-intake/dead-letters?limit=100')).body.items as Array<Record<string, any>>;

  before(async () => {
    const { db } = await testDatabase();
    server = await startTestServer();
    [company, other] = [await createHousingCompany(db), await createHousingCompany(db)];
    clerk = await signInStaff(server, company, 'clerk');
    admin = await signInStaff(server, company, 'admin');
    mailSecret = (await createWebhookSecret(admin, 'mail')).value;
    is24Listing = await createListing(clerk, company, { portalIds: [{ provider: 'immoscout24', providerListingId: '148213377' }] });
    immoweltListing = await createListing(clerk, company, {
      title: 'Altbau in Düsseldorf',
      portalIds: [{ provider: 'immowelt', providerListingId: 'D-0042' }],
    });
  });
  after(async () => {
    await server.stop();
    await closeTestDatabase();
  });

  it('the admins see the relay address of the mail secret', async () => {
    const list = await admin.get('/api/staff/lead-webhooks');
    const mail = list.body.items.find((item: { provider: string }) => item.provider === 'mail');
    assert.equal(mail.url, `${server.url}/hooks/${company.tenant.slug}/mail`);
  });

  it('an IS24 mail with the OpenImmo-Feedback attachment becomes a lead of the listing, minimised; delivered again it is the same lead', async () => {
    const answer = await postRaw(mailUrl(), testdata('is24-feedback-attachment.eml'), bearer());
    assert.equal(answer.status, 200, JSON.stringify(answer.body));
    assert.equal(answer.body.deadLetter, null);
    assert.equal(answer.body.leads.length, 1);
    const [{ leadId, duplicate }] = answer.body.leads;
    assert.equal(duplicate, false);

    const { lead, events } = await detail(leadId);
    assert.equal(lead.name, 'Jana Schäfer');
    assert.equal(lead.email, 'jana.schaefer@example.org');
    assert.deepEqual([lead.source, lead.channel, lead.provider], ['immoscout24', 'email', 'immoscout24']);
    assert.equal(lead.listing?.id, is24Listing.id, 'Scout-ID 148213377 names the listing');
    assert.equal(lead.externalId, 'IS24-KA-77120934');
    assert.equal(lead.desiredMoveIn, '2026-05-01');
    assert.deepEqual([lead.householdSize, lead.householdType, lead.pets], [2, 'couple', false]);
    assert.equal(lead.selfDisclosureOffered, true, 'income, employment and SCHUFA were offered');
    assert.match(lead.message, /würde sie gern besichtigen/);
    assert.doesNotMatch(lead.message, /einkommen|SCHUFA|Angestellte|3\.000/i);
    assert.equal(lead.sentAt, '2026-03-05T17:42:11.000Z');
    assert.equal(events[0].kind, 'created');

    const again = await postRaw(mailUrl(), testdata('is24-feedback-attachment.eml'), bearer());
    assert.deepEqual(again.body, { leads: [{ leadId, duplicate: true }], deadLetter: null, reply: false });
    is24LeadId = leadId;
  });

  it('an Immowelt mail in ISO-8859-1 becomes a lead with its umlauts intact (Basic credentials in the relay URL)', async () => {
    const basic = `Basic ${Buffer.from(`relay:${mailSecret}`).toString('base64')}`;
    const answer = await postRaw(mailUrl(), testdata('immowelt-html-latin1.eml'), { authorization: basic });
    assert.equal(answer.status, 200, JSON.stringify(answer.body));
    const { lead } = await detail(answer.body.leads[0].leadId);
    assert.equal(lead.name, 'Jürgen Weiß');
    assert.equal(lead.email, 'j.weiss@example.com');
    assert.deepEqual([lead.source, lead.channel], ['immowelt', 'email']);
    assert.equal(lead.listing?.id, immoweltListing.id, 'Ref.-Nr. D-0042 from the subject');
    assert.equal(lead.householdSize, 3);
    assert.equal(lead.pets, false, '"Tierfreier Haushalt: ja"');
    assert.match(lead.message, /interessiere mich für die Wohnung/);
  });

  it('an answer to a clerk’s mail that comes through the relay is filed in the lead’s thread, not read as a new enquiry', async () => {
    assert.equal((await admin.request('PATCH', '/api/staff/settings', { lettingEmail: 'vermietung@hv-beispiel.example' })).status, 200);
    assert.equal((await clerk.post(`/api/staff/leads/${is24LeadId}/messages`, { body: 'Passt Ihnen Donnerstag, 17 Uhr?' })).status, 201);
    const { replyAddress } = (await clerk.get(`/api/staff/leads/${is24LeadId}/messages`)).body;
    const answer = [
      'From: Jana Schäfer <jana.schaefer@example.org>',
      `To: ${replyAddress}`,
      'Subject: Re: Ihre Anfrage zur Wohnung',
      'Date: Fri, 06 Mar 2026 08:00:00 +0100',
      'Message-ID: <antwort-relay-1@example.org>',
      'MIME-Version: 1.0',
      'Content-Type: text/plain; charset=UTF-8',
      '',
      'Donnerstag passt gut, bis dann!',
      '',
    ].join('\r\n');
    const filed = await postRaw(mailUrl(), answer, bearer());
    assert.deepEqual(filed.body, { leads: [], deadLetter: null, reply: true });
    const thread = (await clerk.get(`/api/staff/leads/${is24LeadId}/messages`)).body.items as Array<{ direction: string; body: string }>;
    assert.deepEqual(
      thread.map((message) => message.direction),
      ['out', 'in'],
    );
    assert.match(thread[1].body, /Donnerstag passt gut/);
  });

  it('two deliveries of one mail at the same moment make one lead', async () => {
    const raw = testdata('immowelt-objektanfrage-latin1.eml');
    const answers = await Promise.all([postRaw(mailUrl(), raw, bearer()), postRaw(mailUrl(), raw, bearer())]);
    assert.deepEqual(
      answers.map((answer) => answer.status),
      [200, 200],
    );
    const ids = answers.map((answer) => answer.body.leads[0].leadId);
    assert.equal(ids[0], ids[1]);
    assert.deepEqual(answers.map((answer) => answer.body.leads[0].duplicate).sort(), [false, true]);
  });

  it('the relay must authenticate: none, a wrong or another company’s secret is 401 with an audit entry; a signature works too', async () => {
    const raw = testdata('is24-html-table.eml');
    const missing = await postRaw(mailUrl(), raw, {});
    assert.equal(missing.status, 401);
    assert.equal(missing.body.error.code, 'signature_missing');
    const wrong = await postRaw(mailUrl(), raw, { authorization: 'Bearer whsec_falsch-falsch-falsch-falsch' });
    assert.equal(wrong.status, 401);
    assert.equal(wrong.body.error.code, 'signature_invalid');
    const atOther = await postRaw(mailUrl(other), raw, bearer());
    assert.equal(atOther.status, 401, 'A’s secret opens nothing of B');
    assert.equal((await postRaw(`${server.url}/hooks/gibt-es-nicht/mail`, raw, bearer())).status, 404);
    const refused = (await admin.get('/api/staff/lead-webhooks/rejections?limit=100')).body.items;
    assert.ok(
      refused.some((entry: { provider: string; reason: string }) => entry.provider === 'mail' && entry.reason === 'signature_invalid'),
    );

    const timestamp = nowSeconds();
    const signed = await postRaw(mailUrl(), raw, { 'x-timestamp': timestamp, 'x-signature': signXSignature(mailSecret, timestamp, raw) });
    assert.equal(signed.status, 200, JSON.stringify(signed.body));
    assert.equal(signed.body.leads.length, 1);
  });

  it('a mail nobody can read is a dead letter: listed with its reason, its raw message without self-disclosure; retried with the portal named it becomes a lead', async () => {
    const answer = await postRaw(mailUrl(), FORWARDED, bearer());
    assert.equal(answer.status, 200);
    assert.deepEqual(answer.body.leads, []);
    assert.equal(answer.body.deadLetter.reasonCode, 'unknown_sender');
    const id = answer.body.deadLetter.id;

    const listed = (await deadLetters()).find((letter) => letter.id === id)!;
    assert.equal(listed.channel, 'email');
    assert.equal(listed.sender, 'clara@hv-beispiel.example');
    assert.equal(listed.subject, 'WG: Anfrage Objekt  148213377');
    assert.match(listed.reason, /\S/);

    const raw = await fetch(`${server.url}/api/staff/lead-intake/dead-letters/${id}/raw`, { headers: { cookie: clerk.cookieHeader() } });
    assert.equal(raw.status, 200);
    assert.equal(raw.headers.get('content-type'), 'message/rfc822');
    const text = await raw.text();
    assert.match(text, /Ist die Wohnung noch frei\?/);
    assert.match(text, /Selbstauskunft entfernt/);
    assert.doesNotMatch(text, /verdiene|3\.200|unbefristet/, 'income and employment are cut out of the dead letter');

    // Delivered again (the relay retried): the same dead letter, one more attempt.
    assert.equal((await postRaw(mailUrl(), FORWARDED, bearer())).body.deadLetter.id, id);
    assert.equal((await deadLetters()).find((letter) => letter.id === id)!.attempts, 2);

    const retried = await clerk.post(`/api/staff/lead-intake/dead-letters/${id}/retry`, { provider: 'immoscout24' });
    assert.equal(retried.status, 200, JSON.stringify(retried.body));
    assert.equal(retried.body.deadLetter, null);
    const { lead, events } = await detail(retried.body.leads[0].leadId);
    assert.equal(lead.name, 'Max Muster');
    assert.equal(lead.listing?.id, is24Listing.id);
    assert.equal(events[0].actor.role, 'staff', 'the clerk who retried it made the lead');
    assert.equal(
      (await deadLetters()).find((letter) => letter.id === id),
      undefined,
      'read, it leaves the list',
    );
  });

  it('a dead letter that still cannot be read stays (with one more attempt); a clerk deletes it; a wrong id is 404', async () => {
    const answer = await postRaw(mailUrl(), testdata('nothing-usable.eml'), bearer());
    const id = answer.body.deadLetter.id;
    assert.equal(answer.body.deadLetter.reasonCode, 'no_enquiry');
    const retried = await clerk.post(`/api/staff/lead-intake/dead-letters/${id}/retry`, {});
    assert.equal(retried.body.deadLetter.id, id);
    assert.equal((await deadLetters()).find((letter) => letter.id === id)!.attempts, 2);
    const unknownListing = await clerk.post(`/api/staff/lead-intake/dead-letters/${id}/retry`, { listingId: crypto.randomUUID() });
    assert.equal(unknownListing.status, 400);
    assert.equal(unknownListing.body.error.details.fields[0].path, 'listingId');
    assert.equal((await clerk.delete(`/api/staff/lead-intake/dead-letters/${id}`)).status, 204);
    assert.equal((await clerk.delete(`/api/staff/lead-intake/dead-letters/${id}`)).status, 404);
    assert.equal((await clerk.get(`/api/staff/lead-intake/dead-letters/${id}/raw`)).status, 404);
  });

  it('every OpenImmo sample of the corpus uploaded by a clerk is read or dead-lettered with a reason', async () => {
    const files = xmlFilesOf(SAMPLES);
    assert.ok(files.length >= 7, `samples in ${SAMPLES}`);
    const outcomes: Record<string, string> = {};
    for (const path of files) {
      const name = relative(SAMPLES, path);
      const answer = await uploadFile(clerk, readFileSync(path), name.split('/').pop()!);
      assert.equal(answer.status, 200, `${name}: ${JSON.stringify(answer.body)}`);
      const { leads, deadLetter } = answer.body;
      assert.ok(leads.length > 0 !== (deadLetter !== null), `${name}: leads or a dead letter`);
      if (deadLetter) assert.ok(deadLetter.reason.length > 10, `${name}: a reason`);
      outcomes[name] = deadLetter ? deadLetter.reasonCode : `${leads.length} lead(s)`;
      for (const { leadId } of leads) {
        const { lead } = await detail(leadId);
        assert.deepEqual([lead.source, lead.channel], ['upload', 'upload'], name);
      }
    }
    assert.match(outcomes['oi-fb-01-openestate-example-1.2.7-fehlerliste-status.xml'], /lead/);
    assert.match(outcomes['oi-fb-02-openestate-1.2.4-no-ids-multi-bevorzugt-wunsch.xml'], /lead/);
    assert.equal(outcomes['oi-fb-03-openestate-1.2.5-objekt-without-interessent.xml'], 'no_enquiry');
    for (const [name, outcome] of Object.entries(outcomes)) {
      if (name.startsWith('transfer-fixtures')) assert.equal(outcome, 'openimmo_transfer', name);
    }
    const listed = await deadLetters();
    assert.ok(
      listed.some(
        (letter) => letter.channel === 'upload' && letter.fileName === 'oi-fb-03-openestate-1.2.5-objekt-without-interessent.xml',
      ),
    );

    // The same file again: the same leads, none twice.
    const first = readFileSync(files.find((path) => path.includes('oi-fb-02'))!);
    const again = await uploadFile(clerk, first, 'nochmal.xml');
    assert.ok(again.body.leads.every((lead: { duplicate: boolean }) => lead.duplicate));
  });

  it('a clerk enters a lead by hand: source manuell, minimised, the listing checked; without a way to reach the person it is refused', async () => {
    const created = await clerk.post('/api/staff/leads', {
      listingId: is24Listing.id,
      firstName: 'Olga',
      lastName: 'Anrufer',
      phone: '040 1234567',
      message: 'Rief an, möchte besichtigen. Sie ist Beamtin.',
      fields: { 'Gewünschter Einzugstermin': 'ab sofort', Haushaltsgröße: '1', Gehalt: '4000' },
    });
    assert.equal(created.status, 201, JSON.stringify(created.body));
    const card = created.body.lead;
    assert.deepEqual([card.source, card.channel, card.provider, card.name], ['manuell', 'manuell', null, 'Olga Anrufer']);
    assert.equal(card.listing.id, is24Listing.id);
    assert.deepEqual([card.desiredMoveIn, card.householdSize, card.selfDisclosureOffered], ['ab sofort', 1, true]);
    const { lead, events } = await detail(card.id);
    assert.equal(lead.message, 'Rief an, möchte besichtigen. [Selbstauskunft entfernt]');
    assert.equal(events[0].actor.role, 'staff');

    const nobody = await clerk.post('/api/staff/leads', { message: 'Jemand hat angerufen.' });
    assert.equal(nobody.status, 400);
    assert.equal(nobody.body.error.code, 'validation_failed');
    const badMail = await clerk.post('/api/staff/leads', { name: 'X', email: 'kein-mail' });
    assert.equal(badMail.body.error.details.fields[0].path, 'email');
    const foreignListing = await clerk.post('/api/staff/leads', { name: 'X', listingId: crypto.randomUUID() });
    assert.equal(foreignListing.status, 400);
  });
});

describe('lead intake on its own: the OpenImmo folder, and dead letters, delivery records and handled files purged after 30 days (controlled clock)', () => {
  let server: RunningServer;
  let company: HousingCompany;
  let clerk: TestClient;
  let dir: string;
  // The BFF's clock runs with the real one, ahead of it by `ahead`: 2 days at first, so the scheduled jobs' rows
  // other servers of this database registered are due; the purge test moves it by 29 and 31 days more.
  const DAY = 24 * 3_600_000;
  let ahead = 2 * DAY;
  const clock = { now: () => new Date(Date.now() + ahead) };

  const waitFor = async (what: string, probe: () => boolean | Promise<boolean>, timeoutMs = 10_000) => {
    const deadline = Date.now() + timeoutMs;
    while (!(await probe())) {
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
  };
  /** A file as an FTP upload leaves it: written, and then left alone for a while. */
  const drop = (name: string, content: Buffer) => {
    const path = join(dir, name);
    writeFileSync(path, content);
    const past = new Date(Date.now() - 60_000);
    utimesSync(path, past, past);
  };

  before(async () => {
    const { db } = await testDatabase();
    company = await createHousingCompany(db);
    dir = mkdtempSync(join(tmpdir(), 'mp-openimmo-'));
    server = await startTestServer(
      { JOBS_POLL_MS: '50', LEAD_OPENIMMO_DIR: dir, LEAD_OPENIMMO_TENANT: company.tenant.slug, LEAD_OPENIMMO_POLL_MS: '100' },
      { clock },
    );
    clerk = await signInStaff(server, company, 'clerk');
  });
  after(async () => {
    await server.stop();
    await closeTestDatabase();
  });

  it('a start naming no housing company for the folder fails at once', async () => {
    await assert.rejects(
      startTestServer({ LEAD_OPENIMMO_DIR: dir, LEAD_OPENIMMO_TENANT: 'gibt-es-nicht' }),
      /LEAD_OPENIMMO_TENANT=gibt-es-nicht/,
    );
    await assert.rejects(startTestServer({ LEAD_OPENIMMO_DIR: dir }), /LEAD_OPENIMMO_TENANT ist nötig/);
  });

  it('files in the folder become leads (source openimmo-ftp) and move to done/; what cannot be read moves to failed/ and is listed', async () => {
    drop('anfrage-1.xml', readFileSync(xmlFilesOf(SAMPLES).find((path) => path.includes('oi-fb-01'))!));
    drop('uebertragung.xml', readFileSync(xmlFilesOf(SAMPLES).find((path) => path.includes('transfer-fixtures'))!));
    drop('noch-unterwegs.xml.part', Buffer.from('<openimmo_feedback>'));
    await waitFor(
      'both files handled',
      () => existsSync(join(dir, 'done', 'anfrage-1.xml')) && existsSync(join(dir, 'failed', 'uebertragung.xml')),
    );
    assert.ok(existsSync(join(dir, 'noch-unterwegs.xml.part')), 'a transfer under way is left alone');
    const leads = (await clerk.get('/api/staff/leads?source=openimmo-ftp&limit=100')).body.items;
    assert.ok(leads.length >= 1);
    assert.ok(leads.every((lead: { channel: string }) => lead.channel === 'ftp'));
    const letters = (await clerk.get('/api/staff/lead-intake/dead-letters')).body.items;
    assert.deepEqual(
      letters.map((letter: { channel: string; fileName: string; reasonCode: string }) => [
        letter.channel,
        letter.fileName,
        letter.reasonCode,
      ]),
      [['ftp', 'uebertragung.xml', 'openimmo_transfer']],
    );
  });

  it('dead letters, delivery records and handled files stay 30 days, refusals 90, and are purged after by the scheduled job on the BFF’s clock', async () => {
    const { db } = await testDatabase();
    const letters = async () => (await clerk.get('/api/staff/lead-intake/dead-letters')).body.items as unknown[];
    assert.equal((await letters()).length, 1);
    const jobRanAt = async () => (await withScope(db, { role: 'system' }, (tx) => findJob(tx, 'lead-dead-letters-purge')))?.lastFinishedAt;
    const runPurgeDaysLater = async (days: number) => {
      ahead += days * DAY;
      const at = clock.now().getTime();
      await waitFor('the purge job to run', async () => {
        const ran = await jobRanAt();
        return !!ran && new Date(ran).getTime() >= at;
      });
    };
    // A delivery record and a refused call, as the webhook leaves them (the refusal's IP address is personal data).
    // Refusals are read by admins only.
    const count = async (table: string) =>
      Number(
        (
          await withScope(db, { role: table === 'lead_intake_rejections' ? 'admin' : 'system', tenantId: company.tenant.id }, (tx) =>
            tx.query(`SELECT count(*) AS n FROM ${table}`),
          )
        ).rows[0].n,
      );
    await withScope(db, { role: 'system', tenantId: company.tenant.id }, async (tx) => {
      await tx.query(
        `INSERT INTO lead_intake_rejections (tenant_id, at, provider, ip, reason) VALUES ($1, $2, 'immoscout24', '203.0.113.7', 'signature_invalid')`,
        [company.tenant.id, clock.now()],
      );
    });
    assert.ok((await count('webhook_deliveries')) >= 1, 'the folder’s files left delivery records');
    assert.equal(await count('lead_intake_rejections'), 1, 'the refusal is recorded');
    assert.ok(existsSync(join(dir, 'done', 'anfrage-1.xml')));

    await runPurgeDaysLater(29);
    assert.equal((await letters()).length, 1, 'after 29 days it is still there');
    await runPurgeDaysLater(2);
    assert.equal((await letters()).length, 0, 'after 31 days it is gone');
    assert.equal(await count('webhook_deliveries'), 0, 'delivery records go after 30 days');
    assert.equal(await count('lead_intake_rejections'), 1, 'refusals are kept 90 days');
    await waitFor('the handled files to be deleted', () => !existsSync(join(dir, 'done', 'anfrage-1.xml')));
    assert.ok(!existsSync(join(dir, 'failed', 'uebertragung.xml')), 'the failed file goes with its dead letter');
    await runPurgeDaysLater(60);
    assert.equal(await count('lead_intake_rejections'), 0, 'after 91 days the refusal is gone');
  });
});
