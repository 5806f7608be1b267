import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { withScope } from '../db/scope.ts';
import { closeTestDatabase, startTestServer, TestClient, TEST_ADMIN_TOKEN } from '../test/harness.ts';
import type { RunningServer } from '../server.ts';
import { asTenantAdmin, requireTenant } from '../tenants/use-cases.ts';
import { setTenancy } from '../onboarding/use-cases.ts';
import { findResidentTenancy } from './repository.ts';
import { utilityStatementDueBy } from './model.ts';

describe('tenancies', () => {
  describe('§ 556 Abs. 3 BGB: the utility statement is due by the end of the twelfth month after the period ends', () => {
    for (const [end, due, why] of [
      ['2025-12-31', '2026-12-31', 'calendar year 2025'],
      ['2025-06-30', '2026-06-30', 'a period 01.07.2024–30.06.2025'],
      ['2025-03-15', '2026-03-31', 'a period ending mid-month: to the end of the twelfth month'],
      ['2024-02-29', '2025-02-28', 'a period ending on a leap day'],
      ['2023-02-28', '2024-02-29', 'the twelfth month after is a leap February'],
      ['2025-11-30', '2026-11-30', 'a period ending in November'],
    ] as const) {
      it(`${why}: ${end} → ${due}`, () => assert.equal(utilityStatementDueBy(end), due));
    }
  });

  describe('onboarding fills them', () => {
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

    async function newCompany() {
      const slug = `hv-${randomBytes(4).toString('hex')}`;
      assert.equal((await platform.post('/api/admin/tenants', { slug, name: `HV ${slug}` })).status, 201);
      return slug;
    }

    /** The tenancy as the resident reads it in their own scope (row-level security as in a request). */
    async function tenancyAsResident(slug: string, residentRef: string, asRef = residentRef) {
      const tenant = await requireTenant(server.db, slug);
      const ids = await asTenantAdmin(server.db, tenant.id, async (tx) => {
        const { rows } = await tx.query<{ id: string; account_id: string; external_ref: string }>(
          `SELECT id, account_id, external_ref FROM residents WHERE external_ref = ANY($1)`,
          [[residentRef, asRef]],
        );
        return Object.fromEntries(rows.map((row) => [row.external_ref, row]));
      });
      const reader = ids[asRef];
      return withScope(server.db, { role: 'resident', tenantId: tenant.id, accountId: reader.account_id, residentId: reader.id }, (tx) =>
        findResidentTenancy(tx, ids[residentRef].id),
      );
    }

    it('the CSV import takes Mietbeginn, Kaltmiete, Vorauszahlungen, Hausmeisterbereich and the billing period in German formats', async () => {
      const slug = await newCompany();
      const csv = [
        'Mieternummer;Wohnung;Gebäude;Straße;PLZ;Ort;Lage;Vorname;Nachname;Mietbeginn;Kaltmiete;BK-Vorauszahlung;HK-Vorauszahlung;Hausmeister;Abrechnungsbeginn;Abrechnungsende',
        'WN-1;U-1;G-1;Lindenallee 12;20259;Hamburg;EG links;Erika;Mustermann;01.04.2019;"1.234,50";145,00;85;Herr Krause;01.01.2025;31.12.2025',
        'WN-2;U-2;G-1;;;;EG rechts;Max;Nachbar;;;;;;;',
      ].join('\n');
      const imported = await platform.request('POST', `/api/admin/tenants/${slug}/residents/import`, undefined, {
        raw: csv,
        headers: { 'content-type': 'text/csv; charset=utf-8' },
      });
      assert.equal(imported.status, 201, JSON.stringify(imported.body));
      assert.deepEqual(await tenancyAsResident(slug, 'WN-1'), {
        unit: { label: 'EG links', building: 'Lindenallee 12', address: 'Lindenallee 12, 20259 Hamburg' },
        tenancyStart: '2019-04-01',
        coldRent: 1234.5,
        advancePayments: [
          { label: 'Betriebskosten', amount: 145 },
          { label: 'Heizkosten', amount: 85 },
        ],
        caretakerArea: 'Herr Krause',
        clauses: [],
        billingPeriod: { start: '2025-01-01', end: '2025-12-31' },
      });
      // A row without tenancy columns still rents its unit; nothing else is known.
      const bare = await tenancyAsResident(slug, 'WN-2');
      assert.equal(bare?.unit.label, 'EG rechts');
      assert.equal(bare?.tenancyStart, null);
      assert.equal(bare?.billingPeriod, null);
      // Row-level security: the neighbour never reads Erika's tenancy, even by her id.
      assert.equal(await tenancyAsResident(slug, 'WN-1', 'WN-2'), undefined);
    });

    it('refuses tenancy columns it cannot read, by line, and imports nothing', async () => {
      const slug = await newCompany();
      const csv = [
        'Mieternummer;Wohnung;Gebäude;Straße;PLZ;Ort;Lage;Vorname;Nachname;Mietbeginn;Kaltmiete;Abrechnungsbeginn;Abrechnungsende',
        'WN-1;U-1;G-1;Lindenallee 12;20259;Hamburg;EG links;Erika;Mustermann;31.02.2019;650;01.01.2025;31.12.2025',
        'WN-2;U-2;G-1;;;;EG rechts;Max;Nachbar;;sechshundert;01.01.2025;',
      ].join('\n');
      const refused = await platform.request('POST', `/api/admin/tenants/${slug}/residents/import`, undefined, {
        raw: csv,
        headers: { 'content-type': 'text/csv; charset=utf-8' },
      });
      assert.equal(refused.status, 400);
      assert.equal(refused.body.error.code, 'csv_invalid');
      assert.deepEqual(refused.body.error.details.rows, [
        { line: 2, message: 'Mietbeginn „31.02.2019“ ist kein Datum wie 01.04.2019.' },
        {
          line: 3,
          message: 'Kaltmiete „sechshundert“ ist kein Betrag wie 650,00; Abrechnungsbeginn und Abrechnungsende gehören zusammen.',
        },
      ]);
    });

    it('the admin API creates a resident with a tenancy, and set-tenancy replaces it with a new billing period', async () => {
      const slug = await newCompany();
      await platform.post(`/api/admin/tenants/${slug}/buildings`, {
        externalRef: 'G-1',
        street: 'Hafenstraße 5',
        postalCode: '20359',
        city: 'Hamburg',
      });
      await platform.post(`/api/admin/tenants/${slug}/units`, { externalRef: 'U-1', buildingRef: 'G-1', label: 'DG' });
      const created = await platform.post(`/api/admin/tenants/${slug}/residents`, {
        externalRef: 'WN-7',
        unitRef: 'U-1',
        firstName: 'Jan',
        lastName: 'Petersen',
        tenancy: { tenancyStart: '2020-08-01', clauses: [{ title: 'Haustiere', text: 'Nur mit Zustimmung.' }] },
      });
      assert.equal(created.status, 201, JSON.stringify(created.body));
      assert.deepEqual((await tenancyAsResident(slug, 'WN-7'))?.clauses, [{ title: 'Haustiere', text: 'Nur mit Zustimmung.' }]);

      const badPeriod = await platform.post(`/api/admin/tenants/${slug}/residents`, {
        externalRef: 'WN-8',
        unitRef: 'U-1',
        firstName: 'A',
        lastName: 'B',
        tenancy: { billingPeriodStart: '2025-12-31', billingPeriodEnd: '2025-01-01' },
      });
      assert.equal(badPeriod.status, 400);
      assert.match(JSON.stringify(badPeriod.body), /endet vor seinem Beginn/);

      const tenant = await requireTenant(server.db, slug);
      await asTenantAdmin(server.db, tenant.id, (tx) =>
        setTenancy(tx, tenant.id, 'WN-7', { tenancyStart: '2020-08-01', billingPeriodStart: '2024-07-01', billingPeriodEnd: '2025-06-30' }),
      );
      const updated = await tenancyAsResident(slug, 'WN-7');
      assert.deepEqual(updated?.billingPeriod, { start: '2024-07-01', end: '2025-06-30' });
      assert.deepEqual(updated?.clauses, [], 'the ERP data is the whole truth: clauses not given are gone');
    });
  });
});
