import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { RunningServer } from '../server.ts';
import { closeTestDatabase, startTestServer, TestClient, TEST_ADMIN_TOKEN } from '../test/harness.ts';
import { createHousingCompany, type HousingCompany } from '../test/fixtures.ts';
import { signInResident, signInStaff } from '../test/sign-in.ts';
import { asTenantAdmin } from '../tenants/use-cases.ts';
import { companySettings, DEFAULT_SETTINGS, SETTING_LABELS } from '../contract/settings.ts';

/** Company settings: defaults, validation, the admins' and the platform's API, the audit log, isolation. */
describe('company settings', () => {
  let server: RunningServer;
  let platform: TestClient;
  before(async () => {
    server = await startTestServer();
    platform = new TestClient(server.url, { bearer: TEST_ADMIN_TOKEN });
  });
  after(async () => {
    await server.stop();
    await closeTestDatabase();
  });

  const auditOf = (company: HousingCompany) =>
    asTenantAdmin(server.db, company.tenant.id, async (tx) => {
      const { rows } = await tx.query<{ tenant_id: string; actor_account_id: string | null; action: string; details: any }>(
        `SELECT tenant_id, actor_account_id, action, details FROM audit_log ORDER BY at, id`,
      );
      return rows;
    });

  it('every field has a default and a label, so a new field needs nothing else', () => {
    for (const [key, field] of Object.entries(companySettings.shape)) {
      assert.equal(field.def.type, 'default', `${key} has no .default(…)`);
      assert.ok(field.meta()?.title, `${key} has no .meta({ title })`);
      assert.equal(SETTING_LABELS[key as keyof typeof SETTING_LABELS], field.meta()?.title);
    }
    assert.equal(DEFAULT_SETTINGS.chatHistoryDays, 90);
    assert.deepEqual(DEFAULT_SETTINGS.emergencyNumbers, []);
    assert.equal(DEFAULT_SETTINGS.portalPageUrl, null);
  });

  it('a new housing company has the defaults; its admin reads them with their labels', async () => {
    const company = await createHousingCompany(server.db);
    const admin = await signInStaff(server, company, 'admin');
    const { status, body } = await admin.get('/api/staff/settings');
    assert.equal(status, 200, JSON.stringify(body));
    assert.deepEqual(body.settings, DEFAULT_SETTINGS);
    assert.equal(body.labels.chatHistoryDays, 'Aufbewahrung der Chatverläufe (Tage)');
    assert.equal(body.updatedAt, null);
  });

  it('an admin changes some fields; the others keep their values, and the change is in the audit log in the admin’s name', async () => {
    const company = await createHousingCompany(server.db);
    const admin = await signInStaff(server, company, 'admin');
    const emergencyNumbers = [
      { label: 'Notdienst Wasser und Heizung', phone: '040 123 456' },
      { label: 'Aufzug-Notruf', phone: '+49 40 98765-0' },
    ];
    const changed = await admin.patch('/api/staff/settings', { emergencyNumbers, officeHours: '  Mo–Do 8–16 Uhr, Fr 8–12 Uhr ' });
    assert.equal(changed.status, 200, JSON.stringify(changed.body));
    assert.deepEqual(changed.body.settings, { ...DEFAULT_SETTINGS, emergencyNumbers, officeHours: 'Mo–Do 8–16 Uhr, Fr 8–12 Uhr' });
    assert.ok(changed.body.updatedAt);

    const second = await admin.patch('/api/staff/settings', {
      chatHistoryDays: 30,
      portalPageUrl: 'https://www.example.de/mieterportal?x=1',
    });
    assert.equal(second.status, 200, JSON.stringify(second.body));
    assert.deepEqual((await admin.get('/api/staff/settings')).body.settings, {
      ...DEFAULT_SETTINGS,
      emergencyNumbers,
      officeHours: 'Mo–Do 8–16 Uhr, Fr 8–12 Uhr',
      chatHistoryDays: 30,
      portalPageUrl: 'https://www.example.de/mieterportal?x=1',
    });

    // The same value again changes nothing and logs nothing.
    assert.equal((await admin.patch('/api/staff/settings', { chatHistoryDays: 30 })).status, 200);

    const log = await auditOf(company);
    assert.deepEqual(
      log.map((entry) => [entry.actor_account_id, entry.action, entry.details]),
      [
        [
          company.admin.id,
          'settings.changed',
          {
            changes: {
              emergencyNumbers: { from: [], to: emergencyNumbers },
              officeHours: { from: '', to: 'Mo–Do 8–16 Uhr, Fr 8–12 Uhr' },
            },
          },
        ],
        [
          company.admin.id,
          'settings.changed',
          {
            changes: {
              chatHistoryDays: { from: 90, to: 30 },
              portalPageUrl: { from: null, to: 'https://www.example.de/mieterportal?x=1' },
            },
          },
        ],
      ],
    );
  });

  it('refuses bad values with the field named and a German message, and changes nothing', async () => {
    const company = await createHousingCompany(server.db);
    const admin = await signInStaff(server, company, 'admin');
    const cases: Array<[unknown, string, RegExp]> = [
      [{ emergencyNumbers: [{ label: 'Notdienst', phone: 'ruf mich an' }] }, 'emergencyNumbers.0.phone', /Telefonnummer/],
      [{ emergencyNumbers: [{ label: '', phone: '040 1' }] }, 'emergencyNumbers.0.label', /Bezeichnung/],
      [{ portalPageUrl: 'javascript:alert(1)' }, 'portalPageUrl', /http/],
      [{ chatHistoryDays: 0 }, 'chatHistoryDays', /Mindestens 1 Tag/],
      [{ chatHistoryDays: 12.5 }, 'chatHistoryDays', /ganze Zahl/],
      // The chat's privacy notice promises at most 90 days.
      [{ chatHistoryDays: 91 }, 'chatHistoryDays', /Höchstens 90 Tage/],
      [{ houseRules: [{ title: 'Ruhezeiten', text: '' }] }, 'houseRules.0.text', /Text der Regel/],
      [{ chatMonthlyTokenBudget: -1 }, 'chatMonthlyTokenBudget', /Mindestens 0/],
      [{ contactEmail: 'keine-adresse' }, 'contactEmail', /E-Mail/],
      [{ officeHours: 'x'.repeat(501) }, 'officeHours', /500/],
      [{ chatHistoryDay: 30 }, '', /Unbekannte Einstellung: chatHistoryDay/],
    ];
    for (const [body, path, message] of cases) {
      const { status, body: answer } = await admin.patch('/api/staff/settings', body);
      assert.equal(status, 400, JSON.stringify(body));
      assert.equal(answer.error.code, 'validation_failed');
      const field = answer.error.details.fields.find((f: { path: string }) => f.path === path);
      assert.ok(field, `${JSON.stringify(body)}: ${JSON.stringify(answer.error.details.fields)}`);
      assert.match(field.message, message);
    }
    assert.deepEqual((await admin.get('/api/staff/settings')).body.settings, DEFAULT_SETTINGS);
    assert.deepEqual(await auditOf(company), []);
  });

  it('is for the company’s admins: clerks, residents and visitors are refused', async () => {
    const company = await createHousingCompany(server.db);
    const clerk = await signInStaff(server, company, 'clerk');
    const resident = await signInResident(server, company);
    for (const client of [clerk, resident]) {
      assert.equal((await client.get('/api/staff/settings')).status, 403);
      assert.equal((await client.patch('/api/staff/settings', { chatHistoryDays: 1 })).status, 403);
    }
    const visitor = new TestClient(server.url);
    assert.equal((await visitor.get('/api/staff/settings')).status, 401);
    assert.deepEqual(await auditOf(company), []);
  });

  it('an admin of company B can neither read nor change the settings of company A', async () => {
    const a = await createHousingCompany(server.db);
    const b = await createHousingCompany(server.db);
    const adminA = await signInStaff(server, a, 'admin');
    const adminB = await signInStaff(server, b, 'admin');
    await adminA.patch('/api/staff/settings', { officeHours: 'Nur A', emergencyNumbers: [{ label: 'Notdienst A', phone: '040 111' }] });

    // The housing company comes from the session: B's admin sees B's settings, whatever the request says.
    const seen = await adminB.get('/api/staff/settings');
    assert.deepEqual(seen.body.settings, DEFAULT_SETTINGS);
    const changed = await adminB.patch('/api/staff/settings', { officeHours: 'Von B geändert' });
    assert.equal(changed.body.settings.officeHours, 'Von B geändert');
    assert.equal((await adminA.get('/api/staff/settings')).body.settings.officeHours, 'Nur A');
    // The platform API needs the platform token; an admin session does not open it.
    assert.equal((await adminB.get(`/api/admin/tenants/${a.tenant.slug}/settings`)).status, 401);
    assert.equal((await adminB.patch(`/api/admin/tenants/${a.tenant.slug}/settings`, { officeHours: 'x' })).status, 401);

    assert.equal((await auditOf(a)).length, 1);
    assert.deepEqual(
      (await auditOf(b)).map((entry) => [entry.tenant_id, entry.actor_account_id]),
      [[b.tenant.id, b.admin.id]],
    );
  });

  it('the platform reads and changes a company’s settings by slug, logged without an account; an unknown slug is 404', async () => {
    const company = await createHousingCompany(server.db);
    const read = await platform.get(`/api/admin/tenants/${company.tenant.slug}/settings`);
    assert.equal(read.status, 200, JSON.stringify(read.body));
    assert.deepEqual(read.body.settings, DEFAULT_SETTINGS);
    const changed = await platform.patch(`/api/admin/tenants/${company.tenant.slug}/settings`, { leadAnonymisationDays: 60 });
    assert.equal(changed.status, 200, JSON.stringify(changed.body));
    assert.equal(changed.body.settings.leadAnonymisationDays, 60);
    const bad = await platform.patch(`/api/admin/tenants/${company.tenant.slug}/settings`, { outboxRetentionDays: 1000 });
    assert.equal(bad.status, 400);
    assert.deepEqual(
      (await auditOf(company)).map((entry) => [entry.actor_account_id, entry.details]),
      [[null, { changes: { leadAnonymisationDays: { from: 90, to: 60 } } }]],
    );
    const unknown = await platform.get('/api/admin/tenants/gibt-es-nicht/settings');
    assert.equal(unknown.status, 404);
    assert.equal(unknown.body.error.code, 'not_found');
  });

  it('the public contact shows emergency numbers, office hours and contact without a session, and nothing else', async () => {
    const company = await createHousingCompany(server.db);
    const visitor = new TestClient(server.url);
    assert.deepEqual((await visitor.get(`/api/tenants/${company.tenant.slug}/contact`)).body, {
      emergencyNumbers: [],
      officeHours: '',
      contactEmail: null,
      contactPhone: null,
    });
    await platform.patch(`/api/admin/tenants/${company.tenant.slug}/settings`, {
      emergencyNumbers: [{ label: 'Notdienst', phone: '040 123 456' }],
      contactPhone: '040 123 000',
      portalPageUrl: 'https://www.example.de/portal',
      chatHistoryDays: 30,
    });
    const { status, body } = await visitor.get(`/api/tenants/${company.tenant.slug}/contact`);
    assert.equal(status, 200);
    assert.deepEqual(body, {
      emergencyNumbers: [{ label: 'Notdienst', phone: '040 123 456' }],
      officeHours: '',
      contactEmail: null,
      contactPhone: '040 123 000',
    });
    const unknown = await visitor.get('/api/tenants/gibt-es-nicht/contact');
    assert.deepEqual([unknown.status, unknown.body.error.code], [404, 'tenant_not_found']);
  });
});
