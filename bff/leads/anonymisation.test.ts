import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import type { RunningServer } from '../server.ts';
import type { Database } from '../db/database.ts';
import { withScope } from '../db/scope.ts';
import { closeTestDatabase, startTestServer, testDatabase, TestClient } from '../test/harness.ts';
import type { TestDatabase } from '../test/database.ts';
import { createHousingCompany, type HousingCompany } from '../test/fixtures.ts';
import { signInStaff } from '../test/sign-in.ts';
import { superuser, type Superuser } from '../isolation/support.ts';
import { createListing, createWebhookSecret, hookPath, is24Enquiry, postWebhook, signedHeaders } from './lead-test-support.ts';
import { anonymiseDueLeads } from './anonymisation.ts';
import { asPerson, requestConsent } from '../credit-check/credit-check-test-support.ts';

/**
 * Retention: a rejected lead without activity for its company's period is anonymised by the scheduled job.
 * Afterwards no table of the housing company holds the person's name, e-mail, telephone or address — the test
 * walks every table of the schema, so a table added later is covered (and fails here until the job reaches
 * it) — and the statistics (leads per stage, listing, source; events per kind) are unchanged.
 */
const DAY = 86_400_000;
const person = {
  firstName: 'Wiebke',
  lastName: 'Vergessmann',
  email: 'wiebke.vergessmann@example.net',
  phone: '0151 44455566',
  address: { street: 'Lerchenweg 7', postalCode: '20099', city: 'Hamburg' },
};
/** How the person can be found in any column, however it was written. */
const traces = [
  'Wiebke Vergessmann',
  'Vergessmann',
  'wiebke.vergessmann@example.net',
  '0151 44455566',
  '015144455566',
  '+4915144455566',
  'Lerchenweg 7',
];

describe('anonymisation of rejected leads', () => {
  let test: TestDatabase;
  let db: Database;
  let su: Superuser;
  let server: RunningServer;
  let company: HousingCompany;
  let other: HousingCompany;
  let admin: TestClient;
  let otherAdmin: TestClient;
  const lead: Record<string, string> = {};

  const secrets = new Map<string, string>();
  async function deliver(target: HousingCompany, staff: TestClient, enquiry: Record<string, unknown>): Promise<string> {
    const listing = await createListing(staff, target);
    if (!secrets.has(target.tenant.id)) secrets.set(target.tenant.id, (await createWebhookSecret(staff, 'immoscout24')).value);
    const secret = secrets.get(target.tenant.id)!;
    const raw = JSON.stringify(is24Enquiry(listing.portalIds[0].providerListingId, enquiry));
    const answer = await postWebhook(server.url, hookPath(target, 'immoscout24'), raw, signedHeaders(secret, raw));
    assert.equal(answer.status, 200, JSON.stringify(answer.body));
    return answer.body.leadId;
  }

  /** Moves the lead with the version it has now; must succeed. */
  async function move(as: TestClient, leadId: string, body: Record<string, unknown>) {
    const version = (await as.get(`/api/staff/leads/${leadId}/lifecycle`)).body.lead.version;
    const moved = await as.post(`/api/staff/leads/${leadId}/move`, { version, ...body });
    assert.equal(moved.status, 200, JSON.stringify(moved.body));
  }

  /** Everything of the lead happened `days` days earlier (its times and its trail), as if the clock had run on. */
  async function age(leadId: string, days: number) {
    const shift = `${days} days`;
    await su.query(
      `UPDATE leads SET created_at = created_at - $2::interval, updated_at = updated_at - $2::interval,
              status_changed_at = status_changed_at - $2::interval, contacted_at = contacted_at - $2::interval WHERE id = $1`,
      [leadId, shift],
    );
    await su.query(`UPDATE lead_events SET at = at - $2::interval WHERE lead_id = $1`, [leadId, shift]);
  }

  async function tracesIn(tenantId: string): Promise<string[]> {
    const tables = await su.query<{ name: string; tenant: boolean }>(
      `SELECT c.relname AS name,
              EXISTS (SELECT 1 FROM pg_attribute a WHERE a.attrelid = c.oid AND a.attname = 'tenant_id' AND NOT a.attisdropped) AS tenant
         FROM pg_class c WHERE c.relnamespace = 'public'::regnamespace AND c.relkind = 'r' ORDER BY 1`,
    );
    assert.ok(tables.length > 40, 'the walk sees every table');
    const found: string[] = [];
    for (const table of tables) {
      for (const trace of traces) {
        const rows = await su.query<{ row: string }>(
          `SELECT t::text AS row FROM ${table.name} t WHERE strpos(lower(t::text), lower($1)) > 0 ${table.tenant ? 'AND t.tenant_id = $2' : 'AND $2::uuid IS NOT NULL'}`,
          [trace, tenantId],
        );
        for (const { row } of rows) found.push(`${table.name}: ${trace} in ${row.slice(0, 300)}`);
      }
    }
    return found;
  }

  async function statistics(tenantId: string) {
    return {
      leads: await su.query(
        `SELECT status, listing_id, source, channel, household_size, count(*)::int AS n FROM leads WHERE tenant_id = $1
          GROUP BY 1, 2, 3, 4, 5 ORDER BY 1, 2, 3, 4, 5`,
        [tenantId],
      ),
      events: await su.query(
        `SELECT kind, from_status, to_status, count(*)::int AS n FROM lead_events WHERE tenant_id = $1 AND kind <> 'anonymised'
          GROUP BY 1, 2, 3 ORDER BY 1, 2, 3`,
        [tenantId],
      ),
    };
  }

  before(async () => {
    test = await testDatabase();
    db = test.db;
    su = await superuser(test);
    server = await startTestServer();
    company = await createHousingCompany(db);
    other = await createHousingCompany(db);
    admin = await signInStaff(server, company, 'admin');
    const granted = await admin.request('PUT', `/api/staff/accounts/${company.admin.id}/permissions`, { permissions: ['letting'] });
    assert.equal(granted.status, 200, JSON.stringify(granted.body));
    otherAdmin = await signInStaff(server, other, 'admin');

    lead.wiebke = await deliver(company, admin, { ...person, enquiryId: `is24-${randomUUID()}` });
    lead.olga = await deliver(company, admin, {
      firstName: 'Olga',
      lastName: 'Offen',
      email: 'olga.offen@example.net',
      phone: '0170 1234567',
    });
    lead.rainer = await deliver(company, admin, { firstName: 'Rainer', lastName: 'Recent', email: 'rainer.recent@example.net' });
    // The same person at another housing company, rejected as long ago: that company keeps leads a year.
    lead.otherWiebke = await deliver(other, otherAdmin, { ...person });
    const setting = await otherAdmin.request('PATCH', '/api/staff/settings', { leadAnonymisationDays: 365 });
    assert.equal(setting.status, 200, JSON.stringify(setting.body));

    // Her whole way through the pipeline, as clerks work it, naming her wherever clerks would.
    const detail = await admin.get(`/api/staff/leads/${lead.wiebke}`);
    assert.equal(detail.body.lead.phone, person.phone, 'the letting permission shows her number (access log)');
    const verified = await admin.post(`/api/staff/leads/${lead.wiebke}/contact-verifications`, { channel: 'phone', how: 'reached' });
    assert.equal(verified.status, 201, JSON.stringify(verified.body));
    await move(admin, lead.wiebke, {
      to: 'kontaktiert',
      householdType: 'single',
      contactMessage: 'Frau Vergessmann unter 0151 44455566 erreicht, Besichtigung am Donnerstag vereinbart.',
    });
    const letting = await admin.request('PATCH', '/api/staff/settings', { lettingEmail: 'vermietung@wohnbau-test.example' });
    assert.equal(letting.status, 200, JSON.stringify(letting.body));
    const written = await admin.post(`/api/staff/leads/${lead.wiebke}/messages`, {
      body: 'Guten Tag Frau Vergessmann, wir bestätigen die Besichtigung. Wir rufen Sie unter 0151 44455566 an.',
    });
    assert.equal(written.status, 201, JSON.stringify(written.body));
    const viewing = await admin.post(`/api/staff/leads/${lead.wiebke}/viewings`, {
      startsAt: new Date(Date.now() - 2 * 3_600_000).toISOString(),
      durationMinutes: 30,
      note: 'Frau Vergessmann kommt mit ihrer Schwester.',
    });
    assert.equal(viewing.status, 201, JSON.stringify(viewing.body));
    await move(admin, lead.wiebke, { to: 'besichtigt', note: 'Wiebke Vergessmann hat Interesse bestätigt.' });
    const disclosed = await admin.request('PUT', `/api/staff/leads/${lead.wiebke}/self-disclosure`, {
      profession: 'Lehrerin',
      employer: 'Stadtteilschule Nord',
      incomeBand: '2500_3500',
    });
    assert.equal(disclosed.status, 200, JSON.stringify(disclosed.body));
    // The credit check (migration 0034): consent through the link with her address, then the check (demo bureau).
    const consent = await requestConsent(admin, lead.wiebke);
    const given = await asPerson(new TestClient(server.url), consent.token).give({
      consent: true,
      birthDate: '1985-02-03',
      address: person.address,
    });
    assert.equal(given.status, 200, JSON.stringify(given.body));
    const checked = await admin.post(`/api/staff/leads/${lead.wiebke}/credit-check`, {});
    assert.equal(checked.status, 201, JSON.stringify(checked.body));
    await move(admin, lead.wiebke, {
      to: 'abgelehnt',
      reasonText: 'Frau Vergessmann hat am Telefon (0151 44455566) abgesagt, wohnt weiter im Lerchenweg 7.',
    });
    const released = await admin.post(`/api/staff/leads/${lead.wiebke}/rejection-message/release`, {});
    assert.equal(released.status, 200, JSON.stringify(released.body));
    await age(lead.wiebke, 100);

    lead.hanna = await deliver(company, admin, { firstName: 'Hanna', lastName: 'Haltefrist', email: 'hanna.haltefrist@example.net' });
    await move(admin, lead.hanna, { to: 'abgelehnt', reasonCode: 'einzugstermin_unpassend' });
    const hold = await admin.request('PUT', `/api/staff/leads/${lead.hanna}/legal-hold`, { hold: true, reason: 'Anfrage nach § 21 AGG' });
    assert.equal(hold.status, 200, JSON.stringify(hold.body));
    await age(lead.hanna, 100);

    await move(admin, lead.rainer, { to: 'abgelehnt', reasonText: 'Hat eine andere Wohnung gefunden.' });
    await move(otherAdmin, lead.otherWiebke, { to: 'abgelehnt', reasonText: 'Frau Vergessmann hat abgesagt.' });
    await age(lead.otherWiebke, 100);

    // What other parts of the product write about a person, planted as they would write it: an audit entry, a
    // refused intake with the sender in its detail.
    await su.query(`INSERT INTO audit_log (tenant_id, action, details) VALUES ($1, 'lead.exported', $2)`, [
      company.tenant.id,
      { lead: lead.wiebke, to: person.email, name: 'Wiebke Vergessmann' },
    ]);
    await su.query(
      `INSERT INTO lead_intake_rejections (tenant_id, provider, reason, detail) VALUES ($1, 'immoscout24', 'validation_failed', $2)`,
      [company.tenant.id, `Absender wiebke.vergessmann@example.net, Telefon +4915144455566`],
    );
  });
  after(async () => {
    await server.stop();
    await su.close();
    await closeTestDatabase();
  });

  it('finds the person in the company’s tables before (the walk below is not vacuous)', async () => {
    const found = await tracesIn(company.tenant.id);
    for (const table of [
      'leads',
      'lead_events',
      'lead_contact_verifications',
      'lead_viewings',
      'lead_rejection_messages',
      'lead_messages',
      'outbox',
      'audit_log',
      'lead_intake_rejections',
    ]) {
      assert.ok(
        found.some((line) => line.startsWith(`${table}:`)),
        `${table} holds the person before: ${found.join('\n')}`,
      );
    }
  });

  it('leaves a lead alone one day before its period ends', async () => {
    assert.equal(await anonymiseDueLeads(db, new Date(Date.now() - 11 * DAY)), 0);
    assert.equal((await admin.get(`/api/staff/leads/${lead.wiebke}`)).body.lead.name, 'Wiebke Vergessmann');
  });

  it('after the period, no table of the company holds her name, e-mail, phone or address, and the statistics are unchanged', async () => {
    const before = await statistics(company.tenant.id);
    // Two instances at once (or a run overlapping the next): each lead is anonymised once.
    const runs = await Promise.all([anonymiseDueLeads(db, new Date()), anonymiseDueLeads(db, new Date())]);
    assert.equal(runs[0] + runs[1], 1, `one lead anonymised in all: ${runs.join(' + ')}`);
    assert.deepEqual(await tracesIn(company.tenant.id), []);
    assert.deepEqual(await statistics(company.tenant.id), before);
    assert.equal(await anonymiseDueLeads(db, new Date()), 0, 'a second run finds nothing left');
  });

  it('shows the lead as anonymised with its trail, and keeps the other leads and the other company as they were', async () => {
    const wiebke = (await admin.get(`/api/staff/leads/${lead.wiebke}`)).body;
    assert.equal(wiebke.lead.name, 'Anonymisiert');
    assert.equal(wiebke.lead.email, null);
    assert.equal(wiebke.lead.status, 'abgelehnt');
    assert.equal(wiebke.events.at(-1).kind, 'anonymised');
    const rejection = wiebke.events.findLast((event: { to: string | null }) => event.to === 'abgelehnt');
    assert.equal(rejection.reason, 'Frau [anonymisiert] hat am Telefon ([anonymisiert]) abgesagt, wohnt weiter im [anonymisiert].');
    const disclosures = await su.query(`SELECT 1 FROM lead_self_disclosures WHERE lead_id = $1`, [lead.wiebke]);
    assert.equal(disclosures.length, 0, 'her self-disclosure (profession, employer, income) is gone');
    for (const table of ['lead_credit_checks', 'lead_credit_check_consents']) {
      const rows = await su.query(`SELECT 1 FROM ${table} WHERE lead_id = $1`, [lead.wiebke]);
      assert.equal(rows.length, 0, `her credit check (the bureau's reference, the consent) is gone: ${table}`);
    }
    assert.equal((await admin.get(`/api/staff/leads/${lead.hanna}`)).body.lead.name, 'Hanna Haltefrist', 'the legal hold kept her');
    assert.equal((await admin.get(`/api/staff/leads/${lead.olga}`)).body.lead.name, 'Olga Offen');
    assert.equal((await admin.get(`/api/staff/leads/${lead.rainer}`)).body.lead.name, 'Rainer Recent');
    const kept = (await otherAdmin.get(`/api/staff/leads/${lead.otherWiebke}`)).body;
    assert.equal(kept.lead.name, 'Wiebke Vergessmann');
    assert.match(kept.events.at(-1).reason, /Vergessmann/);
    assert.ok((await tracesIn(other.tenant.id)).length > 0, 'the other company’s period has not passed');
  });

  it('runs as a scheduled job of the BFF', async () => {
    const { rows } = await withScope(db, { role: 'system' }, (tx) =>
      tx.query<{ name: string }>(`SELECT name FROM scheduled_jobs WHERE name = 'leads-anonymise-rejected'`),
    );
    assert.equal(rows.length, 1);
  });
});
