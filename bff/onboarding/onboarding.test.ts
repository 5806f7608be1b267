import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { closeTestDatabase, testDatabase } from '../test/harness.ts';
import type { Database } from '../db/database.ts';
import { addBuilding, addResident, addStaff, addUnit, hashActivationCode } from './use-cases.ts';
import { asTenantAdmin, createTenant } from '../tenants/use-cases.ts';
import { withScope } from '../db/scope.ts';

const slug = () => `hv-${randomBytes(4).toString('hex')}`;

describe('onboarding', () => {
  let db: Database;
  before(async () => {
    db = (await testDatabase()).db;
  });
  after(closeTestDatabase);

  it('creates a housing company with staff, building, unit and resident and issues activation codes', async () => {
    const tenant = await createTenant(db, { slug: slug(), name: 'Wohnbau Test eG', allowedOrigins: ['https://www.example.de/x'] });
    assert.deepEqual(tenant.allowedOrigins, ['https://www.example.de']);
    const result = await asTenantAdmin(db, tenant.id, async (tx) => {
      const clerk = await addStaff(tx, tenant.id, { email: 'Clerk@Example.de', displayName: 'Clara Clerk', role: 'clerk' });
      await addBuilding(tx, tenant.id, { externalRef: 'G1', street: 'Hafenstraße 1', postalCode: '20457', city: 'Hamburg' });
      await addUnit(tx, tenant.id, { externalRef: 'G1-01', buildingRef: 'G1', label: 'EG links' });
      const resident = await addResident(tx, tenant.id, { externalRef: 'M-1', unitRef: 'G1-01', firstName: 'Erika', lastName: 'Muster' });
      return { clerk, resident };
    });
    assert.equal(result.clerk.email, 'clerk@example.de');
    assert.match(result.resident.activationCode, /^[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}$/);
    const codes = await withScope(db, { role: 'auth', tenantId: tenant.id }, (tx) =>
      tx.query(`SELECT 1 FROM activation_codes WHERE code_hash = $1 AND used_at IS NULL`, [
        hashActivationCode(result.resident.activationCode.toLowerCase()),
      ]),
    );
    assert.equal(codes.rowCount, 1, 'the code is stored as a hash and matches case-insensitively');
  });

  it('rejects a duplicate slug with a clear error', async () => {
    const s = slug();
    await createTenant(db, { slug: s, name: 'Erste' });
    await assert.rejects(createTenant(db, { slug: s, name: 'Zweite' }), { code: 'slug_taken', status: 409 });
  });

  it('refuses a unit in an unknown building', async () => {
    const tenant = await createTenant(db, { slug: slug(), name: 'HV' });
    await assert.rejects(
      asTenantAdmin(db, tenant.id, (tx) => addUnit(tx, tenant.id, { externalRef: 'U', buildingRef: 'nope', label: 'x' })),
      { code: 'unknown_building' },
    );
  });
});
