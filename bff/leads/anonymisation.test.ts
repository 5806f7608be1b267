import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import type { RunningServer } from '../server.ts';
import type { Database } from '../db/database.ts';
import { withScope } from '../db/scope.ts';
import { closeTestDatabase, startTestServer, testDatabase, type TestClient } from '../test/harness.ts';
import type { TestDatabase } from '../test/database.ts';
import { createHousingCompany, type HousingCompany } from '../test/fixtures.ts';
import { signInStaff } from '../test/sign-in.ts';
import { superuser, type Superuser } from '../isolation/support.ts';
import { createListing, createWebhookSecret, hookPath, is24Enquiry, postWebhook, signedHeaders } from './lead-test-support.ts';
import { anonymiseDueLeads } from './anonymisation.ts';

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

  /** A clerk rejects the lead with a reason naming the person (as clerks do), `daysAgo` days back. */
  async function reject(target: HousingCompany, leadId: string, reason: string, daysAgo: number) {
    const at = new Date(Date.now() - daysAgo * DAY);
    await withScope(db, { role: 'clerk', tenantId: target.tenant.id, accountId: target.clerk.id }, async (tx) => {
      await tx.query(
        `UPDATE leads SET status = 'abgelehnt', status_changed_at = $2, updated_at = $2, version = version + 1 WHERE id = $1`,
        [leadId, at],
      );
      await tx.query(
        `INSERT INTO lead_events (tenant_id, lead_id, at, actor_role, actor_account_id, kind, from_status, to_status, reason)
         VALUES ($1, $2, $3, 'staff', $4, 'status_changed', 'offen', 'abgelehnt', $5)`,
        [target.tenant.id, leadId, at, target.clerk.id, reason],
      );
    });
    // What the intake wrote at arrival counts as activity too: it happened before the rejection.
    await su.query(`UPDATE lead_events SET at = $2::timestamptz - interval '1 minute' WHERE lead_id = $1 AND kind <> 'status_changed'`, [
      leadId,
      at,
    ]);
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

    // Someone with the letting permission opened her phone number and address: the access log names the lead.
    const detail = await admin.get(`/api/staff/leads/${lead.wiebke}`);
    assert.equal(detail.body.lead.phone, person.phone);

    await reject(company, lead.wiebke, 'Frau Vergessmann hat am Telefon (0151 44455566) abgesagt, wohnt weiter im Lerchenweg 7.', 100);
    await reject(company, lead.rainer, 'Hat eine andere Wohnung gefunden.', 10);
    await reject(other, lead.otherWiebke, 'Frau Vergessmann hat abgesagt.', 100);

    // What other parts of the product write about a person, planted as they would write it: a mail waiting in the
    // outbox, an audit entry, a refused intake with the sender in its detail.
    await su.query(
      `INSERT INTO outbox (tenant_id, topic, ordering_key, idempotency_key, payload, status, delivered_at)
       VALUES ($1, 'mail', 'lead', $2, $3, 'delivered', now())`,
      [
        company.tenant.id,
        `rejection-${lead.wiebke}`,
        { to: person.email, subject: 'Ihre Anfrage', text: `Sehr geehrte Frau Wiebke Vergessmann,\nleider …` },
      ],
    );
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
    for (const table of ['leads', 'lead_events', 'outbox', 'audit_log', 'lead_intake_rejections']) {
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
    assert.deepEqual(
      wiebke.events.map((event: { kind: string }) => event.kind),
      ['created', 'status_changed', 'anonymised'],
    );
    assert.match(
      wiebke.events[1].reason,
      /\[anonymisiert\] hat am Telefon \(\[anonymisiert\]\) abgesagt, wohnt weiter im \[anonymisiert\]\./,
    );
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
