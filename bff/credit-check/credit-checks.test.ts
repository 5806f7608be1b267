import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { RunningServer } from '../server.ts';
import { closeTestDatabase, mailsTo, startTestServer, testDatabase, TestClient } from '../test/harness.ts';
import type { TestDatabase } from '../test/database.ts';
import { createHousingCompany, type HousingCompany } from '../test/fixtures.ts';
import { signInStaff } from '../test/sign-in.ts';
import { superuser, type Superuser } from '../isolation/support.ts';
import { createListing } from '../leads/lead-test-support.ts';
import { asInvitee, invite } from '../viewings/viewing-test-support.ts';
import { ConfigError, loadConfig } from '../config.ts';
import { createDemoCreditCheck } from './demo.ts';
import { asPerson, enteredData, insertLeadIn, requestConsent } from './credit-check-test-support.ts';
import { RAW_BUREAU_MARKERS, startBureauDouble, type BureauDouble } from './testing.ts';

/**
 * Credit check over HTTP (docs/leads.md, "Bonitätsprüfung"), with the HTTP adapter against a loopback bureau that
 * answers raw data besides reference and class: the gates (stage, consent), the consent through the signed link, what
 * the lead keeps (reference and class only), withdrawal, the link's refusals and another company's reach.
 */
const API_KEY = 'bureau-test-key-0123456789';

describe('credit check of leads', () => {
  let test: TestDatabase;
  let su: Superuser;
  let server: RunningServer;
  let bureau: BureauDouble;
  let company: HousingCompany;
  let other: HousingCompany;
  let clerk: TestClient;
  let otherClerk: TestClient;
  let listingId: string;
  let offsetMs = 0;
  const clock = { now: () => new Date(Date.now() + offsetMs) };
  const visitor = () => new TestClient(server.url);
  const refusal = async (answer: Promise<{ status: number; body: any }>) => {
    const { status, body } = await answer;
    return [status, body?.error?.code, body?.error?.message];
  };
  const state = async (leadId: string) => {
    const answer = await clerk.get(`/api/staff/leads/${leadId}/credit-check`);
    assert.equal(answer.status, 200, JSON.stringify(answer.body));
    return answer.body;
  };
  const besichtigt = () => insertLeadIn(test.db, company, listingId, 'besichtigt');

  /** Every row of every table that contains `needle` (as text), for "stored nowhere" checks. */
  async function rowsContaining(needle: string): Promise<string[]> {
    const tables = await su.query<{ name: string }>(
      `SELECT c.relname AS name FROM pg_class c WHERE c.relnamespace = 'public'::regnamespace AND c.relkind = 'r' ORDER BY 1`,
    );
    const found: string[] = [];
    for (const { name } of tables) {
      const rows = await su.query<{ row: string }>(`SELECT t::text AS row FROM "${name}" t WHERE strpos(t::text, $1) > 0`, [needle]);
      found.push(...rows.map(({ row }) => `${name}: ${row.slice(0, 200)}`));
    }
    return found;
  }

  before(async () => {
    test = await testDatabase();
    su = await superuser(test);
    bureau = await startBureauDouble();
    server = await startTestServer(
      { CREDIT_CHECK_URL: bureau.url, CREDIT_CHECK_API_KEY: API_KEY, CREDIT_CHECK_BUREAU_NAME: 'Testauskunftei AG' },
      { clock },
    );
    company = await createHousingCompany(test.db, { name: 'Wohnbau Nord eG' });
    other = await createHousingCompany(test.db);
    clerk = await signInStaff(server, company, 'clerk');
    otherClerk = await signInStaff(server, other, 'clerk');
    listingId = (await createListing(clerk, company, { title: '2-Zimmer-Wohnung am Park' })).id;
  });
  after(async () => {
    await server.stop();
    await bureau.close();
    await su.close();
    await closeTestDatabase();
  });

  it('before `besichtigt` neither a consent request nor a check: 409 credit_check_stage in German', async () => {
    for (const status of ['offen', 'kontaktiert', 'abgelehnt']) {
      const lead = await insertLeadIn(test.db, company, listingId, status);
      const message =
        'Eine Bonitätsprüfung ist erst möglich, wenn der Interessent die Wohnung besichtigt hat (Status „Besichtigt“), und nicht mehr nach einer Absage.';
      assert.deepEqual(await refusal(clerk.post(`/api/staff/leads/${lead.id}/credit-check/consent-request`, {})), [
        409,
        'credit_check_stage',
        message,
      ]);
      assert.deepEqual(await refusal(clerk.post(`/api/staff/leads/${lead.id}/credit-check`, {})), [409, 'credit_check_stage', message]);
      const view = await state(lead.id);
      assert.equal(view.canRequestConsent, false);
      assert.equal(view.canCheck, false);
    }
  });

  it('without consent the check is refused: 409 credit_check_consent_missing; nothing reaches the bureau', async () => {
    const lead = await besichtigt();
    const before_ = bureau.requests.length;
    const [status, code, message] = await refusal(clerk.post(`/api/staff/leads/${lead.id}/credit-check`, {}));
    assert.deepEqual([status, code], [409, 'credit_check_consent_missing']);
    assert.match(message, /fehlt eine gültige Einwilligung/);
    // Asked but not yet given: still refused.
    await requestConsent(clerk, lead.id);
    assert.equal((await refusal(clerk.post(`/api/staff/leads/${lead.id}/credit-check`, {})))[1], 'credit_check_consent_missing');
    assert.equal(bureau.requests.length, before_);
    const view = await state(lead.id);
    assert.equal(view.consent.status, 'requested');
    assert.equal(view.canCheck, false);
    assert.equal(view.bureau, 'Testauskunftei AG');
  });

  it('consent through the mailed link, then the check: the lead keeps reference and class only; the trail records each step', async () => {
    const lead = await besichtigt();
    assert.deepEqual((await state(lead.id)).consent.status, 'none');
    const requested = await requestConsent(clerk, lead.id, { validDays: 7 });
    assert.equal(requested.sentTo, lead.email);
    assert.match(requested.url, /\/bonitaet#token=v1\./);
    const [mail] = await mailsTo(server, lead.email);
    assert.match(mail.subject, /Einwilligung zur Bonitätsprüfung – 2-Zimmer-Wohnung am Park/);
    assert.ok(mail.text.includes(requested.url), 'the mail carries the link');
    assert.match(mail.text, /Testauskunftei AG/);
    assert.match(mail.text, /freiwillig/);

    const person = asPerson(visitor(), requested.token);
    const page = await person.page();
    assert.equal(page.status, 200, JSON.stringify(page.body));
    assert.deepEqual(
      { ...page.body, linkExpiresAt: undefined },
      {
        company: { name: 'Wohnbau Nord eG' },
        listing: page.body.listing,
        person: { name: lead.name },
        bureau: { name: 'Testauskunftei AG' },
        transmitted: ['name', 'address', 'birthDate'],
        kept: ['reference', 'class'],
        status: 'requested',
        givenAt: null,
        revokedAt: null,
        checked: false,
        linkExpiresAt: undefined,
      },
    );
    assert.equal(page.body.listing.title, '2-Zimmer-Wohnung am Park');

    const unticked = await person.give({ consent: false, ...enteredData });
    assert.equal(unticked.status, 400);
    assert.equal(unticked.body.error.details.fields[0].message, 'Bitte bestätigen Sie Ihre Einwilligung.');
    const badPostcode = await person.give({ consent: true, address: { ...enteredData.address, postalCode: '123' } });
    assert.equal(badPostcode.body.error.details.fields[0].message, 'Postleitzahl mit 5 Ziffern.');

    const given = await person.give();
    assert.equal(given.status, 200, JSON.stringify(given.body));
    assert.equal(given.body.status, 'given');
    assert.ok(given.body.givenAt);
    const ready = await state(lead.id);
    assert.equal(ready.consent.status, 'given');
    assert.equal(ready.consent.givenAt, given.body.givenAt);
    assert.equal(ready.canCheck, true);
    assert.equal(ready.canRequestConsent, false);
    assert.equal(
      (await refusal(clerk.post(`/api/staff/leads/${lead.id}/credit-check/consent-request`, {})))[1],
      'credit_check_consent_present',
    );

    const checked = await clerk.post(`/api/staff/leads/${lead.id}/credit-check`, {});
    assert.equal(checked.status, 201, JSON.stringify(checked.body));
    assert.equal(checked.body.result.class, 'mit_auflagen');
    assert.match(checked.body.result.reference, /^AUSK-2026-\d{6}$/);
    assert.equal(checked.body.result.checkedBy, company.clerk.displayName);
    assert.ok(checked.body.consent.usedAt);
    assert.equal(checked.body.canCheck, false, 'one consent, one check');

    // The bureau got the least it needs: the name, and what the person entered; the key as a bearer token.
    const call = bureau.requests.at(-1)!;
    assert.equal(call.headers.authorization, `Bearer ${API_KEY}`);
    assert.deepEqual(call.body, { person: { name: lead.name, birthDate: enteredData.birthDate, address: enteredData.address } });

    // What the person entered went into the call and is kept nowhere afterwards.
    assert.deepEqual(await rowsContaining(enteredData.address.street), []);
    assert.deepEqual(await rowsContaining('1988-04-17'), []);
    const [stored] = await su.query(`SELECT * FROM lead_credit_checks WHERE lead_id = $1`, [lead.id]);
    assert.deepEqual(
      Object.keys(stored).sort(),
      ['checked_at', 'checked_by', 'consent_id', 'id', 'lead_id', 'reference', 'score_class', 'tenant_id'],
      'reference and class, who and when: nothing else',
    );
    assert.equal((await refusal(clerk.post(`/api/staff/leads/${lead.id}/credit-check`, {})))[1], 'credit_check_consent_missing');

    const detail = await clerk.get(`/api/staff/leads/${lead.id}`);
    const kinds = detail.body.events.map((event: { kind: string }) => event.kind);
    for (const kind of ['credit_check_consent_requested', 'credit_check_consent_given', 'credit_check_done']) {
      assert.ok(kinds.includes(kind), `${kind} in ${kinds.join(', ')}`);
    }
    const done = detail.body.events.find((event: { kind: string }) => event.kind === 'credit_check_done');
    assert.equal(JSON.stringify(done).includes(checked.body.result.reference), false, 'the trail names the class, not the reference');
    const afterCheck = await person.page();
    assert.equal(afterCheck.body.checked, true);
  });

  it('the raw bureau answer lands in no table (nor does a failed answer), and a failing bureau stores nothing', async () => {
    for (const marker of [...RAW_BUREAU_MARKERS, 'Alte Gasse 1']) assert.deepEqual(await rowsContaining(marker), [], marker);
    const lead = await besichtigt();
    const { token } = await requestConsent(clerk, lead.id);
    assert.equal((await asPerson(visitor(), token).give()).status, 200);
    bureau.failWith = 500;
    try {
      const [status, code, message] = await refusal(clerk.post(`/api/staff/leads/${lead.id}/credit-check`, {}));
      assert.deepEqual([status, code], [502, 'credit_check_unavailable']);
      assert.match(message, /Es wurde nichts gespeichert/);
    } finally {
      bureau.failWith = null;
    }
    const view = await state(lead.id);
    assert.equal(view.result, null);
    assert.equal(view.canCheck, true, 'the consent is still there to try again');
    for (const marker of RAW_BUREAU_MARKERS) assert.deepEqual(await rowsContaining(marker), [], marker);
    bureau.scoreClass = 'unbedenklich';
    try {
      assert.equal((await clerk.post(`/api/staff/leads/${lead.id}/credit-check`, {})).body.result.class, 'unbedenklich');
    } finally {
      bureau.scoreClass = 'mit_auflagen';
    }
    for (const marker of RAW_BUREAU_MARKERS) assert.deepEqual(await rowsContaining(marker), [], marker);
  });

  it('a withdrawn consent refuses the check, erases what the person entered, and ends the link', async () => {
    const lead = await besichtigt();
    const { token } = await requestConsent(clerk, lead.id);
    const person = asPerson(visitor(), token);
    assert.equal((await person.give()).status, 200);
    assert.ok((await rowsContaining(enteredData.address.street)).length > 0, 'held until the check');
    const withdrawn = await person.withdraw();
    assert.equal(withdrawn.status, 200, JSON.stringify(withdrawn.body));
    assert.equal(withdrawn.body.status, 'revoked');
    assert.ok(withdrawn.body.revokedAt);
    assert.deepEqual(await rowsContaining(enteredData.address.street), []);
    const view = await state(lead.id);
    assert.equal(view.consent.status, 'revoked');
    assert.equal(view.canCheck, false);
    assert.equal(view.canRequestConsent, true);
    assert.equal((await refusal(clerk.post(`/api/staff/leads/${lead.id}/credit-check`, {})))[1], 'credit_check_consent_missing');
    assert.deepEqual((await refusal(person.page())).slice(0, 2), [410, 'link_revoked']);
    assert.deepEqual((await refusal(person.give())).slice(0, 2), [410, 'link_revoked']);
    const kinds = (await clerk.get(`/api/staff/leads/${lead.id}`)).body.events.map((event: { kind: string }) => event.kind);
    assert.ok(kinds.includes('credit_check_consent_revoked'));
    // A new request replaces it: a new link, a new consent.
    const again = await requestConsent(clerk, lead.id);
    assert.equal((await asPerson(visitor(), again.token).give()).status, 200);
    assert.equal((await clerk.post(`/api/staff/leads/${lead.id}/credit-check`, {})).status, 201);
  });

  it('a link of another purpose, an expired one, a replaced one and a missing one are refused with their codes', async () => {
    const lead = await besichtigt();
    const viewing = await invite(clerk, lead.id);
    assert.deepEqual(await refusal(asPerson(visitor(), viewing.token).page()), [
      403,
      'link_wrong_purpose',
      'Dieser Link ist für einen anderen Zweck bestimmt und gilt hier nicht.',
    ]);
    assert.equal((await refusal(asPerson(visitor(), viewing.token).give()))[1], 'link_wrong_purpose');
    const first = await requestConsent(clerk, lead.id, { validDays: 2 });
    assert.equal((await refusal(asInvitee(visitor(), first.token).state()))[1], 'link_wrong_purpose', 'and the other way round');
    offsetMs = 2 * 86_400_000 + 1000;
    try {
      assert.deepEqual((await refusal(asPerson(visitor(), first.token).give())).slice(0, 2), [410, 'link_expired']);
    } finally {
      offsetMs = 0;
    }
    const second = await requestConsent(clerk, lead.id);
    assert.deepEqual((await refusal(asPerson(visitor(), first.token).page())).slice(0, 2), [410, 'link_revoked'], 'replaced');
    assert.equal((await asPerson(visitor(), second.token).page()).status, 200);
    assert.deepEqual((await refusal(asPerson(visitor(), undefined).page())).slice(0, 2), [401, 'link_missing']);
  });

  it("another company's clerk reaches neither the lead's credit check nor its consent; a link rewritten to name it is invalid", async () => {
    const lead = await besichtigt();
    const { token } = await requestConsent(clerk, lead.id);
    assert.equal((await asPerson(visitor(), token).give()).status, 200);
    for (const answer of [
      otherClerk.get(`/api/staff/leads/${lead.id}/credit-check`),
      otherClerk.post(`/api/staff/leads/${lead.id}/credit-check/consent-request`, {}),
      otherClerk.post(`/api/staff/leads/${lead.id}/credit-check`, {}),
    ]) {
      assert.equal((await answer).status, 404);
    }
    const [version, payload, signature] = token.split('.');
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
    const forged = [version, Buffer.from(JSON.stringify({ ...claims, t: other.tenant.id })).toString('base64url'), signature].join('.');
    assert.equal((await refusal(asPerson(visitor(), forged).page()))[1], 'link_invalid');
    const otherLead = await insertLeadIn(test.db, other, null, 'besichtigt');
    assert.equal((await clerk.get(`/api/staff/leads/${otherLead.id}/credit-check`)).status, 404);
    assert.equal((await state(lead.id)).canCheck, true, 'the consent is untouched');
  });

  it('the link opens the public consent page: <credit-check-consent> alone, sending no Referer', async () => {
    const page = await fetch(`${server.url}/bonitaet`);
    assert.equal(page.status, 200);
    assert.equal(page.headers.get('referrer-policy'), 'no-referrer');
    const html = await page.text();
    assert.match(html, /<credit-check-consent><\/credit-check-consent>/);
    assert.match(html, /<html lang="de">/);
  });
});

describe('credit check adapters and configuration', () => {
  it('the demo adapter answers the same person the same, offline', async () => {
    const demo = createDemoCreditCheck();
    const request = { name: 'Bea Bonität', birthDate: null, address: enteredData.address };
    const first = await demo.check(request);
    assert.deepEqual(await demo.check(request), first);
    assert.match(first.reference, /^DEMO-[0-9A-F]{12}$/);
    assert.ok(['unbedenklich', 'mit_auflagen', 'kritisch'].includes(first.class));
  });

  it('CREDIT_CHECK_URL needs a key and the bureau’s name, and https beyond loopback', () => {
    const base = { NODE_ENV: 'test' };
    assert.throws(
      () => loadConfig({ ...base, CREDIT_CHECK_URL: 'https://auskunft.example.de/v1/checks' }),
      (error: Error) =>
        error instanceof ConfigError &&
        /CREDIT_CHECK_API_KEY ist nötig/.test(error.message) &&
        /CREDIT_CHECK_BUREAU_NAME/.test(error.message),
    );
    const complete = { CREDIT_CHECK_API_KEY: API_KEY, CREDIT_CHECK_BUREAU_NAME: 'Auskunftei' };
    assert.throws(
      () => loadConfig({ ...base, ...complete, CREDIT_CHECK_URL: 'http://auskunft.example.de/v1/checks' }),
      /CREDIT_CHECK_URL muss https verwenden/,
    );
    assert.throws(() => loadConfig({ ...base, ...complete, CREDIT_CHECK_URL: 'ftp://auskunft.example.de' }), /CREDIT_CHECK_URL/);
    assert.equal(loadConfig({ ...base, ...complete, CREDIT_CHECK_URL: 'https://auskunft.example.de/v1' }).CREDIT_CHECK_TIMEOUT_MS, 15_000);
    assert.equal(loadConfig({ ...base, ...complete, CREDIT_CHECK_URL: 'http://127.0.0.1:9/v1' }).CREDIT_CHECK_URL, 'http://127.0.0.1:9/v1');
  });
});
