import { randomBytes } from 'node:crypto';
import type { Database } from '../db/database.ts';
import { addBuilding, addResident, addStaff, addUnit } from '../onboarding/use-cases.ts';
import { asTenantAdmin, createTenant } from '../tenants/use-cases.ts';

/**
 * A fresh housing company per test: its own slug, one building with two units, two residents, a clerk
 * and an admin, each with an unused activation code. Tests never share a housing company.
 */
export async function createHousingCompany(db: Database, options: { allowedOrigins?: string[]; name?: string } = {}) {
  const slug = `hv-${randomBytes(5).toString('hex')}`;
  const tenant = await createTenant(db, {
    slug,
    name: options.name ?? `Hausverwaltung ${slug}`,
    allowedOrigins: options.allowedOrigins ?? [],
  });
  return asTenantAdmin(db, tenant.id, async (tx) => {
    const building = await addBuilding(tx, tenant.id, {
      externalRef: 'G-1',
      street: 'Lindenallee 12',
      postalCode: '20259',
      city: 'Hamburg',
    });
    const unitA = await addUnit(tx, tenant.id, { externalRef: 'G-1-01', buildingRef: 'G-1', label: 'EG links' });
    const unitB = await addUnit(tx, tenant.id, { externalRef: 'G-1-02', buildingRef: 'G-1', label: 'EG rechts' });
    const resident = await addResident(tx, tenant.id, {
      externalRef: 'M-1001',
      unitRef: 'G-1-01',
      firstName: 'Erika',
      lastName: 'Mustermann',
    });
    const neighbour = await addResident(tx, tenant.id, { externalRef: 'M-1002', unitRef: 'G-1-02', firstName: 'Max', lastName: 'Nachbar' });
    const clerk = await addStaff(tx, tenant.id, { email: `clerk@${slug}.example`, displayName: 'Clara Sachbearbeiterin', role: 'clerk' });
    const admin = await addStaff(tx, tenant.id, { email: `admin@${slug}.example`, displayName: 'Anton Admin', role: 'admin' });
    return {
      tenant,
      building,
      units: [unitA, unitB],
      resident: { ...resident, email: `erika@${slug}.example` },
      neighbour: { ...neighbour, email: `max@${slug}.example` },
      clerk,
      admin,
    };
  });
}

export type HousingCompany = Awaited<ReturnType<typeof createHousingCompany>>;

/**
 * An owner (Eigentümer) in the company: owns the units given (the first is the one onboarded with; the fixture's
 * resident rents `G-1-01`, so owning it makes a rented-out flat). Signed in like the fixture's residents through
 * `asResident(company, owner)`.
 */
export async function addOwner(db: Database, company: HousingCompany, unitRefs: string[] = ['G-1-01']) {
  const [unitRef, ...more] = unitRefs;
  const owner = await asTenantAdmin(db, company.tenant.id, (tx) =>
    addResident(tx, company.tenant.id, {
      externalRef: `E-${randomBytes(3).toString('hex')}`,
      unitRef,
      relation: 'owner',
      furtherUnits: more.map((ref) => ({ unitRef: ref, relation: 'owner' as const })),
      firstName: 'Otto',
      lastName: 'Eigentümer',
    }),
  );
  return { ...owner, email: `otto-${owner.externalRef.toLowerCase()}@${company.tenant.slug}.example` };
}

/** The company with `person` in the fixture resident's place (to sign them in with the fixture's helpers). */
export function asResident(company: HousingCompany, person: HousingCompany['resident']): HousingCompany {
  return { ...company, resident: person };
}
