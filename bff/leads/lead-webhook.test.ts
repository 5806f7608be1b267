import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { io as connect, type Socket } from 'socket.io-client';
import type { RunningServer } from '../server.ts';
import { closeTestDatabase, startTestServer, testDatabase, type TestClient } from '../test/harness.ts';
import { createHousingCompany, type HousingCompany } from '../test/fixtures.ts';
import { signInStaff } from '../test/sign-in.ts';
import { createListing, createWebhookSecret, hookPath, is24Enquiry, nowSeconds, postWebhook, signedHeaders } from './lead-test-support.ts';
import { hmacSha256 } from './webhook-signature.ts';

/**
 * The signed lead webhook over HTTP, as a portal or relay calls it: every case the issue names (wrong signature,
 * stale timestamp, replay, malformed JSON, unknown listing) and the Standard Webhooks vectors of the corpus with
 * the BFF's clock at their time. The database-down case is in webhook-database-down.test.ts.
 */

/**
 * testdata/signature-test-vectors.json, copied unchanged from the corpus: "signature-test-vectors.json —
 * standard-webhooks/standard-webhooks @b2fa7b87 : libraries/*\/tests (fixed sign vector, multi-sig, invalid cases) +
 * spec/standard-webhooks.md (Apache-2.0); GitHub vector from
 * https://docs.github.com/en/webhooks/using-webhooks/validating-webhook-deliveries. All expected values recomputed locally."
 */
const vectors = JSON.parse(readFileSync(new URL('./testdata/signature-test-vectors.json', import.meta.url), 'utf8'));

describe('the signed lead webhook', () => {
  let server: RunningServer;
  let company: HousingCompany;
  let other: HousingCompany;
  let clerk: TestClient;
  let admin: TestClient;
  let otherAdmin: TestClient;
  let listing: { id: string; portalIds: Array<{ provider: string; providerListingId: string }> };
  let secret: string;
  const sockets: Socket[] = [];

  const is24Id = () => listing.portalIds[0].providerListingId;
  const send = (body: unknown, headers?: Record<string, string>, provider = 'immoscout24', to = company) => {
    const raw = typeof body === 'string' ? body : JSON.stringify(body);
    return postWebhook(server.url, hookPath(to, provider), raw, headers ?? signedHeaders(secret, raw));
  };
  const leadsOf = async (query = '') => (await clerk.get(`/api/staff/leads?limit=100${query}`)).body.items as Array<Record<string, any>>;
  const rejections = async () =>
    (await admin.get('/api/staff/lead-webhooks/rejections?limit=100')).body.items as Array<Record<string, any>>;

  before(async () => {
    const { db } = await testDatabase();
    server = await startTestServer();
    [company, other] = [await createHousingCompany(db), await createHousingCompany(db)];
    clerk = await signInStaff(server, company, 'clerk');
    admin = await signInStaff(server, company, 'admin');
    otherAdmin = await signInStaff(server, other, 'admin');
    listing = await createListing(clerk, company);
    secret = (await createWebhookSecret(admin, 'immoscout24')).value;
  });
  after(async () => {
    for (const socket of sockets) socket.close();
    await server.stop();
    await closeTestDatabase();
  });

  it('a signed IS24 enquiry becomes an open lead of its listing, minimised, answered 200 after the commit', async () => {
    const enquiry = is24Enquiry(is24Id());
    const answer = await send(enquiry);
    assert.equal(answer.status, 200, JSON.stringify(answer.body));
    assert.equal(answer.body.duplicate, false);

    const detail = await clerk.get(`/api/staff/leads/${answer.body.leadId}`);
    assert.equal(detail.status, 200);
    const { lead, events } = detail.body;
    assert.deepEqual(
      {
        listing: lead.listing,
        status: lead.status,
        column: lead.column,
        source: lead.source,
        channel: lead.channel,
        provider: lead.provider,
        name: lead.name,
        email: lead.email,
        externalId: lead.externalId,
        desiredMoveIn: lead.desiredMoveIn,
        householdType: lead.householdType,
        householdSize: lead.householdSize,
        pets: lead.pets,
        selfDisclosureOffered: lead.selfDisclosureOffered,
        commission: lead.commission,
        sentAt: lead.sentAt,
      },
      {
        listing: { id: listing.id, title: '3-Zimmer-Wohnung mit Balkon' },
        status: 'offen',
        column: 'offen',
        source: 'immoscout24',
        channel: 'webhook',
        provider: 'immoscout24',
        name: 'Jana Beispiel',
        email: 'jana.beispiel@example.org',
        externalId: enquiry.enquiryId,
        desiredMoveIn: '2026-06-01',
        householdType: 'couple',
        householdSize: 2,
        pets: false,
        selfDisclosureOffered: true,
        commission: 'Provisionsfrei für Mietinteressenten',
        sentAt: enquiry.sentAt,
      },
    );
    assert.equal(lead.message, 'Guten Tag, ich interessiere mich sehr für die Wohnung. [Selbstauskunft entfernt]');
    assert.ok(!/3\.200|4\.000|SCHUFA/.test(JSON.stringify(detail.body)), 'no self-disclosure is stored');
    assert.deepEqual(
      events.map((event: any) => [event.kind, event.actor.role, event.to]),
      [['created', 'system', 'offen']],
    );
    assert.equal(lead.phone, null, 'the clerk has no letting permission: no phone');
  });

  it('Standard Webhooks headers work too, with the old and the new secret during a rotation; a revoked secret is refused', async () => {
    const rotated = await createWebhookSecret(admin, 'immoscout24');
    for (const key of [secret, rotated.value]) {
      const raw = JSON.stringify(is24Enquiry(is24Id()));
      const answer = await send(raw, signedHeaders(key, raw, { scheme: 'standard-webhooks' }));
      assert.equal(answer.status, 200, JSON.stringify(answer.body));
    }
    const listed = (await admin.get('/api/staff/lead-webhooks')).body.items;
    const is24 = listed.find((item: any) => item.provider === 'immoscout24');
    assert.equal(is24.url, `${server.url}${hookPath(company, 'immoscout24')}`);
    assert.equal(is24.secrets.length, 2);
    assert.ok(!JSON.stringify(listed).includes(rotated.value), 'secrets are never shown again');

    assert.equal((await admin.delete(`/api/staff/lead-webhooks/secrets/${rotated.secret.id}`)).status, 204);
    const raw = JSON.stringify(is24Enquiry(is24Id()));
    const refused = await send(raw, signedHeaders(rotated.value, raw, { scheme: 'standard-webhooks' }));
    assert.equal(refused.status, 401);
    assert.equal(refused.body.error.code, 'signature_invalid');
  });

  it('a wrong signature is 401: no lead, an audit entry with source, IP and reason', async () => {
    const before = (await leadsOf()).length;
    const enquiry = is24Enquiry(is24Id(), { email: 'mallory@example.org' });
    const raw = JSON.stringify(enquiry);
    const forged = await send(raw, signedHeaders('whsec_' + Buffer.alloc(32, 9).toString('base64'), raw));
    assert.equal(forged.status, 401);
    assert.deepEqual(forged.body.error.code, 'signature_invalid');
    assert.match(forged.body.error.message, /Signatur/);
    // The body changed after signing (a proxy re-serialised it): the same.
    const reserialised = await send(JSON.stringify(enquiry, null, 2), signedHeaders(secret, raw));
    assert.equal(reserialised.status, 401);
    assert.equal((await leadsOf()).length, before);
    const [latest, previous] = await rejections();
    for (const entry of [latest, previous]) {
      assert.equal(entry.provider, 'immoscout24');
      assert.equal(entry.reason, 'signature_invalid');
      assert.match(entry.ip, /127\.0\.0\.1/);
    }
  });

  it('no signature, a signature without signed timestamp (GitHub style) and an unknown provider are 401 with an audit entry', async () => {
    const raw = JSON.stringify(is24Enquiry(is24Id()));
    const githubStyle = { 'x-hub-signature-256': `sha256=${hmacSha256(secret, raw).toString('hex')}` };
    const withoutTimestamp = { 'x-signature': signedHeaders(secret, raw)['x-signature'] };
    for (const headers of [{}, githubStyle, withoutTimestamp] as Array<Record<string, string>>) {
      const answer = await send(raw, headers);
      assert.equal(answer.status, 401);
      assert.equal(answer.body.error.code, 'signature_missing');
    }
    const unknown = await send(raw, signedHeaders(secret, raw), 'immowelt');
    assert.equal(unknown.status, 401);
    assert.equal(unknown.body.error.code, 'signature_invalid');
    const reasons = (await rejections()).slice(0, 4).map((entry) => [entry.reason, entry.provider]);
    assert.deepEqual(reasons, [
      ['unknown_provider', 'immowelt'],
      ['signature_missing', 'immoscout24'],
      ['signature_missing', 'immoscout24'],
      ['signature_missing', 'immoscout24'],
    ]);
  });

  it('a stale or future timestamp (more than 5 minutes) is 401 signature_expired, in both schemes', async () => {
    const raw = JSON.stringify(is24Enquiry(is24Id()));
    for (const offset of [-360, 360]) {
      const timestamp = String(Number(nowSeconds()) + offset);
      for (const scheme of ['x-signature', 'standard-webhooks'] as const) {
        const answer = await send(raw, signedHeaders(secret, raw, { scheme, timestamp }));
        assert.equal(answer.status, 401, `${scheme} ${offset}`);
        assert.equal(answer.body.error.code, 'signature_expired');
      }
    }
    assert.equal((await rejections())[0].reason, 'signature_expired');
    const fresh = await send(raw, signedHeaders(secret, raw, { timestamp: String(Number(nowSeconds()) - 240) }));
    assert.equal(fresh.status, 200, '4 minutes old is still fine');
  });

  it('replays create one lead: the same request twice, the same enquiry id signed anew, the same webhook-id, the same content', async () => {
    const before = (await leadsOf()).length;
    const raw = JSON.stringify(is24Enquiry(is24Id()));
    const headers = signedHeaders(secret, raw);
    const first = await send(raw, headers);
    const replay = await send(raw, headers);
    assert.deepEqual([first.status, replay.status], [200, 200]);
    assert.deepEqual(replay.body, { leadId: first.body.leadId, duplicate: true });

    const resent = await send(raw, signedHeaders(secret, raw, { timestamp: String(Number(nowSeconds()) - 30) }));
    assert.deepEqual(resent.body, { leadId: first.body.leadId, duplicate: true }, 'same enquiry id, new signature');

    const sameId = `msg_${randomUUID()}`;
    const standard = JSON.stringify(is24Enquiry(is24Id(), { enquiryId: undefined }));
    const one = await send(standard, signedHeaders(secret, standard, { scheme: 'standard-webhooks', webhookId: sameId }));
    const again = await send(standard, signedHeaders(secret, standard, { scheme: 'standard-webhooks', webhookId: sameId }));
    assert.deepEqual(again.body, { leadId: one.body.leadId, duplicate: true }, 'same webhook-id');

    // Neither webhook-id nor enquiry id: the hash of provider, listing, e-mail, message and send time.
    const bare = JSON.stringify(is24Enquiry(is24Id(), { enquiryId: undefined, email: 'bare@example.org' }));
    const three = await send(bare);
    const four = await send(bare, signedHeaders(secret, bare, { timestamp: String(Number(nowSeconds()) + 5) }));
    assert.deepEqual(four.body, { leadId: three.body.leadId, duplicate: true }, 'same content');

    assert.equal((await leadsOf()).length, before + 3);
  });

  it('two deliveries of one enquiry at the same time make one lead', async () => {
    const before = (await leadsOf()).length;
    const raw = JSON.stringify(is24Enquiry(is24Id()));
    const answers = await Promise.all([send(raw), send(raw), send(raw)]);
    assert.deepEqual(
      answers.map((answer) => answer.status),
      [200, 200, 200],
    );
    assert.equal(new Set(answers.map((answer) => answer.body.leadId)).size, 1);
    assert.equal(answers.filter((answer) => !answer.body.duplicate).length, 1);
    assert.equal((await leadsOf()).length, before + 1);
  });

  it('malformed JSON is 400 invalid_json, a payload without any contact is 400 naming the field; no lead, audited', async () => {
    const before = (await leadsOf()).length;
    const broken = await send('{"name": "Jana", "email": ');
    assert.equal(broken.status, 400);
    assert.equal(broken.body.error.code, 'invalid_json');
    const empty = await send({ message: 'Hallo' });
    assert.equal(empty.status, 400);
    assert.equal(empty.body.error.code, 'validation_failed');
    assert.deepEqual(
      empty.body.error.details.fields.map((field: any) => field.path),
      ['name'],
    );
    const nul = await send(is24Enquiry(is24Id(), { message: 'Hallo\u0000' }));
    assert.equal(nul.status, 400);
    assert.equal(nul.body.error.details.fields[0].path, 'message');
    assert.equal((await leadsOf()).length, before);
    assert.deepEqual(
      (await rejections()).slice(0, 3).map((entry) => entry.reason),
      ['validation_failed', 'validation_failed', 'invalid_json'],
    );
  });

  it('an unknown listing id, and the id of a listing that is let, leave the lead in "nicht zugeordnet"', async () => {
    const unknown = await send(is24Enquiry('IS24-gibt-es-nicht'));
    assert.equal(unknown.status, 200);
    const let_ = await createListing(clerk, company, { status: 'vermietet' });
    const closed = await send(is24Enquiry(let_.portalIds[0].providerListingId));
    const none = await send(is24Enquiry(undefined));
    for (const answer of [unknown, closed, none]) {
      const { lead, events } = (await clerk.get(`/api/staff/leads/${answer.body.leadId}`)).body;
      assert.equal(lead.listing, null);
      assert.equal(lead.column, 'nicht_zugeordnet');
      assert.equal(lead.commission, null);
      if (answer === unknown) assert.equal(events[0].details.providerListingId, 'IS24-gibt-es-nicht');
    }
    const column = await leadsOf('&column=nicht_zugeordnet');
    assert.ok(column.some((lead) => lead.id === unknown.body.leadId));
  });

  it('a relay (EstateSync) naming the portal finds the listing by its IS24 id and records IS24 as the source', async () => {
    const relay = await createWebhookSecret(admin, 'estatesync');
    const raw = JSON.stringify(is24Enquiry(is24Id(), { portal: 'immoscout24' }));
    const answer = await send(raw, signedHeaders(relay.value, raw, { scheme: 'standard-webhooks' }), 'estatesync');
    assert.equal(answer.status, 200, JSON.stringify(answer.body));
    const { lead } = (await clerk.get(`/api/staff/leads/${answer.body.leadId}`)).body;
    assert.deepEqual([lead.listing?.id, lead.source, lead.provider], [listing.id, 'immoscout24', 'estatesync']);
  });

  it("another company's secret does not open this company's webhook; an unknown company is 404", async () => {
    const otherSecret = (await createWebhookSecret(otherAdmin, 'immoscout24')).value;
    const raw = JSON.stringify(is24Enquiry(is24Id()));
    const crossed = await send(raw, signedHeaders(otherSecret, raw));
    assert.equal(crossed.status, 401);
    const own = await send(raw, signedHeaders(otherSecret, raw), 'immoscout24', other);
    assert.equal(own.status, 200, 'valid at its own company');
    const { body } = await signInStaff(server, other, 'clerk').then((otherClerk) => otherClerk.get(`/api/staff/leads/${own.body.leadId}`));
    assert.equal(body.lead.listing, null, "the other company has no listing with this company's IS24 id");
    const nowhere = await postWebhook(server.url, '/hooks/gibt-es-nicht/leads/immoscout24', raw, signedHeaders(secret, raw));
    assert.equal(nowhere.status, 404);
    assert.equal(nowhere.body.error.code, 'tenant_not_found');
  });

  it('a new lead appears live on the boards of its company within a second, not on another company’s', async () => {
    const socketOf = (client: TestClient) => {
      const socket = connect(server.url, {
        transports: ['websocket'],
        extraHeaders: { cookie: client.cookieHeader() },
        reconnection: false,
        forceNew: true,
      });
      sockets.push(socket);
      return new Promise<Socket>((resolve, reject) => {
        socket.once('connect', () => resolve(socket));
        socket.once('connect_error', reject);
      });
    };
    const board = await socketOf(clerk);
    const foreign = await socketOf(otherAdmin);
    const seenElsewhere: unknown[] = [];
    foreign.on('lead:created', (payload) => seenElsewhere.push(payload));
    const arrived = new Promise<{ payload: any; at: number }>((resolve) =>
      board.once('lead:created', (payload) => resolve({ payload, at: Date.now() })),
    );
    const sentAt = Date.now();
    const answer = await send(is24Enquiry(is24Id(), { email: 'live@example.org', phone: '+49 171 5550001' }));
    const { payload, at } = await arrived;
    assert.ok(at - sentAt < 1000, `${at - sentAt} ms`);
    assert.equal(payload.lead.id, answer.body.leadId);
    assert.equal(payload.lead.column, 'offen');
    assert.ok(!('phone' in payload.lead) && !('address' in payload.lead), 'no phone or address in the live card');
    assert.deepEqual(payload.duplicateOf, []);

    // The event may arrive before the HTTP answer: listen first.
    const next = new Promise<any>((resolve) => board.once('lead:created', resolve));
    const twin = await send(is24Enquiry(is24Id(), { email: 'anders@example.org', phone: '0171 5550001' }));
    const duplicated = await next;
    assert.equal(duplicated.lead.id, twin.body.leadId);
    assert.equal(duplicated.lead.duplicate, true, 'same phone number, written otherwise');
    assert.deepEqual(duplicated.duplicateOf, [answer.body.leadId]);
    await new Promise((resolve) => setTimeout(resolve, 200));
    assert.deepEqual(seenElsewhere, []);
  });

  describe('the Standard Webhooks vectors over HTTP', () => {
    const [fixed, multi] = vectors.standard_webhooks.valid;
    let vectorCompany: HousingCompany;
    let atVectorTime: RunningServer;

    before(async () => {
      const { db } = await testDatabase();
      vectorCompany = await createHousingCompany(db);
      await createWebhookSecret(await signInStaff(server, vectorCompany, 'admin'), 'relay', fixed.secret);
      atVectorTime = await startTestServer({}, { clock: { now: () => new Date(Number(fixed.headers['webhook-timestamp']) * 1000) } });
    });
    after(() => atVectorTime.stop());

    it("with the BFF's clock at the vectors' time the signatures hold (the vector's body is no enquiry: 400, not 401)", async () => {
      for (const vector of [fixed, multi]) {
        const answer = await postWebhook(atVectorTime.url, hookPath(vectorCompany, 'relay'), vector.payload, vector.headers);
        assert.equal(answer.status, 400, `${vector.name}: ${JSON.stringify(answer.body)}`);
        assert.equal(answer.body.error.code, 'validation_failed');
      }
    });

    it("with today's clock the same requests are 401 signature_expired", async () => {
      const answer = await postWebhook(server.url, hookPath(vectorCompany, 'relay'), fixed.payload, fixed.headers);
      assert.equal(answer.status, 401);
      assert.equal(answer.body.error.code, 'signature_expired');
    });

    it('the invalid vectors are 401 at the vectors’ time', async () => {
      for (const vector of vectors.standard_webhooks.invalid.filter((v: any) => v.headers)) {
        const answer = await postWebhook(atVectorTime.url, hookPath(vectorCompany, 'relay'), vector.payload, vector.headers);
        assert.equal(answer.status, 401, vector.name);
      }
    });
  });
});
