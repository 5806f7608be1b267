import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import type { RunningServer } from '../server.ts';
import { withScope } from '../db/scope.ts';
import { closeTestDatabase, mailsTo, startTestServer, type TestClient } from '../test/harness.ts';
import { createHousingCompany, type HousingCompany } from '../test/fixtures.ts';
import { signInStaff } from '../test/sign-in.ts';
import { connectSocket, nextEvent } from '../cases/case-test-support.ts';
import { createListing, createWebhookSecret, hookPath, is24Enquiry, postWebhook, signedHeaders } from './lead-test-support.ts';
import { LISTING_PUBLISHER_TOPIC, type ListingPublisher, type ListingWithdrawal } from './listing-publisher.ts';
import { insertOutboxEntry } from '../outbox/outbox-repository.ts';
import { createRecordingSmartLock } from '../viewings/testing.ts';

/**
 * The lead lifecycle over HTTP (docs/leads.md, "Lifecycle"): moves with their version (two clerks, one wins), the
 * gates of each stage, the append-only trail, live moves, self-disclosure only from `besichtigt` on, the § 19 AGG
 * warning, rejection messages released by a clerk, the acceptance cascade exactly once, the § 21 AGG export and the
 * legal hold.
 */
describe('the lead lifecycle', () => {
  let server: RunningServer;
  let company: HousingCompany;
  let clerk: TestClient;
  let admin: TestClient;
  let secret: string;
  const withdrawals: ListingWithdrawal[] = [];
  const publisher: ListingPublisher = {
    async withdraw(withdrawal) {
      withdrawals.push(withdrawal);
    },
  };

  const smartLock = createRecordingSmartLock();

  before(async () => {
    server = await startTestServer({}, { listingPublisher: publisher, smartLock });
    company = await createHousingCompany(server.db);
    clerk = await signInStaff(server, company, 'clerk');
    admin = await signInStaff(server, company, 'admin');
    assert.equal(
      (await admin.request('PUT', `/api/staff/accounts/${company.clerk.id}/permissions`, { permissions: ['letting'] })).status,
      200,
    );
    secret = (await createWebhookSecret(admin, 'immoscout24')).value;
  });
  after(async () => {
    await server.stop();
    await closeTestDatabase();
  });

  /** A new listing with an IS24 and an Immowelt id. */
  async function newListing() {
    const listing = await createListing(clerk, company, {
      portalIds: [
        { provider: 'immoscout24', providerListingId: `IS24-${randomUUID().slice(0, 8)}` },
        { provider: 'immowelt', providerListingId: `IW-${randomUUID().slice(0, 8)}` },
      ],
    });
    return { id: listing.id, is24: listing.portalIds.find((portal) => portal.provider === 'immoscout24')!.providerListingId };
  }

  /** An IS24 enquiry for the listing through the signed webhook; the new lead's id. */
  async function deliver(is24: string, overrides: Record<string, unknown> = {}): Promise<string> {
    const raw = JSON.stringify(is24Enquiry(is24, { email: `${randomUUID().slice(0, 8)}@example.org`, ...overrides }));
    const answer = await postWebhook(server.url, hookPath(company, 'immoscout24'), raw, signedHeaders(secret, raw));
    assert.equal(answer.status, 200, JSON.stringify(answer.body));
    return answer.body.leadId;
  }

  const lifecycle = async (id: string, as = clerk) => {
    const answer = await as.get(`/api/staff/leads/${id}/lifecycle`);
    assert.equal(answer.status, 200, JSON.stringify(answer.body));
    return answer.body;
  };
  const versionOf = async (id: string) => (await lifecycle(id)).lead.version as number;
  const move = async (id: string, body: Record<string, unknown>, as = clerk) =>
    as.post(`/api/staff/leads/${id}/move`, { version: await versionOf(id), ...body });
  const trail = async (id: string) => (await clerk.get(`/api/staff/leads/${id}`)).body.events as any[];

  const contact = { to: 'kontaktiert', householdType: 'couple', contactMessage: 'Telefonat: Besichtigung am Donnerstag angeboten.' };
  async function toContacted(id: string) {
    assert.equal((await clerk.post(`/api/staff/leads/${id}/contact-verifications`, { channel: 'email', how: 'answered' })).status, 201);
    const moved = await move(id, contact);
    assert.equal(moved.status, 200, JSON.stringify(moved.body));
  }
  async function toViewed(id: string) {
    await toContacted(id);
    const startsAt = new Date(Date.now() - 2 * 3_600_000).toISOString();
    assert.equal((await clerk.post(`/api/staff/leads/${id}/viewings`, { startsAt, durationMinutes: 30 })).status, 201);
    const moved = await move(id, { to: 'besichtigt', note: 'Interesse bestätigt.' });
    assert.equal(moved.status, 200, JSON.stringify(moved.body));
  }

  it('two clerks moving the same card: exactly one wins, the other is told someone else changed it', async () => {
    const { is24 } = await newListing();
    const id = await deliver(is24);
    const version = await versionOf(id);
    const reject = { to: 'abgelehnt', version, reasonCode: 'nicht_erreichbar' };
    const answers = await Promise.all([
      clerk.post(`/api/staff/leads/${id}/move`, reject),
      admin.post(`/api/staff/leads/${id}/move`, reject),
    ]);
    assert.deepEqual(answers.map((answer) => answer.status).sort(), [200, 409]);
    const lost = answers.find((answer) => answer.status === 409)!;
    assert.equal(lost.body.error.code, 'lead_conflict');
    assert.match(lost.body.error.message, /Jemand anderes hat diesen Interessenten inzwischen geändert/);
    const won = answers.find((answer) => answer.status === 200)!;
    assert.deepEqual([won.body.lead.status, won.body.lead.version], ['abgelehnt', version + 1]);
    const moves = (await trail(id)).filter((event) => event.kind === 'status_changed');
    assert.equal(moves.length, 1, 'one entry in the trail');
    // A stale version is refused also later, one request at a time.
    const stale = await clerk.post(`/api/staff/leads/${id}/move`, { ...contact, version });
    assert.deepEqual([stale.status, stale.body.error.code], [409, 'lead_conflict']);
  });

  it('a move appears on every open board of the company within a second', async () => {
    const { is24 } = await newListing();
    const id = await deliver(is24);
    const board = await connectSocket(server, admin);
    try {
      const arrived = nextEvent(board, 'lead:changed', (payload) => payload.lead.id === id && payload.change === 'status_changed', 1000);
      const moved = await move(id, { to: 'abgelehnt', reasonText: 'Hat sich für eine andere Wohnung entschieden.' });
      assert.equal(moved.status, 200);
      const event = await arrived;
      assert.deepEqual([event.lead.status, event.lead.column, event.lead.version], ['abgelehnt', 'abgelehnt', moved.body.lead.version]);
    } finally {
      board.disconnect();
    }
  });

  it('to kontaktiert: full name, a verified channel, household and move-in date; the mover becomes owner, the message is kept with its time', async () => {
    const { is24 } = await newListing();
    // The portal sent an initial only, no household type (two adults is a size) and a move-in date.
    const id = await deliver(is24, { firstName: 'J.', lastName: 'Beispiel', message: 'Ist die Wohnung noch frei?' });
    const refused = await move(id, { to: 'kontaktiert', contactMessage: 'Angerufen.' });
    assert.deepEqual([refused.status, refused.body.error.code], [409, 'lead_gate_failed']);
    assert.deepEqual(refused.body.error.details.missing, ['fullName', 'verifiedContactChannel', 'householdType', 'desiredMoveIn']);
    assert.match(refused.body.error.message, /vollständiger Name.*bestätigter Kontaktweg.*Haushalt.*Einzugsdatum/);
    // A syntactically valid e-mail address is not a verified channel; what the gates say beforehand is the same.
    assert.deepEqual((await lifecycle(id)).moves[0], {
      to: 'kontaktiert',
      missing: ['fullName', 'verifiedContactChannel', 'householdType', 'desiredMoveIn'],
    });

    const verified = await clerk.post(`/api/staff/leads/${id}/contact-verifications`, { channel: 'phone', how: 'reached' });
    assert.equal(verified.status, 201);
    assert.deepEqual(
      verified.body.contactChannels.map((channel: any) => [channel.channel, channel.present, channel.verified?.how ?? null]),
      [
        ['email', true, null],
        ['phone', true, 'reached'],
      ],
    );
    const moved = await move(id, {
      to: 'kontaktiert',
      name: 'Jana Beispiel',
      householdType: 'family',
      desiredMoveIn: '2026-06-01',
      contactMessage: 'Telefonat: Besichtigung am Donnerstag, 17 Uhr angeboten.',
    });
    assert.equal(moved.status, 200, JSON.stringify(moved.body));
    assert.deepEqual(
      [moved.body.lead.status, moved.body.lead.name, moved.body.lead.householdType, moved.body.lead.desiredMoveIn, moved.body.lead.owner],
      ['kontaktiert', 'Jana Beispiel', 'family', '2026-06-01', { id: company.clerk.id, label: 'Clara Sachbearbeiterin' }],
    );
    const view = await lifecycle(id);
    assert.equal(view.contactMessage.text, 'Telefonat: Besichtigung am Donnerstag, 17 Uhr angeboten.');
    assert.ok(Math.abs(Date.parse(view.contactMessage.at) - Date.now()) < 60_000);
    const last = (await trail(id)).filter((event) => event.kind === 'status_changed' || event.kind === 'owner_changed');
    assert.deepEqual(
      last.map((event) => [event.kind, event.actor.name, event.from, event.to]),
      [
        ['status_changed', 'Clara Sachbearbeiterin', 'offen', 'kontaktiert'],
        ['owner_changed', 'Clara Sachbearbeiterin', null, null],
      ],
    );
    // No skipping a stage, no going back.
    const skip = await move(id, { to: 'akzeptiert' });
    assert.deepEqual([skip.status, skip.body.error.code], [409, 'lead_transition_invalid']);
  });

  it('self-disclosure can neither be read nor written before besichtigt; from then on it is collected', async () => {
    const { is24 } = await newListing();
    const id = await deliver(is24);
    for (const answer of [
      await clerk.get(`/api/staff/leads/${id}/self-disclosure`),
      await clerk.request('PUT', `/api/staff/leads/${id}/self-disclosure`, { profession: 'Krankenpflegerin' }),
      await move(id, { ...contact, incomeBand: '2500_3500' }),
    ]) {
      assert.deepEqual([answer.status, answer.body.error.code], [409, 'self_disclosure_locked']);
      assert.match(answer.body.error.message, /erst ab „besichtigt“/);
    }
    assert.equal((await versionOf(id)) >= 1, true);
    await toContacted(id);
    assert.equal(
      (await clerk.get(`/api/staff/leads/${id}/self-disclosure`)).body.error.code,
      'self_disclosure_locked',
      'not in kontaktiert',
    );

    // Besichtigt needs a viewing whose time has passed: a planned one in the future is not enough.
    const planned = await clerk.post(`/api/staff/leads/${id}/viewings`, {
      startsAt: new Date(Date.now() + 86_400_000).toISOString(),
      durationMinutes: 30,
      note: 'Schlüssel beim Hausmeister',
    });
    assert.equal(planned.status, 201);
    assert.deepEqual([planned.body.durationMinutes, planned.body.note, planned.body.lockGrant], [30, 'Schlüssel beim Hausmeister', null]);
    const early = await move(id, { to: 'besichtigt' });
    assert.deepEqual([early.status, early.body.error.code], [409, 'viewing_required']);
    // A double submit with its Idempotency-Key plans one viewing.
    const pastViewing = { startsAt: new Date(Date.now() - 3_600_000).toISOString(), durationMinutes: 45 };
    const key = { headers: { 'idempotency-key': randomUUID() } };
    const past = await clerk.request('POST', `/api/staff/leads/${id}/viewings`, pastViewing, key);
    const repeated = await clerk.request('POST', `/api/staff/leads/${id}/viewings`, pastViewing, key);
    assert.deepEqual([past.status, repeated.status, repeated.body.id], [201, 201, past.body.id]);
    assert.equal((await lifecycle(id)).viewings.length, 2);
    assert.equal((await move(id, { to: 'besichtigt', note: 'Interesse bestätigt, Selbstauskunft angefordert.' })).status, 200);

    const written = await clerk.request('PUT', `/api/staff/leads/${id}/self-disclosure`, {
      profession: 'Krankenpflegerin',
      employer: 'UKE Hamburg',
      incomeBand: '2500_3500',
      rentDebtFreeCertificate: true,
    });
    assert.equal(written.status, 200, JSON.stringify(written.body));
    const read = await clerk.get(`/api/staff/leads/${id}/self-disclosure`);
    assert.deepEqual(
      [read.body.profession, read.body.employer, read.body.incomeBand, read.body.rentDebtFreeCertificate],
      ['Krankenpflegerin', 'UKE Hamburg', '2500_3500', true],
    );
    const entry = (await trail(id)).find((event) => event.kind === 'self_disclosure_recorded');
    assert.deepEqual(
      entry.details,
      { fields: ['profession', 'employer', 'incomeBand', 'rentDebtFreeCertificate'] },
      'no values in the trail',
    );
    // Moves never carry it, not even later.
    const inMove = await move(id, { to: 'abgelehnt', reasonCode: 'interesse_zurueckgezogen', employer: 'x' });
    assert.deepEqual([inMove.status, inMove.body.error.code], [400, 'validation_failed']);
  });

  it('a planned viewing is confirmed from the letting address with address, time, note and ICS, filed in the thread; a smart-lock grant is stored with it', async () => {
    const { is24 } = await newListing();
    const email = `termin-${randomUUID().slice(0, 8)}@example.org`;
    const id = await deliver(is24, { firstName: 'Jonas', lastName: 'Weber', email });
    assert.equal((await admin.request('PATCH', '/api/staff/settings', { lettingEmail: 'vermietung@wohnbau-test.example' })).status, 200);
    const startsAt = new Date(Date.now() + 3 * 86_400_000);
    startsAt.setUTCHours(15, 0, 0, 0);
    const planned = await clerk.post(`/api/staff/leads/${id}/viewings`, {
      startsAt: startsAt.toISOString(),
      durationMinutes: 30,
      note: 'Klingeln bei Hausmeister Yilmaz',
      smartLock: true,
    });
    assert.equal(planned.status, 201, JSON.stringify(planned.body));
    assert.equal(planned.body.confirmationSentTo, email);
    const grant = smartLock.grants.at(-1)!;
    assert.deepEqual(
      [grant.viewingId, grant.from.getTime(), grant.until.getTime()],
      [planned.body.id, startsAt.getTime() - 15 * 60_000, startsAt.getTime() + 45 * 60_000],
    );
    assert.deepEqual(planned.body.lockGrant, { from: grant.from.toISOString(), until: grant.until.toISOString() });
    assert.deepEqual(
      (await lifecycle(id)).viewings.at(-1).lockGrant,
      planned.body.lockGrant,
      'the grant window is stored with the viewing',
    );

    const [mail] = await mailsTo(server, email);
    assert.ok(mail, 'the confirmation is sent');
    assert.equal(mail.from, 'vermietung@wohnbau-test.example');
    assert.match(mail.replyTo!, /^vermietung\+lead-[a-z0-9]+@wohnbau-test\.example$/, 'answers come back into the thread');
    assert.match(mail.subject, /^Besichtigung am /);
    assert.match(mail.text, /^Guten Tag Jonas Weber,/);
    assert.match(mail.text, /Adresse: .+, \d{5} /);
    assert.match(mail.text, /Hinweis: Klingeln bei Hausmeister Yilmaz/);
    assert.match(mail.text, /Türschloss öffnet sich/);
    const [ics] = mail.attachments ?? [];
    assert.equal(ics.filename, 'besichtigung.ics');
    const calendar = String(ics.content).replace(/\r\n[ \t]/g, ''); // RFC 5545 unfolding
    assert.match(calendar, /^DESCRIPTION:.*Klingeln bei Hausmeister Yilmaz/m);
    assert.match(calendar, /^LOCATION:.+\\, \d{5} /m);
    assert.match(calendar, new RegExp(`^DTSTART:${startsAt.toISOString().replace(/[-:]|\.\d+/g, '')}`, 'm'));
    const thread = (await clerk.get(`/api/staff/leads/${id}/messages`)).body.items as any[];
    assert.deepEqual(
      [thread.at(-1).direction, thread.at(-1).subject, thread.at(-1).sentBy],
      ['out', mail.subject, 'Clara Sachbearbeiterin'],
    );

    // A viewing recorded after it took place is not confirmed to anyone.
    const recorded = await clerk.post(`/api/staff/leads/${id}/viewings`, {
      startsAt: new Date(Date.now() - 3_600_000).toISOString(),
      durationMinutes: 30,
    });
    assert.deepEqual([recorded.status, recorded.body.confirmationSentTo], [201, null]);
    assert.equal((await mailsTo(server, email, 2, 300)).length, 1);
  });

  it('abgelehnt needs a reason; free text touching § 19 AGG warns until the clerk overrides, and the warning is recorded', async () => {
    const { is24 } = await newListing();
    const id = await deliver(is24);
    const none = await move(id, { to: 'abgelehnt' });
    assert.deepEqual([none.status, none.body.error.code], [400, 'rejection_reason_required']);
    const unknown = await move(id, { to: 'abgelehnt', reasonCode: 'passt_nicht' });
    assert.deepEqual([unknown.status, unknown.body.error.code], [400, 'validation_failed']);

    const text = 'Trägt Kopftuch, passt nicht ins Haus.';
    const warned = await move(id, { to: 'abgelehnt', reasonText: text });
    assert.deepEqual([warned.status, warned.body.error.code], [409, 'agg_warning']);
    assert.deepEqual(warned.body.error.details.warnings, [
      { characteristic: 'religion', label: 'Religion oder Weltanschauung', term: 'Kopftuch' },
    ]);
    assert.match(warned.body.error.message, /§ 19 AGG/);
    assert.equal((await lifecycle(id)).lead.status, 'offen', 'nothing changed');

    const overridden = await move(id, { to: 'abgelehnt', reasonText: text, acknowledgeAggWarning: true });
    assert.equal(overridden.status, 200);
    const entry = (await trail(id)).find((event) => event.kind === 'status_changed');
    assert.equal(entry.reason, text);
    assert.deepEqual(entry.details.aggWarningAcknowledged, true);
    assert.deepEqual(entry.details.aggWarnings[0].characteristic, 'religion');

    // An objective reason from the catalogue (with or without text) passes at once.
    const other = await deliver(is24);
    const objective = await move(other, {
      to: 'abgelehnt',
      reasonCode: 'unterlagen_unvollstaendig',
      reasonText: 'Gehaltsnachweise fehlen trotz zweimaliger Nachfrage.',
    });
    assert.equal(objective.status, 200);
    assert.equal(
      (await trail(other)).find((event) => event.kind === 'status_changed').reason,
      'Unterlagen trotz Nachfrage unvollständig – Gehaltsnachweise fehlen trotz zweimaliger Nachfrage.',
    );
  });

  it('every rejected person gets a prepared message that is sent only after a clerk edits and releases it; a rejected lead can be reactivated', async () => {
    const { is24 } = await newListing();
    const email = `absage-${randomUUID().slice(0, 8)}@example.org`;
    const id = await deliver(is24, { firstName: 'Mara', lastName: 'Klein', email });
    assert.equal((await move(id, { to: 'abgelehnt', reasonCode: 'einzugstermin_unpassend' })).status, 200);
    const prepared = (await lifecycle(id)).rejectionMessage;
    assert.equal(prepared.releasedAt, null);
    assert.match(prepared.body, /^Guten Tag Mara Klein,/);
    assert.doesNotMatch(prepared.body, /Einzugstermin/, 'the internal reason is not in the prepared text');
    assert.deepEqual(await mailsTo(server, email, 1, 300), [], 'nothing sent before the release');

    const edited = await clerk.request('PUT', `/api/staff/leads/${id}/rejection-message`, {
      body: `${prepared.body}\n\nPS: Gern melden wir uns bei einer passenden Wohnung.`,
    });
    assert.equal(edited.status, 200);
    const released = await clerk.post(`/api/staff/leads/${id}/rejection-message/release`, { subject: 'Ihre Anfrage bei uns' });
    assert.equal(released.status, 200, JSON.stringify(released.body));
    assert.deepEqual(
      [released.body.sentTo, released.body.releasedBy, released.body.subject],
      [email, 'Clara Sachbearbeiterin', 'Ihre Anfrage bei uns'],
    );
    const [mail] = await mailsTo(server, email);
    assert.equal(mail.subject, 'Ihre Anfrage bei uns');
    assert.match(mail.text, /PS: Gern melden wir uns/);
    const again = await clerk.post(`/api/staff/leads/${id}/rejection-message/release`, {});
    assert.deepEqual([again.status, again.body.error.code], [409, 'rejection_message_missing']);
    assert.ok((await trail(id)).some((event) => event.kind === 'rejection_message_released'));

    // Reactivation: back to kontaktiert, through the same gate.
    const blocked = await move(id, { to: 'kontaktiert', contactMessage: 'Neue Lage: Wohnung wieder frei.' });
    assert.deepEqual([blocked.status, blocked.body.error.code], [409, 'lead_gate_failed']);
    await toContacted(id);
    const reactivated = (await trail(id)).filter((event) => event.kind === 'status_changed').at(-1);
    assert.deepEqual([reactivated.from, reactivated.to, reactivated.reason], ['abgelehnt', 'kontaktiert', 'Reaktiviert']);
  });

  it('nobody can edit or delete the trail: UPDATE and DELETE by the app role fail', async () => {
    for (const role of ['clerk', 'admin'] as const) {
      const scope = { role, tenantId: company.tenant.id, accountId: role === 'clerk' ? company.clerk.id : company.admin.id };
      for (const sql of [`UPDATE lead_events SET reason = 'geändert'`, `DELETE FROM lead_events`]) {
        await assert.rejects(
          withScope(server.db, scope, (tx) => tx.query(sql)),
          (error: { code?: string }) => error.code === '42501',
          `${role}: ${sql}`,
        );
      }
    }
  });

  it('accepting cascades in one transaction: letting case with the contract draft, the others rejected with a message each, the listing let and withdrawn from every portal', async () => {
    const listing = await newListing();
    const chosen = await deliver(listing.is24, { firstName: 'Lena', lastName: 'Vogel' });
    const waiting = await deliver(listing.is24);
    const contacted = await deliver(listing.is24);
    const rejected = await deliver(listing.is24);
    await toViewed(chosen);
    await toContacted(contacted);
    assert.equal((await move(rejected, { to: 'abgelehnt', reasonCode: 'nicht_erreichbar' })).status, 200);

    const accepted = await move(chosen, { to: 'akzeptiert', note: 'Zusage nach Besichtigung.' });
    assert.equal(accepted.status, 200, JSON.stringify(accepted.body));
    assert.equal(accepted.body.lead.status, 'akzeptiert');
    assert.deepEqual(new Set(accepted.body.alsoRejected), new Set([waiting, contacted]));

    // (1) the letting case, prefilled from lead and listing, commission included
    const lettingCase = (await clerk.get(`/api/staff/cases/${accepted.body.lettingCaseId}`)).body.case;
    assert.deepEqual([lettingCase.type, lettingCase.source, lettingCase.applicant.name], ['letting', 'lead', 'Lena Vogel']);
    assert.match(lettingCase.description, /Provision: Provisionsfrei für Mietinteressenten/);
    assert.match(lettingCase.description, /Kaltmiete: 890,00 € · Nebenkosten-Vorauszahlung: 210,00 € · Gesamtmiete: 1100,00 €/);
    assert.equal((await lifecycle(chosen)).lettingCaseId, lettingCase.id);
    const acceptance = (await trail(chosen)).at(-1);
    assert.deepEqual(
      [acceptance.to, acceptance.details.lettingCaseId, acceptance.details.contractDraft.commission],
      ['akzeptiert', lettingCase.id, 'Provisionsfrei für Mietinteressenten'],
    );
    assert.deepEqual(
      Object.keys(acceptance.details.contractDraft.tenant),
      ['name', 'email'],
      'no phone or address in the trail every clerk reads',
    );
    // (2) the other open leads: rejected with "Wohnung anderweitig vermietet" and a message awaiting release
    for (const other of [waiting, contacted]) {
      const view = await lifecycle(other);
      assert.equal(view.lead.status, 'abgelehnt');
      assert.equal(view.rejectionMessage.releasedAt, null);
      assert.match(view.rejectionMessage.body, /anderweitig vermietet/);
      const entry = (await trail(other)).filter((event) => event.kind === 'status_changed').at(-1);
      assert.deepEqual(
        [entry.reason, entry.details.reasonCode, entry.details.acceptedLeadId],
        ['Wohnung anderweitig vermietet', 'anderweitig_vermietet', chosen],
      );
    }
    assert.equal(
      (await trail(rejected)).filter((event) => event.kind === 'status_changed').length,
      1,
      'an already rejected lead is left alone',
    );
    // (3) the listing is let and withdrawn from both portals (through the outbox)
    assert.equal((await clerk.get(`/api/staff/listings/${listing.id}`)).body.status, 'vermietet');
    const deadline = Date.now() + 5000;
    while (withdrawals.filter((entry) => entry.listingId === listing.id).length < 2 && Date.now() < deadline)
      await new Promise((r) => setTimeout(r, 25));
    assert.deepEqual(
      withdrawals
        .filter((entry) => entry.listingId === listing.id)
        .map((entry) => entry.provider)
        .sort(),
      ['immoscout24', 'immowelt'],
    );
  });

  it('the cascade is all or nothing: when its last step fails, lead, other leads, listing and cases stay as they were', async () => {
    const listing = await newListing();
    const chosen = await deliver(listing.is24);
    const other = await deliver(listing.is24);
    await toViewed(chosen);
    const version = await versionOf(chosen);
    const lettingCases = async () => (await clerk.get('/api/staff/cases?type=letting&limit=100')).body.items.length;
    const casesBefore = await lettingCases();
    // A withdrawal under the key the acceptance will use is queued already: the cascade's last insert fails.
    await withScope(server.db, { role: 'clerk', tenantId: company.tenant.id, accountId: company.clerk.id }, (tx) =>
      insertOutboxEntry(tx, {
        tenantId: company.tenant.id,
        topic: LISTING_PUBLISHER_TOPIC,
        orderingKey: `isolated-${listing.id}`,
        idempotencyKey: `withdraw:${listing.id}:immowelt`,
        payload: { listingId: randomUUID(), provider: 'immowelt', providerListingId: 'x', reason: 'vermietet' },
      }),
    );
    const failed = await clerk.post(`/api/staff/leads/${chosen}/move`, { to: 'akzeptiert', version });
    assert.equal(failed.status, 500);
    const [chosenNow, otherNow] = [await lifecycle(chosen), await lifecycle(other)];
    assert.deepEqual([chosenNow.lead.status, chosenNow.lead.version, chosenNow.lettingCaseId], ['besichtigt', version, null]);
    assert.deepEqual([otherNow.lead.status, otherNow.rejectionMessage], ['offen', null]);
    assert.equal((await clerk.get(`/api/staff/listings/${listing.id}`)).body.status, 'aktiv');
    assert.equal(await lettingCases(), casesBefore, 'no letting case');
    assert.equal((await trail(chosen)).at(-1).to, 'besichtigt', 'no acceptance in the trail');
  });

  it('two clerks accepting two leads of one listing at the same time: exactly one acceptance, one letting case, one withdrawal per portal', async () => {
    const listing = await newListing();
    const [first, second] = [await deliver(listing.is24), await deliver(listing.is24)];
    await toViewed(first);
    await toViewed(second);
    const casesBefore = (await clerk.get('/api/staff/cases?type=letting&limit=100')).body.items.length;
    const [a, b] = await Promise.all([
      clerk.post(`/api/staff/leads/${first}/move`, { to: 'akzeptiert', version: await versionOf(first) }),
      admin.post(`/api/staff/leads/${second}/move`, { to: 'akzeptiert', version: await versionOf(second) }),
    ]);
    assert.deepEqual([a.status, b.status].sort(), [200, 409]);
    const lost = a.status === 409 ? a : b;
    assert.ok(['listing_already_let', 'lead_conflict'].includes(lost.body.error.code), lost.body.error.code);
    const statuses = [(await lifecycle(first)).lead.status, (await lifecycle(second)).lead.status].sort();
    assert.deepEqual(statuses, ['abgelehnt', 'akzeptiert']);
    assert.equal((await clerk.get('/api/staff/cases?type=letting&limit=100')).body.items.length, casesBefore + 1);
    await new Promise((r) => setTimeout(r, 500));
    assert.equal(withdrawals.filter((entry) => entry.listingId === listing.id).length, 2);
  });

  it('§ 21 AGG: a clerk with the letting permission exports the decision history and sets a legal hold, each written to the trail', async () => {
    const { is24 } = await newListing();
    const id = await deliver(is24, { firstName: 'Tarek', lastName: 'Aydin' });
    assert.equal((await move(id, { to: 'abgelehnt', reasonCode: 'einkommen_nicht_ausreichend' })).status, 200);

    const held = await clerk.request('PUT', `/api/staff/leads/${id}/legal-hold`, {
      hold: true,
      reason: 'Anfrage nach § 21 AGG vom 27.11.',
    });
    assert.equal(held.status, 200);
    assert.equal(held.body.legalHold.reason, 'Anfrage nach § 21 AGG vom 27.11.');
    const exported = await clerk.get(`/api/staff/leads/${id}/decision-export`);
    assert.equal(exported.status, 200);
    assert.equal(exported.body.lead.name, 'Tarek Aydin');
    assert.deepEqual(
      exported.body.decisions.map((event: any) => [event.kind, event.to, event.reason]),
      [
        ['created', 'offen', null],
        ['status_changed', 'abgelehnt', 'Einkommen im Verhältnis zur Miete nicht ausreichend'],
        ['legal_hold_set', null, 'Anfrage nach § 21 AGG vom 27.11.'],
      ],
    );
    assert.equal(exported.body.rejectionMessages.length, 1);
    assert.equal(exported.body.legalHold.reason, 'Anfrage nach § 21 AGG vom 27.11.');

    // Without the letting permission: neither export nor hold.
    assert.equal((await admin.get(`/api/staff/leads/${id}/decision-export`)).status, 403);
    assert.equal((await admin.request('PUT', `/api/staff/leads/${id}/legal-hold`, { hold: false })).status, 403);
    const cleared = await clerk.request('PUT', `/api/staff/leads/${id}/legal-hold`, { hold: false });
    assert.deepEqual(cleared.body, { legalHold: null });
    const kinds = (await trail(id)).map((event) => event.kind);
    assert.deepEqual(kinds.slice(-3), ['legal_hold_set', 'decisions_exported', 'legal_hold_cleared']);
  });

  it('a clerk assigns a lead from "nicht zugeordnet" to an active listing with the version seen; it moves to offen live, with the listing’s commission', async () => {
    const { id: listingId } = await newListing();
    const id = await deliver('IS24-GIBT-ES-NICHT');
    assert.equal((await lifecycle(id)).lead.column, 'nicht_zugeordnet');
    const version = await versionOf(id);
    const put = (body: Record<string, unknown>) => clerk.request('PUT', `/api/staff/leads/${id}/listing`, body);

    const stale = await put({ listingId, version: version + 1 });
    assert.deepEqual([stale.status, stale.body.error.code], [409, 'lead_conflict']);
    const unknown = await put({ listingId: randomUUID(), version });
    assert.equal(unknown.status, 404);
    const { id: letId } = await newListing();
    assert.equal((await clerk.request('PATCH', `/api/staff/listings/${letId}`, { status: 'vermietet' })).status, 200);
    const let_ = await put({ listingId: letId, version });
    assert.deepEqual([let_.status, let_.body.error.code], [409, 'listing_already_let']);

    const socket = await connectSocket(server, clerk);
    try {
      const live = nextEvent(socket, 'lead:changed');
      const assigned = await put({ listingId, version });
      assert.equal(assigned.status, 200, JSON.stringify(assigned.body));
      assert.deepEqual([assigned.body.column, assigned.body.listing.id, assigned.body.version], ['offen', listingId, version + 1]);
      const event = (await live) as { change: string; lead: { id: string; column: string } };
      assert.deepEqual([event.change, event.lead.id, event.lead.column], ['listing_assigned', id, 'offen']);
    } finally {
      socket.close();
    }
    const detail = (await clerk.get(`/api/staff/leads/${id}`)).body;
    assert.equal(detail.lead.commission, 'Provisionsfrei für Mietinteressenten');
    assert.deepEqual(detail.events.at(-1).kind, 'listing_assigned');

    assert.equal((await move(id, { to: 'abgelehnt', reasonCode: 'einzugstermin_unpassend' })).status, 200);
    const closed = await put({ listingId, version: await versionOf(id) });
    assert.deepEqual([closed.status, closed.body.error.code], [409, 'lead_transition_invalid']);
  });
});
