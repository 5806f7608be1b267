import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { RunningServer } from '../server.ts';
import { closeTestDatabase, mailsTo, startTestServer, testDatabase, TestClient } from '../test/harness.ts';
import type { Database } from '../db/database.ts';
import { withScope } from '../db/scope.ts';
import { createHousingCompany, type HousingCompany } from '../test/fixtures.ts';
import { signInResident, signInStaff } from '../test/sign-in.ts';
import { createListing } from '../leads/lead-test-support.ts';
import { createRecordingSmartLock } from './testing.ts';
import { asInvitee, createSlot, inDays, insertLead, invite } from './viewing-test-support.ts';

/**
 * Self-service viewings over HTTP: a clerk offers slots and invites leads; the invited person books, moves, cancels
 * and waits through the signed link, and every step is mailed. The smart lock is a recording double.
 */
describe('viewing slots and bookings', () => {
  let server: RunningServer;
  let db: Database;
  let company: HousingCompany;
  let clerk: TestClient;
  let listingId: string;
  const smartLock = createRecordingSmartLock();
  let offsetMs = 0;
  const clock = { now: () => new Date(Date.now() + offsetMs) };
  const visitor = () => new TestClient(server.url);

  before(async () => {
    db = (await testDatabase()).db;
    server = await startTestServer({}, { smartLock, clock });
    company = await createHousingCompany(db, { name: 'Wohnbau Nord eG' });
    clerk = await signInStaff(server, company, 'clerk');
    listingId = (await createListing(clerk, company, { title: '3-Zimmer-Wohnung mit Balkon' })).id;
  });
  after(async () => {
    await server.stop();
    await closeTestDatabase();
  });

  it('a clerk offers a slot; times in the past and bad numbers are refused field by field in German', async () => {
    const slot = await createSlot(clerk, listingId, {
      startsAt: inDays(2),
      durationMinutes: 45,
      capacity: 6,
      note: 'Treffpunkt: vor dem Haus',
    });
    const listed = await clerk.get(`/api/staff/listings/${listingId}/viewing-slots`);
    assert.equal(listed.status, 200);
    const shown = listed.body.items.find((item: any) => item.id === slot.id);
    assert.deepEqual(
      { ...shown, id: undefined },
      {
        id: undefined,
        listingId,
        startsAt: inDays(2),
        endsAt: new Date(Date.parse(inDays(2)) + 45 * 60_000).toISOString(),
        durationMinutes: 45,
        capacity: 6,
        note: 'Treffpunkt: vor dem Haus',
        smartLock: false,
        booked: 0,
        waitlisted: 0,
        bookings: [],
      },
    );
    const past = await clerk.post(`/api/staff/listings/${listingId}/viewing-slots`, { startsAt: '2020-01-01T10:00:00Z' });
    assert.equal(past.status, 400);
    assert.equal(past.body.error.details.fields[0].message, 'Der Termin muss in der Zukunft liegen.');
    const bad = await clerk.post(`/api/staff/listings/${listingId}/viewing-slots`, { startsAt: 'morgen', capacity: 0, durationMinutes: 2 });
    assert.equal(bad.status, 400);
    assert.deepEqual(bad.body.error.details.fields.map((field: any) => field.path).sort(), ['capacity', 'durationMinutes', 'startsAt']);
    const resident = await signInResident(server, company);
    assert.equal((await resident.get(`/api/staff/listings/${listingId}/viewing-slots`)).status, 403);
  });

  it('the invitation’s link opens the public booking page: <viewing-booking> alone, under the pages’ policy, sending no Referer', async () => {
    const page = await fetch(`${server.url}/besichtigung`);
    assert.equal(page.status, 200);
    assert.match(page.headers.get('content-type') ?? '', /text\/html/);
    assert.equal(page.headers.get('referrer-policy'), 'no-referrer');
    assert.match(page.headers.get('content-security-policy') ?? '', /script-src 'self'/);
    const body = await page.text();
    assert.match(body, /<viewing-booking><\/viewing-booking>/);
    assert.match(body, /<html lang="de">/);
  });

  it('the invitation mails a signed link; a lead without e-mail or listing cannot be invited', async () => {
    const lead = await insertLead(db, company, listingId, 'Jana Beispiel');
    const invitation = await invite(clerk, lead.id);
    assert.equal(invitation.sentTo, lead.email);
    const [mail] = await mailsTo(server, lead.email);
    assert.match(mail.subject, /Einladung zur Besichtigung – 3-Zimmer-Wohnung mit Balkon/);
    assert.ok(mail.text.includes(invitation.url), 'the mail carries the link');
    assert.match(mail.text, /Lindenallee 12, 20259 Hamburg/);
    // The invitation is in the lead's thread, its personal link (a key) shown only as a placeholder.
    const thread = (await clerk.get(`/api/staff/leads/${lead.id}/messages`)).body.items as Array<{ subject: string; body: string }>;
    const filed = thread.find((message) => message.subject === mail.subject)!;
    assert.ok(filed, 'the invitation is filed in the thread');
    assert.ok(!filed.body.includes(invitation.token), 'no usable link in the thread');
    assert.match(filed.body, /\[persönlicher Link\]/);
    const state = await asInvitee(visitor(), invitation.token).state();
    assert.equal(state.status, 200, JSON.stringify(state.body));
    assert.deepEqual(state.body.company, { name: 'Wohnbau Nord eG' });
    assert.deepEqual(state.body.listing, {
      title: '3-Zimmer-Wohnung mit Balkon',
      address: { street: 'Lindenallee 12', postalCode: '20259', city: 'Hamburg' },
    });
    assert.equal(state.body.booking, null);

    const unassigned = await insertLead(db, company, null);
    const refused = await clerk.post(`/api/staff/leads/${unassigned.id}/viewing-invitation`, {});
    assert.equal(refused.status, 409);
    assert.equal(refused.body.error.code, 'lead_without_listing');
    assert.equal((await clerk.post(`/api/staff/leads/${crypto.randomUUID()}/viewing-invitation`, {})).status, 404);
  });

  it('booking confirms by mail with address, time, note and an ICS file; the ICS downloads too', async () => {
    const slot = await createSlot(clerk, listingId, {
      startsAt: inDays(4, 16),
      durationMinutes: 30,
      capacity: 2,
      note: 'Bitte bei Meier klingeln',
    });
    const lead = await insertLead(db, company, listingId, 'Ole Ordentlich');
    const { token } = await invite(clerk, lead.id);
    const invitee = asInvitee(visitor(), token);
    const booked = await invitee.book(slot.id);
    assert.equal(booked.status, 200, JSON.stringify(booked.body));
    assert.equal(booked.body.booking.status, 'booked');
    assert.equal(booked.body.booking.slotId, slot.id);
    assert.equal(booked.body.slots.find((item: any) => item.id === slot.id).free, 1);

    const mails = await mailsTo(server, lead.email, 2);
    const confirmation = mails.find((mail) => mail.subject.startsWith('Besichtigung am'))!;
    assert.ok(confirmation, 'a confirmation mail');
    assert.match(confirmation.text, /Adresse: Lindenallee 12, 20259 Hamburg/);
    assert.match(confirmation.text, /Zeit: \w+, \d\d\.\d\d\.\d{4}, 1[78]:00–1[78]:30 Uhr/);
    assert.match(confirmation.text, /Hinweis: Bitte bei Meier klingeln/);
    const [ics] = confirmation.attachments ?? [];
    assert.equal(ics.filename, 'besichtigung.ics');
    assert.match(ics.contentType, /^text\/calendar/);
    assert.match(ics.content, /BEGIN:VCALENDAR/);
    const start = inDays(4, 16).replace(/[-:]/g, '').replace('.000', '');
    assert.ok(ics.content.includes(`DTSTART:${start}`), ics.content);
    assert.match(ics.content, /LOCATION:Lindenallee 12\\, 20259 Hamburg/);
    assert.match(ics.content.replace(/\r\n /g, ''), /Bitte bei Meier klingeln/);

    const download = await invitee.calendar();
    assert.equal(download.status, 200);
    assert.match(download.headers.get('content-disposition') ?? '', /besichtigung\.ics/);
    assert.ok(String(download.body).includes(`DTSTART:${start}`));

    const staff = (await clerk.get(`/api/staff/listings/${listingId}/viewing-slots`)).body.items.find((item: any) => item.id === slot.id);
    assert.deepEqual(
      staff.bookings.map((entry: any) => [entry.leadName, entry.status]),
      [['Ole Ordentlich', 'booked']],
    );
    const withdraw = await clerk.delete(`/api/staff/viewing-slots/${slot.id}`);
    assert.equal(withdraw.status, 409);
    assert.equal(withdraw.body.error.code, 'viewing_slot_has_bookings');
  });

  it('moving frees the old place; cancelling frees it and says so by mail', async () => {
    const [first, second] = [
      await createSlot(clerk, listingId, { startsAt: inDays(5) }),
      await createSlot(clerk, listingId, { startsAt: inDays(6) }),
    ];
    const lead = await insertLead(db, company, listingId);
    const invitee = asInvitee(visitor(), (await invite(clerk, lead.id)).token);
    assert.equal((await invitee.book(first.id)).status, 200);
    const moved = await invitee.book(second.id);
    assert.equal(moved.status, 200);
    assert.equal(moved.body.booking.slotId, second.id);
    const free = (body: any, id: string) => body.slots.find((item: any) => item.id === id).free;
    assert.deepEqual([free(moved.body, first.id), free(moved.body, second.id)], [1, 0]);
    const cancelled = await invitee.cancel();
    assert.equal(cancelled.status, 200);
    assert.equal(cancelled.body.booking, null);
    assert.equal(free(cancelled.body, second.id), 1);
    const subjects = (await mailsTo(server, lead.email, 4)).map((mail) => mail.subject.split(' am ')[0]);
    assert.deepEqual(subjects.sort(), [
      'Abgesagt: Besichtigung',
      'Besichtigung',
      'Besichtigung',
      'Einladung zur Besichtigung – 3-Zimmer-Wohnung mit Balkon',
    ]);
    const again = await invitee.cancel();
    assert.equal(again.status, 404);
    assert.equal((await invitee.calendar()).status, 404);
  });

  it('a full slot refuses with slot_full or takes the person onto its waitlist; a freed place goes to the first waiting, who is mailed', async () => {
    const slot = await createSlot(clerk, listingId, { startsAt: inDays(7), capacity: 1 });
    const [ana, ben, cem] = [
      await insertLead(db, company, listingId, 'Ana'),
      await insertLead(db, company, listingId, 'Ben'),
      await insertLead(db, company, listingId, 'Cem'),
    ];
    const [asAna, asBen, asCem] = [
      asInvitee(visitor(), (await invite(clerk, ana.id)).token),
      asInvitee(visitor(), (await invite(clerk, ben.id)).token),
      asInvitee(visitor(), (await invite(clerk, cem.id)).token),
    ];
    assert.equal((await asAna.book(slot.id)).status, 200);
    const full = await asBen.book(slot.id);
    assert.equal(full.status, 409);
    assert.equal(full.body.error.code, 'slot_full');
    assert.match(full.body.error.message, /ausgebucht/);
    const benWaits = await asBen.book(slot.id, true);
    assert.equal(benWaits.status, 200);
    assert.deepEqual([benWaits.body.booking.status, benWaits.body.booking.waitlistPosition], ['waitlisted', 1]);
    const cemWaits = await asCem.book(slot.id, true);
    assert.equal(cemWaits.body.booking.waitlistPosition, 2);
    assert.ok((await mailsTo(server, ben.email, 2)).some((mail) => mail.subject.startsWith('Warteliste')));

    assert.equal((await asAna.cancel()).status, 200);
    const benNow = await asBen.state();
    assert.deepEqual([benNow.body.booking.status, benNow.body.booking.waitlistPosition], ['booked', null]);
    assert.equal((await asCem.state()).body.booking.waitlistPosition, 1);
    const promoted = (await mailsTo(server, ben.email, 3)).find((mail) => mail.subject.startsWith('Nachgerückt'));
    assert.ok(promoted, 'Ben is told he moved up');
    assert.match(promoted.text, /von der Warteliste nachgerückt/);
    assert.match(promoted.text, /\/besichtigung#token=/);
    assert.equal(promoted.attachments?.[0].filename, 'besichtigung.ics');
  });

  it('two people booking the last place at the same moment: one gets it, the other slot_full', async () => {
    const slot = await createSlot(clerk, listingId, { startsAt: inDays(8), capacity: 2 });
    const early = await insertLead(db, company, listingId);
    assert.equal((await asInvitee(visitor(), (await invite(clerk, early.id)).token).book(slot.id)).status, 200);
    const [one, two] = [await insertLead(db, company, listingId), await insertLead(db, company, listingId)];
    const [tokenOne, tokenTwo] = [(await invite(clerk, one.id)).token, (await invite(clerk, two.id)).token];
    const [clientOne, clientTwo] = [visitor(), visitor()];
    await Promise.all([clientOne.csrfToken(), clientTwo.csrfToken()]);
    const answers = await Promise.all([asInvitee(clientOne, tokenOne).book(slot.id), asInvitee(clientTwo, tokenTwo).book(slot.id)]);
    assert.deepEqual(answers.map((answer) => answer.status).sort(), [200, 409], JSON.stringify(answers.map((a) => a.body)));
    assert.equal(answers.find((answer) => answer.status === 409)!.body.error.code, 'slot_full');
    const staff = (await clerk.get(`/api/staff/listings/${listingId}/viewing-slots`)).body.items.find((item: any) => item.id === slot.id);
    assert.equal(staff.booked, 2);
  });

  it('a slot with the smart lock gets a time-limited grant stored with the booking; moving revokes it', async () => {
    const locked = await createSlot(clerk, listingId, { startsAt: inDays(9, 10), durationMinutes: 30, smartLock: true });
    const plain = await createSlot(clerk, listingId, { startsAt: inDays(10) });
    const lead = await insertLead(db, company, listingId);
    const invitee = asInvitee(visitor(), (await invite(clerk, lead.id)).token);
    const booked = await invitee.book(locked.id);
    const from = new Date(Date.parse(inDays(9, 10)) - 15 * 60_000).toISOString();
    const until = new Date(Date.parse(inDays(9, 10)) + 45 * 60_000).toISOString();
    assert.deepEqual(booked.body.booking.lockGrant, { from, until });
    const grant = smartLock.grants.at(-1)!;
    assert.deepEqual([grant.from.toISOString(), grant.until.toISOString(), grant.listingId], [from, until, listingId]);
    const staff = (await clerk.get(`/api/staff/listings/${listingId}/viewing-slots`)).body.items.find((item: any) => item.id === locked.id);
    assert.deepEqual(staff.bookings[0].lockGrant, { from, until });
    const confirmation = (await mailsTo(server, lead.email, 2)).find((mail) => mail.subject.startsWith('Besichtigung am'))!;
    assert.match(confirmation.text, /Zugang: Das Türschloss öffnet sich für Sie von/);

    const moved = await invitee.book(plain.id);
    assert.equal(moved.body.booking.lockGrant, null);
    assert.equal(grant.revoked, true);

    smartLock.failing = true;
    try {
      const other = await insertLead(db, company, listingId);
      const withoutLock = await asInvitee(visitor(), (await invite(clerk, other.id)).token).book(locked.id);
      assert.equal(withoutLock.status, 200, 'a failing lock costs no booking');
      assert.equal(withoutLock.body.booking.lockGrant, null);
    } finally {
      smartLock.failing = false;
    }
  });

  it('a slot that has begun or was withdrawn cannot be booked; a slot of another listing is not found', async () => {
    const otherListing = (await createListing(clerk, company)).id;
    const foreign = await createSlot(clerk, otherListing, { startsAt: inDays(3) });
    const withdrawn = await createSlot(clerk, listingId, { startsAt: inDays(11) });
    assert.equal((await clerk.delete(`/api/staff/viewing-slots/${withdrawn.id}`)).status, 204);
    const lead = await insertLead(db, company, listingId);
    const invitee = asInvitee(visitor(), (await invite(clerk, lead.id)).token);
    assert.equal((await invitee.book(foreign.id)).status, 404);
    const gone = await invitee.book(withdrawn.id);
    assert.equal(gone.status, 409);
    assert.equal(gone.body.error.code, 'viewing_slot_unavailable');
    assert.ok(!(await invitee.state()).body.slots.some((item: any) => item.id === withdrawn.id));
    const other = await createHousingCompany(db);
    assert.equal((await clerk.delete(`/api/staff/viewing-slots/${foreign.id}`)).status, 204);
    assert.ok(other);
  });

  it('a booked viewing counts as the lead’s viewing: mirrored on booking, moved with it, gone when cancelled; after it the lead can move to besichtigt', async () => {
    const [first, second] = [
      await createSlot(clerk, listingId, { startsAt: inDays(12), note: 'Erdgeschoss' }),
      await createSlot(clerk, listingId, { startsAt: inDays(13) }),
    ];
    const lead = await insertLead(db, company, listingId);
    const viewings = () =>
      withScope(db, { role: 'clerk', tenantId: company.tenant.id, accountId: company.clerk.id }, async (tx) =>
        (
          await tx.query<{ starts_at: Date; note: string | null }>(`SELECT starts_at, note FROM lead_viewings WHERE lead_id = $1`, [
            lead.id,
          ])
        ).rows.map((row) => [new Date(row.starts_at).toISOString(), row.note]),
      );
    const invitee = asInvitee(visitor(), (await invite(clerk, lead.id)).token);
    assert.equal((await invitee.book(first.id)).status, 200);
    assert.deepEqual(await viewings(), [[inDays(12), 'Erdgeschoss']]);
    assert.equal((await invitee.book(second.id)).status, 200);
    assert.deepEqual(await viewings(), [[inDays(13), null]]);
    assert.equal((await invitee.cancel()).status, 200);
    assert.deepEqual(await viewings(), []);

    assert.equal((await invitee.book(first.id)).status, 200);
    const version = await withScope(
      db,
      { role: 'clerk', tenantId: company.tenant.id, accountId: company.clerk.id },
      async (tx) =>
        (await tx.query<{ version: number }>(`UPDATE leads SET status = 'kontaktiert' WHERE id = $1 RETURNING version`, [lead.id])).rows[0]
          .version,
    );
    const tooEarly = await clerk.post(`/api/staff/leads/${lead.id}/move`, { to: 'besichtigt', version });
    assert.equal(tooEarly.status, 409, JSON.stringify(tooEarly.body));
    assert.equal(tooEarly.body.error.code, 'viewing_required');
    offsetMs = 13 * 86_400_000;
    try {
      const moved = await clerk.post(`/api/staff/leads/${lead.id}/move`, { to: 'besichtigt', version });
      assert.equal(moved.status, 200, JSON.stringify(moved.body));
    } finally {
      offsetMs = 0;
    }
  });
});
